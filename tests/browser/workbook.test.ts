// "Download workbook (.xlsx)" on a firm page: the bundle (ExcelJS and the workbook model) is fetched
// only when the button is pressed, from the site's own origin, and the file is a workbook whose cached
// numbers are the engine's.
import ExcelJS from "exceljs";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launch, openSettled} from "./browser.ts";
import {presets} from "../unit/helpers.ts";
import {project} from "../../src/lib/projection.ts";
import {columnLetter, MONTHLY_COLUMNS, MONTHLY_FIRST_ROW, monthlySheetName, valuationSheetName} from "../../src/lib/workbook.ts";
import {valueFirm} from "../../src/lib/valuation.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const isBundle = (url: string) => /\/_file\/data\/workbook\.[0-9a-f]+\.js$/.test(new URL(url).pathname);
const column = (key: (typeof MONTHLY_COLUMNS)[number]["key"]) => columnLetter(MONTHLY_COLUMNS.findIndex((c) => c.key === key) + 1);

describe("workbook download", () => {
  it("loads nothing until the click, then downloads an .xlsx whose cached cash is the engine's and the page's", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/zhipu");
    const button = page.getByRole("button", {name: "Download workbook (.xlsx)"});
    await button.scrollIntoViewIfNeeded();
    expect(watch.requests.filter(isBundle)).toEqual([]);
    expect(watch.requests.some((url) => /exceljs/i.test(url))).toBe(false);

    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 30000}), button.click()]);
    expect(download.suggestedFilename()).toBe("base-zhipu.xlsx");
    expect(watch.requests.filter(isBundle)).toHaveLength(1);
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Assumptions", monthlySheetName("zhipu"), valuationSheetName("zhipu")]);

    // Month 12's cash: a formula whose cached result is the engine's number, and the one the page's table shows.
    const inputs = presets.get("base")!.firms.zhipu;
    const expected = project(inputs).cash[12]!;
    const cell = workbook.getWorksheet(monthlySheetName("zhipu"))!.getCell(`${column("cash")}${MONTHLY_FIRST_ROW + 12}`);
    expect(cell.formula).toMatch(/^[A-Z]+\d+\+[A-Z]+\d+\+[A-Z]+\d+$/);
    expect(Math.abs((cell.result as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    const header = await page.locator('[data-testid="projection-table"] thead th').allInnerTexts();
    const cashColumn = header.findIndex((h) => /^Cash, end of month \(RMB [MB]\)/.test(h.trim()));
    expect(cashColumn, header.join(" | ")).toBeGreaterThan(0);
    const millionsPerUnit = /\(RMB B\)/.test(header[cashColumn]!) ? 1000 : 1;
    const row = page.locator('[data-testid="projection-table"] tbody tr').nth(11);
    expect(await row.locator("td").first().innerText()).toBe("Jun 2026"); // month 12 after the June 2025 baseline
    const shown = Number((await row.locator("td").nth(cashColumn).innerText()).replace(/,/g, "").replace("\u2212", "-")) * millionsPerUnit;
    // The table shows millions to one decimal or billions to two (format.ts moneyColumn): the workbook's value rounds to what is shown.
    expect(Math.abs(shown - (cell.result as number)), `${header[cashColumn]}: ${shown}`).toBeLessThanOrEqual(millionsPerUnit === 1000 ? 5 : 0.05);

    // And the value per share the workbook computes is the engine's.
    const valuation = workbook.getWorksheet(valuationSheetName("zhipu"))!;
    const vps = valuation.getColumn(1).values.findIndex((v) => v === "Value per share (HK$)");
    const market = presets.get("base")!.market;
    expect(valuation.getCell(vps, 2).result).toBeCloseTo(valueFirm("zhipu", inputs, market).valuePerShareHkd, 9);

    await expect.poll(() => page.getByRole("button", {name: "Download workbook (.xlsx)"}).isEnabled()).toBe(true);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("names the file after a modified state and includes only that firm", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/minimax?scenario=bear&minimax.burnNow=40");
    const button = page.getByRole("button", {name: "Download workbook (.xlsx)"});
    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 30000}), button.click()]);
    expect(download.suggestedFilename()).toBe("bear-modified-minimax.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as unknown as ArrayBuffer);
    const assumptions = workbook.getWorksheet("Assumptions")!;
    const burnRow = assumptions.getColumn(7).values.findIndex((v) => v === "minimax.burnNow");
    expect(assumptions.getCell(burnRow, 2).value).toBe(40);
    expect(workbook.getWorksheet(monthlySheetName("zhipu"))).toBeUndefined();
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });
});
