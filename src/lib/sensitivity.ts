// Sensitivity: how far each answer (runway, break-even, value per share) moves when one input swings
// across its range with everything else held (a tornado), and the answers over a grid of two inputs.
// One projection per swing end or grid cell, no solvers. Pure: no DOM.
import {firstBreakEvenMonth} from "./breakEven.js";
import {monthIndexOf, yearMonth, yearOfMonthIndex, type YearMonth} from "./dates.js";
import {FIRM_CURRENCY, FIRM_FIELDS, fieldSpec, firmOfPath, MARKET_FIELDS, plausibleRange, type FieldSpec, type FirmId, type FirmInputs, type MarketInputs, type Unit} from "./fields.js";
import {allocateProjection, HORIZON_MONTHS, project, type Projection} from "./projection.js";
import {walkCash} from "./runway.js";
import {firmConsistencyProblem, type Scenario} from "./schema.js";
import {valuePerShareHkd} from "./valuation.js";

/** The answers a sensitivity shows: months until cash runs out, months until break-even, DCF value per share (HKD). */
export const SENSITIVITY_OUTPUTS = ["runway", "breakEven", "value"] as const;
export type SensitivityOutput = (typeof SENSITIVITY_OUTPUTS)[number];

/** One input to swing: its path, field, and the low and high ends of its swing (in the field's unit). */
export interface SwingInput {
  path: string;
  /** The field's key: a firm's input, or with `market` an exchange rate shared by both firms. */
  key: string;
  market: boolean;
  label: string;
  unit: Unit;
  low: number;
  high: number;
  /** Its value in the scenario. */
  current: number;
  /** "range": the scenario's range (low and high as written, clamped to the field's limits); "plausible": the field's plausible range. */
  basis: "range" | "plausible";
}

/** One answer. */
export interface Outcome {
  /** Months after the baseline (runway, break-even) or HK$ per share (value); null: never within the horizon. */
  value: number | null;
  /** For sorting and plotting: the value, or HORIZON_MONTHS where there is none ("beyond" the horizon). */
  plotted: number;
  /** Whether `value` is null, i.e. the chart should say "beyond <horizon date>". */
  beyond: boolean;
}

export type Outcomes = Record<SensitivityOutput, Outcome>;

/** Headline fields that none of the three answers depends on (the target year only judges break-even). */
const NO_EFFECT = new Set<string>(["breakEvenTargetYear"]);

const clamp = (x: number, spec: FieldSpec) => Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, x));

function swingOf(path: string, spec: FieldSpec, low: number, high: number, current: number, basis: SwingInput["basis"]): SwingInput {
  return {path, key: spec.key, market: path.startsWith("market."), label: spec.label, unit: spec.unit, low: clamp(low, spec), high: clamp(high, spec), current, basis};
}

/** The exchange rates that take a firm's money to HK$, its value per share's currency: HKD per USD, and RMB per USD for a firm that reports in renminbi. */
const ratesToHkd = (firm: FirmId): readonly (keyof MarketInputs)[] => (FIRM_CURRENCY[firm] === "RMB" ? ["usdRmb", "usdHkd"] : ["usdHkd"]);

/**
 * The inputs a tornado swings for `firm`: each of the firm's inputs that carries a range in the
 * scenario's uncertainty, then each exchange rate that does and moves its value per share in HKD,
 * from the range's low to its high as written (for normal and lognormal, the 90% interval), clamped
 * to the field's limits. A firm with no range of its own falls back to its headline inputs, each
 * across its plausible range. In field-declaration order.
 * @example swingInputs(base, "minimax")[0] // {path: "minimax.burnNow", low: 20.7, high: 32, basis: "range", …}
 */
