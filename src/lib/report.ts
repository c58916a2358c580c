// The runner's output: one plain-JSON (or CSV) record of a scenario's results, both firms.
import {yearMonth} from "./dates.js";
import {convert} from "./fx.js";
import type {FirmResult, Implied} from "./results.js";
import {FIRM_CURRENCY, FIRMS, type FirmId, type MarketInputs} from "./fields.js";
import {type Scenario} from "./schema.js";
import {ruleOfThreeBound, type Estimate} from "./estimate.js";
import {sortedNumbers, sortedQuantiles, type FirmSimulation} from "./simulation.js";

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

/** The valuation as the runner prints it: money in HKD (like the price), in millions except per share. */
export function valuationReport(result: FirmResult, market: MarketInputs, implied?: Implied) {
  const v = result.valuation;
  const hkd = (x: number) => convert(x, result.currency, "HKD", market);
  return {
    currency: "HKD" as const,
    valuationDate: v.valuationDate,
    firstForecastYear: v.firstForecastYear,
    /** Signed: negative when the DCF's common equity is below zero. */
    valuePerShare: v.valuePerShareHkd,
    /** Floored at zero: what limited liability says a share is worth at least. */
    flooredValuePerShare: Math.max(0, v.valuePerShareHkd),
    negativeEquity: v.dcf.bridge.negativeEquity,
    price: v.price,
    gap: v.gap,
    marketCap: hkd(v.marketCap),
    netCash: hkd(v.netCash),
    enterpriseValue: hkd(v.enterpriseValue),
    evToRevenue: v.evToRevenue,
    marketCapToTargetYearRevenue: v.marketCapToTargetYearRevenue,
    ...(implied ? {impliedGrowth: implied.growth, impliedMargin: implied.margin} : {}),
    reportingCurrency: {currency: result.currency, valuePerShare: v.valuePerShare, bridge: v.dcf.bridge}
  };
}

export function firmReport(result: FirmResult, market: MarketInputs, implied?: Implied) {
  return {
    currency: result.currency,
    units: "millions of currency; monthly flows",
    runway: result.runway,
    fundingGaps: result.fundingGaps,
    breakEven: result.breakEven,
    required: result.required,
    valuation: valuationReport(result, market, implied),
    monthly: monthlyRows(result)
  };
}

const RISK_QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/**
 * Per-path answers, sorted by sortedNumbers, as {p5, p10, p25, p50, p75, p90, p95}; null where a
 * quantile falls among paths that never get there.
 */
function quantileRecord(sorted: Float64Array): Record<"p5" | "p10" | "p25" | "p50" | "p75" | "p90" | "p95", number | null> {
  const [p5, p10, p25, p50, p75, p90, p95] = sortedQuantiles(sorted, RISK_QUANTILES);
  return {p5: p5!, p10: p10!, p25: p25!, p50: p50!, p75: p75!, p90: p90!, p95: p95!};
}

/**
 * A probability as the runner prints it: {p, standardError, bound95}, where bound95 is the rule of
 * three's 95% bound at 0% or 100% (where the standard error, 0, would claim certainty), else null.
 */
function withBound(e: Estimate, s: FirmSimulation): Estimate & {bound95: number | null} {
  return {...e, bound95: ruleOfThreeBound(e, s.runwayMonths.length - s.invalidPaths)};
}

/**
 * A firm's Monte Carlo results as the runner prints them (money in millions of its currency; value per
 * share in HKD). `sortedValues` is the value per share sorted by sortedNumbers, when the caller has it.
 */
export function riskReport(simulation: {paths: number; seed: number}, s: FirmSimulation, sortedValues = sortedNumbers(s.valuePerShareHkd)) {
  const months = s.cash.p50.length;
  return {
    paths: simulation.paths,
    seed: simulation.seed,
    invalidPaths: s.invalidPaths,
    runwayMonths: quantileRecord(sortedNumbers(s.runwayMonths)),
    breakEvenMonths: quantileRecord(sortedNumbers(s.breakEvenMonths)),
    valuePerShare: quantileRecord(sortedValues),
    probabilities: {
      cashOutBeforeBreakEven: withBound(s.probabilities.cashOutBeforeBreakEven, s),
      breakEvenByTarget: withBound(s.probabilities.breakEvenByTarget, s),
      valueAbovePrice: withBound(s.probabilities.valueAbovePrice, s)
    },
    cash: {
      dates: Array.from({length: months}, (_, t) => yearMonth(s.cash.startMonth + t)),
      p5: Array.from(s.cash.p5),
      p25: Array.from(s.cash.p25),
      p50: Array.from(s.cash.p50),
      p75: Array.from(s.cash.p75),
      p95: Array.from(s.cash.p95)
    }
  };
}

export type RiskReport = ReturnType<typeof riskReport>;

/** The monthly cash bands of both firms as CSV (millions of each firm's currency). */
export function riskCsv(reports: Record<FirmId, RiskReport>): string {
  const lines = ["firm,currency,date,p5,p25,p50,p75,p95"];
  for (const firm of FIRMS) {
    const c = reports[firm].cash;
    c.dates.forEach((date, t) => lines.push([firm, FIRM_CURRENCY[firm], date, c.p5[t], c.p25[t], c.p50[t], c.p75[t], c.p95[t]].join(",")));
  }
  return lines.join("\n") + "\n";
}

export function scenarioReport(scenario: Scenario, results: Record<FirmId, FirmResult>, implied?: Record<FirmId, Implied>) {
  return {
    scenario,
    firms: Object.fromEntries(FIRMS.map((firm) => [firm, firmReport(results[firm], scenario.market, implied?.[firm])])) as Record<FirmId, ReturnType<typeof firmReport>>
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
