// Charts of the projection (Observable Plot), with labelled axes, units and tooltips.
import * as Plot from "@observablehq/plot";
import {currencyPrefix, formatMoney, formatMonthYear} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import type {FirmResult} from "../lib/results.js";
import {FIRM_NAME, type Currency, type FirmId, type MarketInputs} from "../lib/fields.js";
import {cashRows, flowRows, FLOW_MEASURES, isoToDate, monthEndDate} from "./series.js";

export const FIRM_COLOR: Record<FirmId, string> = {zhipu: "#4269d0", minimax: "#ff725c"};
/** The firm colour scale, for the firms shown (a one-firm chart needs no legend). */
function firmColors(results: FirmResult[]) {
  return {domain: results.map((r) => FIRM_NAME[r.firm]), range: results.map((r) => FIRM_COLOR[r.firm]), legend: results.length > 1};
}

const YEAR_MS = 365.25 * 864e5;

/** Chart end: at least end-2031, a year past any cash-out or break-even, never past the horizon. */
export function chartEnd(results: FirmResult[]): Date {
  const floor = Date.UTC(2031, 11, 31);
  const horizon = Math.max(...results.map((r) => monthEndDate(r.projection.startMonth + r.projection.months).getTime()));
  const markers = results
    .flatMap((r) => [r.runway.cashOutDate, r.breakEven.date])
    .filter((d): d is string => d !== null)
    .map((d) => isoToDate(d).getTime() + YEAR_MS);
  return new Date(Math.min(horizon, Math.max(floor, ...markers)));
}

interface Marker {
  kind: "cash-out" | "break-even";
  firm: string;
  date: Date;
  value: number;
  label: string;
}

function markersOf(r: FirmResult, currency: Currency, market: MarketInputs, scale: number): Marker[] {
  const out: Marker[] = [];
  const firm = FIRM_NAME[r.firm];
  if (r.runway.cashOutDate) out.push({kind: "cash-out", firm, date: isoToDate(r.runway.cashOutDate), value: 0, label: `${firm}: cash out ${formatMonthYear(r.runway.cashOutDate)}`});
  if (r.breakEven.date && r.breakEven.months !== null) {
    const value = convert(r.projection.cash[r.breakEven.months]!, r.currency, currency, market) / scale;
    out.push({kind: "break-even", firm, date: monthEndDate(r.projection.startMonth + r.breakEven.months), value, label: `${firm}: break-even ${formatMonthYear(r.breakEven.date)}`});
  }
  return out;
}

/** Both firms' cash paths on one calendar axis, in one currency, with targets, cash-out and break-even. */
export function cashPathsChart(results: FirmResult[], options: {currency: Currency; market: MarketInputs; width: number; today: Date}): SVGElement | HTMLElement {
  const {currency, market, width, today} = options;
  const end = chartEnd(results);
  const scale = 1000; // billions
  const rows = results.flatMap((r) => cashRows(r, currency, market, end)).map((d) => ({...d, cash: d.cash / scale}));
  const targets = results.map((r) => ({firm: FIRM_NAME[r.firm], start: new Date(Date.UTC(r.breakEven.targetYear, 0, 1)), end: new Date(Date.UTC(r.breakEven.targetYear + 1, 0, 1)), label: `${FIRM_NAME[r.firm]} target ${r.breakEven.targetYear}`}));
  const markers = results.flatMap((r) => markersOf(r, currency, market, scale)).filter((m) => m.date <= end);
  const unit = `${currencyPrefix(currency).trim()} billions`;
  return Plot.plot({
    width,
    height: Math.min(420, Math.max(260, width * 0.45)),
    marginLeft: 56,
    x: {type: "utc", label: null, domain: [rows[0]?.date ?? today, end]},
    y: {label: `↑ Cash (${unit})`, grid: true, tickFormat: (d: number) => (d < 0 ? `\u2212${Math.abs(d)}` : `${d}`)},
    color: firmColors(results),
    marks: [
      Plot.rectX(targets, {x1: "start", x2: "end", fill: "firm", fillOpacity: 0.08}),
      // Labels stagger down the frame so that adjacent target years do not overlap.
      ...targets.map((t, i) => Plot.text([t], {x: "start", frameAnchor: "top", text: "label", dx: 3, dy: 4 + 13 * i, textAnchor: "start", fill: "firm", fontSize: 10})),
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.ruleX([today], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3"}),
      Plot.text([today], {x: (d: Date) => d, frameAnchor: "bottom", text: () => "today", dy: -4, fontSize: 10, fill: "currentColor"}),
      Plot.lineY(rows, {x: "date", y: "cash", stroke: "firm", strokeWidth: 2}),
      // Cash-out: a cross (a stroked symbol); break-even: a filled dot.
      Plot.dot(markers.filter((m) => m.kind === "cash-out"), {x: "date", y: "value", stroke: "firm", strokeWidth: 3, r: 7, symbol: "times"}),
      Plot.dot(markers.filter((m) => m.kind === "break-even"), {x: "date", y: "value", fill: "firm", stroke: "var(--theme-background, white)", r: 5}),
      Plot.tip(rows, Plot.pointerX({x: "date", y: "cash", stroke: "firm", title: (d: {firm: string; date: Date; cash: number}) => `${d.firm}, ${formatMonthYear(d.date.toISOString().slice(0, 10))}\nCash ${formatMoney(d.cash * scale, currency)}`})),
      Plot.tip(markers, Plot.pointer({x: "date", y: "value", title: "label"}))
    ]
  });
}

/** Monthly revenue, gross profit, cash costs and operating cash flow for one firm. */
export function flowsChart(result: FirmResult, options: {width: number; end?: Date}): SVGElement | HTMLElement {
  const rows = flowRows(result, options.end ?? chartEnd([result]));
  const prefix = currencyPrefix(result.currency).trim();
  return Plot.plot({
    width: options.width,
    height: 300,
    marginLeft: 60,
    x: {type: "utc", label: null},
    y: {label: `↑ Per month (${prefix} millions)`, grid: true},
    color: {domain: [...FLOW_MEASURES], range: ["#4269d0", "#3ca951", "#ff725c", "#a463f2"], legend: true},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.lineY(rows, {x: "date", y: "value", stroke: "measure", strokeWidth: 1.8}),
      Plot.tip(rows, Plot.pointerX({x: "date", y: "value", stroke: "measure", title: (d: {measure: string; date: Date; value: number}) => `${d.measure}, ${formatMonthYear(d.date.toISOString().slice(0, 10))}\n${formatMoney(d.value, result.currency)} / month`}))
    ]
  });
}

/** One firm's cash path with the zero line, its target year, cash-out and break-even. */
export function cashChart(result: FirmResult, options: {width: number; market: MarketInputs; today: Date}): SVGElement | HTMLElement {
  return cashPathsChart([result], {currency: result.currency, market: options.market, width: options.width, today: options.today});
}
