// The compare page's parts: its own state (the columns, in its own link), the list of editable
// entries, the overlaid cash paths per firm and the tables with one column per scenario. Numbers come
// from src/lib/compare.ts; every value shown is text (htl escapes it), never HTML from a link.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {CURRENCIES, FIRM_NAME, type Currency, type FirmId} from "../lib/fields.js";
import {currencySymbol, formatMoney, formatMonthOf, formatTick} from "../lib/format.js";
import type {Scenario} from "../lib/schema.js";
import {COLUMN_LETTERS, DEFAULT_COLUMNS, MAX_COLUMNS, MIN_COLUMNS, RANGES_GROUP, cashCurrency, columnResult, encodeCompareLink, parseCompareLink, parseEntry, type CompareColumn, type CompareState as LinkState, type HeadlineRow, type InputRow} from "../lib/compare.js";
import {shortened} from "../lib/issues.js";
import {cashChartData, chartEnd} from "./series.js";
import {FIRM_COLOR} from "./colors.js";

/**
 * One colour (and dash) per column, the same in both firms' charts. Neither firm's colour (each firm
 * keeps its own everywhere): the lines are scenarios, not firms. The dash tells them apart without colour.
 */
export const COLUMN_COLORS = ["#6f42c1", "#e08a00", "#2a9d8f", "#d6457a"] as const;
export const COLUMN_DASHES = ["none", "7,3", "2,2.5", "10,3,2,3"] as const;

/** "A: Bear case": a column's name in the legend and the tables. */
export function columnLabel(column: CompareColumn, index: number): string {
  return `${COLUMN_LETTERS[index]}: ${column.title}`;
}

export interface CompareCashData {
  firm: FirmId;
  currency: Currency;
  labels: string[];
  /** Cash at each month end, millions of `currency`, one series per column label. */
  rows: {column: string; date: Date; cash: number}[];
  events: {column: string; kind: "cash-out" | "break-even"; date: Date; cash: number; label: string}[];
  end: Date;
}

/** One firm's cash path in every column, on one calendar axis, in the page's currency (or the firm's own). */
export function compareCashData(columns: readonly CompareColumn[], firm: FirmId, options: {currency: Currency | null}): CompareCashData {
  const currency = cashCurrency(firm, options.currency);
  const results = columns.map((c) => columnResult(c, firm));
  const end = chartEnd(results);
  const labels = columns.map(columnLabel);
  const rows: CompareCashData["rows"] = [];
  const events: CompareCashData["events"] = [];
  results.forEach((r, i) => {
    const data = cashChartData([r], {currency, market: columns[i]!.scenario.market, end});
    for (const row of data.rows) rows.push({column: labels[i]!, date: row.date, cash: row.cash});
    for (const e of data.events) events.push({column: labels[i]!, kind: e.kind, date: e.date, cash: e.cash, label: e.label});
  });
  return {firm, currency, labels, rows, events, end};
}

const BILLION = 1000;

