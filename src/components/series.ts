// Results as rows for charts and tables, already in the display currency (dates as UTC Date
// objects at month end). Charts take these rows and draw; they convert nothing themselves.
import {FIRM_NAME, type Currency, type FirmId, type MarketInputs} from "../lib/fields.js";
import {formatMonthYear} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import {FORECAST_YEARS} from "../lib/dcf.js";
import {monthIndexOf} from "../lib/dates.js";
import type {FirmResult} from "../lib/results.js";
import {monthlyRows, type MonthRow} from "../lib/report.js";
import {BRIDGE_NAME} from "../lib/headline.js";

const monthEnds = new Map<number, Date>();

/** The last day of a month (by month index) as a UTC Date; one shared, frozen object per month. */
export function monthEndDate(monthIndex: number): Date {
  let date = monthEnds.get(monthIndex);
  if (!date) {
    const year = Math.floor(monthIndex / 12);
    date = new Date(Date.UTC(year, monthIndex - year * 12 + 1, 0));
    monthEnds.set(monthIndex, Object.freeze(date));
  }
  return date;
}

export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

const YEAR_MS = 365.25 * 864e5;

/**
 * Where charts of the projection end: the last year the valuation uses (ten years after the listing
 * month), or a year past a later cash-out or break-even, never past the projection's horizon.
 */
export function chartEnd(results: readonly FirmResult[]): Date {
  const horizon = Math.max(...results.map((r) => monthEndDate(r.projection.startMonth + r.projection.months).getTime()));
  const valuationEnd = results.map((r) => monthEndDate(r.projection.startMonth + r.valuation.valuationMonth + 12 * FORECAST_YEARS).getTime());
  const markers = results
    .flatMap((r) => [r.runway.cashOutDate, r.breakEven.date])
    .filter((d): d is string => d !== null)
    .map((d) => isoToDate(d).getTime() + YEAR_MS);
  return new Date(Math.min(horizon, Math.max(...valuationEnd, ...markers)));
}

export interface CashRow {
  firm: FirmId;
  name: string;
  date: Date;
  /** Millions of the display currency. */
  cash: number;
}

export interface ChartEvent {
  firm: FirmId;
  name: string;
  kind: "cash-out" | "break-even";
  date: Date;
  cash: number;
  /** "cash out Nov 2028" */
  label: string;
}

export interface TargetBand {
  firm: FirmId;
  name: string;
  year: number;
  start: Date;
  end: Date;
}

/** A funding gap: cash below zero from `start` until the financing that repairs it, at `end`. */
export interface GapBand {
  firm: FirmId;
  name: string;
  start: Date;
  end: Date;
  /** "gap bridged by the IPO, Jan 2026" */
  label: string;
}

export interface CashChartData {
  currency: Currency;
  rows: CashRow[];
  events: ChartEvent[];
  targets: TargetBand[];
  gaps: GapBand[];
}

/** What repairs a funding gap, in words. */

/** Each firm's cash by month from the baseline to `end`, its cash-out and break-even, and its target year. */
export function cashChartData(results: readonly FirmResult[], options: {currency: Currency; market: MarketInputs; end: Date}): CashChartData {
  const {currency, market, end} = options;
  const rows: CashRow[] = [];
  const events: ChartEvent[] = [];
  const gaps: GapBand[] = [];
  for (const r of results) {
    const p = r.projection;
    const name = FIRM_NAME[r.firm];
    const inDisplay = (x: number) => convert(x, r.currency, currency, market);
    for (let t = 0; t <= p.months; t++) {
      const date = monthEndDate(p.startMonth + t);
      if (date > end) break;
      rows.push({firm: r.firm, name, date, cash: inDisplay(p.cash[t]!)});
    }
    for (const gap of r.fundingGaps) {
      gaps.push({firm: r.firm, name, start: isoToDate(gap.startDate), end: monthEndDate(monthIndexOf(`${gap.bridgedIn}-01`)), label: `${results.length > 1 ? `${name}: ` : ""}funding gap ${formatMonthYear(gap.firstMonth)}${gap.bridgedBy === "operations" ? `, closed ${formatMonthYear(gap.bridgedIn)}` : ` → ${BRIDGE_NAME[gap.bridgedBy].replace(/^the /, "")} ${formatMonthYear(gap.bridgedIn)}`}`});
    }
    if (r.runway.cashOutDate) events.push({firm: r.firm, name, kind: "cash-out", date: isoToDate(r.runway.cashOutDate), cash: 0, label: `cash out ${formatMonthYear(r.runway.cashOutDate)}`});
    if (r.breakEven.date && r.breakEven.months !== null) {
      events.push({firm: r.firm, name, kind: "break-even", date: monthEndDate(p.startMonth + r.breakEven.months), cash: inDisplay(p.cash[r.breakEven.months]!), label: `break-even ${formatMonthYear(r.breakEven.date)}`});
    }
  }
  const targets = results.map((r) => ({firm: r.firm, name: FIRM_NAME[r.firm], year: r.breakEven.targetYear, start: new Date(Date.UTC(r.breakEven.targetYear, 0, 1)), end: new Date(Date.UTC(r.breakEven.targetYear + 1, 0, 1))}));
  return {currency, rows, events: events.filter((e) => e.date <= end), targets, gaps: gaps.filter((g) => g.start <= end)};
}

export const FLOW_MEASURES = ["Revenue", "Gross profit", "Cash costs", "Operating cash flow"] as const;
export type FlowMeasure = (typeof FLOW_MEASURES)[number];

/** One month of one firm's flows, in millions of the display currency. */
export interface FlowRow {
  date: Date;
  revenue: number;
  grossProfit: number;
  cashCosts: number;
  operatingCashFlow: number;
}

/** Which FlowRow field each measure is. */
export const FLOW_FIELD: Record<FlowMeasure, keyof Omit<FlowRow, "date">> = {
  Revenue: "revenue",
  "Gross profit": "grossProfit",
  "Cash costs": "cashCosts",
  "Operating cash flow": "operatingCashFlow"
};

/** One firm's monthly revenue, gross profit, cash costs and operating cash flow, to `end`. */
export function flowRows(result: FirmResult, options: {currency: Currency; market: MarketInputs; end: Date}): FlowRow[] {
  const p = result.projection;
  const inDisplay = (x: number) => convert(x, result.currency, options.currency, options.market);
  const rows: FlowRow[] = [];
  for (let t = 1; t <= p.months; t++) {
    const date = monthEndDate(p.startMonth + t);
    if (date > options.end) break;
    rows.push({date, revenue: inDisplay(p.revenue[t]!), grossProfit: inDisplay(p.grossProfit[t]!), cashCosts: inDisplay(p.opex[t]!), operatingCashFlow: inDisplay(p.operatingCashFlow[t]!)});
  }
  return rows;
}

/** The monthly projection (the runner's rows) with money in the display currency (millions). */
export function monthRows(result: FirmResult, options: {currency: Currency; market: MarketInputs}): MonthRow[] {
  const inDisplay = (x: number) => convert(x, result.currency, options.currency, options.market);
  return monthlyRows(result).map((row) => ({
    date: row.date,
    revenue: inDisplay(row.revenue),
    grossProfit: inDisplay(row.grossProfit),
    opex: inDisplay(row.opex),
    operatingCashFlow: inDisplay(row.operatingCashFlow),
    financing: inDisplay(row.financing),
    cash: inDisplay(row.cash)
  }));
}
