// The valuation page's parts: value against price, what the price implies, the market view,
// the bridge from operations to a share, and the DCF year by year.
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {formatMoney, formatPercent, formatPercentPerYear, formatPerShare} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import type {FirmResult, Implied} from "../lib/results.js";
import {FIRM_NAME, type Currency, type MarketInputs} from "../lib/fields.js";
import type {BreakEvenValue} from "../lib/valuation.js";

const multipleText = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)}×`);
const signedPercent = (x: number) => `${x > 0 ? "+" : ""}${formatPercent(x)}`;

/** Value per share against the price, the key output (data-testid value-<firm>, data-value in HKD). */
export function valueVsPrice(r: FirmResult, currency: Currency, market: MarketInputs): HTMLElement {
  const v = r.valuation;
  const value = convert(v.valuePerShareHkd, "HKD", currency, market);
  const price = convert(v.price, "HKD", currency, market);
  const verdict = v.gap >= 0 ? "above" : "below";
  return html`<div class="stat">
    <h3>DCF value per share vs price</h3>
    <span class="big ${v.gap >= 0 ? "good" : "bad"}" data-testid=${`value-${r.firm}`} data-value=${String(v.valuePerShareHkd)}>${formatPerShare(value, currency)}</span>
    <span class="small">against a price of ${formatPerShare(price, currency)}: ${signedPercent(v.gap)} (${verdict} the market)</span>
    ${v.steadyState.warnings.length ? html`<ul class="warnings" data-testid=${`valuation-warnings-${r.firm}`}>${v.steadyState.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""}
  </div>` as HTMLElement;
}

/** One line for the overview: DCF value per share against the price, linking to the valuation. */
export function valueLine(r: FirmResult): HTMLElement {
  const v = r.valuation;
  return html`<p class="value-line">DCF value per share <strong class=${v.gap >= 0 ? "good" : "bad"} data-testid=${`value-${r.firm}`} data-value=${String(v.valuePerShareHkd)}>${formatPerShare(v.valuePerShareHkd)}</strong> vs price ${formatPerShare(v.price)} (${signedPercent(v.gap)}) — <a href="./valuation" data-keeps-scenario>valuation →</a></p>` as HTMLElement;
}

/** Both firms' value per share and price, as grouped bars in one currency. */
export function valueChart(results: FirmResult[], currency: Currency, market: MarketInputs, width: number): SVGElement | HTMLElement {
  const rows = results.flatMap((r) => [
    {firm: FIRM_NAME[r.firm], what: "DCF value", value: convert(r.valuation.valuePerShareHkd, "HKD", currency, market)},
    {firm: FIRM_NAME[r.firm], what: "Market price", value: convert(r.valuation.price, "HKD", currency, market)}
  ]);
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 60,
    x: {axis: null},
    fx: {label: null, domain: results.map((r) => FIRM_NAME[r.firm])},
    y: {label: `↑ Per share (${currency})`, grid: true},
    color: {domain: ["DCF value", "Market price"], range: ["#4269d0", "#a0a0a0"], legend: true},
    marks: [
      Plot.barY(rows, {fx: "firm", x: "what", y: "value", fill: "what", tip: {format: {value: (d: number) => formatPerShare(d, currency), fx: true, x: false}}}),
      Plot.ruleY([0])
    ]
  });
}

/** The reverse DCF: the growth and margin at which value per share equals the price. */
export function impliedPanel(r: FirmResult, implied: Implied): HTMLElement {
  const {growth, margin} = implied;
  const line = (value: number | null, reason: string | null, text: (v: number) => string) =>
    value === null ? html`<span class="bad">no answer</span> <span class="muted">— ${reason}</span>` : html`${text(value)}${reason ? html` <span class="muted">(${reason})</span>` : ""}`;
  return html`<div class="implied" data-testid=${`implied-${r.firm}`}>
    <h3>What the price of ${formatPerShare(r.inputs.price)} implies</h3>
    <table>
      <tbody>
        <tr data-implied="growth"><td>Revenue growth now</td><td>${line(growth.value, growth.reason, (v) => `${formatPercentPerYear(v)}${growth.revenueCagr2to5 !== null ? `, i.e. revenue growing ${formatPercentPerYear(growth.revenueCagr2to5)} in years 2–5` : ""}`)}</td><td class="muted">scenario: ${formatPercentPerYear(r.inputs.growthStart)}</td></tr>
        <tr data-implied="margin"><td>Target gross margin</td><td>${line(margin.value, margin.reason, (v) => `${formatPercent(v)}${margin.operatingMarginYear10 !== null ? `, an operating margin of ${formatPercent(margin.operatingMarginYear10)} in year 10` : ""}`)}</td><td class="muted">scenario: ${formatPercent(r.inputs.grossMarginTarget)}</td></tr>
      </tbody>
    </table>
    <p class="muted">Each changes one input of the scenario, holds the rest, and finds where the DCF value per share equals the price (searching revenue growth from −50% to 800% a year and gross margins from −50% to 100%).</p>
  </div>` as HTMLElement;
}

