// Hand-computed cases for the projection, the runway and break-even.
import {describe, expect, it} from "vitest";
import {breakEven} from "../../src/lib/breakEven.ts";
import {computeFirm} from "../../src/lib/results.ts";
import {readFileSync} from "node:fs";
import {fillGrowthFactors, HORIZON_MONTHS, openingCashCosts, project, revenueGrowthAt, TWELFTH_ROOT_SERIES} from "../../src/lib/projection.ts";
import {pow} from "../../src/lib/exactMath.ts";
import {runway} from "../../src/lib/runway.ts";
import {baseline, flatFirm, MARKET} from "./helpers.ts";

describe("projection", () => {
  it("with no growth, a flat margin and flat costs, cash falls by the burn every month", () => {
    const p = project(flatFirm(), 24);
    for (let t = 1; t <= 24; t++) {
      expect(p.operatingCashFlow[t]).toBeCloseTo(-27.9, 10);
      expect(p.cash[t]).toBeCloseTo(1046.2 - 27.9 * t, 9);
    }
  });

  it("MiniMax's own arithmetic: US$1,046.2M ÷ US$27.9M a month = 37.5 months", () => {
    const r = runway(project(flatFirm()));
    expect(r.status).toBe("runs-out");
    expect(r.months).toBeCloseTo(1046.2 / 27.9, 10); // 37.498…, the article's "about 37 months"
    expect(r.cashOutDate).toBe("2028-11-14");
  });

  it("the baseline MiniMax, held flat and without the IPO, gives the same runway", () => {
    const minimax = {...baseline.scenario.firms.minimax, growthStart: 0, growthLongRun: 0, grossMarginTarget: baseline.scenario.firms.minimax.grossMarginNow, opexGrowth: 0, ipoNetProceeds: 0};
    expect(runway(project(minimax)).months).toBeCloseTo(1046.2 / 27.9, 10);
  });

  it("calibrates month-0 costs so that gross profit − costs = −burn", () => {
    const firm = flatFirm({revenueRunRate: 120, grossMarginNow: 0.5, burnNow: 20});
    // R_0 = 120 / 12 = 10, GP_0 = 5, so C_0 = 5 + 20 = 25.
    expect(openingCashCosts(firm)).toBe(25);
  });

  it("fades cash-cost growth to the long-run revenue growth over the growth fade (hand-computed)", () => {
    // Costs grow 28% a year now, fading to 4% over one year: c_t = 0.28 − 0.24·t/12.
    const p = project(flatFirm({opexGrowth: 0.28, growthStart: 0.04, growthLongRun: 0.04, growthFadeYears: 1}), 24);
    let expected = p.opex[0]!;
    for (let t = 1; t <= 24; t++) {
      expected *= Math.pow(1 + 0.28 - (0.24 * Math.min(t, 12)) / 12, 1 / 12);
      expect(p.opex[t]! / expected).toBeCloseTo(1, 13);
    }
    // After the fade, costs and revenue both grow 4% a year.
    expect(p.opex[24]! / p.opex[12]!).toBeCloseTo(1.04, 13);
    expect(p.revenue[24]! / p.revenue[12]!).toBeCloseTo(1.04, 13);
  });

  it("compounds annual rates monthly: 21 % a year is 10 % after six months", () => {
    const p = project(flatFirm({growthStart: 0.21, growthLongRun: 0.21, opexGrowth: 0.21}), 12);
    expect(p.revenue[6]! / p.revenue[0]!).toBeCloseTo(1.1, 12);
    expect(p.revenue[12]! / p.revenue[0]!).toBeCloseTo(1.21, 12);
    expect(p.opex[12]! / p.opex[0]!).toBeCloseTo(1.21, 12);
  });

  it("fades growth and moves the margin linearly", () => {
    const p = project(flatFirm({growthStart: 1, growthLongRun: 0, growthFadeYears: 1, grossMarginNow: 0.2, grossMarginTarget: 0.5, marginYears: 2}), 36);
    expect(p.grossMargin[12]).toBeCloseTo(0.35, 12); // halfway after one of two years
    expect(p.grossMargin[24]).toBeCloseTo(0.5, 12);
    expect(p.grossMargin[36]).toBeCloseTo(0.5, 12);
    // Month 6 grows at 1 + (0 − 1)·6/12 = 0.5 a year; after month 12 growth is 0.
    expect(p.revenue[6]! / p.revenue[5]!).toBeCloseTo(Math.pow(1.5, 1 / 12), 12);
    expect(p.revenue[13]).toBeCloseTo(p.revenue[12]!, 12);
  });

  it("adds IPO proceeds in the listing month only", () => {
    const p = project(flatFirm({ipoDate: "2026-01-09", ipoNetProceeds: 500}), 12);
    expect([...p.financing.slice(0, 6)]).toEqual([0, 0, 0, 0, 500, 0]); // Oct, Nov, Dec, Jan
    expect(p.cash[4]).toBeCloseTo(1046.2 - 4 * 27.9 + 500, 9);
  });

  it("breaks even in a known month", () => {
    // Revenue 10/month at a 50 % margin, costs 25 → burn 20. Costs fall 50 % a year:
    // C_t = 25 · 0.5^(t/12) ≤ 5 when t ≥ 12·log2(5) = 27.86, so month 28 (Jan 2028) is the first.
    // A fade of a billion years keeps cost growth at −50% (the fade moves it by 1e-9).
    const firm = flatFirm({revenueRunRate: 120, grossMarginNow: 0.5, grossMarginTarget: 0.5, burnNow: 20, opexGrowth: -0.5, growthFadeYears: 1e9});
    const b = breakEven(project(firm), 2027);
    expect(b.months).toBe(28);
    expect(b.date).toBe("2028-01");
    expect(b.year).toBe(2028);
    expect(b.meetsTarget).toBe(false);
    expect(b.annualYear).toBe(2028);
  });

  it("reports a firm that never runs out and turns cash-positive as self-funding", () => {
    const result = computeFirm("minimax", flatFirm({cashNow: 1e4, revenueRunRate: 120, grossMarginNow: 0.5, grossMarginTarget: 0.5, burnNow: 20, opexGrowth: -0.5, growthFadeYears: 1e9}), MARKET);
    expect(result.runway).toEqual({status: "self-funding", months: null, cashOutDate: null});
  });

  it("reports cash that lasts the horizon while still burning as beyond the horizon", () => {
    const result = computeFirm("minimax", flatFirm({cashNow: 1e5, burnNow: 1}), MARKET);
    expect(result.runway.status).toBe("beyond-horizon");
    expect(result.breakEven.date).toBeNull();
    expect(result.required.extraFunding.value).toBeNull();
  });
});

