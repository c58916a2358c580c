// The Sensitivity page's charts: a tornado per answer (how far each input's range moves it) and a
// heatmap over two inputs (the answer per cell, the cells that meet the target bounded by a line).
// Clicking a bar end or a cell hands the input value(s) to `onApply`; each chart is one tab stop,
// and the arrow keys and Enter do the same from the keyboard.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {dateAfterMonths} from "../lib/dates.js";
import {currencyOfPath, FIRMS, FIRM_CURRENCY, FIRM_NAME, fieldSpec, firmOfPath, type Currency, type FirmId, type MarketInputs} from "../lib/fields.js";
import {currencySymbol, formatFieldValue, formatMonthOf, formatMonthYear, formatMonths, formatPercent, formatPerShare, formatTick, unitLabel} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import type {Scenario} from "../lib/schema.js";
import {grid, swingInputs, tornado, type Grid, type GridCell, type Outcome, type SensitivityOutput, type SwingInput, type Tornado, type TornadoBar} from "../lib/sensitivity.js";
import {PRICE_COLOR} from "./colors.js";

/** The two ends of a swing: light for the input's low end, dark for its high end (no firm's colour). */
export const END_COLOR = {low: "#c9b2f3", high: "#7443d0"} as const;

/** How the charts show money: the display currency at the scenario's exchange rates (value per share only). */
export interface SensitivityView {
  currency?: Currency;
  market?: MarketInputs;
}

/** The answer's name, as an axis or legend says it. */
const ANSWER_NAME: Record<SensitivityOutput, string> = {runway: "Cash runs out", breakEven: "First month of break-even", value: "DCF value per share"};

/** A date a number of months after the baseline month (month-end steps, as the runway's dates). */
function dateOf(startMonth: number, months: number): Date {
  return new Date(`${dateAfterMonths(startMonth, months)}T00:00:00Z`);
}

interface Scale {
  /** The plotted number (months, or value per share in the display currency) → the x position's value. */
  toX: (plotted: number) => number | Date;
  /** An answer in words: "Mar 2027 (18.4 months)", "beyond Sep 2040", "HK$41.86". */
  text: (o: Outcome) => string;
  label: string;
}

function answerScale(output: SensitivityOutput, t: {startMonth: number; horizonMonth: string}, view: SensitivityView): Scale {
  if (output === "value") {
    const currency = view.currency ?? "HKD";
    const shown = (hkd: number) => (view.market ? convert(hkd, "HKD", currency, view.market) : hkd);
    return {toX: shown, text: (o) => formatPerShare(shown(o.plotted), view.market ? currency : "HKD"), label: `${ANSWER_NAME.value} (${currencySymbol(view.market ? currency : "HKD")}) →`};
  }
  const beyond = `beyond ${formatMonthYear(t.horizonMonth)}`;
  return {
    toX: (m) => dateOf(t.startMonth, m),
    text: (o) => (o.beyond || o.value === null ? (output === "runway" ? `never runs out (${beyond})` : `never (${beyond})`) : `${formatMonthYear(dateAfterMonths(t.startMonth, o.value))} (${formatMonths(o.value)})`),
    label: `${ANSWER_NAME[output]} (month) →`
  };
}

/** An input's value with its unit: "RMB 136.7M / month", "65% a year". */
export function inputValueText(input: SwingInput, value: number, firm: FirmId): string {
  return formatFieldValue(value, input.unit, FIRM_CURRENCY[firm]);
}

/** One focusable, clickable item of a chart: its element, its place for the arrow keys, what it says, what it does. */
interface Pickable {
  node: Element;
  row: number;
  col: number;
  say: () => string;
  apply: () => void;
}

/**
 * Makes a rendered chart pickable: a click on an item applies it; the chart is one tab stop in which
 * the arrow keys move between items (rows and columns) and Enter or Space applies the one shown.
 */
