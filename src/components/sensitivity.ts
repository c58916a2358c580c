// The Sensitivity page's charts: a tornado per answer (how far each input's range moves it) and a
// heatmap over two inputs (the answer per cell, the cells that meet the target bounded by a line).
// Clicking a bar end or a cell hands the input value(s) to `onApply`; each chart is one tab stop,
// and the arrow keys and Enter do the same from the keyboard.
//
// Drawn as plain SVG in Plot's style (d3 scales, one string per chart, every text escaped) rather
// than with Plot: a page of ten charts redraws five of them on every change, and Plot's fixed cost
// (~7 ms a chart here, ~30 ms for 441 cells) would take a change far past 50 ms.
import {interpolateRdBu, interpolateYlGnBu, rgb, scaleDiverging, scaleLinear, scaleSequential, utcMonth, utcYear} from "d3";
import {html} from "htl";
import {dateAfterMonths} from "../lib/dates.js";
import {currencyOfPath, FIRMS, FIRM_CURRENCY, FIRM_FIELDS, FIRM_NAME, fieldSpec, firmOfPath, type Currency, type FirmId, type FirmInputs, type MarketInputs} from "../lib/fields.js";
import {currencySymbol, formatFieldValue, formatMonthOf, formatMonthYear, formatMonths, formatPercent, formatPerShare, formatTick, lowerFirst, unitLabel} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import type {Scenario} from "../lib/schema.js";
import {grid, swingInputs, tornado, type Grid, type GridCell, type Outcome, type SensitivityOutput, type SwingInput, type Tornado, type TornadoBar} from "../lib/sensitivity.js";
import {PRICE_COLOR} from "./colors.js";
import {markerAxis, offAxisSentence, offAxisText} from "./markerAxis.js";

/** The two ends of a swing: light for the input's low end, dark for its high end (no firm's colour). */
export const END_COLOR = {low: "#c9b2f3", high: "#7443d0"} as const;

/** How the charts show money: the display currency at the scenario's exchange rates (value per share only). */
export interface SensitivityView {
  currency?: Currency;
  market?: MarketInputs;
}

/** The answer's name, as an axis or legend says it. */
const ANSWER_NAME: Record<SensitivityOutput, string> = {runway: "Month the cash runs out", breakEven: "First month of break-even", value: "DCF value per share"};

// ---- SVG in Plot's style ----

const SVG_NS = "http://www.w3.org/2000/svg";
const ESCAPES: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
/** Text or an attribute value, escaped for markup. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** A coordinate, to a tenth of a pixel. */
const px = (x: number) => String(Math.round(x * 10) / 10);
const HALO = `stroke="var(--theme-background, white)" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${px(x)}" y="${px(y)}" ${attrs}>${esc(content)}</text>`;
}

/** An svg element of this size holding `body` (markup built here, every text escaped). */
function svgOf(width: number, height: number, body: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "sens-svg");
  svg.setAttribute("style", "display: block; overflow: visible; font: 10px system-ui, sans-serif; fill: currentColor; max-width: 100%; height: auto;");
  svg.innerHTML = body;
  return svg;
}

interface Tick {
  at: number;
  label: string;
}

/** A bottom axis: tick marks and labels at `y`, grid lines up to `top`, and the axis label at the right. */
function bottomAxis(ticks: readonly Tick[], y: number, top: number, right: number, label: string, grid = true): string {
  const lines = ticks.map((t) => `${grid ? `<line x1="${px(t.at)}" x2="${px(t.at)}" y1="${px(top)}" y2="${px(y)}" stroke="currentColor" stroke-opacity="0.1"/>` : ""}<line x1="${px(t.at)}" x2="${px(t.at)}" y1="${px(y)}" y2="${px(y + 6)}" stroke="currentColor"/>${text(t.at, y + 9, t.label, `text-anchor="middle" dy="0.71em"`)}`);
  return `<g aria-hidden="true">${lines.join("")}${text(right, y + 30, label, `text-anchor="end"`)}</g>`;
}

/** A left axis: tick marks and labels at `x`, and the axis label above it. */
function leftAxis(ticks: readonly Tick[], x: number, top: number, label: string): string {
  const lines = ticks.map((t) => `<line x1="${px(x - 6)}" x2="${px(x)}" y1="${px(t.at)}" y2="${px(t.at)}" stroke="currentColor"/>${text(x - 9, t.at, t.label, `text-anchor="end" dy="0.32em"`)}`);
  return `<g aria-hidden="true">${lines.join("")}${text(x - 40, top - 8, `↑ ${label}`, `text-anchor="start"`)}</g>`;
}

let idCount = 0;

// ---- Answers in words and on an axis ----

/** A date a number of months after the baseline month (month-end steps, as the runway's dates). */
function dateOf(startMonth: number, months: number): Date {
  return new Date(`${dateAfterMonths(startMonth, months)}T00:00:00Z`);
}

interface Scale {
  /** The plotted number (months, or value per share in HKD) → the axis' value (a time, or value per share in the display currency). */
  toX: (plotted: number) => number;
  /** An answer in words: "cash runs out in Mar 2027 (18.4 months)", "cash lasts beyond Sep 2040", "no break-even by Jun 2040", "value per share HK$41.86". */
  text: (o: Outcome) => string;
  label: string;
  time: boolean;
}

