// A block of Monte Carlo paths projected for the simulation. Each path's months run in one loop with
// its state in locals and fillGrowthFactors' fades folded in (no per-path objects, no growth arrays;
// ramps are computed once per distinct number of years), and the block keeps only what the
// simulation reads: cash by month (month-major: row t holds month t of every path, so the cash
// bands count a month of the whole block at a time), operating cash flow and costs by month (when
// asked, for the goal seek), the first break-even month, the runway (walkCash's rule followed month
// by month, instead of copying the path out and walking it again: a tenth of a simulation's time;
// a property test holds the two to the same answers), and the DCF's twelve-month sums and losses
// carried forward. Each path's arithmetic is project()'s, operation for operation, so a path gives
// the same bits as the deterministic projection of its inputs (tests/unit/pathBlock.test.ts checks
// every month of every path exactly). Written path by path rather than month by month: measured,
// V8 keeps a path's state in registers, which beat a month-major loop's loads and stores.
import {pow} from "./exactMath.js";
import {monthIndexOf} from "./dates.js";
import {FORECAST_YEARS} from "./dcf.js";
import type {FirmInputs} from "./fields.js";
import {fadedRate, growthFactorStep, inflowMonth, longRunFactor, openingCash, openingCashCosts, ramp, seriesFits, type Projection} from "./projection.js";
import {crossingWithin} from "./runway.js";
import {Spares} from "./spares.js";
import {valuationMonth} from "./valuation.js";

/**
 * Paths per block: large enough that each month's histogram row (4,096 counts) is visited once per
 * 4,000 values rather than per 1,000 (measured: a third less time counting), small enough that the
 * block's cash (181 × 4,000 doubles, 5.8 MB) is no burden for a worker.
 */
export const BLOCK_PATHS = 4000;

/** Where each path of a block gets its inputs: path j's (null when they do not fit together). */
export type PathInputs = (j: number) => FirmInputs | null;

/**
 * How far run() projects each path. A goal seek's trial reads only the months its verdict needs, so
 * it stops early (the months after a path's stop are left as they were, and the DCF's sums and
 * losses carried forward are not complete):
 *   "horizon"    every month (what the simulation reads);
 *   "break-even" to the first break-even month, at most to `lastMonth` (has it broken even by then?);
 *   "cash-out"   once every scheduled financing has landed, to the first month that breaks even or
 *                ends below zero: walkCash's verdict on whether cash runs out before break-even reads
 *                nothing after that (a dip starting by break-even is bridged, or not, by a financing
 *                that has landed by then; cash below zero after the last financing is never bridged,
 *                so a path that has not broken even by then has run out first).
 */
export type BlockStop = {kind: "horizon"} | {kind: "break-even"; lastMonth: number} | {kind: "cash-out"};
const HORIZON: BlockStop = {kind: "horizon"};

/**
 * ramp(t, years) for t = 0…months, remembered for the last few `years` asked: a ramp's t ÷ (12·years)
 * is a division per path and month, and the paths of a simulation usually share the years (the
 * same expression, so the same bits).
 */
