// The Risk page's parts: probabilities in words, the cash fan chart, distributions of the per-path
// answers, convergence, the editable ranges and the goal seek. Each chart takes rows and {width}.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {allFieldPaths, FIRM_CURRENCY, FIRM_NAME, FIRMS, fieldSpec, firmOfPath, type Currency, type FirmId, type MarketInputs} from "../lib/fields.js";
import {convert} from "../lib/fx.js";
import {currencySymbol, formatCount, formatFieldValue, formatMonthOf, formatPerShare, formatProbability, formatStandardError, formatTick, lowerFirst} from "../lib/format.js";
import type {AppliedAnswer, Goal, GoalAnswer} from "../lib/goalSeek.js";
import type {Estimate} from "../lib/estimate.js";
import type {PathHistogram, RiskView} from "../lib/riskView.js";
import {getField, type Scenario} from "../lib/schema.js";
import {canCarryRange, CORRELATION_PARAM, followsValue, formatCorrelations, formatRange, NO_UNCERTAINTY, RANGE_PREFIX, simulationOf, suggestedRange, type Correlation} from "../lib/uncertainty.js";
import {term} from "./term.js";
import {FIRM_COLOR, PRICE_COLOR, TEXT_HALO} from "./colors.js";
import {markerAxis, offAxisSentence, offAxisText} from "./markerAxis.js";
import {monthEndDate} from "./series.js";
import {FIRST_ESTIMATE_PATHS, type RiskRunner} from "./riskRunner.js";
import type {ScenarioStore} from "./store.js";

/** The three probabilities of one firm in words, each with its standard error. */
export function probabilitySentences(view: RiskView, firm: FirmId, targetYear: number, price: number, display: PerShareDisplay): HTMLElement {
  const name = FIRM_NAME[firm];
  const {cashOutBeforeBreakEven: cashOut, breakEvenByTarget: byTarget, valueAbovePrice: above} = view.probabilities;
  const valid = view.paths - view.invalidPaths;
  const line = (e: Estimate, text: string, testid: string) => html`<li data-testid=${testid}><strong>${formatProbability(e.p)}</strong> <span class="muted">(${formatStandardError(e, valid)})</span> ${text}</li>`;
  return html`<ul class="probabilities">
    ${line(cashOut, `chance that ${name} runs out of cash before it breaks even`, `p-cashout-${firm}`)}
    ${line(byTarget, `chance that ${name} breaks even by December ${targetYear}, its target`, `p-target-${firm}`)}
    ${line(above, `chance that its DCF value per share is above the price of ${formatPerShare(shownPerShare(price, display), display.currency)}`, `p-value-${firm}`)}
  </ul>
  ${byTarget.p === 0 ? noBreakEvenByTarget(view, name, targetYear) : ""}
  <p class="small muted" data-testid="risk-paths-${firm}">${formatCount(view.paths)} paths, seed ${view.seed}${view.invalidPaths ? `; ${formatCount(view.invalidPaths)} paths left out because their drawn inputs do not fit together` : ""}. ± is one standard error; at 0% or 100%, where that is 0, a 95% confidence bound instead (the rule of three: 3 ÷ the paths).</p>` as HTMLElement;
}

/**
 * Why the chance of break-even by the target is 0%: no path gets there, and when the paths do break
 * even instead (their P5 and median), or that half never do within the horizon.
 */
function noBreakEvenByTarget(view: RiskView, name: string, targetYear: number): HTMLElement {
  const [y, m] = view.cash.dates[0]!.split("-").map(Number);
  const month0 = y! * 12 + m! - 1;
  const when = (months: number | null) => (months === null ? null : formatMonthOf(monthEndDate(month0 + Math.ceil(months))));
  const first = when(view.breakEvenMonths.p5);
  const half = when(view.breakEvenMonths.p50);
  const horizon = formatMonthOf(monthEndDate(month0 + view.cash.dates.length - 1));
  const later =
    first === null
      ? `Fewer than 5% of the paths break even at all by ${horizon}, the end of the projection.`
      : `The first 5% of the paths break even by ${first}; ${half === null ? `more than half never do by ${horizon}, the end of the projection` : `half by ${half}`}.`;
  return html`<p class="small" data-testid="why-no-target">Why 0%: on none of the ${formatCount(view.paths - view.invalidPaths)} paths does ${name}'s monthly operating cash flow turn positive by December ${targetYear}, even with its inputs drawn across their ranges. ${later} The distribution of break-even dates is below.</p>` as HTMLElement;
}

