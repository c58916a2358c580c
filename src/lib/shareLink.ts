// Share links: the preset's name plus only the fields that differ from it, as readable query
// parameters (?scenario=base&minimax.burnNow=25). Values are only ever parsed, never evaluated.
import {applyOverrides, differences, type FieldIssue, type Override, type Scenario} from "./schema.js";

export const PRESET_PARAM = "scenario";
export const DEFAULT_PRESET = "base";

/** The query string (without "?") for `scenario`, relative to the named preset. */
export function encodeShareLink(presetName: string, preset: Scenario, scenario: Scenario): string {
  const params = new URLSearchParams();
  params.set(PRESET_PARAM, presetName);
  for (const [path, value] of differences(preset, scenario)) params.set(path, String(value));
  // Keep dots and dashes readable; URLSearchParams already leaves them alone.
  return params.toString();
}

export interface DecodedLink {
  presetName: string;
  scenario: Scenario;
  /** Fields dropped from the link, with the reason; every other field is kept. */
  issues: FieldIssue[];
}

/** Restores a state from a query string; bad fields are dropped and reported, the rest kept. */
export function decodeShareLink(search: string, presets: ReadonlyMap<string, Scenario>): DecodedLink {
  const params = new URLSearchParams(search);
  const issues: FieldIssue[] = [];
  const requested = params.get(PRESET_PARAM);
  let presetName = DEFAULT_PRESET;
  if (requested !== null) {
    if (presets.has(requested)) presetName = requested;
    else issues.push({field: PRESET_PARAM, value: requested, reason: `unknown scenario (known: ${[...presets.keys()].join(", ")}); using ${DEFAULT_PRESET}`});
  }
  const preset = presets.get(presetName);
  if (!preset) throw new Error(`the ${DEFAULT_PRESET} preset is missing`);
  const overrides: Override[] = [];
  for (const [key, value] of params) if (key !== PRESET_PARAM) overrides.push([key, value]);
  const applied = applyOverrides(preset, overrides);
  return {presetName, scenario: applied.scenario, issues: [...issues, ...applied.issues]};
}