function answerScale(output: SensitivityOutput, t: {startMonth: number; horizonMonth: string}, view: SensitivityView): Scale {
  if (output === "value") {
    const currency = view.market ? (view.currency ?? "HKD") : "HKD";
    const shown = (hkd: number) => (view.market ? convert(hkd, "HKD", currency, view.market) : hkd);
    return {toX: shown, text: (o) => `value per share ${formatPerShare(shown(o.plotted), currency)}`, label: `${ANSWER_NAME.value} (${currencySymbol(currency)}) →`, time: false};
  }
  const end = formatMonthYear(t.horizonMonth);
  const when = (months: number) => `${formatMonthYear(dateAfterMonths(t.startMonth, months))} (${formatMonths(months)})`;
  return {
    toX: (m) => +dateOf(t.startMonth, m),
    text: (o) =>
      output === "runway"
        ? o.value === null ? `cash lasts beyond ${end}` : `cash runs out in ${when(o.value)}`
        : o.value === null ? `no break-even by ${end}` : `breaks even in ${when(o.value)}`,
    label: `${ANSWER_NAME[output]} →`,
    time: true
  };
}

const YEAR_MS = 365.25 * 864e5;

/** Ticks that fit the axis: whole years (or steps of them), months on a short span; numbers about 60 px apart. */
function axisTicks(scale: Scale, x: (v: number) => number, lo: number, hi: number, width: number): Tick[] {
  if (!scale.time) {
    const ticks = scaleLinear().domain([lo, hi]).ticks(Math.max(2, Math.floor(width / 60)));
    return ticks.map((v) => ({at: x(v), label: formatTick(v)}));
  }
  const perYear = width / Math.max((hi - lo) / YEAR_MS, 1e-9);
  const [a, b] = [new Date(lo), new Date(hi + 1)];
  if (perYear >= 2 * 70) return utcMonth.every(perYear >= 4 * 70 ? 3 : 6)!.range(a, b).map((d) => ({at: x(+d), label: formatMonthOf(d)}));
  const steps = [1, 2, 5, 10, 20];
  const years = (k: number) => utcYear.every(k)!.range(a, b);
  const step = steps.find((k) => k * perYear >= 40) ?? 20;
  let ticks = years(step);
  // A narrow chart over a few years (a phone) can hold one multiple of 5 only: closer labels rather than one.
  for (const k of steps.filter((k) => k < step).reverse()) if (ticks.length < 2 && k * perYear >= 28) ticks = years(k);
  return ticks.map((d) => ({at: x(+d), label: String(d.getUTCFullYear())}));
}

/** An input's value with its unit: "RMB 136.7M / month", "65% a year". */
export function inputValueText(input: SwingInput, value: number, firm: FirmId): string {
  return formatFieldValue(value, input.unit, FIRM_CURRENCY[firm]);
}

// ---- Picking by pointer and keyboard ----

/** One item of a chart to pick: its place for the arrow keys, what it says, what it does. */
interface Pickable {
  row: number;
  col: number;
  say: () => string;
  apply: () => void;
}

interface Picking {
  /** The item under a pointer event, or −1. */
  hit: (event: MouseEvent) => number;
  /** Shows item k as the keyboard's (null: none). */
  mark: (k: number | null) => void;
}

/** The width of one character of a bar's name (11 px, bold), a little over, to break the rule clear of it. */
const NAME_CHAR_PX = 6.6;

/** The parts of [from, to] outside the gaps (each [start, end], in order down the chart). */
export function ruleSegments(from: number, to: number, gaps: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  let y = from;
  for (const [start, end] of gaps) {
    if (start > y) out.push([y, Math.min(start, to)]);
    y = Math.max(y, end);
  }
  if (y < to) out.push([y, to]);
  return out;
}

/**
 * Makes a drawn chart pickable: a click on an item applies it, the pointer shows what it would
 * apply; the chart is one tab stop in which the arrow keys move between items (rows and columns)
 * and Enter or Space applies the one shown.
 */
function pickable(svg: SVGSVGElement, items: Pickable[], start: number, label: string, picking: Picking): HTMLElement {
  const status = html`<p class="sens-status muted" aria-live="polite"></p>` as HTMLElement;
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", `${label}. Arrow keys pick, Enter applies.`);
  svg.classList.add("sens-pickable");
  let active = Math.min(Math.max(0, start), items.length - 1);
  const show = () => {
    const item = items[active];
    picking.mark(item ? active : null);
    status.textContent = item ? item.say() : "";
  };
  svg.addEventListener("click", (event) => items[picking.hit(event)]?.apply());
  // The tooltip: one title, written for the item under the pointer only.
  const tip = document.createElementNS(SVG_NS, "title");
  let tipped = -1;
  svg.addEventListener("pointermove", (event) => {
    const k = picking.hit(event);
    const target = event.target as Element;
    if (k < 0 || (k === tipped && tip.parentNode === target)) return;
    tipped = k;
    tip.textContent = `${items[k]!.say()} Click to apply.`;
    target.appendChild(tip);
  });
  svg.addEventListener("focus", show);
  svg.addEventListener("blur", () => {
    picking.mark(null);
    status.textContent = "";
  });
  svg.addEventListener("keydown", (event) => {
    const item = items[active];
    if (!item) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      item.apply();
      return;
    }
    const step = ({ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]} as Record<string, [number, number]>)[event.key];
    if (!step) return;
    event.preventDefault();
    // The nearest item that way: along the same row or column first.
    const [dr, dc] = step;
    let bestScore = Infinity;
    items.forEach((other, k) => {
      const r = other.row - item.row;
      const c = other.col - item.col;
      if ((dr !== 0 && Math.sign(r) !== dr) || (dc !== 0 && Math.sign(c) !== dc)) return;
      const score = dr !== 0 ? Math.abs(r) * 1000 + Math.abs(c) : Math.abs(c) * 1000 + Math.abs(r);
      if (score < bestScore) [active, bestScore] = [k, score];
    });
    show();
  });
  return status;
}

