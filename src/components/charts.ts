// Charts of the projection (Observable Plot): each takes rows already in the display currency and
// {width, …}, labels its axes with units, and dates its markers.
import * as Plot from "@observablehq/plot";
import {group} from "d3";
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
/** Half the size of an event's marker (the cross's arms with their stroke), which no label may cover. */
const MARKER_HALF_PX = 7.5;
/** The height a label below or above its marker needs from the marker's centre. */
const EVENT_LABEL_ROOM_PX = 22;

type Box = {left: number; right: number; top: number; bottom: number};
type Point = {date: Date; cash: number};
/** Where a label sits relative to its marker: Plot's dx, dy and textAnchor. */
export type LabelPlace = {dx: number; dy: number; textAnchor: "middle" | "start" | "end"};

/** A label's vertical offset from its marker: `lane` steps below or above it. */
export function eventLabelDy(side: "below" | "above", lane: number): number {
  return side === "below" ? 15 + LANE_PX * lane : -14 - LANE_PX * lane;
}

/**
 * The places on a lane a label may take, best first: centred below or above its marker (its usual
 * side first), beside it (on the first lane), then shifted to either side.
 */
function labelPlaces(usual: "below" | "above", lane: number): LabelPlace[] {
  const [u, o] = [eventLabelDy(usual, lane), eventLabelDy(usual === "below" ? "above" : "below", lane)];
  const beside: LabelPlace[] = lane === 0 ? [{dx: 11, dy: 0, textAnchor: "start"}, {dx: -11, dy: 0, textAnchor: "end"}] : [];
  return [
    {dx: 0, dy: u, textAnchor: "middle"},
    {dx: 0, dy: o, textAnchor: "middle"},
    ...beside,
    ...[u, o].flatMap((dy): LabelPlace[] => [{dx: -6, dy, textAnchor: "start"}, {dx: 6, dy, textAnchor: "end"}])
  ];
}

/** Whether the polyline through `points` (pixels) passes through `box`. */
function crosses(points: readonly (readonly [number, number])[], box: Box): boolean {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const [left, right] = [Math.max(box.left, Math.min(x0, x1)), Math.min(box.right, Math.max(x0, x1))];
    if (left > right) continue;
    // The segment's heights at the two ends of its part within the box's columns.
    const at = (x: number) => y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    const [ya, yb] = x1 === x0 ? [y0, y1] : [at(left), at(right)];
    if (Math.max(ya, yb) > box.top && Math.min(ya, yb) < box.bottom) return true;
  }
  return false;
}

/**
 * Where the cash chart's event labels go, grouped by place. Each label's box is estimated from its
 * characters at the pixel positions `x` and `y` give. A place fits if it overlaps no label already
 * placed, covers no marker and lies within `frame`; a label takes the first place next to its marker
 * (labelPlaces) that fits and is crossed by none of `lines` (the cash paths and the zero rule), else
 * the first there that fits (its halo keeps it legible: a label far from its marker is worse than a
 * line through it), else one a lane or more further out, else the first clear of the other labels.
 */
