// Share links: the preset's name, the display currency when one was chosen, and only the fields
// that differ from the preset, as readable query parameters
// (?scenario=base&currency=USD&minimax.burnNow=25), and any ranges, correlations, path count or seed
// that differ (range.minimax.burnNow=uniform(20,40), corr=…, paths=…, seed=…; see uncertainty.ts). A
// range the link does not set follows its input's value, as a preset's does (followingUncertainty).
// Values are only ever parsed, never evaluated.
import {CURRENCIES, type Currency} from "./fields.js";
import {applyOverrides, differences, type Override, type Scenario} from "./schema.js";
import type {FieldIssue} from "./issues.js";
import {decodeUncertainty, encodeUncertainty, isUncertaintyParam, NO_UNCERTAINTY} from "./uncertainty.js";
import {followingUncertainty} from "./edit.js";

export const PRESET_PARAM = "scenario";
export const CURRENCY_PARAM = "currency";
export const DEFAULT_PRESET = "base";

/** The query string (without "?") for `scenario`, relative to the named preset. */
export function encodeShareLink(presetName: string, preset: Scenario, scenario: Scenario, currency: Currency | null = null): string {
  const params = new URLSearchParams();
  params.set(PRESET_PARAM, presetName);
  if (currency) params.set(CURRENCY_PARAM, currency);
  // String(number) is the shortest decimal that reads back as the same number.
  for (const [path, value] of differences(preset, scenario)) params.set(path, String(value));
  // Ranges are written where they differ from the preset's default following the link's values.
  for (const [key, value] of encodeUncertainty(followingUncertainty(preset, scenario), scenario.uncertainty ?? NO_UNCERTAINTY)) params.set(key, value);
  return params.toString();
}

export interface DecodedLink {
  presetName: string;
  scenario: Scenario;
  /** The display currency the link asks for; null when it leaves the choice to the page. */
  currency: Currency | null;
  /** Parameters not applied as written, with the reason; every other parameter is kept. */
  issues: FieldIssue[];
}

/**
 * The parameters of a query string, one value per name. A name given more than once with
 * different values is dropped (whichever came first, the link does not say which it means) and
 * reported; repeating the same value is harmless.
 */
function singleValues(params: URLSearchParams): {values: Map<string, string>; issues: FieldIssue[]} {
  const all = new Map<string, string[]>();
  for (const [key, value] of params) {
    const list = all.get(key);
    if (list) list.push(value);
    else all.set(key, [value]);
  }
  const values = new Map<string, string>();
  const issues: FieldIssue[] = [];
  for (const [key, list] of all) {
    const distinct = [...new Set(list)];
    if (distinct.length === 1) values.set(key, distinct[0]!);
    else issues.push({field: key, value: distinct.join(" | "), reason: `given ${list.length} times with different values; none was applied`});
  }
  return {values, issues};
}

/** Restores a state from a query string; bad parameters are dropped and reported, the rest kept. */
export function decodeShareLink(search: string, presets: ReadonlyMap<string, Scenario>): DecodedLink {
  const {values, issues} = singleValues(new URLSearchParams(search));
  const requested = values.get(PRESET_PARAM);
  let presetName = DEFAULT_PRESET;
  if (requested !== undefined) {
    if (presets.has(requested)) presetName = requested;
    else issues.push({field: PRESET_PARAM, value: requested, reason: `unknown scenario (known: ${[...presets.keys()].join(", ")}); using ${DEFAULT_PRESET}`});
  } else if (issues.some((issue) => issue.field === PRESET_PARAM)) {
    issues.push({field: PRESET_PARAM, value: "", reason: `using ${DEFAULT_PRESET}`});
  }
  const preset = presets.get(presetName);
  if (!preset) throw new Error(`the ${DEFAULT_PRESET} preset is missing`);
  let currency: Currency | null = null;
  const requestedCurrency = values.get(CURRENCY_PARAM);
  if (requestedCurrency !== undefined) {
    const known = CURRENCIES.find((c) => c === requestedCurrency);
    if (known) currency = known;
    else issues.push({field: CURRENCY_PARAM, value: requestedCurrency, reason: `must be one of ${CURRENCIES.join(", ")}`});
  }
  const overrides: Override[] = [];
  for (const [key, value] of values) if (key !== PRESET_PARAM && key !== CURRENCY_PARAM && !isUncertaintyParam(key)) overrides.push([key, value]);
  const applied = applyOverrides(preset, overrides);
  const uncertaintyIssues: FieldIssue[] = [];
  // A range the link does not set is the preset's, following the link's values (a default range follows its input).
  const uncertainty = decodeUncertainty(values, followingUncertainty(preset, applied.scenario), uncertaintyIssues);
  return {presetName, scenario: {...applied.scenario, uncertainty}, currency, issues: [...issues, ...applied.issues, ...uncertaintyIssues]};
}