/** Picking by element: item k is the element with data-k="k"; the keyboard's item takes the class sens-active. */
function byElement(svg: SVGSVGElement): Picking {
  return {
    hit: (event) => {
      const node = (event.target as Element).closest?.("[data-k]");
      return node && svg.contains(node) ? Number(node.getAttribute("data-k")) : -1;
    },
    mark: (k) => {
      for (const node of svg.querySelectorAll(".sens-active")) node.classList.remove("sens-active");
      if (k !== null) svg.querySelector(`[data-k="${k}"]`)?.classList.add("sens-active");
    }
  };
}

// ---- The tornado ----

interface End {
  bar: TornadoBar;
  row: number;
  end: "low" | "high";
  input: number;
  outcome: Outcome;
  x: number;
  /** Left or right of the bar's other end (a label goes outward). */
  side: "left" | "right";
  /** The end nearer the current answer when both lie on one side of it: its label goes under its dot, off the other end's bar. */
  inner: boolean;
  label: string;
}

export interface TornadoOptions extends SensitivityView {
  width: number;
  output: SensitivityOutput;
  /** Called with the input's path and the value of the end clicked. */
  onApply?: (path: string, value: number) => void;
}

/**
 * One answer's tornado for one firm: a row per swing input, largest swing on top, a bar from the
 * current answer to the answer at the input's low end (light) and at its high end (dark), the current
 * answer as a vertical rule, and each bar end labelled with the input value that produced it.
 * Runway and break-even are on a calendar axis (an answer that never comes sits at the end of the
 * projection, as an open dot, "beyond <month>"); value per share is in the display currency, with the price.
 */
