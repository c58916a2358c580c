// Ranges as part of the scenario: which inputs are uncertain and how (a distribution per field
// path), how they move together (rank correlations), and how to simulate (paths and seed). Checked
// here field by field, for scenario files and share links alike: a bad part is refused with its
// reason and every valid part is kept.
import {correlationProblem, nearestCorrelation} from "./correlation.js";
import {DISTRIBUTION_PARAMETERS, validateDistribution, type DistributionSpec} from "./distributions.js";
import {fieldSpec, firmOfPath, plausibleRange, type FirmId, type Unit} from "./fields.js";
import {formatNumber, formatPercent, withoutBinaryNoise} from "./format.js";
import {describeValue, type FieldIssue} from "./issues.js";

/** One rank correlation between two uncertain inputs: [path, path, ρ]. */
export type Correlation = [a: string, b: string, rho: number];

export interface Simulation {
  paths: number;
  seed: number;
}

export interface Uncertainty {
  /** Field path → its range. An input not listed is fixed at the scenario's value. */
  ranges: Record<string, DistributionSpec>;
  correlations: Correlation[];
  simulation: Simulation;
}

export const MAX_PATHS = 1_000_000;
export const DEFAULT_SIMULATION: Simulation = {paths: 100_000, seed: 1};
export const NO_UNCERTAINTY: Uncertainty = {ranges: {}, correlations: [], simulation: DEFAULT_SIMULATION};