export function swingInputs(scenario: Scenario, firm: FirmId): SwingInput[] {
  const inputs = scenario.firms[firm];
  const ranges = scenario.uncertainty?.ranges ?? {};
  const own = FIRM_FIELDS.filter((spec) => ranges[`${firm}.${spec.key}`] !== undefined && typeof inputs[spec.key as keyof FirmInputs] === "number");
  if (own.length > 0) {
    const rates = MARKET_FIELDS.filter((spec) => ranges[`market.${spec.key}`] !== undefined && ratesToHkd(firm).includes(spec.key as keyof MarketInputs));
    return [
      ...own.map((spec) => [`${firm}.${spec.key}`, spec, inputs[spec.key as keyof FirmInputs] as number] as const),
      ...rates.map((spec) => [`market.${spec.key}`, spec, scenario.market[spec.key as keyof MarketInputs]] as const)
    ].map(([path, spec, current]) => swingOf(path, spec, ranges[path]!.low, ranges[path]!.high, current, "range"));
  }
  return FIRM_FIELDS.filter((spec) => spec.headline && !NO_EFFECT.has(spec.key)).flatMap((spec) => {
    const path = `${firm}.${spec.key}`;
    const range = plausibleRange(path);
    return range ? [swingOf(path, spec, range[0], range[1], inputs[spec.key as keyof FirmInputs] as number, "plausible")] : [];
  });
}

/** The swing of one path for a grid axis: its range in the scenario when it has one, else its plausible range. */
export function swingOfPath(scenario: Scenario, path: string): SwingInput {
  const spec = fieldSpec(path);
  const firm = firmOfPath(path);
  if (!spec || !firm || (spec.kind !== "number" && spec.kind !== "integer")) throw new Error(`not a firm's number input: ${path}`);
  const current = scenario.firms[firm][spec.key as keyof FirmInputs] as number;
  const range = scenario.uncertainty?.ranges[path];
  if (range) return swingOf(path, spec, range.low, range.high, current, "range");
  const plausible = plausibleRange(path) ?? [spec.min ?? current, spec.max ?? current];
  return swingOf(path, spec, plausible[0], plausible[1], current, "plausible");
}

const outcome = (value: number | null): Outcome => ({value, plotted: value ?? HORIZON_MONTHS, beyond: value === null});

/** The answers for one firm's inputs, from one projection (in `buffer`). */
function outcomesOf(firm: FirmId, inputs: FirmInputs, scenario: Scenario, buffer: Projection): Outcomes {
  const p = project(inputs, HORIZON_MONTHS, buffer);
  return {runway: outcome(walkCash(p)), breakEven: outcome(firstBreakEvenMonth(p)), value: outcome(valuePerShareHkd(firm, inputs, scenario.market, p))};
}

/** One bar of a tornado: the answer with the input at its low end and at its high end. */
export interface TornadoBar {
  input: SwingInput;
  low: Outcome;
  high: Outcome;
  /** |high − low| of the plotted values: what the bars are sorted by. */
  swing: number;
}

/** A swing left out: its inputs do not fit together (firmConsistencyProblem). */
export interface SkippedSwing {
  input: SwingInput;
  end: "low" | "high";
  value: number;
  reason: string;
}

export interface Tornado {
  firm: FirmId;
  /** Month index of the baseline month: month t of the projection is startMonth + t. */
  startMonth: number;
  horizonMonths: number;
  /** The last month the projection covers ("YYYY-MM"): an answer beyond it is "beyond" this. */
  horizonMonth: YearMonth;
  /** The share price (HKD), for the value tornado's reference line. */
  price: number;
  /** "range" when every swing is the scenario's range, "plausible" for the fallback. */
  basis: SwingInput["basis"];
  current: Outcomes;
  /** Per swing input (declaration order): the answers at its two ends. */
  swings: {input: SwingInput; low: Outcomes; high: Outcomes}[];
  /** Per answer, the bars sorted by swing, largest first (ties keep declaration order). */
  bars: Record<SensitivityOutput, TornadoBar[]>;
  skipped: SkippedSwing[];
}

/**
 * For each swing input, the three answers at its low and its high end, all else as in the scenario,
 * and the answers at the scenario itself. A swing whose inputs do not fit together is skipped with
 * the reason. An answer that never comes within the horizon is null, plotted at the horizon.
 * @example tornado(base, "minimax").bars.runway[0].input.key // the input that moves the runway most
 */
