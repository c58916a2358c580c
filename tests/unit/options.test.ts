// The normal CDF and Black–Scholes: known answers, and a differential test against formulajs.
import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {callValue, dilutedOptionsValue} from "../../src/lib/blackScholes.ts";
import {optionsAtOwnValue, valuePerShareFixedPoint} from "../../src/lib/dcf.ts";
import {normalCdf} from "../../src/lib/normal.ts";

describe("normalCdf", () => {
  it("matches known values", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 7); // far tail: relative accuracy 1e-8
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it("agrees with formulajs NORMSDIST (Excel's NORM.S.DIST) to 1e-12 everywhere", () => {
    fc.assert(
      fc.property(fc.double({min: -12, max: 12, noNaN: true}), (x) => {
        expect(Math.abs(normalCdf(x) - formulajs.NORMSDIST(x, true))).toBeLessThan(1e-12);
      }),
      {numRuns: 2000}
    );
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    fc.assert(
      fc.property(fc.double({min: -10, max: 10, noNaN: true}), (x) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
      })
    );
  });
});

describe("Black–Scholes", () => {
  it("prices Hull's textbook call: S 42, K 40, r 10%, σ 20%, T 0.5 → 4.76", () => {
    // d1 = (ln(42/40) + (0.1 + 0.02)·0.5) / (0.2·√0.5) = 0.7693, d2 = 0.6278
    // c = 42·N(0.7693) − 40·e^(−0.05)·N(0.6278) = 42·0.7791 − 38.049·0.7349 = 4.759
    expect(callValue({stockPrice: 42, strike: 40, maturityYears: 0.5, volatility: 0.2, riskFreeRate: 0.1, dividendYield: 0})).toBeCloseTo(4.7594, 4);
  });

  it("satisfies put–call parity bounds and limits", () => {
    fc.assert(
      fc.property(fc.double({min: 1, max: 500, noNaN: true}), fc.double({min: 1, max: 500, noNaN: true}), fc.double({min: 0.1, max: 10, noNaN: true}), fc.double({min: 0.05, max: 1.5, noNaN: true}), (s, k, t, v) => {
        const c = callValue({stockPrice: s, strike: k, maturityYears: t, volatility: v, riskFreeRate: 0.03, dividendYield: 0});
        expect(c).toBeGreaterThanOrEqual(Math.max(0, s - k * Math.exp(-0.03 * t)) - 1e-9);
        expect(c).toBeLessThanOrEqual(s + 1e-9);
      })
    );
    expect(callValue({stockPrice: 50, strike: 40, maturityYears: 0, volatility: 0.3, riskFreeRate: 0.05, dividendYield: 0})).toBe(10);
  });

  it("adjusts for dilution by a fixed point: W = BS((S·n + W·m) ÷ (n + m))", () => {
    const option = {stockPrice: 32.5, strike: 39.49, maturityYears: 7.5, volatility: 0.5, riskFreeRate: 0.0775, dividendYield: 0.03};
    const {perOption, adjustedStockPrice, total} = dilutedOptionsValue(option, 2.532, 47.35);
    expect(adjustedStockPrice).toBeCloseTo((32.5 * 47.35 + perOption * 2.532) / (47.35 + 2.532), 12);
    expect(callValue({...option, stockPrice: adjustedStockPrice})).toBeCloseTo(perOption, 10);
    expect(perOption).toBeLessThan(callValue(option)); // dilution lowers the value
    expect(total).toBeCloseTo(perOption * 2.532, 12);
  });

  it("agrees with an independent solution of the dilution equation (bisection on W − BS(S′(W)))", () => {
    const option = {stockPrice: 345, strike: 50, maturityYears: 5, volatility: 0.7, riskFreeRate: 0.042, dividendYield: 0};
    const [shares, count] = [309.28, 15.5];
    let [lo, hi] = [0, 345];
    for (let i = 0; i < 200; i++) {
      const w = (lo + hi) / 2;
      if (w - callValue({...option, stockPrice: (345 * shares + w * count) / (shares + count)}) > 0) hi = w;
      else lo = w;
    }
    expect(dilutedOptionsValue(option, count, shares).perOption).toBeCloseTo(lo, 9);
  });

  it("values no options at zero", () => {
    expect(dilutedOptionsValue({stockPrice: 100, strike: 10, maturityYears: 5, volatility: 0.5, riskFreeRate: 0.04, dividendYield: 0}, 0, 100).total).toBe(0);
  });
});

describe("options valued at the model's own value per share (the workbooks' circular reference)", () => {
  const option = {strike: 50, maturityYears: 5, volatility: 0.6, riskFreeRate: 0.04, dividendYield: 0};
  const optionsAt = (count: number, shares: number) => (s: number) => dilutedOptionsValue({...option, stockPrice: s}, count, shares).total;

  it("solves x = (equity − options(x)) ÷ shares to 1e-9 from any start, including value below the strike and below zero", () => {
    fc.assert(
      fc.property(fc.double({min: -1e5, max: 1e6, noNaN: true}), fc.double({min: 10, max: 5000, noNaN: true}), fc.double({min: 0, max: 0.5, noNaN: true}), fc.double({min: -1e4, max: 1e4, noNaN: true}), (equity, shares, dilution, start) => {
        const count = shares * dilution;
        const at = optionsAt(count, shares);
        const {valuePerShare: x} = valuePerShareFixedPoint(equity, shares, at, start);
        expect(Math.abs(x - (equity - at(x)) / shares)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
        // The same answer from the default start (equity ÷ shares).
        expect(Math.abs(x - valuePerShareFixedPoint(equity, shares, at).valuePerShare)).toBeLessThanOrEqual(2e-9 * Math.max(1, Math.abs(x)));
      }),
      {numRuns: 300}
    );
  });

  it("below the strike the options are worth little but not nothing; below zero they are worth nothing", () => {
    const at = optionsAt(10, 100);
    const below = valuePerShareFixedPoint(2000, 100, at).valuePerShare; // about 20 a share against a strike of 50
    expect(below).toBeLessThan(20);
    expect(below).toBeGreaterThan(15);
    expect(at(below)).toBeGreaterThan(0);
    expect(valuePerShareFixedPoint(-500, 100, at).valuePerShare).toBe(-5);
  });

  it("with options valued at the market price instead, the price decides the options, not the value", () => {
    const at = optionsAt(10, 100);
    expect(at(100)).toBeGreaterThan(at(20));
  });
});

describe("the closed form of the own-value fixed point", () => {
  it("S′ = equity ÷ (shares + options): equals the iterated fixed point to 1e-9, for any equity, dilution and option terms", () => {
    fc.assert(
      fc.property(fc.double({min: -1e5, max: 1e6, noNaN: true}), fc.double({min: 10, max: 5000, noNaN: true}), fc.double({min: 0, max: 0.5, noNaN: true}), fc.double({min: 1, max: 500, noNaN: true}), fc.double({min: 0.1, max: 1.5, noNaN: true}), (equity, shares, dilution, strike, volatility) => {
        const option = {count: shares * dilution, strike, maturityYears: 5, volatility, riskFreeRate: 0.03, dividendYield: 0};
        const iterated = valuePerShareFixedPoint(equity, shares, (s) => dilutedOptionsValue({...option, stockPrice: s}, option.count, shares).total).valuePerShare;
        const closed = (equity - optionsAtOwnValue(equity, shares, option)) / shares;
        expect(Math.abs(closed - iterated)).toBeLessThanOrEqual(2e-9 * Math.max(1, Math.abs(iterated)));
      }),
      {numRuns: 300}
    );
  });
});
