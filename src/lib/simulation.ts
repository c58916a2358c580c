// Monte Carlo over a scenario's ranges: each path draws every uncertain input (inverse CDF of seeded
// uniforms, rank-correlated by Iman–Conover), runs both firms' full monthly projection, runway,
// break-even and DCF, and keeps per-path answers in typed arrays; cash is summarised per month in
// histograms (O(N) per month, no sort). The same seed gives the same numbers, bit for bit, in Node
// and in any browser (random.ts, exactMath.ts).
import {decemberOffset} from "./breakEven.js";
import {imanConover} from "./correlation.js";
import {shareEstimate, type Estimate} from "./estimate.js";
import {distribution, quantiles} from "./distributions.js";
import {FIRMS, fieldSpec, firmField, firmOfPath, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {allocateProjection, HORIZON_MONTHS, openingCashCosts, type Projection} from "./projection.js";
import {BLOCK_PATHS, PathBlock, type BlockStop} from "./pathBlock.js";
import {FORECAST_YEARS, type DcfParams, type OperatingForecast} from "./dcf.js";
import {createRandom, fillUniform} from "./random.js";
import {Spares} from "./spares.js";
import {firmConsistencyProblem, type Scenario} from "./schema.js";
import {correlationMatrix, firmInputPaths, NO_UNCERTAINTY, simulationOf} from "./uncertainty.js";
import {forecastValuePerShareHkd, valuationCash} from "./valuation.js";

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
}

/** Bins per month for the cash histograms: quantiles are exact to within one bin (the span ÷ 4,096). */
const BINS = 4096;
const LAST_BIN = BINS - 1;

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
  /** Cut in today's monthly burn so the path does not run out of cash before it breaks even (closed form, with a margin of C₀·1e-9). */
  burnCutCashOut: Float64Array;
  /** Cut in today's monthly burn so the path breaks even by December of the target year (closed form). */
  burnCutBreakEven: Float64Array;
}

export interface SimulationResult {
  paths: number;
  seed: number;
  firms: Record<FirmId, FirmSimulation>;
}

/**
 * Draws the uncertain inputs `wanted` for `paths` paths: one seeded stream, N uniforms per uncertain
 * input of the whole scenario in sorted order (so an input gets the same uniforms whichever firm
 * asks), each wanted one mapped through its quantile function; then the correlations among the wanted
 * inputs are imposed by Iman–Conover.
 */
export function drawInputs(scenario: Scenario, paths: number, seed: number, wanted: readonly string[]): Float64Array[] {
  const steps = drawingSteps(scenario, paths, seed, wanted);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** drawInputs in steps: it pauses after each wanted input is drawn (a worker looks at its messages there), and returns the draws. */
export function* drawingSteps(scenario: Scenario, paths: number, seed: number, wanted: readonly string[]): Generator<void, Float64Array[], void> {
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
    yield;
  }
  const correlations = uncertainty.correlations.filter(([a, b]) => draws.has(a) && draws.has(b));
  if (correlations.length > 0 && paths > 2) {
    const {paths: correlated, matrix} = correlationMatrix(correlations);
    imanConover(correlated.map((p) => draws.get(p)!), matrix);
  }
  return wanted.map((path) => draws.get(path)!);
}

/** Runs the simulation for both firms: each firm's own procedure (simulateFirm), so a page can run them in parallel and get the same bits. */
export function simulate(scenario: Scenario, options: {paths?: number; seed?: number} = {}): SimulationResult {
  const simulation = simulationOf(scenario);
  const paths = options.paths ?? simulation.paths;
  const seed = options.seed ?? simulation.seed;
  const firms = Object.fromEntries(FIRMS.map((firm) => [firm, simulateFirm(scenario, firm, {paths, seed})])) as Record<FirmId, FirmSimulation>;
  return {paths, seed, firms};
}

/** The input each lever moves. */
export const LEVER_FIELD = {extraFunding: "cashNow", burnCut: "burnNow", growthStart: "growthStart"} as const satisfies Record<LeverName, keyof FirmInputs>;

/** The lowest revenue growth now an input may take: a growth lever holds a path's growth there. */
const GROWTH_MIN = firmField("growthStart")!.min!;

/**
 * Applies a lever to one path's inputs (in place), as an edit of the scenario moves that path: a burn
 * cut or extra funding moves the path's value by the amount (a burn cut beyond a path's cash costs
 * removes them all); a growth lever is the scenario's growth now, and moves the path's growth by as
 * much as it moves the scenario's (`scenarioGrowth`), as a default range follows its value.
 */
