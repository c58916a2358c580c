// Each firm's valuation from its own projection: one story, the market view, FX, the reverse DCF.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {convert} from "../../src/lib/fx.ts";
import {computeFirm} from "../../src/lib/results.ts";
import {project} from "../../src/lib/projection.ts";
import {CURRENCIES} from "../../src/lib/fields.ts";
import {cashAtValuation, nolAtValuation, forecastFromProjection, impliedGrowth, impliedMargin, valuationMonth, valueFirm, valueIfBreakEvenBy} from "../../src/lib/valuation.ts";
import {arbMarket, baseline, breaksEvenByTarget, flatFirm, MARKET, presets} from "./helpers.ts";

const {zhipu, minimax} = baseline.scenario.firms;

describe("one story: the DCF values the projection that drives the runway", () => {
  it("values at the end of the IPO month, with the proceeds in cash once and undrawn facilities out", () => {
    expect(valuationMonth(minimax)).toBe(4); // Sep 2025 → Jan 2026
    expect(valuationMonth(zhipu)).toBe(7); // Jun 2025 → Jan 2026
    const p = project(minimax);
    expect(p.financing[4]).toBe(minimax.ipoNetProceeds);
    expect(cashAtValuation(minimax, p, 4)).toBeCloseTo(p.cash[4]! - 39.4, 10);
  });

  it("carries the losses between the baseline and the valuation date into the NOL", () => {
    const p = project(zhipu);
    let losses = 0;
    for (let t = 1; t <= 7; t++) losses -= p.operatingCashFlow[t]!; // all seven months lose money
    expect(nolAtValuation(zhipu, p, 7)).toBeCloseTo(zhipu.nolCarriedForward + losses, 9);
  });

  it("each forecast year is the sum of the projection's twelve months", () => {
    const p = project(minimax);
    const f = forecastFromProjection(p, 4);
    let revenue = 0;
    let ocf = 0;
    for (let t = 17; t <= 28; t++) {
      revenue += p.revenue[t]!;
      ocf += p.operatingCashFlow[t]!;
    }
    expect(f.revenue[2]).toBeCloseTo(revenue, 9);
    expect(f.operatingIncome[2]).toBeCloseTo(ocf, 9);
    expect(f.revenue[0]).toBeCloseTo(p.revenue[4]! * 12, 12);
  });

  it("a flat firm's forecast is twelve flat months a year", () => {
    const p = project(flatFirm());
    const f = forecastFromProjection(p, 0);
    // Revenue 71.25 a year; OCF −27.9 a month.
    for (let y = 1; y <= 10; y++) {
      expect(f.revenue[y]).toBeCloseTo(71.25, 9);
      expect(f.operatingIncome[y]).toBeCloseTo(-27.9 * 12, 9);
    }
  });

  it("the same inputs give the same valuation on every page (computeFirm) and in isolation", () => {
    expect(computeFirm("minimax", minimax, MARKET).valuation).toEqual(valueFirm("minimax", minimax, MARKET));
  });
});

describe("the market view, by hand", () => {
  it("MiniMax: market cap HK$345 × 309.28M = HK$106.7B, the article's 1,067億", () => {
    const v = valueFirm("minimax", minimax, MARKET);
    const marketCapHkd = 345 * 309.28; // 106,701.6
    expect(v.marketCap).toBeCloseTo(marketCapHkd / 7.8, 9); // in US$
    expect(convert(v.marketCap, "USD", "HKD", MARKET)).toBeCloseTo(106700, -2);
    expect(v.enterpriseValue).toBeCloseTo(v.marketCap - v.netCash, 9);
    expect(v.evToRevenue.trailing).toBeCloseTo(v.enterpriseValue / 30.5, 9);
    expect(v.evToRevenue.runRate).toBeCloseTo(v.enterpriseValue / 71.25, 9);
    expect(v.evToRevenue.forward2026).toBeCloseTo(v.enterpriseValue / v.revenue.forward2026, 9);
  });

  it("Zhipu: market cap HK$131.5 × 440.23M in RMB at 7.039 / 7.8", () => {
    const v = valueFirm("zhipu", zhipu, MARKET);
    expect(v.marketCap).toBeCloseTo((131.5 * 440.23 * 7.039) / 7.8, 6);
    expect(v.valuePerShareHkd).toBeCloseTo((v.valuePerShare * 7.8) / 7.039, 9);
    expect(v.gap).toBeCloseTo(v.valuePerShareHkd / 131.5 - 1, 12);
  });

  it("price ÷ forward revenue of the target year", () => {
    const v = valueFirm("minimax", minimax, MARKET);
    expect(v.marketCapToTargetYearRevenue).toBeCloseTo(v.marketCap / v.revenue.targetYear, 9);
  });
});

