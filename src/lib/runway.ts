// Cash runway: how long the cash lasts on the projected path, and the funding gaps on the way that
// financing the scenario already schedules (the IPO, a later raise) repairs.
import {dateAfterMonths, yearMonth, type IsoDate, type YearMonth} from "./dates.js";
import type {Projection} from "./projection.js";

export type RunwayStatus =
  | "runs-out" // cash goes below zero within the horizon and no scheduled financing repairs it
  | "self-funding" // operating cash flow turns positive and cash never runs out
  | "beyond-horizon"; // cash lasts the horizon although the firm still burns cash

export interface Runway {
  status: RunwayStatus;
  /** Months from the baseline until cash first goes below zero for good (fractional), null when it never does. */
  months: number | null;
  cashOutDate: IsoDate | null;
}

/**
 * A stretch of months with cash below zero that is over by the time a scheduled financing arrives
 * (usually because that financing lifts cash back to zero or more): money the firm must bridge (a
 * loan, an earlier raise), not the end of its runway.
 */
export interface FundingGap {
  /** Months after the baseline when cash first goes below zero (fractional, as the runway's). */
  startMonths: number;
  startDate: IsoDate;
  /** The months with a negative month-end balance ("YYYY-MM"), first and last. */
  firstMonth: YearMonth;
  lastMonth: YearMonth;
  /** The deepest month-end shortfall, as a positive amount (millions of the firm's currency). */
  shortfall: number;
  /** The month cash is back at zero or more, and what lifts it: a scheduled financing, or the firm's own operations before that financing lands. */
  bridgedIn: YearMonth;
  bridgedBy: "ipo" | "later-raise" | "financing" | "operations";
}

export interface CashPath {
  runway: Runway;
  fundingGaps: FundingGap[];
}

/**
 * Crossing point within month t, from cash at the end of months t − 1 (≥ 0) and t (< 0), interpolated
 * so a constant burn gives exactly cash ÷ burn; 0 for month 0. (The Monte Carlo block follows the
 * rule month by month and calls this with the two balances it holds.)
 */
export function crossingWithin(t: number, before: number, after: number): number {
  return t === 0 ? 0 : t - 1 + before / (before - after);
}

function crossing(cash: Float64Array, t: number): number {
  return t === 0 ? 0 : crossingWithin(t, cash[t - 1]!, cash[t]!);
}

/** The first month after `t` with financing, or Infinity when none is scheduled. */
function nextFinancingAfter(financing: Float64Array, t: number, months: number): number {
  for (let m = t + 1; m <= months; m++) if (financing[m]! > 0) return m;
  return Infinity;
}

/**
 * Walks the cash path: the rule of the runway, in one place. A stretch of months below zero is a
 * funding gap when cash is back at zero or more by the month of the first scheduled financing after
 * the dip starts (usually that financing is what lifts it); otherwise the runway ends where the
 * stretch starts. The rule is monotone: lower cash never lengthens the runway. Returns the runway in
 * months (null when cash never runs out for good); `onGap` hears each gap (month indexes after the
 * baseline: first month below zero, month back at zero or more, the financing month, the shortfall).
 * Allocates nothing, so a Monte Carlo path can call it.
 */
export function walkCash(p: Projection, onGap?: (start: number, end: number, bridge: number, shortfall: number) => void): number | null {
  const {cash, financing} = p;
  let t = 0;
  while (t <= p.months) {
    if (!(cash[t]! < 0)) {
      t++;
      continue;
    }
    const start = t;
    const bridge = nextFinancingAfter(financing, start, p.months);
    let shortfall = 0;
    while (t <= p.months && t <= bridge && cash[t]! < 0) shortfall = Math.max(shortfall, -cash[t++]!);
    // No financing scheduled after the dip, or still below zero when it lands: the cash has run out.
    if (!(bridge <= p.months && t <= bridge)) return crossing(cash, start);
    onGap?.(start, t, bridge, shortfall);
  }
  return null;
}

/** The runway and the funding gaps of a projected cash path (walkCash's rule). `financingKind(t)` names the financing of month t. */
export function cashPath(p: Projection, financingKind: (t: number) => Exclude<FundingGap["bridgedBy"], "operations"> = () => "financing"): CashPath {
  const {cash, financing} = p;
  const fundingGaps: FundingGap[] = [];
  const months = walkCash(p, (start, t, bridge, shortfall) => {
    const startMonths = crossing(cash, start);
    fundingGaps.push({
      startMonths,
      startDate: dateAfterMonths(p.startMonth, startMonths),
      firstMonth: yearMonth(p.startMonth + start),
      lastMonth: yearMonth(p.startMonth + t - 1),
      shortfall,
      bridgedIn: yearMonth(p.startMonth + t),
      // Back above zero in the financing's own month, and only because of it: the financing bridges it.
      bridgedBy: t === bridge && cash[t]! - financing[t]! < 0 ? financingKind(t) : "operations"
    });
  });
  if (months !== null) return {runway: {status: "runs-out", months, cashOutDate: dateAfterMonths(p.startMonth, months)}, fundingGaps};
  let selfFunding = false;
  for (let m = 1; m <= p.months && !selfFunding; m++) selfFunding = p.operatingCashFlow[m]! >= 0;
  return {runway: {status: selfFunding ? "self-funding" : "beyond-horizon", months: null, cashOutDate: null}, fundingGaps};
}

/** The runway alone: the first cash-out that no scheduled financing repairs. */
export function runway(p: Projection): Runway {
  return cashPath(p).runway;
}