function applyLever(firm: FirmInputs, lever: Lever, scenarioGrowth: number, drawn: boolean): void {
  if (lever.lever === "extraFunding") firm.cashNow += lever.value;
  else if (lever.lever === "burnCut") firm.burnNow -= Math.min(lever.value, openingCashCosts(firm));
  else firm.growthStart = drawn ? Math.max(GROWTH_MIN, firm.growthStart + (lever.value - scenarioGrowth)) : lever.value;
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

  /** With `draws`, the paths are those already drawn (drawingSteps run to the end for the firm's inputs). */
  constructor(scenario: Scenario, firm: FirmId, readonly paths: number, readonly seed: number, draws?: Float64Array[]) {
    this.inputs = firmInputPaths(scenario, firm);
    this.draws = draws ?? drawInputs(scenario, paths, seed, this.inputs);
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
      const drawn = this.#drawnKeys.has(key);
      if (!drawn) record[key] = this.base[key];
      applyLever(firm, lever, this.base.growthStart, drawn);
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
  const block = PathBlock.forRun(paths.base, HORIZON_MONTHS, false);
  const targetMonth = decemberOffset(block.startMonth, paths.base.breakEvenTargetYear);
  // Each path projected only as far as its verdict needs (BlockStop).
  const stop: BlockStop = goal === "break-even" ? {kind: "break-even", lastMonth: targetMonth} : {kind: "cash-out"};
  let valid = 0;
  let met = 0;
  for (let from = 0; from < paths.paths; from += BLOCK_PATHS) {
    const size = Math.min(BLOCK_PATHS, paths.paths - from);
    block.run(size, (j) => paths.load(from + j, lever), stop);
    for (let j = 0; j < size; j++) {
      if (block.valid[j] === 0) continue;
      valid++;
      const be = block.breakEvenOf(j);
      if (goal === "break-even" ? be <= targetMonth : block.runwayOf(j) >= be) met++;
    }
  }
  block.release();
  return shareEstimate(met, valid);
}

/**
 * Simulates one firm: draws its uncertain inputs, then per path the full monthly projection, runway
 * (walkCash), first break-even month and signed DCF value per share; cash by month in histograms.
 * With `lever`, every path's inputs are changed by it after the draw (common random numbers: the
 * same draws whatever the lever). With `values: false`, no DCF.
 */
export function simulateFirm(scenario: Scenario, firm: FirmId, options: {paths: number; seed: number; lever?: Lever; values?: boolean}, drawn?: FirmPaths): FirmSimulation {
  const simulator = firmSimulator(scenario, firm, options, drawn);
  while (simulator.step());
  return simulator.result();
}

/** A simulation run a block at a time (firmSimulator). */
export interface FirmSimulator {
  /** The next step: draws one uncertain input (the draws come first), or projects the next block of paths (BLOCK_PATHS); whether any work remains after it. */
  step(): boolean;
  /** The simulation, once step() has said no paths remain. */
  result(): FirmSimulation;
}

/**
 * simulateFirm in steps of an input drawn or a block of paths projected (at most about 30 ms each at
 * 100,000 paths), so a worker can look at its messages between them and drop a run that a newer
 * request has made stale. The same bits as simulateFirm.
 */
export function firmSimulator(scenario: Scenario, firm: FirmId, options: {paths: number; seed: number; lever?: Lever; values?: boolean}, drawn?: FirmPaths): FirmSimulator {
  const {paths, lever, seed} = options;
  // A goal seek needs no DCF: `values: false` leaves every value per share NaN (and P(value > price) NaN).
  const withValues = options.values !== false;
  // The draws come first, an input per step, unless they are given.
  const drawing = drawn ? null : drawingSteps(scenario, paths, seed, firmInputPaths(scenario, firm));
  let pathInputs = drawn ?? null;
  // The copy of the rates each path's drawn ones are written into (FirmPaths.market), once there are paths.
  let market = drawn?.market ?? scenario.market;
  const base = scenario.firms[firm];
  const months = HORIZON_MONTHS;
  const block = PathBlock.forRun(base, months, false);
  const forecast: OperatingForecast = {revenue: new Array<number>(FORECAST_YEARS + 1).fill(0), operatingIncome: new Array<number>(FORECAST_YEARS + 1).fill(0)};
  const targetMonth = decemberOffset(block.startMonth, base.breakEvenTargetYear);

  const runwayMonths = new Float64Array(paths);
  const breakEvenMonths = new Float64Array(paths);
  const valuePerShareHkd = new Float64Array(paths);
  let invalidPaths = 0;
  let cashOutFirst = 0;
  let byTarget = 0;
  let abovePrice = 0;
  const histogram = CashHistogram.forRun(months);
  // The record each path's DCF parameters are written into (forecastValuePerShareHkd).
  const dcfParams = {options: {}} as DcfParams;

  // Path j of the block starting at `from`, seen while its inputs are loaded (PathBlock.run's visit).
  let from = 0;
  const visit = (j: number, firmInputs: FirmInputs): void => {
    const i = from + j;
    const be = block.breakEvenOf(j);
    const runway = block.runwayOf(j);
    let value = Number.NaN;
    if (withValues) {
      for (let year = 0; year <= FORECAST_YEARS; year++) {
        forecast.revenue[year] = block.revenueByYear[year * BLOCK_PATHS + j]!;
        forecast.operatingIncome[year] = block.incomeByYear[year * BLOCK_PATHS + j]!;
      }
      const v = block.valuationMonth;
      value = forecastValuePerShareHkd(firm, firmInputs, market, forecast, valuationCash(firmInputs, block.cash[v * BLOCK_PATHS + j]!, block.ipoMonth, v), block.nolAtValuation[j]!, dcfParams);
    }
    runwayMonths[i] = runway;
    breakEvenMonths[i] = be;
    valuePerShareHkd[i] = value;
    if (runway < be) cashOutFirst++;
    if (be <= targetMonth) byTarget++;
    if (value > firmInputs.price) abovePrice++;
  };
  const step = (): boolean => {
    if (pathInputs === null) {
      const next = drawing!.next();
      if (!next.done) return true;
      pathInputs = new FirmPaths(scenario, firm, paths, seed, next.value);
      market = pathInputs.market; // the copy each path's drawn rates are written into
      return paths > 0;
    }
    if (from >= paths) return false;
    const size = Math.min(BLOCK_PATHS, paths - from);
    const inputs = pathInputs;
    block.run(size, (j) => inputs.load(from + j, lever), undefined, visit);
    histogram.addBlock(block);
    invalidPaths += markInvalidPaths(block, from, runwayMonths, breakEvenMonths, valuePerShareHkd);
    from += size;
    return from < paths;
  };
  let finished: FirmSimulation | null = null;
  const result = (): FirmSimulation => {
    if (pathInputs === null || from < paths) throw new Error("the simulation is not finished: call step() until it returns false");
    if (finished) return finished;
    const estimate = (count: number): Estimate => shareEstimate(count, paths - invalidPaths);
    const cash = histogram.bands(block.startMonth);
    // Their last reader was bands(): the next run may have them.
    block.release();
    histogram.release();
    finished = {
      inputs: pathInputs.inputs,
      draws: pathInputs.draws,
      runwayMonths,
      breakEvenMonths,
      valuePerShareHkd,
      cash,
      probabilities: {cashOutBeforeBreakEven: estimate(cashOutFirst), breakEvenByTarget: estimate(byTarget), valueAbovePrice: withValues ? estimate(abovePrice) : {p: Number.NaN, standardError: Number.NaN}},
      invalidPaths
    };
    return finished;
  };
  return {step, result};
}

/**
 * Sets each per-path answer NaN for the block's invalid paths (path j is answer index from + j);
 * returns how many there are. A loop in a function of its own, followed by nothing but the return
 * (see countIntoBins): in the step that ran it, Chromium's V8 deoptimized at the loop's exit at every
 * step (measured: some twenty times per run).
 */
function markInvalidPaths(block: PathBlock, from: number, ...answers: Float64Array[]): number {
  let invalid = 0;
  for (let j = 0; j < block.size; j++) {
    if (block.valid[j] === 1) continue;
    invalid++;
    for (const answer of answers) answer[from + j] = Number.NaN;
  }
  return invalid;
}

/**
 * Each path's goal-seek requirements (the same paths as the simulation's, `lever` applied as there):
 * the projection with its flows kept, and per path the three closed forms; NaN for an invalid path.
 */
export function pathRequirements(drawn: FirmPaths, lever?: Lever): Requirements {
  const {paths, base} = drawn;
  const months = HORIZON_MONTHS;
  const block = PathBlock.forRun(base, months, true);
  const scratch = allocateProjection(months);
  const shifted = new Float64Array(months + 1);
  const lastTarget = Math.min(decemberOffset(block.startMonth, base.breakEvenTargetYear), months);
  const requirements: Requirements = {extraFunding: new Float64Array(paths).fill(Number.NaN), burnCutCashOut: new Float64Array(paths).fill(Number.NaN), burnCutBreakEven: new Float64Array(paths).fill(Number.NaN)};
  for (let from = 0; from < paths; from += BLOCK_PATHS) {
    block.run(Math.min(BLOCK_PATHS, paths - from), (j) => drawn.load(from + j, lever), undefined, (j) => {
      const p = block.copyPath(j, scratch);
      const be = block.breakEvenOf(j);
      requirements.extraFunding[from + j] = fundingNeeded(p.cash, p.financing, months, be === Infinity ? null : be);
      requirements.burnCutBreakEven[from + j] = burnCutToBreakEvenBy(p, lastTarget);
      requirements.burnCutCashOut[from + j] = burnCutToOutlast(p, shifted);
    });
  }
  block.release();
  return requirements;
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

/** What the burn cut answer adds to the least cut, as a share of today's cash costs: so that re-projecting with it (other rounding) still outlasts. */
const CUT_MARGIN = 1e-9;

/**
 * The least cut in today's monthly burn that keeps a path from running out of cash before it breaks
 * even, in closed form (no search). A cut c lowers month t's costs by c·K_t (K_t = C_t ÷ C_0), so
 * cash_u(c) = cash_u + c·S_u with S_u = K_1 + … + K_u, and month t breaks even once c ≥ e_t = −OCF_t ÷ K_t.
 * Under fundingNeeded's rule the path outlasts with break-even month n iff every month s ≤ n has some
 * month u in its window (s, and the months up to the first financing after s) with cash_u(c) ≥ 0,
 * i.e. c ≥ R(n) = max over s ≤ n of min over u of (−cash_u ÷ S_u)⁺. Break-even comes in month n for
 * c in [e_n, min of e_t over t < n), so the least cut is the least max(e_n, R(n)) that falls inside
 * its own interval (or R(horizon), below every e_t, for a path that never breaks even). Returned with
 * a margin of C_0·1e-9; Infinity when more than C_0 (no cash costs at all) would be needed.
 * `scratch` holds months + 1 numbers.
 */
export function burnCutToOutlast(p: Projection, scratch: Float64Array): number {
  const {months, cash, financing, operatingCashFlow, opex} = p;
  const costs0 = opex[0]!;
  // The least cut that lifts each month's cash to zero or more.
  let cumulative = 0;
  scratch[0] = cash[0]! >= 0 ? 0 : Infinity;
  for (let u = 1; u <= months; u++) {
    cumulative += costs0 > 0 ? opex[u]! / costs0 : 0;
    scratch[u] = cash[u]! >= 0 ? 0 : cumulative > 0 ? -cash[u]! / cumulative : Infinity;
  }
  // Backward (fundingNeeded's pass): each month's need is the least over its window.
  let hasBridge = false;
  let lowestAfter = Infinity;
  let next = Infinity; // the month after's own least cut, before it is replaced by its window's
  for (let t = months; t >= 0; t--) {
    const own = scratch[t]!;
    if (t < months) {
      if (financing[t + 1]! > 0) {
        hasBridge = true;
        lowestAfter = next;
      } else if (hasBridge) lowestAfter = Math.min(lowestAfter, next);
    }
    scratch[t] = hasBridge ? Math.min(own, lowestAfter) : own;
    next = own;
  }
  // Forward: the least cut over the break-even months it would bring.
  let needed = scratch[0]!; // R(n): the most any month up to n needs
  let earliest = Infinity; // the least cut that brings break-even before month n
  let best = Infinity;
  for (let n = 1; n <= months; n++) {
    needed = Math.max(needed, scratch[n]!);
    const k = costs0 > 0 ? opex[n]! / costs0 : 0;
    const ocf = operatingCashFlow[n]!;
    const breaksEven = ocf >= 0 ? 0 : k > 0 ? -ocf / k : Infinity;
    if (breaksEven < earliest) {
      const candidate = Math.max(breaksEven, needed);
      if (candidate < earliest && candidate < best) best = candidate;
      earliest = breaksEven;
    }
  }
  if (needed < earliest && needed < best) best = needed;
  if (best === 0) return 0;
  if (!(costs0 > 0) || !(best <= costs0)) return Infinity;
  return Math.min(costs0, best + costs0 * CUT_MARGIN);
}

/** The cash bands' quantiles: P5, P25, P50, P75, P95. */
const BAND_QS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Adds month t's values of a block (cash[row + j], the valid paths) to its bins, `bins` onwards: a
 * value at `position` bins from `low`, one beyond the range (or NaN) in the nearer end bin. Returns how
 * many were beyond it. A function whose loop is followed by nothing but its return, so that no
 * operation after the loop lacks type feedback when V8 compiles the loop mid-run (OSR) in its first
 * call: Chromium's V8 then deoptimized at the loop's exit on every call, and counting took an eighth
 * of a simulation in Chromium against a fiftieth in Node. The conditions pick constants only, for the
 * same reason (a branch never taken before that compile has no feedback either).
 */
function countIntoBins(counts: Int32Array, bins: number, cash: Float64Array, row: number, size: number, valid: Uint8Array, allValid: boolean, low: number, perUnit: number): number {
  let beyond = 0;
  for (let j = 0; j < size; j++) {
    if (!allValid && valid[j] === 0) continue;
    const position = (cash[row + j]! - low) * perUnit;
    const inside = position >= 0 && position < BINS;
    counts[bins + (inside ? position | 0 : position >= BINS ? LAST_BIN : 0)]!++;
    beyond += inside ? 0 : 1;
  }
  return beyond;
}

/** Histograms given back by finished runs (a histogram is 3 MB of counts). */
const spareHistograms = new Spares<CashHistogram>();

/**
 * Cash by month over the paths, as histograms: each month's range is fixed by the first block with
 * any valid path (widened by half its span each side), values beyond it fall in the end bins, and
 * the exact minimum and maximum are kept. A quantile is read by walking the bins and interpolating
 * inside one. A block is added month by month, so each month's bins stay in the cache.
 */
class CashHistogram {
  private counts: Int32Array;
  private low: Float64Array;
  private width: Float64Array;
  /** Bins per unit of cash (1 ÷ width): a multiply per value instead of a divide. */
  private perUnit: Float64Array;
  private min: Float64Array;
  private max: Float64Array;
  private total = 0;
  private started = false;

  constructor(private readonly months: number) {
    this.counts = new Int32Array((months + 1) * BINS);
    this.low = new Float64Array(months + 1);
    this.width = new Float64Array(months + 1);
    this.perUnit = new Float64Array(months + 1);
    this.min = new Float64Array(months + 1).fill(Infinity);
    this.max = new Float64Array(months + 1).fill(-Infinity);
  }

  /** An empty histogram: one given back by a finished run (release), emptied, else a new one (as PathBlock.forRun). */
  static forRun(months: number): CashHistogram {
    const histogram = spareHistograms.take((h) => h.months === months);
    if (!histogram) return new CashHistogram(months);
    histogram.counts.fill(0);
    histogram.min.fill(Infinity);
    histogram.max.fill(-Infinity);
    histogram.total = 0;
    histogram.started = false;
    return histogram;
  }

  /** Gives the histogram back for a later run; its bands have been read. */
  release(): void {
    spareHistograms.give(this);
  }

  /** Sets each month's bins from the spread of a block's valid paths. */
  private start(block: PathBlock): void {
    for (let t = 0; t <= this.months; t++) this.setRange(block, t);
    this.started = true;
  }

  // Each month's work is a method of its own (here and in addBlock and bands), so that the engine
  // compiles it whole: a loop over months around a loop over paths or bins was compiled from the
  // middle of the inner loop, and Chromium's V8 threw that code away at each exit from it (hundreds
  // of "exit from OSR'd inner loop" deoptimizations per run), running most months unoptimized.
  private setRange(block: PathBlock, t: number): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < block.size; j++) {
      if (block.valid[j] === 0) continue;
      const x = block.cash[t * BLOCK_PATHS + j]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const span = hi - lo > 0 ? hi - lo : Math.max(1e-9, Math.abs(lo) * 1e-9);
    this.low[t] = lo - span / 2;
    this.width[t] = (2 * span) / BINS;
    this.perUnit[t] = BINS / (2 * span);
  }

  /**
   * Counts a block's valid paths, month by month. The exact minimum and maximum are tracked only for
   * values beyond the range (they land in an end bin, where a quantile needs them); inside it, the
   * first and last bins' edges bound them to within a bin, which is the histogram's precision.
   */
  addBlock(block: PathBlock): void {
    const {valid, size} = block;
    let added = 0;
    for (let j = 0; j < size; j++) added += valid[j]!;
    if (added === 0) return;
    if (!this.started) this.start(block);
    const allValid = added === size;
    for (let t = 0; t <= this.months; t++) this.countMonth(block, t, allValid);
    this.total += added;
  }

  private countMonth(block: PathBlock, t: number, allValid: boolean): void {
    const beyond = countIntoBins(this.counts, t * BINS, block.cash, t * BLOCK_PATHS, block.size, block.valid, allValid, this.low[t]!, this.perUnit[t]!);
    if (beyond > 0) this.trackBeyond(block, t);
  }

  /** The exact minimum and maximum of month t's values beyond its range (rare: a second pass over the block's month). */
  private trackBeyond(block: PathBlock, t: number): void {
    const {cash, valid, size} = block;
    const row = t * BLOCK_PATHS;
    const lowT = this.low[t]!;
    const perUnitT = this.perUnit[t]!;
    let minT = this.min[t]!;
    let maxT = this.max[t]!;
    for (let j = 0; j < size; j++) {
      if (valid[j] === 0) continue;
      const x = cash[row + j]!;
      const position = (x - lowT) * perUnitT;
      if (position >= 0 && position < BINS) continue;
      if (x < minT) minT = x;
      if (x > maxT) maxT = x;
    }
    this.min[t] = minT;
    this.max[t] = maxT;
  }

  /**
   * Month t's lowest and highest values: exact when some fell beyond the range, else the outer edges
   * of the first and last occupied bins.
   */
  private bounds(t: number): [lowest: number, highest: number] {
    const base = t * BINS;
    let first = 0;
    while (first < BINS - 1 && this.counts[base + first] === 0) first++;
    let last = BINS - 1;
    while (last > 0 && this.counts[base + last] === 0) last--;
    const low = this.low[t]!;
    const width = this.width[t]!;
    return [Math.min(this.min[t]!, low + width * first), Math.max(this.max[t]!, low + width * (last + 1))];
  }

  /**
   * The bands: each month's q-quantiles for the five q, in one pass over its bins. A quantile is the
   * bin holding rank q·(N − 1), interpolated within it, kept inside the month's bounds.
   */
  bands(startMonth: number): CashBands {
    const bands = BAND_QS.map(() => new Float64Array(this.months + 1));
    for (let t = 0; t <= this.months; t++) this.monthBands(t, bands);
    const [p5, p25, p50, p75, p95] = bands as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    return {startMonth, p5, p25, p50, p75, p95};
  }

  private monthBands(t: number, bands: Float64Array[]): void {
    const {counts, total} = this;
    if (total === 0) {
      for (const band of bands) band[t] = Number.NaN;
      return;
    }
    const [lowest, highest] = this.bounds(t);
    const base = t * BINS;
    let k = 0;
    let seen = 0;
    for (let b = 0; b < BINS && k < BAND_QS.length; b++) {
      const c = counts[base + b]!;
      // Every quantile whose rank this bin holds (ascending q, so ascending ranks).
      while (k < BAND_QS.length && c > 0 && seen + c > BAND_QS[k]! * (total - 1)) {
        const x = this.low[t]! + this.width[t]! * (b + (BAND_QS[k]! * (total - 1) - seen + 0.5) / c);
        bands[k++]![t] = Math.min(highest, Math.max(lowest, x));
      }
      seen += c;
    }
    for (; k < BAND_QS.length; k++) bands[k]![t] = highest;
  }
}

/**
 * The q-quantiles of per-path answers, given sorted by sortedNumbers (linear interpolation between
 * order statistics, as simple-statistics and Excel do), over the valid paths; null where a quantile
 * falls among paths that never run out of cash or never break even (Infinity).
 */
export function sortedQuantiles(sorted: Float64Array, qs: readonly number[]): (number | null)[] {
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

/**
 * The values that are numbers (NaN left out), sorted ascending, in a new array. Copied in a loop, not
 * by filter: a typed array's filter gathers what it keeps as boxed numbers first (16 bytes a path
 * of garbage, the most of any step after a simulation).
 */
export function sortedNumbers(values: Float64Array): Float64Array {
  const out = new Float64Array(countNumbers(values));
  copyNumbers(values, out);
  return out.sort();
}

// Each loop in a function of its own, followed by nothing but the return (see countIntoBins).
function countNumbers(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) count += Number.isNaN(values[i]!) ? 0 : 1;
  return count;
}

function copyNumbers(values: Float64Array, out: Float64Array): void {
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) out[k++] = x;
  }
}
