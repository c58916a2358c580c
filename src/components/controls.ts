// Controls bound to a ScenarioStore: one per schema field, plus the preset picker, the link
// notice and the share box. Built with htl, which escapes every interpolated value.
import {html} from "htl";
import {FIRM_CURRENCY, fieldSpec, type Currency, type FieldSpec, type FirmId} from "../lib/fields.js";
import {getField} from "../lib/schema.js";
import {currencyPrefix} from "../lib/format.js";
import type {Provenance} from "../lib/scenarios.js";
import type {Fact} from "../lib/facts.js";
import type {ScenarioStore} from "./store.js";

/** How a unit is shown in a control: a scale (fractions as %) and a label. */
function display(spec: FieldSpec, currency: Currency): {scale: number; unit: string; digits: number} {
  const money = `${currencyPrefix(currency).trim()} million`;
  switch (spec.unit) {
    case "fraction":
      return {scale: 100, unit: "%", digits: 1};
    case "fractionPerYear":
      return {scale: 100, unit: "% a year", digits: 1};
    case "money":
      return {scale: 1, unit: money, digits: 1};
    case "moneyPerMonth":
      return {scale: 1, unit: `${money} / month`, digits: 2};
    case "moneyPerYear":
      return {scale: 1, unit: `${money} / year`, digits: 2};
    case "years":
      return {scale: 1, unit: "years", digits: 1};
    case "hkdPerShare":
      return {scale: 1, unit: "HK$ / share", digits: 2};
    case "millionShares":
      return {scale: 1, unit: "million shares", digits: 2};
    case "millionOptions":
      return {scale: 1, unit: "million options", digits: 2};
    case "ratio":
      return {scale: 1, unit: "×", digits: 2};
    case "hkdPerUsd":
      return {scale: 1, unit: "HK$ per US$", digits: 3};
    case "rmbPerUsd":
      return {scale: 1, unit: "RMB per US$", digits: 3};
    default:
      return {scale: 1, unit: "", digits: 0};
  }
}

/** Slider extent for a field, around the preset's value; the number box accepts the schema's full range. */
function sliderExtent(spec: FieldSpec, presetValue: number): [number, number] {
  const ranges: Record<string, [number, number]> = {
    growthStart: [-0.5, 8],
    growthLongRun: [-0.1, 0.5],
    grossMarginNow: [-0.5, 1],
    grossMarginTarget: [-0.5, 1],
    opexGrowth: [-0.6, 0.6],
    growthFadeYears: [0, 15],
    marginYears: [0, 15],
    riskFreeRate: [0, 0.08],
    costOfCapital: [0.04, 0.25],
    terminalCostOfCapital: [0.03, 0.15],
    terminalGrowth: [-0.02, 0.06],
    terminalReturnOnCapital: [0.03, 0.4],
    salesToCapital1to5: [0.25, 5],
    salesToCapital6to10: [0.25, 5],
    effectiveTaxRate: [0, 0.4],
    marginalTaxRate: [0, 0.4],
    probabilityOfFailure: [0, 1],
    distressProceeds: [0, 1],
    optionMaturityYears: [0, 10],
    optionVolatility: [0, 1.5],
    breakEvenTargetYear: [2025, 2035],
    usdHkd: [7, 8.5],
    usdRmb: [6, 8.5]
  };
  const fixed = ranges[spec.key];
  if (fixed) return fixed;
  const top = Math.max(3 * Math.abs(presetValue), 10);
  const magnitude = Math.pow(10, Math.floor(Math.log10(top)));
  return [spec.min !== undefined && spec.min > 0 ? 0 : Math.max(spec.min ?? 0, 0), Math.ceil(top / magnitude) * magnitude];
}

export interface ControlOptions {
  provenance?: Provenance & {value: unknown};
  facts?: ReadonlyMap<string, Fact>;
  /** Show the source line (firm pages); the overview keeps controls compact. */
  showSource?: boolean;
}

let controlCount = 0;

