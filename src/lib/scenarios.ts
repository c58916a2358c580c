// Baseline inputs with their provenance, and named scenarios as overrides of the baseline.
import {FIRMS, FIRM_CURRENCY, FIRM_FIELDS, MARKET_FIELDS, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {applyOverrides, checkValue, differences, firmConsistencyProblem, getField, SCENARIO_VERSION, type FieldValue, type Override, type Scenario} from "./schema.js";
import {isIsoDate} from "./dates.js";
import {describeValue, type FieldIssue} from "./issues.js";
import {fieldSpec} from "./fields.js";
import {NO_UNCERTAINTY, rangesFollowing, resolveUncertainty, uncertaintyFile, type Uncertainty} from "./uncertainty.js";

export type Basis = "fact" | "derived" | "assumption";

/** Where an input's baseline value comes from. */
export interface Provenance {
  basis: Basis;
  facts: string[];
  formula?: string;
  note: string;
}

export interface Baseline {
  scenario: Scenario;
  /** Keyed by field path, e.g. "minimax.cashNow". */
  provenance: Record<string, Provenance & {value: unknown}>;
  /** Why each default range is what it is, keyed by field path; and why the correlations. */
  rangeProvenance: Record<string, RangeProvenance>;
  correlationRationale: string;
}

/** Where a default range comes from: the articles (facts) or a one-line rationale. */
export interface RangeProvenance {
  basis: "fact" | "assumption";
  facts: string[];
  rationale: string;
}

/** A scenario as written in data/scenarios/*.json: a name, words, and overrides of the baseline. */
export interface ScenarioFile extends Pick<Scenario, "version" | "name" | "title" | "description" | "author" | "date" | "notes"> {
  firms?: Partial<Record<FirmId, Record<string, unknown>>>;
  market?: Record<string, unknown>;
  /** Ranges by field path (replacing the preset's entirely), rank correlations, paths and seed. */
  uncertainty?: Record<string, unknown>;
  correlations?: unknown[];
  simulation?: {paths?: number; seed?: number};
}

/** The longest text each header field may hold: a page shows them whole. */
export const TEXT_LIMITS = {name: 64, title: 120, author: 120, description: 4000, note: 500} as const;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Parses data/uncertainty.json, the default ranges every preset carries: each range with its basis,
 * facts and rationale; any problem is returned (a loader fails the build on it).
 */
export function parseDefaultUncertainty(json: unknown): {uncertainty: Uncertainty; provenance: Record<string, RangeProvenance>; correlationRationale: string; problems: string[]} {
  const problems: string[] = [];
  const provenance: Record<string, RangeProvenance> = {};
  const none = {uncertainty: NO_UNCERTAINTY, provenance, correlationRationale: "", problems};
  if (!isObject(json) || json.version !== 1) return {...none, problems: ["uncertainty: version must be 1"]};
  const specs: Record<string, unknown> = {};
  for (const [path, entry] of Object.entries(isObject(json.ranges) ? json.ranges : {})) {
    if (!isObject(entry)) {
      problems.push(`uncertainty.${path}: must be an object`);
      continue;
    }
    const {basis, facts, rationale, ...spec} = entry;
    if (basis !== "fact" && basis !== "assumption") problems.push(`uncertainty.${path}: basis must be fact or assumption`);
    if (!Array.isArray(facts) || !facts.every((f) => typeof f === "string")) problems.push(`uncertainty.${path}: facts must be a list of fact ids`);
    else if (basis === "fact" && facts.length === 0) problems.push(`uncertainty.${path}: a range from the articles must name its facts`);
    if (typeof rationale !== "string" || !rationale) problems.push(`uncertainty.${path}: a rationale is required`);
    provenance[path] = {basis: basis as RangeProvenance["basis"], facts: Array.isArray(facts) ? (facts as string[]) : [], rationale: String(rationale)};
    specs[path] = spec;
  }
  const issues: FieldIssue[] = [];
  const uncertainty = resolveUncertainty({uncertainty: specs, correlations: json.correlations ?? [], simulation: json.simulation ?? {}}, NO_UNCERTAINTY, issues);
  problems.push(...issues.map((i) => `${i.field}: ${i.reason}`));
  if (typeof json.correlationRationale !== "string") problems.push("uncertainty.correlationRationale: the correlations need a rationale");
  return {uncertainty, provenance, correlationRationale: String(json.correlationRationale ?? ""), problems};
}

/** Parses data/baseline.json; any problem is returned (a loader fails the build on it). */
export function parseBaseline(json: unknown, uncertaintyJson?: unknown): {baseline: Baseline | null; problems: string[]} {
  const problems: string[] = [];
  if (!isObject(json) || json.version !== 1) return {baseline: null, problems: ["baseline: version must be 1"]};
  const provenance: Baseline["provenance"] = {};
  // Reads one input's entry; returns its checked value (undefined when missing or invalid: a problem is then recorded).
  const read = (path: string, entry: unknown, spec?: (typeof FIRM_FIELDS)[number]): FieldValue | undefined => {
    if (!isObject(entry)) return void problems.push(`${path}: missing`);
    const {value, basis, facts, note, formula} = entry;
    if (basis !== "fact" && basis !== "derived" && basis !== "assumption") problems.push(`${path}: basis must be fact, derived or assumption`);
    if (!Array.isArray(facts) || !facts.every((f) => typeof f === "string")) problems.push(`${path}: facts must be a list of fact ids`);
    else if (basis !== "assumption" && facts.length === 0) problems.push(`${path}: a ${String(basis)} value must name its facts`);
    if (typeof note !== "string" || !note) problems.push(`${path}: note (source or rationale) is required`);
    if (basis === "derived" && typeof formula !== "string") problems.push(`${path}: a derived value must give its formula`);
    provenance[path] = {value, basis: basis as Basis, facts: (facts as string[]) ?? [], note: String(note), ...(typeof formula === "string" ? {formula} : {})};
    if (!spec) return undefined;
    const checked = checkValue(spec, value);
    if (checked.ok) return checked.value;
    problems.push(`${path}: ${checked.reason}`);
    return undefined;
  };
  const firmsJson = isObject(json.firms) ? json.firms : {};
  const firms = {} as Record<FirmId, FirmInputs>;
  for (const firm of FIRMS) {
    const entries = isObject(firmsJson[firm]) ? (firmsJson[firm] as Record<string, unknown>) : {};
    for (const key of Object.keys(entries)) {
      if (key !== "currency" && !FIRM_FIELDS.some((f) => f.key === key)) problems.push(`${firm}.${key}: unknown field`);
    }
    read(`${firm}.currency`, entries.currency);
    if (isObject(entries.currency) && entries.currency.value !== FIRM_CURRENCY[firm]) problems.push(`${firm}.currency: must be ${FIRM_CURRENCY[firm]}`);
    const inputs: Record<string, FieldValue> = {};
    for (const spec of FIRM_FIELDS) {
      const value = read(`${firm}.${spec.key}`, entries[spec.key], spec);
      if (value !== undefined) inputs[spec.key] = value;
    }
    // Every declared field was read and checked above (or a problem stops the parse below).
    firms[firm] = inputs as FirmInputs;
  }
  const marketJson = isObject(json.market) ? json.market : {};
  const market: Record<string, FieldValue> = {};
  for (const spec of MARKET_FIELDS) {
    const value = read(`market.${spec.key}`, marketJson[spec.key], spec);
    if (value !== undefined) market[spec.key] = value;
  }
  if (problems.length) return {baseline: null, problems};
  for (const firm of FIRMS) {
    const problem = firmConsistencyProblem(firms[firm]);
    if (problem) problems.push(`${firm}.${problem.field}: ${problem.reason}`);
  }
  if (problems.length) return {baseline: null, problems};
  const defaults = uncertaintyJson === undefined ? null : parseDefaultUncertainty(uncertaintyJson);
  if (defaults?.problems.length) return {baseline: null, problems: defaults.problems};
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    name: "base",
    title: "Base case",
    description: "The sourced baseline.",
    firms,
    market: market as MarketInputs,
    ...(defaults ? {uncertainty: defaults.uncertainty} : {})
  };
  return {baseline: {scenario, provenance, rangeProvenance: defaults?.provenance ?? {}, correlationRationale: defaults?.correlationRationale ?? ""}, problems};
}