class RampTables {
  readonly #tables: {years: number; ramp: Float64Array}[] = [];
  constructor(readonly months: number) {}
  of(years: number): Float64Array {
    for (const table of this.#tables) if (Object.is(table.years, years)) return table.ramp;
    const table = Float64Array.from({length: this.months + 1}, (_, t) => ramp(t, years));
    if (this.#tables.length >= 4) this.#tables.shift();
    this.#tables.push({years, ramp: table});
    return table;
  }
}

/**
 * walkCash's bridge for a dip starting in month `after`: the first later month whose scheduled
 * financing is positive (the IPO's, the raise's, their sum when they coincide), Infinity when none.
 */
function nextFinancingMonth(after: number, ipoMonth: number, ipoProceeds: number, raiseMonth: number, laterRaise: number): number {
  const ipo = ipoMonth > after && ipoMonth >= 1 && ipoProceeds + (raiseMonth === ipoMonth ? laterRaise : 0) > 0 ? ipoMonth : Infinity;
  const raise = raiseMonth > after && raiseMonth >= 1 && laterRaise + (raiseMonth === ipoMonth ? ipoProceeds : 0) > 0 ? raiseMonth : Infinity;
  return Math.min(ipo, raise);
}

/** Blocks given back by finished runs (a block is 6 to 17 MB of typed arrays). */
const spareBlocks = new Spares<PathBlock>();

export class PathBlock {
  readonly months: number;
  /** Valuation month (months after the baseline) and the IPO's month: the firm's dates, shared by every path. */
  valuationMonth: number;
  ipoMonth: number;
  startMonth: number;
  /** Paths in the block now (≤ BLOCK_PATHS). */
  size = 0;
  readonly valid = new Uint8Array(BLOCK_PATHS);
  /** Cash at the end of month t of path j: cash[t · BLOCK_PATHS + j]. */
  readonly cash: Float64Array;
  /** Operating cash flow and cash costs by month, the same layout (only when `keepFlows`). */
  readonly operatingCashFlow: Float64Array | null;
  readonly costs: Float64Array | null;
  /** The last month projected for path j (the horizon, unless the run stops early: BlockStop). */
  readonly lastMonth = new Int32Array(BLOCK_PATHS);
  /**
   * Path j's runway: walkCash's answer on the months projected, found while they are projected
   * (Infinity when cash never runs out; NaN under a "break-even" stop, which does not read it).
   */
  readonly runway = new Float64Array(BLOCK_PATHS);
  /** First month with OCF ≥ 0 (0 when none within the months projected). */
  readonly breakEvenMonth = new Int32Array(BLOCK_PATHS);
  /** The month of the later raise (0 when none), and each path's financing amounts. */
  readonly raiseMonth = new Int32Array(BLOCK_PATHS);
  readonly ipoProceeds = new Float64Array(BLOCK_PATHS);
  readonly laterRaise = new Float64Array(BLOCK_PATHS);
  /** The DCF's revenue and operating income by year (forecastFromProjection's sums): [year · BLOCK_PATHS + j]. */
  readonly revenueByYear = new Float64Array((FORECAST_YEARS + 1) * BLOCK_PATHS);
  readonly incomeByYear = new Float64Array((FORECAST_YEARS + 1) * BLOCK_PATHS);
  /** Losses carried forward at the valuation date (nolAtValuation). */
  readonly nolAtValuation = new Float64Array(BLOCK_PATHS);

  readonly #ramps: RampTables;

  /** A block for `base`'s dates: one given back with this shape (release), else a new one. */
  static forRun(base: FirmInputs, months: number, keepFlows: boolean): PathBlock {
    const block = spareBlocks.take((b) => b.months === months && (b.operatingCashFlow !== null) === keepFlows);
    if (!block) return new PathBlock(base, months, keepFlows);
    block.#setDates(base);
    return block;
  }

  /** Gives the block back for a later run (forRun); the caller no longer reads or runs it. */
  release(): void {
    spareBlocks.give(this);
  }

  constructor(base: FirmInputs, months: number, keepFlows: boolean) {
    this.months = months;
    this.startMonth = this.valuationMonth = this.ipoMonth = 0;
    this.#setDates(base);
    this.cash = new Float64Array((months + 1) * BLOCK_PATHS);
    this.operatingCashFlow = keepFlows ? new Float64Array((months + 1) * BLOCK_PATHS) : null;
    this.costs = keepFlows ? new Float64Array((months + 1) * BLOCK_PATHS) : null;
    this.#ramps = new RampTables(months);
  }

  #setDates(base: FirmInputs): void {
    this.startMonth = monthIndexOf(base.baselineDate);
    this.valuationMonth = valuationMonth(base);
    this.ipoMonth = inflowMonth(this.startMonth, base.ipoDate);
  }

  /**
   * Projects `size` paths, path j's inputs from `inputs(j)`, as far as `stop` says; the firm's dates
   * must be the block's. `visit(j, firm)` then sees each valid path while its inputs are at hand (they
   * may be one record overwritten path by path), with the path's months written.
   */
  run(size: number, inputs: PathInputs, stop: BlockStop = HORIZON, visit?: (j: number, firm: FirmInputs) => void): void {
    this.size = size;
    for (let j = 0; j < size; j++) {
      const firm = inputs(j);
      this.valid[j] = firm === null ? 0 : 1;
      if (firm === null) continue;
      this.#project(j, firm, stop);
      visit?.(j, firm);
    }
  }

  /**
   * Path j: project()'s months, operation for operation, with fillGrowthFactors' fades folded into
   * the same loop; the state in locals, only the kept series written out.
   */
  #project(j: number, firm: FirmInputs, stop: BlockStop): void {
    const B = BLOCK_PATHS;
    const {months, valuationMonth: v, ipoMonth, cash, operatingCashFlow, costs: costsByMonth, revenueByYear, incomeByYear} = this;
    const revenue0 = firm.revenueRunRate / 12;
    const costs0 = openingCashCosts(firm);
    let revenue = revenue0;
    let costs = costs0;
    let balance = openingCash(firm);
    const balance0 = balance;
    cash[j] = balance;
    if (operatingCashFlow) {
      operatingCashFlow[j] = -firm.burnNow;
      costsByMonth![j] = costs0;
    }
    const {grossMarginNow: marginNow, grossMarginTarget: marginTarget, growthStart, opexGrowth, growthLongRun: longRun, growthFadeYears: fadeYears} = firm;
    const marginRamp = this.#ramps.of(firm.marginYears);
    const fadeRamp = this.#ramps.of(fadeYears);
    // The fades (fillGrowthFactors): the months still fading, whether the series fits, month 1's factors.
    // `× 1` (exact for every double) on what a call returns: V8 keeps a loop's double unboxed only when
    // every value flowing into it is known to be a double, and a call it does not inline (pow,
    // longRunFactor) returns a tagged Number, which made each month's factor a fresh heap number
    // (measured: 16 bytes a path-month, most of a simulation's garbage; a fifth of this loop's time).
    const settled = longRunFactor(longRun) * 1;
    const fadeMonths = Math.min(months, fadeYears > 0 ? Math.ceil(12 * fadeYears) - 1 : 0);
    let revenueRate = 0;
    let costRate = 0;
    let revenueFactor = settled;
    let costFactor = settled;
    let revenueSeries = false;
    let costSeries = false;
    if (fadeMonths > 0) {
      revenueRate = fadedRate(growthStart, longRun, fadeYears, 1);
      costRate = fadedRate(opexGrowth, longRun, fadeYears, 1);
      revenueSeries = seriesFits(growthStart, longRun, fadeYears, fadeMonths);
      costSeries = seriesFits(opexGrowth, longRun, fadeYears, fadeMonths);
      revenueFactor = pow(1 + revenueRate, 1 / 12) * 1;
      costFactor = pow(1 + costRate, 1 / 12) * 1;
    }
    const ipoProceeds = firm.ipoNetProceeds;
    const laterRaise = firm.laterRaise;
    const raiseMonth = laterRaise > 0 ? inflowMonth(this.startMonth, firm.laterRaiseDate) : 0;
    this.ipoProceeds[j] = ipoProceeds;
    this.laterRaise[j] = laterRaise;
    this.raiseMonth[j] = raiseMonth;
    // The loop ends at lastMonth, or in a month ≥ stopFrom once the path has broken even (or, with
    // stopBelowZero, once its cash is below zero).
    const stopBelowZero = stop.kind === "cash-out";
    const lastMonth = stop.kind === "break-even" ? Math.max(0, Math.min(months, stop.lastMonth)) : months;
    const stopFrom = stop.kind === "break-even" ? 0 : stop.kind === "cash-out" ? Math.max(ipoMonth, raiseMonth) : Infinity;
    let breakEven = 0;
    // walkCash, month by month: a stretch below zero that started in dipStart (−1: none open) is a
    // funding gap if cash is back at zero or more by the first financing after it starts
    // (dipBridge, which must be among the months projected); otherwise the runway ends where it starts.
    let runway = Infinity;
    let dipStart = balance0 < 0 ? 0 : -1;
    let dipBridge = balance0 < 0 ? nextFinancingMonth(0, ipoMonth, ipoProceeds, raiseMonth, laterRaise) : Infinity;
    let beforeDip = 0;
    let dipFirst = balance0;
    let nol = firm.nolCarriedForward;
    // Year 0's sums start with the months before the baseline, each at month 0's values.
    let revenueSum = 0;
    let incomeSum = 0;
    for (let t = v - 11; t <= 0; t++) {
      revenueSum += revenue0;
      incomeSum += -firm.burnNow;
    }
    let year = 0;
    let yearEnd = v;
    if (v === 0) {
      // Year 0 is the twelve months before the baseline: done.
      revenueByYear[j] = revenueSum;
      incomeByYear[j] = incomeSum;
      year = 1;
      yearEnd = 12;
      revenueSum = 0;
      incomeSum = 0;
    }
    let t = 1;
    for (; t <= lastMonth; t++) {
      if (t > 1) {
        if (t > fadeMonths) {
          revenueFactor = settled;
          costFactor = settled;
        } else {
          const r = fadeRamp[t]!;
          const nextRevenueRate = growthStart + (longRun - growthStart) * r;
          const nextCostRate = opexGrowth + (longRun - opexGrowth) * r;
          revenueFactor = revenueSeries ? revenueFactor * growthFactorStep(nextRevenueRate, revenueRate) : pow(1 + nextRevenueRate, 1 / 12);
          costFactor = costSeries ? costFactor * growthFactorStep(nextCostRate, costRate) : pow(1 + nextCostRate, 1 / 12);
          revenueRate = nextRevenueRate;
          costRate = nextCostRate;
        }
      }
      revenue *= revenueFactor;
      const margin = marginNow + (marginTarget - marginNow) * marginRamp[t]!;
      costs *= costFactor;
      const ocf = revenue * margin - costs;
      const financing = (t === ipoMonth ? ipoProceeds : 0) + (t === raiseMonth ? laterRaise : 0);
      const before = balance;
      balance += ocf + financing;
      cash[t * B + j] = balance;
      if (dipStart < 0) {
        if (balance < 0 && runway === Infinity) {
          dipStart = t;
          dipBridge = nextFinancingMonth(t, ipoMonth, ipoProceeds, raiseMonth, laterRaise);
          beforeDip = before;
          dipFirst = balance;
        }
      } else if (!(balance < 0)) {
        // Back at zero or more: bridged if the financing landed by now, else the cash had run out.
        if (!(dipBridge <= lastMonth && t <= dipBridge)) runway = crossingWithin(dipStart, beforeDip, dipFirst);
        dipStart = -1;
      }
      if (operatingCashFlow) {
        operatingCashFlow[t * B + j] = ocf;
        costsByMonth![t * B + j] = costs;
      }
      if (breakEven === 0 && ocf >= 0) breakEven = t;
      if (t <= v) nol = Math.max(0, nol - ocf);
      // forecastFromProjection's sums: year 0 is the twelve months to v, year y the y-th twelve after.
      if (t > v - 12 && year <= FORECAST_YEARS) {
        revenueSum += revenue;
        incomeSum += ocf;
        if (t === yearEnd) {
          revenueByYear[year * B + j] = revenueSum;
          incomeByYear[year * B + j] = incomeSum;
          year++;
          yearEnd += 12;
          revenueSum = 0;
          incomeSum = 0;
        }
      }
      if (t >= stopFrom && (breakEven !== 0 || (stopBelowZero && balance < 0))) break;
    }
    this.lastMonth[j] = Math.min(t, lastMonth);
    this.breakEvenMonth[j] = breakEven;
    // A stretch still below zero where the months end is never bridged.
    if (dipStart >= 0) runway = crossingWithin(dipStart, beforeDip, dipFirst);
    this.runway[j] = stop.kind === "break-even" ? Number.NaN : runway;
    this.nolAtValuation[j] = nol;
  }

