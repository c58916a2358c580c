// The Excel workbook of a scenario (design §5 "Exports"), described without any spreadsheet library:
// sheets of rows of cells, each a value or a formula with its cached result. An Assumptions sheet
// holds every input (named cells such as zhipu_growthStart); each firm's monthly sheet and valuation
// sheet are formulas over those cells that mirror projection.ts, runway.ts, breakEven.ts, dcf.ts and
// valuation.ts line for line, so an analyst who changes an assumption in Excel sees the projection
// and the value follow. The cached results are the engine's own numbers (or, for the few helper cells
// the engine has no name for, the same arithmetic done here). workbookXlsx.ts turns this into a file.
//
// Only functions that Excel and LibreOffice both know are used (POWER, EXP, LN, SQRT, NORMSDIST, MIN,
// MAX, IF, AND, NOT, INDEX, SUMIFS, COUNT, EOMONTH, YEAR, MONTH, DAY, INT, ABS, SUM), and no circular
// reference: the options at the model's own value per share have a closed form (dcf.ts
// optionsAtOwnValue), and the options at the market price are iterated as explicit rows.
import {callValue, dilutedOptionsValue} from "./blackScholes.js";
import {breakEven} from "./breakEven.js";
import {monthIndexOf, type IsoDate} from "./dates.js";
import {FORECAST_YEARS} from "./dcf.js";
import {log} from "./exactMath.js";
import {FIRM_CURRENCY, FIRM_FIELDS, FIRM_NAME, MARKET_FIELDS, type Currency, type FieldSpec, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {currencySymbol, unitLabel} from "./format.js";
import {convert} from "./fx.js";
import {fillGrowthFactors, HORIZON_MONTHS, inflowMonth, project, type Projection} from "./projection.js";
import {cashPath} from "./runway.js";
import type {Scenario} from "./schema.js";
import {cashAtValuation, nolAtValuation, valueFirm, type FirmValuation} from "./valuation.js";

/** A plain cell value. Dates are UTC midnights (Excel date serials once written). */
export type Scalar = number | string | boolean | Date;
/** A formula (without the leading "=") and the value it computes to, as the engine computes it. */
export interface Formula {
  formula: string;
  result: Scalar;
}
export type CellStyle = "title" | "note" | "header" | "section" | "input" | "changed" | "key" | "label";
export interface WorkbookCell {
  value: Scalar | Formula;
  /** An Excel number format ("0.00%", "#,##0.00", "mmm yyyy"). */
  format?: string;
  style?: CellStyle;
}
export interface WorkbookSheet {
  name: string;
  /** Column widths in characters, column A first. */
  widths: number[];
  /** rows[i][j] is the cell in row i + 1, column j + 1 (null or missing: empty). */
  rows: (WorkbookCell | null)[][];
  /** Rows and columns kept in view while scrolling. */
  freeze?: {rows: number; columns: number};
  /** Where the named quantities are, as A1 addresses on this sheet ("cash:12" → "M27"). */
  anchors: Record<string, string>;
}
export interface WorkbookModel {
  title: string;
  sheets: WorkbookSheet[];
  /** Defined names: name → absolute reference ("Assumptions!$B$7"). */
  names: {name: string; ref: string}[];
}

/** Where each input's baseline value comes from (data/baseline.json via src/data/scenarios.json.ts). */
export interface WorkbookSources {
  provenance: Record<string, {value: unknown; basis: string; facts: string[]; formula?: string; note: string}>;
}

export const isFormula = (v: WorkbookCell["value"] | undefined | null): v is Formula => typeof v === "object" && v !== null && !(v instanceof Date);

/** `<scenario-name>-<firm or both>.xlsx`, safe as a file name. */
export function workbookFileName(scenarioName: string, firms: readonly FirmId[]): string {
  const name = scenarioName.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "scenario";
  return `${name}-${firms.length === 1 ? firms[0] : "both"}.xlsx`;
}

export const ASSUMPTIONS_SHEET = "Assumptions";
export const monthlySheetName = (firm: FirmId) => `${FIRM_NAME[firm]} monthly`;
export const valuationSheetName = (firm: FirmId) => `${FIRM_NAME[firm]} valuation`;
/** The defined name of an input cell: "zhipu_growthStart", "market_usdHkd". */
export const inputName = (group: FirmId | "market", key: string) => `${group}_${key}`;

// --- Addresses -----------------------------------------------------------------------------------

export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;
const abs = (row: number, column: number) => `$${columnLetter(column)}$${row}`;
const sheetRef = (sheet: string) => (/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

const utcDate = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
/** The last day of the month `offset` months after the month of `date` (Excel's EOMONTH). */
function eomonth(date: IsoDate, offset: number): Date {
  const index = monthIndexOf(date) + offset;
  return new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0));
}

const FMT = {
  money: "#,##0.00",
  percent: "0.00%",
  factor: "0.0000000000",
  month: "mmm yyyy",
  date: "yyyy-mm-dd",
  months: "0.00",
  integer: "0",
  perShare: "#,##0.00",
  ratio: "0.00##",
  none: '[>=1000000000]"none";0'
};

/** A sheet under construction: cells set by (row, column), both from 1. */
class Sheet {
  readonly rows: (WorkbookCell | null)[][] = [];
  readonly anchors: Record<string, string> = {};
  constructor(
    readonly name: string,
    readonly widths: number[]
  ) {}
  set(row: number, column: number, value: Scalar | Formula, format?: string, style?: CellStyle): string {
    const r = (this.rows[row - 1] ??= []);
    while (r.length < column - 1) r.push(null);
    r[column - 1] = {value, ...(format ? {format} : {}), ...(style ? {style} : {})};
    return a1(row, column);
  }
  text(row: number, column: number, text: string, style?: CellStyle): void {
    this.set(row, column, text, undefined, style);
  }
  done(freeze?: WorkbookSheet["freeze"]): WorkbookSheet {
    for (let i = 0; i < this.rows.length; i++) this.rows[i] ??= [];
    return {name: this.name, widths: this.widths, rows: this.rows, ...(freeze ? {freeze} : {}), anchors: this.anchors};
  }
}

const f = (formula: string, result: Scalar): Formula => ({formula, result});

// --- Assumptions ---------------------------------------------------------------------------------