export function tornadoChart(t: Tornado, options: TornadoOptions): HTMLElement {
  const {width, output, onApply} = options;
  const scale = answerScale(output, t, options);
  const bars = t.bars[output];
  const current = t.current[output];
  const firm = t.firm;
  const testId = `tornado-${firm}-${output}`;
  if (bars.length === 0) {
    return html`<figure class="sens-chart" data-testid=${testId} data-current=${String(current.plotted)}><p class="muted">No input to swing: this scenario gives ${FIRM_NAME[firm]} no ranges${t.skipped.length ? ", and the ones it gives do not fit the other inputs" : ""}.</p></figure>` as HTMLElement;
  }
  const ends: End[] = bars.flatMap((bar, row) => {
    const lowLeft = bar.low.plotted <= bar.high.plotted;
    const now = current.plotted;
    const oneSide = (bar.low.plotted < now && bar.high.plotted < now) || (bar.low.plotted > now && bar.high.plotted > now);
    const nearer = Math.abs(bar.low.plotted - now) <= Math.abs(bar.high.plotted - now) ? "low" : "high";
    return (["low", "high"] as const).map((end) => ({
      inner: oneSide && end === nearer,
      bar,
      row,
      end,
      input: bar.input[end],
      outcome: bar[end],
      x: scale.toX(bar[end].plotted),
      side: (end === "low") === lowLeft ? ("left" as const) : ("right" as const),
      label: inputValueText(bar.input, bar.input[end], firm)
    }));
  });
  const fontSize = width < 520 ? 10 : 10.5;
  // Room beside the outermost bar ends for their labels, each side as wide as its longest label.
  const room = (side: End["side"]) => Math.min(130, Math.max(40, Math.max(0, ...ends.filter((e) => e.side === side && !e.inner).map((e) => e.label.length)) * fontSize * 0.58 + 14));
  const [left, right] = [8 + room("left"), width - 8 - room("right")];
  const rowHeight = 46;
  const top = 16;
  const axisY = top + rowHeight * bars.length;
  const height = axisY + 40;
  const now = scale.toX(current.plotted);
  const priceX = scale.toX(t.price);
  const anyBeyond = output !== "value" && (current.beyond || bars.some((b) => b.low.beyond || b.high.beyond));
  const horizon = scale.toX(t.horizonMonths);
  const xs = [...ends.map((e) => e.x), now, ...(anyBeyond ? [horizon] : [])];
  let [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  // The price is on the value axis unless it lies so far off that the bars would shrink to slivers.
  const priceAxis = output === "value" ? markerAxis(lo, hi, priceX) : null;
  if (priceAxis) [lo, hi] = priceAxis.domain;
  const priceOff = priceAxis?.off ?? null;
  // Every answer the same (no input moves it): one tick, on that answer (a month's tick would name the
  // month after a month's end).
  const single = lo === hi ? lo : null;
  if (lo === hi) [lo, hi] = scale.time ? [lo - 30 * 864e5, hi + 30 * 864e5] : [lo - 1, hi + 1];
  const x = scaleLinear().domain([lo, hi]).range([left, right]); // times as milliseconds: a utc scale is this same line
  const rowY = (row: number) => top + rowHeight * row + 29; // the bar's centre; its name sits above it
  const ticks = single !== null && scale.time ? [{at: x(single), label: formatMonthOf(new Date(single))}] : axisTicks(scale, x, lo, hi, right - left);
  const parts: string[] = [bottomAxis(ticks, axisY, top - 6, width - 8, scale.label)];
  if (anyBeyond) parts.push(`<line x1="${px(x(horizon))}" x2="${px(x(horizon))}" y1="${top - 6}" y2="${axisY}" stroke="currentColor" stroke-opacity="0.5" stroke-dasharray="2,3"/>`, text(x(horizon) - 3, top - 6, `end of projection ${formatMonthYear(t.horizonMonth)}`, `text-anchor="end" font-size="9.5" fill-opacity="0.75" ${HALO}`));
  const price = formatPerShare(priceX, options.market ? (options.currency ?? "HKD") : "HKD");
  if (priceAxis && priceOff === null) parts.push(`<line x1="${px(x(priceX))}" x2="${px(x(priceX))}" y1="${top - 6}" y2="${axisY}" stroke="${PRICE_COLOR}" stroke-width="1.5" stroke-dasharray="5,3"/>`, text(x(priceX) + 3, top - 6, `price ${price}`, `font-size="9.5" fill="${PRICE_COLOR}" ${HALO}`));
  else if (priceOff) parts.push(text(priceOff === "right" ? width - 8 : 8, top - 6, offAxisText(`price ${price}`, priceOff), `text-anchor="${priceOff === "right" ? "end" : "start"}" font-size="9.5" font-weight="600" fill="${PRICE_COLOR}" ${HALO}`));
  const names: string[] = []; // drawn over the rule of the scenario now, which would cross them
  bars.forEach((bar, row) => {
    const y = rowY(row);
    // The longer segment first, so that when both ends lie on one side the shorter shows on top.
    const segments = (["low", "high"] as const).map((end) => ({end, to: x(scale.toX(bar[end].plotted))})).sort((a, b) => Math.abs(b.to - x(now)) - Math.abs(a.to - x(now)));
    for (const s of segments) parts.push(`<rect x="${px(Math.min(s.to, x(now)))}" y="${px(y - 6.5)}" width="${px(Math.abs(s.to - x(now)))}" height="13" fill="${END_COLOR[s.end]}"/>`);
    names.push(text(8, y - 15, bar.input.label, `font-size="11" font-weight="600" ${HALO}`));
  });
  // The rule of the scenario now, broken where it would cross a bar's name: a halo hides it behind the
  // letters but not between the words (at phone widths the rule often runs through the names).
  const crossed = bars.map((bar, row) => ({baseline: rowY(row) - 15, end: 8 + bar.input.label.length * NAME_CHAR_PX})).filter((n) => x(now) <= n.end + 3);
  parts.push(...ruleSegments(top - 6, axisY, crossed.map((n) => [n.baseline - 10, n.baseline + 4] as const)).map(([y1, y2]) => `<line x1="${px(x(now))}" x2="${px(x(now))}" y1="${px(y1)}" y2="${px(y2)}" stroke="currentColor" stroke-width="2"/>`), ...names);
  for (const e of ends) {
    const [cx, cy] = [x(e.x), rowY(e.row)];
    if (e.inner) parts.push(text(cx, cy + 8, e.label, `text-anchor="middle" dy="0.71em" font-size="${fontSize - 0.5}" ${HALO}`));
    else parts.push(text(e.side === "left" ? cx - 9 : cx + 9, cy, e.label, `text-anchor="${e.side === "left" ? "end" : "start"}" dy="0.32em" font-size="${fontSize}" ${HALO}`));
  }
  const dots = ends.map((e, k) => `<circle cx="${px(x(e.x))}" cy="${px(rowY(e.row))}" r="5.5" fill="${e.outcome.beyond ? "var(--theme-background, white)" : END_COLOR[e.end]}" stroke="${END_COLOR[e.end]}" stroke-width="2" class="sens-item" data-k="${k}" data-path="${esc(e.bar.input.path)}" data-value="${e.input}" data-end="${e.end}"/>`);
  parts.push(`<g class="sens-ends">${dots.join("")}</g>`);
  const chart = svgOf(width, height, parts.join(""));
  const say = (e: End) => `${e.bar.input.label} at ${e.label} (the ${e.end} end of its range): ${scale.text(e.outcome)}; now ${scale.text(current)}.`;
  const items: Pickable[] = ends.map((e) => ({row: e.row, col: e.side === "left" ? 0 : 1, say: () => say(e), apply: () => onApply?.(e.bar.input.path, e.input)}));
  const status = pickable(chart, items, 0, `${FIRM_NAME[firm]}: ${ANSWER_NAME[output].toLowerCase()}, by input`, byElement(chart));
  return html`<figure class="sens-chart" data-testid=${testId} data-current=${String(current.plotted)}>
    ${tornadoLegend()}
    ${chart}
    ${status}
    <figcaption>${tornadoCaption(t, output, scale)}${priceOff ? ` ${offAxisSentence(price, priceOff, "every bar end here is worth")}` : ""}</figcaption>
  </figure>` as HTMLElement;
}

function tornadoLegend(): HTMLElement {
  return html`<div class="sens-legend" aria-hidden="true">
    <span><i style=${`background:${END_COLOR.low}`}></i>input at the low end of its range</span>
    <span><i style=${`background:${END_COLOR.high}`}></i>at the high end</span>
    <span><i class="sens-rule"></i>the scenario now</span>
  </div>` as HTMLElement;
}

/** The tornado in one or two sentences: what moves the answer most, and what was left out. */
function tornadoCaption(t: Tornado, output: SensitivityOutput, scale: Scale): string {
  const [top] = t.bars[output];
  const now = `Now: ${scale.text(t.current[output])}.`;
  const skipped = t.skipped.length ? ` Left out: ${t.skipped.map((s) => `${lowerFirst(s.input.label)} at ${inputValueText(s.input, s.value, t.firm)} (${s.reason})`).join("; ")}.` : "";
  if (!top || top.swing === 0) return `${now} None of these inputs moves it across its range.${skipped}`;
  return `${now} ${top.input.label} moves it most: ${scale.text(top.low)} at ${inputValueText(top.input, top.input.low, t.firm)}, ${scale.text(top.high)} at ${inputValueText(top.input, top.input.high, t.firm)}.${skipped}`;
}

// ---- The heatmap ----

export interface HeatmapOptions extends SensitivityView {
  width: number;
  /** Called with both inputs' paths and the cell's values, x first. */
  onApply?: (changes: [path: string, value: number][]) => void;
}

/** What each target is called in a caption. */
const TARGET_TEXT: Record<Grid["target"], {met: string; missed: string}> = {
  "cash-lasts-to-break-even": {met: "cash lasts until break-even", missed: "cash runs out before the first month of break-even"},
  "breaks-even-by-target": {met: "it breaks even by the target year", missed: "it breaks even after the target year, or never"},
  "value-at-least-price": {met: "value per share is at or above the price", missed: "value per share is below the price"}
};

/** Axis tick format and label for an input: percentages for rates, plain numbers with the unit in the label. */
function axisFormat(input: SwingInput, firm: FirmId): {tickFormat: (x: number) => string; label: string} {
  const unit = unitLabel(input.unit, FIRM_CURRENCY[firm]);
  const percent = input.unit === "fraction" || input.unit === "fractionPerYear";
  return {tickFormat: percent ? formatPercent : formatTick, label: `${input.label}${unit ? ` (${unit})` : ""}`};
}

/** A horizontal colour ramp with its label and ticks, `width` wide, at the top of a chart. */
function colorLegend(color: (v: number) => string, domain: [number, number], ticks: readonly Tick[], label: string, width: number): string {
  const id = `sens-ramp-${++idCount}`;
  const stops = Array.from({length: 11}, (_, k) => `<stop offset="${k * 10}%" stop-color="${color(domain[0] + ((domain[1] - domain[0]) * k) / 10)}"/>`).join("");
  const at = scaleLinear().domain(domain).range([0, width]);
  const marks = ticks.map((t) => `<line x1="${px(at(t.at))}" x2="${px(at(t.at))}" y1="16" y2="32" stroke="currentColor"/>${text(at(t.at), 42, t.label, `text-anchor="middle"`)}`);
  return `<g aria-hidden="true"><defs><linearGradient id="${id}">${stops}</linearGradient></defs>${text(0, 10, label, `font-weight="600"`)}<rect x="0" y="16" width="${px(width)}" height="10" fill="url(#${id})"/>${marks.join("")}</g>`;
}

/**
 * An image of w × h pixels as a data URL: a 24-bit BMP, written here (encoding a canvas as PNG
 * costs ~1 ms a chart; this, a few hundredths). Pixel (i, j) is column i from the left, row j from
 * the bottom (a BMP stores its rows bottom-up).
 */
export function bmpDataUrl(w: number, h: number, rgbOf: (i: number, j: number) => readonly [number, number, number]): string {
  const rowBytes = (w * 3 + 3) & ~3;
  const size = 54 + rowBytes * h;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42; // "BM"
  bytes[1] = 0x4d;
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true); // where the pixels start
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, w, true);
  view.setInt32(22, h, true);
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits per pixel
  view.setUint32(34, rowBytes * h, true);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const [r, g, b] = rgbOf(i, j);
      const at = 54 + j * rowBytes + i * 3;
      bytes[at] = b;
      bytes[at + 1] = g;
      bytes[at + 2] = r;
    }
  }
  let binary = "";
  for (let k = 0; k < size; k += 4096) binary += String.fromCharCode(...bytes.subarray(k, k + 4096));
  return `data:image/bmp;base64,${btoa(binary)}`;
}