export interface FanRow {
  firm: FirmId;
  name: string;
  date: Date;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Both firms' monthly cash bands in billions of the display currency, on one calendar axis. */
export function fanRows(views: Partial<Record<FirmId, RiskView>>, currency: Currency, market: MarketInputs): FanRow[] {
  const rows: FanRow[] = [];
  for (const [firm, view] of Object.entries(views) as [FirmId, RiskView | undefined][]) {
    if (!view) continue;
    const to = (x: number) => convert(x, FIRM_CURRENCY[firm], currency, market) / 1000;
    const c = view.cash;
    c.dates.forEach((iso, t) => {
      const [y, m] = iso.split("-").map(Number);
      rows.push({firm, name: FIRM_NAME[firm], date: monthEndDate(y! * 12 + m! - 1), p5: to(c.p5[t]!), p25: to(c.p25[t]!), p50: to(c.p50[t]!), p75: to(c.p75[t]!), p95: to(c.p95[t]!)});
    });
  }
  return rows;
}

export function fanChart(rows: FanRow[], options: {width: number; currency: Currency; end: Date}): SVGElement | HTMLElement {
  const firms = [...new Set(rows.map((r) => r.firm))];
  const shown = rows.filter((r) => r.date <= options.end);
  return Plot.plot({
    width: options.width,
    height: Math.min(420, Math.max(280, options.width * 0.45)),
    marginLeft: 52,
    x: {type: "utc", label: null},
    y: {label: `↑ Cash (${currencySymbol(options.currency)} billions)`, grid: true, tickFormat: formatTick},
    color: {legend: true, domain: firms.map((f) => FIRM_NAME[f]), range: firms.map((f) => FIRM_COLOR[f])},
    marks: [
      Plot.areaY(shown, {x: "date", y1: "p5", y2: "p95", z: "firm", fill: "name", fillOpacity: 0.15}),
      Plot.areaY(shown, {x: "date", y1: "p25", y2: "p75", z: "firm", fill: "name", fillOpacity: 0.3}),
      Plot.lineY(shown, {x: "date", y: "p50", z: "firm", stroke: "name", strokeWidth: 2}),
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.tip(shown, Plot.pointerX({x: "date", y: "p50", z: "firm", title: (d: FanRow) => `${d.name}, ${formatMonthOf(d.date)}\nmedian ${formatTick(d.p50)}\nP25–P75 ${formatTick(d.p25)} to ${formatTick(d.p75)}\nP5–P95 ${formatTick(d.p5)} to ${formatTick(d.p95)}\n(${currencySymbol(options.currency)} billions)`}))
    ]
  });
}

/** A share axis (in %) with a fifth of headroom above the tallest bar, where a marker's label sits at the top of the frame. */
function shareDomain(shares: number[]): [number, number] {
  const tallest = Math.max(0, ...shares);
  return [0, tallest > 0 ? tallest * 120 : 100];
}

/** Fewest half-year bars an axis spans: three years. */
const MIN_HISTOGRAM_BINS = 6;
/**
 * Fewest paths worth drawing as a distribution; fewer are named in a sentence instead (Zhipu's
 * break-even in the bear case: one path of 100,000 drew a lone bar 0.001% high).
 */
const FEWEST_DRAWN_PATHS = 20;
/**
 * The share of the drawn paths a late tail may hold and be left beyond the axis (the caption says how
 * many and how late): MiniMax's runway in the bear case stretched the axis to 2040 for bars in 2029–2033.
 */
const LATE_TAIL = 0.005;

/** A month-offset histogram (runway, break-even) against calendar dates, with "never" beside it. */
export function monthsHistogram(h: PathHistogram, options: {width: number; startMonth: number; firm: FirmId; label: string; marker?: {date: Date; text: string}}): HTMLElement {
  const name = options.label.replace(/ →$/, "");
  const date = (months: number) => monthEndDate(options.startMonth + months);
  const drawnShare = h.bins.reduce((sum, b) => sum + b.share, 0);
  const drawnPaths = Math.round(drawnShare * h.paths);
  // No path gets there within the horizon: no bars, and an axis of zeros would draw them full height.
  if (drawnShare === 0) {
    return html`<figure><figcaption>${name}: ${h.never > 0 ? `${formatProbability(h.never)} of paths never get there within the horizon, so there is no distribution to draw.` : "no valid path to draw."}</figcaption></figure>` as HTMLElement;
  }
  const first = h.bins.findIndex((b) => b.share > 0);
  const last = h.bins.findLastIndex((b) => b.share > 0);
  if (drawnPaths < FEWEST_DRAWN_PATHS) {
    // The first month of the first half-year with a path, to the last month of the last.
    const from = formatMonthOf(date(h.bins[first]!.x0 + 1));
    const to = formatMonthOf(date(h.bins[last]!.x1));
    const gets = drawnPaths === 1 ? "gets" : "get";
    return html`<figure><figcaption>${name}: only ${formatCount(drawnPaths)} of the ${formatCount(h.paths)} paths ${gets} there within the horizon (${from === to ? from : `${from}–${to}`}), too few to draw a distribution${h.never > 0 ? `; ${formatProbability(h.never)} never do` : ""}.</figcaption></figure>` as HTMLElement;
  }
  // The axis spans the bars (and the marker) with a half-year either side, at least three years
  // within the horizon: over all fifteen years, bars within two or three of them had no tick beside them.
  const all = h.bins.map((b) => ({start: date(b.x0), end: date(b.x1), share: b.share}));
  let from = Math.max(0, first - 1);
  // A thin late tail is left beyond the axis (LATE_TAIL).
  let end = last;
  for (let tail = all[end]!.share; end > first && tail <= LATE_TAIL * drawnShare; tail += all[end]!.share) end--;
  while (end < last && all[end]!.share === 0) end--;
  let to = Math.min(all.length, end + 2);
  if (options.marker) {
    // The first bar starting at or after the marker (a year's end is a bar's edge).
    const after = all.findIndex((b) => b.start >= options.marker!.date);
    const markerBin = after < 0 ? all.length : after;
    from = Math.max(0, Math.min(from, markerBin - 1));
    to = Math.min(all.length, Math.max(to, markerBin + 2));
  }
  if (to - from < MIN_HISTOGRAM_BINS) to = Math.min(all.length, from + MIN_HISTOGRAM_BINS);
  if (to - from < MIN_HISTOGRAM_BINS) from = Math.max(0, to - MIN_HISTOGRAM_BINS);
  const bins = all.slice(from, to);
  const later = all.slice(to).reduce((sum, b) => sum + b.share, 0);
  const chart = Plot.plot({
    width: options.width,
    height: 200,
    marginLeft: 44,
    x: {type: "utc", label: options.label, domain: [bins[0]!.start, bins.at(-1)!.end]},
    y: {label: "↑ Share of paths (%)", percent: true, grid: true, domain: shareDomain(bins.map((b) => b.share))},
    marks: [
      Plot.rectY(bins, {x1: "start", x2: "end", y: "share", fill: FIRM_COLOR[options.firm], fillOpacity: 0.7, insetLeft: 0.5, insetRight: 0.5}),
      ...(options.marker ? [Plot.ruleX([options.marker.date], {stroke: "currentColor", strokeDasharray: "4,3"}), Plot.text([options.marker], {x: "date", text: "text", frameAnchor: "top", dy: 4, dx: 4, lineAnchor: "top", textAnchor: "start", fontSize: 10, ...TEXT_HALO, fill: "currentColor"})] : []),
      Plot.ruleY([0])
    ]
  });
  // A half-year's months are all in one year: the last bar's.
  const beyond = later > 0 ? `${formatProbability(later)} of paths get there later, as late as ${all[last]!.end.getUTCFullYear()} (beyond the axis). ` : "";
  const never = h.never > 0 ? `${formatProbability(h.never)} of paths never get there within the horizon (not drawn).` : "";
  return html`<figure>${chart}<figcaption>${beyond}${never}</figcaption></figure>` as HTMLElement;
}

/**
 * The currency and rates a value per share is shown in. A path's value is in HK$ (the listing
 * currency, the price's), with its own drawn rates; it is converted at the scenario's rates, one
 * factor for every path, so the comparison with the price is the same in any currency.
 */
export interface PerShareDisplay {
  currency: Currency;
  market: MarketInputs;
}

/** HK$ per share in the display currency. */
function shownPerShare(hkd: number, display: PerShareDisplay): number {
  return convert(hkd, "HKD", display.currency, display.market);
}

/** Value per share against the price: `h` and `price` in HK$, shown in the display currency. */
export function valueHistogram(h: PathHistogram, options: {width: number; firm: FirmId; price: number; display: PerShareDisplay}): HTMLElement {
  const {width, display} = options;
  const {currency} = display;
  const price = shownPerShare(options.price, display);
  const bins = h.bins.map((b) => ({x0: shownPerShare(b.x0, display), x1: shownPerShare(b.x1, display), share: b.share}));
  const low = bins[0]?.x0 ?? price;
  const high = bins.at(-1)?.x1 ?? price;
  const {domain, off} = markerAxis(low, high, price);
  const marginLeft = 44;
  const marginRight = 20;
  // A bar's gap (half a pixel each side) only where bars are wide enough to keep some colour.
  const binPixels = ((width - marginLeft - marginRight) * (high - low)) / Math.max(1, bins.length) / (domain[1] - domain[0] || 1);
  const inset = binPixels >= 3 ? 0.5 : 0;
  // The price's label sits inside the frame: left of its rule in the axis's right half.
  const rightHalf = price > (domain[0] + domain[1]) / 2;
  const priceText = `price ${formatPerShare(price, currency)}`;
  const priceMarks =
    off === null
      ? [
          Plot.ruleX([price], {stroke: PRICE_COLOR, strokeWidth: 2}),
          Plot.text([price], {x: (d: number) => d, text: () => priceText, frameAnchor: "top", dy: 4, dx: rightHalf ? -4 : 4, lineAnchor: "top", textAnchor: rightHalf ? "end" : "start", fontSize: 10, fill: "currentColor", ...TEXT_HALO})
        ]
      : [Plot.text([priceText], {text: (d: string) => offAxisText(d, off), frameAnchor: off === "right" ? "top-right" : "top-left", dy: 4, lineAnchor: "top", textAnchor: off === "right" ? "end" : "start", fontSize: 10, fill: PRICE_COLOR, fontWeight: 600, ...TEXT_HALO})];
  const chart = Plot.plot({
    width,
    height: 200,
    marginLeft,
    marginRight,
    // At least four ticks: with the price far from the bars, two (0 and 100) left the bars unlabelled.
    x: {label: `DCF value per share (${currencySymbol(currency)}) →`, tickFormat: formatTick, domain, ticks: Math.max(4, Math.floor((width - marginLeft - marginRight) / 60))},
    y: {label: "↑ Share of paths (%)", percent: true, grid: true, domain: shareDomain(bins.map((b) => b.share))},
    marks: [Plot.rectY(bins, {x1: "x0", x2: "x1", y: "share", fill: FIRM_COLOR[options.firm], fillOpacity: 0.7, insetLeft: inset, insetRight: inset}), ...priceMarks, Plot.ruleY([0])]
  });
  const tails = h.below + h.above > 0 ? `The lowest and highest 1% of paths lie beyond the axis (${formatProbability(h.below)} below, ${formatProbability(h.above)} above).` : "";
  const far = off === null ? "" : ` ${offAxisSentence(formatPerShare(price, currency), off, "at least 99% of the paths are worth")}`;
  return html`<figure>${chart}<figcaption>${tails}${far}</figcaption></figure>` as HTMLElement;
}

interface ConvergenceRow {
  paths: number;
  measure: string;
  p: number;
  low: number;
  high: number;
}

/** Each probability as the paths grow, with a band of two standard errors: where it settles, the paths are enough. */
export function convergenceChart(view: RiskView, options: {width: number}): SVGElement | HTMLElement {
  const c = view.convergence;
  const measures = [
    ["cash-out before break-even", c.cashOutBeforeBreakEven],
    ["break-even by the target", c.breakEvenByTarget],
    ["value above price", c.valueAbovePrice]
  ] as const;
  const rows: ConvergenceRow[] = measures.flatMap(([measure, ps]) =>
    c.paths.map((n, i) => {
      const p = ps[i]!;
      const band = 2 * Math.sqrt((p * (1 - p)) / n);
      return {paths: n, measure, p, low: Math.max(0, p - band), high: Math.min(1, p + band)};
    })
  );
  return Plot.plot({
    width: options.width,
    height: 220,
    marginLeft: 44,
    x: {type: "log", label: "Paths →", tickFormat: "~s"},
    y: {label: "↑ Probability (%)", percent: true, domain: [0, 100], grid: true},
    // Not the firm colours: these are measures.
    color: {legend: true, domain: measures.map(([m]) => m), range: ["#d62728", "#2ca02c", "#9467bd"]},
    marks: [Plot.areaY(rows, {x: "paths", y1: "low", y2: "high", fill: "measure", fillOpacity: 0.15}), Plot.lineY(rows, {x: "paths", y: "p", stroke: "measure", marker: "dot"})]
  });
}

/** The inputs of one ranges table: a firm's, or the market's (the exchange rates, shared by both). */
export type RangeGroup = FirmId | "market";

const groupCurrency = (group: RangeGroup): Currency => (group === "market" ? "USD" : FIRM_CURRENCY[group]);

/**
 * Each of the group's ranges' rationale ("From the articles: …" / "Assumption: …") while the range is
 * the default (`base`'s), or the default moved to the scenario's value (a preset, a link or an edit
 * moved its input: a default range follows it); a range the user or the link set has none of ours.
 */
export function rangeRationales(provenance: Record<string, {basis: string; rationale: string}>, base: Scenario, scenario: Scenario, group: RangeGroup): Record<string, string> {
  const defaults = (base.uncertainty ?? NO_UNCERTAINTY).ranges;
  const current = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  const out: Record<string, string> = {};
  for (const [path, p] of Object.entries(provenance)) {
    const range = current[path];
    const standard = defaults[path];
    if (!path.startsWith(`${group}.`) || !standard || !range) continue;
    const why = `${p.basis === "fact" ? "From the articles: " : "Assumption: "}${p.rationale}`;
    const [from, to] = [getField(base, path), getField(scenario, path)];
    if (formatRange(standard) === formatRange(range)) out[path] = why;
    else if (followsValue(standard, range, from, to)) {
      const shown = (v: unknown) => formatFieldValue(v, fieldSpec(path)!.unit, groupCurrency(group));
      out[path] = `The default range ${formatRange(standard)}, moved with its input (${shown(from)} → ${shown(to)}), keeping its shape. The default's reason — ${why}`;
    }
  }
  return out;
}

/** What the page says of a value given to ScenarioStore.setUncertainty: nothing, why it was refused, or what was repaired or left out. */
export function uncertaintyNotice(result: {applied: boolean; notice: string | null}, name = ""): string {
  return result.notice === null ? "" : `${result.applied ? "Applied, with a notice:" : "Not applied:"} ${name ? `${name} ` : ""}${result.notice}`;
}

/** Notices on applied texts, by the box's focus key, for the box that replaces it when its part redraws. */
const appliedNotices = new Map<string, string>();

/**
 * A text box that applies its text to the store's uncertainty as the link parameter `param()` on
 * Enter (and, with `onChange`, when it loses focus with a new text), and says beside it why a text
 * was refused, or what was repaired or left out. The same text is not applied twice (Enter, then the
 * change event Chromium fires after it).
 */
function uncertaintyBox(store: ScenarioStore, options: {param: () => string | null; text: string; label: string; focusKey: string; placeholder?: string; onChange: boolean}): {input: HTMLInputElement; message: HTMLElement; apply: () => void} {
  const input = html`<input type="text" value=${options.text} aria-label=${options.label} data-focus-key=${options.focusKey} placeholder=${options.placeholder ?? ""} spellcheck="false">` as HTMLInputElement;
  const message = html`<span class="range-message small" role="status"></span>` as HTMLElement;
  // A notice on a text that was applied: the change redraws this box's part, and the new box says it.
  message.textContent = appliedNotices.get(options.focusKey) ?? "";
  message.classList.toggle("applied", appliedNotices.delete(options.focusKey));
  let applied = options.text;
  const apply = () => {
    const text = input.value.trim();
    const param = options.param();
    if (param !== null && text === applied) return;
    const result = param === null ? {applied: false, notice: "choose an input first"} : store.setUncertainty(param, text);
    if (result.applied) applied = text;
    message.textContent = uncertaintyNotice(result);
    message.classList.toggle("applied", result.applied);
    if (result.applied && result.notice !== null) appliedNotices.set(options.focusKey, message.textContent);
    input.setAttribute("aria-invalid", result.applied || result.notice === null ? "false" : "true");
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") apply();
  });
  if (options.onChange) input.addEventListener("change", apply);
  return {input, message, apply};
}

