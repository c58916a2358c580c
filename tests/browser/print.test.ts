// Every page prints as a clean report: no sidebar, sliders, share box or buttons; each control a
// "Label: value unit" line; nothing wider than the paper; black on white in either color scheme.
// Checked on the print-media DOM (page.emulateMedia) and on Chromium's own PDF (page.pdf).
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, openPage, settle} from "./browser.ts";
import {isPdf, pdfPageCount, printableArea} from "./pdf.ts";

const PAGES = ["/", "/zhipu", "/minimax", "/valuation", "/sensitivity", "/unit-economics", "/sources", "/method", "/verification", "/scenarios/bear", "/compare"];
const A4 = printableArea("A4");

/** Chrome and interactive parts that must not print (when the page has them). */
const HIDDEN = ["#observablehq-sidebar", "#observablehq-sidebar-toggle", "#observablehq-toc", "#observablehq-header", "#observablehq-footer", ".share-box", "input[type=range]", ".control-reset", ".downloads", "#observablehq-main button", "#observablehq-main input[type=radio]"];

interface PrintReport {
  mainWidth: number;
  shownChrome: string[];
  controls: {field: string; label: string; value: string; sameLine: boolean}[];
  choices: string[][];
  wide: string[];
  pale: string[];
  background: number[];
  height: number;
  text: string;
}

/** Runs in the page: what the print-media layout shows. With `width`, the document is held to that
 *  width for one synchronous pass (charts keep the size they were drawn at, as when printing). */
