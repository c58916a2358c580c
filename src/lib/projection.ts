// The monthly projection of one firm (design §4). Pure arithmetic on typed arrays.
import {pow} from "./exactMath.js";
import {monthIndexOf} from "./dates.js";
import type {FirmInputs} from "./fields.js";

/** Months projected after the baseline: 15 years, so the DCF's ten years always fit. */
export const HORIZON_MONTHS = 180;

/**
 * One firm's projected months. Index 0 is the baseline month (cash only: the opening balance);
 * index t = 1…months is the t-th month after it. Money is in millions of the firm's currency.
 */
export interface Projection {
  /** Month index (see dates.ts) of the baseline month; month t is `startMonth + t`. */
  startMonth: number;
  months: number;
  revenue: Float64Array;
  grossMargin: Float64Array;
  grossProfit: Float64Array;
  opex: Float64Array;
  operatingCashFlow: Float64Array;
  financing: Float64Array;
  cash: Float64Array;
}

export function allocateProjection(months = HORIZON_MONTHS): Projection {
  const n = months + 1;
  return {
    startMonth: 0,
    months,
    revenue: new Float64Array(n),
    grossMargin: new Float64Array(n),
    grossProfit: new Float64Array(n),
    opex: new Float64Array(n),
    operatingCashFlow: new Float64Array(n),
    financing: new Float64Array(n),
    cash: new Float64Array(n)
  };
}

/** Share of the way from "now" to "target" after `t` months of a `years`-long linear move. */
export function ramp(t: number, years: number): number {
  return years > 0 ? Math.min(1, t / (12 * years)) : 1;
}

/** A rate in month t of a linear fade from `now` to `longRun` over `years`. */
export function fadedRate(now: number, longRun: number, years: number, t: number): number {
  return now + (longRun - now) * ramp(t, years);
}

/** Annual revenue growth in month t (the fade from growth now to the long-run rate). */
export function revenueGrowthAt(firm: FirmInputs, t: number): number {
  return fadedRate(firm.growthStart, firm.growthLongRun, firm.growthFadeYears, t);
}

/**
 * Binomial-series coefficients of (1 + x)^(1/12): C_k = (1/12)(1/12 − 1)…(1/12 − k + 1) ÷ k!.
 * Ten terms are exact to well below one ulp for |x| ≤ SERIES_MAX_STEP (the next term is < 1e-16).
 */
export const TWELFTH_ROOT_SERIES = (() => {
  const c: number[] = [];
  let term = 1;
  for (let k = 0; k <= 9; k++) {
    c.push(term);
    term = (term * (1 / 12 - k)) / (k + 1);
  }
  return c;
})();
const SERIES_MAX_STEP = 0.05;

/**
 * (1 + x)^(1/12) for |x| ≤ SERIES_MAX_STEP, by its binomial series: pure arithmetic, so the same bits
 * everywhere. Evaluated by Estrin's scheme (pairs of terms, then powers of x²) rather than Horner's:
 * the same terms with a chain of five dependent steps instead of sixteen, which a Monte Carlo run,
 * evaluating this some 30 million times, feels. The coefficients are TWELFTH_ROOT_SERIES written
 * out (a test checks each literal is its coefficient, exactly), sparing an array load each.
 */
function twelfthRootOfOnePlus(x: number): number {
  const x2 = x * x;
  const x4 = x2 * x2;
  const low = 0.08333333333333333 - 0.03819444444444444 * x + x2 * (0.024402006172839507 - 0.017793129501028807 * x);
  const high = 0.013937951442472566 - 0.011421376876470575 * x + x2 * (0.009653782836064415 - 0.008346499743680692 * x);
  return 1 + x * (low + x4 * (high + x4 * 0.007341828478237646));
}

