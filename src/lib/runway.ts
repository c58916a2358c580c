// Cash runway: how long the cash lasts on the projected path.
import {dateAfterMonths, type IsoDate} from "./dates.js";
import type {Projection} from "./projection.js";

export type RunwayStatus =
  | "runs-out" // cash goes below zero within the horizon
  | "self-funding" // operating cash flow turns positive and cash never goes below zero
  | "beyond-horizon"; // cash lasts the horizon although the firm still burns cash

export interface Runway {
  status: RunwayStatus;
  /** Months from the baseline until cash first goes below zero (fractional), null when it never does. */
  months: number | null;
  cashOutDate: IsoDate | null;
}

/**
 * The first month with Cash_t < 0, interpolated linearly within that month so that a constant
 * burn gives exactly cash ÷ burn months.
 */
export function runway(p: Projection): Runway {
  const cash = p.cash;
  if (cash[0]! < 0) return {status: "runs-out", months: 0, cashOutDate: dateAfterMonths(p.startMonth, 0)};
  for (let t = 1; t <= p.months; t++) {
    if (cash[t]! < 0) {
      const before = cash[t - 1]!;
      const months = t - 1 + before / (before - cash[t]!);
      return {status: "runs-out", months, cashOutDate: dateAfterMonths(p.startMonth, months)};
    }
  }
  let selfFunding = false;
  for (let t = 1; t <= p.months && !selfFunding; t++) selfFunding = p.operatingCashFlow[t]! >= 0;
  return {status: selfFunding ? "self-funding" : "beyond-horizon", months: null, cashOutDate: null};
}
