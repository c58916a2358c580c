// Employee options valued as warrants: Black–Scholes with a dilution adjustment (Damodaran).
import {exp, log} from "./exactMath.js";
import {normalCdf} from "./normal.js";

export interface OptionInputs {
  /** Price of the underlying share. */
  stockPrice: number;
  strike: number;
  /** Years to expiry. */
  maturityYears: number;
  /** Annual standard deviation of the share's return (0.6 = 60%). */
  volatility: number;
  /** Continuously compounded risk-free rate, a year. */
  riskFreeRate: number;
  dividendYield: number;
}

/** Black–Scholes (Merton) value of one European call. */
export function callValue(option: OptionInputs): number {
  return callValueAt(option, option.stockPrice);
}

/** The same call on a share priced `s` (the option's own stockPrice is not read): no object per price, which a Monte Carlo path values once. */
export function callValueAt({strike: k, maturityYears: t, volatility: v, riskFreeRate: r, dividendYield: y}: Omit<OptionInputs, "stockPrice">, s: number): number {
  if (s <= 0) return 0;
  const sd = v * Math.sqrt(t);
  const {dividend, interest} = discountFactors(y, r, t);
  // No time or no volatility (down to rounding): the option is worth its discounted intrinsic value.
  if (!(sd > 1e-12)) return Math.max(0, s * dividend - k * interest);
  if (k <= 0) return s * dividend;
  const d1 = (log(s / k) + (r - y + (v * v) / 2) * t) / sd;
  const d2 = d1 - sd;
  return s * dividend * normalCdf(d1) - k * interest * normalCdf(d2);
}

/** e^(−y·t) and e^(−r·t), remembered for the last (y, r, t): every path of a simulation usually shares them. */
const lastDiscount = {y: Number.NaN, r: Number.NaN, t: Number.NaN, dividend: Number.NaN, interest: Number.NaN};
function discountFactors(y: number, r: number, t: number): {dividend: number; interest: number} {
  const d = lastDiscount;
  if (!(Object.is(d.y, y) && Object.is(d.r, r) && Object.is(d.t, t))) {
    d.y = y;
    d.r = r;
    d.t = t;
    d.dividend = exp(-y * t);
    d.interest = exp(-r * t);
  }
  return d;
}

/**
 * Value of `count` options on a firm with `shares` shares, adjusted for dilution: the options are
 * priced on S′ = (S·shares + W·count) ÷ (shares + count), where W is the option's own value, found by
 * fixed-point iteration (it contracts because ∂W/∂S′ ≤ 1 and count ÷ (shares + count) < 1).
 */
export function dilutedOptionsValue(option: OptionInputs, count: number, shares: number): {perOption: number; total: number; adjustedStockPrice: number; iterations: number} {
  if (count <= 0) return {perOption: 0, total: 0, adjustedStockPrice: option.stockPrice, iterations: 0};
  let w = callValue(option);
  let adjusted = option.stockPrice;
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    adjusted = (option.stockPrice * shares + w * count) / (shares + count);
    const next = callValue({...option, stockPrice: adjusted});
    const done = Math.abs(next - w) <= 1e-12 * Math.max(1, Math.abs(next));
    w = next;
    if (done) break;
  }
  return {perOption: w, total: w * count, adjustedStockPrice: adjusted, iterations: iterations + 1};
}
