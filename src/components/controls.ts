// Controls bound to a ScenarioStore: one per declared field, plus the preset picker, the currency
// picker, the link notice and the share box. Built with htl, which escapes every interpolated value.
import {tickStep} from "d3";
import {html} from "htl";
import {saveScenarioButton} from "./saveScenario.js";
import {CURRENCIES, currencyOfPath, fieldSpec, plausibleRange, type Currency, type FieldSpec, type FirmId} from "../lib/fields.js";
import {formatFieldValue, fromInputText, inputScale, toInputNumber, unitLabel} from "../lib/format.js";
import type {Fact} from "../lib/facts.js";
import {outletOf} from "../lib/sources.js";
import {factHref} from "./cite.js";
import type {Provenance} from "../lib/scenarios.js";
import {getField} from "../lib/schema.js";
import {shortened} from "../lib/issues.js";
import type {ScenarioStore} from "./store.js";

/** Slider steps: about this many across the plausible range, rounded to 1, 2 or 5 × 10ⁿ of the shown unit. */
const STEPS_ACROSS = 200;

/** The slider's span and step in shown units: the plausible range (widened to hold the preset), on round steps. */
export function sliderScale(spec: FieldSpec, path: string, presetValue: number): {min: number; max: number; step: number} {
  const {scale} = inputScale(spec.unit);
  const [low, high] = plausibleRange(path) ?? [spec.min ?? 0, spec.max ?? 1];
  const lo = Math.min(low, presetValue) * scale;
  const hi = Math.max(high, presetValue) * scale;
  const step = spec.kind === "integer" ? 1 : tickStep(lo, hi, STEPS_ACROSS);
  const snap = (x: number) => Number(x.toPrecision(12));
  return {min: snap(Math.floor(lo / step) * step), max: snap(Math.ceil(hi / step) * step), step};
}

export interface ControlOptions {
  provenance?: Provenance & {value: unknown};
  facts?: ReadonlyMap<string, Fact>;
}

let controlCount = 0;

