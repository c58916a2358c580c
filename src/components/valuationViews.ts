// The valuation page's parts: value against price, what the price implies, the market view, the
// bridge from operations to a share, and the DCF year by year. Money in the display currency.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {FIRM_NAME, type Currency, type FirmId, type MarketInputs} from "../lib/fields.js";
import {currencySymbol, formatDate, formatMoney, formatMonthYear, formatMultiple, formatPercent, formatPercentPerYear, formatPerShare, formatSignedPercent, formatTick, moneyColumn} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import type {FirmResult, Implied} from "../lib/results.js";
import {costOfCapitalEffect, type BreakEvenValue, type CostOfCapitalEffect} from "../lib/valuation.js";
import {revenueGrowthAt} from "../lib/projection.js";
import type {DcfYear} from "../lib/dcf.js";
import {BRIDGE_COLOR, FIRM_COLOR, PRICE_COLOR} from "./colors.js";
import type {MoneyView} from "./cards.js";
import {percentFormat, ratioFormat, type Column} from "./tables.js";

/** A firm's money (millions of its reporting currency) in the display currency. */
function firmMoney(r: FirmResult, view: MoneyView) {
  return (millions: number) => convert(millions, r.currency, view.currency, view.market);
}

/** A price per share (HKD) in the display currency. */
function perShare(hkd: number, view: MoneyView): string {
  return formatPerShare(convert(hkd, "HKD", view.currency, view.market), view.currency);
}

/** Value per share against the price, the key output (data-testid value-<firm>, data-value in HKD, signed). */
export function valueVsPrice(r: FirmResult, view: MoneyView): HTMLElement {
  const v = r.valuation;
  const effect = costOfCapitalEffect(r.firm, r.inputs, view.market, 0.01, r.projection);
  return html`<div class="stat">
    <h3>DCF value per share vs price</h3>
    <span class="big ${v.gap >= 0 ? "good" : "bad"}" data-testid=${`value-${r.firm}`} data-value=${String(v.valuePerShareHkd)}>${perShare(v.valuePerShareHkd, view)}</span>
    <span class="small">against a price of ${perShare(v.price, view)}: ${formatSignedPercent(v.gap)} (${v.gap >= 0 ? "above" : "below"} the market)${v.dcf.bridge.negativeEquity ? html`; <strong>below zero</strong>, so at least ${perShare(0, view)} to a holder` : ""}</span>
    <span class="small" data-testid=${`wacc-effect-${r.firm}`} data-direction=${effect.direction}>${costOfCapitalSentence(r, effect, view)}</span>
    <span class="small">Employee options valued at ${r.inputs.optionsValuedAt === "value" ? "this value per share (Damodaran's DIY workbooks)" : "the market price"}: ${formatMoney(firmMoney(r, view)(v.dcf.bridge.options), view.currency)}.</span>
    ${v.steadyState.warnings.length ? html`<ul class="warnings" data-testid=${`valuation-warnings-${r.firm}`}>${v.steadyState.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""}
  </div>` as HTMLElement;
}

/** Which way a higher cost of capital moves the value, and why when it is the unexpected way. */
function costOfCapitalSentence(r: FirmResult, effect: CostOfCapitalEffect, view: MoneyView): string {
  const points = formatPercent(effect.step);
  // At a cost of capital of 0 there is no lower rate: the comparison is with the value as it stands.
  const range =
    effect.lowerRate < r.inputs.costOfCapital
      ? `${perShare(effect.lower, view)} at a cost of capital ${points} lower, ${perShare(effect.higher, view)} at ${points} higher`
      : `${perShare(effect.lower, view)} at today's cost of capital of ${formatPercent(effect.lowerRate)}, which cannot go lower, ${perShare(effect.higher, view)} at ${points} higher`;
  if (effect.direction === "falls") return `A higher cost of capital lowers the value: ${range}.`;
  if (effect.direction === "flat") return `The cost of capital barely moves the value: ${range}.`;
  return `A higher cost of capital raises this value (${range}): most of the discounted cash flows are losses, and discounting losses harder makes them smaller. Finance's rule that value falls as the discount rate rises holds for firms whose flows are profits on balance; this story's are not.`;
}

