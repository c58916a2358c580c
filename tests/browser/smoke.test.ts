// Every page of the built site loads cleanly: no errors, no foreign requests, no NaN.
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launch, openPage, screenshot, settle} from "./browser.ts";

const PAGES = ["/", "/zhipu", "/minimax", "/valuation", "/risk", "/sensitivity", "/unit-economics", "/sources", "/method", "/verification", "/glossary", "/scenarios/", "/scenarios/bear", "/compare"];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("every page", () => {
  for (const path of PAGES) {
    it(`${path} loads with no error, no failed request and no request to another origin`, async () => {
      const {page, watch} = await openPage(browser, inject("baseUrl"), path);
      const errorCells = await settle(page);
      expect(errorCells).toEqual([]);
      expect(watch.problems).toEqual([]);
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/\bNaN\b|Infinity|undefined/);
      await screenshot(page, path === "/" ? "index" : path.slice(1).replaceAll("/", "-"));
      await page.context().close();
    });
  }

  it("the overview shows the engine's numbers for both firms", async () => {
    const {page} = await openPage(browser, inject("baseUrl"), "/");
    await settle(page);
    for (const firm of ["zhipu", "minimax"]) {
      await expect.poll(() => page.getByTestId(`runway-${firm}`).first().count()).toBeGreaterThan(0);
    }
    const runway = await page.getByTestId("runway-zhipu").first().getAttribute("data-value");
    expect(Number(runway)).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe("themes and widths", () => {
  for (const path of ["/", "/zhipu", "/valuation", "/unit-economics"]) {
    it(`${path} fits a phone screen in the dark theme`, async () => {
      const {page, watch} = await openPage(browser, inject("baseUrl"), path, {width: 390, height: 844, colorScheme: "dark"});
      expect(await settle(page)).toEqual([]);
      // The page itself never scrolls sideways (wide tables scroll inside their own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe("rgb(255, 255, 255)");
      expect(watch.problems).toEqual([]);
      await screenshot(page, `${path === "/" ? "index" : path.slice(1)}-phone-dark`);
      await page.context().close();
    });
  }
});