/** The overrides a scenario file (or a share link, or --set) asks for, as field paths. */
export function scenarioFileOverrides(file: Record<string, unknown>): {overrides: Override[]; issues: FieldIssue[]} {
  const overrides: Override[] = [];
  const issues: FieldIssue[] = [];
  const firms = file.firms;
  if (firms !== undefined) {
    if (!isObject(firms)) issues.push({field: "firms", value: describeValue(firms), reason: "must be an object keyed by firm"});
    else
      for (const [firm, fields] of Object.entries(firms)) {
        if (!(FIRMS as readonly string[]).includes(firm)) {
          issues.push({field: `firms.${firm}`, value: "", reason: `unknown firm (expected ${FIRMS.join(" or ")})`});
        } else if (!isObject(fields)) {
          issues.push({field: `firms.${firm}`, value: describeValue(fields), reason: "must be an object of fields"});
        } else for (const [key, value] of Object.entries(fields)) overrides.push([`${firm}.${key}`, value]);
      }
  }
  const market = file.market;
  if (market !== undefined) {
    if (!isObject(market)) issues.push({field: "market", value: describeValue(market), reason: "must be an object of fields"});
    else for (const [key, value] of Object.entries(market)) overrides.push([`market.${key}`, value]);
  }
  return {overrides, issues};
}