/**
 * The grid's cells as one SVG image of n × n pixels stretched over the plot and drawn without
 * smoothing (hundreds of rects would cost a redraw ~10 ms); a cell whose inputs do not fit together
 * is covered in the page's background (left blank).
 */
function cellsImage(g: Grid, colorOf: (c: GridCell) => string, x: number, y: number, width: number, height: number): string {
  const n = g.x.values.length;
  const blank = [255, 255, 255] as const;
  const rgbs = g.cells.map((c) => {
    if (!c.outcome) return blank;
    const {r, g: green, b} = rgb(colorOf(c));
    return [Math.round(r), Math.round(green), Math.round(b)] as const;
  });
  const url = bmpDataUrl(n, n, (i, j) => rgbs[i * n + j]!);
  return `<image href="${url}" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" preserveAspectRatio="none" style="image-rendering: pixelated" pointer-events="none"/>`;
}

/**
 * One firm's answer over a grid of two inputs: each cell coloured by the answer (a legend with its
 * unit), the cells that miss the target hatched and the boundary of those that meet it drawn as a
 * line, the scenario's own point marked. Clicking a cell sets both inputs to its values.
 */
export function heatmapChart(g: Grid, options: HeatmapOptions): HTMLElement {
  const {width, onApply} = options;
  const firm = g.firm;
  const scale = answerScale(g.output, g, options);
  const n = g.x.values.length;
  const currency = options.market ? (options.currency ?? "HKD") : "HKD";
  const shown = (o: Outcome) => (g.output === "value" ? scale.toX(o.plotted) : o.plotted);
  const price = scale.toX(g.price);
  // Colour: months on one sequential scale (the horizon at its dark end); value diverging at the price.
  let color: (v: number) => string;
  let domain: [number, number];
  let legendTicks: number[];
  let legendLabel: string;
  let valueNote: string | null = null;
  if (g.output === "value") {
    const values = g.cells.flatMap((c) => (c.outcome ? [shown(c.outcome)] : []));
    const [lowest, highest] = [Math.min(...values), Math.max(...values)];
    if (values.length > 0 && (highest < price || lowest > price)) {
      // Every cell on one side of the price: a scale centred on it would paint them all one deep
      // colour, so the colours span the cells' own values (reds below the price, blues above; never white).
      const below = highest < price;
      domain = [lowest, highest > lowest ? highest : lowest + 1];
      const at = scaleLinear().domain(domain).range(below ? [0, 0.42] : [0.58, 1]).clamp(true);
      color = (v: number) => interpolateRdBu(at(v));
      legendLabel = `Value per share (${currencySymbol(currency)}); every cell ${below ? "below" : "above"} the price`;
      valueNote = `Colour: value per share; every cell is ${below ? "below" : "above"} the price of ${formatPerShare(price, currency)}, so the colours span the cells' own values (${below ? "darker is further below" : "darker is further above"}).`;
    } else {
      const reach = Math.max(1e-9, ...values.map((v) => Math.abs(v - price)));
      domain = [price - reach, price + reach];
      color = scaleDiverging(interpolateRdBu).domain([domain[0], price, domain[1]]);
      legendLabel = `Value per share (${currencySymbol(currency)}); white: the price`;
    }
    legendTicks = scaleLinear().domain(domain).ticks(5);
  } else {
    domain = [0, g.horizonMonths];
    color = scaleSequential(interpolateYlGnBu).domain(domain);
    legendTicks = [0, 36, 72, 108, 144, g.horizonMonths];
    legendLabel = `${g.output === "runway" ? "Runway" : "Break-even"}, months after ${formatMonthYear(dateAfterMonths(g.startMonth, 0))}`;
  }
  const legendWidth = Math.min(300, width - 16);
  const legendHeight = 56;
  const margin = {top: legendHeight + 22, right: 12, bottom: 40, left: 50};
  const plotHeight = Math.round(Math.min(340, Math.max(220, (width - margin.left - margin.right) * (width < 520 ? 0.9 : 0.75))));
  const height = margin.top + plotHeight + margin.bottom;
  const half = (axis: Grid["x"], v: number) => (axis.step > 0 ? axis.step / 2 : Math.max(Math.abs(v) * 0.05, 0.005));
  const xDomain: [number, number] = [g.x.values[0]! - half(g.x, g.x.values[0]!), g.x.values[n - 1]! + half(g.x, g.x.values[n - 1]!)];
  const yDomain: [number, number] = [g.y.values[0]! - half(g.y, g.y.values[0]!), g.y.values[n - 1]! + half(g.y, g.y.values[n - 1]!)];
  const x = scaleLinear().domain(xDomain).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain(yDomain).range([margin.top + plotHeight, margin.top]);
  // Cell (i, j) is column i from the left, row j from the bottom: the axes' values are evenly spaced.
  const [left, top] = [x(xDomain[0]), y(yDomain[1])];
  const [cellW, cellH] = [(x(xDomain[1]) - left) / n, (y(yDomain[0]) - top) / n];
  const boxes = g.cells.map((c) => ({x1: left + c.i * cellW, x2: left + (c.i + 1) * cellW, y1: top + (n - 1 - c.j) * cellH, y2: top + (n - c.j) * cellH}));
  const blank = g.cells.map((c, k) => (c.outcome ? "" : `M${px(boxes[k]!.x1)},${px(boxes[k]!.y1)}H${px(boxes[k]!.x2)}V${px(boxes[k]!.y2)}H${px(boxes[k]!.x1)}Z`)).join("");
  const cellsMark = `${cellsImage(g, (c) => color(shown(c.outcome!)), left, top, cellW * n, cellH * n)}${blank ? `<path d="${blank}" fill="var(--theme-background, white)" pointer-events="none"/>` : ""}`;
  // The cells that miss the target, hatched (one path); the boundary: edges between a cell that meets it and one that does not.
  const met = (i: number, j: number) => g.cells[i * n + j]!.met === true;
  const missed = g.cells.map((c, k) => (c.met !== false ? "" : `M${px(boxes[k]!.x1)},${px(boxes[k]!.y1)}H${px(boxes[k]!.x2)}V${px(boxes[k]!.y2)}H${px(boxes[k]!.x1)}Z`)).join("");
  let edges = "";
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const b = boxes[i * n + j]!;
      if (i + 1 < n && met(i, j) !== met(i + 1, j)) edges += `M${px(b.x2)},${px(b.y1)}V${px(b.y2)}`;
      if (j + 1 < n && met(i, j) !== met(i, j + 1)) edges += `M${px(b.x1)},${px(b.y1)}H${px(b.x2)}`;
    }
  }
  const hatch = `sens-hatch-${++idCount}`;
  const xAxis = axisFormat(g.x.input, firm);
  const yAxis = axisFormat(g.y.input, firm);
  const xTicks = x.ticks(Math.max(3, Math.floor((width - margin.left - margin.right) / 70))).map((v) => ({at: x(v), label: xAxis.tickFormat(v)}));
  const yTicks = y.ticks(Math.max(3, Math.floor(plotHeight / 40))).map((v) => ({at: y(v), label: yAxis.tickFormat(v)}));
  const [cx, cy] = [x(g.current.x), y(g.current.y)];
  const nowLeft = g.current.x > (g.x.values[0]! + g.x.values[n - 1]!) / 2;
  const body = [
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0.6" y1="0" x2="0.6" y2="6" stroke="black" stroke-width="1.2" stroke-opacity="0.4"/><line x1="1.8" y1="0" x2="1.8" y2="6" stroke="white" stroke-width="1.2" stroke-opacity="0.5"/></pattern></defs>`,
    `<g transform="translate(8,0)">${colorLegend(color, domain, legendTicks.map((v) => ({at: v, label: g.output !== "value" && v >= g.horizonMonths ? `${v}+` : formatTick(v)})), legendLabel, legendWidth)}</g>`,
    cellsMark,
    `<path d="${missed}" fill="url(#${hatch})" pointer-events="none"/>`,
    `<path d="${edges}" fill="none" stroke="var(--theme-background, white)" stroke-width="4.5" stroke-linecap="square" pointer-events="none"/>`,
    `<path d="${edges}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="square" pointer-events="none"/>`,
    `<circle cx="${px(cx)}" cy="${px(cy)}" r="7" fill="none" stroke="var(--theme-background, white)" stroke-width="5" pointer-events="none"/>`,
    `<circle cx="${px(cx)}" cy="${px(cy)}" r="7" fill="none" stroke="currentColor" stroke-width="2.5" pointer-events="none"/>`,
    text(nowLeft ? cx - 12 : cx + 12, cy, "now", `text-anchor="${nowLeft ? "end" : "start"}" dy="0.32em" font-size="10.5" font-weight="700" pointer-events="none" ${HALO}`),
    bottomAxis(xTicks, margin.top + plotHeight, margin.top, width - margin.right, `${xAxis.label} →`, false),
    leftAxis(yTicks, margin.left, margin.top, yAxis.label),
    // What the pointer and the keyboard pick: a transparent layer over the cells, and the keyboard's outline.
    `<rect class="sens-hit sens-item" x="${px(left)}" y="${px(top)}" width="${px(cellW * n)}" height="${px(cellH * n)}" fill="transparent"/>`,
    `<rect class="sens-cursor" width="${px(cellW)}" height="${px(cellH)}" fill="none" stroke="var(--theme-foreground-focus, blue)" stroke-width="2.5" visibility="hidden" pointer-events="none"/>`
  ].join("");
  const svg = svgOf(width, height, body);
  const describe = (c: GridCell) =>
    `${g.x.input.label} ${inputValueText(g.x.input, c.x, firm)}, ${lowerFirst(g.y.input.label)} ${inputValueText(g.y.input, c.y, firm)}: ${scale.text(c.outcome!)}; ${c.met ? TARGET_TEXT[g.target].met : TARGET_TEXT[g.target].missed}.`;
  // Items: the cells with an answer (a cell whose inputs do not fit together is blank and inert).
  const drawn = g.cells.filter((c) => c.outcome !== null);
  const itemOfCell = new Int32Array(g.cells.length).fill(-1);
  drawn.forEach((c, k) => (itemOfCell[c.i * n + c.j] = k));
  const items: Pickable[] = drawn.map((c) => ({row: n - 1 - c.j, col: c.i, say: () => describe(c), apply: () => onApply?.([[g.x.input.path, c.x], [g.y.input.path, c.y]])}));
  const cursor = svg.querySelector(".sens-cursor")!;
  const picking: Picking = {
    hit: (event) => {
      // The pointer in the chart's own units (the svg may be drawn narrower than its width).
      const r = svg.getBoundingClientRect();
      const [sx, sy] = [((event.clientX - r.left) * width) / (r.width || width), ((event.clientY - r.top) * height) / (r.height || height)];
      const [i, row] = [Math.floor((sx - left) / cellW), Math.floor((sy - top) / cellH)];
      return i < 0 || i >= n || row < 0 || row >= n ? -1 : itemOfCell[i * n + (n - 1 - row)]!;
    },
    mark: (k) => {
      const c = k === null ? undefined : drawn[k];
      cursor.setAttribute("visibility", c ? "visible" : "hidden");
      if (c) {
        const b = boxes[c.i * n + c.j]!;
        cursor.setAttribute("x", px(b.x1));
        cursor.setAttribute("y", px(b.y1));
      }
    }
  };
  // The keyboard starts at the cell nearest the scenario's own point.
  const nearest = (axis: Grid["x"], v: number) => axis.values.reduce((best, a, k) => (Math.abs(a - v) < Math.abs(axis.values[best]! - v) ? k : best), 0);
  const status = pickable(svg, items, itemOfCell[nearest(g.x, g.current.x) * n + nearest(g.y, g.current.y)]!, `${FIRM_NAME[firm]}: ${ANSWER_NAME[g.output].toLowerCase()} by ${lowerFirst(g.x.input.label)} and ${lowerFirst(g.y.input.label)}`, picking);
  const metCount = g.cells.filter((c) => c.met === true).length;
  const skippedCount = g.cells.filter((c) => c.met === null).length;
  const basis = (a: SwingInput) => (a.basis === "range" ? "the input's range in the scenario" : "the input's plausible range");
  const widened = [g.x, g.y].filter((a) => a.widened).map((a) => `${lowerFirst(a.input.label)} widened to ${inputValueText(a.input, a.input.current, firm)}, the scenario's own value`);
  const legendNote = g.output === "value" ? (valueNote ?? `Colour: value per share; white at the price, ${formatPerShare(price, currency)}.`) : `Colour: months from the ${formatMonthYear(dateAfterMonths(g.startMonth, 0))} baseline; ${g.horizonMonths}+ means never within the projection (to ${formatMonthYear(g.horizonMonth)}).`;
  return html`<figure class="sens-chart" data-testid=${`heatmap-${firm}-${g.output}`} data-current-x=${String(g.current.x)} data-current-y=${String(g.current.y)} data-x-values=${g.x.values.join(",")} data-y-values=${g.y.values.join(",")} data-cells=${String(drawn.length)} data-met-count=${String(metCount)}>
    ${svg}
    ${status}
    <figcaption>${legendNote} The line bounds the cells where ${TARGET_TEXT[g.target].met} (${metCount} of ${g.cells.length}); hatched cells miss it. The ring is the scenario now: ${scale.text(g.current.outcome)}; ${g.current.met ? TARGET_TEXT[g.target].met : TARGET_TEXT[g.target].missed}. Each axis spans ${g.x.input.basis === g.y.input.basis ? basis(g.x.input) : `${basis(g.x.input)} (${lowerFirst(g.x.input.label)}) or ${basis(g.y.input)}`}${widened.length ? ` (${widened.join("; ")})` : ""}${skippedCount ? `; ${skippedCount} cells are blank because their inputs do not fit together` : ""}.</figcaption>
  </figure>` as HTMLElement;
}

