// Headline cards: cash, burn, runway, break-even vs target, and what must be true, with money in
// the display currency. Key outputs carry data-testid and a machine-readable data-value.
import {html} from "htl";
import {monthsBetween} from "../lib/dates.js";
import {FIRM_NAME, type Currency, type MarketInputs} from "../lib/fields.js";
import {formatDate, formatMoney, formatMoneyPerMonth, formatMonthYear, formatMonths, formatPercentPerYear, formatPerShare} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import {openingCash} from "../lib/projection.js";
import type {FirmResult} from "../lib/results.js";
import {breakEvenVerdict, fundingGapText, valueAgainstPrice} from "../lib/headline.js";

/** How a card shows money: the display currency, at the scenario's exchange rates. */
export interface MoneyView {
  currency: Currency;
  market: MarketInputs;
}

function inDisplay(r: FirmResult, view: MoneyView) {
  return (millions: number) => convert(millions, r.currency, view.currency, view.market);
}

function isoDay(today: Date): string {
  return today.toISOString().slice(0, 10);
}

/** The runway in months from the baseline and from today: "19.0 months after the Jun 2025 baseline; 2.2 months from today". */
function runwayMonths(r: FirmResult, today: Date): string | null {
  const {months, cashOutDate} = r.runway;
  if (months === null || cashOutDate === null) return null;
  const fromToday = monthsBetween(isoDay(today), cashOutDate);
  return `${formatMonths(months)} after the ${formatMonthYear(r.inputs.baselineDate)} baseline; ${fromToday >= 0 ? `${formatMonths(fromToday)} from today` : `${formatMonths(-fromToday)} before today`}`;
}

/** Funding gaps in words (see fundingGapText), in the card's currency; null when there is none. */
export function fundingGapNote(r: FirmResult, view: MoneyView): string | null {
  return fundingGapText(r, view.currency, view.market);
}

/** "Jan 2027": the runway as a date, with its months from the baseline and from today. */
export function runwayStat(r: FirmResult, today: Date, view: MoneyView): HTMLElement {
  const {runway} = r;
  let big: string;
  let small: string;
  const months = runwayMonths(r, today);
  if (months !== null && runway.cashOutDate) {
    big = formatMonthYear(runway.cashOutDate);
    small = months;
  } else if (runway.status === "self-funding") {
    big = "Self-funding";
    small = `operating cash flow turns positive (${r.breakEven.date ? formatMonthYear(r.breakEven.date) : "—"}) before the cash runs out`;
  } else {
    big = "Beyond 15 years";
    small = "cash lasts the whole horizon, though the firm still burns cash";
  }
  return html`<div class="stat">
    <h3>Cash runs out</h3>
    <span class="big" data-testid=${`runway-${r.firm}`} data-value=${runway.months === null ? "" : String(runway.months)} data-status=${runway.status}>${big}</span>
    <span class="small">${small}</span>
    ${gapLine(r, view)}
  </div>` as HTMLElement;
}

/** The funding gap as its own line under the runway (empty without one). */
function gapLine(r: FirmResult, view: MoneyView): HTMLElement | null {
  const note = fundingGapNote(r, view);
  if (note === null) return null;
  return html`<span class="small gap-note" data-testid=${`gap-${r.firm}`} data-value=${r.fundingGaps[0]!.firstMonth}>Before that, ${note}.</span>` as HTMLElement;
}

export function breakEvenStat(r: FirmResult): HTMLElement {
  const b = r.breakEven;
  return html`<div class="stat">
    <h3>Break-even (a month of operating cash flow ≥ 0)</h3>
    <span class="big ${b.meetsTarget ? "good" : "bad"}" data-testid=${`breakeven-${r.firm}`} data-value=${b.date ?? ""} data-meets-target=${String(b.meetsTarget)}>${b.date ? formatMonthYear(b.date) : "Not in 15 years"}</span>
    <span class="small">${breakEvenVerdict(r)}${b.annualYear ? `; first full year with positive cash flow: ${b.annualYear}` : ""}</span>
  </div>` as HTMLElement;
}

export function cashStat(r: FirmResult, view: MoneyView): HTMLElement {
  const money = inDisplay(r, view);
  const {inputs} = r;
  return html`<div class="stat">
    <h3>Cash at ${formatDate(inputs.baselineDate)}</h3>
    <span class="big">${formatMoney(money(openingCash(inputs)), view.currency)}</span>
    <span class="small">${inputs.includeUndrawnFacilities && inputs.undrawnFacilities > 0 ? `incl. ${formatMoney(money(inputs.undrawnFacilities), view.currency)} undrawn facilities; ` : ""}plus ${formatMoney(money(inputs.ipoNetProceeds), view.currency)} IPO proceeds (${formatMonthYear(inputs.ipoDate)})</span>
  </div>` as HTMLElement;
}

export function burnStat(r: FirmResult, view: MoneyView): HTMLElement {
  const money = inDisplay(r, view);
  return html`<div class="stat">
    <h3>Cash burn at the baseline</h3>
    <span class="big">${formatMoneyPerMonth(money(r.inputs.burnNow), view.currency)}</span>
    <span class="small">revenue run-rate ${formatMoney(money(r.inputs.revenueRunRate), view.currency)} / year, growing ${formatPercentPerYear(r.inputs.growthStart)}</span>
  </div>` as HTMLElement;
}