function inspect({limit, width, hidden}: {limit: number; width: number | null; hidden: string[]}): PrintReport {
  const root = document.documentElement;
  if (width !== null) root.style.setProperty("width", `${width}px`);
  try {
    const shown = (el: Element) => {
      if (!el.checkVisibility({visibilityProperty: true})) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    const main = document.querySelector("#observablehq-main")!;
    const origin = root.getBoundingClientRect().left;

    const shownChrome: string[] = [];
    for (const selector of hidden) {
      for (const el of document.querySelectorAll(selector)) if (shown(el)) shownChrome.push(`${selector}: ${describe(el)}`);
    }

    const controls = [...main.querySelectorAll(".control")].filter(shown).map((control) => {
      const label = control.querySelector(":scope > label");
      const input = [...control.querySelectorAll<HTMLInputElement | HTMLSelectElement>(".control-inputs input, .control-inputs select")].find(shown);
      let value = "";
      if (input instanceof HTMLSelectElement) value = input.selectedOptions[0]?.textContent ?? "";
      else if (input?.type === "checkbox") value = input.checked ? "yes" : "no";
      else if (input) value = input.value;
      const unit = control.querySelector(".control-unit");
      const a = label?.getBoundingClientRect();
      const b = input?.getBoundingClientRect();
      return {
        field: control.getAttribute("data-field") ?? "",
        label: label && shown(label) ? (label as HTMLElement).innerText.trim() : "",
        value: value.trim() && unit && shown(unit) ? `${value.trim()} ${(unit as HTMLElement).innerText.trim()}` : value.trim(),
        // On the label's line, or on the next when a long label itself wrapped.
        sameLine: a !== undefined && b !== undefined && getComputedStyle(label!).display === "inline" && ((a.bottom > b.top && b.bottom > a.top) || (label!.getClientRects().length > 1 && b.top - a.bottom < b.height))
      };
    });

    // Each group of radios (preset picker, "Show money in"): the option labels still shown.
    const choices = [...main.querySelectorAll("fieldset, form")]
      .filter((group) => group.querySelector("input[type=radio]") && shown(group))
      .map((group) => [...group.querySelectorAll("label")].filter((label) => label.querySelector("input[type=radio]") && shown(label)).map((label) => `${label.querySelector("input")!.checked ? "checked" : "unchecked"}:${label.innerText.trim()}`));

    // Anything (element or text) past the printable width, except inside charts.
    const wide: string[] = [];
    const outside = (r: DOMRect) => r.width > 0 && (r.left < origin - 1 || r.right > origin + limit + 1);
    for (const el of document.body.querySelectorAll("*")) {
      if (el instanceof SVGElement && el.ownerSVGElement) continue;
      if (shown(el) && outside(el.getBoundingClientRect())) wide.push(`${describe(el)} ${Math.round(el.getBoundingClientRect().left - origin)}…${Math.round(el.getBoundingClientRect().right - origin)}`);
    }
    const range = document.createRange();
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    for (const text of texts) {
      const parent = text.parentElement;
      if (!parent || parent.closest("svg") || !text.data.trim() || !shown(parent)) continue;
      range.selectNodeContents(text);
      for (const r of range.getClientRects()) if (outside(r)) wide.push(`text "${text.data.trim().slice(0, 40)}" in ${describe(parent)} ${Math.round(r.right - origin)}`);
    }

    // Text colour against white paper (WCAG contrast, 4.5 for body text), charts aside.
    const context = document.createElement("canvas").getContext("2d", {willReadFrequently: true})!;
    const rgb = (color: string) => {
      context.fillStyle = "#fff";
      context.fillRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = ([r, g, b]: number[]) => [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const pale = new Set<string>();
    for (const text of texts) {
      const parent = text.parentElement;
      if (!parent || parent.closest("svg") || !text.data.trim() || !shown(parent)) continue;
      const contrast = 1.05 / (luminance(rgb(getComputedStyle(parent).color)) + 0.05);
      if (contrast < 4.5) pale.add(`${describe(parent)} "${text.data.trim().slice(0, 30)}" ${getComputedStyle(parent).color} (${contrast.toFixed(1)}:1)`);
    }

    return {
      mainWidth: main.getBoundingClientRect().width,
      shownChrome,
      controls,
      choices,
      wide,
      pale: [...pale],
      background: rgb(getComputedStyle(document.body).backgroundColor === "rgba(0, 0, 0, 0)" ? getComputedStyle(root).backgroundColor : getComputedStyle(document.body).backgroundColor),
      height: root.scrollHeight,
      text: (main as HTMLElement).innerText
    };
  } finally {
    if (width !== null) root.style.removeProperty("width");
  }
}

function checkReport(report: PrintReport, label: string): void {
  expect(report.shownChrome, `${label}: shown in print`).toEqual([]);
  expect(report.mainWidth, `${label}: the main column takes the page`).toBeGreaterThan(A4.width - 4);
  for (const control of report.controls) {
    expect(control.label, `${label}: ${control.field} has a label`).not.toBe("");
    expect(control.value, `${label}: ${control.field} prints a value`).not.toBe("");
    expect(control.sameLine, `${label}: ${control.field} prints as "label: value"`).toBe(true);
  }
  for (const group of report.choices) {
    expect(group, `${label}: a radio group prints only its choice`).toHaveLength(1);
    expect(group[0], `${label}: the printed choice is the chosen one`).toMatch(/^checked:\S/);
  }
  expect(report.wide, `${label}: wider than the printable width (${A4.width}px)`).toEqual([]);
  expect(report.pale, `${label}: text too pale for paper`).toEqual([]);
  expect(report.background.every((c) => c >= 250), `${label}: white paper, not ${report.background}`).toBe(true);
  expect(report.text).not.toMatch(/\bNaN\b|Copy link|Share this scenario|Projection \(CSV\)/);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, colorScheme: "light" | "dark"): Promise<Page> {
  const {page} = await openPage(browser, inject("baseUrl"), path, {colorScheme});
  expect(await settle(page)).toEqual([]);
  return page;
}

describe("printing", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of PAGES) {
      it(`${path} (${colorScheme}) prints as a report on A4`, async () => {
        const page = await open(path, colorScheme);
        // The PDF first, from the desktop layout, as a reader pressing Ctrl+P would get it.
        const pdf = await page.pdf({format: "A4"});
        expect(isPdf(pdf)).toBe(true);
        const pages = pdfPageCount(pdf);

        await page.emulateMedia({media: "print"});
        // 1. The desktop's drawing (charts at screen width) laid out on the paper's width.
        checkReport(await page.evaluate(inspect, {limit: A4.width, width: A4.width, hidden: HIDDEN}), `${path} as drawn`);
        // 2. The paper's width as the viewport: print media queries and a re-laid-out page.
        await page.setViewportSize({width: A4.width, height: A4.height});
        await settle(page);
        const report = await page.evaluate(inspect, {limit: A4.width, width: null, hidden: HIDDEN});
        checkReport(report, `${path} at paper width`);
        expect(report.controls.length > 0 || !["/", "/zhipu", "/minimax", "/valuation"].includes(path), `${path}: its assumptions print`).toBe(true);
        const title = await page.locator("#observablehq-main h1").first().innerText();
        expect(report.text).toContain(title);

        // About as many pages as the print layout is tall: no blown-up chart, no page per control.
        const expected = Math.ceil(report.height / A4.height);
        expect(pages, `${path}: ${pages} pages for ${report.height}px of print layout`).toBeGreaterThanOrEqual(Math.max(1, Math.floor(expected / 2)));
        expect(pages, `${path}: ${pages} pages for ${report.height}px of print layout`).toBeLessThanOrEqual(2 * expected + 1);
        await page.context().close();
      });
    }
  }

  it("the scenario prints as its title, and a link notice stays", async () => {
    const page = await open("/?scenario=bear&minimax.burnNow=lots", "light");
    await page.emulateMedia({media: "print"});
    const picker = page.getByTestId("preset-picker");
    const printed = await picker.innerText();
    expect(printed).toContain("Bear case");
    expect(printed).not.toMatch(/Base case|Bull case|Management targets/);
    const notice = page.getByTestId("link-notice");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain("minimax.burnNow");
    await page.context().close();
  });

  it("the hidden parts are hidden by CSS, not by accident of layout", async () => {
    const page = await open("/zhipu", "dark");
    await page.emulateMedia({media: "print"});
    const displays = await page.evaluate((selectors) => selectors.flatMap((s) => [...document.querySelectorAll(s)].map((el) => getComputedStyle(el).display)), HIDDEN);
    expect(displays.length).toBeGreaterThan(0);
    expect(new Set(displays)).toEqual(new Set(["none"]));
    await page.context().close();
  });
});
