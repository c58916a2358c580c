// The runner's output: one plain-JSON (or CSV) record of a scenario's results, both firms.
import {yearMonth} from "./dates.js";
import type {FirmResult} from "./model.js";
import {FIRMS, type FirmId, type Scenario} from "./schema.js";

export interface MonthRow {
  date: string;
  revenue: number;
  grossProfit: number;
  opex: number;
  operatingCashFlow: number;
  financing: number;
  cash: number;
}

export function monthlyRows(result: FirmResult): MonthRow[] {
  const p = result.projection;
  const rows: MonthRow[] = [];
  for (let t = 1; t <= p.months; t++) {
    rows.push({
      date: yearMonth(p.startMonth + t),
      revenue: p.revenue[t]!,
      grossProfit: p.grossProfit[t]!,
      opex: p.opex[t]!,
      operatingCashFlow: p.operatingCashFlow[t]!,
      financing: p.financing[t]!,
      cash: p.cash[t]!
    });
  }
  return rows;
}

export function firmReport(result: FirmResult) {
  return {
    currency: result.currency,
    units: "millions of currency; monthly flows",
    runway: result.runway,
    breakEven: result.breakEven,
    required: result.required,
    monthly: monthlyRows(result)
  };
}

export function scenarioReport(scenario: Scenario, results: Record<FirmId, FirmResult>) {
  return {
    scenario,
    firms: Object.fromEntries(FIRMS.map((firm) => [firm, firmReport(results[firm])])) as Record<FirmId, ReturnType<typeof firmReport>>
  };
}

const CSV_COLUMNS = ["firm", "currency", "date", "revenue", "grossProfit", "opex", "operatingCashFlow", "financing", "cash"] as const;

/** The monthly projection of both firms as CSV (money in millions of each firm's currency). */
export function scenarioCsv(results: Record<FirmId, FirmResult>, firms: readonly FirmId[] = FIRMS): string {
  const lines: string[] = [CSV_COLUMNS.join(",")];
  for (const firm of firms) {
    for (const row of monthlyRows(results[firm])) {
      lines.push([firm, results[firm].currency, row.date, row.revenue, row.grossProfit, row.opex, row.operatingCashFlow, row.financing, row.cash].join(","));
    }
  }
  return lines.join("\n") + "\n";
}