export interface ValueRow {
  firm: FirmId;
  name: string;
  what: "DCF value" | "Market price";
  /** Per share, in the display currency. */
  value: number;
}

/** Both firms' DCF value and price per share, as rows in the display currency. */
export function valueRows(results: readonly FirmResult[], view: MoneyView): ValueRow[] {
  return results.flatMap((r) => [
    {firm: r.firm, name: FIRM_NAME[r.firm], what: "DCF value" as const, value: convert(r.valuation.valuePerShareHkd, "HKD", view.currency, view.market)},
    {firm: r.firm, name: FIRM_NAME[r.firm], what: "Market price" as const, value: convert(r.valuation.price, "HKD", view.currency, view.market)}
  ]);
}

/** Value per share (in the firm's colour) beside the price (grey), one panel per firm. */
export function valueChart(rows: readonly ValueRow[], options: {width: number; currency: Currency}): SVGElement | HTMLElement {
  const {width, currency} = options;
  const names = [...new Set(rows.map((d) => d.name))];
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 60,
    // Where the bars carry no labels (narrow screens), the axis says which bar is which.
    x: width >= 520 ? {axis: null, domain: ["DCF value", "Market price"]} : {domain: ["DCF value", "Market price"], label: null, tickFormat: (d: string) => (d === "DCF value" ? "value" : "price")},
    fx: {label: null, domain: names},
    y: {label: `↑ Per share (${currencySymbol(currency)})`, grid: true, tickFormat: formatTick},
    marks: [
      Plot.barY(rows, {fx: "name", x: "what", y: "value", fill: (d: ValueRow) => (d.what === "Market price" ? PRICE_COLOR : FIRM_COLOR[d.firm]), tip: {format: {y: (v: number) => formatPerShare(v, currency), fx: false}}}),
      // Labels above the bars where there is room for them side by side; on a phone the tip gives the values.
      ...(width >= 520 ? [Plot.text(rows, {fx: "name", x: "what", y: "value", text: (d: ValueRow) => `${d.what === "Market price" ? "price" : "value"} ${formatPerShare(d.value, currency)}`, dy: -8, fontSize: 10.5, fill: "currentColor"})] : []),
      Plot.ruleY([0])
    ]
  });
}

/** The reverse DCF: the growth and margin at which value per share equals the price. */
export function impliedPanel(r: FirmResult, implied: Implied, view: MoneyView): HTMLElement {
  const {growth, margin} = implied;
  const line = (value: number | null, reason: string | null, text: (v: number) => string) =>
    value === null ? html`<span class="bad">no answer</span> <span class="muted">— ${reason}</span>` : html`${text(value)}${reason ? html` <span class="muted">(${reason})</span>` : ""}`;
  return html`<div class="implied" data-testid=${`implied-${r.firm}`}>
    <h3>What the price of ${perShare(r.inputs.price, view)} implies</h3>
    <div class="table-scroll"><table>
      <tbody>
        <tr data-implied="growth"><td>Revenue growth now</td><td>${line(growth.value, growth.reason, (v) => `${formatPercentPerYear(v)}${growth.revenueCagr2to5 !== null ? `, i.e. revenue growing ${formatPercentPerYear(growth.revenueCagr2to5)} in years 2–5` : ""}`)}</td><td class="muted">scenario: ${formatPercentPerYear(r.inputs.growthStart)}</td></tr>
        <tr data-implied="margin"><td>Target gross margin</td><td>${line(margin.value, margin.reason, (v) => `${formatPercent(v)}${margin.operatingMarginYear10 !== null ? `, an operating margin of ${formatPercent(margin.operatingMarginYear10)} in year 10` : ""}`)}</td><td class="muted">scenario: ${formatPercent(r.inputs.grossMarginTarget)}</td></tr>
      </tbody>
    </table></div>
    <p class="muted">Each changes one input of the scenario, holds the rest, and finds where the DCF value per share equals the price (searching revenue growth from −50% to 800% a year and gross margins from −50% to 100%).</p>
  </div>` as HTMLElement;
}