describe("growth factors", () => {
  // The series that replaces a pow per month must give the same factors as pow, to rounding.
  const cases: [now: number, longRun: number, fadeYears: number][] = [
    [1.3, 0.04, 8], [1.747, 0.04, 8], [-0.4, 0.04, 3], [0.1, 0.04, 8], [20, 0, 30], [-0.9, 1, 0.5], [5, -0.5, 1], [0.3, 0.3, 5], [2, 0.04, 0], [1.3, 0.04, 7.3]
  ];
  for (const [now, longRun, fadeYears] of cases) {
    it(`(1 + g_t)^(1/12) within 1e-14 of pow for ${now} → ${longRun} over ${fadeYears} years`, () => {
      const factors = fillGrowthFactors(now, longRun, fadeYears, HORIZON_MONTHS, new Float64Array(HORIZON_MONTHS + 1));
      for (let t = 1; t <= HORIZON_MONTHS; t++) {
        const g = t >= 12 * fadeYears ? longRun : revenueGrowthAt({...flatFirm(), growthStart: now, growthLongRun: longRun, growthFadeYears: fadeYears}, t);
        const exact = pow(1 + g, 1 / 12);
        expect(Math.abs(factors[t]! / exact - 1)).toBeLessThan(1e-14);
      }
    });
  }
  it("after the fade, revenue and costs share one factor, so the steady state is exact", () => {
    const a = fillGrowthFactors(1.3, 0.04, 2, 60, new Float64Array(61));
    const b = fillGrowthFactors(0.1, 0.04, 2, 60, new Float64Array(61));
    for (let t = 24; t <= 60; t++) expect(a[t]).toBe(b[t]);
  });
});

describe("the twelfth-root series", () => {
  it("writes out each coefficient of TWELFTH_ROOT_SERIES exactly, in order", () => {
    const source = readFileSync(new URL("../../src/lib/projection.ts", import.meta.url), "utf8");
    const body = source.slice(source.indexOf("function twelfthRootOfOnePlus"), source.indexOf("/**", source.indexOf("function twelfthRootOfOnePlus")));
    // The literals in the order they appear: c1, c2, c3, c4, c5, c6, c7, c8, c9 (with their signs).
    const literals = [...body.matchAll(/([+-]?)\s*(0\.\d+)/g)].map(([, sign, digits]) => (sign === "-" ? -1 : 1) * Number(digits));
    expect(literals).toEqual(TWELFTH_ROOT_SERIES.slice(1));
  });
});

