// "What must be true": for one input at a time, the value that makes the firm break even
// (some month with operating cash flow ≥ 0) by December of its target year, all else held.
import {log, pow} from "./exactMath.js";
import {smallestTrue, largestTrue} from "./bisect.js";
import {decemberOffset, firstBreakEvenMonth} from "./breakEven.js";
import {allocateProjection, openingCashCosts, project, type Projection} from "./projection.js";
import {firmField, type FirmInputs} from "./fields.js";
import {monthIndexOf} from "./dates.js";
import {formatPercentPerYear} from "./format.js";

export interface Solution {
  /** The answer, or null when there is none in the searched range. */
  value: number | null;
  /** Why there is no answer, or what a boundary answer means; null for a plain answer. */
  reason: string | null;
}

/** What must be true to break even by the target year, one input at a time. */
export interface BreakEvenRequirements {
  /** Lowest starting growth rate (a year) that breaks even by the target. */
  growthStart: Solution;
  /** Highest annual growth of cash costs that still breaks even by the target (negative = cuts). */
  opexGrowth: Solution;
  /** Smallest cut in today's monthly burn (money a month) that breaks even by the target. */
  burnCut: Solution;
  /** Money needed on top of the projected path to keep cash ≥ 0 until break-even. */
  extraFunding: Solution;
}

/** The schema's range of a firm field: the solvers search all of it. */
function range(key: string): [number, number] {
  const spec = firmField(key)!;
  return [spec.min!, spec.max!];
}

/** A reusable yes/no test: does `firm` break even within the first `lastMonth` months? */
function breaksEvenWithin(lastMonth: number): (firm: FirmInputs) => boolean {
  const buffer: Projection = allocateProjection(lastMonth);
  return (firm) => firstBreakEvenMonth(project(firm, lastMonth, buffer), lastMonth) !== null;
}

export function solveGrowthStart(firm: FirmInputs, lastMonth: number, targetYear: number): Solution {
  if (firm.growthFadeYears === 0) return {value: null, reason: "growth now has no effect: with a fade period of 0 years growth is the long-run rate from the start"};
  const test = breaksEvenWithin(lastMonth);
  const [lo, hi] = range("growthStart");
  const value = smallestTrue((g) => test({...firm, growthStart: g}), lo, hi);
  if (value === null) return {value, reason: `not reachable: even ${formatPercentPerYear(hi)} growth does not break even by December ${targetYear}`};
  if (value === lo) return {value, reason: `met even at the lowest growth searched (${formatPercentPerYear(lo)})`};
  return {value, reason: null};
}

export function solveOpexGrowth(firm: FirmInputs, lastMonth: number, targetYear: number): Solution {
  if (firm.growthFadeYears === 0) return {value: null, reason: "cost growth now has no effect: with a fade period of 0 years costs grow at the long-run rate from the start"};
  const test = breaksEvenWithin(lastMonth);
  const [lo, hi] = range("opexGrowth");
  const value = largestTrue((g) => test({...firm, opexGrowth: g}), lo, hi);
  if (value === null) return {value, reason: `not reachable: even cutting cash costs ${formatPercentPerYear(-lo)} does not break even by December ${targetYear}`};
  if (value === hi) return {value, reason: `met even with cash costs growing ${formatPercentPerYear(hi)}`};
  return {value, reason: null};
}

export function solveBurnCut(firm: FirmInputs, lastMonth: number, targetYear: number): Solution {
  const test = breaksEvenWithin(lastMonth);
  const costs0 = openingCashCosts(firm);
  const value = smallestTrue((cut) => test({...firm, burnNow: firm.burnNow - cut}), 0, costs0);
  if (value === null) return {value, reason: `not reachable: gross profit stays below zero through December ${targetYear} even with no cash costs`};
  return {value, reason: null};
}

/** The smallest normal double, 2^−1022. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** x rounded up to three significant figures (the precision pages show money at): 8,906.45 → 8,910. */
export function roundUpTo3Significant(x: number): number {
  if (!(x > 0)) return 0;
  // The power of ten at or below x, found with the deterministic log and corrected by comparison.
  let exponent = Math.floor(log(x) / Math.LN10);
  if (pow(10, exponent) > x) exponent--;
  else if (pow(10, exponent + 1) <= x) exponent++;
  const step = pow(10, exponent - 2);
  // Below about 1e-305 the step underflows to zero (or a subnormal): x is then already as rounded as a double allows.
  if (!(step >= SMALLEST_NORMAL)) return x;
  const up = Math.ceil(x / step - 1e-9) * step;
  // Guard the floating-point rounding of the product: never below x.
  return up >= x ? up : up + step;
}

/**
 * The money to add to today's cash so that cash stays at zero or more until break-even: the deepest
 * shortfall before the break-even month, rounded up to three significant figures so that the amount
 * shown, added to cash, is enough.
 */
export function extraFunding(p: Projection, breakEvenMonth: number | null): Solution {
  if (breakEvenMonth === null) return {value: null, reason: "no break-even within the horizon, so no amount is enough"};
  let lowest = 0;
  for (let t = 0; t <= breakEvenMonth; t++) lowest = Math.min(lowest, p.cash[t]!);
  return {value: roundUpTo3Significant(-lowest), reason: null};
}

export function required(firm: FirmInputs, p: Projection): BreakEvenRequirements {
  const targetYear = firm.breakEvenTargetYear;
  const lastMonth = Math.min(decemberOffset(monthIndexOf(firm.baselineDate), targetYear), p.months);
  const funding = extraFunding(p, firstBreakEvenMonth(p));
  if (lastMonth < 1) {
    const none = {value: null, reason: `the target year ${targetYear} ends before the baseline date`};
    return {growthStart: none, opexGrowth: none, burnCut: none, extraFunding: funding};
  }
  return {
    growthStart: solveGrowthStart(firm, lastMonth, targetYear),
    opexGrowth: solveOpexGrowth(firm, lastMonth, targetYear),
    burnCut: solveBurnCut(firm, lastMonth, targetYear),
    extraFunding: funding
  };
}
