// A scenario's headline results in words: when the cash runs out, any funding gap, break-even against
// the target, value per share against the price. One wording for the cards, the published pages,
// their link previews and the list of scenarios.
import {FIRM_NAME, FIRMS, type Currency, type FirmId, type MarketInputs} from "./fields.js";
import {formatMoney, formatMonthYear, formatMonths, formatPerShare, formatSignedPercent} from "./format.js";
import {convert} from "./fx.js";
import type {FirmResult} from "./results.js";

/** What repairs a funding gap, in words. */
export const BRIDGE_NAME = {ipo: "the IPO", "later-raise": "the later raise", financing: "scheduled financing", operations: "the firm's own operating cash flow"} as const;

/** Break-even against the target: "meets its 2026 target", "4 years after its 2026 target". */
export function breakEvenVerdict(r: FirmResult): string {
  const b = r.breakEven;
  if (b.year === null) return `no break-even within 15 years (target ${b.targetYear})`;
  if (b.meetsTarget) return `meets its ${b.targetYear} target`;
  const late = b.year - b.targetYear;
  return `${late} ${late === 1 ? "year" : "years"} after its ${b.targetYear} target`;
}

/**
 * Funding gaps in words: "a funding gap: cash dips below zero in Dec 2025 (RMB 120M short at worst)
 * until the IPO in Jan 2026 repairs it", or null when there is none.
 */
export function fundingGapText(r: FirmResult, currency: Currency, market: MarketInputs): string | null {
  if (r.fundingGaps.length === 0) return null;
  return r.fundingGaps
    .map((g) => {
      const months = g.firstMonth === g.lastMonth ? formatMonthYear(g.firstMonth) : `${formatMonthYear(g.firstMonth)}–${formatMonthYear(g.lastMonth)}`;
      const shortfall = formatMoney(convert(g.shortfall, r.currency, currency, market), currency);
      return `a funding gap: cash dips below zero in ${months} (${shortfall} short at worst) until ${BRIDGE_NAME[g.bridgedBy]} in ${formatMonthYear(g.bridgedIn)} repairs it`;
    })
    .join("; ");
}

/** When the cash runs out: "Oct 2026", "Self-funding" or "Beyond 15 years". */
export function runwayHeadline(r: FirmResult): string {
  const {runway} = r;
  if (runway.cashOutDate) return formatMonthYear(runway.cashOutDate);
  return runway.status === "self-funding" ? "Self-funding" : "Beyond 15 years";
}

/** The runway's detail: months after the baseline, or why it never ends. */
export function runwayDetail(r: FirmResult): string {
  const {runway} = r;
  if (runway.months !== null) return `${formatMonths(runway.months)} after the ${formatMonthYear(r.inputs.baselineDate)} baseline`;
  return runway.status === "self-funding" ? "operations pay their way before the cash runs out" : "cash lasts the horizon, though the firm still burns cash";
}

/** Break-even: "Mar 2030" or "Not in 15 years". */
export function breakEvenHeadline(r: FirmResult): string {
  return r.breakEven.date ? formatMonthYear(r.breakEven.date) : "Not in 15 years";
}

/** The value per share against the price, in `currency`: "vs price HK$345.00 (−64.2%)", and why a negative value is shown. */
export function valueAgainstPrice(r: FirmResult, currency: Currency, market: MarketInputs): string {
  const v = r.valuation;
  const price = formatPerShare(convert(v.price, "HKD", currency, market), currency);
  const negative = v.dcf.bridge.negativeEquity ? "; below zero: on this story the DCF says the equity is worth less than nothing" : "";
  return `vs price ${price} (${formatSignedPercent(v.gap)})${negative}`;
}

/** One firm's outcome in a clause: "Zhipu AI runs out of cash in Oct 2026", "MiniMax breaks even in 2028". */
export function firmClause(r: FirmResult): string {
  const name = FIRM_NAME[r.firm];
  if (r.runway.cashOutDate) return `${name} runs out of cash in ${formatMonthYear(r.runway.cashOutDate)}`;
  if (r.breakEven.year !== null) return `${name} breaks even in ${r.breakEven.year}`;
  return `${name}'s cash lasts 15 years without break-even`;
}

/** A scenario's result in one sentence, for its page's description and link preview. */
export function scenarioHeadline(title: string, results: Record<FirmId, FirmResult>): string {
  return `${title}: ${FIRMS.map((firm) => firmClause(results[firm])).join("; ")}.`;
}