/** A scenario's path count and seed (the defaults when it carries no uncertainty). */
export function simulationOf(scenario: {uncertainty?: Uncertainty}): Simulation {
  return (scenario.uncertainty ?? NO_UNCERTAINTY).simulation;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * The field a range may be put on: a number input; the reason otherwise. A whole-number setting (the
 * target year, the reinvestment lag) is a choice to compare, not a quantity to draw: a draw of 2027.4
 * or of a 0.4-year lag means nothing, so it is refused rather than rounded or silently ignored.
 */
function uncertainField(path: string): {min?: number; max?: number} | string {
  const spec = fieldSpec(path);
  if (!spec) return "unknown field";
  if (spec.kind === "integer") return `a whole-number setting (${spec.label.toLowerCase()}) cannot carry a range: set each value in turn and compare`;
  if (spec.kind !== "number") return `a ${spec.kind} input cannot carry a range; only numbers can`;
  return {min: spec.min, max: spec.max};
}

/** Whether the input at `path` can carry a range (a number input, not a whole-number setting). */
export function canCarryRange(path: string): boolean {
  return typeof uncertainField(path) !== "string";
}

/**
 * The range offered for an input that has none yet: uniform over 25% either side of its value, kept
 * within the input's plausible range when the value lies in it (HK$7.7–7.9 per US$ for the pegged
 * rate, not 5.85–9.75), or over the plausible range when the value is 0; cut to the field's hard
 * limits, and to four significant figures so a page and a link show it short.
 */
export function suggestedRange(path: string, value: number): DistributionSpec {
  const field = uncertainField(path);
  const {min = -Infinity, max = Infinity} = typeof field === "string" ? {} : field;
  const short = (x: number) => Number(x.toPrecision(4));
  const [plausibleLow, plausibleHigh] = plausibleRange(path) ?? [min, max];
  let [low, high] = value !== 0 ? [value - 0.25 * Math.abs(value), value + 0.25 * Math.abs(value)] : [plausibleLow, plausibleHigh];
  if (value >= plausibleLow && value <= plausibleHigh) [low, high] = [Math.max(low, plausibleLow), Math.min(high, plausibleHigh)];
  return {distribution: "uniform", low: short(Math.max(min, low)), high: short(Math.min(max, high))};
}

/**
 * Why `spec` cannot be the range of the input at `path` (unknown field, not a number, a bad range);
 * null when it can. With `spec` null, only whether the input can carry a range at all.
 */
function rangeProblem(path: string, spec: unknown): string | null {
  const field = uncertainField(path);
  return typeof field === "string" ? field : spec === null ? null : validateDistribution(spec, field);
}

/** Ranges keyed by path, each checked against its field's hard limits. */
export function parseRanges(raw: unknown, issues: FieldIssue[]): Record<string, DistributionSpec> {
  const ranges: Record<string, DistributionSpec> = {};
  if (!isObject(raw)) {
    issues.push({field: "uncertainty", value: describeValue(raw), reason: 'must be an object of ranges by field, e.g. {"minimax.burnNow": {"distribution": "uniform", "low": 20, "high": 40}}'});
    return ranges;
  }
  for (const [path, spec] of Object.entries(raw)) {
    const problem = rangeProblem(path, spec);
    if (problem) issues.push({field: `uncertainty.${path}`, value: fieldSpec(path) ? describeValue(spec) : "", reason: problem});
    else ranges[path] = {...(spec as DistributionSpec)};
  }
  return ranges;
}

/**
 * Correlations between inputs that carry ranges. Each entry is checked on its own (known, uncertain,
 * distinct fields; ρ in [−1, 1]; each pair once); then the matrix they make must be positive
 * semi-definite, or it is repaired to the nearest one that is, with a notice saying by how much.
 */
export function parseCorrelations(raw: unknown, ranges: Record<string, DistributionSpec>, issues: FieldIssue[]): Correlation[] {
  if (!Array.isArray(raw)) {
    issues.push({field: "correlations", value: describeValue(raw), reason: 'must be a list of [field, field, correlation], e.g. [["zhipu.growthStart", "zhipu.grossMarginTarget", 0.4]]'});
    return [];
  }
  const kept: Correlation[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, i) => {
    const field = `correlations[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== "string" || typeof entry[1] !== "string") {
      issues.push({field, value: describeValue(entry), reason: "must be [field, field, correlation]"});
      return;
    }
    const [a, b, rho] = entry as [string, string, unknown];
    for (const path of [a, b]) {
      if (!(path in ranges)) {
        issues.push({field, value: describeValue(entry), reason: fieldSpec(path) ? `${path} has no range (a fixed input cannot be correlated)` : `${path} is not a field`});
        return;
      }
    }
    if (a === b) return void issues.push({field, value: describeValue(entry), reason: "an input cannot be correlated with itself"});
    if (typeof rho !== "number" || !Number.isFinite(rho) || rho < -1 || rho > 1) return void issues.push({field, value: describeValue(entry), reason: "the correlation must be a number between −1 and 1"});
    const pair = [a, b].sort().join(" ");
    if (seen.has(pair)) return void issues.push({field, value: describeValue(entry), reason: `${a} and ${b} are already correlated by an earlier entry`});
    seen.add(pair);
    kept.push([a, b, rho]);
  });
  return repairIfNeeded(kept, issues);
}

/** The correlation matrix over the inputs the correlations name, in first-named order. */
export function correlationMatrix(correlations: readonly Correlation[]): {paths: string[]; matrix: number[][]} {
  const paths = [...new Set(correlations.flatMap(([a, b]) => [a, b]))];
  const index = new Map(paths.map((p, i) => [p, i]));
  const matrix: number[][] = paths.map((_, i) => paths.map((__, j) => (i === j ? 1 : 0)));
  for (const [a, b, rho] of correlations) {
    matrix[index.get(a)!]![index.get(b)!] = rho;
    matrix[index.get(b)!]![index.get(a)!] = rho;
  }
  return {paths, matrix};
}

function repairIfNeeded(correlations: Correlation[], issues: FieldIssue[]): Correlation[] {
  if (correlations.length === 0) return correlations;
  const {paths, matrix} = correlationMatrix(correlations);
  const problem = correlationProblem(matrix, paths);
  if (problem === null) return correlations;
  const repaired = nearestCorrelation(matrix);
  // Shrunk toward independence by n × 10⁻⁴ and rounded to four decimals, so a link shows 0.4999 and not
  // 0.5000000000000002: the smallest eigenvalue is then at least n × 10⁻⁴ − (n − 1) × 0.5 × 10⁻⁴ > 0
  // (Weyl's inequality), and the list is still valid.
  const shrink = 1 - paths.length * 1e-4;
  const rho = (i: number, j: number) => Math.round(repaired.matrix[i]![j]! * shrink * 1e4) / 1e4;
  const index = new Map(paths.map((p, i) => [p, i]));
  const out: Correlation[] = correlations.map(([a, b]) => [a, b, rho(index.get(a)!, index.get(b)!)]);
  // A pair the list left out is 0; the repair may have to move it too, and then it joins the list.
  const listed = new Set(correlations.map(([a, b]) => [a, b].sort().join(" ")));
  const added: Correlation[] = [];
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      if (rho(i, j) !== 0 && !listed.has([paths[i]!, paths[j]!].sort().join(" "))) added.push([paths[i]!, paths[j]!, rho(i, j)]);
    }
  }
  const adding = added.length ? ` and adding ${added.map(([a, b, r]) => `${a} with ${b} at ${r}`).join(", ")} (left out, so 0)` : "";
  issues.push({field: "correlations", value: "", reason: `${problem}; repaired to the nearest valid set, changing each correlation by at most ${formatNumber(repaired.largestChange, 2)}${adding}`});
  return [...out, ...added];
}

/** Path count and seed: whole numbers, paths in 1…1,000,000, seed ≥ 0. */
export function parseSimulation(raw: unknown, fallback: Simulation, issues: FieldIssue[]): Simulation {
  if (!isObject(raw)) {
    issues.push({field: "simulation", value: describeValue(raw), reason: 'must be an object such as {"paths": 100000, "seed": 1}'});
    return fallback;
  }
  const simulation = {...fallback};
  for (const key of Object.keys(raw)) if (key !== "paths" && key !== "seed") issues.push({field: `simulation.${key}`, value: "", reason: "unknown field (paths or seed)"});
  if (raw.paths !== undefined) {
    const problem = pathsProblem(raw.paths);
    if (problem) issues.push({field: "simulation.paths", value: describeValue(raw.paths), reason: problem});
    else simulation.paths = raw.paths as number;
  }
  if (raw.seed !== undefined) {
    const problem = seedProblem(raw.seed);
    if (problem) issues.push({field: "simulation.seed", value: describeValue(raw.seed), reason: problem});
    else simulation.seed = raw.seed as number;
  }
  return simulation;
}

/** A whole number written in digits only ("100000"; not "1e5" or "100000.0"), or NaN. */
export function parseWholeNumber(text: string): number {
  return /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
}

export function pathsProblem(paths: unknown): string | null {
  if (typeof paths !== "number" || !Number.isInteger(paths) || paths < 1) return "must be a whole number of paths, at least 1";
  if (paths > MAX_PATHS) return `at most ${MAX_PATHS.toLocaleString("en-US")} paths`;
  return null;
}

export function seedProblem(seed: unknown): string | null {
  return typeof seed === "number" && Number.isSafeInteger(seed) && seed >= 0 ? null : "must be a non-negative whole number (up to 2^53 − 1)";
}

/**
 * A file's uncertainty parts over `fallback` (the preset's): a file's `uncertainty` replaces the
 * preset's ranges entirely (`{}`: nothing is uncertain), and with them the correlations unless the
 * file gives its own; `simulation` overrides paths and seed one by one.
 */
export function resolveUncertainty(file: {uncertainty?: unknown; correlations?: unknown; simulation?: unknown}, fallback: Uncertainty, issues: FieldIssue[]): Uncertainty {
  const ranges = file.uncertainty === undefined ? fallback.ranges : parseRanges(file.uncertainty, issues);
  const correlations = file.correlations !== undefined ? parseCorrelations(file.correlations, ranges, issues) : file.uncertainty === undefined ? fallback.correlations : [];
  const simulation = file.simulation === undefined ? fallback.simulation : parseSimulation(file.simulation, fallback.simulation, issues);
  return {ranges, correlations, simulation};
}

// --- What a firm's simulation draws -----------------------------------------------------------------

/** What these read of a scenario (schema.ts's Scenario, named structurally: schema.ts imports this module). */
type ScenarioShape = {firms: Readonly<Record<FirmId, unknown>>; market: unknown; uncertainty?: Uncertainty};

/** The uncertain inputs one firm's simulation draws: its own and the market's, sorted. */
export function firmInputPaths(scenario: ScenarioShape, firm: FirmId): string[] {
  const ranges = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  return Object.keys(ranges)
    .filter((path) => firmOfPath(path) === firm || path.startsWith("market."))
    .sort();
}

/**
 * What one firm's simulation depends on, as text: two scenarios with the same key give the firm the
 * same paths and answers, bit for bit. That is its inputs and the exchange rates; where each of its
 * ranges sits in the seeded stream (every uncertain input of the scenario, sorted: drawInputs); its
 * ranges and the correlations among them; and the path count and seed. A page re-simulates only the
 * firms whose key moved (an edit of Zhipu's burn range leaves MiniMax's numbers as they are).
 */
export function firmSimulationKey(scenario: ScenarioShape, firm: FirmId, paths: number, seed: number): string {
  const uncertainty = scenario.uncertainty ?? NO_UNCERTAINTY;
  const wanted = firmInputPaths(scenario, firm);
  const correlations = uncertainty.correlations.filter(([a, b]) => wanted.includes(a) && wanted.includes(b));
  const parts = [scenario.firms[firm], scenario.market, Object.keys(uncertainty.ranges).sort(), wanted.map((path) => uncertainty.ranges[path]), correlations, paths, seed];
  // −0 is not 0 to the engine (a division by it), so the key tells them apart.
  return JSON.stringify(parts, (_, value: unknown) => (Object.is(value, -0) ? "-0" : value));
}

// --- Share links ----------------------------------------------------------------------------------
// Readable parameters, only where the scenario differs from its preset:
//   range.minimax.burnNow=uniform(20,40)   a range (range.<path>=fixed removes the preset's)
//   corr=zhipu.growthStart,zhipu.grossMarginTarget,0.4;…   all correlations (corr=none: none)
//   paths=100000&seed=7

export const RANGE_PREFIX = "range.";
export const CORRELATION_PARAM = "corr";
export const PATHS_PARAM = "paths";
export const SEED_PARAM = "seed";
const FIXED = "fixed";
const NONE = "none";
/** A correlation list is at most this long in a link (50 pairs of long field names fit). */
const MAX_CORRELATION_CHARS = 4000;

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A range in its field's unit, as tables show it: "pert(65%, 130%, 160%)", "uniform(137, 300)". */
export function describeRange(spec: DistributionSpec, unit: Unit): string {
  const rate = unit === "fraction" || unit === "fractionPerYear";
  const values = DISTRIBUTION_PARAMETERS[spec.distribution].map((key) => (spec as unknown as Record<string, number>)[key]!);
  return `${spec.distribution}(${values.map((v) => (rate ? formatPercent(v) : formatNumber(v, 4))).join(", ")})`;
}

/** "uniform(20,40)": a range as a link writes it. */
export function formatRange(spec: DistributionSpec): string {
  const values = DISTRIBUTION_PARAMETERS[spec.distribution].map((key) => String((spec as unknown as Record<string, number>)[key]));
  return `${spec.distribution}(${values.join(",")})`;
}

/** A range in a link is short ("triangular(0.6,1.3,2.2)"); a longer one is refused before parsing. */
const MAX_RANGE_CHARS = 200;

/** Reads "uniform(20,40)" back into a spec (unchecked: validateDistribution checks it), or says why not. */
export function parseRangeText(text: string): DistributionSpec | string {
  if (text.length > MAX_RANGE_CHARS) return `is ${text.length.toLocaleString("en-US")} characters long; a range has at most ${MAX_RANGE_CHARS}`;
  const match = /^([a-z]+)\(([^()]*)\)$/.exec(text.trim());
  if (!match) return 'must be written like uniform(20,40) or triangular(0.6,1.3,2.2)';
  const name = match[1]! as keyof typeof DISTRIBUTION_PARAMETERS;
  const keys = DISTRIBUTION_PARAMETERS[name];
  if (!keys) return `unknown distribution "${match[1]}": use ${Object.keys(DISTRIBUTION_PARAMETERS).join(", ")}`;
  const args = match[2]!.split(",").map((a) => a.trim());
  if (args.length !== keys.length) return `${name} takes ${keys.length} numbers (${keys.join(", ")}), not ${args.length}`;
  if (!args.every((a) => NUMBER.test(a))) return `${name}'s parameters must be numbers`;
  return {distribution: name, ...Object.fromEntries(keys.map((k, i) => [k, Number(args[i])]))} as DistributionSpec;
}

/** "a,b,0.4;c,d,-0.2" as entries for parseCorrelations ("none": no entries); entries that are not three parts stay as they are, to be refused. */
export function parseCorrelationText(text: string): unknown[] {
  if (text === NONE) return [];
  return text.split(";").map((e) => {
    const parts = e.split(",").map((x) => x.trim());
    return parts.length === 3 && NUMBER.test(parts[2]!) ? [parts[0], parts[1], Number(parts[2])] : parts;
  });
}

/** Whether two ranges are the same (as a link writes them), or both absent. */
export const sameRange = (a: DistributionSpec | undefined, b: DistributionSpec | undefined) => (a === undefined || b === undefined ? a === b : formatRange(a) === formatRange(b));
/** "a,b,0.4;c,d,-0.2": correlations as a link writes them ("none" for none). */
export const formatCorrelations = (list: readonly Correlation[]): string => (list.length ? list.map(([a, b, rho]) => `${a},${b},${rho}`).join(";") : NONE);

/** The link parameters that take `preset`'s uncertainty to `scenario`'s. */
export function encodeUncertainty(preset: Uncertainty, scenario: Uncertainty): [string, string][] {
  const params: [string, string][] = [];
  for (const path of new Set([...Object.keys(preset.ranges), ...Object.keys(scenario.ranges)])) {
    const range = scenario.ranges[path];
    if (!sameRange(preset.ranges[path], range)) params.push([`${RANGE_PREFIX}${path}`, range ? formatRange(range) : FIXED]);
  }
  if (formatCorrelations(preset.correlations) !== formatCorrelations(scenario.correlations)) params.push([CORRELATION_PARAM, formatCorrelations(scenario.correlations)]);
  if (preset.simulation.paths !== scenario.simulation.paths) params.push([PATHS_PARAM, String(scenario.simulation.paths)]);
  if (preset.simulation.seed !== scenario.simulation.seed) params.push([SEED_PARAM, String(scenario.simulation.seed)]);
  return params;
}

/** Whether a link parameter belongs to the uncertainty (and not to a field). */
export function isUncertaintyParam(key: string): boolean {
  return key.startsWith(RANGE_PREFIX) || key === CORRELATION_PARAM || key === PATHS_PARAM || key === SEED_PARAM;
}

/**
 * The uncertainty a link asks for, over its preset's: each range parameter changes one range, `corr`
 * replaces the correlations, `paths` and `seed` the simulation. Bad parts are refused with reasons.
 */
export function decodeUncertainty(values: ReadonlyMap<string, string>, preset: Uncertainty, issues: FieldIssue[]): Uncertainty {
  // Each range parameter changes one range; a refused one leaves the preset's in place.
  const checked: Record<string, DistributionSpec> = {...preset.ranges};
  for (const [key, text] of values) {
    if (!key.startsWith(RANGE_PREFIX)) continue;
    const path = key.slice(RANGE_PREFIX.length);
    const spec = text === FIXED ? null : parseRangeText(text);
    const problem = rangeProblem(path, null) ?? (typeof spec === "string" ? spec : rangeProblem(path, spec));
    if (problem !== null) issues.push({field: key, value: text, reason: problem});
    else if (spec === null) delete checked[path];
    else checked[path] = spec as DistributionSpec;
  }
  let correlations: Correlation[];
  const corr = values.get(CORRELATION_PARAM);
  if (corr === undefined) {
    // An input the link fixes takes its correlations with it: they have nothing left to correlate.
    correlations = preset.correlations.filter(([a, b]) => a in checked && b in checked);
  } else if (corr.length > MAX_CORRELATION_CHARS) {
    issues.push({field: CORRELATION_PARAM, value: corr, reason: `is ${corr.length.toLocaleString("en-US")} characters long; at most ${MAX_CORRELATION_CHARS.toLocaleString("en-US")}`});
    correlations = preset.correlations.filter(([a, b]) => a in checked && b in checked);
  } else if (corr === "") {
    issues.push({field: CORRELATION_PARAM, value: "", reason: "is empty: write corr=none for no correlations"});
    correlations = preset.correlations.filter(([a, b]) => a in checked && b in checked);
  } else {
    const listIssues: FieldIssue[] = [];
    const entries = parseCorrelationText(corr);
    correlations = parseCorrelations(entries, checked, listIssues);
    // Nothing usable in it: the parameter is refused as a whole, and the preset's correlations stay.
    if (entries.length > 0 && correlations.length === 0) correlations = preset.correlations.filter(([a, b]) => a in checked && b in checked);
    // One notice for the parameter, naming each refused entry.
    if (listIssues.length) issues.push({field: CORRELATION_PARAM, value: corr, reason: listIssues.map((i) => `${i.field.replace(/^correlations\[(\d+)\]$/, (_, n) => `entry ${Number(n) + 1}`)}: ${i.reason}`).join("; ")});
  }
  const simulation = {...preset.simulation};
  for (const [param, key, problem] of [[PATHS_PARAM, "paths", pathsProblem], [SEED_PARAM, "seed", seedProblem]] as const) {
    const text = values.get(param);
    if (text === undefined) continue;
    const value = parseWholeNumber(text);
    const reason = problem(value);
    if (reason) issues.push({field: param, value: text, reason});
    else simulation[key] = value;
  }
  return {ranges: checked, correlations, simulation};
}

// --- Scenario files -------------------------------------------------------------------------------

/**
 * The `uncertainty`, `correlations` and `simulation` of a scenario file that, read over `preset`'s,
 * give `scenario`'s: nothing where they are the preset's. A file's ranges replace the preset's
 * entirely, so when any range or correlation differs, all of them are written.
 */
export function uncertaintyFile(preset: Uncertainty, scenario: Uncertainty): {uncertainty?: Record<string, DistributionSpec>; correlations?: Correlation[]; simulation?: Simulation} {
  const out: {uncertainty?: Record<string, DistributionSpec>; correlations?: Correlation[]; simulation?: Simulation} = {};
  const paths = new Set([...Object.keys(preset.ranges), ...Object.keys(scenario.ranges)]);
  const rangesDiffer = [...paths].some((path) => !sameRange(preset.ranges[path], scenario.ranges[path]));
  if (rangesDiffer || formatCorrelations(preset.correlations) !== formatCorrelations(scenario.correlations)) {
    out.uncertainty = Object.fromEntries(Object.entries(scenario.ranges).map(([path, spec]) => [path, {...spec}]));
    out.correlations = scenario.correlations.map(([a, b, rho]) => [a, b, rho]);
  }
  if (preset.simulation.paths !== scenario.simulation.paths || preset.simulation.seed !== scenario.simulation.seed) out.simulation = {...scenario.simulation};
  return out;
}

// --- Ranges that follow a scenario's values ---------------------------------------------------------

/**
 * `spec` moved with its input from `from` to `to`, keeping its shape: every parameter shifts by
 * to − from, so the value keeps its place in the range (the base case's burn sits at the top of
 * its sourced range, and a lower burn at the top of the range moved down). A lognormal, whose low
 * must stay above zero, is scaled by to ÷ from instead, keeping its ratio of high to low; it stays
 * as it is when it cannot be (from or to ≤ 0).
 *
 * @example movedRange({distribution: "uniform", low: 136.7, high: 300}, 300, 250) // uniform(86.7, 250)
 */
export function movedRange(spec: DistributionSpec, from: number, to: number): DistributionSpec {
  if (to === from) return spec;
  if (spec.distribution === "lognormal") return from > 0 && to > 0 ? {...spec, low: withoutBinaryNoise((spec.low * to) / from), high: withoutBinaryNoise((spec.high * to) / from)} : spec;
  const shift = to - from;
  if (spec.distribution === "triangular" || spec.distribution === "pert") return {...spec, low: withoutBinaryNoise(spec.low + shift), mode: withoutBinaryNoise(spec.mode + shift), high: withoutBinaryNoise(spec.high + shift)};
  return {...spec, low: withoutBinaryNoise(spec.low + shift), high: withoutBinaryNoise(spec.high + shift)};
}

/** Whether `range` is `standard` moved with its input from `baseValue` to `value` (see movedRange): a default that follows the scenario. */
export function followsValue(standard: DistributionSpec, range: DistributionSpec, baseValue: unknown, value: unknown): boolean {
  return typeof value === "number" && typeof baseValue === "number" && sameRange(movedRange(standard, baseValue, value), range);
}

/**
 * The default ranges as a scenario inherits them: each range on an input the scenario sets apart from
 * the base case moves with it (see movedRange), so that a bear case is simulated around its own story
 * and not the base's. A moved range that no longer fits its field is left where it was.
 */
export function rangesFollowing(ranges: Record<string, DistributionSpec>, baseValue: (path: string) => unknown, scenarioValue: (path: string) => unknown): Record<string, DistributionSpec> {
  const out: Record<string, DistributionSpec> = {};
  for (const [path, spec] of Object.entries(ranges)) {
    const [from, to] = [baseValue(path), scenarioValue(path)];
    const moved = typeof from === "number" && typeof to === "number" ? movedRange(spec, from, to) : spec;
    const field = uncertainField(path);
    out[path] = typeof field !== "string" && validateDistribution(moved, field) === null ? moved : spec;
  }
  return out;
}
