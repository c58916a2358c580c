// Headline cards: cash, burn, runway, break-even vs target, and what must be true.
// Key outputs carry data-testid and a machine-readable data-value.
import {html} from "htl";
import {monthsBetween} from "../lib/dates.js";
import {formatMoney, formatMoneyPerMonth, formatMonthYear, formatMonths, formatPercentPerYear} from "../lib/format.js";
import type {FirmResult} from "../lib/results.js";
import {openingCash} from "../lib/projection.js";
import {FIRM_NAME} from "../lib/fields.js";

function isoToday(today: Date): string {
  return today.toISOString().slice(0, 10);
}

/** "Runs out Jan 2027": the runway as a sentence, with the months as the machine value. */
export function runwayStat(r: FirmResult, today: Date): HTMLElement {
  const {runway} = r;
  const baseline = formatMonthYear(r.inputs.baselineDate);
  let big: string;
  let small: string;
  if (runway.months !== null && runway.cashOutDate) {
    const fromToday = monthsBetween(isoToday(today), runway.cashOutDate);
    big = formatMonths(runway.months);
    small = `cash runs out ${formatMonthYear(runway.cashOutDate)}; counted from the ${baseline} baseline, ${fromToday >= 0 ? `${formatMonths(fromToday)} from today` : `${formatMonths(-fromToday)} ago`}`;
  } else if (runway.status === "self-funding") {
    big = "Self-funding";
    small = `operating cash flow turns positive (${r.breakEven.date ? formatMonthYear(r.breakEven.date) : "—"}) before the cash runs out`;
  } else {
    big = "Beyond 15 years";
    small = "cash lasts the whole horizon, though the firm still burns cash";
  }
  return html`<div class="stat">
    <h3>Cash runway</h3>
    <span class="big" data-testid=${`runway-${r.firm}`} data-value=${runway.months === null ? "" : String(runway.months)} data-status=${runway.status}>${big}</span>
    <span class="small">${small}</span>
  </div>` as HTMLElement;
}

export function breakEvenStat(r: FirmResult): HTMLElement {
  const b = r.breakEven;
  const verdict = b.year === null ? "misses" : b.meetsTarget ? "meets" : "misses";
  const gap = b.year === null ? `no break-even within 15 years` : b.meetsTarget ? `on target (${b.targetYear})` : `${b.year - b.targetYear} ${b.year - b.targetYear === 1 ? "year" : "years"} after the ${b.targetYear} target`;
  return html`<div class="stat">
    <h3>Break-even (monthly operating cash flow ≥ 0)</h3>
    <span class="big ${verdict === "meets" ? "good" : "bad"}" data-testid=${`breakeven-${r.firm}`} data-value=${b.date ?? ""} data-meets-target=${String(b.meetsTarget)}>${b.date ? formatMonthYear(b.date) : "Not in horizon"}</span>
    <span class="small">${gap}${b.annualYear ? `; first full year with positive cash flow: ${b.annualYear}` : ""}</span>
  </div>` as HTMLElement;
}

export function cashStat(r: FirmResult): HTMLElement {
  const ipo = r.inputs.ipoNetProceeds;
  return html`<div class="stat">
    <h3>Cash at ${formatMonthYear(r.inputs.baselineDate)}</h3>
    <span class="big">${formatMoney(openingCash(r.inputs), r.currency)}</span>
    <span class="small">${r.inputs.includeUndrawnFacilities && r.inputs.undrawnFacilities > 0 ? `incl. ${formatMoney(r.inputs.undrawnFacilities, r.currency)} undrawn facilities; ` : ""}plus ${formatMoney(ipo, r.currency)} IPO proceeds (${formatMonthYear(r.inputs.ipoDate)})</span>
  </div>` as HTMLElement;
}

export function burnStat(r: FirmResult): HTMLElement {
  return html`<div class="stat">
    <h3>Cash burn now</h3>
    <span class="big">${formatMoneyPerMonth(r.inputs.burnNow, r.currency)}</span>
    <span class="small">revenue run-rate ${formatMoney(r.inputs.revenueRunRate, r.currency)} / year, growing ${formatPercentPerYear(r.inputs.growthStart)}</span>
  </div>` as HTMLElement;
}

/** What must be true to break even by December of the target year, one input at a time. */
export function requiredPanel(r: FirmResult): HTMLElement {
  const {required, inputs, currency} = r;
  const target = `December ${inputs.breakEvenTargetYear}`;
  const answer = (value: number | null, reason: string | null, text: (v: number) => string) =>
    value === null ? html`<span class="bad">not reachable</span> <span class="muted">— ${reason}</span>` : html`${text(value)}${reason ? html` <span class="muted">(${reason})</span>` : ""}`;
  const rows = [
    ["Revenue growth now", `now ${formatPercentPerYear(inputs.growthStart)}`, "growthStart", answer(required.growthStart.value, required.growthStart.reason, (v) => `at least ${formatPercentPerYear(v)}`)],
    ["Growth of cash costs", `now ${formatPercentPerYear(inputs.opexGrowth)}`, "opexGrowth", answer(required.opexGrowth.value, required.opexGrowth.reason, (v) => `at most ${formatPercentPerYear(v)}${v < 0 ? " (cuts)" : ""}`)],
    ["Cut in today's burn", `now ${formatMoneyPerMonth(inputs.burnNow, currency)}`, "burnCut", answer(required.burnCut.value, required.burnCut.reason, (v) => (v === 0 ? "none needed" : `${formatMoneyPerMonth(v, currency)}, to ${formatMoneyPerMonth(inputs.burnNow - v, currency)}`))],
    ["Extra funding to reach break-even", "on this scenario's path", "extraFunding", answer(required.extraFunding.value, required.extraFunding.reason, (v) => (v === 0 ? "none: the cash lasts until break-even" : formatMoney(v, currency)))]
  ] as const;
  return html`<div class="required" data-testid=${`required-${r.firm}`}>
    <h3>What must be true for ${FIRM_NAME[r.firm]} to break even by ${target}</h3>
    <p class="muted">Each line changes one input and holds the rest of this scenario.</p>
    <table>
      <thead><tr><th>Input</th><th>This scenario</th><th>Needed</th></tr></thead>
      <tbody>${rows.map(([label, now, key, needed]) => html`<tr data-required=${key}><td>${label}</td><td>${now}</td><td>${needed}</td></tr>`)}</tbody>
    </table>
  </div>` as HTMLElement;
}