function pickable(svg: SVGSVGElement, items: Pickable[], start: number, label: string): HTMLElement {
  const status = html`<p class="sens-status muted" aria-live="polite"></p>` as HTMLElement;
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", `${label}. Arrow keys pick, Enter applies.`);
  svg.classList.add("sens-pickable");
  items.forEach((item, k) => {
    item.node.setAttribute("data-k", String(k));
    item.node.classList.add("sens-item");
  });
  let active = Math.min(Math.max(0, start), items.length - 1);
  const show = () => {
    for (const node of svg.querySelectorAll(".sens-active")) node.classList.remove("sens-active");
    const item = items[active];
    if (!item) return;
    item.node.classList.add("sens-active");
    status.textContent = item.say();
  };
  svg.addEventListener("click", (event) => {
    const node = (event.target as Element).closest?.("[data-k]");
    if (node && svg.contains(node)) items[Number(node.getAttribute("data-k"))]?.apply();
  });
  svg.addEventListener("focus", show);
  svg.addEventListener("blur", () => {
    for (const node of svg.querySelectorAll(".sens-active")) node.classList.remove("sens-active");
    status.textContent = "";
  });
  svg.addEventListener("keydown", (event) => {
    const item = items[active];
    if (!item) return;
    const move = (dr: number, dc: number) => {
      // The nearest item in that direction: same row or column first, then the closest.
      let best = -1;
      let bestScore = Infinity;
      items.forEach((other, k) => {
        const r = other.row - item.row;
        const c = other.col - item.col;
        if ((dr !== 0 && Math.sign(r) !== dr) || (dc !== 0 && Math.sign(c) !== dc)) return;
        const score = dr !== 0 ? Math.abs(r) * 1000 + Math.abs(c) : Math.abs(c) * 1000 + Math.abs(r);
        if (score < bestScore) [best, bestScore] = [k, score];
      });
      if (best >= 0) active = best;
    };
    switch (event.key) {
      case "ArrowUp":
        move(-1, 0);
        break;
      case "ArrowDown":
        move(1, 0);
        break;
      case "ArrowLeft":
        move(0, -1);
        break;
      case "ArrowRight":
        move(0, 1);
        break;
      case "Enter":
      case " ":
        event.preventDefault();
        item.apply();
        return;
      default:
        return;
    }
    event.preventDefault();
    show();
  });
  return status;
}

/** Collects the element Plot draws for each datum of a mark (one element per index, in order). */
function collect(into: Element[][]): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context)!;
    const nodes: Element[] = [];
    const children = [...g.children];
    index.forEach((i, k) => (nodes[i] = children[k]!));
    into.push(nodes);
    return g;
  };
}

/** A mark that never takes the pointer (overlays on clickable cells). */
const inert: Plot.RenderFunction = (index, scales, values, dimensions, context, next) => {
  const g = next!(index, scales, values, dimensions, context)!;
  g.setAttribute("pointer-events", "none");
  return g;
};

interface End {
  bar: TornadoBar;
  row: number;
  end: "low" | "high";
  input: number;
  outcome: Outcome;
  x: number | Date;
  /** Left or right of the bar's other end (a label goes outward). */
  side: "left" | "right";
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
 * projection, open, and says "beyond <month>"); value per share is in the display currency, with the price.
 */
