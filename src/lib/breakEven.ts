// Break-even: the first month, and the first full calendar year, with operating cash flow ≥ 0.
import {yearMonth, yearOfMonthIndex, type YearMonth} from "./dates.js";
import type {Projection} from "./projection.js";

export interface BreakEven {
  /** First projected month with OCF ≥ 0 ("YYYY-MM"), null when none within the horizon. */
  date: YearMonth | null;
  /** Months after the baseline of that month. */
  months: number | null;
  /** Calendar year of that month. */
  year: number | null;
  /** First complete calendar year within the horizon whose summed OCF is ≥ 0. */
  annualYear: number | null;
  targetYear: number;
  /** Whether the monthly break-even falls in or before the target year. */
  meetsTarget: boolean;
}

export function firstBreakEvenMonth(p: Projection, lastMonth = p.months): number | null {
  const ocf = p.operatingCashFlow;
  const end = Math.min(lastMonth, p.months);
  for (let t = 1; t <= end; t++) if (ocf[t]! >= 0) return t;
  return null;
}

/** Month offset of December of `year` (may be ≤ 0 when the year ended before the baseline). */
export function decemberOffset(startMonth: number, year: number): number {
  return year * 12 + 11 - startMonth;
}

/** Sum of operating cash flow per complete calendar year in the projection. */
export function annualOperatingCashFlow(p: Projection): {year: number; operatingCashFlow: number}[] {
  const out: {year: number; operatingCashFlow: number}[] = [];
  // The first January after the baseline month starts the first complete year.
  let t = 1;
  while ((p.startMonth + t) % 12 !== 0) t++;
  for (; t + 11 <= p.months; t += 12) {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += p.operatingCashFlow[t + k]!;
    out.push({year: yearOfMonthIndex(p.startMonth + t), operatingCashFlow: sum});
  }
  return out;
}

export function breakEven(p: Projection, targetYear: number): BreakEven {
  const t = firstBreakEvenMonth(p);
  const annual = annualOperatingCashFlow(p).find((y) => y.operatingCashFlow >= 0);
  const year = t === null ? null : yearOfMonthIndex(p.startMonth + t);
  return {
    date: t === null ? null : yearMonth(p.startMonth + t),
    months: t,
    year,
    annualYear: annual ? annual.year : null,
    targetYear,
    meetsTarget: year !== null && year <= targetYear
  };
}
