// The month-major block kernel against the deterministic engine, bit for bit: every path of a block,
// every month, equals project() of that path's inputs, and every per-path answer of the simulation
// (runway, break-even, DCF value per share, goal-seek requirements) equals the scalar functions'
// on that projection. Wide ranges on most inputs (fades, margins, financing, DCF inputs, FX), so
// paths cross every branch: fades by series and by pow, no fade, raises that are and are not there,
// invalid paths; and path counts that end mid-block.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decemberOffset, firstBreakEvenMonth} from "../../src/lib/breakEven.ts";
import {monthIndexOf} from "../../src/lib/dates.ts";
import {fieldSpec, type FirmId} from "../../src/lib/fields.ts";
import {BLOCK_PATHS, PathBlock} from "../../src/lib/pathBlock.ts";
import {allocateProjection, HORIZON_MONTHS, project} from "../../src/lib/projection.ts";
import {walkCash} from "../../src/lib/runway.ts";
import type {Scenario} from "../../src/lib/schema.ts";
import {burnCutToBreakEvenBy, burnCutToOutlast, FirmPaths, fundingNeeded, goalShare, pathRequirements, simulateFirm, type Lever} from "../../src/lib/simulation.ts";
import {DEFAULT_SIMULATION} from "../../src/lib/uncertainty.ts";
import {forecastFromProjection, nolAtValuation, valuationMonth, valuePerShareHkd} from "../../src/lib/valuation.ts";
import {arbFirm, flatFirm, presets} from "./helpers.ts";

const base = presets.get("base")!;