export function tornadoChart(t: Tornado, options: TornadoOptions): HTMLElement {
  const {width, output, onApply} = options;
  const scale = answerScale(output, t, options);
  const bars = t.bars[output];
  const current = t.current[output];
  const firm = t.firm;
  const ends: End[] = bars.flatMap((bar, row) => {
    const lowLeft = bar.low.plotted <= bar.high.plotted;
    return (["low", "high"] as const).map((end) => ({
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
  const testId = `tornado-${firm}-${output}`;
  if (bars.length === 0) {
    return html`<figure class="sens-chart" data-testid=${testId}><p class="muted">No input to swing: this scenario gives ${FIRM_NAME[firm]} no ranges${t.skipped.length ? ", and the ones it gives do not fit the other inputs" : ""}.</p></figure>` as HTMLElement;
  }
  const compact = width < 520;
  const fontSize = compact ? 10 : 10.5;
  // Room beside the outermost bar ends for their labels, each side as wide as its longest label.
  const room = (side: End["side"]) => Math.min(130, Math.max(40, Math.max(0, ...ends.filter((e) => e.side === side).map((e) => e.label.length)) * fontSize * 0.56 + 14));
  const [insetLeft, insetRight] = [room("left"), room("right")];
  const rowHeight = 46;
  const marginTop = 14;
  const marginBottom = 36;
  const xs = [...ends.map((e) => e.x), scale.toX(current.plotted)];
  if (output === "value") xs.push(scale.toX(t.price));
  const anyBeyond = output !== "value" && (current.beyond || bars.some((b) => b.low.beyond || b.high.beyond));
  const horizon = scale.toX(t.horizonMonths);
  if (anyBeyond) xs.push(horizon);
  const nums = xs.map(Number);
  let [lo, hi] = [Math.min(...nums), Math.max(...nums)];
  if (lo === hi) [lo, hi] = output === "value" ? [lo - 1, hi + 1] : [lo - 30 * 86400e3, hi + 30 * 86400e3];
  const domain = output === "value" ? [lo, hi] : [new Date(lo), new Date(hi)];
  const labels = bars.map((b) => b.input.label);
  const rendered: Element[][] = [];
  // Per bar, the longer segment first, so that when both ends lie on one side the shorter shows on top.
  const segments = bars.flatMap((bar) =>
    (["low", "high"] as const)
      .map((end) => ({label: bar.input.label, end, x1: scale.toX(current.plotted), x2: scale.toX(bar[end].plotted), length: Math.abs(bar[end].plotted - current.plotted)}))
      .sort((a, b) => b.length - a.length)
  );
  const chart = Plot.plot({
    width,
    height: marginTop + marginBottom + rowHeight * bars.length,
    marginTop,
    marginBottom,
    marginLeft: 8,
    marginRight: 8,
    x: {type: output === "value" ? "linear" : "utc", domain, label: scale.label, labelAnchor: "right", insetLeft, insetRight, grid: true, ...axisTicks(output, lo, hi, width - 16 - insetLeft - insetRight)},
    y: {domain: labels, axis: null, paddingInner: 0.62, paddingOuter: 0.45},
    marks: [
      ...(anyBeyond ? [Plot.ruleX([horizon], {stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "2,3"}), Plot.text([horizon], {x: (d: Date) => d, frameAnchor: "bottom", text: () => `end of projection ${formatMonthYear(t.horizonMonth)}`, textAnchor: "end", dx: -3, dy: -2, fontSize: 9.5, fill: "currentColor", fillOpacity: 0.75})] : []),
      ...(output === "value" ? [Plot.ruleX([scale.toX(t.price)], {stroke: PRICE_COLOR, strokeWidth: 1.5, strokeDasharray: "5,3"}), Plot.text([scale.toX(t.price)], {x: (d: number) => d, frameAnchor: "top", text: () => `price ${scale.text({value: t.price, plotted: t.price, beyond: false})}`, textAnchor: "start", dx: 3, dy: -6, fontSize: 9.5, fill: PRICE_COLOR})] : []),
      // The input's name above its bar, at the left of the frame.
      Plot.text(bars, {y: (b: TornadoBar) => b.input.label, frameAnchor: "left", text: (b: TornadoBar) => b.input.label, textAnchor: "start", dy: -15, fontSize: 11, fontWeight: 600, fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke"}),
      Plot.barX(segments, {y: "label", x1: "x1", x2: "x2", fill: (d: (typeof segments)[number]) => END_COLOR[d.end], inset: 0}),
      Plot.ruleX([scale.toX(current.plotted)], {stroke: "currentColor", strokeWidth: 2}),
      Plot.dot(ends, {
        y: (e: End) => e.bar.input.label,
        x: "x",
        r: 5.5,
        fill: (e: End) => (e.outcome.beyond ? "var(--theme-background, white)" : END_COLOR[e.end]),
        stroke: (e: End) => END_COLOR[e.end],
        strokeWidth: 2,
        render: collect(rendered)
      }),
      ...(["left", "right"] as const).map((side) =>
        Plot.text(ends.filter((e) => e.side === side), {y: (e: End) => e.bar.input.label, x: "x", text: "label", textAnchor: side === "left" ? "end" : "start", dx: side === "left" ? -9 : 9, fontSize, fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke"})
      )
    ]
  }) as SVGSVGElement;
  const dots = rendered[0] ?? [];
  const say = (e: End) => `${e.bar.input.label} at ${e.label} (the ${e.end} end of its range): ${output === "value" ? "value per share " : output === "runway" ? "cash runs out " : "breaks even "}${scale.text(e.outcome)}, against ${scale.text(current)} now.`;
  const items: Pickable[] = ends.map((e, k) => {
    const node = dots[k]!;
    node.setAttribute("data-path", e.bar.input.path);
    node.setAttribute("data-value", String(e.input));
    node.setAttribute("data-end", e.end);
    node.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "title")).textContent = `${say(e)} Click to apply.`;
    return {node, row: e.row, col: e.side === "left" ? 0 : 1, say: () => `${say(e)} Enter applies it.`, apply: () => onApply?.(e.bar.input.path, e.input)};
  });
  const status = pickable(chart, items, 0, `${FIRM_NAME[firm]}: ${ANSWER_NAME[output].toLowerCase()}, by input`);
  const figure = html`<figure class="sens-chart" data-testid=${testId} data-current=${String(current.plotted)}>
    ${tornadoLegend()}
    ${chart}
    ${status}
    <figcaption>${tornadoCaption(t, output, scale)}</figcaption>
  </figure>` as HTMLElement;
  return figure;
}

const YEAR_MS = 365.25 * 864e5;

/** Ticks that fit the axis: whole years (or steps of them), months on a short span; numbers about 60 px apart. */
function axisTicks(output: SensitivityOutput, lo: number, hi: number, px: number): Plot.ScaleOptions {
  if (output === "value") return {ticks: Math.max(2, Math.floor(px / 60)), tickFormat: formatTick};
  const perYear = px / Math.max((hi - lo) / YEAR_MS, 1e-9);
  if (perYear >= 2 * 70) return {ticks: perYear >= 4 * 70 ? "3 months" : "6 months", tickFormat: formatMonthOf};
  const step = [1, 2, 5, 10].find((k) => k * perYear >= 40) ?? 20;
  return {ticks: step === 1 ? "year" : `${step} years`, tickFormat: (d: Date) => String(d.getUTCFullYear())};
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
  if (!top || top.swing === 0) return `${now} None of these inputs moves it across its range.`;
  const name = top.input.label.charAt(0).toLowerCase() + top.input.label.slice(1);
  const skipped = t.skipped.length ? ` Left out: ${t.skipped.map((s) => `${s.input.label.toLowerCase()} at ${inputValueText(s.input, s.value, t.firm)} (${s.reason})`).join("; ")}.` : "";
  return `${now} ${name.charAt(0).toUpperCase() + name.slice(1)} moves it most: ${scale.text(top.low)} at ${inputValueText(top.input, top.input.low, t.firm)}, ${scale.text(top.high)} at ${inputValueText(top.input, top.input.high, t.firm)}.${skipped}`;
}

export interface HeatmapOptions extends SensitivityView {
  width: number;
  /** Called with both inputs' paths and the cell's values, x first. */
  onApply?: (changes: [path: string, value: number][]) => void;
}

/** What each target is called in a caption, and its colour legend. */
const TARGET_TEXT: Record<Grid["target"], {met: string; missed: string}> = {
  "cash-lasts-to-break-even": {met: "cash lasts until break-even", missed: "cash runs out before the first month of break-even"},
  "breaks-even-by-target": {met: "breaks even by the target year", missed: "breaks even after the target year, or never"},
  "value-at-least-price": {met: "value per share at or above the price", missed: "value per share below the price"}
};

let patternCount = 0;

/** Axis tick format and label for an input: percentages for rates, plain numbers with the unit in the label. */
function axisFormat(input: SwingInput, firm: FirmId): {tickFormat: (x: number) => string; label: string} {
  const unit = unitLabel(input.unit, FIRM_CURRENCY[firm]);
  const percent = input.unit === "fraction" || input.unit === "fractionPerYear";
  return {tickFormat: percent ? formatPercent : formatTick, label: `${input.label}${unit ? ` (${unit})` : ""}`};
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
  const half = (axis: Grid["x"], v: number) => (axis.step > 0 ? axis.step / 2 : Math.max(Math.abs(v) * 0.05, 0.005));
  const shown = (o: Outcome) => (g.output === "value" ? (scale.toX(o.plotted) as number) : o.plotted);
  const rows = g.cells.map((c) => ({...c, x1: c.x - half(g.x, c.x), x2: c.x + half(g.x, c.x), y1: c.y - half(g.y, c.y), y2: c.y + half(g.y, c.y), fill: c.outcome ? shown(c.outcome) : null}));
  const at = (i: number, j: number) => rows[i * n + j]!;
  // The boundary: an edge between a cell that meets the target and one that does not.
  const edges: {x1: number; y1: number; x2: number; y2: number}[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = at(i, j);
      if (i + 1 < n && (c.met === true) !== (at(i + 1, j).met === true)) edges.push({x1: c.x2, y1: c.y1, x2: c.x2, y2: c.y2});
      if (j + 1 < n && (c.met === true) !== (at(i, j + 1).met === true)) edges.push({x1: c.x1, y1: c.y2, x2: c.x2, y2: c.y2});
    }
  }
  const missed = rows.filter((c) => c.met !== true);
  const xAxis = axisFormat(g.x.input, firm);
  const yAxis = axisFormat(g.y.input, firm);
  const currency = options.market ? (options.currency ?? "HKD") : "HKD";
  const legendWidth = Math.min(300, width - 16);
  const price = scale.toX(g.price) as number;
  const color: Plot.ScaleOptions =
    g.output === "value"
      ? {type: "diverging", scheme: "RdBu", pivot: price, label: `Value per share (${currencySymbol(currency)}); white: the price`, tickFormat: formatTick}
      : {type: "linear", scheme: "YlGnBu", domain: [0, g.horizonMonths], label: `${g.output === "runway" ? "Runway" : "Break-even"}, months after ${formatMonthYear(dateAfterMonths(g.startMonth, 0))}`, tickFormat: (m: number) => (m >= g.horizonMonths ? `${m}+` : formatTick(m))};
  const id = `sens-hatch-${++patternCount}`;
  const hatch: Plot.RenderFunction = () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "defs");
    svg.innerHTML = `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0.6" y1="0" x2="0.6" y2="6" stroke="black" stroke-width="1.2" stroke-opacity="0.4"/><line x1="1.8" y1="0" x2="1.8" y2="6" stroke="white" stroke-width="1.2" stroke-opacity="0.5"/></pattern>`;
    return svg as unknown as SVGElement;
  };
  const rendered: Element[][] = [];
  const nowLeft = g.current.x > (g.x.values[0]! + g.x.values[n - 1]!) / 2;
  const compact = width < 520;
  const height = Math.round(Math.min(420, Math.max(260, width * (compact ? 0.85 : 0.7))));
  const plot = Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginBottom: 40,
    marginTop: 26,
    marginRight: 12,
    x: {label: `${xAxis.label} →`, tickFormat: xAxis.tickFormat, labelAnchor: "right", ticks: Math.max(3, Math.floor(width / 90))},
    y: {label: `↑ ${yAxis.label}`, tickFormat: yAxis.tickFormat, labelAnchor: "top"},
    color,
    marks: [
      hatch,
      Plot.rect(rows.filter((c) => c.fill !== null), {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "fill", shapeRendering: "crispEdges", render: collect(rendered)}),
      Plot.rect(missed, {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: `url(#${id})`, render: inert}),
      Plot.link(edges, {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "var(--theme-background, white)", strokeWidth: 4.5, render: inert}),
      Plot.link(edges, {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "currentColor", strokeWidth: 2, render: inert}),
      Plot.dot([g.current], {x: "x", y: "y", r: 7, stroke: "var(--theme-background, white)", strokeWidth: 5, render: inert}),
      Plot.dot([g.current], {x: "x", y: "y", r: 7, stroke: "currentColor", strokeWidth: 2.5, fill: "none", render: inert}),
      // "now" beside the ring, on the side with more room.
      Plot.text([g.current], {x: "x", y: "y", text: () => "now", dx: nowLeft ? -12 : 12, textAnchor: nowLeft ? "end" : "start", fontSize: 10.5, fontWeight: 700, fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke", render: inert})
    ]
  }) as unknown as SVGSVGElement & Plot.Plot;
  const svg = plot;
  const legend = plot.legend("color", {width: legendWidth});
  const cellNodes = rendered[0] ?? [];
  const drawn = rows.filter((c) => c.fill !== null);
  const describe = (c: GridCell) =>
    `${g.x.input.label} ${inputValueText(g.x.input, c.x, firm)}, ${g.y.input.label.toLowerCase()} ${inputValueText(g.y.input, c.y, firm)}: ${g.output === "runway" ? "cash runs out " : g.output === "breakEven" ? "breaks even " : "value per share "}${scale.text(c.outcome!)}; ${c.met ? TARGET_TEXT[g.target].met : TARGET_TEXT[g.target].missed}.`;
  const items: Pickable[] = drawn.map((c, k) => {
    const node = cellNodes[k]!;
    node.setAttribute("data-x", String(c.x));
    node.setAttribute("data-y", String(c.y));
    if (c.met) node.setAttribute("data-met", "");
    return {node, row: n - 1 - c.j, col: c.i, say: () => `${describe(c)} Enter applies both.`, apply: () => onApply?.([[g.x.input.path, c.x], [g.y.input.path, c.y]])};
  });
  // Start the keyboard at the cell nearest the scenario's own point.
  const nearest = (axis: Grid["x"], v: number) => axis.values.reduce((best, x, k) => (Math.abs(x - v) < Math.abs(axis.values[best]! - v) ? k : best), 0);
  const startCell = drawn.findIndex((c) => c.i === nearest(g.x, g.current.x) && c.j === nearest(g.y, g.current.y));
  const status = pickable(svg, items, startCell, `${FIRM_NAME[firm]}: ${ANSWER_NAME[g.output].toLowerCase()} by ${g.x.input.label.toLowerCase()} and ${g.y.input.label.toLowerCase()}`);
  // The hover tip: formatted for the cell under the pointer only.
  svg.addEventListener("pointerover", (event) => {
    const node = (event.target as Element).closest?.("[data-k]");
    if (node && !node.querySelector("title")) {
      const c = drawn[Number(node.getAttribute("data-k"))];
      if (c) node.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "title")).textContent = `${describe(c)} Click to apply.`;
    }
  });
  const metCount = rows.filter((c) => c.met === true).length;
  const skippedCount = rows.filter((c) => c.met === null).length;
  const basis = (a: SwingInput) => (a.basis === "range" ? "the input's range in the scenario" : "the input's plausible range");
  const legendNote = g.output === "value" ? `Colour: value per share; white at the price, ${formatPerShare(price, currency)}.` : `Colour: months from the ${formatMonthYear(dateAfterMonths(g.startMonth, 0))} baseline; ${g.horizonMonths}+ means never within the projection (to ${formatMonthYear(g.horizonMonth)}).`;
  return html`<figure class="sens-chart" data-testid=${`heatmap-${firm}-${g.output}`} data-current-x=${String(g.current.x)} data-current-y=${String(g.current.y)} data-met-count=${String(metCount)}>
    ${legend}
    ${plot}
    ${status}
    <figcaption>${legendNote} The line bounds the cells where ${TARGET_TEXT[g.target].met} (${metCount} of ${rows.length}); hatched cells miss it. The ring is the scenario now: ${scale.text(g.current.outcome)}, ${g.current.met ? TARGET_TEXT[g.target].met : TARGET_TEXT[g.target].missed}. Each axis spans ${g.x.input.basis === g.y.input.basis ? basis(g.x.input) : `${basis(g.x.input)} (${lowerFirst(g.x.input.label)}) or ${basis(g.y.input)}`}${skippedCount ? `; ${skippedCount} cells are blank because their inputs do not fit together` : ""}.</figcaption>
  </figure>` as HTMLElement;
}

// The page's glue: results remembered per state, the note on which ranges were used, and applying a click.

const tornadoMemo = new Map<FirmId, {key: readonly unknown[]; result: Tornado}>();
const gridMemo = new Map<string, {key: readonly unknown[]; result: Grid}>();
const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

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

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Which ranges the charts swing, per firm, and where the probabilities are. */
export function rangesNote(scenario: Scenario): HTMLElement {
  const parts = FIRMS.map((firm) => {
    const swings = swingInputs(scenario, firm);
    const names = swings.map((s) => lowerFirst(s.label)).join(", ");
    if (swings.length === 0) return html`<li><strong>${FIRM_NAME[firm]}</strong>: nothing to swing.</li>`;
    return swings[0]!.basis === "range"
      ? html`<li><strong>${FIRM_NAME[firm]}</strong>: the scenario's ranges for ${names}, each from its low to its high as written (a normal or lognormal range by its 90% interval).</li>`
      : html`<li><strong>${FIRM_NAME[firm]}</strong>: the scenario gives no ranges, so its headline inputs (${names}) swing across their plausible ranges.</li>`;
  });
  return html`<div class="sens-ranges" data-testid="sensitivity-ranges"><p>The swings used:</p><ul>${parts}</ul><p>A tornado says how far each answer can move, not how likely it is: for the probabilities over these same ranges, see <a href="./risk" data-keeps-scenario>Risk</a>.</p></div>` as HTMLElement;
}

/**
 * Applies the value(s) a chart hands over with `set` (the store's), says what happened (or why a
 * value was refused) in `status`, and gives the keyboard focus back to the redrawn chart.
 */
export function applier(set: (path: string, value: number) => string | null): {status: HTMLElement; apply: (changes: [path: string, value: number][]) => void} {
  const status = html`<p class="sens-applied" role="status" data-testid="sensitivity-applied"></p>` as HTMLElement;
  const apply = (changes: [string, number][]) => {
    const chart = (document.activeElement as Element | null)?.closest?.("[data-testid]")?.getAttribute("data-testid") ?? null;
    const said: string[] = [];
    for (const [path, value] of changes) {
      const spec = fieldSpec(path);
      const firm = firmOfPath(path);
      const name = `${firm ? `${FIRM_NAME[firm]}: ` : ""}${spec?.label ?? path}`;
      const reason = set(path, value);
      said.push(reason ? `${name} not changed: ${reason}` : `${name} set to ${spec ? formatFieldValue(value, spec.unit, currencyOfPath(path)) : String(value)}`);
    }
    status.textContent = `${said.join("; ")}.`;
    if (chart) document.querySelector<SVGElement>(`[data-testid="${chart}"] .sens-pickable`)?.focus();
  };
  return {status, apply};
}