/** Value per share if break-even comes by December of each year, by either lever. */
export function breakEvenValueTable(r: FirmResult, rows: readonly BreakEvenValue[], view: MoneyView): HTMLElement {
  const years = [...new Set(rows.map((x) => x.year))];
  const cell = (x: BreakEvenValue | undefined) =>
    !x || x.leverValue === null ? html`<span class="muted" title=${x?.reason ?? ""}>not reachable</span>` : html`${formatPercentPerYear(x.leverValue)} → <strong>${perShare(x.valuePerShareHkd!, view)}</strong>`;
  return html`<div class="table-scroll"><table class="compact" data-testid=${`breakeven-value-${r.firm}`}>
    <thead><tr><th>Break-even by</th><th>with revenue growth now of</th><th>or with cash costs growing</th></tr></thead>
    <tbody>${years.map((year) => html`<tr data-year=${year} class=${year === r.inputs.breakEvenTargetYear ? "target-row" : ""}>
      <td>Dec ${year}${year === r.inputs.breakEvenTargetYear ? " (target)" : ""}</td>
      <td>${cell(rows.find((x) => x.year === year && x.lever === "growthStart"))}</td>
      <td>${cell(rows.find((x) => x.year === year && x.lever === "opexGrowth"))}</td>
    </tr>`)}</tbody>
  </table></div>` as HTMLElement;
}

/** Market cap, net cash, enterprise value and EV / revenue, in the display currency. */
export function marketTable(results: readonly FirmResult[], view: MoneyView): HTMLElement {
  const money = (r: FirmResult, x: number) => formatMoney(firmMoney(r, view)(x), view.currency);
  const rows: [string, (r: FirmResult) => string][] = [
    ["Market cap (price × shares)", (r) => money(r, r.valuation.marketCap)],
    ["Net cash at the valuation date (incl. IPO proceeds)", (r) => money(r, r.valuation.netCash)],
    ["Enterprise value", (r) => money(r, r.valuation.enterpriseValue)],
    ["EV / trailing revenue (last full year)", (r) => formatMultiple(r.valuation.evToRevenue.trailing)],
    ["EV / run-rate revenue", (r) => formatMultiple(r.valuation.evToRevenue.runRate)],
    ["EV / 2026E revenue", (r) => formatMultiple(r.valuation.evToRevenue.forward2026)],
    ["EV / 2027E revenue", (r) => formatMultiple(r.valuation.evToRevenue.forward2027)],
    ["Market cap / revenue in the break-even target year", (r) => `${formatMultiple(r.valuation.marketCapToTargetYearRevenue)} (${r.inputs.breakEvenTargetYear}E revenue: ${money(r, r.valuation.revenue.targetYear)})`]
  ];
  return html`<div class="table-scroll"><table class="market-table">
    <thead><tr><th></th>${results.map((r) => html`<th>${FIRM_NAME[r.firm]}</th>`)}</tr></thead>
    <tbody>${rows.map(([label, f]) => html`<tr><td>${label}</td>${results.map((r) => html`<td>${f(r)}</td>`)}</tr>`)}</tbody>
  </table></div>` as HTMLElement;
}

export interface BridgeRow {
  label: string;
  /** Running total before and after the step, billions of the display currency. */
  start: number;
  end: number;
  amount: number;
  kind: "adds" | "subtracts" | "total";
}

