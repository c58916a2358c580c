// Monte Carlo over a scenario's ranges: each path draws every uncertain input (inverse CDF of seeded
// uniforms, rank-correlated by Iman–Conover), runs both firms' full monthly projection, runway,
// break-even and DCF, and keeps per-path answers in typed arrays; cash is summarised per month in
// histograms (O(N) per month, no sort). The same seed gives the same numbers, bit for bit, in Node
// and in any browser (random.ts, exactMath.ts).
import {decemberOffset, firstBreakEvenMonth} from "./breakEven.js";
import {monthIndexOf} from "./dates.js";
import {imanConover} from "./correlation.js";
import {distribution, quantiles} from "./distributions.js";
import {FIRMS, fieldSpec, firmOfPath, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {allocateGrowthScratch, allocateProjection, HORIZON_MONTHS, openingCashCosts, project, type Projection} from "./projection.js";
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
  /** The uncertain inputs drawn (firmInputPaths), and their values, one column per input, in path order. */
  inputs: string[];
  draws: Float64Array[];
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
  /** Per-path goal-seek requirements, when asked for. */
  requirements?: Requirements;
}

/** Bins per month for the cash histograms: quantiles are exact to within one bin (the span ÷ 4,096). */
const BINS = 4096;
/** The first paths are kept whole and fix each month's histogram range (widened by half its span each side). */
const PILOT_PATHS = 1000;

/** A change applied to every path after its inputs are drawn: what a goal seek tries. */
export interface Lever {
  lever: LeverName;
  value: number;
}
export type LeverName = "extraFunding" | "burnCut" | "growthStart";

/**
 * Per path, the least of each lever that meets a goal on that path, all its other draws held
 * (Infinity where no amount in the lever's range does, NaN for an invalid path). Since each is
 * monotone, the share of paths meeting the goal at a lever value x is the share with requirement ≤ x,
 * so a probabilistic goal is one quantile of these (goalSeek.ts).
 */
export interface Requirements {
  /** Money added to cash today so the path does not run out of cash before it breaks even (walkCash's rule, exactly). */
  extraFunding: Float64Array;
  /** Cut in today's monthly burn so the path does not run out of cash before it breaks even (bisection, rounded up). */
  burnCutCashOut: Float64Array;
  /** Cut in today's monthly burn so the path breaks even by December of the target year (closed form). */
  burnCutBreakEven: Float64Array;
}

export interface SimulationResult {
  paths: number;
  seed: number;
  firms: Record<FirmId, FirmSimulation>;
}

/** The uncertain inputs one firm's simulation draws: its own and the market's, sorted. */
export function firmInputPaths(scenario: Scenario, firm: FirmId): string[] {
  const ranges = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  return Object.keys(ranges)
    .filter((path) => firmOfPath(path) === firm || path.startsWith("market."))
    .sort();
}

/**
 * Draws the uncertain inputs `wanted` for `paths` paths: one seeded stream, N uniforms per uncertain
 * input of the whole scenario in sorted order (so an input gets the same uniforms whichever firm
 * asks), each wanted one mapped through its quantile function; then the correlations among the wanted
 * inputs are imposed by Iman–Conover.
 */
export function drawInputs(scenario: Scenario, paths: number, seed: number, wanted: readonly string[]): Float64Array[] {
  const uncertainty = scenario.uncertainty ?? NO_UNCERTAINTY;
  const all = Object.keys(uncertainty.ranges).sort();
  const random = createRandom(seed);
  const uniforms = new Float64Array(paths);
  const draws = new Map<string, Float64Array>();
  for (const path of all) {
    fillUniform(random, uniforms);
    if (!wanted.includes(path)) continue;
    const spec = fieldSpec(path)!;
    draws.set(path, quantiles(distribution(uncertainty.ranges[path]!, {min: spec.min, max: spec.max}), uniforms, new Float64Array(paths)));
  }
  const correlations = uncertainty.correlations.filter(([a, b]) => draws.has(a) && draws.has(b));
  if (correlations.length > 0 && paths > 2) {
    const {paths: correlated, matrix} = correlationMatrix(correlations);
    imanConover(correlated.map((p) => draws.get(p)!), matrix);
  }
  return wanted.map((path) => draws.get(path)!);
}

