// The Sources and Unit economics pages as a new reader meets them: the link's scenario is used,
// every operand has its unit, sources are named in words, and tables fit or scroll in their own box.
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, openPage, screenshot, settle} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: {width?: number; height?: number; colorScheme?: "light" | "dark"} = {}) {
  const opened = await openPage(browser, inject("baseUrl"), path, options);
  expect(await settle(opened.page)).toEqual([]);
  return opened;
}

const arithmeticCells = (page: Page) => page.$$eval("td.arithmetic, p.arithmetic", (cells) => cells.map((c) => c.textContent ?? ""));

/** Whether the document scrolls sideways. */
const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

// A number next to an operator with no unit on it: "84.4 ÷ 57.4", "300 × 12", "0.711 × 4.7%".
const BARE_BEFORE = /(?:^|[\s(])[−-]?\d[\d,]*(?:\.\d+)?\s+[×÷+−=]/;
const BARE_AFTER = /[×÷+−=]\s+[−-]?\d[\d,]*(?:\.\d+)?(?=\s+[×÷+−=]|\)|$)/;

describe("unit economics", () => {
  it("uses the scenario in the link: minimax.burnNow=50 reaches the burn arithmetic", async () => {
    const {page, watch} = await open("/unit-economics?scenario=base&minimax.burnNow=50");
    const burn = await page.getByTestId("burn-table").innerText();
    expect(burn).toMatch(/US\$50M \/ month × 12 months/);
    expect(burn).not.toContain("27.9");
    const breakEven = await page.getByTestId("break-even-table").innerText();
    expect(breakEven).toContain("US$50M / month");
    expect(await page.getByTestId("scenario-name").innerText()).toBe("Base case (modified)");
    expect(await page.getByTestId("link-notice").isHidden()).toBe(true);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("names the preset of an unmodified link and says which fields a bad link dropped", async () => {
    const {page} = await open("/unit-economics?scenario=bear&minimax.burnNow=banana");
    expect(await page.getByTestId("scenario-name").innerText()).toBe("Bear case");
    const notice = page.getByTestId("link-notice");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain("minimax.burnNow");
    await page.context().close();
  });

  it("shows every operand of the arithmetic with its unit", async () => {
    const {page} = await open("/unit-economics");
    const cells = await arithmeticCells(page);
    expect(cells.length).toBeGreaterThan(10);
    for (const text of cells) {
      expect(text, text).not.toMatch(/\b\d+(\.\d+)? ÷ \d/);
      expect(text, text).not.toMatch(BARE_BEFORE);
      expect(text, text).not.toMatch(BARE_AFTER);
    }
    expect(cells.join("\n")).toContain("RMB 84.4M ÷ RMB 57.4M");
    await page.context().close();
  });

  it("gives the consumer-share slider a unit, and its arithmetic line too", async () => {
    const {page} = await open("/unit-economics");
    const slider = page.locator("form.share-slider");
    expect(await slider.innerText()).toContain("%");
    await slider.locator("input[type=number]").fill("50");
    await slider.locator("input[type=number]").dispatchEvent("input");
    await expect.poll(() => page.getByTestId("blend-arithmetic").innerText()).toContain("consumer 50% of revenue × 4.7% margin + enterprise 50% × 69.4% margin = ");
    await page.context().close();
  });

  it("cites sources by readable name, linking to the quote", async () => {
    const {page} = await open("/unit-economics");
    const links = await page.$$eval("main a.cite", (as) => as.map((a) => ({text: a.textContent ?? "", href: a.getAttribute("href") ?? "", title: a.getAttribute("title") ?? ""})));
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      expect(link.text, link.text).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/); // not an id
      expect(link.text, link.text).toMatch(/ — \S/); // names its outlet
      expect(link.href).toMatch(/^\.\/sources\?q=[a-z0-9-]+$/);
      expect(link.title.length).toBeGreaterThan(3); // the quote
    }
    await page.context().close();
  });
});