function formatOfUnit(spec: FieldSpec): string | undefined {
  switch (spec.unit) {
    case "fraction":
    case "fractionPerYear":
      return "0.0###%";
    case "money":
    case "moneyPerMonth":
    case "moneyPerYear":
    case "millionShares":
    case "millionOptions":
      return "#,##0.0###";
    case "years":
      return spec.kind === "integer" ? "0" : "0.0##";
    case "year":
      return "0";
    case "date":
      return FMT.date;
    case "hkdPerShare":
      return "#,##0.00##";
    case "hkdPerUsd":
    case "rmbPerUsd":
      return "0.0000";
    case "ratio":
      return FMT.ratio;
    default:
      return undefined;
  }
}

const cellValue = (spec: FieldSpec, value: unknown): Scalar => (spec.kind === "date" ? utcDate(String(value)) : (value as Scalar));
const sameValue = (a: unknown, b: unknown) => a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));

function sourceText(p: WorkbookSources["provenance"][string] | undefined, scenarioNote: string | undefined): string {
  const parts: string[] = [];
  if (scenarioNote) parts.push(`Scenario: ${scenarioNote}`);
  if (p) {
    parts.push(`Baseline: ${p.note}${p.formula ? ` (${p.formula})` : ""}`);
    if (p.facts.length) parts.push(`Facts: ${p.facts.join(", ")}.`);
  }
  return parts.join(" ");
}

function assumptionsSheet(scenario: Scenario, firms: readonly FirmId[], sources: WorkbookSources, names: WorkbookModel["names"]): WorkbookSheet {
  const s = new Sheet(ASSUMPTIONS_SHEET, [44, 16, 20, 16, 11, 100, 30]);
  s.text(1, 1, `Assumptions — ${scenario.title} (scenario "${scenario.name}")`, "title");
  s.text(2, 1, "Every input of the model, one row each, with its unit and its source or rationale. The monthly and valuation sheets are formulas over the yellow cells (named, e.g. zhipu_growthStart):", "note");
  s.text(3, 1, "change a value here and they follow. Money is in millions of each firm's reporting currency (Zhipu AI: RMB, MiniMax: US$); rates are shown as percentages; share prices and strikes in HK$ per share.", "note");
  s.text(4, 1, "Orange: the scenario's value differs from the sourced baseline (data/baseline.json), whose value is shown beside it. Basis: fact = a sourced figure; derived = arithmetic on sourced figures; assumption = no article gives it.", "note");
  const header = ["Input", "Value", "Unit", "Baseline value", "Basis", "Source or rationale", "Name (share-link field)"];
  let row = 6;
  header.forEach((h, i) => s.text(row, i + 1, h, "header"));
  row++;
  const block = (group: FirmId | "market", title: string, fields: readonly FieldSpec[], values: Record<string, unknown>, currency: Currency) => {
    s.text(row++, 1, title, "section");
    for (const spec of fields) {
      const path = `${group}.${spec.key}`;
      const value = values[spec.key];
      const provenance = sources.provenance[path];
      const changed = provenance !== undefined && !sameValue(provenance.value, value);
      const format = formatOfUnit(spec);
      s.text(row, 1, spec.label, "label");
      const address = s.set(row, 2, cellValue(spec, value), format, changed ? "changed" : "input");
      const unit = {boolean: "TRUE / FALSE", choice: (spec.values ?? []).join(" or "), date: "date", year: "calendar year"}[spec.unit as string] ?? unitLabel(spec.unit, currency);
      s.text(row, 3, unit);
      if (changed) s.set(row, 4, cellValue(spec, provenance.value), format);
      s.text(row, 5, changed ? `${provenance?.basis ?? ""} (changed)` : (provenance?.basis ?? ""));
      s.text(row, 6, sourceText(provenance, scenario.notes?.[path]));
      s.text(row, 7, path);
      const name = inputName(group, spec.key);
      names.push({name, ref: `${ASSUMPTIONS_SHEET}!${abs(row, 2)}`});
      s.anchors[path] = address;
      row++;
    }
    row++;
  };
  for (const firm of firms) {
    block(firm, `${FIRM_NAME[firm]} — money in millions of ${currencySymbol(FIRM_CURRENCY[firm])}`, FIRM_FIELDS, scenario.firms[firm] as unknown as Record<string, unknown>, FIRM_CURRENCY[firm]);
  }
  block("market", "Market — exchange rates (per US dollar)", MARKET_FIELDS, scenario.market as unknown as Record<string, unknown>, "USD");
  return s.done({rows: 6, columns: 1});
}

// --- Monthly projection --------------------------------------------------------------------------

/** Columns of the monthly sheet, in order. */
export const MONTHLY_COLUMNS = [
  {key: "month", header: "Month t", width: 8},
  {key: "date", header: "Month end", width: 11},
  {key: "growth", header: "Revenue growth (a year)", width: 12},
  {key: "growthFactor", header: "Monthly growth factor (1+g)^(1/12)", width: 15},
  {key: "revenue", header: "Revenue", width: 12},
  {key: "grossMargin", header: "Gross margin", width: 10},
  {key: "grossProfit", header: "Gross profit", width: 12},
  {key: "costGrowth", header: "Cash-cost growth (a year)", width: 12},
  {key: "costFactor", header: "Monthly cash-cost factor", width: 15},
  {key: "costs", header: "Cash costs", width: 12},
  {key: "operatingCashFlow", header: "Operating cash flow", width: 12},
  {key: "financing", header: "Financing", width: 12},
  {key: "cash", header: "Cash", width: 13},
  {key: "nol", header: "Losses carried forward (for the DCF's tax)", width: 14},
  {key: "nextFinancing", header: "Next financing month after t", width: 11},
  {key: "backAboveZero", header: "First month ≥ t with cash ≥ 0", width: 11},
  {key: "runwayEnd", header: "Runway ends here (months, interpolated)", width: 13},
  {key: "breakEven", header: "Break-even month (OCF ≥ 0)", width: 11}
] as const;
export type MonthlyKey = (typeof MONTHLY_COLUMNS)[number]["key"];
const COL = Object.fromEntries(MONTHLY_COLUMNS.map((c, i) => [c.key, i + 1])) as Record<MonthlyKey, number>;
/** The row of month t = 0 on a monthly sheet. */
export const MONTHLY_FIRST_ROW = 16;
const NONE = 1e9;

/** Everything the engine says about one firm, which the sheets' cached results come from. */
interface FirmRun {
  firm: FirmId;
  inputs: FirmInputs;
  market: MarketInputs;
  currency: Currency;
  projection: Projection;
  valuation: FirmValuation;
}

function runFirm(firm: FirmId, inputs: FirmInputs, market: MarketInputs): FirmRun {
  const projection = project(inputs);
  return {firm, inputs, market, currency: FIRM_CURRENCY[firm], projection, valuation: valueFirm(firm, inputs, market, projection)};
}

