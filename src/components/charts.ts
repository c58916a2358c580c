// Charts of the projection (Observable Plot): each takes rows already in the display currency and
// {width, …}, labels its axes with units, and dates its markers.
import * as Plot from "@observablehq/plot";
import type {Currency} from "../lib/fields.js";
import {currencySymbol, formatMoney, formatMonthOf, formatTick} from "../lib/format.js";
import {FIRM_COLOR, FLOW_COLOR, GAP_COLOR, TEXT_HALO} from "./colors.js";
import {FLOW_FIELD, FLOW_MEASURES, type CashChartData, type FlowRow} from "./series.js";

const BILLION = 1000;

/** The firm colour scale for the firms shown. */
function firmColors(data: CashChartData) {
  const firms = [...new Set(data.targets.map((t) => t.firm))];
  return {domain: firms, range: firms.map((f) => FIRM_COLOR[f]), tickFormat: (f: string) => data.targets.find((t) => t.firm === f)?.name ?? f};
}

const legends = new Map<string, Node>();

/** A chart with a colour legend above it; legends never change, so each is drawn once and copied. */
function withLegend(key: string, legend: () => Node, chart: Node): HTMLElement {
  if (!legends.has(key)) legends.set(key, legend());
  const figure = document.createElement("figure");
  figure.append(legends.get(key)!.cloneNode(true), chart);
  return figure;
}

/** Width of a character of an event's label (10.5 px bold, a little over the average), its height, and the step between lanes. */
const EVENT_LABEL_CHAR_PX = 6.4;
const EVENT_LABEL_HEIGHT_PX = 12;
const LANE_PX = 13;

/** An event label's offset from its marker: below the cross for a cash-out, above the dot for a break-even, `lane` steps further out. */
export function eventLabelDy(kind: "cash-out" | "break-even", lane: number): number {
  return kind === "cash-out" ? 15 + LANE_PX * lane : -13 - LANE_PX * lane;
}

/**
 * The cash chart's event labels grouped by kind and lane. Each label is centred on its marker (its box
 * estimated from its characters, at the pixel positions `x` and `y` give); one that would overlap a
 * label already placed moves a lane further out, so two firms' break-evens a few months apart stay
 * readable at phone width.
 */
export function eventLanes<E extends {kind: "cash-out" | "break-even"; date: Date; cash: number; label: string}>(
  events: readonly E[],
  options: {x: (date: Date) => number; y: (cash: number) => number; charWidth: number}
): {kind: E["kind"]; lane: number; events: E[]}[] {
  const placed: {left: number; right: number; top: number; bottom: number}[] = [];
  const groups: {kind: E["kind"]; lane: number; events: E[]}[] = [];
  const overlaps = (box: (typeof placed)[number]) => placed.some((p) => box.left < p.right + 4 && p.left < box.right + 4 && box.top < p.bottom && p.top < box.bottom);
  for (const e of [...events].sort((a, b) => a.date.getTime() - b.date.getTime())) {
    const half = (e.label.length * options.charWidth) / 2;
    const [x, y] = [options.x(e.date), options.y(e.cash)];
    const box = (lane: number) => {
      const middle = y + eventLabelDy(e.kind, lane);
      return {left: x - half, right: x + half, top: middle - EVENT_LABEL_HEIGHT_PX / 2, bottom: middle + EVENT_LABEL_HEIGHT_PX / 2};
    };
    let lane = 0;
    while (lane < 3 && overlaps(box(lane))) lane++;
    placed.push(box(lane));
    let group = groups.find((g) => g.kind === e.kind && g.lane === lane);
    if (!group) groups.push((group = {kind: e.kind, lane, events: []}));
    group.events.push(e);
  }
  return groups;
}

/**
 * Cash at the end of each month (billions of the display currency) for one or both firms on one
 * calendar axis: the zero line, each firm's target year shaded and named above the plot, any funding
 * gap shaded red and named at its foot, and the cash-out (×) and break-even (●) months labelled.
 */
