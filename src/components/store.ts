// The page's scenario state: a preset plus the user's changes, mirrored in the URL as a share link.
import {type FirmId} from "../lib/fields.js";
import {applyOverrides, cloneScenario, differences, type Scenario} from "../lib/schema.js";
import type {FieldIssue} from "../lib/issues.js";
import {DEFAULT_PRESET, decodeShareLink, encodeShareLink} from "../lib/shareLink.js";
import {compareHref} from "../lib/compare.js";
import {decodeUncertainty, encodeUncertainty, NO_UNCERTAINTY} from "../lib/uncertainty.js";
import {uncertaintyAfterEdit} from "../lib/edit.js";
import type {Currency} from "../lib/fields.js";

const URL_DELAY_MS = 150;

/**
 * Holds the current scenario, announces every change with a "change" event, and keeps
 * `location.search` equal to the share link (preset + differing fields) via history.replaceState.
 */
export class ScenarioStore extends EventTarget {
  readonly presets: ReadonlyMap<string, Scenario>;
  presetName: string;
  scenario: Scenario;
  /** The display currency chosen (carried by the link), or null to let each page use its own default. */
  currency: Currency | null;
  /** Fields dropped from the link the page was opened with, and why. */
  readonly linkIssues: FieldIssue[];
  #urlTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(presets: readonly Scenario[], search: string) {
    super();
    this.presets = new Map(presets.map((p) => [p.name, p]));
    const decoded = decodeShareLink(search, this.presets);
    this.presetName = decoded.presetName;
    this.scenario = decoded.scenario;
    this.currency = decoded.currency;
    this.linkIssues = decoded.issues;
    // Rewrite the URL at once when the link had problems, so that what is shared is what is shown.
    if (decoded.issues.length) this.#writeUrl();
    this.#syncNavigation();
  }

  get preset(): Scenario {
    return this.presets.get(this.presetName)!;
  }

  /** Sets one field from a typed or text value; returns the reason when it is refused. */
  set(path: string, value: unknown): string | null {
    const {scenario, issues} = applyOverrides(this.scenario, [[path, value]]);
    if (issues.length) return issues[0]!.reason;
    this.scenario = this.#edited(scenario);
    this.#changed();
    return null;
  }

  /**
   * Sets several fields at once (a grid cell's two values): one change event, and the fields checked
   * together. Returns the reason for each refused field, by path; the valid ones are kept.
   */
  setMany(changes: readonly [path: string, value: unknown][]): Map<string, string> {
    const {scenario, issues} = applyOverrides(this.scenario, changes);
    const refused = new Map(issues.map((issue) => [issue.field, issue.reason]));
    if (refused.size < changes.length) {
      this.scenario = this.#edited(scenario);
      this.#changed();
    }
    return refused;
  }

  /**
   * Changes the uncertainty as one link parameter would: `range.<path>` = "uniform(20,40)" or "fixed",
   * `corr`, `paths` or `seed`. A refused value changes nothing; a list of correlations that cannot all
   * hold at once is repaired, as a link's is, and applied. `notice` says why it was refused, or what
   * was repaired or left out.
   */
  setUncertainty(param: string, text: string): {applied: boolean; notice: string | null} {
    const issues: FieldIssue[] = [];
    const current = this.scenario.uncertainty ?? NO_UNCERTAINTY;
    const uncertainty = decodeUncertainty(new Map([[param, text]]), current, issues);
    const notice = issues.length ? issues[0]!.reason : null;
    // Whatever decodeUncertainty kept of the value: nothing, when it was refused.
    if (encodeUncertainty(current, uncertainty).length === 0) return {applied: false, notice};
    this.scenario = {...this.scenario, uncertainty};
    this.#changed(true);
    return {applied: true, notice};
  }

  /**
   * `next`, the current scenario with some fields changed: a default range follows its input to the new
   * value (uncertaintyAfterEdit), and an unchanged firm keeps its inputs object.
   */
  #edited(next: Scenario): Scenario {
    return sharingUnchanged(this.scenario, {...next, uncertainty: uncertaintyAfterEdit(this.preset, this.scenario, next)});
  }

  /** Chooses the currency money is shown in, on this page and every page the link reaches. */
  setCurrency(currency: Currency): void {
    if (currency === this.currency) return;
    this.currency = currency;
    this.#changed(true);
  }

  /** The currency to show money in: the one chosen, else the page's own default. */
  displayCurrency(pageDefault: Currency): Currency {
    return this.currency ?? pageDefault;
  }

  /** Switches to a preset, dropping every change. */
  usePreset(name: string): void {
    const preset = this.presets.get(name) ?? this.presets.get(DEFAULT_PRESET)!;
    this.presetName = preset.name;
    this.scenario = cloneScenario(preset); // a new object, so the cached query is recomputed
    this.#changed(true);
  }

  /** Puts one firm's fields back to the preset's. */
  resetFirm(firm: FirmId): void {
    const next = cloneScenario(this.scenario);
    next.firms[firm] = {...this.preset.firms[firm]};
    this.scenario = this.#edited(next);
    this.#changed(true);
  }

  #queryOf: [Scenario, Currency | null] | null = null;
  #query = "";

  /** The query string of the current state (without "?"), encoded once per state. */
  get query(): string {
    if (this.#queryOf?.[0] !== this.scenario || this.#queryOf[1] !== this.currency) {
      this.#query = encodeShareLink(this.presetName, this.preset, this.scenario, this.currency);
      this.#queryOf = [this.scenario, this.currency];
    }
    return this.#query;
  }

  /** Whether any field differs from the preset. */
  get isModified(): boolean {
    return differences(this.preset, this.scenario).length > 0;
  }

  get shareUrl(): string {
    return `${location.origin}${location.pathname}?${this.query}`;
  }

  #changed(urlNow = false): void {
    this.dispatchEvent(new Event("change"));
    if (urlNow) this.#writeUrl();
    else if (this.#urlTimer === null) this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_DELAY_MS);
  }

  // Sliders fire many events a second; the URL is written at most every URL_DELAY_MS.
  #writeUrl(): void {
    if (this.#urlTimer !== null) clearTimeout(this.#urlTimer);
    this.#urlTimer = null;
    const url = `${location.pathname}?${this.query}${location.hash}`;
    history.replaceState(history.state, "", url);
    this.#syncNavigation();
    this.dispatchEvent(new Event("url"));
  }

  /** Carries the state to the other model pages through the sidebar links. */
  #syncNavigation(): void {
    const query = this.query;
    for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-keeps-scenario], #observablehq-sidebar a")) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      if (COMPARE_PAGE.test(url.pathname)) {
        // Compare opens with this state beside its preset, as the overview's own compare link does.
        link.href = compareHref(query, [this.presetName], url.pathname);
        continue;
      }
      if (!MODEL_PAGES.test(url.pathname)) continue;
      url.search = query;
      link.href = url.pathname + url.search + url.hash;
    }
  }
}