const fadeRamp = (t: string, years: string) => `IF(${years}>0,MIN(1,${t}/(12*${years})),1)`;
const rampOf = (t: number, years: number) => (years > 0 ? Math.min(1, t / (12 * years)) : 1);
/** Month count between the months of two dates, as a formula (the day is ignored, as in dates.ts). */
const monthsFromBaseline = (firm: FirmId, date: string) => `(YEAR(${date})-YEAR(${inputName(firm, "baselineDate")}))*12+MONTH(${date})-MONTH(${inputName(firm, "baselineDate")})`;

function monthlySheet(run: FirmRun, names: WorkbookModel["names"]): WorkbookSheet {
  const {firm, inputs, projection: p} = run;
  const n = (key: string) => inputName(firm, key);
  const s = new Sheet(monthlySheetName(firm), MONTHLY_COLUMNS.map((c) => c.width));
  const cur = currencySymbol(run.currency);
  const months = p.months;
  const first = MONTHLY_FIRST_ROW;
  const last = first + months;
  const colRange = (key: MonthlyKey, from = first) => `${abs(from, COL[key])}:${abs(last, COL[key])}`;
  const rowOf = (t: number) => first + t;
  const at = (key: MonthlyKey, t: number) => a1(rowOf(t), COL[key]);

  s.text(1, 1, `${FIRM_NAME[firm]} — monthly projection, in millions of ${cur} (the firm's reporting currency)`, "title");
  s.text(2, 1, "Month 0 is the baseline month (the opening balance); month t is the t-th month after it, 15 years in all. Growth rates are a year; each month grows by (1 + rate)^(1/12).", "note");
  s.text(3, 1, "Every cell is a formula over the Assumptions sheet and the row above, as the site's engine computes it: change an assumption there and this sheet follows.", "note");
  s.text(4, 1, "Cash costs start where gross profit minus costs equals minus the burn, and their growth fades to the long-run revenue growth. Financing: the IPO's net proceeds in its month (none when it is in the baseline month or before: already in cash), and any later raise.", "note");

  // Derived timing and the answers, above the table.
  const ipoMonth = inflowMonth(p.startMonth, inputs.ipoDate);
  const raiseMonth = inputs.laterRaise > 0 ? inflowMonth(p.startMonth, inputs.laterRaiseDate) : 0;
  const runoutRange = colRange("runwayEnd");
  const breakEvenRange = colRange("breakEven", first + 1);
  const {runway} = cashPath(p);
  const be = breakEven(p, inputs.breakEvenTargetYear);
  const summary: [key: string, label: string, value: Formula, format?: string, style?: CellStyle][] = [
    ["ipoMonth", "IPO month (months after the baseline; 0: in cash already)", f(`MAX(0,${monthsFromBaseline(firm, n("ipoDate"))})`, ipoMonth), FMT.integer],
    ["raiseMonth", "Later raise month (0: none)", f(`IF(${n("laterRaise")}>0,MAX(0,${monthsFromBaseline(firm, n("laterRaiseDate"))}),0)`, raiseMonth), FMT.integer],
    ["runway", "Runway: months after the baseline until cash runs out for good", f(`IF(COUNT(${runoutRange})=0,"none within the horizon",MIN(${runoutRange}))`, runway.months ?? "none within the horizon"), FMT.months, "key"],
    ["runwayStatus", "Runway status", f(`IF(COUNT(${runoutRange})>0,"runs out",IF(COUNT(${breakEvenRange})>0,"self-funding","beyond the horizon"))`, runway.status === "runs-out" ? "runs out" : runway.status === "self-funding" ? "self-funding" : "beyond the horizon")],
    ["cashOutDate", "Cash-out date", cashOutFormula(firm, a1(8, 5), runway.months, runway.cashOutDate), FMT.date, "key"],
    ["breakEvenMonths", "Break-even: first month with operating cash flow ≥ 0 (months after the baseline)", f(`IF(COUNT(${breakEvenRange})=0,"none within the horizon",MIN(${breakEvenRange}))`, be.months ?? "none within the horizon"), FMT.integer],
    ["breakEvenDate", "Break-even month", f(`IF(COUNT(${breakEvenRange})=0,"none",EOMONTH(${n("baselineDate")},MIN(${breakEvenRange})))`, be.months === null ? "none" : eomonth(inputs.baselineDate, be.months)), FMT.month, "key"],
    ["meetsTarget", "Break-even in or before the target year", f(`IF(COUNT(${breakEvenRange})=0,FALSE,YEAR(EOMONTH(${n("baselineDate")},MIN(${breakEvenRange})))<=${n("breakEvenTargetYear")})`, be.meetsTarget)]
  ];
  const summaryRow: Record<string, string> = {};
  summary.forEach(([key, label, value, format, style], i) => {
    const row = 6 + i;
    s.text(row, 1, label, "label");
    summaryRow[key] = s.set(row, 5, value, format, style);
    s.anchors[key] = summaryRow[key]!;
  });
  const ipoCell = `${abs(6, 5)}`;
  const raiseCell = `${abs(7, 5)}`;
  names.push({name: `${firm}_ipoMonth`, ref: `${sheetRef(s.name)}!${ipoCell}`});
  for (const key of ["month", "revenue", "operatingCashFlow", "cash", "nol"] as const) {
    names.push({name: `${firm}_${key === "operatingCashFlow" ? "ocf" : key}`, ref: `${sheetRef(s.name)}!${colRange(key)}`});
  }

  const headerRow = first - 1;
  MONTHLY_COLUMNS.forEach((c) => s.text(headerRow, COL[c.key], c.header, "header"));

  const revenueFactors = fillGrowthFactors(inputs.growthStart, inputs.growthLongRun, inputs.growthFadeYears, months, new Float64Array(months + 1));
  const costFactors = fillGrowthFactors(inputs.opexGrowth, inputs.growthLongRun, inputs.growthFadeYears, months, new Float64Array(months + 1));
  // Helper columns computed from the bottom up (next financing, first month back at zero or more).
  const nextFinancing = new Float64Array(months + 1);
  const backAboveZero = new Float64Array(months + 1);
  nextFinancing[months] = NONE;
  backAboveZero[months] = p.cash[months]! >= 0 ? months : NONE;
  for (let t = months - 1; t >= 0; t--) {
    nextFinancing[t] = p.financing[t + 1]! > 0 ? t + 1 : nextFinancing[t + 1]!;
    backAboveZero[t] = p.cash[t]! >= 0 ? t : backAboveZero[t + 1]!;
  }
  let nol = inputs.nolCarriedForward;
  for (let t = 0; t <= months; t++) {
    const r = rowOf(t);
    const prev = (key: MonthlyKey) => at(key, t - 1);
    const here = (key: MonthlyKey) => at(key, t);
    const put = (key: MonthlyKey, value: Scalar | Formula, format?: string) => s.set(r, COL[key], value, format);
    put("month", t, FMT.integer);
    put("date", f(`EOMONTH(${n("baselineDate")},${here("month")})`, eomonth(inputs.baselineDate, t)), FMT.month);
    if (t === 0) {
      put("revenue", f(`${n("revenueRunRate")}/12`, p.revenue[0]!), FMT.money);
      put("grossMargin", f(n("grossMarginNow"), p.grossMargin[0]!), FMT.percent);
      put("grossProfit", f(`${here("revenue")}*${here("grossMargin")}`, p.grossProfit[0]!), FMT.money);
      put("costs", f(`${here("revenue")}*${n("grossMarginNow")}+${n("burnNow")}`, p.opex[0]!), FMT.money);
      put("operatingCashFlow", f(`-${n("burnNow")}`, p.operatingCashFlow[0]!), FMT.money);
      put("financing", f("0", 0), FMT.money);
      put("cash", f(`${n("cashNow")}+IF(${n("includeUndrawnFacilities")},${n("undrawnFacilities")},0)`, p.cash[0]!), FMT.money);
      put("nol", f(n("nolCarriedForward"), nol), FMT.money);
    } else {
      const g = inputs.growthStart + (inputs.growthLongRun - inputs.growthStart) * rampOf(t, inputs.growthFadeYears);
      const c = inputs.opexGrowth + (inputs.growthLongRun - inputs.opexGrowth) * rampOf(t, inputs.growthFadeYears);
      put("growth", f(`${n("growthStart")}+(${n("growthLongRun")}-${n("growthStart")})*${fadeRamp(here("month"), n("growthFadeYears"))}`, g), FMT.percent);
      put("growthFactor", f(`POWER(1+${here("growth")},1/12)`, revenueFactors[t]!), FMT.factor);
      put("revenue", f(`${prev("revenue")}*${here("growthFactor")}`, p.revenue[t]!), FMT.money);
      put("grossMargin", f(`${n("grossMarginNow")}+(${n("grossMarginTarget")}-${n("grossMarginNow")})*${fadeRamp(here("month"), n("marginYears"))}`, p.grossMargin[t]!), FMT.percent);
      put("grossProfit", f(`${here("revenue")}*${here("grossMargin")}`, p.grossProfit[t]!), FMT.money);
      put("costGrowth", f(`${n("opexGrowth")}+(${n("growthLongRun")}-${n("opexGrowth")})*${fadeRamp(here("month"), n("growthFadeYears"))}`, c), FMT.percent);
      put("costFactor", f(`POWER(1+${here("costGrowth")},1/12)`, costFactors[t]!), FMT.factor);
      put("costs", f(`${prev("costs")}*${here("costFactor")}`, p.opex[t]!), FMT.money);
      put("operatingCashFlow", f(`${here("grossProfit")}-${here("costs")}`, p.operatingCashFlow[t]!), FMT.money);
      put("financing", f(`IF(${here("month")}=${ipoCell},${n("ipoNetProceeds")},0)+IF(${here("month")}=${raiseCell},${n("laterRaise")},0)`, p.financing[t]!), FMT.money);
      put("cash", f(`${prev("cash")}+${here("operatingCashFlow")}+${here("financing")}`, p.cash[t]!), FMT.money);
      nol = Math.max(0, nol - p.operatingCashFlow[t]!);
      put("nol", f(`MAX(0,${prev("nol")}-${here("operatingCashFlow")})`, nol), FMT.money);
    }
    // The runway's rule (runway.ts walkCash): a dip below zero that starts in month t ends the runway
    // unless cash is back at zero or more by the first financing after t.
    put("nextFinancing", t === months ? f(String(NONE), NONE) : f(`IF(${at("financing", t + 1)}>0,${here("month")}+1,${at("nextFinancing", t + 1)})`, nextFinancing[t]!), FMT.none);
    put("backAboveZero", t === months ? f(`IF(${here("cash")}>=0,${here("month")},${NONE})`, backAboveZero[t]!) : f(`IF(${here("cash")}>=0,${here("month")},${at("backAboveZero", t + 1)})`, backAboveZero[t]!), FMT.none);
    const dipStarts = p.cash[t]! < 0 && (t === 0 || p.cash[t - 1]! >= 0);
    const repaired = nextFinancing[t]! <= months && backAboveZero[t]! <= nextFinancing[t]!;
    const crossing = t === 0 ? 0 : t - 1 + p.cash[t - 1]! / (p.cash[t - 1]! - p.cash[t]!);
    const notRepaired = `NOT(AND(${here("nextFinancing")}<=${months},${here("backAboveZero")}<=${here("nextFinancing")}))`;
    put(
      "runwayEnd",
      t === 0 ? f(`IF(AND(${here("cash")}<0,${notRepaired}),0,"")`, dipStarts && !repaired ? 0 : "") : f(`IF(AND(${here("cash")}<0,${prev("cash")}>=0,${notRepaired}),${here("month")}-1+${prev("cash")}/(${prev("cash")}-${here("cash")}),"")`, dipStarts && !repaired ? crossing : ""),
      FMT.months
    );
    if (t > 0) put("breakEven", f(`IF(${here("operatingCashFlow")}>=0,${here("month")},"")`, p.operatingCashFlow[t]! >= 0 ? t : ""), FMT.integer);
    for (const c of MONTHLY_COLUMNS) if (s.rows[r - 1]?.[COL[c.key] - 1]) s.anchors[`${c.key}:${t}`] = a1(r, COL[c.key]);
  }
  return s.done({rows: headerRow, columns: 2});
}

