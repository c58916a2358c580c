// Which sections of inputs each page shows, and the grouped controls for them. The field
// declarations (src/lib/fields.ts) say which section a field is in; this says where sections go.
import {html} from "htl";
import {FIRM_CURRENCY, FIRM_FIELDS, FIRM_NAME, SECTIONS, sectionPaths, type FirmId, type Section} from "../lib/fields.js";
import type {Fact} from "../lib/facts.js";
import type {Provenance} from "../lib/scenarios.js";
import {fieldControl, resetFirmButton} from "./controls.js";
import type {ScenarioStore} from "./store.js";

/** The firm page: everything that drives the projection, the target, the market and FX. */
export const FIRM_PAGE_SECTIONS: readonly Section[] = ["start", "growth", "margin", "costs", "financing", "target", "market", "fx"];

/** The valuation page: the market and every valuation input (the projection's on the firm page). */
export const VALUATION_PAGE_SECTIONS: readonly Section[] = ["market", "capital", "reinvestment", "taxes", "failure", "claims"];

/** The inputs that decide both answers (declared `headline`), shown on the overview. */
export function headlinePaths(firm: FirmId): string[] {
  return FIRM_FIELDS.filter((f) => f.headline).map((f) => `${firm}.${f.key}`);
}

/** The headline inputs that move the projection: the story the valuation page repeats. */
export function storyPaths(firm: FirmId): string[] {
  return FIRM_FIELDS.filter((f) => f.headline && f.changesProjection).map((f) => `${firm}.${f.key}`);
}

export interface Sources {
  provenance: Record<string, Provenance & {value: unknown}>;
  facts: ReadonlyMap<string, Fact>;
}

/** One heading and its controls. */
export function controlGroup(store: ScenarioStore, title: string, paths: readonly string[], sources?: Sources): HTMLElement {
  return html`<div class="control-group"><h3>${title}</h3>${paths.map((path) => fieldControl(store, path, sources ? {provenance: sources.provenance[path], facts: sources.facts} : {}))}</div>` as HTMLElement;
}

/** Every control of `sections` for one firm, grouped, each with its source or rationale. */
export function assumptionsPanel(store: ScenarioStore, firm: FirmId, sections: readonly Section[], sources: Sources): HTMLElement {
  return html`<div class="assumptions">
    <p class="muted">Money in millions of ${FIRM_CURRENCY[firm]} (the firm reports in it); open "about this input" for its meaning, basis and source.</p>
    ${resetFirmButton(store, firm, `Reset ${FIRM_NAME[firm]} to the scenario`)}
    ${sections.map((section) => controlGroup(store, SECTIONS[section], sectionPaths(section, firm), sources))}
  </div>` as HTMLElement;
}
