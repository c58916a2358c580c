// Monte Carlo over a scenario's ranges: each path draws every uncertain input (inverse CDF of seeded
// uniforms, rank-correlated by Iman–Conover), runs both firms' full monthly projection, runway,
// break-even and DCF, and keeps per-path answers in typed arrays; cash is summarised per month in
// histograms (O(N) per month, no sort). The same seed gives the same numbers, bit for bit, in Node
// and in any browser (random.ts, exactMath.ts).
import {firstBreakEvenMonth} from "./breakEven.js";
import {monthIndexOf, yearOfMonthIndex} from "./dates.js";
import {imanConover} from "./correlation.js";
import {distribution, quantiles} from "./distributions.js";
import {FIRMS, fieldSpec, firmOfPath, type FirmId, type FirmInputs} from "./fields.js";
import {allocateGrowthScratch, allocateProjection, HORIZON_MONTHS, project} from "./projection.js";
import {createRandom, fillUniform} from "./random.js";
import {walkCash} from "./runway.js";
import {firmConsistencyProblem, type Scenario} from "./schema.js";
import {correlationMatrix, NO_UNCERTAINTY} from "./uncertainty.js";
import {valuePerShareHkd as valueOf} from "./valuation.js";

/** A probability estimated from N paths, with its standard error √(p(1 − p) ÷ N). */
export interface Estimate {
  p: number;
  standardError: number;
}

/** Cash at the end of each month (millions of the firm's currency), summarised over the paths. */
export interface CashBands {
  /** Month index (dates.ts) of month 0; band index t is month startMonth + t. */
  startMonth: number;
  p5: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p95: Float64Array;
}

export interface FirmSimulation {
  /** Per path: months from the baseline until cash runs out for good; Infinity when it never does. */
  runwayMonths: Float64Array;
  /** Per path: months from the baseline to the first month with OCF ≥ 0; Infinity when none. */
  breakEvenMonths: Float64Array;
  /** Per path: DCF value per share in HKD, signed; NaN for a path whose inputs do not fit together. */
  valuePerShareHkd: Float64Array;
  cash: CashBands;
  probabilities: {cashOutBeforeBreakEven: Estimate; breakEvenByTarget: Estimate; valueAbovePrice: Estimate};
  /** Paths whose drawn inputs do not fit together (e.g. a burn below what revenue allows): left out of every answer. */
  invalidPaths: number;
}

export interface SimulationResult {
  paths: number;
  seed: number;
  /** The uncertain inputs in the order they were drawn (sorted paths, so the order is the same everywhere). */
  inputs: string[];
  /** The drawn values, one column per input, in path order. */
  draws: Float64Array[];
  firms: Record<FirmId, FirmSimulation>;
}

/** Bins per month for the cash histograms: quantiles are exact to within one bin (the span ÷ 4,096). */
const BINS = 4096;
/** The first paths are kept whole and fix each month's histogram range (widened by half its span each side). */
const PILOT_PATHS = 1000;

/**
 * Draws each uncertain input for `paths` paths: one seeded stream, input by input in sorted order,
 * N uniforms each mapped through the input's quantile function; then the correlated inputs are
 * reordered by Iman–Conover.
 */
export function drawInputs(scenario: Scenario, paths: number, seed: number): {inputs: string[]; draws: Float64Array[]} {
  const uncertainty = scenario.uncertainty ?? NO_UNCERTAINTY;
  const inputs = Object.keys(uncertainty.ranges).sort();
  const random = createRandom(seed);
  const uniforms = new Float64Array(paths);
  const draws = inputs.map((path) => {
    const spec = fieldSpec(path)!;
    return quantiles(distribution(uncertainty.ranges[path]!, {min: spec.min, max: spec.max}), fillUniform(random, uniforms), new Float64Array(paths));
  });
  if (uncertainty.correlations.length > 0 && paths > 2) {
    const {paths: correlated, matrix} = correlationMatrix(uncertainty.correlations);
    imanConover(correlated.map((p) => draws[inputs.indexOf(p)]!), matrix);
  }
  return {inputs, draws};
}

/** Runs the simulation for both firms. */
export function simulate(scenario: Scenario, options: {paths?: number; seed?: number} = {}): SimulationResult {
  const simulation = (scenario.uncertainty ?? NO_UNCERTAINTY).simulation;
  const paths = options.paths ?? simulation.paths;
  const seed = options.seed ?? simulation.seed;
  const {inputs, draws} = drawInputs(scenario, paths, seed);
  const firms = Object.fromEntries(FIRMS.map((firm) => [firm, simulateFirm(scenario, firm, inputs, draws, paths)])) as Record<FirmId, FirmSimulation>;
  return {paths, seed, inputs, draws, firms};
}