describe("sources", () => {
  it("at 1440 × 900 the facts table shows Quote, Status and Note inside its own box", async () => {
    const {page, watch} = await open("/sources", {width: 1440, height: 900});
    const table = page.getByTestId("facts-table");
    const box = (await table.boundingBox())!;
    const headers = await table.locator("thead th").allInnerTexts();
    for (const name of ["Quote", "Status", "Note"]) {
      expect(headers.map((h) => h.trim())).toContain(name);
      const th = (await table.locator("thead th", {hasText: new RegExp(`^${name}$`)}).boundingBox())!;
      // Inside the box, or reachable by scrolling the box (never the page).
      const scrollWidth = await table.evaluate((el) => el.scrollWidth);
      expect(th.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(th.x + th.width).toBeLessThanOrEqual(box.x + Math.max(box.width, scrollWidth) + 1);
    }
    // At this width it fits without scrolling.
    expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(watch.problems).toEqual([]);
    await screenshot(page, "sources-1440");
    await page.context().close();
  });

  for (const [path, colorScheme] of [["/sources", "light"], ["/sources", "dark"], ["/sources?q=minimax-revenue-share-ai-native-2025q1q3", "dark"]] as const) {
    it(`at 390 px ${path} (${colorScheme}) never scrolls sideways; wide tables scroll in their own box`, async () => {
      const {page} = await open(path, {width: 390, height: 844, colorScheme});
      expect(await pageScrollsSideways(page)).toBe(false);
      const overflowing = await page.$$eval("main table", (tables) =>
        tables
          .filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((t) => {
            const box = t.closest("form, .table-scroll");
            return !box || !["auto", "scroll"].includes(getComputedStyle(box).overflowX);
          }).length
      );
      expect(overflowing).toBe(0);
      await screenshot(page, `sources-390-${colorScheme}${path.includes("?") ? "-one-fact" : ""}`);
      await page.context().close();
    });
  }

  it("lists only assumptions under 'Inputs no article gives', each value with its unit", async () => {
    const {page} = await open("/sources");
    const table = page.getByTestId("assumptions");
    const bases = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-basis")));
    expect(bases.length).toBeGreaterThan(20);
    expect(new Set(bases)).toEqual(new Set(["assumption"]));
    expect(await table.innerText()).not.toMatch(/\bfact\b/i);
    const values = await table.locator("tbody td.value").allInnerTexts();
    for (const value of values) {
      expect(value, value).not.toMatch(/^\s*[−-]?\d*\.\d+\s*$/); // a raw fraction like 0.12
      expect(value, value).toMatch(/[A-Za-z%×$]/); // a unit, a currency or a word
    }
    expect(await table.locator('tr[data-path="zhipu.optionsOutstanding"] td.value').innerText()).toBe("22 million options");
    // Every input, with its basis, in its own table.
    const all = await page.getByTestId("all-inputs").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-basis")));
    expect(new Set(all)).toEqual(new Set(["fact", "derived", "assumption"]));
    await page.context().close();
  });

  it("a link to a fact shows that fact alone, with its quote visible", async () => {
    const id = "minimax-revenue-share-ai-native-2025q1q3";
    const {page} = await open(`/sources?q=${id}`, {width: 1440, height: 900});
    const card = page.getByTestId("fact-card");
    expect(await card.getAttribute("data-fact")).toBe(id);
    expect(await card.locator("h3").innerText()).toBe("MiniMax revenue share, AI-native products, 9M 2025 — Finet");
    const quote = page.getByTestId("fact-quote");
    await expect.poll(() => quote.isVisible()).toBe(true);
    expect((await quote.innerText()).length).toBeGreaterThan(3);
    expect(await page.getByTestId("facts-table").locator("tbody tr").count()).toBe(1);
    await page.context().close();
  });

  it("names facts in citations and conflicts in words, values with units", async () => {
    const {page} = await open("/sources");
    const cites = await page.$$eval("main a.cite", (as) => as.map((a) => a.textContent ?? ""));
    expect(cites.length).toBeGreaterThan(10);
    for (const text of cites) expect(text, text).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    const conflictValues = await page.$$eval(".conflict tbody td:nth-child(2)", (cells) => cells.map((c) => c.textContent ?? ""));
    for (const value of conflictValues) expect(value, value).not.toMatch(/^\s*[−-]?\d*\.\d+\s*$/);
    await page.context().close();
  });
});
