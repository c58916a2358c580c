// "What must be true": each answer, plugged back in, breaks even by December of the target year.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {computeFirm} from "../../src/lib/results.ts";
import {project} from "../../src/lib/projection.ts";
import {roundUpTo3Significant} from "../../src/lib/required.ts";
import {FIRMS} from "../../src/lib/fields.ts";
import {baseline, breaksEvenByTarget, flatFirm, presets, MARKET} from "./helpers.ts";

describe("required", () => {
  it("finds a cost path that breaks even in a known month (hand-computed)", () => {
    // Revenue 10/month at 50 % → GP 5; costs 25 now. Target December 2026 = month 15 after Sep 2025.
    // Break-even by month 15 needs 25·(1+g)^(15/12) ≤ 5 ⇔ g ≤ 0.2^(12/15) − 1 = −0.7248…
    // growthFadeYears is huge so that revenue and cost growth stay at their starting rates (the fade moves them by 1e-9).
    const firm = flatFirm({revenueRunRate: 120, grossMarginNow: 0.5, grossMarginTarget: 0.5, burnNow: 20, breakEvenTargetYear: 2026, growthFadeYears: 1e9});
    const {opexGrowth, burnCut, growthStart} = computeFirm("minimax", firm, MARKET).required;
    expect(opexGrowth.value!).toBeCloseTo(Math.pow(0.2, 12 / 15) - 1, 8);
    // With flat costs the burn must fall by all 20 (costs from 25 to 5).
    expect(burnCut.value!).toBeCloseTo(20, 7);
    // Growth: 5·(1+g)^(15/12) ≥ 25 ⇔ g ≥ 5^(12/15) − 1 = 2.6239…
    expect(growthStart.value!).toBeCloseTo(Math.pow(5, 12 / 15) - 1, 4);
  });

  it("needs no cut when the target is already met", () => {
    const firm = flatFirm({revenueRunRate: 600, grossMarginNow: 0.5, grossMarginTarget: 0.5, burnNow: 0});
    expect(computeFirm("minimax", firm, MARKET).required.burnCut).toEqual({value: 0, reason: null});
  });

  it("says 'not reachable' instead of a wrong number", () => {
    // A negative gross margin throughout: no growth rate and no cost path can break even.
    const firm = flatFirm({grossMarginNow: -0.2, grossMarginTarget: -0.2, burnNow: 40, growthFadeYears: 5});
    const {growthStart, opexGrowth, burnCut} = computeFirm("minimax", firm, MARKET).required;
    expect(growthStart.value).toBeNull();
    expect(growthStart.reason).toMatch(/not reachable/);
    expect(opexGrowth.value).toBeNull();
    expect(burnCut.value).toBeNull();
  });

  it("says so when the target year is already over", () => {
    const firm = flatFirm({breakEvenTargetYear: 2025, baselineDate: "2025-12-31"});
    const {growthStart} = computeFirm("minimax", firm, MARKET).required;
    expect(growthStart.value).toBeNull();
    expect(growthStart.reason).toMatch(/ends before the baseline/);
  });

  it("measures the extra funding as the deepest cash shortfall before break-even", () => {
    // Cash 100, burn 20 falling as costs halve yearly: break-even in month 28, cash below zero before that.
    const firm = flatFirm({cashNow: 100, revenueRunRate: 120, grossMarginNow: 0.5, grossMarginTarget: 0.5, burnNow: 20, opexGrowth: -0.5, growthFadeYears: 1e9});
    const result = computeFirm("minimax", firm, MARKET);
    const p = result.projection;
    let lowest = Infinity;
    for (let t = 0; t <= 28; t++) lowest = Math.min(lowest, p.cash[t]!);
    // The shortfall rounded up to three significant figures: never less than it, less than 1% above.
    const funding = result.required.extraFunding.value!;
    expect(funding).toBeGreaterThanOrEqual(-lowest);
    expect(funding).toBeLessThan(-lowest * 1.01);
    const funded = project({...firm, cashNow: firm.cashNow + funding});
    for (let t = 0; t <= 28; t++) expect(funded.cash[t]!).toBeGreaterThanOrEqual(0);
  });

  it("rounds the extra funding up to three significant figures: 8,906.45 → 8,910", () => {
    expect(roundUpTo3Significant(8906.45)).toBe(8910);
    expect(roundUpTo3Significant(8900)).toBe(8900);
    expect(roundUpTo3Significant(0.012341)).toBeCloseTo(0.0124, 15);
    expect(roundUpTo3Significant(0)).toBe(0);
  });

  it("rounds every positive double up to a finite number no smaller, even a subnormal shortfall (found by CI: 5e-324 gave NaN)", () => {
    expect(roundUpTo3Significant(5e-324)).toBe(5e-324);
    fc.assert(
      fc.property(fc.double({min: Number.MIN_VALUE, max: 1e300, noNaN: true}), (x) => {
        const up = roundUpTo3Significant(x);
        expect(Number.isFinite(up)).toBe(true);
        expect(up).toBeGreaterThanOrEqual(x);
        if (x >= 1e-300) expect(up).toBeLessThanOrEqual(x * 1.0101);
      }),
      {numRuns: 2000}
    );
  });

  it("the extra funding, added to today's cash, keeps every preset's firms solvent to break-even (no −2.7e-12 left)", () => {
    for (const [name, scenario] of presets) {
      for (const firmId of FIRMS) {
        const firm = scenario.firms[firmId];
        const r = computeFirm(firmId, firm, MARKET);
        if (r.required.extraFunding.value === null) continue;
        const funded = project({...firm, cashNow: firm.cashNow + r.required.extraFunding.value});
        for (let t = 0; t <= r.breakEven.months!; t++) expect(funded.cash[t]!, `${name} ${firmId} month ${t}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  for (const name of ["base", "bear", "bull", "management-targets"]) {
    it(`plugs back in for every firm of the ${name} preset`, () => {
      for (const firmId of FIRMS) {
        const firm = presets.get(name)!.firms[firmId];
        const {growthStart, opexGrowth, burnCut} = computeFirm(firmId, firm, MARKET).required;
        if (growthStart.value !== null) expect(breaksEvenByTarget({...firm, growthStart: growthStart.value})).toBe(true);
        if (opexGrowth.value !== null) expect(breaksEvenByTarget({...firm, opexGrowth: opexGrowth.value})).toBe(true);
        if (burnCut.value !== null) expect(breaksEvenByTarget({...firm, burnNow: firm.burnNow - burnCut.value})).toBe(true);
      }
    });
  }

  it("the base case misses both targets (the point of the solver)", () => {
    for (const firm of FIRMS) expect(computeFirm(firm, baseline.scenario.firms[firm], MARKET).breakEven.meetsTarget).toBe(false);
  });
});
