// The sensitivity page: three tornadoes and two grids per firm, and a click on either puts the
// value into the scenario (and the share link).
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, openSettled, screenshot} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const FIRMS = ["zhipu", "minimax"] as const;
const OUTPUTS = ["runway", "breakEven", "value"] as const;

/** Text a number should never be shown as. */
const BROKEN = /\bNaN\b|\bundefined\b|Infinity|\bnull\b/;

const chart = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

describe("sensitivity page", () => {
  for (const [name, options] of [
    ["desktop-light", {width: 1280, height: 900, colorScheme: "light"}],
    ["phone-dark", {width: 390, height: 844, colorScheme: "dark"}]
  ] as const) {
    it(`opens with every chart for both firms, no error and no foreign request (${name})`, async () => {
      const {page, watch} = await openSettled(browser, inject("baseUrl"), "/sensitivity", options);
      for (const firm of FIRMS) {
        for (const output of OUTPUTS) {
          const tornado = chart(page, `tornado-${firm}-${output}`);
          await expect.poll(() => tornado.locator("svg circle[data-path]").count()).toBeGreaterThan(0);
        }
        for (const output of ["runway", "value"]) {
          const heatmap = chart(page, `heatmap-${firm}-${output}`);
          expect(await heatmap.getAttribute("data-cells")).toBe(String(21 * 21));
          expect(await heatmap.locator("svg image").count()).toBe(1);
        }
      }
      expect(await page.locator('[data-testid^="tornado-"]').count()).toBe(6);
      expect(await page.locator('[data-testid^="heatmap-"]').count()).toBe(4);
      expect(await page.getByTestId("sensitivity-ranges").innerText()).toMatch(/the scenario's ranges/);
      expect(await page.locator('main a[href*="risk"]').first().getAttribute("href")).toMatch(/risk\?scenario=base/);
      expect(await page.locator("main").innerText()).not.toMatch(BROKEN);
      // The page never scrolls sideways, and no chart is wider than its card.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
      expect(await page.$$eval(".sens-chart svg", (svgs) => svgs.filter((svg) => svg.getBoundingClientRect().right > svg.closest(".card")!.getBoundingClientRect().right + 1).length)).toBe(0);
      expect(watch.problems).toEqual([]);
      expect(watch.requests.every((url) => url.startsWith(inject("baseUrl")) || url.startsWith("data:") || url.startsWith("blob:"))).toBe(true);
      await screenshot(page, `sensitivity-${name}`);
      await page.context().close();
    });
  }

  it("a click on a bar end sets that input, the link follows, and the current marker moves", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/sensitivity");
    const tornado = chart(page, "tornado-zhipu-runway");
    const before = await tornado.getAttribute("data-current");
    // Zhipu's burn at the low end of its range (RMB 136.7M a month): the cash lasts longer.
    const end = tornado.locator('circle[data-path="zhipu.burnNow"][data-end="low"]');
    expect(await end.getAttribute("data-value")).toBe("136.7");
    await end.click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain("zhipu.burnNow=136.7");
    await expect.poll(() => tornado.getAttribute("data-current")).not.toBe(before);
    expect(Number(await tornado.getAttribute("data-current"))).toBeGreaterThan(Number(before));
    // The link to the Risk page carries the state; the page says what was set.
    await expect.poll(() => page.locator('main a[href^="./risk"], main a[href^="/risk"]').first().getAttribute("href")).toContain("zhipu.burnNow=136.7");
    expect(await page.getByTestId("sensitivity-applied").innerText()).toMatch(/Zhipu AI: Monthly cash burn now set to RMB 137M \/ month/);
    expect(await page.locator("main").innerText()).not.toMatch(BROKEN);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a link's range on an exchange rate is swung in both value tornadoes, and a click on its end sets the rate", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/sensitivity?scenario=base&range.market.usdHkd=uniform(7.7%2C7.9)");
    for (const firm of FIRMS) await expect.poll(() => chart(page, `tornado-${firm}-value`).locator('circle[data-path="market.usdHkd"]').count()).toBe(2);
    expect(await page.getByTestId("sensitivity-ranges").innerText()).toMatch(/HKD per USD/);
    const value = chart(page, "tornado-minimax-value");
    const before = await value.getAttribute("data-current");
    await value.locator('circle[data-path="market.usdHkd"][data-end="high"]').click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain("market.usdHkd=7.9");
    await expect.poll(() => value.getAttribute("data-current")).not.toBe(before);
    expect(await page.getByTestId("sensitivity-applied").innerText()).toMatch(/^HKD per USD set to HK\$7\.9 per US\$/);
    expect(await page.locator("main").innerText()).not.toMatch(BROKEN);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a click on a grid cell sets both of its inputs", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/sensitivity");
    const heatmap = chart(page, "heatmap-minimax-value");
    // The top left cell: the lowest growth, the highest cost of capital.
    const x = (await heatmap.getAttribute("data-x-values"))!.split(",")[0];
    const y = (await heatmap.getAttribute("data-y-values"))!.split(",").at(-1);
    // Count the heatmap's redraws: both values go in as one change, so it is drawn once, not twice.
    await page.evaluate(() => {
      const w = window as unknown as {heatmapDraws: number};
      w.heatmapDraws = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && (n.matches('[data-testid="heatmap-minimax-value"]') || n.querySelector('[data-testid="heatmap-minimax-value"]'))) w.heatmapDraws++;
      }).observe(document.body, {childList: true, subtree: true});
    });
    await heatmap.locator(".sens-hit").click({position: {x: 3, y: 3}});
    await expect.poll(() => page.evaluate(() => location.search)).toContain(`minimax.growthStart=${x}`);
    expect(await page.evaluate(() => location.search)).toContain(`minimax.costOfCapital=${y}`);
    await expect.poll(() => heatmap.getAttribute("data-current-x")).toBe(x);
    expect(await heatmap.getAttribute("data-current-y")).toBe(y);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as {heatmapDraws: number}).heatmapDraws)).toBe(1);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("the keyboard reaches a chart and Enter applies the end it shows", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/sensitivity?scenario=base");
    const svg = chart(page, "tornado-minimax-value").locator("svg.sens-pickable");
    await svg.focus();
    await page.keyboard.press("ArrowRight");
    const active = svg.locator(".sens-active");
    const [path, value] = [await active.getAttribute("data-path"), await active.getAttribute("data-value")];
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.search)).toContain(`${path}=${value}`);
    // Focus comes back to the redrawn chart, so the keys keep working.
    expect(await page.evaluate(() => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid"))).toBe("tornado-minimax-value");
    await page.context().close();
  });
});