  /** Path j's first break-even month, Infinity when none within the months projected. */
  breakEvenOf(j: number): number {
    return this.breakEvenMonth[j]! > 0 ? this.breakEvenMonth[j]! : Infinity;
  }

  /** Path j's runway (walkCash on the months projected), Infinity when its cash never runs out. */
  runwayOf(j: number): number {
    return this.runway[j]!;
  }

  /**
   * Copies path j into `out` (a projection buffer of the block's months), as far as it was projected
   * (out.months = its last month): cash and financing, and with kept flows also operating cash flow
   * and costs; other series are left as they were.
   */
  copyPath(j: number, out: Projection): Projection {
    const B = BLOCK_PATHS;
    const months = this.lastMonth[j]!;
    out.startMonth = this.startMonth;
    out.months = months;
    for (let t = 0; t <= months; t++) out.cash[t] = this.cash[t * B + j]!;
    // financing(j, t) in every month: zero but for the IPO's month and the raise's (the sum when they coincide).
    out.financing.fill(0, 0, months + 1);
    if (this.ipoMonth >= 1 && this.ipoMonth <= months) out.financing[this.ipoMonth] = this.ipoProceeds[j]!;
    const raise = this.raiseMonth[j]!;
    if (raise >= 1 && raise <= months) out.financing[raise] = out.financing[raise]! + this.laterRaise[j]!;
    if (this.operatingCashFlow) {
      for (let t = 0; t <= months; t++) {
        out.operatingCashFlow[t] = this.operatingCashFlow[t * B + j]!;
        out.opex[t] = this.costs![t * B + j]!;
      }
    }
    return out;
  }
}