/**
 * Fills out[1…months] with the monthly growth factors (1 + g_t)^(1/12) of a rate fading linearly from
 * `now` to `longRun` over `fadeYears` (out[0] is unused).
 * During the fade the factor moves by a ratio ((1 + g_t) ÷ (1 + g_{t−1}))^(1/12) = (1 + x)^(1/12),
 * x = step ÷ (1 + g_{t−1}), which for the small monthly steps of any plausible fade is a short series:
 * a pow per month was most of the cost of a Monte Carlo path (tests: within 1e-14 of pow). A fade
 * too steep for the series (|x| > SERIES_MAX_STEP) takes pow month by month. After the fade the
 * rate is the long-run rate, whose factor is one pow.
 */
export function fillGrowthFactors(now: number, longRun: number, fadeYears: number, months: number, out: Float64Array): Float64Array {
  // The months still fading: t < 12·fadeYears (from then on the rate is the long-run rate).
  const fadeMonths = Math.min(months, fadeYears > 0 ? Math.ceil(12 * fadeYears) - 1 : 0);
  let t = 1;
  if (fadeMonths > 0) {
    const bySeries = seriesFits(now, longRun, fadeYears, fadeMonths);
    let g = fadedRate(now, longRun, fadeYears, 1);
    let factor = pow(1 + g, 1 / 12);
    out[1] = factor;
    for (t = 2; t <= fadeMonths; t++) {
      const next = fadedRate(now, longRun, fadeYears, t);
      factor = bySeries ? factor * growthFactorStep(next, g) : pow(1 + next, 1 / 12);
      g = next;
      out[t] = factor;
    }
  }
  if (t <= months) {
    const settled = longRunFactor(longRun);
    for (; t <= months; t++) out[t] = settled;
  }
  return out;
}

/** Whether a fade's monthly steps are small enough for the series: |x| ≤ SERIES_MAX_STEP in every month up to `fadeMonths`. */
export function seriesFits(now: number, longRun: number, fadeYears: number, fadeMonths: number): boolean {
  const step = (longRun - now) / (12 * fadeYears);
  // g is monotone over the fade, so |x| is largest where 1 + g is smallest: at one end.
  const smallestBase = Math.min(1 + fadedRate(now, longRun, fadeYears, 1), 1 + fadedRate(now, longRun, fadeYears, fadeMonths));
  return Math.abs(step) <= SERIES_MAX_STEP * smallestBase;
}

/** The factor's move from a month at rate g to one at rate `next`: ((1 + next) ÷ (1 + g))^(1/12), by the series. */
export function growthFactorStep(next: number, g: number): number {
  return twelfthRootOfOnePlus((next - g) / (1 + g));
}

let lastLongRun = Number.NaN;
let lastLongRunFactor = Number.NaN;
/** (1 + longRun)^(1/12), remembered for the last rate (every path of a simulation shares it). */
export function longRunFactor(longRun: number): number {
  if (longRun !== lastLongRun) {
    lastLongRun = longRun;
    lastLongRunFactor = pow(1 + longRun, 1 / 12);
  }
  return lastLongRunFactor;
}

/**
 * Growth factors of a fade, remembered for the last few fades asked for: the solvers project the
 * same firm hundreds of times changing one input, so most calls ask for a path asked for just before.
 */
const recentFactors: {now: number; longRun: number; fadeYears: number; months: number; factors: Float64Array}[] = [];
function growthFactors(now: number, longRun: number, fadeYears: number, months: number): Float64Array {
  for (const r of recentFactors) if (r.now === now && r.longRun === longRun && r.fadeYears === fadeYears && r.months === months) return r.factors;
  const factors = fillGrowthFactors(now, longRun, fadeYears, months, new Float64Array(months + 1));
  if (recentFactors.length >= 8) recentFactors.shift();
  recentFactors.push({now, longRun, fadeYears, months, factors});
  return factors;
}

/** Month-0 cash operating costs, calibrated so that gross profit minus costs equals minus the burn. */
export function openingCashCosts(firm: FirmInputs): number {
  return (firm.revenueRunRate / 12) * firm.grossMarginNow + firm.burnNow;
}

export function openingCash(firm: FirmInputs): number {
  return firm.cashNow + (firm.includeUndrawnFacilities ? firm.undrawnFacilities : 0);
}