/**
 * The scenario's ranges of one group, each editable: type a range ("pert(0.65,1.3,1.6)") or "fixed"
 * and press Enter; and a last row to put a range on an input that has none.
 */
export function rangesEditor(store: ScenarioStore, group: RangeGroup, rationale: Record<string, string>): HTMLElement {
  const uncertainty = store.scenario.uncertainty ?? NO_UNCERTAINTY;
  const paths = Object.keys(uncertainty.ranges)
    .filter((p) => p.startsWith(`${group}.`))
    .sort();
  const currency = groupCurrency(group);
  // The draws replace the scenario's own value: say what that value is, so a preset's point is not silently lost.
  const own = (path: string) => getField(store.scenario, path) as number;
  const row = (path: string) => {
    const spec = uncertainty.ranges[path]!;
    const field = fieldSpec(path)!;
    const {input, message} = uncertaintyBox(store, {param: () => `${RANGE_PREFIX}${path}`, text: formatRange(spec), label: `Range of ${field.label}`, focusKey: `range ${path}`, onChange: true});
    input.dataset.range = path;
    // Draws are cut at the input's hard limits: an end beyond one shows the limit, saying so.
    const value = (x: number) => formatFieldValue(x, field.unit, currency);
    const atLimit = (limit: number) => `${value(limit)} (the input's limit)`;
    const low = field.min !== undefined && spec.low < field.min ? atLimit(field.min) : value(spec.low);
    const high = field.max !== undefined && spec.high > field.max ? atLimit(field.max) : value(spec.high);
    const ends = `${low} to ${high}`;
    return html`<tr><td>${field.label}</td><td>${input}<br>${message}</td><td class="small">${ends}<br><span class="muted">scenario's value: ${formatFieldValue(own(path), field.unit, currency)}</span></td><td class="small muted">${rationale[path] ?? "Set on this page or by the link."}</td></tr>`;
  };
  return html`<table class="ranges-table" data-testid=${`ranges-${group}`}>
    <thead><tr><th>Input</th><th>Range</th><th>Low to high</th><th>Why</th></tr></thead>
    <tbody>${paths.length ? paths.map(row) : html`<tr><td colspan="4" class="muted">No uncertain inputs here: every path has the scenario's values.</td></tr>`}${addRangeRow(store, group, paths, own)}</tbody>
  </table>` as HTMLElement;
}

/**
 * What one group's ranges table depends on: each of its ranges (a range a change did not touch keeps
 * its object) and the scenario's value of each ranged input. An edit elsewhere leaves the table.
 */
export function rangesTableKey(scenario: Scenario, group: RangeGroup): unknown[] {
  const ranges = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  return Object.keys(ranges)
    .filter((p) => p.startsWith(`${group}.`))
    .sort()
    .flatMap((p) => [p, ranges[p], getField(scenario, p)]);
}

/** The row that puts a range on one of the group's inputs without one: choose it, and a range around its value is offered to edit (suggestedRange). */
function addRangeRow(store: ScenarioStore, group: RangeGroup, ranged: readonly string[], own: (path: string) => number): HTMLElement | null {
  const candidates = allFieldPaths().filter((p) => p.startsWith(`${group}.`) && canCarryRange(p) && !ranged.includes(p));
  if (!candidates.length) return null;
  const select = html`<select aria-label="Input to put a range on" data-add-range-input=${group} data-focus-key=${`add-input ${group}`}>
    <option value="">Choose an input…</option>${candidates.map((p) => html`<option value=${p}>${fieldSpec(p)!.label}</option>`)}
  </select>` as HTMLSelectElement;
  const {input, message, apply} = uncertaintyBox(store, {param: () => (select.value ? `${RANGE_PREFIX}${select.value}` : null), text: "", label: "New range", focusKey: `add-range ${group}`, placeholder: "uniform(low,high)", onChange: false});
  input.dataset.addRange = group;
  select.addEventListener("change", () => {
    input.value = select.value ? formatRange(suggestedRange(select.value, own(select.value))) : "";
    message.textContent = "";
    input.removeAttribute("aria-invalid");
  });
  const add = html`<button type="button" data-focus-key=${`add ${group}`}>Add</button>` as HTMLButtonElement;
  add.addEventListener("click", apply);
  return html`<tr class="add-range"><td colspan="4"><div class="add-range-form"><span>Put a range on</span>${select}${input}${add}</div>${message}<div class="small muted">A uniform range around the scenario's value is offered (25% either side, within the input's plausible range; the plausible range itself when the value is 0): edit it, then press Enter or Add.</div></td></tr>` as HTMLElement;
}

/** Whose an input is, as a sentence names it: "Zhipu AI's", "MiniMax's", nothing for an exchange rate. */
function owner(path: string): string {
  const firm = firmOfPath(path);
  return firm ? `${FIRM_NAME[firm]}'s ` : "";
}