export function eventLanes<E extends {kind: "cash-out" | "break-even"} & Point & {label: string}>(
  events: readonly E[],
  options: {x: (date: Date) => number; y: (cash: number) => number; charWidth: number; lines?: readonly (readonly Point[])[]; frame?: Box}
): (LabelPlace & {events: E[]})[] {
  const lines = (options.lines ?? []).map((line) => line.map((p) => [options.x(p.date), options.y(p.cash)] as const));
  const markers: Box[] = events.map((e) => {
    const [x, y] = [options.x(e.date), options.y(e.cash)];
    return {left: x - MARKER_HALF_PX, right: x + MARKER_HALF_PX, top: y - MARKER_HALF_PX, bottom: y + MARKER_HALF_PX};
  });
  const frame = options.frame ?? {left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity};
  const placed: Box[] = [];
  const groups: (LabelPlace & {events: E[]})[] = [];
  const meets = (a: Box, b: Box, gap: number) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
  for (const e of [...events].sort((a, b) => a.date.getTime() - b.date.getTime())) {
    const width = e.label.length * options.charWidth;
    const [x, y] = [options.x(e.date), options.y(e.cash)];
    const box = ({dx, dy, textAnchor}: LabelPlace): Box => {
      const left = x + dx - (textAnchor === "middle" ? width / 2 : textAnchor === "end" ? width : 0);
      return {left, right: left + width, top: y + dy - EVENT_LABEL_HEIGHT_PX / 2, bottom: y + dy + EVENT_LABEL_HEIGHT_PX / 2};
    };
    const clearOfLabels = (b: Box) => !placed.some((p) => meets(b, p, 4));
    const fits = (b: Box) => clearOfLabels(b) && !markers.some((m) => meets(b, m, 0)) && b.left >= frame.left && b.right <= frame.right && b.top >= frame.top && b.bottom <= frame.bottom;
    const usual = e.kind === "cash-out" ? "below" : "above";
    const [near, far] = [labelPlaces(usual, 0), [1, 2, 3].flatMap((lane) => labelPlaces(usual, lane))];
    const clearOfLines = (p: LabelPlace) => !lines.some((line) => crosses(line, box(p)));
    const place =
      near.find((p) => fits(box(p)) && clearOfLines(p)) ??
      near.find((p) => fits(box(p))) ??
      far.find((p) => fits(box(p)) && clearOfLines(p)) ??
      far.find((p) => fits(box(p))) ??
      [...near, ...far].find((p) => clearOfLabels(box(p))) ??
      near[0]!;
    placed.push(box(place));
    let group = groups.find((g) => g.dx === place.dx && g.dy === place.dy && g.textAnchor === place.textAnchor);
    if (!group) groups.push((group = {...place, events: []}));
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
  // Room within the frame for a label below the lowest marker and above the highest (a break-even
  // at the foot of its valley is labelled below it, clear of the line).
  const [frameTop, frameBottom] = [marginTop, height - marginBottom];
  const plain = Plot.scale({y: {domain: yDomain, range: [frameBottom, frameTop], nice: true}});
  const eventYs = events.map((e) => plain.apply(e.cash) as number);
  const insetBottom = Math.max(0, EVENT_LABEL_ROOM_PX - (frameBottom - Math.max(frameTop, ...eventYs)));
  const insetTop = Math.max(0, EVENT_LABEL_ROOM_PX - (Math.min(frameBottom, ...eventYs) - frameTop));
  const y = Plot.scale({y: {domain: yDomain, range: [frameBottom - insetBottom, frameTop + insetTop], nice: true}});
  // What a label must not sit on: each firm's cash path and the zero rule.
  const lines = [...group(rows, (r) => r.firm).values(), [{date: xDomain[0]!, cash: 0}, {date: end, cash: 0}]];
  const chart = Plot.plot({
    width,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    x: {type: "utc", label: null, domain: xDomain},
    y: {label: `↑ Cash (${currencySymbol(data.currency)} billions)`, domain: yDomain, grid: true, nice: true, insetTop, insetBottom, tickFormat: formatTick},
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
      // Each label where it is clear of the other labels, the markers and the lines (eventLanes).
      ...eventLanes(events, {x: (d) => x.apply(d), y: (c) => y.apply(c), charWidth: EVENT_LABEL_CHAR_PX, lines, frame: {left: marginLeft, right: width - marginRight, top: frameTop, bottom: frameBottom}}).map(({dx, dy, textAnchor, events}) =>
        Plot.text(events, {x: "date", y: "cash", text: "label", fill: "firm", dx, dy, textAnchor, fontSize: 10.5, fontWeight: 600, ...TEXT_HALO})
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
    // Nice: the axis ends on a tick, so the deepest loss (−37 in the bear case) sits above a labelled −40.
    y: {label: `↑ Per month (${currencySymbol(currency)} millions)`, grid: true, nice: true, tickFormat: formatTick},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      ...FLOW_MEASURES.map((m) => Plot.lineY(rows, {x: "date", y: FLOW_FIELD[m], stroke: FLOW_COLOR[m], strokeWidth: 1.8})),
      // One tip for the month, with all four flows (formatted only for the month shown).
      Plot.tip(rows, Plot.pointerX({x: "date", y: "operatingCashFlow", channels: Object.fromEntries(FLOW_MEASURES.map((m) => [m, FLOW_FIELD[m]])), format: {x: formatMonthOf, y: false, ...Object.fromEntries(FLOW_MEASURES.map((m) => [m, perMonth]))}}))
    ]
  }));
}
