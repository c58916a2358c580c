// Each firm's valuation from its own projection: one story, the market view, FX, the reverse DCF.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {convert} from "../../src/lib/fx.ts";
import {computeFirm} from "../../src/lib/results.ts";
import {project} from "../../src/lib/projection.ts";
import {CURRENCIES} from "../../src/lib/fields.ts";
import {cashAtValuation, costOfCapitalEffect, firstForecastYear, nolAtValuation, forecastFromProjection, impliedGrowth, impliedMargin, valuationMonth, valueFirm, valueIfBreakEvenBy} from "../../src/lib/valuation.ts";
import {arbMarket, arbPlausibleFirm, baseline, breaksEvenByTarget, flatFirm, MARKET, presets} from "./helpers.ts";

const {zhipu, minimax} = baseline.scenario.firms;

describe("one story: the DCF values the projection that drives the runway", () => {
  it("values at the end of 2025, a week before the listings, with the IPO proceeds in cash once and undrawn facilities out", () => {
    expect(valuationMonth(minimax)).toBe(3); // Sep 2025 → Dec 2025
    expect(valuationMonth(zhipu)).toBe(6); // Jun 2025 → Dec 2025
    expect(firstForecastYear(minimax)).toBe(2026);
    expect(firstForecastYear(zhipu)).toBe(2026);
    const p = project(minimax);
    expect(p.financing[4]).toBe(minimax.ipoNetProceeds); // the listing month, January 2026
    // The price and share count are after the listing, so its proceeds count as cash at the valuation date.
    expect(cashAtValuation(minimax, p, 3)).toBeCloseTo(p.cash[3]! - 39.4 + minimax.ipoNetProceeds, 10);
    // With the IPO before the valuation date, its proceeds are already in the projected balance.
    const early = {...minimax, ipoDate: "2025-11-15"};
    const q = project(early);
    expect(cashAtValuation(early, q, 3)).toBeCloseTo(q.cash[3]! - 39.4, 10);
  });

  it("a later listing moves year 1 to the listing year", () => {
    expect(firstForecastYear({...minimax, ipoDate: "2027-06-01"})).toBe(2027);
    expect(valuationMonth({...minimax, ipoDate: "2027-06-01"})).toBe(15); // Dec 2026
    // A listing before the baseline: year 1 is the first full calendar year after it.
    expect(firstForecastYear({...minimax, ipoDate: "2024-06-01"})).toBe(2026);
  });

  it("carries the losses between the baseline and the valuation date into the NOL", () => {
    const p = project(zhipu);
    let losses = 0;
    for (let t = 1; t <= 6; t++) losses -= p.operatingCashFlow[t]!; // all six months lose money
    expect(nolAtValuation(zhipu, p, 6)).toBeCloseTo(zhipu.nolCarriedForward + losses, 9);
  });

  it("each forecast year is a calendar year, the sum of the projection's twelve months", () => {
    const p = project(minimax);
    const f = forecastFromProjection(p, 3);
    // Year 2 is 2027: months 16 (Jan 2027) to 27 (Dec 2027) after the Sep 2025 baseline.
    let revenue = 0;
    let ocf = 0;
    for (let t = 16; t <= 27; t++) {
      revenue += p.revenue[t]!;
      ocf += p.operatingCashFlow[t]!;
    }
    expect(f.revenue[2]).toBeCloseTo(revenue, 9);
    expect(f.operatingIncome[2]).toBeCloseTo(ocf, 9);
    // Year 0 is 2025: Jan–Sep at the reported run rate (71.25 × 9/12 = 53.44, the nine months' revenue), Oct–Dec projected.
    expect(f.revenue[0]).toBeCloseTo(p.revenue[0]! * 9 + p.revenue[1]! + p.revenue[2]! + p.revenue[3]!, 9);
    expect(p.revenue[0]! * 9).toBeCloseTo(71.25 * 0.75, 12);
    expect(f.operatingIncome[0]).toBeCloseTo(-27.9 * 9 + p.operatingCashFlow[1]! + p.operatingCashFlow[2]! + p.operatingCashFlow[3]!, 9);
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

  it("the implied growth lies on the side the value says: below the scenario's when the DCF values a firm above its price", () => {
    for (const [id, firm] of [["minimax", minimax], ["zhipu", zhipu]] as const) {
      const growth = impliedGrowth(id, firm, MARKET);
      const above = valueFirm(id, firm, MARKET).valuePerShareHkd > firm.price;
      expect(growth.value! < firm.growthStart).toBe(above);
      // Plugged back in, the implied growth values the share at the price.
      expect(valueFirm(id, {...firm, growthStart: growth.value!}, MARKET).valuePerShareHkd).toBeCloseTo(firm.price, 4);
    }
  });

  it("says 'no solution' for a price out of reach", () => {
    // With no gross profit, no growth rate ever pays the costs: the value stays below zero.
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

describe("value and the cost of capital", () => {
  /** The DCF's flows in order: FCFF of years 1–10, then the terminal value. */
  const flowsOf = (r: ReturnType<typeof valueFirm>) => [...r.dcf.years.map((y) => y.fcff), r.dcf.terminal.value];
  /** At most one change of sign, from losses to profits. */
  const lossesThenProfits = (flows: number[]) => {
    const first = flows.findIndex((f) => f > 0);
    return first < 0 || flows.slice(first).every((f) => f >= 0);
  };

  it("falls as the cost of capital rises when the flows turn from losses to profits once and the operating assets are positive", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbPlausibleFirm, fc.double({min: 0.04, max: 0.2, noNaN: true}), fc.double({min: 0.001, max: 0.05, noNaN: true}), (firm, r, step) => {
        const before = valueFirm("minimax", {...firm, costOfCapital: r}, MARKET);
        fc.pre(before.dcf.bridge.operatingAssets > 0 && lossesThenProfits(flowsOf(before)));
        checked++;
        const after = valueFirm("minimax", {...firm, costOfCapital: r + step}, MARKET);
        expect(after.dcf.bridge.operatingAssets).toBeLessThan(before.dcf.bridge.operatingAssets);
        expect(after.valuePerShareHkd).toBeLessThanOrEqual(before.valuePerShareHkd + 1e-9);
      }),
      {numRuns: 150, maxSkipsPerRun: 100}
    );
    expect(checked).toBeGreaterThan(50);
  });

  it("every preset firm whose operating assets are positive loses value as its cost of capital rises from 6% to 20%", () => {
    for (const [name, scenario] of presets) {
      for (const firm of ["zhipu", "minimax"] as const) {
        const inputs = scenario.firms[firm];
        if (!(valueFirm(firm, inputs, scenario.market).dcf.bridge.operatingAssets > 0)) continue;
        const values = [0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.2].map((r) => valueFirm(firm, {...inputs, costOfCapital: r}, scenario.market).valuePerShareHkd);
        for (let i = 1; i < values.length; i++) expect(values[i]!, `${name} ${firm}`).toBeLessThan(values[i - 1]!);
        expect(costOfCapitalEffect(firm, inputs, scenario.market).direction).toBe("falls");
      }
    }
  });

  it("says so when the discounted flows are mostly losses: the bear case's value rises with the cost of capital", () => {
    const bear = presets.get("bear")!;
    const effect = costOfCapitalEffect("zhipu", bear.firms.zhipu, bear.market);
    expect(valueFirm("zhipu", bear.firms.zhipu, bear.market).dcf.bridge.operatingAssets).toBeLessThan(0);
    expect(effect.direction).toBe("rises");
    expect(effect.higher).toBeGreaterThan(effect.lower);
  });

  it("at a cost of capital of 0 the lower rate is the rate itself (it cannot go lower), so its value is today's", () => {
    const atZero = {...zhipu, costOfCapital: 0};
    const effect = costOfCapitalEffect("zhipu", atZero, MARKET);
    expect([effect.lowerRate, effect.higherRate]).toEqual([0, 0.01]);
    expect(effect.lower).toBe(valueFirm("zhipu", atZero, MARKET).valuePerShareHkd);
  });

  it("Zhipu's base value is a signed number that moves with its cost of capital", () => {
    const low = valueFirm("zhipu", {...zhipu, costOfCapital: 0.06}, MARKET).valuePerShareHkd;
    const high = valueFirm("zhipu", {...zhipu, costOfCapital: 0.12}, MARKET).valuePerShareHkd;
    expect(low).not.toBe(high);
    expect(high).toBeLessThan(low);
  });
});