/** The bridge from the value of operations to the common equity, as waterfall rows (billions). */
export function bridgeRows(r: FirmResult, view: MoneyView): BridgeRow[] {
  const b = r.valuation.dcf.bridge;
  const to = (x: number) => firmMoney(r, view)(x) / 1000;
  const steps: [string, number][] = [
    ["PV of years 1–10", b.presentValueOfYears],
    ["PV of terminal value", b.presentValueOfTerminal],
    ["Failure adjustment", b.failureAdjustment],
    ["− Debt", -b.debt],
    ["− Minority interests", -b.minorityInterests],
    ["+ Cash", b.cash],
    ["+ Non-operating assets", b.nonOperatingAssets],
    ["− Employee options", -b.options]
  ];
  let running = 0;
  const rows: BridgeRow[] = steps.map(([label, amount]) => {
    const start = running;
    running += to(amount);
    return {label, start, end: running, amount: to(amount), kind: amount >= 0 ? "adds" : "subtracts"};
  });
  rows.push({label: "Equity, common shares", start: 0, end: running, amount: running, kind: "total"});
  return rows;
}

/** The bridge as a waterfall. */
export function bridgeChart(rows: readonly BridgeRow[], options: {width: number; currency: Currency}): SVGElement | HTMLElement {
  const unit = `${currencySymbol(options.currency)} billions`;
  return Plot.plot({
    width: options.width,
    height: 300,
    marginLeft: 60,
    marginBottom: 80,
    x: {domain: rows.map((d) => d.label), label: null, tickRotate: -30},
    y: {label: `↑ ${unit}`, grid: true, tickFormat: formatTick},
    color: {domain: ["adds", "subtracts", "total"], range: [BRIDGE_COLOR.adds, BRIDGE_COLOR.subtracts, BRIDGE_COLOR.total], legend: true},
    marks: [
      Plot.barY(rows, {x: "label", y1: "start", y2: "end", fill: "kind", tip: {format: {y1: false, y2: false, fill: false}}, channels: {amount: {value: (d: BridgeRow) => formatMoney(d.amount * 1000, options.currency), label: "Amount"}}}),
      Plot.ruleY([0])
    ]
  });
}

/** A year of the DCF as the table shows it: the engine's year, named ("2028 (year 3)", "Terminal"). */
export type DcfRow = Omit<DcfYear, "year"> & {label: string};

/** The DCF year by year (and the terminal year), money in the display currency (millions). */
export function dcfRows(r: FirmResult, view: MoneyView): DcfRow[] {
  const {years, terminal} = r.valuation.dcf;
  const {firstForecastYear, trailingYear} = r.valuation;
  const money = firmMoney(r, view);
  const rows = [
    // Year 0 is context, not discounted: only its revenue and operating income exist.
    {label: `${trailingYear.year} (year 0)`, revenueGrowth: null, revenue: trailingYear.revenue, operatingMargin: trailingYear.revenue !== 0 ? trailingYear.operatingIncome / trailingYear.revenue : null, operatingIncome: trailingYear.operatingIncome, taxRate: Number.NaN, afterTaxOperatingIncome: Number.NaN, nol: Number.NaN, reinvestment: Number.NaN, fcff: Number.NaN, costOfCapital: Number.NaN, discountFactor: Number.NaN, presentValue: Number.NaN},
    ...years.map((y) => ({...y, label: `${firstForecastYear + y.year - 1} (year ${y.year})`})),
    {label: "Terminal", revenueGrowth: null, revenue: terminal.revenue, operatingMargin: terminal.operatingMargin, operatingIncome: terminal.operatingIncome, taxRate: terminal.taxRate, afterTaxOperatingIncome: terminal.afterTaxOperatingIncome, nol: Number.NaN, reinvestment: terminal.reinvestment, fcff: terminal.fcff, costOfCapital: terminal.costOfCapital, discountFactor: years[years.length - 1]!.discountFactor, presentValue: terminal.presentValue}
  ];
  return rows.map((row) => ({
    label: row.label,
    revenueGrowth: row.revenueGrowth,
    revenue: money(row.revenue),
    operatingMargin: row.operatingMargin,
    operatingIncome: money(row.operatingIncome),
    taxRate: row.taxRate,
    afterTaxOperatingIncome: money(row.afterTaxOperatingIncome),
    nol: money(row.nol),
    reinvestment: money(row.reinvestment),
    fcff: money(row.fcff),
    costOfCapital: row.costOfCapital,
    discountFactor: row.discountFactor,
    presentValue: money(row.presentValue)
  }));
}