/** Whether two records hold the same values. */
function sameValues<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) if (!Object.is(a[key], b[key])) return false;
  return true;
}

/**
 * `next`, reusing `previous`'s object for each firm (and the market) whose values did not change, so
 * that parts of the page that show only one firm can tell, by identity, that nothing of theirs moved.
 */
function sharingUnchanged(previous: Scenario, next: Scenario): Scenario {
  const firms = {...next.firms};
  for (const firm of Object.keys(firms) as FirmId[]) if (sameValues(previous.firms[firm], firms[firm])) firms[firm] = previous.firms[firm];
  return {...next, firms, market: sameValues(previous.market, next.market) ? previous.market : next.market};
}

/** The compare page, whose link names its columns (compareHref). */
const COMPARE_PAGE = /(^|\/)compare(\.html)?$/;

/** Pages that read the scenario from the URL. */
const MODEL_PAGES = /(^|\/)(index|zhipu|minimax|valuation|unit-economics|risk|sensitivity)?(\.html)?$/;

/**
 * A reactive source for Generators.observe: calls `notify` with `select(store)` now and whenever it
 * changes, so a cell that reads only the currency does not re-run when a field moves.
 */
export function observeStore<T>(store: ScenarioStore, select: (store: ScenarioStore) => T) {
  return (notify: (value: T) => void) => {
    let last: T | undefined;
    let first = true;
    const update = () => {
      const value = select(store);
      if (!first && Object.is(value, last)) return;
      first = false;
      last = value;
      notify(value);
    };
    update();
    store.addEventListener("change", update);
    return () => store.removeEventListener("change", update);
  };
}

/** The scenario, for Generators.observe: a new object on every change. */
export function observeScenario(store: ScenarioStore) {
  return observeStore(store, (s) => s.scenario);
}
