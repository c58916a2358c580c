// Glossary terms on a phone: the ⓘ shows the definition on a tap (no hover needed), the word leads to its entry.
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, openPage, screenshot, settle} from "./browser.ts";
import {GLOSSARY, glossaryTerm} from "../../src/lib/glossary.ts";

const PHONE = {width: 390, height: 844, hasTouch: true} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: Parameters<typeof openPage>[3] = PHONE) {
  const opened = await openPage(browser, inject("baseUrl"), path, options);
  expect(await settle(opened.page)).toEqual([]);
  return opened;
}

/** Whether the element's top is on screen (it may be taller than the screen). */
const onScreen = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const {top, height} = el.getBoundingClientRect();
    return height > 0 && top >= 0 && top < innerHeight;
  });

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

describe("glossary terms on a phone", () => {
  for (const path of ["/method", "/glossary"]) {
    it(`${path}: tapping ⓘ shows the definition, tapping again hides it`, async () => {
      const {page, watch} = await open(path);
      const terms = page.locator("main .term");
      expect(await terms.count()).toBeGreaterThan(0);
      // The last term is the one nearest the right edge and the bottom: the hardest to keep on screen.
      for (const which of [terms.first(), terms.last()]) {
        const id = (await which.locator(".term-link").getAttribute("href"))!.split("#")[1]!;
        const button = which.locator(".term-info");
        const note = which.locator("[role=note]");
        expect(await note.isVisible()).toBe(false);
        await button.tap();
        expect(await note.isVisible()).toBe(true);
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        expect(await note.innerText()).toContain(glossaryTerm(id).definition);
        const box = (await note.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);
        await button.tap();
        expect(await note.isVisible()).toBe(false);
        expect(await button.getAttribute("aria-expanded")).toBe("false");
      }
      expect(watch.problems).toEqual([]);
      await page.context().close();
    });
  }

  it("/method: the keyboard opens a definition with Enter or Space and closes it with Escape", async () => {
    const {page, watch} = await open("/method", {width: 1280, height: 900});
    const first = page.locator("main .term").first();
    const button = first.locator(".term-info");
    const note = first.locator("[role=note]");
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await note.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await note.isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    expect(await note.isVisible()).toBe(true);
    await page.locator("main h1").click();
    expect(await note.isVisible()).toBe(false);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("/method: following a term lands on its glossary entry, on screen", async () => {
    const {page, watch} = await open("/method");
    const link = page.locator('main .term-link[href$="#terminal-value"]');
    await link.tap();
    await page.waitForURL(/\/glossary#terminal-value$/);
    expect(await settle(page)).toEqual([]);
    await expect.poll(() => onScreen(page, "#terminal-value")).toBe(true);
    expect(await page.locator("#terminal-value").innerText()).toContain(glossaryTerm("terminal-value").definition);
    await screenshot(page, "glossary-terminal-value-phone");
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });
});

describe("glossary page", () => {
  it("has an entry for every term, and the search narrows them", async () => {
    const {page, watch} = await open("/glossary", {width: 1280, height: 900});
    const shown = () => page.locator(".glossary-entry:visible").count();
    expect(await page.locator(".glossary-entry").evaluateAll((els) => els.map((e) => e.id).sort())).toEqual(GLOSSARY.map((e) => e.id).sort());
    expect(await shown()).toBe(GLOSSARY.length);
    await page.locator('input[type="search"]').fill("Black–Scholes");
    await expect.poll(shown).toBeLessThan(GLOSSARY.length);
    expect(await page.locator("#black-scholes").isVisible()).toBe(true);
    await page.locator('input[type="search"]').fill("");
    await expect.poll(shown).toBe(GLOSSARY.length);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("opens on the entry its address names, in the dark theme too", async () => {
    const {page, watch} = await open("/glossary#nol", {...PHONE, colorScheme: "dark"});
    await expect.poll(() => onScreen(page, "#nol")).toBe(true);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);
    expect(watch.problems).toEqual([]);
    await screenshot(page, "glossary-phone-dark");
    await page.context().close();
  });
});