/** The cash-out date as dates.ts dateAfterMonths computes it: whole months to a month end, then the fraction of the next month's days. */
function cashOutFormula(firm: FirmId, m: string, months: number | null, date: IsoDate | null): Formula {
  const base = inputName(firm, "baselineDate");
  const day = `INT((${m}-INT(${m}))*DAY(EOMONTH(${base},INT(${m})+1)))`;
  return f(`IF(ISNUMBER(${m}),IF(${day}=0,EOMONTH(${base},INT(${m})),EOMONTH(${base},INT(${m}))+${day}),"none")`, months === null || date === null ? "none" : utcDate(date));
}

// --- Valuation -----------------------------------------------------------------------------------

/** Rows of the yearly table on the valuation sheet. */
const YEAR_COLUMN0 = 2; // column B is year 0; C…L years 1–10; M the terminal year
const TERMINAL_COLUMN = YEAR_COLUMN0 + FORECAST_YEARS + 1;
/** The fewest explicit iterations for the options at the market price (more when the engine needed more). */
const MIN_OPTION_ITERATIONS = 40;

function valuationSheet(run: FirmRun, names: WorkbookModel["names"]): WorkbookSheet {
  const {firm, inputs, market, currency, projection: p, valuation} = run;
  const dcf = valuation.dcf;
  const n = (key: string) => inputName(firm, key);
  const cur = currencySymbol(currency);
  const s = new Sheet(valuationSheetName(firm), [58, ...Array.from({length: FORECAST_YEARS + 2}, () => 12), 12]);
  const v = valuation.valuationMonth;
  const fromHkd = (x: string) => (currency === "RMB" ? `${x}/market_usdHkd*market_usdRmb` : `${x}/market_usdHkd`);
  const toHkd = (x: string) => (currency === "RMB" ? `${x}/market_usdRmb*market_usdHkd` : `${x}*market_usdHkd`);

  s.text(1, 1, `${FIRM_NAME[firm]} — DCF valuation, in millions of ${cur} (per share in ${cur} and HK$)`, "title");
  s.text(2, 1, "Damodaran's FCFF model for young, money-losing firms (his \"ginzu\" spreadsheet), run on this firm's monthly sheet: operating income is the projected operating cash flow.", "note");
  s.text(3, 1, "Year 0 is the twelve months to the valuation date (months before the baseline at the baseline's run rate); years 1–10 are the twelve-month blocks after it (calendar years); then the terminal year.", "note");
  s.text(4, 1, "Every cell is a formula over the Assumptions sheet and the monthly sheet. No circular reference: options at the model's own value per share have a closed form, options at the market price are iterated in rows below.", "note");

  // Timing.
  const base = n("baselineDate");
  const kv = (row: number, label: string, value: Formula, format?: string, style?: CellStyle, key?: string): string => {
    s.text(row, 1, label, "label");
    const address = s.set(row, 2, value, format, style);
    if (key) s.anchors[key] = address;
    return abs(row, 2);
  };
  const vCell = kv(6, "Valuation month (months after the baseline): the December before year 1", f(`MIN((MAX(YEAR(${n("ipoDate")}),YEAR(${base})+1)-1-YEAR(${base}))*12+12-MONTH(${base}),${HORIZON_MONTHS - 12 * FORECAST_YEARS})`, v), FMT.integer, undefined, "valuationMonth");
  kv(7, "Valuation date", f(`EOMONTH(${base},${vCell})`, utcDate(valuation.valuationDate)), FMT.date, undefined, "valuationDate");
  const year1Cell = kv(8, "Year 1 (calendar year)", f(`YEAR(B7)+1`, valuation.firstForecastYear), FMT.integer, undefined, "firstForecastYear");
  names.push({name: `${firm}_valuationMonth`, ref: `${sheetRef(s.name)}!${vCell}`});

  // The yearly table.
  const header = 10;
  const L = {
    calendar: 11,
    firstMonth: 12,
    lastMonth: 13,
    revenue: 14,
    growth: 15,
    operatingIncome: 16,
    margin: 17,
    taxRate: 18,
    nolStart: 19,
    afterTax: 20,
    nolEnd: 21,
    salesToCapital: 22,
    reinvestment: 23,
    fcff: 24,
    costOfCapital: 25,
    discountFactor: 26,
    presentValue: 27
  };
  const labels: Record<keyof typeof L, string> = {
    calendar: "Calendar year",
    firstMonth: "First month (after the baseline)",
    lastMonth: "Last month",
    revenue: "Revenue",
    growth: "Revenue growth",
    operatingIncome: "Operating income (the projection's operating cash flow)",
    margin: "Operating margin",
    taxRate: "Tax rate",
    nolStart: "Losses carried forward at the start of the year",
    afterTax: "After-tax operating income (no tax while losses carried forward cover it)",
    nolEnd: "Losses carried forward at the end of the year",
    salesToCapital: "Sales-to-capital",
    reinvestment: "Reinvestment (Δ revenue ÷ sales-to-capital, lagged by the reinvestment lag)",
    fcff: "Free cash flow to the firm (FCFF)",
    costOfCapital: "Cost of capital",
    discountFactor: "Cumulative discount factor",
    presentValue: "Present value of FCFF"
  };
  s.text(header, 1, "Year", "header");
  for (let t = 0; t <= FORECAST_YEARS; t++) s.set(header, YEAR_COLUMN0 + t, t, FMT.integer, "header");
  s.text(header, TERMINAL_COLUMN, "Terminal", "header");
  for (const [key, row] of Object.entries(L)) s.text(row, 1, labels[key as keyof typeof L], "label");
  const cell = (line: keyof typeof L, t: number) => a1(L[line], YEAR_COLUMN0 + t);
  const monthly = (key: "month" | "revenue" | "ocf" | "cash" | "nol") => `${firm}_${key}`;
  const put = (line: keyof typeof L, t: number, value: Formula, format: string) => {
    const address = s.set(L[line], YEAR_COLUMN0 + t, value, format);
    s.anchors[`${line}:${t}`] = address;
  };
  const forecastRevenue = [valuation.trailingYear.revenue, ...dcf.years.map((y) => y.revenue)];
  const forecastIncome = [valuation.trailingYear.operatingIncome, ...dcf.years.map((y) => y.operatingIncome)];
  for (let t = 0; t <= FORECAST_YEARS; t++) {
    const first = t === 0 ? v - 11 : v + 12 * (t - 1) + 1;
    const lastMonth = t === 0 ? v : v + 12 * t;
    put("calendar", t, f(t === 1 ? year1Cell : `${year1Cell}${t === 0 ? "-1" : `+${t - 1}`}`, valuation.firstForecastYear + t - 1), FMT.integer);
    put("firstMonth", t, f(t === 0 ? `${vCell}-11` : `${vCell}+${12 * (t - 1) + 1}`, first), FMT.integer);
    put("lastMonth", t, f(t === 0 ? vCell : `${vCell}+${12 * t}`, lastMonth), FMT.integer);
    const sumOf = (series: "revenue" | "ocf") => {
      const from = cell("firstMonth", t);
      const to = cell("lastMonth", t);
      const before = `MAX(0,-${from})*INDEX(${monthly(series)},1)`;
      return `SUMIFS(${monthly(series)},${monthly("month")},">="&MAX(0,${from}),${monthly("month")},"<="&${to})+${before}`;
    };
    put("revenue", t, f(sumOf("revenue"), forecastRevenue[t]!), FMT.money);
    put("operatingIncome", t, f(sumOf("ocf"), forecastIncome[t]!), FMT.money);
    const margin = forecastRevenue[t]! !== 0 && Number.isFinite(forecastIncome[t]! / forecastRevenue[t]!) ? forecastIncome[t]! / forecastRevenue[t]! : "";
    put("margin", t, f(`IF(${cell("revenue", t)}=0,"",${cell("operatingIncome", t)}/${cell("revenue", t)})`, t === 0 ? margin : (dcf.years[t - 1]!.operatingMargin ?? "")), FMT.percent);
    if (t === 0) {
      put("discountFactor", 0, f("1", 1), FMT.factor);
      continue;
    }
    const y = dcf.years[t - 1]!;
    const prevNol = t === 1 ? nolAtValuation(inputs, p, v) : dcf.years[t - 2]!.nol;
    put("growth", t, f(`IF(${cell("revenue", t - 1)}=0,"",${cell("revenue", t)}/${cell("revenue", t - 1)}-1)`, y.revenueGrowth ?? ""), FMT.percent);
    put("taxRate", t, f(t <= 5 ? n("effectiveTaxRate") : `${n("effectiveTaxRate")}+(${n("marginalTaxRate")}-${n("effectiveTaxRate")})*${t - 5}/5`, y.taxRate), FMT.percent);
    put("nolStart", t, f(t === 1 ? `INDEX(${monthly("nol")},${vCell}+1)` : cell("nolEnd", t - 1), prevNol), FMT.money);
    const oi = cell("operatingIncome", t);
    const nolStart = cell("nolStart", t);
    put("afterTax", t, f(`IF(${oi}<=0,${oi},IF(${oi}<=${nolStart},${oi},${oi}-(${oi}-${nolStart})*${cell("taxRate", t)}))`, y.afterTaxOperatingIncome), FMT.money);
    put("nolEnd", t, f(`IF(${oi}<=0,${nolStart}-${oi},IF(${oi}<=${nolStart},${nolStart}-${oi},0))`, y.nol), FMT.money);
    put("salesToCapital", t, f(n(t <= 5 ? "salesToCapital1to5" : "salesToCapital6to10"), t <= 5 ? inputs.salesToCapital1to5 : inputs.salesToCapital6to10), FMT.ratio);
    const nextRevenue = a1(L.revenue, YEAR_COLUMN0 + t + 1);
    put("reinvestment", t, f(`IF(${n("reinvestmentLag")}=1,${nextRevenue}-${cell("revenue", t)},${cell("revenue", t)}-${cell("revenue", t - 1)})/${cell("salesToCapital", t)}`, y.reinvestment), FMT.money);
    put("fcff", t, f(`${cell("afterTax", t)}-${cell("reinvestment", t)}`, y.fcff), FMT.money);
    put("costOfCapital", t, f(t <= 5 ? n("costOfCapital") : `${n("costOfCapital")}+(${n("terminalCostOfCapital")}-${n("costOfCapital")})*${t - 5}/5`, y.costOfCapital), FMT.percent);
    put("discountFactor", t, f(`${cell("discountFactor", t - 1)}/(1+${cell("costOfCapital", t)})`, y.discountFactor), FMT.factor);
    put("presentValue", t, f(`${cell("fcff", t)}*${cell("discountFactor", t)}`, y.presentValue), FMT.money);
  }
  // The terminal year: growth g on year 10, taxed at the marginal rate, no NOL.
  const T = dcf.terminal;
  const terminalCell = (line: keyof typeof L) => a1(L[line], TERMINAL_COLUMN);
  const putT = (line: keyof typeof L, value: Formula, format: string) => {
    s.set(L[line], TERMINAL_COLUMN, value, format);
    s.anchors[`${line}:terminal`] = terminalCell(line);
  };
  const g = n("terminalGrowth");
  putT("revenue", f(`${cell("revenue", FORECAST_YEARS)}*(1+${g})`, T.revenue), FMT.money);
  putT("growth", f(g, inputs.terminalGrowth), FMT.percent);
  putT("operatingIncome", f(`${cell("operatingIncome", FORECAST_YEARS)}*(1+${g})`, T.operatingIncome), FMT.money);
  putT("margin", f(`IF(${terminalCell("revenue")}=0,"",${terminalCell("operatingIncome")}/${terminalCell("revenue")})`, T.operatingMargin ?? ""), FMT.percent);
  putT("taxRate", f(n("marginalTaxRate"), T.taxRate), FMT.percent);
  putT("afterTax", f(`IF(${terminalCell("operatingIncome")}>0,${terminalCell("operatingIncome")}*(1-${n("marginalTaxRate")}),${terminalCell("operatingIncome")})`, T.afterTaxOperatingIncome), FMT.money);

  let row = L.presentValue + 2;
  s.text(row++, 1, "Terminal value", "section");
  const rateCell = kv(row++, "Reinvestment rate in perpetuity (growth ÷ return on capital; 0 without growth or income)", f(`IF(AND(${terminalCell("afterTax")}>0,${g}>0),${g}/${n("terminalReturnOnCapital")},0)`, T.reinvestmentRate), FMT.percent, undefined, "terminalReinvestmentRate");
  putT("reinvestment", f(`${terminalCell("afterTax")}*${rateCell}`, T.reinvestment), FMT.money);
  putT("fcff", f(`${terminalCell("afterTax")}-${terminalCell("reinvestment")}`, T.fcff), FMT.money);
  putT("costOfCapital", f(n("terminalCostOfCapital"), T.costOfCapital), FMT.percent);
  const tvCell = kv(row++, "Terminal value at the end of year 10 (FCFF ÷ (cost of capital − growth); 0 while still losing money)", f(`IF(${terminalCell("afterTax")}>0,${terminalCell("fcff")}/(${n("terminalCostOfCapital")}-${g}),0)`, T.value), FMT.money, undefined, "terminalValue");
  const pvTvCell = kv(row++, "Present value of the terminal value", f(`${tvCell}*${cell("discountFactor", FORECAST_YEARS)}`, T.presentValue), FMT.money, undefined, "presentValueOfTerminal");

  // The bridge from operating assets to one share.
  const b = dcf.bridge;
  row++;
  s.text(row++, 1, `From operating assets to one share (millions of ${cur})`, "section");
  const pvYears = kv(row++, "Present value of years 1–10", f(`SUM(${cell("presentValue", 1)}:${cell("presentValue", FORECAST_YEARS)})`, b.presentValueOfYears), FMT.money, undefined, "presentValueOfYears");
  kv(row++, "Present value of the terminal value", f(pvTvCell, b.presentValueOfTerminal), FMT.money);
  const oa = kv(row++, "Value of operating assets", f(`${pvYears}+${pvTvCell}`, b.operatingAssets), FMT.money, "key", "operatingAssets");
  const proceedsValue = inputs.distressProceeds * Math.max(0, inputs.distressBasis === "book" ? inputs.bookCapital : b.operatingAssets);
  const proceeds = kv(row++, "Proceeds if it fails (share of book capital or of the value of operating assets)", f(`${n("distressProceeds")}*MAX(0,IF(${n("distressBasis")}="book",${n("bookCapital")},${oa}))`, proceedsValue), FMT.money);
  const adjusted = kv(row++, "Operating assets allowing for failure", f(`${oa}*(1-${n("probabilityOfFailure")})+${proceeds}*${n("probabilityOfFailure")}`, b.adjustedOperatingAssets), FMT.money, undefined, "adjustedOperatingAssets");
  kv(row++, "… of which the failure adjustment", f(`${adjusted}-${oa}`, b.failureAdjustment), FMT.money, undefined, "failureAdjustment");
  kv(row++, "− Debt", f(n("debt"), b.debt), FMT.money);
  kv(row++, "− Minority interests", f(n("minorityInterests"), b.minorityInterests), FMT.money);
  const cashValue = cashAtValuation(inputs, p, v);
  const cashCell = kv(row++, "+ Cash at the valuation date (without undrawn facilities; with the IPO's proceeds if it lists after)", f(`INDEX(${monthly("cash")},${vCell}+1)-IF(${n("includeUndrawnFacilities")},${n("undrawnFacilities")},0)+IF(${firm}_ipoMonth>${vCell},${n("ipoNetProceeds")},0)`, cashValue), FMT.money, undefined, "cash");
  kv(row++, "+ Non-operating assets", f(n("nonOperatingAssets"), b.nonOperatingAssets), FMT.money);
  const equity = kv(row++, "Value of equity", f(`${adjusted}-${n("debt")}-${n("minorityInterests")}+${cashCell}+${n("nonOperatingAssets")}`, b.equity), FMT.money, "key", "equity");
  const optionsRow = row++;
  const commonRow = row++;
  const sharesRow = row++;
  const vpsRow = row++;
  const vpsHkdRow = row++;
  const flooredRow = row++;
  const priceRow = row++;
  const gapRow = row++;
  const optionsCell = abs(optionsRow, 2);
  const common = abs(commonRow, 2);
  kv(commonRow, "Value of common equity", f(`${equity}-${optionsCell}`, b.commonEquity), FMT.money, undefined, "commonEquity");
  kv(sharesRow, "Shares outstanding (millions)", f(n("sharesOutstanding"), b.sharesOutstanding), "#,##0.0###");
  const vps = kv(vpsRow, `Value per share (${cur})`, f(`${common}/${n("sharesOutstanding")}`, b.valuePerShare), FMT.perShare, "key", "valuePerShare");
  const vpsHkd = kv(vpsHkdRow, "Value per share (HK$)", f(toHkd(vps), valuation.valuePerShareHkd), FMT.perShare, "key", "valuePerShareHkd");
  kv(flooredRow, "Value per share, floored at zero (HK$): a share cannot be worth less than nothing to its holder", f(`MAX(0,${vpsHkd})`, Math.max(0, valuation.valuePerShareHkd)), FMT.perShare);
  kv(priceRow, "Market price (HK$)", f(n("price"), inputs.price), FMT.perShare);
  kv(gapRow, "Value ÷ price − 1", f(`${vpsHkd}/${n("price")}-1`, valuation.gap), FMT.percent, "key", "gap");

  // Market view.
  row++;
  s.text(row++, 1, `Market view (millions of ${cur})`, "section");
  const mcap = kv(row++, "Market capitalisation (price × shares)", f(fromHkd(`${n("price")}*${n("sharesOutstanding")}`), valuation.marketCap), FMT.money, undefined, "marketCap");
  const netCash = kv(row++, "Net cash (cash at the valuation date − debt)", f(`${cashCell}-${n("debt")}`, valuation.netCash), FMT.money, undefined, "netCash");
  const ev = kv(row++, "Enterprise value (market cap − net cash)", f(`${mcap}-${netCash}`, valuation.enterpriseValue), FMT.money, undefined, "enterpriseValue");
  kv(row++, "EV ÷ trailing revenue", f(`IF(${n("trailingRevenue")}=0,"",${ev}/${n("trailingRevenue")})`, valuation.evToRevenue.trailing ?? ""), "0.0", undefined, "evToTrailingRevenue");

  // Employee options, both ways; the bridge takes the one the assumption names.
  row++;
  s.text(row++, 1, "Employee options (Black–Scholes, no dividends)", "section");
  const strike = kv(row++, `Average strike (${cur} per share)`, f(fromHkd(n("optionStrike")), convert(inputs.optionStrike, "HKD", currency, market)), FMT.perShare);
  const sd = kv(row++, "Volatility × √maturity", f(`${n("optionVolatility")}*SQRT(${n("optionMaturityYears")})`, inputs.optionVolatility * Math.sqrt(inputs.optionMaturityYears)), "0.0000");
  const sdValue = inputs.optionVolatility * Math.sqrt(inputs.optionMaturityYears);
  const strikeValue = convert(inputs.optionStrike, "HKD", currency, market);
  const option = {strike: strikeValue, maturityYears: inputs.optionMaturityYears, volatility: inputs.optionVolatility, riskFreeRate: inputs.riskFreeRate, dividendYield: 0};
  const d1Of = (price: number): Scalar => (price > 0 && strikeValue > 0 && sdValue > 1e-12 ? (log(price / strikeValue) + (inputs.riskFreeRate + (inputs.optionVolatility * inputs.optionVolatility) / 2) * inputs.optionMaturityYears) / sdValue : "");
  const d1Formula = (price: string) => `IF(AND(${price}>0,${strike}>0,${sd}>1E-12),(LN(${price}/${strike})+(${n("riskFreeRate")}+${n("optionVolatility")}*${n("optionVolatility")}/2)*${n("optionMaturityYears")})/${sd},"")`;
  const callFormula = (price: string, d1: string) =>
    `IF(${price}<=0,0,IF(NOT(${sd}>1E-12),MAX(0,${price}-${strike}*EXP(-${n("riskFreeRate")}*${n("optionMaturityYears")})),IF(${strike}<=0,${price},${price}*NORMSDIST(${d1})-${strike}*EXP(-${n("riskFreeRate")}*${n("optionMaturityYears")})*NORMSDIST(${d1}-${sd}))))`;
  const m = n("optionsOutstanding");
  const shares = n("sharesOutstanding");

  s.text(row++, 1, "At the model's own value per share (Damodaran's DIY workbooks' circular reference, in closed form)", "section");
  const ownPrice = b.equity / (inputs.sharesOutstanding + inputs.optionsOutstanding);
  const ownW = callValue({...option, stockPrice: ownPrice});
  const ownOptions = inputs.optionsOutstanding > 0 ? ownW * inputs.optionsOutstanding : 0;
  const sOwn = kv(row++, "Share price the options are priced on: equity ÷ (shares + options)", f(`${equity}/(${shares}+${m})`, ownPrice), FMT.perShare);
  const d1Own = kv(row++, "d1", f(d1Formula(sOwn), d1Of(ownPrice)), "0.000000");
  const wOwn = kv(row++, `Value of one option (${cur})`, f(callFormula(sOwn, d1Own), ownW), FMT.perShare);
  const ownTotal = kv(row++, "Value of the options", f(`IF(${m}>0,${wOwn}*${m},0)`, ownOptions), FMT.money, undefined, "optionsAtValue");
  const xOwnValue = (b.equity - ownOptions) / inputs.sharesOutstanding;
  const xOwn = kv(row++, "Check: value per share x = (equity − options) ÷ shares", f(`(${equity}-${ownTotal})/${shares}`, xOwnValue), FMT.perShare);
  kv(row++, "Check: (x × shares + option value × options) ÷ (shares + options) gives back the price above: x is the fixed point", f(`(${xOwn}*${shares}+${wOwn}*${m})/(${shares}+${m})`, (xOwnValue * inputs.sharesOutstanding + ownW * inputs.optionsOutstanding) / (inputs.sharesOutstanding + inputs.optionsOutstanding)), FMT.perShare);

  s.text(row++, 1, "At the market price, adjusted for dilution (price′ = (price × shares + option value × options) ÷ (shares + options), iterated)", "section");
  const priceValue = convert(inputs.price, "HKD", currency, market);
  const priceCell = kv(row++, `Market price (${cur})`, f(fromHkd(n("price")), priceValue), FMT.perShare);
  const diluted = dilutedOptionsValue({...option, stockPrice: priceValue}, inputs.optionsOutstanding, inputs.sharesOutstanding);
  const iterations = Math.min(200, Math.max(MIN_OPTION_ITERATIONS, diluted.iterations + 5));
  const totalRow = row++;
  const convergedRow = row++;
  const tableHeader = row++;
  ["Iteration", `Price′ (${cur})`, "d1", `Option value (${cur})`, "Change"].forEach((h, i) => s.text(tableHeader, i + 1, h, "header"));
  let w = callValue({...option, stockPrice: priceValue});
  let lastW = "";
  let lastChange = 0;
  for (let k = 0; k <= iterations; k++) {
    const r = tableHeader + 1 + k;
    s.set(r, 1, k, FMT.integer);
    const before = w;
    const adjustedPrice = k === 0 ? priceValue : (priceValue * inputs.sharesOutstanding + w * inputs.optionsOutstanding) / (inputs.sharesOutstanding + inputs.optionsOutstanding);
    if (k > 0) w = callValue({...option, stockPrice: adjustedPrice});
    const sCell = s.set(r, 2, k === 0 ? f(priceCell, priceValue) : f(`(${priceCell}*${shares}+${a1(r - 1, 4)}*${m})/(${shares}+${m})`, adjustedPrice), FMT.perShare);
    const dCell = s.set(r, 3, f(d1Formula(sCell), d1Of(adjustedPrice)), "0.000000");
    lastW = s.set(r, 4, f(callFormula(sCell, dCell), w), FMT.perShare);
    if (k > 0) s.set(r, 5, f(`${lastW}-${a1(r - 1, 4)}`, (lastChange = w - before)), "0.0E+00");
  }
  const priceOptions = inputs.optionsOutstanding > 0 ? w * inputs.optionsOutstanding : 0;
  const priceTotal = kv(totalRow, "Value of the options", f(`IF(${m}>0,${lastW}*${m},0)`, priceOptions), FMT.money, undefined, "optionsAtPrice");
  kv(convergedRow, "Converged (last change within 1e-9 of the option value)", f(`ABS(${a1(tableHeader + 1 + iterations, 5)})<=1E-9*MAX(1,ABS(${lastW}))`, Math.abs(lastChange) <= 1e-9 * Math.max(1, Math.abs(w))));

  // The chosen method, into the bridge.
  kv(optionsRow, "− Employee options (valued at the model's own value per share, or at the market price: see Assumptions)", f(`IF(${n("optionsValuedAt")}="price",${priceTotal},${ownTotal})`, b.options), FMT.money, undefined, "options");
  return s.done({rows: header, columns: 1});
}

/**
 * The workbook of `scenario` for `firms` (one or both): Assumptions, then each firm's monthly and
 * valuation sheets. `sources.provenance` is the baseline's (src/data/scenarios.json.ts).
 * @example workbookModel(presets.get("base"), ["zhipu"], {provenance}).sheets.map((s) => s.name)
 *   // ["Assumptions", "Zhipu AI monthly", "Zhipu AI valuation"]
 */
export function workbookModel(scenario: Scenario, firms: readonly FirmId[], sources: WorkbookSources): WorkbookModel {
  const names: WorkbookModel["names"] = [];
  const sheets = [assumptionsSheet(scenario, firms, sources, names)];
  for (const firm of firms) {
    const run = runFirm(firm, scenario.firms[firm], scenario.market);
    sheets.push(monthlySheet(run, names), valuationSheet(run, names));
  }
  return {title: `${scenario.title} — ${firms.map((f) => FIRM_NAME[f]).join(" and ")}`, sheets, names};
}

/** What a page hands the workbook download: the scenario, the firms to include, the baseline's provenance. */
export interface WorkbookState {
  scenario: Scenario;
  firms: readonly FirmId[];
  sources: WorkbookSources;
}