/** Value per share if break-even comes by December of each year, by either lever. */
export function breakEvenValueTable(r: FirmResult, rows: BreakEvenValue[], currency: Currency, market: MarketInputs): HTMLElement {
  const years = [...new Set(rows.map((x) => x.year))];
  const cell = (x: BreakEvenValue | undefined, text: (v: number) => string) =>
    !x || x.leverValue === null ? html`<span class="muted" title=${x?.reason ?? ""}>not reachable</span>` : html`${text(x.leverValue)} → <strong>${formatPerShare(convert(x.valuePerShareHkd!, "HKD", currency, market), currency)}</strong>`;
  return html`<table class="compact" data-testid=${`breakeven-value-${r.firm}`}>
    <thead><tr><th>Break-even by</th><th>with revenue growth now of</th><th>or with cash costs growing</th></tr></thead>
    <tbody>${years.map((year) => html`<tr data-year=${year} class=${year === r.inputs.breakEvenTargetYear ? "target-row" : ""}>
      <td>Dec ${year}${year === r.inputs.breakEvenTargetYear ? " (target)" : ""}</td>
      <td>${cell(rows.find((x) => x.year === year && x.lever === "growthStart"), (v) => formatPercentPerYear(v))}</td>
      <td>${cell(rows.find((x) => x.year === year && x.lever === "opexGrowth"), (v) => formatPercentPerYear(v))}</td>
    </tr>`)}</tbody>
  </table>` as HTMLElement;
}

/** Market cap, net cash, enterprise value and EV / revenue, in the display currency. */
export function marketTable(results: FirmResult[], currency: Currency, market: MarketInputs): HTMLElement {
  const money = (r: FirmResult, x: number) => formatMoney(convert(x, r.currency, currency, market), currency);
  const rows: [string, (r: FirmResult) => string][] = [
    ["Market cap (price × shares)", (r) => money(r, r.valuation.marketCap)],
    ["Net cash at listing (incl. IPO proceeds)", (r) => money(r, r.valuation.netCash)],
    ["Enterprise value", (r) => money(r, r.valuation.enterpriseValue)],
    ["EV / trailing revenue (last full year)", (r) => multipleText(r.valuation.evToRevenue.trailing)],
    ["EV / run-rate revenue", (r) => multipleText(r.valuation.evToRevenue.runRate)],
    ["EV / 2026E revenue", (r) => multipleText(r.valuation.evToRevenue.forward2026)],
    ["EV / 2027E revenue", (r) => multipleText(r.valuation.evToRevenue.forward2027)],
    ["Market cap / revenue in the break-even target year", (r) => `${multipleText(r.valuation.marketCapToTargetYearRevenue)} (${r.inputs.breakEvenTargetYear}E: ${money(r, r.valuation.revenue.targetYear)})`]
  ];
  return html`<table class="market-table">
    <thead><tr><th></th>${results.map((r) => html`<th>${FIRM_NAME[r.firm]}</th>`)}</tr></thead>
    <tbody>${rows.map(([label, f]) => html`<tr><td>${label}</td>${results.map((r) => html`<td>${f(r)}</td>`)}</tr>`)}</tbody>
  </table>` as HTMLElement;
}

/** The bridge from the value of operations to value per share, as a waterfall. */
export function bridgeChart(r: FirmResult, currency: Currency, market: MarketInputs, width: number): SVGElement | HTMLElement {
  const b = r.valuation.dcf.bridge;
  const to = (x: number) => convert(x, r.currency, currency, market) / 1000; // billions
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
  const bars = steps.map(([label, amount]) => {
    const start = running;
    running += to(amount);
    return {label, start, end: running, amount: to(amount), kind: amount >= 0 ? "adds" : "subtracts"};
  });
  bars.push({label: "Equity, common shares", start: 0, end: running, amount: running, kind: "total"});
  const unit = `${currency} billions`;
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 60,
    marginBottom: 70,
    x: {domain: bars.map((d) => d.label), label: null, tickRotate: -30},
    y: {label: `↑ ${unit}`, grid: true},
    color: {domain: ["adds", "subtracts", "total"], range: ["#3ca951", "#d62728", "#7f7f7f"], legend: true},
    marks: [
      Plot.barY(bars, {x: "label", y1: "start", y2: "end", fill: "kind", tip: {format: {y1: false, y2: false}, channels: {amount: {value: "amount", label: unit}}}}),
      Plot.ruleY([0])
    ]
  });
}

/** The DCF year by year, in the firm's reporting currency (millions). */
export function dcfTable(r: FirmResult): HTMLElement {
  const {years, terminal} = r.valuation.dcf;
  const money = (x: number) => formatMoney(x, r.currency);
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x));
  const rows = [
    ...years.map((y) => ({...y, year: String(y.year)})),
    {year: "Terminal", revenueGrowth: null, revenue: terminal.revenue, operatingMargin: terminal.operatingMargin, operatingIncome: terminal.operatingIncome, taxRate: terminal.taxRate, afterTaxOperatingIncome: terminal.afterTaxOperatingIncome, nol: Number.NaN, reinvestment: terminal.reinvestment, fcff: terminal.fcff, costOfCapital: terminal.costOfCapital, discountFactor: years[years.length - 1]!.discountFactor, presentValue: terminal.presentValue}
  ];
  return Inputs.table(rows, {
    columns: ["year", "revenueGrowth", "revenue", "operatingMargin", "operatingIncome", "taxRate", "afterTaxOperatingIncome", "nol", "reinvestment", "fcff", "costOfCapital", "discountFactor", "presentValue"],
    header: {year: "Year", revenueGrowth: "Growth", revenue: "Revenue", operatingMargin: "Op. margin", operatingIncome: "Operating income", taxRate: "Tax rate", afterTaxOperatingIncome: "After tax", nol: "NOL left", reinvestment: "Reinvestment", fcff: "FCFF", costOfCapital: "Cost of capital", discountFactor: "Discount factor", presentValue: "PV"},
    format: {revenueGrowth: pct, revenue: money, operatingMargin: pct, operatingIncome: money, taxRate: pct, afterTaxOperatingIncome: money, nol: (x: number) => (Number.isFinite(x) ? money(x) : "—"), reinvestment: money, fcff: money, costOfCapital: pct, discountFactor: (x: number) => x.toFixed(4), presentValue: money},
    sort: null,
    rows: 12,
    select: false,
    layout: "auto"
  }) as HTMLElement;
}