/** Month offset (1…) in which a dated inflow lands, or 0 when it is on or before the baseline month. */
export function inflowMonth(baselineMonth: number, date: string): number {
  return Math.max(0, monthIndexOf(date) - baselineMonth);
}

/** Buffers for the growth factors of a projection that should not remember them (a Monte Carlo path). */
export interface GrowthScratch {
  revenue: Float64Array;
  cost: Float64Array;
}

export function allocateGrowthScratch(months = HORIZON_MONTHS): GrowthScratch {
  return {revenue: new Float64Array(months + 1), cost: new Float64Array(months + 1)};
}

/**
 * Projects `firm` over `months` months into `out` (reused to avoid allocation in solvers).
 *   g_t   = growthStart + (growthLongRun − growthStart)·ramp(t, growthFadeYears)
 *   R_t   = R_{t−1}·(1 + g_t)^(1/12),          R_0 = revenueRunRate / 12
 *   m_t   = grossMarginNow + (grossMarginTarget − grossMarginNow)·ramp(t, marginYears)
 *   c_t   = opexGrowth + (growthLongRun − opexGrowth)·ramp(t, growthFadeYears)
 *   C_t   = C_{t−1}·(1 + c_t)^(1/12),          C_0 = R_0·m_0 + burnNow
 *   OCF_t = R_t·m_t − C_t;  Cash_t = Cash_{t−1} + OCF_t + F_t
 * Cash costs fade to the long-run revenue growth over the same period as revenue: once both fades
 * and the margin's move are over, revenue and costs grow alike, so the operating margin is constant
 * (a steady state; a firm that has broken even by then stays profitable).
 */
export function project(firm: FirmInputs, months = HORIZON_MONTHS, out: Projection = allocateProjection(months), scratch?: GrowthScratch): Projection {
  if (out.revenue.length < months + 1) throw new Error("projection buffer too small");
  const startMonth = monthIndexOf(firm.baselineDate);
  out.startMonth = startMonth;
  out.months = months;

  const revenue0 = firm.revenueRunRate / 12;
  const costs0 = openingCashCosts(firm);
  const ipoMonth = inflowMonth(startMonth, firm.ipoDate);
  const raiseMonth = firm.laterRaise > 0 ? inflowMonth(startMonth, firm.laterRaiseDate) : 0;

  out.revenue[0] = revenue0;
  out.grossMargin[0] = firm.grossMarginNow;
  out.grossProfit[0] = revenue0 * firm.grossMarginNow;
  out.opex[0] = costs0;
  out.operatingCashFlow[0] = -firm.burnNow;
  out.financing[0] = 0;
  out.cash[0] = openingCash(firm);

  let revenue = revenue0;
  let costs = costs0;
  let cash = out.cash[0];
  const revenueFactors = scratch
    ? fillGrowthFactors(firm.growthStart, firm.growthLongRun, firm.growthFadeYears, months, scratch.revenue)
    : growthFactors(firm.growthStart, firm.growthLongRun, firm.growthFadeYears, months);
  const costFactors = scratch
    ? fillGrowthFactors(firm.opexGrowth, firm.growthLongRun, firm.growthFadeYears, months, scratch.cost)
    : growthFactors(firm.opexGrowth, firm.growthLongRun, firm.growthFadeYears, months);
  for (let t = 1; t <= months; t++) {
    revenue *= revenueFactors[t]!;
    const margin = firm.grossMarginNow + (firm.grossMarginTarget - firm.grossMarginNow) * ramp(t, firm.marginYears);
    costs *= costFactors[t]!;
    const grossProfit = revenue * margin;
    const operatingCashFlow = grossProfit - costs;
    const financing = (t === ipoMonth ? firm.ipoNetProceeds : 0) + (t === raiseMonth ? firm.laterRaise : 0);
    cash += operatingCashFlow + financing;
    out.revenue[t] = revenue;
    out.grossMargin[t] = margin;
    out.grossProfit[t] = grossProfit;
    out.opex[t] = costs;
    out.operatingCashFlow[t] = operatingCashFlow;
    out.financing[t] = financing;
    out.cash[t] = cash;
  }
  return out;
}
