// Invariants of the model over the whole input space (fast-check).
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {computeFirm, computeImplied} from "../../src/lib/results.ts";
import {project} from "../../src/lib/projection.ts";
import {firmReport} from "../../src/lib/report.ts";
import {runway} from "../../src/lib/runway.ts";
import {annualOperatingCashFlow, breakEven} from "../../src/lib/breakEven.ts";
import {FIRMS, type FirmInputs} from "../../src/lib/fields.ts";
import {arbFirm, arbPlausibleFirm, breaksEvenByTarget, flatFirm, MARKET, presets} from "./helpers.ts";

const runwayMonths = (firm: Parameters<typeof project>[0]) => runway(project(firm)).months ?? Infinity;

function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

describe("model invariants", () => {
  it("cash identity: Cash_H = Cash_0 + ΣOCF + ΣF", () => {
    fc.assert(
      fc.property(arbFirm, (firm) => {
        const p = project(firm);
        let flows = 0;
        let scale = Math.abs(p.cash[0]!);
        for (let t = 1; t <= p.months; t++) {
          flows += p.operatingCashFlow[t]! + p.financing[t]!;
          scale += Math.abs(p.operatingCashFlow[t]!) + Math.abs(p.financing[t]!);
        }
        expect(Math.abs(p.cash[p.months]! - (p.cash[0]! + flows))).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
      }),
      {numRuns: 300}
    );
  });

  it("runway never lengthens when the burn rises", () => {
    fc.assert(
      fc.property(arbFirm, fc.double({min: 0, max: 500, noNaN: true}), (firm, extra) => {
        expect(runwayMonths({...firm, burnNow: firm.burnNow + extra})).toBeLessThanOrEqual(runwayMonths(firm));
      }),
      {numRuns: 300}
    );
  });

  it("runway never shortens when growth rises, while gross margins are positive", () => {
    fc.assert(
      fc.property(arbPlausibleFirm, fc.double({min: 0, max: 3, noNaN: true}), (firm, extra) => {
        expect(runwayMonths({...firm, growthStart: firm.growthStart + extra})).toBeGreaterThanOrEqual(runwayMonths(firm));
      }),
      {numRuns: 300}
    );
  });

  it("every solver's answer, plugged back in, breaks even by the target year", () => {
    fc.assert(
      fc.property(arbPlausibleFirm, (firm) => {
        const {growthStart, opexGrowth, burnCut, extraFunding} = computeFirm("zhipu", firm, MARKET).required;
        if (growthStart.value !== null) expect(breaksEvenByTarget({...firm, growthStart: growthStart.value})).toBe(true);
        if (opexGrowth.value !== null) expect(breaksEvenByTarget({...firm, opexGrowth: opexGrowth.value})).toBe(true);
        if (burnCut.value !== null) expect(breaksEvenByTarget({...firm, burnNow: firm.burnNow - burnCut.value})).toBe(true);
        if (extraFunding.value !== null) expect(extraFunding.value).toBeGreaterThanOrEqual(0);
        // A null answer always comes with a reason.
        for (const s of [growthStart, opexGrowth, burnCut, extraFunding]) if (s.value === null) expect(s.reason).toBeTruthy();
      }),
      {numRuns: 200}
    );
  });

  it("the growth answer is the smallest: a little less misses the target", () => {
    fc.assert(
      fc.property(arbPlausibleFirm, (firm) => {
        const {growthStart} = computeFirm("zhipu", firm, MARKET).required;
        fc.pre(growthStart.value !== null && growthStart.reason === null);
        expect(breaksEvenByTarget({...firm, growthStart: growthStart.value! - 1e-6 * Math.max(1, Math.abs(growthStart.value!))})).toBe(false);
      }),
      {numRuns: 200}
    );
  });

  it("same inputs give the same output", () => {
    fc.assert(
      fc.property(arbFirm, (firm) => {
        expect(firmReport(computeFirm("minimax", firm, MARKET), MARKET)).toEqual(firmReport(computeFirm("minimax", {...firm}, MARKET), MARKET));
      }),
      {numRuns: 100}
    );
  });

  it("no NaN or Infinity anywhere in the output, for any valid inputs", () => {
    fc.assert(
      fc.property(arbFirm, (firm) => {
        expect(allFinite(firmReport(computeFirm("zhipu", firm, MARKET), MARKET))).toBe(true);
      }),
      {numRuns: 300}
    );
  });

  it("the reverse DCF gives a finite answer or null with a reason, never NaN", () => {
    fc.assert(
      fc.property(arbPlausibleFirm, (firm) => {
        const {growth, margin} = computeImplied("minimax", firm, MARKET);
        for (const root of [growth, margin]) {
          if (root.value === null) expect(root.reason).toBeTruthy();
          else expect(Number.isFinite(root.value)).toBe(true);
        }
      }),
      {numRuns: 40}
    );
  });
});