/** A uniform range on each field, as wide as its `share` of the way to its hard limits (or ±share of its value). */
function wideRanges(firm: FirmId, share: number): Scenario {
  const fields = ["growthStart", "growthLongRun", "growthFadeYears", "opexGrowth", "grossMarginNow", "grossMarginTarget", "marginYears", "burnNow", "cashNow", "revenueRunRate", "ipoNetProceeds", "laterRaise", "nolCarriedForward", "costOfCapital", "terminalGrowth", "optionsOutstanding"] as const;
  const ranges: Record<string, {distribution: "uniform"; low: number; high: number}> = {};
  for (const key of fields) {
    const path = `${firm}.${key}`;
    const spec = fieldSpec(path)!;
    const value = base.firms[firm][key] as number;
    const spread = Math.max(Math.abs(value) * share, key === "laterRaise" ? 2000 : key.endsWith("Years") ? 4 : 0.2 * share);
    const low = Math.max(spec.min ?? -Infinity, value - spread);
    const high = Math.min(spec.max ?? Infinity, value + spread);
    if (high > low) ranges[path] = {distribution: "uniform", low, high};
  }
  ranges["market.usdHkd"] = {distribution: "uniform", low: 7.7, high: 7.9};
  return {...base, uncertainty: {ranges, correlations: [], simulation: DEFAULT_SIMULATION}};
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe("the month-major block kernel", () => {
  it("projects every path of a block to the bits of project(), month by month", () => {
    fc.assert(
      fc.property(fc.constantFrom<FirmId>("zhipu", "minimax"), fc.double({min: 0.05, max: 1.5, noNaN: true}), fc.integer({min: 1, max: 1000}), fc.integer({min: 1, max: BLOCK_PATHS}), (firm, share, seed, size) => {
        const paths = new FirmPaths(wideRanges(firm, share), firm, size, seed);
        const block = new PathBlock(paths.base, HORIZON_MONTHS, true);
        block.run(size, (j) => paths.load(j));
        for (let j = 0; j < size; j++) {
          const inputs = paths.load(j);
          expect(block.valid[j]).toBe(inputs === null ? 0 : 1);
          if (inputs === null) continue;
          const p = project(inputs);
          for (let t = 0; t <= HORIZON_MONTHS; t++) {
            const k = t * BLOCK_PATHS + j;
            if (!same(block.cash[k]!, p.cash[t]!) || !same(block.operatingCashFlow![k]!, p.operatingCashFlow[t]!) || !same(block.costs![k]!, p.opex[t]!)) {
              throw new Error(`path ${j} month ${t}: cash ${block.cash[k]} vs ${p.cash[t]}, OCF ${block.operatingCashFlow![k]} vs ${p.operatingCashFlow[t]}, costs ${block.costs![k]} vs ${p.opex[t]}`);
            }
          }
          expect(block.breakEvenMonth[j]).toBe(firstBreakEvenMonth(p) ?? 0);
        }
      }),
      {numRuns: 25}
    );
  });

  it("gives every per-path answer of the simulation the bits of the scalar engine, across blocks and with levers", () => {
    const levers: (Lever | undefined)[] = [undefined, {lever: "burnCut", value: 40}, {lever: "extraFunding", value: 500}, {lever: "growthStart", value: 0.9}];
    for (const firm of ["zhipu", "minimax"] as const) {
      for (const lever of levers) {
        const scenario = wideRanges(firm, 0.6);
        const n = BLOCK_PATHS * 2 + 345;
        const paths = new FirmPaths(scenario, firm, n, 5);
        const sim = simulateFirm(scenario, firm, {paths: n, seed: 5, lever}, paths);
        const requirements = pathRequirements(paths, lever);
        const targetMonth = decemberOffset(monthIndexOf(paths.base.baselineDate), paths.base.breakEvenTargetYear);
        const shifted = new Float64Array(HORIZON_MONTHS + 1);
        let invalid = 0;
        let mismatches = 0;
        for (let i = 0; i < n; i++) {
          const inputs = paths.load(i, lever);
          if (inputs === null) {
            invalid++;
            if (!Number.isNaN(sim.runwayMonths[i]!) || !Number.isNaN(sim.valuePerShareHkd[i]!) || !Number.isNaN(requirements.extraFunding[i]!) || !Number.isNaN(requirements.burnCutCashOut[i]!)) mismatches++;
            continue;
          }
          const p = project(inputs, HORIZON_MONTHS, allocateProjection());
          const be = firstBreakEvenMonth(p);
          const expected = [
            walkCash(p) ?? Infinity,
            be ?? Infinity,
            valuePerShareHkd(firm, inputs, paths.market, p),
            fundingNeeded(p.cash, p.financing, HORIZON_MONTHS, be),
            burnCutToBreakEvenBy(p, Math.min(targetMonth, HORIZON_MONTHS)),
            burnCutToOutlast(p, shifted)
          ];
          const got = [sim.runwayMonths[i]!, sim.breakEvenMonths[i]!, sim.valuePerShareHkd[i]!, requirements.extraFunding[i]!, requirements.burnCutBreakEven[i]!, requirements.burnCutCashOut[i]!];
          if (!expected.every((x, k) => same(x, got[k]!))) mismatches++;
        }
        expect(mismatches, `${firm} ${lever?.lever ?? "no lever"}`).toBe(0);
        expect(sim.invalidPaths).toBe(invalid);
        // Some paths of each kind: the test covers the branches it claims to.
        expect(invalid).toBeLessThan(n);
      }
    }
  });

  it("sums the DCF's years the way forecastFromProjection does, also when the valuation date is the baseline (year 0 all before it)", () => {
    // A December baseline with a January listing: the valuation month is 0.
    for (const dates of [{baselineDate: "2025-12-31", ipoDate: "2026-01-08"}, {baselineDate: "2025-09-30", ipoDate: "2026-01-08"}, {baselineDate: "2024-03-31", ipoDate: "2026-01-08"}]) {
      const firm = {...base.firms.minimax, ...dates};
      const scenario = {...wideRanges("minimax", 0.3), firms: {...base.firms, minimax: firm}};
      const paths = new FirmPaths(scenario, "minimax", 300, 4);
      const block = new PathBlock(firm, HORIZON_MONTHS, false);
      block.run(300, (j) => paths.load(j));
      expect(block.valuationMonth).toBe(valuationMonth(firm));
      if (dates.baselineDate === "2025-12-31") expect(block.valuationMonth).toBe(0);
      for (let j = 0; j < 300; j++) {
        const inputs = paths.load(j);
        if (inputs === null) continue;
        const p = project(inputs);
        const v = block.valuationMonth;
        const forecast = forecastFromProjection(p, v);
        for (let year = 0; year <= 10; year++) {
          expect(block.revenueByYear[year * BLOCK_PATHS + j]).toBe(forecast.revenue[year]);
          expect(block.incomeByYear[year * BLOCK_PATHS + j]).toBe(forecast.operatingIncome[year]);
        }
        expect(block.nolAtValuation[j]).toBe(nolAtValuation(inputs, p, v));
      }
    }
  });

  it("a goal seek's stopped run gives each path the verdict of the whole horizon, from the same months", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<FirmId>("zhipu", "minimax"),
        fc.double({min: 0.05, max: 1.5, noNaN: true}),
        fc.integer({min: 1, max: 1000}),
        fc.constantFrom("2026-03-31", "2027-06-30", "2029-12-31", "2035-01-31"),
        fc.integer({min: -6, max: HORIZON_MONTHS + 6}),
        (firm, share, seed, laterRaiseDate, targetMonth) => {
          const wide = wideRanges(firm, share);
          // Raises before, around and long after break-even: a dip bridged by a later raise must be seen.
          const scenario = {...wide, firms: {...wide.firms, [firm]: {...wide.firms[firm], laterRaiseDate}}};
          const size = 300;
          const paths = new FirmPaths(scenario, firm, size, seed);
          const full = new PathBlock(paths.base, HORIZON_MONTHS, false);
          const cashOut = new PathBlock(paths.base, HORIZON_MONTHS, false);
          const breakEven = new PathBlock(paths.base, HORIZON_MONTHS, false);
          full.run(size, (j) => paths.load(j));
          cashOut.run(size, (j) => paths.load(j), {kind: "cash-out"});
          breakEven.run(size, (j) => paths.load(j), {kind: "break-even", lastMonth: targetMonth});
          const whole = allocateProjection();
          const stopped = allocateProjection();
          let early = 0;
          for (let j = 0; j < size; j++) {
            if (full.valid[j] === 0) continue;
            const be = full.breakEvenMonth[j]! > 0 ? full.breakEvenMonth[j]! : Infinity;
            const outlasts = (walkCash(full.copyPath(j, whole)) ?? Infinity) >= be;
            // A path stopped where its cash ends below zero has not reached break-even; one that has, has the same month.
            const stoppedBe = cashOut.breakEvenMonth[j]! > 0 ? cashOut.breakEvenMonth[j]! : Infinity;
            if (stoppedBe !== Infinity) expect(stoppedBe).toBe(be);
            expect((walkCash(cashOut.copyPath(j, stopped)) ?? Infinity) >= stoppedBe, `path ${j}`).toBe(outlasts);
            expect(cashOut.runwayOf(j), `path ${j}`).toBe(walkCash(cashOut.copyPath(j, stopped)) ?? Infinity);
            expect(full.runwayOf(j), `path ${j}`).toBe(walkCash(full.copyPath(j, whole)) ?? Infinity);
            expect(breakEven.breakEvenMonth[j]! > 0, `path ${j}`).toBe(be <= targetMonth);
            if (cashOut.lastMonth[j]! < HORIZON_MONTHS) early++;
            for (let t = 0; t <= cashOut.lastMonth[j]!; t++) expect(cashOut.cash[t * BLOCK_PATHS + j]).toBe(full.cash[t * BLOCK_PATHS + j]);
          }
          // The stop is a saving only if some paths stop early (most break even within the horizon here).
          expect(early).toBeGreaterThan(0);
        }
      ),
      {numRuns: 20}
    );
  });

  it("finds each path's runway as walkCash does: dips bridged by the IPO, a raise, both in one month, operations, or nothing", () => {
    // Month k after the baseline (2025-09-30) as a date: financing lands before, at and long after a dip.
    const monthAfter = (k: number) => {
      const m = 9 + k - 1;
      return `${2025 + Math.floor(m / 12)}-${String((((m % 12) + 12) % 12) + 1).padStart(2, "0")}-15`;
    };
    const arbDipping = fc
      .record({
        cashNow: fc.double({min: -60, max: 400, noNaN: true}),
        burnNow: fc.double({min: 0, max: 40, noNaN: true}),
        growthStart: fc.double({min: 0, max: 3, noNaN: true}),
        growthFadeYears: fc.constantFrom(0, 2, 5),
        grossMarginTarget: fc.double({min: 0.2, max: 0.9, noNaN: true}),
        marginYears: fc.constantFrom(0, 1, 4),
        ipoMonth: fc.integer({min: -3, max: HORIZON_MONTHS + 3}),
        ipoNetProceeds: fc.constantFrom(0, 30, 600),
        raiseMonth: fc.integer({min: -3, max: HORIZON_MONTHS + 3}),
        laterRaise: fc.constantFrom(0, 100, 2000),
        sameMonth: fc.boolean()
      })
      .map(({ipoMonth, raiseMonth, sameMonth, ...rest}) => flatFirm({...rest, ipoDate: monthAfter(ipoMonth), laterRaiseDate: monthAfter(sameMonth ? ipoMonth : raiseMonth)}));
    const scratch = allocateProjection();
    let dipped = 0;
    let bridged = 0;
    fc.assert(
      fc.property(fc.oneof(arbDipping, arbFirm), (firm) => {
        const full = new PathBlock(firm, HORIZON_MONTHS, false);
        full.run(1, () => firm);
        const walked = walkCash(project(firm), () => bridged++) ?? Infinity;
        expect(full.runwayOf(0)).toBe(walked);
        if (walked !== Infinity) dipped++;
        const stopped = new PathBlock(firm, HORIZON_MONTHS, false);
        stopped.run(1, () => firm, {kind: "cash-out"});
        expect(stopped.runwayOf(0)).toBe(walkCash(stopped.copyPath(0, scratch)) ?? Infinity);
      }),
      {numRuns: 600}
    );
    // Not vacuous: many paths run out, and many have a gap that financing or operations repair.
    expect(dipped).toBeGreaterThan(100);
    expect(bridged).toBeGreaterThan(50);
  });

  it("goal shares count the same paths as the simulation", () => {
    const scenario = wideRanges("zhipu", 0.4);
    const n = BLOCK_PATHS + 17;
    const paths = new FirmPaths(scenario, "zhipu", n, 9);
    const lever: Lever = {lever: "extraFunding", value: 1000};
    const sim = simulateFirm(scenario, "zhipu", {paths: n, seed: 9, lever}, paths);
    const cashOut = goalShare(paths, lever, "cash-out");
    expect(1 - cashOut.p).toBe(sim.probabilities.cashOutBeforeBreakEven.p);
    expect(goalShare(paths, lever, "break-even").p).toBe(sim.probabilities.breakEvenByTarget.p);
  });
});