/** Runs the simulation for both firms: each firm's own procedure (simulateFirm), so a page can run them in parallel and get the same bits. */
export function simulate(scenario: Scenario, options: {paths?: number; seed?: number; requirements?: boolean} = {}): SimulationResult {
  const simulation = (scenario.uncertainty ?? NO_UNCERTAINTY).simulation;
  const paths = options.paths ?? simulation.paths;
  const seed = options.seed ?? simulation.seed;
  const firms = Object.fromEntries(FIRMS.map((firm) => [firm, simulateFirm(scenario, firm, {paths, seed, requirements: options.requirements})])) as Record<FirmId, FirmSimulation>;
  return {paths, seed, firms};
}

/** The input each lever moves. */
export const LEVER_FIELD = {extraFunding: "cashNow", burnCut: "burnNow", growthStart: "growthStart"} as const satisfies Record<LeverName, keyof FirmInputs>;

/** Applies a lever to one path's inputs (in place). A burn cut beyond a path's cash costs removes them all. */
function applyLever(firm: FirmInputs, lever: Lever): void {
  if (lever.lever === "extraFunding") firm.cashNow += lever.value;
  else if (lever.lever === "burnCut") firm.burnNow -= Math.min(lever.value, openingCashCosts(firm));
  else firm.growthStart = lever.value;
}

/**
 * One firm's paths: the scenario's inputs with each path's draws (and a lever) put in. Drawn once, so
 * the trials of a goal seek see the same paths (common random numbers).
 */
export class FirmPaths {
  readonly inputs: string[];
  readonly draws: Float64Array[];
  readonly base: FirmInputs;
  readonly market: MarketInputs;
  /** One mutable copy of the firm's inputs, its uncertain fields overwritten path by path. */
  readonly #record: Record<string, number | boolean | string>;
  readonly #own: {key: string; column: Float64Array; market: boolean}[];
  readonly #drawnKeys: Set<string>;

  constructor(scenario: Scenario, firm: FirmId, readonly paths: number, readonly seed: number) {
    this.inputs = firmInputPaths(scenario, firm);
    this.draws = drawInputs(scenario, paths, seed, this.inputs);
    this.base = scenario.firms[firm];
    this.market = {...scenario.market};
    this.#record = {...this.base};
    this.#own = this.inputs.map((path, k) => ({key: fieldSpec(path)!.key, column: this.draws[k]!, market: path.startsWith("market.")}));
    this.#drawnKeys = new Set(this.#own.filter((o) => !o.market).map((o) => o.key));
  }

