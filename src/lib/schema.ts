// The scenario schema and its one validation path: pages, scenario files, share links and the
// command-line runner all check values here. The fields themselves are declared in fields.ts.
import {isIsoDate} from "./dates.js";
import {allFieldPaths, fieldSpec, firmOfPath, type FieldSpec, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {formatNumber} from "./format.js";
import {describeValue, type FieldIssue} from "./issues.js";
import type {Uncertainty} from "./uncertainty.js";
import {openingCashCosts} from "./projection.js";

/** The scenario schema's version: files, links and the runner write this one; older files are migrated (see scenarios.ts). */
export const SCENARIO_VERSION = 2;

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  title: string;
  description: string;
  /** Who wrote the scenario, and when (YYYY-MM-DD): shown on its published page (version 2). */
  author?: string;
  date?: string;
  /** Why the scenario sets a field as it does, by field path (version 2). */
  notes?: Record<string, string>;
  firms: Record<FirmId, FirmInputs>;
  market: MarketInputs;
  /** Which inputs are uncertain, how they move together, and how to simulate; none when absent. */
  uncertainty?: Uncertainty;
}

/** The longest text any field's value can need (a number, a date, a choice), with a wide margin. */
export const MAX_VALUE_CHARS = 100;

// Unambiguous (no two adjacent digit runs can share a digit), so a long run of digits that fails at
// the end is rejected in time linear in its length, not quadratic.
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Checks one value against its field, from JSON (typed) or from a URL or the command line (text).
 * Returns the typed value, or the reason it is refused.
 */
export function checkValue(spec: FieldSpec, raw: unknown): {ok: true; value: FieldValue} | {ok: false; reason: string} {
  // No field's value is longer than this; a longer one is refused before any parsing.
  if (typeof raw === "string" && raw.length > MAX_VALUE_CHARS) return {ok: false, reason: `is ${raw.length.toLocaleString("en-US")} characters long; a value has at most ${MAX_VALUE_CHARS}`};
  switch (spec.kind) {
    case "boolean": {
      if (typeof raw === "boolean") return {ok: true, value: raw};
      if (raw === "true" || raw === "false") return {ok: true, value: raw === "true"};
      return {ok: false, reason: "must be true or false"};
    }
    case "date": {
      if (isIsoDate(raw)) return {ok: true, value: raw};
      return {ok: false, reason: "must be a date written YYYY-MM-DD"};
    }
    case "enum": {
      const values = spec.values ?? [];
      if (typeof raw === "string" && values.includes(raw)) return {ok: true, value: raw};
      return {ok: false, reason: `must be one of ${values.join(", ")}`};
    }
    case "number":
    case "integer": {
      let value: number;
      if (typeof raw === "number") value = raw;
      else if (typeof raw === "string" && DECIMAL.test(raw.trim())) value = Number(raw.trim());
      else return {ok: false, reason: "must be a number"};
      if (!Number.isFinite(value)) return {ok: false, reason: "must be a finite number"};
      if (spec.kind === "integer" && !Number.isInteger(value)) return {ok: false, reason: "must be a whole number"};
      const {min = -Infinity, max = Infinity} = spec;
      if (value < min || value > max) return {ok: false, reason: `must be between ${min} and ${max}`};
      return {ok: true, value: value === 0 ? 0 : value}; // −0 is 0 (a link writes both as "0")
    }
  }
}

/** What the model needs to hold together beyond each field's own range; null when consistent. */
export function firmConsistencyProblem(firm: FirmInputs): {field: keyof FirmInputs; reason: string} | null {
  if (openingCashCosts(firm) < 0) {
    const grossLoss = firm.burnNow - openingCashCosts(firm);
    return {field: "burnNow", reason: `cash costs would be negative: burn must be at least the monthly gross loss (${formatNumber(grossLoss, 4)} million a month)`};
  }
  if (firm.laterRaise > 0 && firm.laterRaiseDate <= firm.baselineDate) {
    return {field: "laterRaiseDate", reason: "a later raise must come after the baseline date"};
  }
  if (!(firm.terminalGrowth < firm.terminalCostOfCapital)) {
    return {field: "terminalGrowth", reason: "growth after year 10 must be below the cost of capital after year 10"};
  }
  if (!(firm.terminalGrowth < firm.terminalReturnOnCapital)) {
    return {field: "terminalGrowth", reason: "growth after year 10 must be below the return on capital after year 10 (reinvestment would exceed income)"};
  }
  return null;
}

/** The fields firmConsistencyProblem reads: only overrides of these can make a firm inconsistent. */
export const CONSISTENCY_FIELDS: readonly (keyof FirmInputs)[] = ["burnNow", "revenueRunRate", "grossMarginNow", "laterRaise", "laterRaiseDate", "baselineDate", "terminalGrowth", "terminalCostOfCapital", "terminalReturnOnCapital"];

/** An override of one field: its path and raw value (text from a URL, or JSON). */
export type Override = [path: string, raw: unknown];

/**
 * Applies overrides to a complete scenario, keeping every valid one and reporting each refused one
 * with its reason. Never throws; never evaluates anything. The result does not depend on the order
 * of the overrides: a firm takes all of its valid overrides when they fit together, and otherwise
 * the largest set of them that does (see consistentOverrides for the tie-break).
 */
