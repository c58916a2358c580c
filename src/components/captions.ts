// Chart captions computed from the state, so that they follow the controls and never go stale.
import {FIRM_NAME, type Currency, type MarketInputs} from "../lib/fields.js";
import {currencySymbol, formatMoney, formatMonthYear, lowerFirst} from "../lib/format.js";
import {convert} from "../lib/fx.js";
import type {FirmResult} from "../lib/results.js";

/** When the scheduled financing arrives: "IPO proceeds of RMB 3.73B arrive in Jan 2026". */
export function financingSentence(r: FirmResult, currency: Currency, market: MarketInputs): string {
  const {inputs} = r;
  const money = (x: number) => formatMoney(convert(x, r.currency, currency, market), currency);
  const ipoInCash = inputs.ipoDate.slice(0, 7) <= inputs.baselineDate.slice(0, 7);
  const ipo =
    inputs.ipoNetProceeds === 0
      ? "there are no IPO proceeds"
      : ipoInCash
        ? `the IPO proceeds (${money(inputs.ipoNetProceeds)}, ${formatMonthYear(inputs.ipoDate)}) are already in the opening cash`
        : `IPO proceeds of ${money(inputs.ipoNetProceeds)} arrive in ${formatMonthYear(inputs.ipoDate)}`;
  const raise = inputs.laterRaise > 0 ? `, and a later raise of ${money(inputs.laterRaise)} in ${formatMonthYear(inputs.laterRaiseDate)}` : "";
  return `${ipo[0]!.toUpperCase()}${ipo.slice(1)}${raise}`;
}

/** The caption of one firm's cash chart. */
export function cashCaption(r: FirmResult, currency: Currency, market: MarketInputs): string {
  return `Cash at the end of each month, in ${currencySymbol(currency)} billions. ${financingSentence(r, currency, market)}. The × marks the month the cash runs out, the dot the first month of positive operating cash flow, and the band ${FIRM_NAME[r.firm]}'s ${r.inputs.breakEvenTargetYear} break-even target.`;
}

/** The caption of the overview's two-firm cash chart. */
export function cashPathsCaption(results: readonly FirmResult[], currency: Currency, market: MarketInputs): string {
  const targets = results.map((r) => `${FIRM_NAME[r.firm]} ${r.inputs.breakEvenTargetYear}`).join(", ");
  const financing = results.map((r) => `${FIRM_NAME[r.firm]}: ${lowerFirst(financingSentence(r, currency, market))}`).join("; ");
  return `Cash at the end of each month, both firms in ${currencySymbol(currency)} billions. A line crosses zero where the cash runs out (×); a dot marks the first month the firm's operations bring in more cash than they use; the shaded bands are the years each firm says it will break even (${targets}). ${financing}.`;
}
