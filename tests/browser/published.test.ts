// Published scenarios: a page per data/scenarios/*.json whose numbers are the runner's, link
// previews stating the headline, "Open in the notebook" and "Download JSON", the sortable list, a
// one-to-two-page PDF, and "Save as scenario…" writing a file that reads back as the same numbers.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Download} from "playwright-core";
import {launch, openPage, openSettled, screenshot} from "./browser.ts";
import {isPdf, pdfPageCount} from "./pdf.ts";
import {ROOT, SCENARIO_DIR, readBaseline, readPresetFiles, scenarioFileNames} from "../../src/data/read.ts";
import {resolvePresets, resolveScenarioFile} from "../../src/lib/scenarios.ts";
import {decodeShareLink} from "../../src/lib/shareLink.ts";
import {computeScenario} from "../../src/lib/results.ts";
import {FIRMS} from "../../src/lib/fields.ts";
import ExcelJS from "exceljs";
import {monthlySheetName, valuationSheetName} from "../../src/lib/workbook.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const baseline = readBaseline();
const {presets} = resolvePresets(baseline.scenario, readPresetFiles());

/** The runner's JSON for a scenario file, with its own simulation settings. */
function runner(name: string): any {
  const u = presets.get(name)!.uncertainty!;
  const out = execFileSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/runner.ts", join("data", "scenarios", `${name}.json`), "--simulate", String(u.simulation.paths), "--seed", String(u.simulation.seed)], {cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024});
  return JSON.parse(out);
}

async function text(download: Download): Promise<string> {
  return (await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))).toString("utf8");
}

describe("a page per scenario file", () => {
  it("every file in data/scenarios/ is published and listed", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/scenarios/");
    const links = await page.getByTestId("published-table").locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links.sort()).toEqual(scenarioFileNames().map((n) => `/scenarios/${n}`).sort());
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  for (const name of scenarioFileNames()) {
    it(`/scenarios/${name}: the headline numbers are the runner's for the same file`, async () => {
      const report = runner(name);
      const {page, watch} = await openSettled(browser, inject("baseUrl"), `/scenarios/${name}`);
      const value = async (testid: string) => page.getByTestId(testid).getAttribute("data-value");
      for (const firm of FIRMS) {
        const r = report.firms[firm];
        expect(await value(`runway-${firm}`)).toBe(r.runway.months === null ? "" : String(r.runway.months));
        expect(await value(`breakeven-${firm}`)).toBe(r.breakEven.date ?? "");
        expect(r.valuation.currency).toBe("HKD");
        expect(Number(await value(`value-${firm}`))).toBe(r.valuation.valuePerShare);
        for (const key of ["cashOutBeforeBreakEven", "breakEvenByTarget", "valueAbovePrice"]) {
          expect(Number(await value(`p-${key}-${firm}`)), `${firm} ${key}`).toBe(r.risk.probabilities[key].p);
        }
      }
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/\bNaN\b|Infinity|undefined/);
      expect(watch.problems).toEqual([]);
      await page.context().close();
    });
  }

  it("the link preview states the headline result; the title is the scenario's", async () => {
    const {page} = await openPage(browser, inject("baseUrl"), "/scenarios/bear");
    expect(await page.title()).toBe("Bear case | Zhipu & MiniMax");
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description).toMatch(/^Bear case: Zhipu AI runs out of cash in \w{3} \d{4}; MiniMax runs out of cash in \w{3} \d{4}\.$/);
    expect(await page.locator('meta[property="og:description"]').getAttribute("content")).toBe(description);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Bear case | Zhipu & MiniMax");
    await page.context().close();
  });

  it("shows what the scenario assumes differently from base, with the base's source and the scenario's reason", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/scenarios/bear");
    const rows = page.getByTestId("differences").locator("tbody tr[data-path]");
    const paths = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-path")));
    expect(paths).toEqual(expect.arrayContaining(["zhipu.growthStart", "zhipu.grossMarginTarget", "zhipu.opexGrowth", "minimax.growthStart", "minimax.grossMarginTarget", "minimax.opexGrowth"]));
    const growth = await page.locator('tr[data-path="zhipu.growthStart"]').innerText();
    expect(growth).toContain("130% a year");
    expect(growth).toContain("65% a year");
    expect(growth).toContain(presets.get("bear")!.notes!["zhipu.growthStart"]!);
    const {page: basePage} = await openSettled(browser, inject("baseUrl"), "/scenarios/base");
    await expect.poll(() => basePage.getByTestId("differences-none").count()).toBe(1);
    await basePage.context().close();
    await page.context().close();
  });

  it("Open in the notebook restores exactly this state; Download JSON gives the file back", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/scenarios/bull");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    expect(download.suggestedFilename()).toBe("bull.json");
    expect(await text(download)).toBe(readFileSync(join(SCENARIO_DIR, "bull.json"), "utf8"));
    const runwayHere = await page.getByTestId("runway-zhipu").getAttribute("data-value");
    await page.getByTestId("open-in-notebook").click();
    await page.waitForURL(/\/\?scenario=bull$/);
    await expect.poll(() => page.getByTestId("runway-zhipu").first().getAttribute("data-value")).toBe(runwayHere);
    await page.context().close();
  });

  it("Download workbook gives both firms' sheets of this scenario, with the page's value per share cached", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/scenarios/bear");
    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 60_000}), page.getByRole("button", {name: "Download workbook (.xlsx)"}).click()]);
    expect(download.suggestedFilename()).toBe("bear-both.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))) as never);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(["Assumptions", ...FIRMS.flatMap((f) => [monthlySheetName(f), valuationSheetName(f)])]);
    await page.context().close();
  });

  it("reads on a phone, in the dark, with no sideways scrolling", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/scenarios/management-targets", {width: 390, height: 844, colorScheme: "dark"});
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "scenario-management-targets-phone-dark");
    await page.context().close();
  });

  it("prints as a one-to-two-page report without the buttons", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/scenarios/bear");
    await page.emulateMedia({media: "print"});
    expect(await page.locator(".actions").isVisible()).toBe(false);
    const pdf = await page.pdf({format: "A4"});
    expect(isPdf(pdf)).toBe(true);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it("the list sorts by a column when its header is clicked", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/scenarios/");
    const titles = () => page.getByTestId("published-table").locator("tbody a").allInnerTexts();
    const before = await titles();
    // The answers come right after the title (what a phone shows first); author and date last.
    const headers = (await page.getByTestId("published-table").locator("thead th").allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    expect(headers.slice(0, 2)).toEqual(["Scenario", "Zhipu AI runs out"]);
    expect(headers.slice(-2)).toEqual(["Author", "Date"]);
    await page.getByTestId("published-table").locator("thead th", {hasText: "Zhipu AI HK$ / share"}).click();
    const after = await titles();
    expect(after.slice().sort()).toEqual(before.slice().sort());
    const values = FIRMS.length && after.map((t) => [...presets.values()].find((p) => p.title === t)!).map((s) => computeScenario(s).zhipu.valuation.valuePerShareHkd);
    const ascending = values.every((v, i) => i === 0 || values[i - 1]! <= v);
    const descending = values.every((v, i) => i === 0 || values[i - 1]! >= v);
    expect(ascending || descending).toBe(true);
    await page.context().close();
  });
});

