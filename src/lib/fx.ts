// Currency conversion through the two FX inputs (both quoted per US dollar).
import type {Currency, MarketInputs} from "./fields.js";

/** Units of `currency` per US dollar. */
export function perUsd(currency: Currency, market: MarketInputs): number {
  switch (currency) {
    case "USD":
      return 1;
    case "HKD":
      return market.usdHkd;
    case "RMB":
      return market.usdRmb;
  }
}

/** Converts an amount between currencies (via USD); the identity when they are the same. */
export function convert(amount: number, from: Currency, to: Currency, market: MarketInputs): number {
  if (from === to) return amount;
  return (amount / perUsd(from, market)) * perUsd(to, market);
}