/** What must be true to break even by December of the target year, one input at a time. */
export function requiredPanel(r: FirmResult, view: MoneyView): HTMLElement {
  const {required, inputs} = r;
  const money = inDisplay(r, view);
  const perMonth = (x: number) => formatMoneyPerMonth(money(x), view.currency);
  const answer = (value: number | null, reason: string | null, text: (v: number) => string) =>
    value === null ? html`<span class="bad">not reachable</span> <span class="muted">— ${reason}</span>` : html`${text(value)}${reason ? html` <span class="muted">(${reason})</span>` : ""}`;
  const rows = [
    ["Revenue growth now", `now ${formatPercentPerYear(inputs.growthStart)}`, "growthStart", answer(required.growthStart.value, required.growthStart.reason, (v) => `at least ${formatPercentPerYear(v)}`)],
    ["Growth of cash costs", `now ${formatPercentPerYear(inputs.opexGrowth)}`, "opexGrowth", answer(required.opexGrowth.value, required.opexGrowth.reason, (v) => `at most ${formatPercentPerYear(v)}${v < 0 ? " (cuts)" : ""}`)],
    ["Cut in today's burn", `now ${perMonth(inputs.burnNow)}`, "burnCut", answer(required.burnCut.value, required.burnCut.reason, (v) => (v === 0 ? "none needed" : `${perMonth(v)}, to ${perMonth(inputs.burnNow - v)}`))],
    ["Extra funding to reach break-even", "on this scenario's path", "extraFunding", answer(required.extraFunding.value, required.extraFunding.reason, (v) => (v === 0 ? "none: the cash lasts until break-even" : formatMoney(money(v), view.currency)))]
  ] as const;
  return html`<div class="required" data-testid=${`required-${r.firm}`}>
    <h3>What must be true for ${FIRM_NAME[r.firm]} to break even by December ${inputs.breakEvenTargetYear}</h3>
    <p class="muted">Each line changes one input and holds the rest of this scenario.</p>
    <div class="table-scroll"><table>
      <thead><tr><th>Input</th><th>This scenario</th><th>Needed</th></tr></thead>
      <tbody>${rows.map(([label, now, key, needed]) => html`<tr data-required=${key}><td>${label}</td><td>${now}</td><td>${needed}</td></tr>`)}</tbody>
    </table></div>
  </div>` as HTMLElement;
}

/**
 * What the figures are as of: each firm's baseline (its latest reported period), the prices (the
 * first-day closes), and today, from which the runway is also counted.
 */
export function dataAge(results: readonly FirmResult[], today: Date): HTMLElement {
  const baselines = results.map((r) => `${FIRM_NAME[r.firm]} at ${formatDate(r.inputs.baselineDate)} (its latest reported period)`).join(", ");
  const prices = results.map((r) => `${FIRM_NAME[r.firm]} ${formatPerShare(r.inputs.price)}`).join(", ");
  const listings = results.map((r) => formatDate(r.inputs.ipoDate)).join(" and ");
  return html`<p class="data-age" data-testid="data-age"><strong>Figures as of:</strong> ${baselines}. Share prices: ${prices} (the base case uses the closes on the listing days, ${listings}). Today is ${formatDate(isoDay(today))}: each runway is counted from its baseline and from today.</p>` as HTMLElement;
}

/**
 * The three answers for one firm, compact enough that both firms' fit the first screen of a phone:
 * when the cash runs out, break-even against the target, and value per share against the price.
 */
export function answersCard(r: FirmResult, options: MoneyView & {today: Date; color: string; href: string}): HTMLElement {
  const {runway, breakEven: b, valuation: v} = r;
  const runwayText = runway.cashOutDate ? formatMonthYear(runway.cashOutDate) : runway.status === "self-funding" ? "Never: self-funding" : "Beyond 15 years";
  const runwayNote = runwayMonths(r, options.today) ?? (runway.status === "self-funding" ? "operations pay their way before the cash runs out" : "the firm still burns cash at the horizon");
  const value = convert(v.valuePerShareHkd, "HKD", options.currency, options.market);
  return html`<div class="card answers" data-firm=${r.firm}>
    <h2 class="firm-heading"><span class="swatch" style=${`background:${options.color}`}></span>${FIRM_NAME[r.firm]} <a class="muted firm-link" href=${options.href} data-keeps-scenario>all assumptions →</a></h2>
    <dl>
      <dt>Cash runs out</dt>
      <dd><strong data-testid=${`runway-${r.firm}`} data-value=${runway.months === null ? "" : String(runway.months)} data-status=${runway.status}>${runwayText}</strong> <span class="muted">${runwayNote}</span>${gapLine(r, options)}</dd>
      <dt>Break-even</dt>
      <dd><strong class=${b.meetsTarget ? "good" : "bad"} data-testid=${`breakeven-${r.firm}`} data-value=${b.date ?? ""} data-meets-target=${String(b.meetsTarget)}>${b.date ? formatMonthYear(b.date) : "Not in 15 years"}</strong> <span class="muted">${breakEvenVerdict(r)}</span></dd>
      <dt>Value per share</dt>
      <dd><strong class=${v.gap >= 0 ? "good" : "bad"} data-testid=${`value-${r.firm}`} data-value=${String(v.valuePerShareHkd)}>${formatPerShare(value, options.currency)}</strong> <span class="muted">${valueAgainstPrice(r, options.currency, options.market)} · <a href="./valuation" data-keeps-scenario>valuation →</a></span></dd>
    </dl>
  </div>` as HTMLElement;
}
