// The compare page as a person uses it: open a comparison, paste a share link copied from a firm page
// into a new column, share the page's own link, open hostile links, read it on a phone.
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

async function open(path: string, options?: Parameters<typeof openPage>[3]) {
  const opened = await openPage(browser, inject("baseUrl"), path, options);
  expect(await settle(opened.page)).toEqual([]);
  return opened;
}

/** A headline cell of one column: its text and machine value. */
async function cell(page: Page, key: string, firm: string, column: number): Promise<{text: string; value: string | null}> {
  const td = page.locator(`[data-testid="compare-${key}-${firm}"][data-column="${column}"]`);
  return {text: (await td.innerText()).trim(), value: await td.getAttribute("data-value")};
}

const entries = (page: Page) => page.getByTestId("compare-entry").count();

describe("/compare", () => {
  it("shows two scenarios side by side: a line per scenario in each firm's chart, the headline and differing-inputs tables", async () => {
    const {page, watch} = await open("/compare?s=base&s=bear");
    expect(await entries(page)).toBe(2);
    for (const firm of ["zhipu", "minimax"]) {
      const chart = page.getByTestId(`compare-chart-${firm}`);
      expect(await chart.locator('svg g[aria-label="line"]').count()).toBe(2);
      expect(await chart.locator(".compare-legend-item").allInnerTexts()).toEqual(["A: Base case", "B: Bear case"]);
      for (const column of [0, 1]) expect((await cell(page, "runway", firm, column)).text).not.toBe("");
    }
    // Bear's changes are the differing inputs.
    const paths = await page.locator('[data-testid="compare-inputs"] tr[data-path]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-path")));
    expect(paths).toEqual(expect.arrayContaining(["zhipu.growthStart", "zhipu.grossMarginTarget", "minimax.growthStart"]));
    // Number cells are right-aligned.
    expect(await page.locator('[data-testid="compare-runway-zhipu"]').first().evaluate((td) => getComputedStyle(td).textAlign)).toBe("right");
    expect(await page.getByTestId("compare-notice").isHidden()).toBe(true);
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\bNaN\b|Infinity|undefined/);
    expect(watch.problems).toEqual([]);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({colorScheme: scheme});
      await screenshot(page, `compare-${scheme}`);
    }
    await page.context().close();
  });

  it("takes a share link copied from /zhipu after a slider moved, with the runway the firm page shows; the link keeps it", async () => {
    // On the firm page: move the burn slider, then copy the share link and read the runway.
    const firm = await open("/zhipu?scenario=base");
    const before = await firm.page.getByTestId("runway-zhipu").first().getAttribute("data-value");
    const slider = firm.page.locator('.control[data-field="zhipu.burnNow"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 30; i++) await firm.page.keyboard.press("ArrowRight");
    // The address (and the share box) follows a moment after the last step: wait for the slider's value.
    const burn = await slider.inputValue();
    await expect.poll(() => firm.page.getByTestId("share-link").inputValue()).toContain(`zhipu.burnNow=${burn}`);
    const link = await firm.page.getByTestId("share-link").inputValue();
    const runway = (await firm.page.getByTestId("runway-zhipu").first().innerText()).trim();
    const months = await firm.page.getByTestId("runway-zhipu").first().getAttribute("data-value");
    expect(months).not.toBe(before);
    await firm.page.context().close();

    const {page, watch} = await open("/compare?s=base&s=bear");
    await page.getByTestId("compare-add").click();
    expect(await entries(page)).toBe(3);
    const box = page.getByTestId("compare-paste-2");
    await box.fill(link);
    await box.press("Enter");
    await expect.poll(async () => (await cell(page, "runway", "zhipu", 2)).value).toBe(months);
    expect((await cell(page, "runway", "zhipu", 2)).text).toBe(runway);
    // Three lines in each chart now; the burn is among the differing inputs.
    expect(await page.getByTestId("compare-chart-zhipu").locator('svg g[aria-label="line"]').count()).toBe(3);
    expect(await page.locator('[data-testid="compare-inputs"] tr[data-path="zhipu.burnNow"]').count()).toBe(1);
    // The page's own link holds the three columns, and reloading restores them.
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).getAll("s").length)).toBe(3);
    const url = page.url();
    const query = new URL(link).search.slice(1);
    expect(new URL(url).searchParams.getAll("s")).toEqual(["base", "bear", query]);
    await page.reload({waitUntil: "networkidle"});
    expect(await settle(page)).toEqual([]);
    expect(await entries(page)).toBe(3);
    expect(await page.getByTestId("compare-paste-2").inputValue()).toBe(query);
    expect(await cell(page, "runway", "zhipu", 2)).toEqual({text: runway, value: months});
    // "Open in the notebook" goes back to that state.
    const back = await page.getByTestId("compare-open-2").getAttribute("href");
    expect(back).toBe(`./?${query}`);
    await page.getByTestId("compare-open-2").click();
    await page.waitForURL((u) => u.pathname === "/");
    expect(await settle(page)).toEqual([]);
    await expect.poll(() => page.getByTestId("runway-zhipu").first().getAttribute("data-value")).toBe(months);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("refuses a bad paste beside its entry and changes nothing; removes down to two", async () => {
    const {page, watch} = await open("/compare?s=base&s=bear&s=bull");
    const before = page.url();
    const box = page.getByTestId("compare-paste-1");
    await box.fill("javascript:alert(1)");
    await box.press("Enter");
    const message = page.locator('[data-testid="compare-entry"][data-column="1"] .compare-message');
    await expect.poll(() => message.innerText()).toMatch(/"javascript:" links are not read/);
    expect(page.url()).toBe(before);
    // A paste longer than any share link is refused without being read.
    await box.fill(`scenario=bull&zhipu.burnNow=${"9".repeat(20000)}`);
    await box.press("Enter");
    await expect.poll(() => message.innerText()).toMatch(/is 20,028 characters long; a scenario's link has at most 16,000/);
    expect(page.url()).toBe(before);
    await page.getByRole("button", {name: "Remove scenario C"}).click();
    expect(await entries(page)).toBe(2);
    expect(await page.getByRole("button", {name: "Remove scenario A"}).isDisabled()).toBe(true);
    expect(new URL(page.url()).searchParams.getAll("s")).toEqual(["base", "bear"]);
    // Four at most.
    for (let i = 0; i < 2; i++) await page.getByTestId("compare-add").click();
    expect(await entries(page)).toBe(4);
    expect(await page.getByTestId("compare-add").isDisabled()).toBe(true);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a hostile link: each refusal named as text, nothing injected, valid columns kept", async () => {
    const hostile = new URLSearchParams([
      ["s", "javascript:alert(1)"],
      ["s", '<img src=x onerror="document.body.dataset.pwned=1">'],
      ["s", "bull"],
      ["s", "scenario=base&zhipu.burnNow=<b>x</b>"],
      ["s", "x".repeat(5000)], // a URL has room for little more (the test server's limit is 16 kB); longer pastes are refused below
      ["currency", "<i>EUR</i>"]
    ]);
    const {page, watch} = await open(`/compare?${hostile}`);
    expect(await entries(page)).toBe(2);
    const notice = await page.getByTestId("compare-notice").innerText();
    expect(notice).toMatch(/Scenario 1 .*"javascript:" links are not read/);
    expect(notice).toMatch(/Scenario 2 .*<img src=x/);
    expect(notice).toMatch(/Scenario 5 \(x{80}… \(5,000 characters\)\): unknown scenario "x{80}…/);
    expect(notice).toMatch(/currency = <i>EUR<\/i>: must be one of HKD, USD, RMB/);
    // The pasted link's bad field is named beside its column, which is kept.
    expect(await page.locator('[data-testid="compare-entry"][data-column="1"] .compare-issues').innerText()).toMatch(/zhipu\.burnNow = <b>x<\/b>/);
    expect(await page.locator("main img, main b:not(.compare-entry b), main i").count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(new URL(page.url()).searchParams.getAll("s")).toEqual(["bull", "base"]);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("fits a phone: no sideways scroll of the page (the tables scroll in their own box)", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const {page, watch} = await open(`/compare?s=base&s=bear&s=${encodeURIComponent("scenario=bull&minimax.burnNow=40")}&s=management-targets`, {width: 390, height: 844, colorScheme});
      expect(await entries(page)).toBe(4);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      for (const firm of ["zhipu", "minimax"]) expect(await page.getByTestId(`compare-chart-${firm}`).locator('svg g[aria-label="line"]').count()).toBe(4);
      expect(watch.problems).toEqual([]);
      await screenshot(page, `compare-phone-${colorScheme}`);
      await page.context().close();
    }
  });
});