const DCF_MONEY = {revenue: "Revenue", operatingIncome: "Operating income", afterTaxOperatingIncome: "After tax", nol: "NOL left", reinvestment: "Reinvestment", fcff: "FCFF", presentValue: "PV"} as const;

/** The DCF table's columns: rates as percentages, each money column on one scale named in its header. */
export function dcfColumns(rows: readonly DcfRow[], currency: Currency): Column<DcfRow>[] {
  const money = (key: keyof typeof DCF_MONEY): Column<DcfRow> => {
    const column = moneyColumn(rows.map((row) => row[key]), currency);
    return {key, header: `${DCF_MONEY[key]} (${column.unit})`, format: column.format as (x: never) => string, numeric: true};
  };
  const rate = (key: "revenueGrowth" | "operatingMargin" | "taxRate" | "costOfCapital", header: string): Column<DcfRow> => ({key, header, format: percentFormat as (x: never) => string, numeric: true});
  return [
    {key: "label", header: "Year", format: (x: string) => x},
    rate("revenueGrowth", "Growth"),
    money("revenue"),
    rate("operatingMargin", "Op. margin"),
    money("operatingIncome"),
    rate("taxRate", "Tax rate"),
    money("afterTaxOperatingIncome"),
    money("nol"),
    money("reinvestment"),
    money("fcff"),
    rate("costOfCapital", "Cost of capital"),
    {key: "discountFactor", header: "Discount factor", format: ratioFormat as (x: never) => string, numeric: true},
    money("presentValue")
  ];
}

/**
 * What the DCF's years are, and why year-1 growth differs from the growth input: "Years 1–10 are the
 * calendar years 2026–2035, valued as of 31 Dec 2025 …".
 */
export function dcfYearsNote(r: FirmResult): string {
  const v = r.valuation;
  const year1 = v.dcf.years[0]!;
  const first = v.firstForecastYear;
  const baseline = formatMonthYear(r.inputs.baselineDate);
  const start = v.valuationMonth + 1;
  const growthNow = revenueGrowthAt(r.inputs, 0);
  const growthJan = revenueGrowthAt(r.inputs, start);
  const growthDec = revenueGrowthAt(r.inputs, start + 11);
  const beforeBaseline = 12 - v.valuationMonth - 1;
  const parts = [
    `Years 1–10 are the calendar years ${first}–${first + 9}, valued as of ${formatDate(v.valuationDate)}${r.inputs.ipoDate > v.valuationDate ? `, just before the listing (${formatDate(r.inputs.ipoDate)}; its proceeds are counted in cash)` : ""}.`,
    `Year 0 is ${first - 1}: ${beforeBaseline > 0 ? `its months up to the ${baseline} baseline at the reported run rate, the rest projected` : "projected"}.`
  ];
  if (year1.revenueGrowth !== null && Math.abs(year1.revenueGrowth - growthNow) > 0.005) {
    parts.push(
      `Year-1 revenue growth (${first} over ${first - 1}) is ${formatPercent(year1.revenueGrowth)}, not the ${formatPercentPerYear(growthNow)} growth input: growth fades month by month from the baseline (it is ${formatPercentPerYear(growthJan)} in January ${first} and ${formatPercentPerYear(growthDec)} by December), and a year's revenue is the sum of its months, so it grows less than the month-end rate${beforeBaseline > 0 ? `; ${first - 1}'s months before the baseline are at the reported run rate rather than a smaller back-cast` : ""}.`
    );
  }
  return parts.join(" ");
}
