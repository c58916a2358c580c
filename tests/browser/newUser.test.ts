// The defects a new user hit (issue 7), each as the user met it.
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, openPage, settle} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: Parameters<typeof openPage>[3] = {}) {
  const opened = await openPage(browser, inject("baseUrl"), path, options);
  expect(await settle(opened.page)).toEqual([]);
  return opened;
}

const box = (page: Page, path: string) => page.locator(`.control[data-field="${path}"] input[type="number"]`).first();
const slider = (page: Page, path: string) => page.locator(`.control[data-field="${path}"] input[type="range"]`).first();

describe("controls", () => {
  it("a number typed key by key that ends out of range keeps the value from before the typing, not a prefix of it, and says so", async () => {
    const {page, watch} = await open("/?scenario=base");
    const burn = box(page, "zhipu.burnNow");
    const before = await burn.inputValue();
    await burn.click();
    await burn.selectText();
    await burn.pressSequentially("99999999"); // 9,999 on the way is valid; 99,999 and beyond are not
    const message = page.locator('.control[data-field="zhipu.burnNow"] .control-message');
    await expect.poll(() => message.innerText()).toMatch(/^Monthly cash burn now: must be between .*; it stays RMB \d+(\.\d+)?M \/ month$/);
    expect(await burn.inputValue()).toBe("99999999"); // the text stays while the box has the focus
    await page.waitForTimeout(400); // past the link's write delay
    expect(new URL(page.url()).searchParams.get("zhipu.burnNow")).toBeNull();
    // Leaving the box shows the value that stayed.
    await burn.press("Tab");
    expect(await burn.inputValue()).toBe(before);
    expect(await burn.getAttribute("aria-invalid")).toBe("false");
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("typing a number moves the slider with it", async () => {
    const {page, watch} = await open("/zhipu");
    await box(page, "zhipu.burnNow").fill("500");
    await box(page, "zhipu.burnNow").press("Tab");
    await expect.poll(() => slider(page, "zhipu.burnNow").inputValue()).toBe("500");
    expect(await box(page, "zhipu.burnNow").inputValue()).toBe("500");
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("typing a preset's own value back is not a change", async () => {
    const {page} = await open("/minimax");
    const description = page.getByTestId("preset-picker").locator(".preset-description");
    await box(page, "minimax.growthStart").fill("200");
    await expect.poll(() => page.url()).toContain("minimax.growthStart=2");
    // The preset's story no longer describes the numbers shown: it says so first.
    expect(await description.innerText()).toMatch(/^The base case as published, before your changes: The sourced baseline/);
    await box(page, "minimax.growthStart").fill("174.7");
    await expect.poll(() => new URL(page.url()).search).toBe("?scenario=base");
    expect(await page.getByTestId("preset-picker").locator(".preset-modified").isHidden()).toBe(true);
    expect(await description.innerText()).toMatch(/^The sourced baseline/);
    await page.context().close();
  });

  it("arrow keys step through round values", async () => {
    const {page} = await open("/zhipu");
    await slider(page, "zhipu.burnNow").focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => box(page, "zhipu.burnNow").inputValue()).toBe("400");
    await expect.poll(() => page.url()).toContain("zhipu.burnNow=400");
    await page.context().close();
  });

  it("help is reachable by tap: every control opens its meaning and allowed range", async () => {
    const {page} = await open("/", {width: 390, height: 844, hasTouch: true});
    const control = page.locator('.control[data-field="zhipu.opexGrowth"]');
    await control.locator("summary").tap();
    await expect.poll(() => control.locator("details p").first().isVisible()).toBe(true);
    expect(await control.locator("details p").first().innerText()).toMatch(/Allowed: −90% a year to 500% a year/);
    await page.context().close();
  });
});

describe("glossary terms", () => {
  it("are styled by the site's stylesheet (a plain ⓘ, not a grey browser button)", async () => {
    const {page} = await open("/");
    const style = await page.locator(".term-info").first().evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopStyle]);
    expect(style).toEqual(["rgba(0, 0, 0, 0)", "none"]);
    await page.context().close();
  });
});

describe("links", () => {
  it("carry the display currency, and every money figure follows it", async () => {
    const {page} = await open("/valuation?scenario=base&currency=USD");
    expect(await page.getByTestId("currency-picker").getByRole("radio", {name: "USD"}).isChecked()).toBe(true);
    expect(await page.getByTestId("implied-zhipu").locator("h3").innerText()).toMatch(/What the price of US\$\d+\.\d\d implies/);
    expect(await page.getByTestId("value-minimax").innerText()).toMatch(/^US\$/);
    const main = await page.locator("main").innerText();
    expect(main).not.toMatch(/HK\$[\d,.]+[MB]\b/); // no HKD money outside inputs and per-share prices
    await page.getByTestId("currency-picker").getByRole("radio", {name: "RMB"}).check();
    await expect.poll(() => page.url()).toContain("currency=RMB");
    await expect.poll(() => page.getByTestId("value-minimax").innerText()).toMatch(/^RMB /);
    // The choice carries to the other pages through the sidebar.
    const href = await page.locator('#observablehq-sidebar a[href*="zhipu"]').getAttribute("href");
    expect(href).toContain("currency=RMB");
    await page.context().close();
  });

  it("a parameter given twice is named in the notice, not applied silently", async () => {
    const {page} = await open("/?scenario=bull&scenario=bear&minimax.growthStart=0.5&minimax.growthStart=3&zhipu.burnNow=250");
    const notice = await page.getByTestId("link-notice").innerText();
    expect(notice).toContain("minimax.growthStart");
    expect(notice).toMatch(/given 2 times with different values/);
    expect(notice).toContain("scenario");
    expect(await box(page, "zhipu.burnNow").inputValue()).toBe("250");
    await page.context().close();
  });
});

describe("what a first-time visitor sees", () => {
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    it(`the overview answers the question on the first screen at ${width}×${height}`, async () => {
      const {page} = await open("/", {width, height});
      for (const firm of ["zhipu", "minimax"]) {
        for (const id of [`runway-${firm}`, `breakeven-${firm}`, `value-${firm}`]) {
          const box = await page.getByTestId(id).first().boundingBox();
          expect(box, id).not.toBeNull();
          expect(box!.y + box!.height, `${id} within the first screen`).toBeLessThanOrEqual(height);
        }
      }
      await page.context().close();
    });
  }

  it("the sidebar leads back to the overview", async () => {
    const {page} = await open("/zhipu");
    await page.locator("#observablehq-sidebar").getByRole("link", {name: "Overview"}).click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname.endsWith("/index"));
    await page.context().close();
  });

  for (const path of ["/", "/zhipu", "/minimax", "/valuation"]) {
    it(`${path} says what the figures are as of, and counts the runway from today too`, async () => {
      // Burns high enough that both firms run out of cash, so both runways have a date.
      const {page} = await open(`${path}?scenario=bear&zhipu.burnNow=600&minimax.burnNow=60`);
      const age = await page.getByTestId("data-age").first().innerText();
      expect(age).toMatch(/Figures as of/);
      expect(age).toMatch(/30 (Jun|Sep) 2025/);
      expect(age).toMatch(/Today is/);
      if (path !== "/valuation") expect(await page.locator("main").innerText()).toMatch(/months (from|before) today/);
      await page.context().close();
    });
  }

  it("the cash chart dates its markers, keeps target labels off the lines and spans the valuation's ten years", async () => {
    const {page} = await open("/?scenario=bear");
    const svg = page.locator("main svg").filter({hasText: "Cash ("}).first();
    const text = await svg.innerText().catch(async () => (await svg.textContent()) ?? "");
    expect(text).toMatch(/cash out [A-Z][a-z]{2} \d{4}/);
    expect(text).toMatch(/Zhipu AI target: 2026/);
    // Target labels sit above the plot frame, not on the lines.
    const labelBottom = await svg.locator("text", {hasText: "target:"}).evaluateAll((nodes) => Math.max(...nodes.map((n) => (n as SVGGraphicsElement).getBoundingClientRect().bottom)));
    const lineTop = await svg.locator('[aria-label="line"] path').evaluateAll((nodes) => Math.min(...nodes.map((n) => (n as SVGGraphicsElement).getBoundingClientRect().top)));
    expect(labelBottom).toBeLessThanOrEqual(lineTop + 1);
    // Valuation: ten years after the January 2026 listing, so the axis reaches 2036.
    expect(text).toMatch(/2035|2036/);
    await page.context().close();
  });
});

describe("tables", () => {
  it("follow the dark theme: no white header row", async () => {
    const {page} = await open("/zhipu", {colorScheme: "dark"});
    const header = page.locator('[data-testid="projection-table"] thead th').first();
    const background = await header.evaluate((th) => getComputedStyle(th).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.context().close();
  });

  for (const [path, width, columnText] of [["/zhipu", 390, "Cash, end of month"], ["/valuation", 1440, "PV ("]] as const) {
    it(`${path} at ${width} px: every table cell reads in full (the table scrolls in its own box)`, async () => {
      const {page} = await open(path, {width, height: 900});
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      const truncated = await page.locator("main table td").evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
      expect(truncated).toBe(0);
      expect(await page.locator(".number-table thead").first().innerText()).toBeTruthy();
      expect(await page.locator("main").innerText()).toContain(columnText);
      await page.context().close();
    });
  }
});