/** A correlation in words: "Zhipu AI's revenue growth now with its target gross margin (ρ = 0.4)"; an exchange rate by its label. */
export function correlationWords([a, b, rho]: Correlation): string {
  const label = (path: string) => lowerFirst(fieldSpec(path)!.label);
  const first = owner(a) === "" ? fieldSpec(a)!.label : `${owner(a)}${label(a)}`;
  const second = owner(b) === owner(a) && owner(a) !== "" ? `its ${label(b)}` : `${owner(b)}${label(b)}`;
  return `${first} with ${second} (ρ = ${String(rho).replace("-", "−")})`;
}

/**
 * The correlations in words, with their reason while every one of them is one of ours (`defaults`:
 * an input the user fixed takes its own with it, and the rest keep the reason), and the list to edit.
 */
export function correlationsPart(store: ScenarioStore, defaults: readonly Correlation[], rationale: string): HTMLElement {
  const list = (store.scenario.uncertainty ?? NO_UNCERTAINTY).correlations;
  const ours = new Set(defaults.map((c) => formatCorrelations([c])));
  const why = list.every((c) => ours.has(formatCorrelations([c]))) ? rationale : "Set on this page or by the link.";
  const words = list.length
    ? html`Rank correlations (${term("iman-conover", "Iman–Conover")}): ${list.map((c, i) => html`${i ? "; " : ""}<span title=${formatCorrelations([c])}>${correlationWords(c)}</span>`)}. ${why}`
    : "No correlations: every range is drawn independently.";
  const {input, message} = uncertaintyBox(store, {param: () => CORRELATION_PARAM, text: formatCorrelations(list), label: "Rank correlations", focusKey: "correlations", onChange: true});
  input.dataset.correlations = "";
  return html`<div><p>${words}</p><div class="correlations-editor"><label class="small">Edit the list — <code>input,input,ρ</code> entries separated by <code>;</code>, or <code>none</code> — and press Enter:<br>${input}</label><br>${message}</div></div>` as HTMLElement;
}