export function tornado(scenario: Scenario, firm: FirmId): Tornado {
  const inputs = scenario.firms[firm];
  const buffer = allocateProjection(HORIZON_MONTHS);
  const current = outcomesOf(firm, inputs, scenario, buffer);
  const swings: Tornado["swings"] = [];
  const skipped: SkippedSwing[] = [];
  const list = swingInputs(scenario, firm);
  for (const input of list) {
    const ends = (["low", "high"] as const).map((end) => {
      if (input.market) return outcomesOf(firm, inputs, {...scenario, market: {...scenario.market, [input.key]: input[end]}}, buffer);
      const changed = {...inputs, [input.key]: input[end]} as FirmInputs;
      const problem = firmConsistencyProblem(changed);
      if (problem) skipped.push({input, end, value: input[end], reason: problem.reason});
      return problem ? null : outcomesOf(firm, changed, scenario, buffer);
    });
    if (ends[0] && ends[1]) swings.push({input, low: ends[0], high: ends[1]});
  }
  const bars = Object.fromEntries(
    SENSITIVITY_OUTPUTS.map((output) => {
      const rows = swings.map(({input, low, high}) => ({input, low: low[output], high: high[output], swing: Math.abs(high[output].plotted - low[output].plotted)}));
      return [output, rows.sort((a, b) => b.swing - a.swing)]; // Array.prototype.sort is stable
    })
  ) as Record<SensitivityOutput, TornadoBar[]>;
  const startMonth = monthIndexOf(inputs.baselineDate);
  return {
    firm,
    startMonth,
    horizonMonths: HORIZON_MONTHS,
    horizonMonth: yearMonth(startMonth + HORIZON_MONTHS),
    price: inputs.price,
    basis: list.every((s) => s.basis === "range") && list.length > 0 ? "range" : "plausible",
    current,
    swings,
    bars,
    skipped
  };
}

/** What a grid cell is judged against. */
export type GridTarget = "cash-lasts-to-break-even" | "breaks-even-by-target" | "value-at-least-price";

/** The target each answer's grid marks. */
export const GRID_TARGET: Record<SensitivityOutput, GridTarget> = {runway: "cash-lasts-to-break-even", breakEven: "breaks-even-by-target", value: "value-at-least-price"};

export interface GridAxis {
  input: SwingInput;
  /** The n values, low to high, evenly spaced and rounded to a few digits past the step. */
  values: number[];
  /** The spacing of the values (0 when the range is a point). */
  step: number;
  /** Whether the range was widened to hold the scenario's own value (it lies outside the range). */
  widened: boolean;
}

export interface GridCell {
  /** Column (x) and row (y) indexes. */
  i: number;
  j: number;
  x: number;
  y: number;
  /** The answer, or null when the cell's inputs do not fit together (see `problem`). */
  outcome: Outcome | null;
  /** Whether the target is met; null when the cell was skipped. */
  met: boolean | null;
  problem: string | null;
}

export interface Grid {
  firm: FirmId;
  output: SensitivityOutput;
  target: GridTarget;
  x: GridAxis;
  y: GridAxis;
  /** n × n cells, column by column: cells[i * n + j] is x value i, y value j. */
  cells: GridCell[];
  /** The scenario itself. */
  current: {x: number; y: number; outcome: Outcome; met: boolean};
  startMonth: number;
  horizonMonths: number;
  horizonMonth: YearMonth;
  /** The share price (HKD), the value grid's target. */
  price: number;
  breakEvenTargetYear: number;
}

/** Rounds grid values to three digits past the step's first, so that a value set from a cell reads cleanly in a link. */
function roundToStep(x: number, step: number): number {
  if (!(step > 0)) return x;
  let digits = 0;
  for (let scaled = step; scaled < 100 && digits < 12; scaled *= 10) digits++;
  return Number(x.toFixed(digits));
}

function axisOf(input: SwingInput, n: number, integer: boolean): GridAxis {
  // Widened to hold the scenario's own value, so the current point is always on the grid.
  const low = Math.min(input.low, input.current);
  const high = Math.max(input.high, input.current);
  const step = n > 1 ? (high - low) / (n - 1) : 0;
  const values = Array.from({length: n}, (_, k) => {
    const v = k === n - 1 ? high : low + k * step;
    return integer ? Math.round(v) : roundToStep(v, step);
  });
  return {input: {...input, low, high}, values, step, widened: low !== input.low || high !== input.high};
}