/** A legend of the columns: each one's line (colour and dash) and name. */
export function columnLegend(labels: readonly string[]): HTMLElement {
  return html`<div class="compare-legend">${labels.map(
    (label, i) => html`<span class="compare-legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke=${COLUMN_COLORS[i]} stroke-width="2.5" stroke-dasharray=${COLUMN_DASHES[i]}></line></svg>${label}</span>`
  )}</div>` as HTMLElement;
}

/**
 * Cash at each month end (billions) of one firm, one line per column, with each column's cash-out (×)
 * and break-even (●) in its colour; the zero line and today.
 */
export function compareCashChart(data: CompareCashData, options: {width: number; today?: Date}): HTMLElement {
  const {width, today} = options;
  const rows = data.rows.map((d) => ({...d, cash: d.cash / BILLION}));
  const events = data.events.map((e) => ({...e, cash: e.cash / BILLION}));
  const color = {domain: data.labels, range: data.labels.map((_, i) => COLUMN_COLORS[i]!)};
  const start = rows.reduce((min, r) => (r.date < min ? r.date : min), data.end);
  const chart = Plot.plot({
    width,
    height: Math.min(380, Math.max(260, width * 0.42)),
    marginLeft: 48,
    marginRight: width < 560 ? 12 : 24,
    marginTop: 20,
    x: {type: "utc", label: null, domain: [start, data.end]},
    y: {label: `↑ Cash (${currencySymbol(data.currency)} billions)`, grid: true, nice: true, tickFormat: formatTick},
    color,
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      ...(today && today > start && today < data.end
        ? [
            Plot.ruleX([today], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3"}),
            // Inside the frame, left of its rule: above it, it would run into the y-axis label.
            Plot.text([today], {x: (d: Date) => d, frameAnchor: "top", text: () => "today", dy: 8, dx: -3, textAnchor: "end", fontSize: 10, fill: "currentColor", fillOpacity: 0.8})
          ]
        : []),
      ...data.labels.map((label, i) => Plot.lineY(rows.filter((r) => r.column === label), {x: "date", y: "cash", stroke: "column", strokeWidth: 2, strokeDasharray: COLUMN_DASHES[i] === "none" ? undefined : COLUMN_DASHES[i]})),
      Plot.dot(events.filter((e) => e.kind === "cash-out"), {x: "date", y: "cash", stroke: "column", strokeWidth: 3, r: 6, symbol: "times"}),
      Plot.dot(events.filter((e) => e.kind === "break-even"), {x: "date", y: "cash", fill: "column", stroke: "var(--theme-background, white)", r: 5}),
      Plot.tip(rows, Plot.pointerX({x: "date", y: "cash", stroke: "column", format: {x: formatMonthOf, y: (b: number) => formatMoney(b * BILLION, data.currency), stroke: true}}))
    ]
  });
  const figure = document.createElement("figure");
  figure.className = "compare-chart";
  figure.dataset.testid = `compare-chart-${data.firm}`;
  figure.append(columnLegend(data.labels), chart);
  return figure;
}

/** The header row of a table with one column per scenario. */
function headerRow(columns: readonly CompareColumn[], first: string) {
  return html`<tr><th class="compare-rowhead">${first}</th>${columns.map(
    (c, i) => html`<th class="num" scope="col"><span class="compare-key" style=${`border-color:${COLUMN_COLORS[i]}`}>${COLUMN_LETTERS[i]}</span> ${c.title}</th>`
  )}</tr>`;
}

const groupRow = (title: string, span: number, color?: string) =>
  html`<tr class="compare-group"><th colspan=${span}>${color ? html`<span class="swatch" style=${`background:${color}`}></span> ` : ""}${title}</th></tr>`;

/** The headline numbers: a group of rows per firm, one column per scenario, numbers right-aligned. */
export function headlineTable(rows: readonly HeadlineRow[], columns: readonly CompareColumn[]): HTMLElement {
  const firms = [...new Set(rows.map((r) => r.firm))];
  return html`<div class="table-scroll compare-table"><table data-testid="compare-headline">
    <thead>${headerRow(columns, "")}</thead>
    ${firms.map(
      (firm) => html`<tbody>${groupRow(FIRM_NAME[firm], columns.length + 1, FIRM_COLOR[firm])}${rows
        .filter((r) => r.firm === firm)
        .map(
          (r) => html`<tr data-row=${r.key}><th scope="row" class="compare-rowhead">${r.label}</th>${r.cells.map(
            (cell, i) => html`<td class=${`num${cell.tone ? ` ${cell.tone}` : ""}`} data-testid=${`compare-${r.key}-${firm}`} data-column=${String(i)} data-value=${cell.value}>${cell.text}</td>`
          )}</tr>`
        )}</tbody>`
    )}
  </table></div>` as HTMLElement;
}

/** The inputs that differ, grouped (Zhipu AI, MiniMax, Market, ranges), each with its unit. */
export function inputsTable(rows: readonly InputRow[], columns: readonly CompareColumn[]): HTMLElement {
  if (rows.length === 0) return html`<p data-testid="compare-inputs-none">All ${columns.length} scenarios have the same inputs.</p>` as HTMLElement;
  const groups = [...new Set(rows.map((r) => r.group))];
  const firmColor = (group: string) => Object.entries(FIRM_NAME).find(([, name]) => name === group)?.[0] as FirmId | undefined;
  return html`<div class="table-scroll compare-table"><table data-testid="compare-inputs">
    <thead>${headerRow(columns, "Input")}</thead>
    ${groups.map((group) => {
      const firm = firmColor(group);
      return html`<tbody>${groupRow(group, columns.length + 1, firm ? FIRM_COLOR[firm] : undefined)}${rows
        .filter((r) => r.group === group)
        .map(
          (r) => html`<tr data-path=${r.path}><th scope="row" class="compare-rowhead">${r.label}${r.unit ? html`<span class="compare-unit">${r.unit}</span>` : ""}</th>${r.values.map(
            (v, i) => html`<td class=${group === RANGES_GROUP ? "num compare-code" : "num"} data-column=${String(i)}>${v}</td>`
          )}</tr>`
        )}</tbody>`;
    })}
  </table></div>` as HTMLElement;
}

/**
 * The compare page's state: the columns and the display currency, read from the page's own link and
 * written back to it (history.replaceState) on every change. A "change" event follows each change.
 */
export class CompareState extends EventTarget {
  readonly presets: ReadonlyMap<string, Scenario>;
  columns: CompareColumn[];
  currency: Currency | null;
  /** What the link the page was opened with could not use, and why. */
  readonly opened: Pick<LinkState, "refused" | "issues" | "defaulted">;

  constructor(presets: readonly Scenario[], search: string) {
    super();
    this.presets = new Map(presets.map((p) => [p.name, p]));
    const parsed = parseCompareLink(search, this.presets);
    this.columns = parsed.columns;
    this.currency = parsed.currency;
    this.opened = {refused: parsed.refused, issues: parsed.issues, defaulted: parsed.defaulted};
    this.#write(); // the address shows what is compared, refusals dropped
  }

  /** The page's link (without "?"). */
  get query(): string {
    return encodeCompareLink(
      this.columns.map((c) => c.entry),
      this.currency
    );
  }

  /** Sets column `index` from a preset's name or a pasted link; returns the reason when it is refused. */
  setEntry(index: number, text: string): string | null {
    const result = parseEntry(text, this.presets);
    if (!result.ok) return result.reason;
    if (this.columns[index]?.entry === result.column.entry && result.column.issues.length === 0) return null;
    this.columns = this.columns.map((c, i) => (i === index ? result.column : c));
    this.#changed();
    return null;
  }

  /** Adds a column (the first preset not already shown as it is), up to four. */
  add(): void {
    if (this.columns.length >= MAX_COLUMNS) return;
    const name = [...DEFAULT_COLUMNS, ...this.presets.keys()].find((n) => this.presets.has(n) && !this.columns.some((c) => c.entry === n)) ?? DEFAULT_COLUMNS[0];
    const result = parseEntry(name, this.presets);
    if (!result.ok) return;
    this.columns = [...this.columns, result.column];
    this.#changed();
  }

  /** Removes a column, down to two. */
  remove(index: number): void {
    if (this.columns.length <= MIN_COLUMNS) return;
    this.columns = this.columns.filter((_, i) => i !== index);
    this.#changed();
  }

  setCurrency(currency: Currency | null): void {
    if (currency === this.currency) return;
    this.currency = currency;
    this.#changed();
  }

  #changed(): void {
    this.#write();
    this.dispatchEvent(new Event("change"));
  }

  #write(): void {
    history.replaceState(history.state, "", `${location.pathname}?${this.query}${location.hash}`);
  }
}

/** For Generators.observe: the columns and currency, now and after every change. */
export function observeCompare(state: CompareState) {
  return (notify: (value: {columns: CompareColumn[]; currency: Currency | null}) => void) => {
    const update = () => notify({columns: state.columns, currency: state.currency});
    update();
    state.addEventListener("change", update);
    return () => state.removeEventListener("change", update);
  };
}

/** What the opened link could not use, as text (never HTML); hidden when it was all used. */
export function openedNotice(state: CompareState): HTMLElement {
  const {refused, issues, defaulted} = state.opened;
  if (!refused.length && !issues.length && !defaulted) return html`<div data-testid="compare-notice" hidden></div>` as HTMLElement;
  return html`<div class="note link-notice" data-testid="compare-notice" role="status">
    ${refused.length || issues.length ? html`<p><strong>Some of this link could not be used</strong>; everything else in it was.</p>` : ""}
    <ul>
      ${refused.map((r) => html`<li>Scenario ${r.position} (<code>${r.entry}</code>): ${r.reason}</li>`)}
      ${issues.map((i) => html`<li><code>${shortened(i.field)}</code>${i.value ? html` = <code>${shortened(i.value)}</code>` : ""}: ${i.reason}</li>`)}
      ${defaulted ? html`<li>${defaulted}</li>` : ""}
    </ul>
  </div>` as HTMLElement;
}

/**
 * The columns as a list of editable entries: a preset to choose, or a share link to paste (Enter, or
 * leaving the box, applies it); a refusal is shown beside its entry and changes nothing. Each entry
 * opens its scenario in the notebook; columns can be added up to four and removed down to two.
 */
export function columnsEditor(state: CompareState): HTMLElement {
  const list = html`<ol class="compare-entries" data-testid="compare-entries"></ol>` as HTMLElement;
  const add = html`<button type="button" data-testid="compare-add">+ Add a scenario</button>` as HTMLButtonElement;
  const currency = html`<select aria-label="Show money in" data-testid="compare-currency">
    <option value="">each firm's own (per share: HK$)</option>
    ${CURRENCIES.map((c) => html`<option value=${c}>${c}</option>`)}
  </select>` as HTMLSelectElement;
  add.addEventListener("click", () => state.add());
  currency.addEventListener("change", () => state.setCurrency(CURRENCIES.find((c) => c === currency.value) ?? null));

  const entry = (column: CompareColumn, index: number): HTMLElement => {
    const letter = COLUMN_LETTERS[index]!;
    const select = html`<select aria-label=${`Scenario ${letter}`}>${[...state.presets.values()].map((p) => html`<option value=${p.name}>${p.title}</option>`)}</select>` as HTMLSelectElement;
    select.value = column.presetName;
    const box = html`<input type="text" class="compare-paste" spellcheck="false" autocomplete="off" aria-label=${`Share link for scenario ${letter}`} placeholder="or paste a share link" data-testid=${`compare-paste-${index}`}>` as HTMLInputElement;
    box.value = column.changes > 0 ? column.entry : "";
    const message = html`<div class="compare-message" role="alert"></div>` as HTMLElement;
    const remove = html`<button type="button" class="compare-remove" aria-label=${`Remove scenario ${letter}`}>Remove</button>` as HTMLButtonElement;
    remove.disabled = state.columns.length <= MIN_COLUMNS;
    const commit = (text: string) => {
      const reason = state.setEntry(index, text);
      message.textContent = reason ? `Not used: ${reason}` : "";
      box.setAttribute("aria-invalid", reason ? "true" : "false");
    };
    select.addEventListener("change", () => commit(select.value));
    box.addEventListener("change", () => commit(box.value));
    box.addEventListener("keydown", (e) => e.key === "Enter" && commit(box.value));
    box.addEventListener("input", (e) => (e as InputEvent).inputType === "insertFromPaste" && commit(box.value));
    remove.addEventListener("click", () => state.remove(index));
    return html`<li class="compare-entry" data-testid="compare-entry" data-column=${String(index)}>
      <div class="compare-entry-head"><span class="compare-key" style=${`border-color:${COLUMN_COLORS[index]}`}>${letter}</span> <strong>${column.title}</strong> <a href=${`./?${column.query}`} data-testid=${`compare-open-${index}`}>Open in the notebook →</a></div>
      <div class="compare-entry-controls">${select}${box}${remove}</div>
      ${message}
      ${column.issues.length ? html`<ul class="compare-issues">${column.issues.map((i) => html`<li>Dropped <code>${shortened(i.field)}</code>${i.value ? html` = <code>${shortened(i.value)}</code>` : ""}: ${i.reason}</li>`)}</ul>` : ""}
    </li>` as HTMLElement;
  };

  const render = () => {
    list.replaceChildren(...state.columns.map(entry));
    add.disabled = state.columns.length >= MAX_COLUMNS;
    currency.value = state.currency ?? "";
  };
  state.addEventListener("change", render);
  render();
  return html`<div class="compare-editor">${list}<div class="compare-editor-foot">${add} <label>Money in ${currency}</label></div></div>` as HTMLElement;
}