// The page's glue: results remembered per state, the note on which ranges were used, and applying a click.

const tornadoMemo = new Map<FirmId, {key: readonly unknown[]; result: Tornado}>();
const gridMemo = new Map<string, {key: readonly unknown[]; result: Grid}>();
const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

const PROJECTION_KEYS = FIRM_FIELDS.filter((f) => f.changesProjection).map((f) => f.key as keyof FirmInputs);

/**
 * What a firm's runway and break-even charts show depends on: the inputs that move the projection
 * and the ranges (a change of cost of capital, price or currency leaves them as they are).
 */
export function projectionSelection(scenario: Scenario, firm: FirmId): unknown[] {
  const inputs = scenario.firms[firm];
  return [...PROJECTION_KEYS.map((key) => inputs[key]), scenario.uncertainty];
}

/** tornado(scenario, firm), computed once per state of the firm (the three tornadoes share it; a resize reuses it). */
export function tornadoOf(scenario: Scenario, firm: FirmId): Tornado {
  const key = [scenario.firms[firm], scenario.market, scenario.uncertainty];
  const hit = tornadoMemo.get(firm);
  if (hit && sameKey(hit.key, key)) return hit.result;
  const result = tornado(scenario, firm);
  tornadoMemo.set(firm, {key, result});
  return result;
}