export function applyOverrides(scenario: Scenario, overrides: Iterable<Override>): {scenario: Scenario; issues: FieldIssue[]} {
  const next = cloneScenario(scenario);
  const issues: FieldIssue[] = [];
  const byFirm = new Map<FirmId, [key: string, value: FieldValue, path: string, shown: string][]>();
  for (const [path, raw] of overrides) {
    const shown = describeValue(raw);
    const spec = fieldSpec(path);
    if (!spec) {
      issues.push({field: path, value: shown, reason: "unknown field"});
      continue;
    }
    const checked = checkValue(spec, raw);
    if (!checked.ok) {
      issues.push({field: path, value: shown, reason: checked.reason});
      continue;
    }
    const firmId = firmOfPath(path);
    if (firmId === null) fieldsOf(next.market)[spec.key] = checked.value;
    else {
      const list = byFirm.get(firmId) ?? [];
      list.push([spec.key, checked.value, path, shown]);
      byFirm.set(firmId, list);
    }
  }
  for (const [firmId, list] of byFirm) {
    const kept = consistentOverrides(next.firms[firmId], list);
    const firm = {...next.firms[firmId]};
    for (const [key, value] of kept.applied) fieldsOf(firm)[key] = value;
    next.firms[firmId] = firm;
    issues.push(...kept.refused);
  }
  return {scenario: next, issues};
}

type FirmOverride = [key: string, value: FieldValue, path: string, shown: string];

/**
 * The overrides of one firm to apply, decided independently of their order: all of them when they
 * fit together; otherwise the largest set that does. Only overrides of CONSISTENCY_FIELDS can
 * conflict, so at most 2⁹ sets are tried. Ties go to the set that keeps the fields declared earliest
 * (it drops the ones declared last). Each refused override names the kept ones it conflicts with.
 */
function consistentOverrides(base: FirmInputs, list: readonly FirmOverride[]): {applied: FirmOverride[]; refused: FieldIssue[]} {
  // The last value given for a field is the one meant (a file cannot repeat a key; links refuse repeats).
  const byKey = new Map(list.map((o) => [o[0], o]));
  const overrides = [...byKey.values()];
  const with_ = (chosen: readonly FirmOverride[]) => {
    const firm = {...base};
    for (const [key, value] of chosen) fieldsOf(firm)[key] = value;
    return firm;
  };
  if (!firmConsistencyProblem(with_(overrides))) return {applied: overrides, refused: []};
  const order = (o: FirmOverride) => CONSISTENCY_FIELDS.indexOf(o[0] as keyof FirmInputs);
  const free = overrides.filter((o) => order(o) < 0);
  const bound = overrides.filter((o) => order(o) >= 0).sort((a, b) => order(a) - order(b));
  let best: FirmOverride[] = [];
  let bestScore = -1;
  for (let mask = 0; mask < 1 << bound.length; mask++) {
    const chosen = bound.filter((_, i) => mask & (1 << (bound.length - 1 - i)));
    // Score: more fields first; among equals, the earliest-declared fields (a higher mask keeps earlier ones).
    const score = chosen.length * (1 << bound.length) + mask;
    if (score > bestScore && !firmConsistencyProblem(with_([...free, ...chosen]))) {
      best = chosen;
      bestScore = score;
    }
  }
  const applied = [...free, ...best];
  const refused = bound
    .filter((o) => !best.includes(o))
    .map((override) => {
      const [, , path, shown] = override;
      const reason = firmConsistencyProblem(with_([...applied, override]))?.reason ?? "does not fit the other values";
      // The kept overrides without which this one would fit: what it conflicts with.
      const others = best.filter((k) => !firmConsistencyProblem(with_([...free, ...best.filter((x) => x !== k), override])));
      const against = others.length ? ` (conflicts with ${others.map(([, , p, v]) => `${p}=${v}`).join(", ")}, also in this input)` : "";
      return {field: path, value: shown, reason: `${reason}${against}`};
    });
  return {applied, refused};
}

export function cloneScenario(scenario: Scenario): Scenario {
  return {
    ...scenario,
    firms: {zhipu: {...scenario.firms.zhipu}, minimax: {...scenario.firms.minimax}},
    market: {...scenario.market}
  };
}

/** A field's value: a number, a flag, a date or a choice. */
export type FieldValue = number | boolean | string;

/** Inputs as a record keyed by field name: the one place where a key from a path indexes them. */
function fieldsOf(inputs: FirmInputs | MarketInputs): Record<string, FieldValue> {
  return inputs;
}

/** Reads a field's value from a scenario by path (undefined for an unknown path). */
export function getField(scenario: Scenario, path: string): FieldValue | undefined {
  const spec = fieldSpec(path);
  if (!spec) return undefined;
  const firmId = firmOfPath(path);
  return fieldsOf(firmId === null ? scenario.market : scenario.firms[firmId])[spec.key];
}

/** The fields of `scenario` that differ from `preset`, as path/value pairs in schema order. */
export function differences(preset: Scenario, scenario: Scenario): [string, FieldValue][] {
  const out: [string, FieldValue][] = [];
  for (const path of allFieldPaths()) {
    const a = getField(preset, path);
    const b = getField(scenario, path);
    if (a !== b && b !== undefined) out.push([path, b]);
  }
  return out;
}