/** One control for the field at `path` ("minimax.burnNow"), two-way bound to the store. */
export function fieldControl(store: ScenarioStore, path: string, options: ControlOptions = {}): HTMLElement {
  const spec = fieldSpec(path);
  if (!spec) throw new Error(`unknown field ${path}`);
  const currency = currencyOfPath(path);
  const id = `control-${++controlCount}`;
  const {scale} = inputScale(spec.unit);
  const unit = unitLabel(spec.unit, currency);
  const message = html`<div class="control-message" role="alert"></div>` as HTMLElement;
  const reset = html`<button type="button" class="control-reset" title="Back to the scenario's value" aria-label="Reset ${spec.label}">↺</button>` as HTMLButtonElement;
  let inputs: HTMLInputElement[];
  let read: () => unknown;
  let write: (value: unknown, typing: boolean) => void;

  if (spec.kind === "boolean") {
    const box = html`<input id=${id} type="checkbox">` as HTMLInputElement;
    inputs = [box];
    read = () => box.checked;
    write = (v) => void (box.checked = v === true);
  } else if (spec.kind === "enum") {
    const select = html`<select id=${id}>${(spec.values ?? []).map((v) => html`<option value=${v}>${v}</option>`)}</select>` as HTMLSelectElement;
    inputs = [select as unknown as HTMLInputElement];
    read = () => select.value;
    write = (v) => void (select.value = String(v));
  } else if (spec.kind === "date") {
    const date = html`<input id=${id} type="date" required>` as HTMLInputElement;
    inputs = [date];
    read = () => date.value;
    write = (v) => void (date.value = String(v));
  } else {
    const {min, max, step} = sliderScale(spec, path, Number(getField(store.preset, path)));
    const slider = html`<input type="range" aria-label=${spec.label} min=${min} max=${max} step=${step}>` as HTMLInputElement;
    // The number box accepts the field's whole range; the slider spans the plausible one.
    const box = html`<input id=${id} type="number" step="any" inputmode="decimal" min=${toInputNumber(spec.min ?? -1e15, scale)} max=${toInputNumber(spec.max ?? 1e15, scale)}>` as HTMLInputElement;
    inputs = [box, slider];
    read = () => {
      const text = box.value.trim();
      if (text === "") return "";
      const value = fromInputText(text, scale);
      return Number.isNaN(value) ? text : value;
    };
    write = (v, typing) => {
      const shown = toInputNumber(Number(v), scale);
      // While the user types, the box keeps their text; the slider always follows the value.
      if (!typing) box.value = String(shown);
      slider.value = String(shown);
    };
    // The slider writes the number box, then both go through the same path into the store.
    slider.addEventListener("input", () => {
      box.value = slider.value;
      commit(fromInputText(slider.value, scale));
    });
  }

  const first = inputs[0]!;
  const typed = spec.kind === "number" || spec.kind === "integer";
  // The value when the box took the focus. Each keystroke that makes a valid number applies it, so a
  // text the field refuses puts this back: otherwise the half-typed prefix before it (9,999 on the
  // way to 99,999,999) would be what stays.
  let beforeTyping: unknown;
  let restoring = false;
  const commit = (value: unknown, typing = false) => {
    const reason = store.set(path, value);
    const kept = reason !== null && typing && beforeTyping !== undefined;
    if (kept && !Object.is(getField(store.scenario, path), beforeTyping)) {
      restoring = true; // the box keeps the user's text meanwhile (sync)
      store.set(path, beforeTyping);
      restoring = false;
    }
    message.textContent = reason ? `${spec.label}: ${explain(spec, currency, reason, value)}${kept ? `; it stays ${formatFieldValue(beforeTyping, spec.unit, currency)}` : ""}` : "";
    first.setAttribute("aria-invalid", reason ? "true" : "false");
  };
  first.addEventListener(typed ? "input" : "change", () => commit(read(), typed));
  if (typed) {
    first.addEventListener("focus", () => (beforeTyping = getField(store.scenario, path)));
    // Leaving a refused text: the box shows the value that stayed (the message still says why).
    first.addEventListener("blur", () => {
      if (first.getAttribute("aria-invalid") !== "true") return;
      write(getField(store.scenario, path), false);
      first.setAttribute("aria-invalid", "false");
    });
  }
  reset.addEventListener("click", () => commit(getField(store.preset, path)));

  let shown: unknown;
  let shownPreset = "";
  const sync = () => {
    const value = getField(store.scenario, path);
    if (Object.is(value, shown) && shownPreset === store.presetName) return; // most changes are to other fields
    shown = value;
    shownPreset = store.presetName;
    const changed = value !== getField(store.preset, path);
    element.classList.toggle("control--changed", changed);
    reset.hidden = !changed;
    const typing = document.activeElement === first && (read() === value || restoring);
    write(value, typing);
  };

  const element = html`<div class="control" data-field=${path}>
    <label for=${id}>${spec.label}</label>
    <div class="control-inputs">${inputs.slice().reverse()}${unit ? html`<span class="control-unit">${unit}</span>` : ""}${reset}</div>
    ${message}
    ${about(spec, currency, options)}
  </div>` as HTMLElement;
  store.addEventListener("change", sync);
  sync();
  return element;
}

/** A refusal in the control's own units: "must be between −90% a year and 2,000% a year". */
function explain(spec: FieldSpec, currency: Currency, reason: string, value: unknown): string {
  if (typeof value === "number" && spec.min !== undefined && spec.max !== undefined && (value < spec.min || value > spec.max)) {
    return `must be between ${formatFieldValue(spec.min, spec.unit, currency)} and ${formatFieldValue(spec.max, spec.unit, currency)}`;
  }
  return reason;
}

/**
 * What the field means, its allowed range, and where its value comes from (basis, note, quotes):
 * a <details>, so that it opens by tap or keyboard as well as by click.
 */
function about(spec: FieldSpec, currency: Currency, {provenance, facts}: ControlOptions): HTMLElement {
  const range = spec.min !== undefined && spec.max !== undefined ? `Allowed: ${formatFieldValue(spec.min, spec.unit, currency)} to ${formatFieldValue(spec.max, spec.unit, currency)}.` : "";
  const cited = (provenance?.facts ?? []).map((id) => facts?.get(id)).filter((f): f is Fact => f !== undefined);
  return html`<details class="control-source">
    <summary>${provenance ? html`<span class="basis basis--${provenance.basis}">${provenance.basis}</span> ` : ""}<span class="control-about">about this input</span></summary>
    <p>${spec.help} ${range}</p>
    ${provenance ? html`<p>${provenance.note}${provenance.formula ? html` <span class="formula">= ${provenance.formula}</span>` : ""}</p>` : ""}
    ${cited.length ? html`<ul class="quotes">${cited.map((f) => html`<li><q lang="zh" title=${f.source}>${f.quote}</q> <a class="muted" href=${factHref(f.id)}>— ${outletOf(f.source)}</a></li>`)}</ul>` : ""}
  </details>` as HTMLElement;
}