const LEVER_LABEL = {burnCut: "Cut in today's monthly burn", extraFunding: "Extra funding today", growthStart: "Revenue growth now"} as const;

/**
 * One firm's goal-seek answers: each lever's value and the probability with it applied (checked on the
 * same paths); with `put` (the answer as the edit that applies it) and `apply`, a checked answer with a
 * value gets a button that hands that edit to `apply`, saying beforehand when the chance will differ.
 */
export function goalAnswers(firm: FirmId, answers: readonly GoalAnswer[] | undefined, running: boolean, goal: Goal, paths: number, options: ApplyOptions = {}): HTMLElement {
  const currency = FIRM_CURRENCY[firm];
  const order = ["burnCut", "extraFunding", "growthStart"] as const;
  const byLever = new Map((answers ?? []).map((a) => [a.lever, a]));
  const value = (a: GoalAnswer) =>
    a.value === null ? "–" : a.lever === "growthStart" ? formatFieldValue(a.value, "fractionPerYear", currency) : a.lever === "burnCut" ? `${formatFieldValue(a.value, "moneyPerMonth", currency)}` : formatFieldValue(a.value, "money", currency);
  const check = (a: GoalAnswer) => (a.probability ? `${goal.kind === "cash-out" ? "P(cash-out first)" : "P(break-even by target)"} = ${formatProbability(a.probability.p)} (${formatStandardError(a.probability, paths)})` : a.value === null ? "" : "checking…");
  return html`<table class="goal-table" data-testid=${`goal-${firm}`}>
    <thead><tr><th>Lever</th><th>Least that meets the goal</th><th>With it, on the same paths</th></tr></thead>
    <tbody>${order.map((lever) => {
      const a = byLever.get(lever);
      return html`<tr data-lever=${lever}><td>${LEVER_LABEL[lever]}</td><td>${a ? html`<strong>${value(a)}</strong>${a.reason ? html`<br><span class="small muted">${a.reason}</span>` : ""}` : running ? "solving…" : "–"}</td><td class="small">${a ? check(a) : ""}${a ? applyButton(a, options) : ""}</td></tr>`;
    })}</tbody>
  </table>` as HTMLElement;
}