describe("FX", () => {
  it("round trips are exact to rounding (within 4 units in the last place)", () => {
    fc.assert(
      fc.property(fc.double({min: -1e9, max: 1e9, noNaN: true}).filter((x) => x === 0 || Math.abs(x) > 1e-300), arbMarket, fc.constantFrom(...CURRENCIES), fc.constantFrom(...CURRENCIES), (x, market, a, b) => {
        const back = convert(convert(x, a, b, market), b, a, market);
        expect(Math.abs(back - x)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(x));
      }),
      {numRuns: 1000}
    );
  });
  it("converts through the dollar", () => {
    expect(convert(7.8, "HKD", "USD", MARKET)).toBeCloseTo(1, 15);
    expect(convert(1, "USD", "RMB", MARKET)).toBe(7.039);
    expect(convert(100, "RMB", "RMB", MARKET)).toBe(100);
  });
});

describe("the reverse DCF on the firms", () => {
  for (const name of ["base", "bear", "bull", "management-targets"]) {
    it(`${name}: the implied growth and margin, plugged back in, reproduce the price within 0.01%`, () => {
      const scenario = presets.get(name)!;
      for (const firmId of ["zhipu", "minimax"] as const) {
        const firm = scenario.firms[firmId];
        const growth = impliedGrowth(firmId, firm, scenario.market);
        if (growth.value !== null) expect(Math.abs(valueFirm(firmId, {...firm, growthStart: growth.value}, scenario.market).valuePerShareHkd / firm.price - 1)).toBeLessThan(1e-4);
        else expect(growth.reason).toMatch(/no solution in \[/);
        const margin = impliedMargin(firmId, firm, scenario.market);
        if (margin.value !== null) expect(Math.abs(valueFirm(firmId, {...firm, grossMarginTarget: margin.value}, scenario.market).valuePerShareHkd / firm.price - 1)).toBeLessThan(1e-4);
        else expect(margin.reason).toMatch(/no solution in \[/);
      }
    });
  }

  it("MiniMax's HK$345 asks for faster growth than the base case", () => {
    const growth = impliedGrowth("minimax", minimax, MARKET);
    expect(growth.value!).toBeGreaterThan(minimax.growthStart);
    expect(growth.revenueCagr2to5).toBeGreaterThan(0);
  });

  it("says 'no solution' for a price out of reach", () => {
    // With no gross profit, no growth rate ever pays the costs: the value stays at zero.
    const growth = impliedGrowth("minimax", {...minimax, grossMarginNow: 0, grossMarginTarget: 0}, MARKET);
    expect(growth.value).toBeNull();
    expect(growth.reason).toMatch(/no solution in \[−?-?50%, 800%\]/);
  });
});

describe("value if break-even comes in a given year", () => {
  it("solves the lever for that year and values the firm on that path", () => {
    for (const year of [2026, 2027, 2028]) {
      const r = valueIfBreakEvenBy("zhipu", zhipu, MARKET, year, "growthStart");
      expect(r.leverValue).not.toBeNull();
      expect(breaksEvenByTarget({...zhipu, breakEvenTargetYear: year, growthStart: r.leverValue!})).toBe(true);
      expect(r.valuePerShareHkd).toBeCloseTo(valueFirm("zhipu", {...zhipu, growthStart: r.leverValue!}, MARKET).valuePerShareHkd, 9);
    }
  });
  it("breaking even later needs less growth", () => {
    const [a, b] = [2026, 2027].map((y) => valueIfBreakEvenBy("zhipu", zhipu, MARKET, y, "growthStart").leverValue!);
    expect(b).toBeLessThan(a!);
  });
});