/** Whether one answer meets the grid's target (the simulation's rule for cash: out strictly before break-even is a miss). */
function meets(target: GridTarget, runway: number | null, breakEvenMonth: number | null, value: number, inputs: FirmInputs, startMonth: number): boolean {
  switch (target) {
    case "cash-lasts-to-break-even":
      return !((runway ?? Infinity) < (breakEvenMonth ?? Infinity));
    case "breaks-even-by-target":
      return breakEvenMonth !== null && yearOfMonthIndex(startMonth + breakEvenMonth) <= inputs.breakEvenTargetYear;
    case "value-at-least-price":
      return value >= inputs.price;
  }
}

/**
 * The answer `output` over an n × n grid of two of the firm's inputs, each across its swing range
 * (the scenario's range, else the plausible one; widened to hold the scenario's value), all else as
 * in the scenario, with each cell's target: for the runway, cash lasts until break-even (no cash-out
 * before the first break-even month; neither counts as met); for break-even, by the target year; for
 * value, value per share ≥ the price. One projection per cell at most (none when only a valuation
 * input moves along an axis).
 * @example grid(base, "zhipu", "zhipu.growthStart", "zhipu.burnNow", "runway").cells.filter((c) => c.met).length
 */
export function grid(scenario: Scenario, firm: FirmId, xPath: string, yPath: string, output: SensitivityOutput, n = 21): Grid {
  const size = Math.max(2, Math.floor(n));
  const xSpec = fieldSpec(xPath)!;
  const ySpec = fieldSpec(yPath)!;
  const x = axisOf(swingOfPath(scenario, xPath), size, xSpec.kind === "integer");
  const y = axisOf(swingOfPath(scenario, yPath), size, ySpec.kind === "integer");
  if (firmOfPath(xPath) !== firm || firmOfPath(yPath) !== firm || xPath === yPath) throw new Error(`a grid needs two different inputs of ${firm}`);
  const base = scenario.firms[firm];
  const target = GRID_TARGET[output];
  const startMonth = monthIndexOf(base.baselineDate);
  const buffer = allocateProjection(HORIZON_MONTHS);
  // One mutable copy, its two fields overwritten cell by cell (as a Monte Carlo path does).
  const fields: Record<string, unknown> = {...base};
  const inputs = fields as unknown as FirmInputs;
  const needsValue = output === "value" || target === "value-at-least-price";
  let projected = false;
  let runway: number | null = null;
  let breakEvenMonth: number | null = null;
  const evaluate = (): {outcome: Outcome; met: boolean} => {
    if (!projected) {
      const p = project(inputs, HORIZON_MONTHS, buffer);
      runway = walkCash(p);
      breakEvenMonth = firstBreakEvenMonth(p);
      projected = true;
    }
    const value = needsValue ? valuePerShareHkd(firm, inputs, scenario.market, buffer) : Number.NaN;
    const answer = output === "runway" ? runway : output === "breakEven" ? breakEvenMonth : value;
    return {outcome: outcome(answer), met: meets(target, runway, breakEvenMonth, value, inputs, startMonth)};
  };
  const cells: GridCell[] = [];
  x.values.forEach((xv, i) => {
    fields[xSpec.key] = xv;
    if (xSpec.changesProjection || i === 0) projected = false;
    y.values.forEach((yv, j) => {
      fields[ySpec.key] = yv;
      if (ySpec.changesProjection) projected = false;
      const problem = firmConsistencyProblem(inputs);
      if (problem) {
        cells.push({i, j, x: xv, y: yv, outcome: null, met: null, problem: problem.reason});
        return;
      }
      const {outcome: o, met} = evaluate();
      cells.push({i, j, x: xv, y: yv, outcome: o, met, problem: null});
    });
  });
  fields[xSpec.key] = base[xSpec.key as keyof FirmInputs];
  fields[ySpec.key] = base[ySpec.key as keyof FirmInputs];
  projected = false;
  const here = evaluate();
  return {
    firm,
    output,
    target,
    x,
    y,
    cells,
    current: {x: x.input.current, y: y.input.current, outcome: here.outcome, met: here.met},
    startMonth,
    horizonMonths: HORIZON_MONTHS,
    horizonMonth: yearMonth(startMonth + HORIZON_MONTHS),
    price: base.price,
    breakEvenTargetYear: base.breakEvenTargetYear
  };
}