function simulateFirm(scenario: Scenario, firm: FirmId, inputs: readonly string[], draws: readonly Float64Array[], paths: number): FirmSimulation {
  // One mutable copy of the firm's inputs, its uncertain fields overwritten path by path.
  const base = scenario.firms[firm];
  const inputsOfPath: Record<string, number | boolean | string> = {...base};
  const own = inputs.map((path, k) => ({key: fieldSpec(path)!.key, column: draws[k]!, mine: firmOfPath(path) === firm})).filter((x) => x.mine);
  const firmInputs = inputsOfPath as unknown as FirmInputs;
  const buffer = allocateProjection(HORIZON_MONTHS);
  const scratch = allocateGrowthScratch(HORIZON_MONTHS);
  const months = HORIZON_MONTHS;

  const runwayMonths = new Float64Array(paths);
  const breakEvenMonths = new Float64Array(paths);
  const valuePerShareHkd = new Float64Array(paths);
  let invalidPaths = 0;
  let cashOutFirst = 0;
  let byTarget = 0;
  let abovePrice = 0;

  const pilot = new Float64Array(Math.min(paths, PILOT_PATHS) * (months + 1));
  let piloted = 0;
  let started = false;
  const histogram = new CashHistogram(months);

  for (let i = 0; i < paths; i++) {
    for (const {key, column} of own) inputsOfPath[key] = column[i]!;
    if (own.length > 0 && firmConsistencyProblem(firmInputs) !== null) {
      invalidPaths++;
      runwayMonths[i] = breakEvenMonths[i] = valuePerShareHkd[i] = Number.NaN;
      continue;
    }
    const p = project(firmInputs, months, buffer, scratch);
    const runway = walkCash(p);
    const be = firstBreakEvenMonth(p);
    const value = valueOf(firm, firmInputs, scenario.market, p);
    runwayMonths[i] = runway ?? Infinity;
    breakEvenMonths[i] = be ?? Infinity;
    valuePerShareHkd[i] = value;
    if (runwayMonths[i]! < breakEvenMonths[i]!) cashOutFirst++;
    if (be !== null && yearOfMonthIndex(p.startMonth + be) <= firmInputs.breakEvenTargetYear) byTarget++;
    if (value > firmInputs.price) abovePrice++;
    if (piloted < PILOT_PATHS) pilot.set(p.cash.subarray(0, months + 1), piloted++ * (months + 1));
    else {
      if (!started) histogram.start(pilot, piloted);
      started = true;
      histogram.add(p.cash);
    }
  }
  if (!started) histogram.start(pilot, piloted);
  const valid = paths - invalidPaths;
  const estimate = (count: number): Estimate => {
    const p = valid > 0 ? count / valid : Number.NaN;
    return {p, standardError: valid > 0 ? Math.sqrt((p * (1 - p)) / valid) : Number.NaN};
  };
  return {
    runwayMonths,
    breakEvenMonths,
    valuePerShareHkd,
    cash: histogram.bands(monthIndexOf(base.baselineDate)),
    probabilities: {cashOutBeforeBreakEven: estimate(cashOutFirst), breakEvenByTarget: estimate(byTarget), valueAbovePrice: estimate(abovePrice)},
    invalidPaths
  };
}

/**
 * Cash by month over the paths, as histograms: each month's range is fixed by the first paths (the
 * pilot, widened by half its span each side), values beyond it fall in the end bins, and the exact
 * minimum and maximum are kept. A quantile is read by walking the bins and interpolating inside one.
 */
class CashHistogram {
  private counts: Uint32Array;
  private low: Float64Array;
  private width: Float64Array;
  private min: Float64Array;
  private max: Float64Array;
  private total = 0;

  constructor(private readonly months: number) {
    this.counts = new Uint32Array((months + 1) * BINS);
    this.low = new Float64Array(months + 1);
    this.width = new Float64Array(months + 1);
    this.min = new Float64Array(months + 1).fill(Infinity);
    this.max = new Float64Array(months + 1).fill(-Infinity);
  }

  /** Sets each month's bins from the pilot's spread, then counts the pilot. */
  start(pilot: Float64Array, count: number): void {
    const stride = this.months + 1;
    for (let t = 0; t <= this.months; t++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < count; i++) {
        const x = pilot[i * stride + t]!;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      const span = hi - lo > 0 ? hi - lo : Math.max(1e-9, Math.abs(lo) * 1e-9);
      this.low[t] = lo - span / 2;
      this.width[t] = (2 * span) / BINS;
    }
    for (let i = 0; i < count; i++) this.add(pilot.subarray(i * stride, (i + 1) * stride));
  }

  add(cash: Float64Array): void {
    const {counts, low, width, min, max} = this;
    for (let t = 0; t <= this.months; t++) {
      const x = cash[t]!;
      let bin = Math.floor((x - low[t]!) / width[t]!);
      if (!(bin >= 0)) bin = 0;
      else if (bin >= BINS) bin = BINS - 1;
      counts[t * BINS + bin]!++;
      if (x < min[t]!) min[t] = x;
      if (x > max[t]!) max[t] = x;
    }
    this.total++;
  }

  /** The q-quantile of month t: the bin holding rank q·(N − 1), interpolated, inside [min, max]. */
  quantile(t: number, q: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = q * (this.total - 1);
    let seen = 0;
    const base = t * BINS;
    for (let b = 0; b < BINS; b++) {
      const c = this.counts[base + b]!;
      if (c > 0 && seen + c > rank) {
        const x = this.low[t]! + this.width[t]! * (b + (rank - seen + 0.5) / c);
        return Math.min(this.max[t]!, Math.max(this.min[t]!, x));
      }
      seen += c;
    }
    return this.max[t]!;
  }

  bands(startMonth: number): CashBands {
    const band = (q: number) => Float64Array.from({length: this.months + 1}, (_, t) => this.quantile(t, q));
    return {startMonth, p5: band(0.05), p25: band(0.25), p50: band(0.5), p75: band(0.75), p95: band(0.95)};
  }
}

/**
 * The q-quantiles of per-path answers (linear interpolation between order statistics, as
 * simple-statistics and Excel do), over the valid paths; null where a quantile falls among paths
 * that never run out of cash or never break even (Infinity).
 */
export function pathQuantiles(values: Float64Array, qs: readonly number[]): (number | null)[] {
  const sorted = values.filter((x) => !Number.isNaN(x)).sort();
  if (sorted.length === 0) return qs.map(() => null);
  return qs.map((q) => {
    const rank = q * (sorted.length - 1);
    const lo = Math.floor(rank);
    const hi = Math.ceil(rank);
    const a = sorted[lo]!;
    const b = sorted[hi]!;
    if (a === Infinity || b === Infinity) return null;
    return a + (b - a) * (rank - lo);
  });
}