/** grid(…), computed once per state of the firm and per grid. */
export function gridOf(scenario: Scenario, firm: FirmId, xPath: string, yPath: string, output: SensitivityOutput, n: number): Grid {
  const id = [firm, xPath, yPath, output, n].join(" ");
  const key = [scenario.firms[firm], scenario.market, scenario.uncertainty];
  const hit = gridMemo.get(id);
  if (hit && sameKey(hit.key, key)) return hit.result;
  const result = grid(scenario, firm, xPath, yPath, output, n);
  gridMemo.set(id, {key, result});
  return result;
}

/** Which ranges the charts swing, per firm. */
export function rangesNote(scenario: Scenario): HTMLElement {
  const parts = FIRMS.map((firm) => {
    const swings = swingInputs(scenario, firm);
    const names = swings.map((s) => lowerFirst(s.label)).join(", ");
    if (swings.length === 0) return html`<li><strong>${FIRM_NAME[firm]}</strong>: nothing to swing.</li>`;
    return swings[0]!.basis === "range"
      ? html`<li><strong>${FIRM_NAME[firm]}</strong>: the scenario's ranges for ${names}, each from its low to its high as written (a normal or lognormal range by its 90% interval).</li>`
      : html`<li><strong>${FIRM_NAME[firm]}</strong>: the scenario gives no ranges, so its headline inputs (${names}) swing across their plausible ranges.</li>`;
  });
  // A default range follows its input (rangesFollowing, editScenario): after a bar end is applied, that input swings around its new value.
  return html`<div class="sens-ranges" data-testid="sensitivity-ranges"><p>The swings used:</p><ul>${parts}</ul><p class="small muted">A default range moves with its input: when a value is applied (a bar end, a cell, a control), that input's range moves by as much as the value did, keeping its shape, as on the Risk page. A range set on the Risk page or in the link stays where it was set.</p></div>` as HTMLElement;
}

