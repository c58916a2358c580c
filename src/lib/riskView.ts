// What the Risk page shows of one firm's simulation, as plain JSON a worker can post: the runner's
// risk record (the same numbers the runner prints for the same link), histograms of the per-path
// answers, and the probabilities as the paths grow (convergence).
import {decemberOffset} from "./breakEven.js";
import {monthIndexOf} from "./dates.js";
import type {FirmInputs} from "./fields.js";
import {riskReport, type RiskReport} from "./report.js";
import {sortedNumbers, type FirmSimulation} from "./simulation.js";

export interface HistogramBin {
  x0: number;
  x1: number;
  /** Share of the valid paths in [x0, x1). */
  share: number;
}

export interface PathHistogram {
  bins: HistogramBin[];
  /** Share of valid paths that never get there (never run out, never break even), shown apart. */
  never: number;
  /** Shares below the first bin and above the last (value per share: the tails beyond P1 and P99). */
  below: number;
  above: number;
  /** The valid paths the shares are of. */
  paths: number;
}

export interface Convergence {
  /** Paths counted so far (in path order), and each probability's estimate from them. */
  paths: number[];
  cashOutBeforeBreakEven: number[];
  breakEvenByTarget: number[];
  valueAbovePrice: number[];
}

export interface RiskView extends RiskReport {
  runwayHistogram: PathHistogram;
  breakEvenHistogram: PathHistogram;
  valueHistogram: PathHistogram;
  convergence: Convergence;
  /** Milliseconds the simulation took where it ran. */
  elapsedMs: number;
}

/**
 * Shares of `values` (NaN left out, Infinity counted as never) in equal bins over [low, high]; each
 * value is binned as value − `offset`.
 */
export function pathHistogram(values: Float64Array, low: number, high: number, count: number, offset = 0): PathHistogram {
  const counts = new Float64Array(count);
  let valid = 0;
  let never = 0;
  let below = 0;
  let above = 0;
  const width = (high - low) / count;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    valid++;
    const x = value - offset;
    if (x === Infinity) never++;
    else if (x < low) below++;
    else if (x >= high) above++;
    else counts[Math.min(count - 1, Math.floor((x - low) / width))]!++;
  }
  const share = (n: number) => (valid > 0 ? n / valid : 0);
  return {bins: Array.from(counts, (n, i) => ({x0: low + i * width, x1: low + (i + 1) * width, share: share(n)})), never: share(never), below: share(below), above: share(above), paths: valid};
}

/**
 * A histogram of times after the baseline in calendar half-years: its bins' edges, in months after
 * the end of the baseline month `startMonth` (a month index), fall at the ends of Junes and Decembers,
 * so a target year's end is always an edge. `values` are "elapsed" times in months after that end
 * (a runway: 17.4 is in the eighteenth month), or "month" numbers (a break-even month: month t runs
 * from the end of month t − 1 to the end of month t, so it is binned by its start, t − 1, and a
 * December break-even falls before the year's end, not after it).
 */
export function halfYearHistogram(values: Float64Array, startMonth: number, horizonMonths: number, kind: "elapsed" | "month"): PathHistogram {
  // The last edge at or before 0: month index startMonth + low is a June or a December.
  const low = -(((startMonth + 1) % 6) + 6) % 6;
  const count = Math.ceil((horizonMonths - low) / 6);
  return pathHistogram(values, low, low + 6 * count, count, kind === "month" ? 1 : 0);
}

/** The finite values' P1 and P99 (nearest rank), from their sorted copy (sortedNumbers): the value histogram's range. */
function centralRange(sorted: Float64Array): [number, number] {
  // The finite ones: between any −Infinity at the start and any Infinity at the end.
  let first = 0;
  let end = sorted.length;
  while (first < end && sorted[first] === -Infinity) first++;
  while (end > first && sorted[end - 1] === Infinity) end--;
  const finite = sorted.subarray(first, end);
  const at = (q: number) => (finite.length ? finite[Math.floor(q * (finite.length - 1))]! : 0);
  return [at(0.01), at(0.99)];
}

/** Checkpoints 1,000, 2,000, 5,000, 10,000, … up to the path count (and the count itself). */
function checkpoints(paths: number): number[] {
  const out: number[] = [];
  for (let scale = 1000; scale < paths; scale *= 10) for (const k of [1, 2, 5]) if (k * scale < paths) out.push(k * scale);
  out.push(paths);
  return out;
}

export function convergence(s: FirmSimulation, firm: FirmInputs): Convergence {
  const targetMonth = decemberOffset(monthIndexOf(firm.baselineDate), firm.breakEvenTargetYear);
  const n = s.runwayMonths.length;
  const marks = checkpoints(n);
  const out: Convergence = {paths: [], cashOutBeforeBreakEven: [], breakEvenByTarget: [], valueAbovePrice: []};
  let valid = 0;
  let cashOut = 0;
  let byTarget = 0;
  let above = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    const runway = s.runwayMonths[i]!;
    if (!Number.isNaN(runway)) {
      valid++;
      const be = s.breakEvenMonths[i]!;
      if (runway < be) cashOut++;
      if (be <= targetMonth) byTarget++;
      if (s.valuePerShareHkd[i]! > firm.price) above++;
    }
    if (i + 1 === marks[next]) {
      out.paths.push(i + 1);
      out.cashOutBeforeBreakEven.push(valid ? cashOut / valid : Number.NaN);
      out.breakEvenByTarget.push(valid ? byTarget / valid : Number.NaN);
      out.valueAbovePrice.push(valid ? above / valid : Number.NaN);
      next++;
    }
  }
  return out;
}

/** Runway and break-even in calendar half-years over the horizon; value per share in 40 bins from its P1 to P99. */
export function riskView(simulation: {paths: number; seed: number}, s: FirmSimulation, firm: FirmInputs, horizonMonths: number, elapsedMs: number): RiskView {
  // One sorted copy of the values for both the report's quantiles and the histogram's range.
  const sortedValues = sortedNumbers(s.valuePerShareHkd);
  const [low, high] = centralRange(sortedValues);
  const startMonth = monthIndexOf(firm.baselineDate);
  return {
    ...riskReport(simulation, s, sortedValues),
    runwayHistogram: halfYearHistogram(s.runwayMonths, startMonth, horizonMonths, "elapsed"),
    breakEvenHistogram: halfYearHistogram(s.breakEvenMonths, startMonth, horizonMonths, "month"),
    valueHistogram: pathHistogram(s.valuePerShareHkd, low, high > low ? high : low + 1, 40),
    convergence: convergence(s, firm),
    elapsedMs
  };
}