/** One control for the field at `path` ("minimax.burnNow"), two-way bound to the store. */
export function fieldControl(store: ScenarioStore, path: string, options: ControlOptions = {}): HTMLElement {
  const spec = fieldSpec(path);
  if (!spec) throw new Error(`unknown field ${path}`);
  const group = path.split(".")[0]!;
  const currency = group === "market" ? "USD" : FIRM_CURRENCY[group as FirmId];
  const id = `control-${++controlCount}`;
  const fmt = display(spec, currency);
  const message = html`<div class="control-message" role="alert"></div>` as HTMLElement;
  const reset = html`<button type="button" class="control-reset" title="Back to the preset's value" aria-label="Reset ${spec.label}">↺</button>` as HTMLButtonElement;
  let inputs: HTMLInputElement[];
  let read: () => unknown;
  let write: (value: unknown) => void;

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
    const [lo, hi] = sliderExtent(spec, Number(getField(store.preset, path)));
    const step = spec.kind === "integer" ? 1 : (hi - lo) / 400;
    const slider = html`<input type="range" aria-label=${spec.label} min=${lo * fmt.scale} max=${hi * fmt.scale} step=${step * fmt.scale}>` as HTMLInputElement;
    // The number box accepts the schema's whole range (the slider only spans the usual values).
    const box = html`<input id=${id} type="number" step="any" inputmode="decimal" min=${Number(((spec.min ?? -1e15) * fmt.scale).toPrecision(12))} max=${Number(((spec.max ?? 1e15) * fmt.scale).toPrecision(12))}>` as HTMLInputElement;
    inputs = [box, slider];
    const round = (x: number) => Number((x * fmt.scale).toFixed(Math.max(fmt.digits, 0)));
    read = () => {
      const text = box.value.trim();
      return text === "" ? "" : String(Number(text) / fmt.scale);
    };
    write = (v) => {
      const n = Number(v);
      box.value = String(spec.kind === "integer" ? n : round(n));
      slider.value = String(n * fmt.scale);
    };
    // The slider writes the number box, then both go through the same path into the store.
    slider.addEventListener("input", () => {
      const n = Number(slider.value) / fmt.scale;
      const snapped = spec.kind === "integer" ? Math.round(n) : Number(n.toPrecision(4));
      box.value = String(spec.kind === "integer" ? snapped : round(snapped));
      commit(String(snapped));
    });
  }

  const commit = (value: unknown) => {
    const reason = store.set(path, value);
    message.textContent = reason ? `${spec.label}: ${reason}${fmt.scale !== 1 ? " (as a fraction; the box shows %)" : ""}` : "";
    inputs[0]!.setAttribute("aria-invalid", reason ? "true" : "false");
  };
  const first = inputs[0]!;
  first.addEventListener(spec.kind === "number" || spec.kind === "integer" ? "input" : "change", () => commit(read()));
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
    // Do not fight the user's typing: only rewrite inputs when they show another value.
    if (document.activeElement !== first || String(read()) !== String(value)) write(value);
  };

  const unit = fmt.unit ? html`<span class="control-unit">${fmt.unit}</span>` : "";
  const element = html`<div class="control" data-field=${path}>
    <label for=${id}>${spec.label}</label>
    <div class="control-inputs">${inputs.slice().reverse()}${unit}${reset}</div>
    ${message}
    ${options.showSource ? sourceLine(spec, options.provenance, options.facts) : ""}
  </div>` as HTMLElement;
  const scaled = (x: number) => Number((x * fmt.scale).toPrecision(12));
  const range = spec.min !== undefined && spec.max !== undefined ? ` Allowed: ${scaled(spec.min)} to ${scaled(spec.max)}${fmt.unit ? ` ${fmt.unit}` : ""}.` : "";
  element.title = `${spec.help}${range}`;
  store.addEventListener("change", sync);
  sync();
  return element;
}

/** Where a baseline value comes from: its basis, the note, and each cited fact with its quote. */
export function sourceLine(spec: FieldSpec, provenance?: Provenance & {value: unknown}, facts?: ReadonlyMap<string, Fact>): HTMLElement {
  if (!provenance) return html`<div class="control-source">${spec.help}</div>` as HTMLElement;
  const cited = provenance.facts.map((id) => facts?.get(id)).filter((f): f is Fact => f !== undefined);
  return html`<details class="control-source">
    <summary><span class="basis basis--${provenance.basis}">${provenance.basis}</span> ${provenance.facts.length ? provenance.facts.join(", ") : "no source"}</summary>
    <p>${provenance.note}${provenance.formula ? html` <span class="formula">= ${provenance.formula}</span>` : ""}</p>
    ${cited.length ? html`<ul class="quotes">${cited.map((f) => html`<li><code>${f.id}</code> <q lang="zh" title=${f.source}>${f.quote}</q> <span class="muted">(${f.source})</span></li>`)}</ul>` : ""}
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
  const sync = () => {
    for (const {radio} of radios) radio.checked = radio.value === store.presetName;
    description.textContent = store.preset.description;
    modified.hidden = !store.isModified;
  };
  store.addEventListener("change", sync);
  sync();
  return html`<fieldset class="preset-picker" data-testid="preset-picker"><legend>Scenario ${modified}</legend>${radios.map((r) => r.label)}${description}</fieldset>` as HTMLElement;
}

/** The fields a share link carried that were dropped, each with its reason (as text, never HTML). */
export function linkNotice(store: ScenarioStore): HTMLElement {
  if (!store.linkIssues.length) return html`<div data-testid="link-notice" hidden></div>` as HTMLElement;
  return html`<div class="note link-notice" data-testid="link-notice" role="status">
    <p><strong>Some settings in this link could not be used and were dropped</strong>; everything else in the link was applied.</p>
    <ul>${store.linkIssues.map((issue) => html`<li><code>${issue.field}</code>${issue.value ? html` = <code>${issue.value}</code>` : ""}: ${issue.reason}</li>`)}</ul>
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
  store.addEventListener("url", sync);
  store.addEventListener("change", sync);
  sync();
  return html`<div class="share-box"><label>Share this scenario</label><div class="share-row">${input}${button}${status}</div></div>` as HTMLElement;
}

/** Puts one firm back to the preset. */
export function resetFirmButton(store: ScenarioStore, firm: FirmId, label: string): HTMLElement {
  const button = html`<button type="button">${label}</button>` as HTMLButtonElement;
  button.addEventListener("click", () => store.resetFirm(firm));
  return button;
}