describe("the long run reaches a steady state", () => {
  /** The first month after which every fade (revenue growth, cost growth, gross margin) is over.
   *  Month 0 is the baseline (operating cash flow = −burn now, not the fades' margin), so never before month 1. */
  const fadesOver = (firm: FirmInputs) => Math.max(1, Math.ceil(12 * Math.max(firm.growthFadeYears, firm.marginYears)));

  // CI's counterexample: with 0 years to the target margin the fade is over at once, but month 0 is still the baseline.
  const marginFadeOfZeroYears: FirmInputs = flatFirm({burnNow: 0, revenueRunRate: 0.000012000000000000002, growthStart: 0, growthLongRun: 0, growthFadeYears: 0, grossMarginNow: 1.0000000010000004e-9, grossMarginTarget: 0, marginYears: 0, opexGrowth: 0, ipoNetProceeds: 0, laterRaise: 0, cashNow: 0});

  it("once every fade has ended, revenue and cash costs grow alike, so the operating-cash-flow margin is constant", () => {
    fc.assert(
      fc.property(arbFirm, (firm) => {
        const p = project(firm);
        const from = fadesOver(firm);
        fc.pre(from + 2 <= p.months && p.revenue[from]! > 1e-6);
        const margin = (t: number) => p.operatingCashFlow[t]! / p.revenue[t]!;
        const m0 = margin(from);
        // Cost ÷ revenue is a fixed ratio; the margin moves only by rounding relative to that ratio.
        const scale = 1 + Math.abs(p.opex[from]! / p.revenue[from]!);
        for (let t = from + 1; t <= p.months; t++) expect(Math.abs(margin(t) - m0)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      {numRuns: 300, examples: [[marginFadeOfZeroYears]]}
    );
  });

  it("a firm whose operating cash flow is positive when the fades end stays positive to the horizon", () => {
    fc.assert(
      fc.property(fc.oneof(arbFirm, arbPlausibleFirm), (firm) => {
        const p = project(firm);
        const from = fadesOver(firm);
        // (Away from underflow: a revenue run rate of 1e-300 shrinking for fifteen years reaches 0.)
        fc.pre(from <= p.months && p.operatingCashFlow[from]! > 1e-6);
        for (let t = from; t <= p.months; t++) expect(p.operatingCashFlow[t]!).toBeGreaterThan(0);
      }),
      {numRuns: 200, maxSkipsPerRun: 200}
    );
  });

  it("no preset breaks even and then relapses into a year of losses", () => {
    for (const [name, scenario] of presets) {
      for (const firm of FIRMS) {
        const p = project(scenario.firms[firm]);
        const be = breakEven(p, scenario.firms[firm].breakEvenTargetYear);
        if (be.annualYear === null) continue;
        for (const year of annualOperatingCashFlow(p).filter((y) => y.year >= be.annualYear!)) expect(year.operatingCashFlow, `${name} ${firm} ${year.year}`).toBeGreaterThan(0);
      }
    }
  });
});

