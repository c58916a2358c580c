// The scenarios the workbook tests generate: the four presets and a few odd ones, each a corner of
// the formulas (a later raise, equity below zero, an IPO before the baseline, a funding gap that the
// IPO repairs, a December baseline (year 0 reaches back before it; the IPO after the valuation date),
// undrawn facilities counted as cash, options at the market price, distress proceeds on book capital,
// no reinvestment lag).
import ExcelJS from "exceljs";
import {baseline, presets} from "./helpers.ts";
import {FIRMS, type FirmId} from "../../src/lib/fields.ts";
import {applyOverrides, type Override, type Scenario} from "../../src/lib/schema.ts";
import {columnLetter, isFormula, workbookModel, type Scalar, type WorkbookModel} from "../../src/lib/workbook.ts";
import {xlsxBytes} from "../../src/lib/workbookXlsx.ts";

export interface WorkbookCase {
  name: string;
  scenario: Scenario;
  firms: readonly FirmId[];
}

function variant(name: string, preset: string, overrides: Override[]): Scenario {
  const {scenario, issues} = applyOverrides(presets.get(preset)!, overrides);
  if (issues.length) throw new Error(`${name}: ${issues.map((i) => `${i.field}: ${i.reason}`).join("; ")}`);
  return {...scenario, name};
}

export const WORKBOOK_CASES: WorkbookCase[] = [
  ...["base", "bear", "bull", "management-targets"].map((name) => ({name, scenario: presets.get(name)!, firms: FIRMS})),
  {
    name: "later-raise",
    scenario: variant("later-raise", "base", [
      ["zhipu.laterRaise", 3000],
      ["zhipu.laterRaiseDate", "2027-03-15"],
      ["minimax.laterRaise", 400],
      ["minimax.laterRaiseDate", "2029-06-30"]
    ]),
    firms: FIRMS
  },
  {
    name: "negative-equity",
    scenario: variant("negative-equity", "bear", [
      ["zhipu.burnNow", 700],
      ["zhipu.growthStart", 0.3],
      ["minimax.burnNow", 60],
      ["minimax.grossMarginTarget", 0.1]
    ]),
    firms: FIRMS
  },
  {
    name: "ipo-before-baseline",
    scenario: variant("ipo-before-baseline", "base", [
      ["zhipu.ipoDate", "2025-03-20"],
      ["minimax.ipoDate", "2025-01-02"],
      ["minimax.optionsValuedAt", "price"]
    ]),
    firms: FIRMS
  },
  {
    name: "funding-gap-december",
    scenario: variant("funding-gap-december", "base", [
      ["zhipu.cashNow", 500],
      ["zhipu.baselineDate", "2025-12-31"],
      ["zhipu.ipoDate", "2026-06-15"],
      ["zhipu.includeUndrawnFacilities", true],
      ["zhipu.undrawnFacilities", 100],
      ["zhipu.optionsValuedAt", "price"],
      ["zhipu.distressBasis", "book"],
      ["zhipu.bookCapital", 1500],
      ["zhipu.reinvestmentLag", 0],
      ["minimax.optionsOutstanding", 0],
      ["minimax.growthFadeYears", 0],
      ["minimax.marginYears", 0]
    ]),
    firms: FIRMS
  }
];

export const SOURCES = {provenance: baseline.provenance};

export function modelOf(c: WorkbookCase): WorkbookModel {
  return workbookModel(c.scenario, c.firms, SOURCES);
}

export async function fileOf(model: WorkbookModel): Promise<Uint8Array> {
  return xlsxBytes(model, ExcelJS);
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A cell's value as a number where it is one (dates as Excel serials), else as it is. */
export function comparable(x: unknown): unknown {
  if (x instanceof Date) return x.getTime() / 86400000 + 25569;
  return x === 0 ? 0 : x; // −0 is 0 in a spreadsheet
}

/** What ExcelJS's reader makes of a text result in a date-formatted cell ("none" where there is no date). */
export const TEXT_IN_DATE_CELL = "(text in a date cell)";

/**
 * A formula cell's cached result as read by ExcelJS. Its reader leaves a falsy cached result (0,
 * false, "") off `cell.value`, so the result is read from `cell.result` (an empty string has none);
 * and it turns any result of a date-formatted cell into a Date, an invalid one for text.
 */
export function cachedResult(cell: ExcelJS.Cell): Scalar {
  const r = cell.result as Scalar | undefined;
  if (r instanceof Date && Number.isNaN(r.getTime())) return TEXT_IN_DATE_CELL;
  return r === undefined ? "" : r;
}

/** The model's cached result as the reader gives it back (text in a date cell becomes TEXT_IN_DATE_CELL). */
export function expectedAsRead(result: Scalar, format: string | undefined): Scalar {
  return typeof result === "string" && result !== "" && format !== undefined && /[ymd]/.test(format.replace(/"[^"]*"|\[[^\]]*]/g, "")) ? TEXT_IN_DATE_CELL : result;
}

/** Every formula cell of a model's sheets: sheet, address and the cached result the model wrote. */
export function formulaCells(model: WorkbookModel): {sheet: string; address: string; formula: string; result: Scalar; asRead: Scalar}[] {
  return model.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row, i) =>
      row.flatMap((cell, j) => (cell && isFormula(cell.value) ? [{sheet: sheet.name, address: `${columnLetter(j + 1)}${i + 1}`, formula: cell.value.formula, result: cell.value.result, asRead: expectedAsRead(cell.value.result, cell.format)}] : []))
    )
  );
}

/** |a − b| within `relative` of |b| (and within 1e-12 absolutely, for values at zero). */
export function relativeError(a: number, b: number): number {
  const diff = Math.abs(a - b);
  if (diff <= 1e-12) return 0;
  return diff / Math.abs(b);
}