/** Radio buttons for the presets; choosing one drops every change. */
export function presetPicker(store: ScenarioStore): HTMLElement {
  const name = `preset-${++controlCount}`;
  const description = html`<p class="preset-description"></p>` as HTMLElement;
  const radios = [...store.presets.values()].map((p) => {
    const radio = html`<input type="radio" name=${name} value=${p.name}>` as HTMLInputElement;
    radio.addEventListener("change", () => radio.checked && store.usePreset(p.name));
    return {radio, label: html`<label class="preset">${radio} ${p.title}</label>`};
  });
  const modified = html`<span class="preset-modified">(modified)</span>` as HTMLElement;
  // The preset's story is about the preset's numbers: once they change, it says so before the story.
  const storyOf = html`<strong class="preset-story-of"></strong>` as HTMLElement;
  const story = document.createTextNode("");
  description.append(storyOf, story);
  let shownPreset = "";
  const sync = () => {
    modified.hidden = !store.isModified;
    storyOf.textContent = store.isModified ? `The ${store.preset.title.toLowerCase()} as published, before your changes: ` : "";
    if (shownPreset === store.presetName) return; // most changes are to fields, not the preset
    shownPreset = store.presetName;
    for (const {radio} of radios) radio.checked = radio.value === store.presetName;
    story.textContent = store.preset.description;
  };
  store.addEventListener("change", sync);
  sync();
  return html`<fieldset class="preset-picker" data-testid="preset-picker"><legend>Scenario ${modified}</legend>${radios.map((r) => r.label)}${description}</fieldset>` as HTMLElement;
}

/** Radio buttons for the display currency; the choice is part of the state (and of the link). */
export function currencyPicker(store: ScenarioStore, pageDefault: Currency): HTMLElement {
  const name = `currency-${++controlCount}`;
  const radios = CURRENCIES.map((currency) => {
    const radio = html`<input type="radio" name=${name} value=${currency}>` as HTMLInputElement;
    radio.addEventListener("change", () => radio.checked && store.setCurrency(currency));
    return {radio, label: html`<label class="preset">${radio} ${currency}</label>`};
  });
  const sync = () => {
    for (const {radio} of radios) radio.checked = radio.value === store.displayCurrency(pageDefault);
  };
  store.addEventListener("change", sync);
  sync();
  return html`<fieldset class="currency-picker" data-testid="currency-picker"><legend>Show money in</legend>${radios.map((r) => r.label)}</fieldset>` as HTMLElement;
}

/** The link's parameters that were not applied as written, each with its reason (as text, never HTML). */
export function linkNotice(store: ScenarioStore): HTMLElement {
  if (!store.linkIssues.length) return html`<div data-testid="link-notice" hidden></div>` as HTMLElement;
  return html`<div class="note link-notice" data-testid="link-notice" role="status">
    <p><strong>Some settings in this link could not be used and were dropped</strong>; everything else in the link was applied.</p>
    <ul>${store.linkIssues.map((issue) => html`<li><code>${shortened(issue.field)}</code>${issue.value ? html` = <code>${shortened(issue.value)}</code>` : ""}: ${issue.reason}</li>`)}</ul>
  </div>` as HTMLElement;
}

/** The current state's share link, with a copy button. */
export function shareBox(store: ScenarioStore): HTMLElement {
  const input = html`<input type="text" readonly aria-label="Share link" data-testid="share-link">` as HTMLInputElement;
  const button = html`<button type="button">Copy link</button>` as HTMLButtonElement;
  const status = html`<span class="muted" aria-live="polite"></span>` as HTMLElement;
  button.addEventListener("click", async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      status.textContent = "copied";
    } catch {
      status.textContent = "select the link and copy it";
    }
  });
  const sync = () => void (input.value = store.shareUrl);
  // Follows the address bar, which the store rewrites a moment after a change (not on every slider step).
  store.addEventListener("url", sync);
  sync();
  return html`<div class="share-box"><label>Share this scenario</label><div class="share-row">${input}${button}${status}</div><div class="save-row">${saveScenarioButton(store)}</div></div>` as HTMLElement;
}

/** Puts one firm back to the preset. */
export function resetFirmButton(store: ScenarioStore, firm: FirmId, label: string): HTMLElement {
  const button = html`<button type="button">${label}</button>` as HTMLButtonElement;
  button.addEventListener("click", () => store.resetFirm(firm));
  return button;
}