const HEADER_FIELDS = ["version", "name", "title", "description", "firms", "market", "uncertainty", "correlations", "simulation"];
/** Fields version 2 added: a version-1 file that has them says the wrong version. */
const VERSION_2_FIELDS = ["author", "date", "notes"];

/**
 * The schema version a file is written for, read as the current one: version 1 files are migrated
 * (version 2 only added the optional author, date and notes), a newer or unknown version is refused
 * with what to do. Returns the notice for a migrated file.
 */
function checkVersion(json: Record<string, unknown>, issues: FieldIssue[]): string | null {
  const v = json.version;
  if (v === SCENARIO_VERSION) return null;
  if (v === 1) {
    for (const key of VERSION_2_FIELDS) if (key in json) issues.push({field: key, value: "", reason: `is new in version 2: write "version": 2`});
    return `version 1 was read as version ${SCENARIO_VERSION} (nothing else changes): write "version": ${SCENARIO_VERSION} to silence this`;
  }
  if (v === undefined) issues.push({field: "version", value: "", reason: `is required: write "version": ${SCENARIO_VERSION}`});
  else if (typeof v === "number" && Number.isInteger(v) && v > SCENARIO_VERSION) {
    issues.push({field: "version", value: describeValue(v), reason: `is newer than this site reads (1 to ${SCENARIO_VERSION}): update the site, or rewrite the file for version ${SCENARIO_VERSION}`});
  } else issues.push({field: "version", value: describeValue(v), reason: `must be ${SCENARIO_VERSION} (or 1, which is migrated)`});
  return null;
}

/** Reads a scenario's header text field: text no longer than its limit; otherwise an issue and null. */
function headerText(json: Record<string, unknown>, key: "title" | "description" | "author", issues: FieldIssue[], required: boolean): string | null {
  const value = json[key];
  if (value === undefined && !required) return null;
  const limit = TEXT_LIMITS[key];
  if (typeof value !== "string") issues.push({field: key, value: describeValue(value), reason: "must be text"});
  else if (value.length > limit) issues.push({field: key, value: `${value.slice(0, 40)}…`, reason: `is ${value.length.toLocaleString("en-US")} characters long; at most ${limit.toLocaleString("en-US")}`});
  else if (key !== "description" && !value.trim()) issues.push({field: key, value: "", reason: "must not be empty"});
  else return value;
  return null;
}

/** Why a scenario name cannot be used (it names a file and a page: /scenarios/<name>); null when it can. */
export function scenarioNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(name)) return "must be lowercase letters, digits and dashes, starting with a letter or digit";
  if (name.length > TEXT_LIMITS.name) return `is ${name.length} characters long; at most ${TEXT_LIMITS.name}`;
  if (name === "index") return "is reserved for the list of scenarios";
  return null;
}

/** A scenario's notes: text by field path, each for a known field. */
function parseNotes(raw: unknown, issues: FieldIssue[]): Record<string, string> | null {
  if (raw === undefined) return null;
  if (!isObject(raw)) {
    issues.push({field: "notes", value: describeValue(raw), reason: 'must be an object of text by field, e.g. {"zhipu.growthStart": "why"}'});
    return null;
  }
  const notes: Record<string, string> = {};
  for (const [path, note] of Object.entries(raw)) {
    if (!fieldSpec(path)) issues.push({field: `notes.${path}`, value: "", reason: "unknown field"});
    else if (typeof note !== "string" || !note.trim()) issues.push({field: `notes.${path}`, value: describeValue(note), reason: "must be text"});
    else if (note.length > TEXT_LIMITS.note) issues.push({field: `notes.${path}`, value: `${note.slice(0, 40)}…`, reason: `is ${note.length} characters long; at most ${TEXT_LIMITS.note}`});
    else notes[path] = note;
  }
  return notes;
}

/**
 * Resolves a scenario file against the baseline: checks its header, applies its overrides,
 * keeps every valid field and reports every refused one. `notices` say what was migrated.
 */