export function cashPathsChart(data: CashChartData, options: {width: number; today: Date; end: Date}): SVGElement | HTMLElement {
  const {width, today, end} = options;
  const rows = data.rows.map((d) => ({...d, cash: d.cash / BILLION}));
  const events = data.events.map((e) => ({...e, cash: e.cash / BILLION}));
  const labelRows = data.targets.length;
  const compact = width < 560;
  const height = Math.min(420, Math.max(280, width * 0.45));
  const [marginLeft, marginRight, marginBottom] = [48, compact ? 12 : 24, 30];
  // Room above the frame for one line per target band, so labels never sit on the lines.
  const marginTop = 16 + 14 * labelRows;
  // The chart's own scales, known before it is drawn so the event labels can keep clear of each other.
  const xDomain = [rows[0]?.date ?? today, end];
  // Every y the marks place: the zero line, the cash and the events (given to the plot too, so the two agree).
  const yValues = [0, ...rows.map((r) => r.cash), ...events.map((e) => e.cash)];
  const yDomain = [Math.min(...yValues), Math.max(...yValues)];
  const x = Plot.scale({x: {type: "utc", domain: xDomain, range: [marginLeft, width - marginRight]}});
  const y = Plot.scale({y: {domain: yDomain, range: [height - marginBottom, marginTop], nice: true}});
  const chart = Plot.plot({
    width,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    x: {type: "utc", label: null, domain: xDomain},
    y: {label: `↑ Cash (${currencySymbol(data.currency)} billions)`, domain: yDomain, grid: true, nice: true, tickFormat: formatTick},
    color: firmColors(data),
    marks: [
      Plot.rectX(data.targets, {x1: "start", x2: "end", fill: "firm", fillOpacity: 0.1}),
      // A funding gap: a red band over its months, full height so even a one-month gap shows, named at its foot.
      Plot.rectX(data.gaps, {x1: "start", x2: "end", fill: GAP_COLOR, fillOpacity: 0.18}),
      Plot.text(data.gaps, {x: "start", frameAnchor: "bottom", text: "label", dy: -4, textAnchor: "start", dx: 2, fill: GAP_COLOR, fontSize: 10.5, fontWeight: 600, ...TEXT_HALO}),
      ...data.targets.map((t, i) =>
        Plot.text([t], {x: "start", frameAnchor: "top", text: (d: typeof t) => `${d.name} target: ${d.year}`, dy: -5 - 14 * (labelRows - 1 - i), lineAnchor: "bottom", textAnchor: "start", fill: "firm", fontSize: 11, fontWeight: 600})
      ),
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.ruleX([today], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3"}),
      // "today" sits at the top of the frame, left of its rule, clear of the cash-out and break-even labels.
      Plot.text([today], {x: (d: Date) => d, frameAnchor: "top", text: () => "today", dy: 8, dx: -3, textAnchor: "end", fontSize: 10, fill: "currentColor", fillOpacity: 0.8}),
      Plot.lineY(rows, {x: "date", y: "cash", stroke: "firm", strokeWidth: 2}),
      // Cash-out: a cross (a stroked symbol); break-even: a filled dot; each with its date beside it.
      Plot.dot(events.filter((e) => e.kind === "cash-out"), {x: "date", y: "cash", stroke: "firm", strokeWidth: 3, r: 6, symbol: "times"}),
      Plot.dot(events.filter((e) => e.kind === "break-even"), {x: "date", y: "cash", fill: "firm", stroke: "var(--theme-background, white)", r: 5}),
      // Each label on its lane: below the cross for a cash-out, above the dot for a break-even, a lane
      // further out where it would overlap a label already placed.
      ...eventLanes(events, {x: (d) => x.apply(d), y: (c) => y.apply(c), charWidth: EVENT_LABEL_CHAR_PX}).map(({kind, lane, events}) =>
        Plot.text(events, {x: "date", y: "cash", text: "label", fill: "firm", dy: eventLabelDy(kind, lane), textAnchor: "middle", fontSize: 10.5, fontWeight: 600, ...TEXT_HALO})
      ),
      // Tips format only the point shown (a title channel would format every row on every redraw).
      Plot.tip(rows, Plot.pointerX({x: "date", y: "cash", stroke: "firm", format: {x: formatMonthOf, y: (b: number) => formatMoney(b * BILLION, data.currency), stroke: (f: string) => data.targets.find((t) => t.firm === f)?.name ?? f}}))
    ]
  });
  // One firm needs no legend: the page is about it.
  if (labelRows < 2) return chart;
  const colors = firmColors(data);
  return withLegend(colors.domain.join(), () => Plot.legend({color: colors}), chart);
}

const FLOW_SCALE = {domain: [...FLOW_MEASURES], range: FLOW_MEASURES.map((m) => FLOW_COLOR[m])};

/** One firm's monthly revenue, gross profit, cash costs and operating cash flow (millions a month). */
export function flowsChart(rows: readonly FlowRow[], options: {width: number; currency: Currency}): SVGElement | HTMLElement {
  const {width, currency} = options;
  const perMonth = (v: number) => `${formatMoney(v, currency)} / month`;
  return withLegend("flows", () => Plot.legend({color: FLOW_SCALE}), Plot.plot({
    width,
    height: 300,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: `↑ Per month (${currencySymbol(currency)} millions)`, grid: true, tickFormat: formatTick},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      ...FLOW_MEASURES.map((m) => Plot.lineY(rows, {x: "date", y: FLOW_FIELD[m], stroke: FLOW_COLOR[m], strokeWidth: 1.8})),
      // One tip for the month, with all four flows (formatted only for the month shown).
      Plot.tip(rows, Plot.pointerX({x: "date", y: "operatingCashFlow", channels: Object.fromEntries(FLOW_MEASURES.map((m) => [m, FLOW_FIELD[m]])), format: {x: formatMonthOf, y: false, ...Object.fromEntries(FLOW_MEASURES.map((m) => [m, perMonth]))}}))
    ]
  }));
}