/** What the page says once an answer is applied: the value now, and the chance it was checked with. */
export function appliedSentence(firm: FirmId, answer: GoalAnswer, put: AppliedAnswer): string {
  const [path, value] = put.edit;
  const spec = fieldSpec(path)!;
  const currency = FIRM_CURRENCY[firm];
  const lever = answer.lever === "growthStart" ? "" : ` (${answer.lever === "burnCut" ? "a cut" : "a rise"} of ${formatFieldValue(answer.value, answer.lever === "burnCut" ? "moneyPerMonth" : "money", currency)})`;
  const checked = `${answer.goal.kind === "cash-out" ? "P(cash-out first)" : "P(break-even by target)"} = ${formatProbability(answer.probability!.p)}`;
  const after = put.differs ? `; the chances at the top of the page answer the applied scenario, and differ from it: ${put.differs}` : `; the chances at the top of the page now answer the applied scenario, on the same paths`;
  return `Applied: ${FIRM_NAME[firm]}'s ${lowerFirst(spec.label)} set to ${formatFieldValue(value, spec.unit, currency)}${lever}. The goal seek checked ${checked}${after}. Solve again for a new goal.`;
}

/** How goalAnswers offers to apply an answer: the edit that puts it into the scenario, and what takes it. */
interface ApplyOptions {
  put?: (answer: GoalAnswer) => AppliedAnswer | null;
  apply?: (answer: GoalAnswer, put: AppliedAnswer) => void;
}