export function resolveScenarioFile(json: unknown, base: Scenario): {scenario: Scenario; issues: FieldIssue[]; notices: string[]} {
  const issues: FieldIssue[] = [];
  if (!isObject(json)) return {scenario: base, issues: [{field: "(file)", value: "", reason: "a scenario must be a JSON object"}], notices: []};
  const migrated = checkVersion(json, issues);
  const known = new Set([...HEADER_FIELDS, ...VERSION_2_FIELDS]);
  for (const key of Object.keys(json)) if (!known.has(key)) issues.push({field: key, value: "", reason: "unknown field"});
  const nameProblem = scenarioNameProblem(json.name);
  if (nameProblem) issues.push({field: "name", value: describeValue(json.name), reason: nameProblem});
  const name = nameProblem ? null : (json.name as string);
  const title = headerText(json, "title", issues, true) ?? name ?? "Untitled scenario";
  const description = headerText(json, "description", issues, true) ?? "";
  const version2 = json.version !== 1;
  const author = version2 ? headerText(json, "author", issues, false) : null;
  let date: string | null = null;
  if (version2 && json.date !== undefined) {
    if (isIsoDate(json.date)) date = json.date;
    else issues.push({field: "date", value: describeValue(json.date), reason: "must be a date written YYYY-MM-DD"});
  }
  const notes = version2 ? parseNotes(json.notes, issues) : null;
  const {overrides, issues: shapeIssues} = scenarioFileOverrides(json);
  const applied = applyOverrides(base, overrides);
  const uncertaintyIssues: FieldIssue[] = [];
  const inherited = resolveUncertainty(json, base.uncertainty ?? NO_UNCERTAINTY, uncertaintyIssues);
  // A file without ranges of its own is simulated around its own values: the inherited ranges follow them.
  const uncertainty = json.uncertainty === undefined ? {...inherited, ranges: rangesFollowing(inherited.ranges, (path) => getField(base, path), (path) => getField(applied.scenario, path))} : inherited;
  const scenario: Scenario = {...applied.scenario, name: name ?? "custom", title, description, uncertainty};
  delete scenario.author;
  delete scenario.date;
  delete scenario.notes;
  if (author !== null) scenario.author = author;
  if (date !== null) scenario.date = date;
  if (notes !== null && Object.keys(notes).length) scenario.notes = notes;
  return {scenario, issues: [...issues, ...shapeIssues, ...applied.issues, ...uncertaintyIssues], notices: migrated ? [migrated] : []};
}

/** What a saved scenario says about itself. */
export type ScenarioHeader = Pick<Scenario, "name" | "title" | "description" | "author" | "date" | "notes">;

/**
 * The scenario file of a state: its header, the fields that differ from the baseline (`base`), and its
 * ranges, correlations and simulation where they differ from the baseline's. Resolving the file
 * against `base` gives back the same state.
 */
export function scenarioFile(scenario: Scenario, base: Scenario, header: ScenarioHeader): ScenarioFile {
  const firms: Partial<Record<FirmId, Record<string, unknown>>> = {};
  const market: Record<string, unknown> = {};
  for (const [path, value] of differences(base, scenario)) {
    const [head, key] = path.split(".") as [string, string];
    if (head === "market") market[key] = value;
    else (firms[head as FirmId] ??= {})[key] = value;
  }
  const file: ScenarioFile = {version: SCENARIO_VERSION, name: header.name, title: header.title, description: header.description};
  if (header.author) file.author = header.author;
  if (header.date) file.date = header.date;
  if (header.notes && Object.keys(header.notes).length) file.notes = header.notes;
  file.firms = firms;
  file.market = market;
  // The ranges, correlations and simulation are written where they differ from what the file would
  // otherwise resolve to (the base's, following the file's values).
  const inherited = resolveScenarioFile(file, base).scenario.uncertainty ?? NO_UNCERTAINTY;
  Object.assign(file, uncertaintyFile(inherited, scenario.uncertainty ?? NO_UNCERTAINTY));
  return file;
}

/** Resolves every preset file against the baseline; a preset with any issue is a problem. */
export function resolvePresets(base: Scenario, files: Map<string, unknown>): {presets: Map<string, Scenario>; problems: string[]; notices: string[]} {
  const presets = new Map<string, Scenario>();
  const problems: string[] = [];
  const notices: string[] = [];
  for (const [fileName, json] of files) {
    const {scenario, issues, notices: migrated} = resolveScenarioFile(json, base);
    for (const issue of issues) problems.push(`data/scenarios/${fileName}.json: ${issue.field}: ${issue.reason}`);
    for (const notice of migrated) notices.push(`data/scenarios/${fileName}.json: ${notice}`);
    if (scenario.name !== fileName) problems.push(`data/scenarios/${fileName}.json: name "${scenario.name}" must match the file name`);
    presets.set(fileName, scenario);
  }
  if (!presets.has("base")) problems.push("data/scenarios/base.json: the base preset is required");
  return {presets, problems, notices};
}