describe("Save as scenario…", () => {
  it("downloads a valid file of the state, with ranges and seed, that gives the link's numbers", async () => {
    const search = "?scenario=bear&zhipu.burnNow=250&minimax.growthStart=1.1&seed=7&range.zhipu.cashNow=uniform(1500,2500)";
    const {page} = await openSettled(browser, inject("baseUrl"), `/zhipu${search}`);
    await page.getByTestId("save-scenario").first().click();
    const dialog = page.getByTestId("save-dialog").first();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // A bad name is refused next to its field, and nothing is downloaded.
    await dialog.locator('input[name="name"]').fill("Not A Name");
    await dialog.getByTestId("save-download").click();
    await expect.poll(() => dialog.locator('input[name="name"]').getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.locator(".field-error").first().innerText()).toMatch(/lowercase letters/);
    await dialog.locator('input[name="name"]').fill("student-bear");
    await dialog.locator('input[name="title"]').fill("A student's bear case");
    await dialog.locator('textarea[name="description"]').fill("Zhipu burns RMB 250M a month; MiniMax grows 110% a year.");
    await dialog.locator('input[name="author"]').fill("A. Student");
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByTestId("save-download").click()]);
    expect(download.suggestedFilename()).toBe("student-bear.json");
    const file = JSON.parse(await text(download));
    expect(file).toMatchObject({version: 2, name: "student-bear", title: "A student's bear case", author: "A. Student", simulation: {seed: 7}});
    const {scenario, issues} = resolveScenarioFile(file, baseline.scenario);
    expect(issues).toEqual([]);
    const link = decodeShareLink(search.slice(1), presets).scenario;
    expect(scenario.uncertainty).toEqual(link.uncertainty);
    expect(computeScenario(scenario)).toEqual(computeScenario(link));
    await page.context().close();
  });
});