/** The button that puts a checked answer into the scenario, with what to expect of the chance after it. */
function applyButton(a: GoalAnswer, {put, apply}: ApplyOptions): HTMLElement | string {
  if (!put || !apply || a.value === 0 || a.probability === null) return "";
  const edit = put(a);
  if (edit === null) return "";
  const button = html`<button type="button" class="goal-apply" data-apply=${a.lever}>Apply</button>` as HTMLButtonElement;
  button.addEventListener("click", () => apply(a, edit));
  return html`<div>${button}${edit.differs ? html` <span class="muted" data-testid="apply-caveat">Applied, the chance will differ: ${edit.differs}.</span>` : ""}</div>` as HTMLElement;
}

/** The scenario's paths and seed as a sentence, for the page's status line. */
export function simulationLine(scenario: Scenario): string {
  const {paths, seed} = simulationOf(scenario);
  return `${formatCount(paths)} paths, seed ${seed}`;
}

/** "Zhipu AI and MiniMax". */
const firmNames = (firms: readonly FirmId[]) => firms.map((f) => FIRM_NAME[f]).join(" and ");

/**
 * The Risk page's status line: which firms are being simulated and what is shown meanwhile, or how
 * long the last run took and which firms it re-simulated (a change that leaves a firm's simulation key
 * leaves its numbers, which are already right).
 */
