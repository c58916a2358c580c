// Projection arrays as rows for charts and tables (dates as UTC Date objects at month end).
import {convert} from "../lib/fx.js";
import type {FirmResult} from "../lib/results.js";
import {FIRM_NAME, type Currency, type MarketInputs} from "../lib/fields.js";

export function monthEndDate(monthIndex: number): Date {
  const year = Math.floor(monthIndex / 12);
  return new Date(Date.UTC(year, monthIndex - year * 12 + 1, 0));
}

export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

export interface CashRow {
  firm: string;
  date: Date;
  cash: number;
}

/** Cash by month from the baseline (month 0) on, in `currency`, up to `until` (inclusive). */
export function cashRows(result: FirmResult, currency: Currency, market: MarketInputs, until?: Date): CashRow[] {
  const p = result.projection;
  const rows: CashRow[] = [];
  for (let t = 0; t <= p.months; t++) {
    const date = monthEndDate(p.startMonth + t);
    if (until && date > until) break;
    rows.push({firm: FIRM_NAME[result.firm], date, cash: convert(p.cash[t]!, result.currency, currency, market)});
  }
  return rows;
}

export interface FlowRow {
  date: Date;
  measure: string;
  value: number;
}

export const FLOW_MEASURES = ["Revenue", "Gross profit", "Cash costs", "Operating cash flow"] as const;

/** Monthly revenue, gross profit, cash costs and operating cash flow (firm currency). */
export function flowRows(result: FirmResult, until?: Date): FlowRow[] {
  const p = result.projection;
  const rows: FlowRow[] = [];
  for (let t = 1; t <= p.months; t++) {
    const date = monthEndDate(p.startMonth + t);
    if (until && date > until) break;
    rows.push(
      {date, measure: "Revenue", value: p.revenue[t]!},
      {date, measure: "Gross profit", value: p.grossProfit[t]!},
      {date, measure: "Cash costs", value: p.opex[t]!},
      {date, measure: "Operating cash flow", value: p.operatingCashFlow[t]!}
    );
  }
  return rows;
}