/**
 * Applies the value(s) a chart hands over with `setMany` (the store's: one change for a grid cell's
 * two values), says what happened (or why a value was refused) in `status`, and gives the keyboard
 * focus back to the redrawn chart.
 */
export function applier(setMany: (changes: [path: string, value: number][]) => Map<string, string>): {status: HTMLElement; apply: (changes: [path: string, value: number][]) => void} {
  const status = html`<p class="sens-applied" role="status" data-testid="sensitivity-applied"></p>` as HTMLElement;
  const apply = (changes: [string, number][]) => {
    const chart = (document.activeElement as Element | null)?.closest?.("[data-testid]")?.getAttribute("data-testid") ?? null;
    const refused = setMany(changes);
    const said = changes.map(([path, value]) => {
      const spec = fieldSpec(path);
      const firm = firmOfPath(path);
      const name = `${firm ? `${FIRM_NAME[firm]}: ` : ""}${spec?.label ?? path}`;
      const reason = refused.get(path);
      return reason ? `${name} not changed: ${reason}` : `${name} set to ${spec ? formatFieldValue(value, spec.unit, currencyOfPath(path)) : String(value)}`;
    });
    status.textContent = `${said.join("; ")}.`;
    if (chart) document.querySelector<SVGElement>(`[data-testid="${chart}"] .sens-pickable`)?.focus();
  };
  return {status, apply};
}
