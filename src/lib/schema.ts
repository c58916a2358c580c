// The scenario schema and its one validation path: pages, scenario files, share links and the
// command-line runner all check values here. The fields themselves are declared in fields.ts.
import {isIsoDate} from "./dates.js";
import {allFieldPaths, fieldSpec, firmOfPath, type FieldSpec, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {openingCashCosts} from "./projection.js";

export interface Scenario {
  version: 1;
  name: string;
  title: string;
  description: string;
  firms: Record<FirmId, FirmInputs>;
  market: MarketInputs;
}

// Unambiguous (no two adjacent digit runs can share a digit), so a long run of digits that fails at
// the end is rejected in time linear in its length, not quadratic.
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Checks one value against its field, from JSON (typed) or from a URL or the command line (text).
 * Returns the typed value, or the reason it is refused.
 */
export function checkValue(spec: FieldSpec, raw: unknown): {ok: true; value: FieldValue} | {ok: false; reason: string} {
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
    return {field: "burnNow", reason: `cash costs would be negative: burn must be at least the monthly gross loss (${grossLoss.toPrecision(4)})`};
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

export interface FieldIssue {
  /** The field path ("minimax.burnNow") or the name that was not understood. */
  field: string;
  /** The value as given, for the message. */
  value: string;
  reason: string;
}

/**
 * A value as given, as text for a message: strings as they are, anything else as JSON; never throws
 * (a value nested too deeply for JSON.stringify is named, not shown).
 */
export function describeValue(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (raw === undefined) return "";
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return Array.isArray(raw) ? "(an array nested too deeply to show)" : "(an object nested too deeply to show)";
  }
}

/** An override of one field: its path and raw value (text from a URL, or JSON). */
export type Override = [path: string, raw: unknown];

/**
 * Applies overrides to a complete scenario, keeping every valid one and reporting each refused one
 * with its reason. Never throws; never evaluates anything. Overrides that only make sense together
 * (say a lower terminal growth and a lower cost of capital) are judged together: a firm whose
 * overrides are consistent as a whole takes them all, whatever their order; otherwise they are
 * applied one by one and each that breaks consistency is refused.
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
    const together = {...next.firms[firmId]};
    for (const [key, value] of list) fieldsOf(together)[key] = value;
    if (!firmConsistencyProblem(together)) {
      next.firms[firmId] = together;
      continue;
    }
    const firm = next.firms[firmId];
    for (const [key, value, path, shown] of list) {
      const previous = fieldsOf(firm)[key]!;
      fieldsOf(firm)[key] = value;
      const problem = firmConsistencyProblem(firm);
      if (problem) {
        fieldsOf(firm)[key] = previous;
        issues.push({field: path, value: shown, reason: problem.reason});
      }
    }
  }
  return {scenario: next, issues};
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