  /** Path i's inputs (one object, overwritten by the next call), or null when they do not fit together. */
  load(i: number, lever?: Lever): FirmInputs | null {
    const record = this.#record;
    for (const {key, column, market} of this.#own) {
      if (market) (this.market as unknown as Record<string, number>)[key] = column[i]!;
      else record[key] = column[i]!;
    }
    const firm = record as unknown as FirmInputs;
    if (lever) {
      // The lever moves this path's value of its input: the draw, or the scenario's when not drawn.
      const key = LEVER_FIELD[lever.lever];
      if (!this.#drawnKeys.has(key)) record[key] = this.base[key];
      applyLever(firm, lever);
    }
    if ((this.#own.length > 0 || lever) && firmConsistencyProblem(firm) !== null) return null;
    return firm;
  }
}

/**
 * The share of valid paths (with `lever` applied) that meet a goal: no cash-out before break-even, or
 * break-even by December of the target year. Projection, runway and break-even only: a goal seek's trial.
 */
export function goalShare(paths: FirmPaths, lever: Lever, goal: "cash-out" | "break-even"): Estimate {
  const buffer = allocateProjection(HORIZON_MONTHS);
  const scratch = allocateGrowthScratch(HORIZON_MONTHS);
  const targetMonth = decemberOffset(monthIndexOf(paths.base.baselineDate), paths.base.breakEvenTargetYear);
  let valid = 0;
  let met = 0;
  for (let i = 0; i < paths.paths; i++) {
    const firm = paths.load(i, lever);
    if (firm === null) continue;
    valid++;
    const p = project(firm, HORIZON_MONTHS, buffer, scratch);
    const be = firstBreakEvenMonth(p);
    if (goal === "break-even") {
      if (be !== null && be <= targetMonth) met++;
    } else if ((walkCash(p) ?? Infinity) >= (be ?? Infinity)) met++;
  }
  const p = valid > 0 ? met / valid : Number.NaN;
  return {p, standardError: valid > 0 ? Math.sqrt((p * (1 - p)) / valid) : Number.NaN};
}

/**
 * Simulates one firm: draws its uncertain inputs, then per path the full monthly projection, runway
 * (walkCash), first break-even month and signed DCF value per share; cash by month in histograms.
 * With `lever`, every path's inputs are changed by it after the draw (common random numbers: the
 * same draws whatever the lever). With `requirements`, also each path's goal-seek requirements.
 */
export function simulateFirm(scenario: Scenario, firm: FirmId, options: {paths: number; seed: number; lever?: Lever; requirements?: boolean}, drawn?: FirmPaths): FirmSimulation {
  const {paths, lever} = options;
  const pathInputs = drawn ?? new FirmPaths(scenario, firm, paths, options.seed);
  const {base, market} = pathInputs;
  const buffer = allocateProjection(HORIZON_MONTHS);
  const scratch = allocateGrowthScratch(HORIZON_MONTHS);
  const months = HORIZON_MONTHS;
  const targetMonth = decemberOffset(monthIndexOf(base.baselineDate), base.breakEvenTargetYear);

  const runwayMonths = new Float64Array(paths);
  const breakEvenMonths = new Float64Array(paths);
  const valuePerShareHkd = new Float64Array(paths);
  const requirements: Requirements | undefined = options.requirements
    ? {extraFunding: new Float64Array(paths), burnCutCashOut: new Float64Array(paths), burnCutBreakEven: new Float64Array(paths)}
    : undefined;
  const shifted = requirements ? new Float64Array(months + 1) : null;
  let invalidPaths = 0;
  let cashOutFirst = 0;
  let byTarget = 0;
  let abovePrice = 0;

  const pilot = new Float64Array(Math.min(paths, PILOT_PATHS) * (months + 1));
  let piloted = 0;
  let started = false;
  const histogram = new CashHistogram(months);

  for (let i = 0; i < paths; i++) {
    const firmInputs = pathInputs.load(i, lever);
    if (firmInputs === null) {
      invalidPaths++;
      runwayMonths[i] = breakEvenMonths[i] = valuePerShareHkd[i] = Number.NaN;
      if (requirements) requirements.extraFunding[i] = requirements.burnCutCashOut[i] = requirements.burnCutBreakEven[i] = Number.NaN;
      continue;
    }
    const p = project(firmInputs, months, buffer, scratch);
    const runway = walkCash(p);
    const be = firstBreakEvenMonth(p);
    const value = valueOf(firm, firmInputs, market, p);
    runwayMonths[i] = runway ?? Infinity;
    breakEvenMonths[i] = be ?? Infinity;
    valuePerShareHkd[i] = value;
    if (runwayMonths[i]! < breakEvenMonths[i]!) cashOutFirst++;
    if (be !== null && be <= targetMonth) byTarget++;
    if (value > firmInputs.price) abovePrice++;
    if (requirements) {
      requirements.extraFunding[i] = fundingNeeded(p.cash, p.financing, months, be);
      requirements.burnCutBreakEven[i] = burnCutToBreakEvenBy(p, Math.min(targetMonth, months));
      requirements.burnCutCashOut[i] = burnCutToOutlast(p, shifted!);
    }
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
    inputs: pathInputs.inputs,
    draws: pathInputs.draws,
    runwayMonths,
    breakEvenMonths,
    valuePerShareHkd,
    cash: histogram.bands(monthIndexOf(base.baselineDate)),
    probabilities: {cashOutBeforeBreakEven: estimate(cashOutFirst), breakEvenByTarget: estimate(byTarget), valueAbovePrice: estimate(abovePrice)},
    invalidPaths,
    requirements
  };
}

/**
 * The least money added to cash today that keeps a path from running out of cash before it breaks
 * even (before the horizon if it never does), under walkCash's rule exactly. A dip starting in month
 * s is fatal unless cash is back at zero or more by the first financing after s (with none scheduled,
 * it is fatal), so with X added it is fatal iff m_s + X < 0, where m_s is the highest cash from s to
 * that financing (cash_s when there is none). The answer is max(0, −min m_s) over s up to break-even;
 * one backward pass.
 */
export function fundingNeeded(cash: Float64Array, financing: Float64Array, months: number, breakEvenMonth: number | null): number {
  const last = breakEvenMonth ?? months;
  let lowest = Infinity;
  let hasBridge = false;
  let highestAfter = -Infinity; // the highest cash from t + 1 to the first financing after t
  for (let t = months; t >= 0; t--) {
    if (t < months) {
      if (financing[t + 1]! > 0) {
        hasBridge = true;
        highestAfter = cash[t + 1]!;
      } else if (hasBridge) highestAfter = Math.max(highestAfter, cash[t + 1]!);
    }
    if (t <= last) {
      const m = hasBridge ? Math.max(cash[t]!, highestAfter) : cash[t]!;
      if (m < lowest) lowest = m;
    }
  }
  return Math.max(0, -lowest);
}

/**
 * The least cut in today's monthly burn that makes a path break even by month `last`: cutting the
 * burn by c lowers every month's cash costs by c·K_t (K_t = C_t ÷ C_0, the costs' growth index), so
 * month t breaks even when OCF_t + c·K_t ≥ 0. Infinity when even no cash costs at all (c = C_0) do not.
 */
export function burnCutToBreakEvenBy(p: Projection, last: number): number {
  const costs0 = p.opex[0]!;
  let least = Infinity;
  for (let t = 1; t <= last; t++) {
    const ocf = p.operatingCashFlow[t]!;
    if (ocf >= 0) return 0;
    if (costs0 > 0) least = Math.min(least, (-ocf * costs0) / p.opex[t]!);
  }
  return least <= costs0 ? least : Infinity;
}

/** Bisection steps for a burn cut: C_0 ÷ 65,536 (a few thousandths of a million), below the three significant figures shown. */
const CUT_STEPS = 16;

/**
 * The least cut in today's monthly burn that keeps a path from running out of cash before it breaks
 * even: more cut means earlier break-even and more cash every month, so the answer is found by
 * bisection on [0, C_0] (the upper end of the last bracket: enough, by at most C_0 ÷ 2^16 too much).
 * `shifted` is scratch for the cut path's cash.
 */
export function burnCutToOutlast(p: Projection, shifted: Float64Array): number {
  const months = p.months;
  const costs0 = p.opex[0]!;
  const enough = (cut: number): boolean => {
    let be: number | null = null;
    let saved = 0;
    shifted[0] = p.cash[0]!;
    for (let t = 1; t <= months; t++) {
      const k = costs0 > 0 ? p.opex[t]! / costs0 : 0;
      saved += cut * k;
      shifted[t] = p.cash[t]! + saved;
      if (be === null && p.operatingCashFlow[t]! + cut * k >= 0) be = t;
    }
    return fundingNeeded(shifted, p.financing, months, be) === 0;
  };
  if (enough(0)) return 0;
  if (!(costs0 > 0) || !enough(costs0)) return Infinity;
  let lo = 0;
  let hi = costs0;
  for (let step = 0; step < CUT_STEPS; step++) {
    const mid = (lo + hi) / 2;
    if (enough(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
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
  /** Bins per unit of cash (1 ÷ width): a multiply per month instead of a divide. */
  private perUnit: Float64Array;
  private min: Float64Array;
  private max: Float64Array;
  private total = 0;

  constructor(private readonly months: number) {
    this.counts = new Uint32Array((months + 1) * BINS);
    this.low = new Float64Array(months + 1);
    this.width = new Float64Array(months + 1);
    this.perUnit = new Float64Array(months + 1);
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
      this.perUnit[t] = BINS / (2 * span);
    }
    for (let i = 0; i < count; i++) this.add(pilot.subarray(i * stride, (i + 1) * stride));
  }

  add(cash: Float64Array): void {
    const {counts, low, perUnit, min, max} = this;
    for (let t = 0; t <= this.months; t++) {
      const x = cash[t]!;
      const position = (x - low[t]!) * perUnit[t]!;
      // Below the range (or NaN) to the first bin, beyond it to the last; inside, truncation is floor.
      const bin = position >= 0 ? (position < BINS ? position | 0 : BINS - 1) : 0;
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