export function runStatus(runner: RiskRunner): HTMLElement {
  const r = runner.risk;
  const errors = FIRMS.map((f) => r[f].error).filter((e): e is string => e !== null);
  const running = FIRMS.filter((f) => !r[f].final);
  const line = runner.scenario ? simulationLine(runner.scenario) : "";
  const paths = runner.scenario ? simulationOf(runner.scenario).paths : 0;
  let text: string | HTMLElement;
  if (errors.length) text = html`<strong>The simulation failed: ${errors.join("; ")}</strong>` as HTMLElement;
  else if (running.length) {
    const shown = running.some((f) => r[f].firstMs !== null) ? `showing the first estimate from ${formatCount(FIRST_ESTIMATE_PATHS)} paths.` : running.some((f) => r[f].view) ? "the numbers below are the previous state's until the first estimate arrives." : "";
    text = `Simulating ${line}${running.length < FIRMS.length ? ` for ${firmNames(running)}` : ""}… ${shown}`;
  } else {
    const ran = runner.rerun;
    const kept = FIRMS.filter((f) => !ran.includes(f));
    const ms = (key: "firstMs" | "fullMs") => `${Math.round(Math.max(...ran.map((f) => r[f][key] ?? 0)))} ms`;
    const times = paths > FIRST_ESTIMATE_PATHS ? `first estimate (${formatCount(FIRST_ESTIMATE_PATHS)} paths) in ${ms("firstMs")}, all paths in ${ms("fullMs")}` : `all paths in ${ms("fullMs")}`;
    const where = kept.length ? `${firmNames(ran)} only, in a background worker: ${firmNames(kept)}'s numbers do not depend on the change` : "in two background workers";
    text = `${line}: ${times}, ${where}.`;
  }
  return html`<p class="small" data-testid="risk-status" data-final=${running.length === 0 && errors.length === 0 ? "true" : "false"}>${text}</p>` as HTMLElement;
}

/** The overview's line for one firm, named (the cards above stack on a phone): the chance of running out of cash first, linking to Risk with the same state. */
export function riskLine(view: RiskView | null, firm: FirmId, query: string, current = true): HTMLElement {
  const link = html`<a href=${`./risk?${query}`}>Risk</a>`;
  const name = FIRM_NAME[firm];
  if (!view) return html`<p class="small muted" data-testid=${`risk-line-${firm}`}>${name}: P(cash-out before break-even): simulating… (${link})</p>` as HTMLElement;
  const e = view.probabilities.cashOutBeforeBreakEven;
  // `current` false: the numbers are an earlier state's, the new run not yet started or arrived.
  const when = current ? "" : "; before the last change, updating…";
  return html`<p class=${current ? "small" : "small stale"} data-testid=${`risk-line-${firm}`} data-current=${String(current)}>${name}: P(cash-out before break-even) = <strong>${formatProbability(e.p)}</strong> <span class="muted">(${formatStandardError(e, view.paths - view.invalidPaths)}, ${formatCount(view.paths)} paths${when})</span> — ${link}</p>` as HTMLElement;
}
