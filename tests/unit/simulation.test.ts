// The Monte Carlo engine: no ranges gives the deterministic answers on every path; a case with a
// closed form (a uniform burn on a flat firm); the same seed gives the same bits; the cash bands
// against simple-statistics' quantiles on the same paths; probabilities with their standard errors.
import {quantile as ssQuantile} from "simple-statistics";
import {describe, expect, it} from "vitest";
import {computeFirm} from "../../src/lib/results.ts";
import {project} from "../../src/lib/projection.ts";
import fc from "fast-check";
import {allFieldPaths, FIRMS, plausibleRange} from "../../src/lib/fields.ts";
import {applyOverrides, type Scenario} from "../../src/lib/schema.ts";
import type {FieldIssue} from "../../src/lib/issues.ts";
import {firmSimulator, simulate, simulateFirm, sortedNumbers, sortedQuantiles, type FirmSimulation} from "../../src/lib/simulation.ts";
import {BLOCK_PATHS} from "../../src/lib/pathBlock.ts";
import {canCarryRange, decodeUncertainty, firmSimulationKey} from "../../src/lib/uncertainty.ts";
import {halfYearHistogram, riskView} from "../../src/lib/riskView.ts";
import {monthIndexOf} from "../../src/lib/dates.ts";
import {DEFAULT_SIMULATION, type Uncertainty} from "../../src/lib/uncertainty.ts";
import {flatFirm, MARKET, presets} from "./helpers.ts";

const base = presets.get("base")!;
const withUncertainty = (u: Partial<Uncertainty>) => ({...base, uncertainty: {ranges: {}, correlations: [], simulation: DEFAULT_SIMULATION, ...u}});

describe("the Monte Carlo engine", () => {
  it("with no ranges, every path is the deterministic result", () => {
    const r = simulate(withUncertainty({}), {paths: 50, seed: 3});
    for (const firm of ["zhipu", "minimax"] as const) {
      const det = computeFirm(firm, base.firms[firm], base.market);
      const sim = r.firms[firm];
      for (let i = 0; i < 50; i++) {
        expect(sim.runwayMonths[i]).toBe(det.runway.months ?? Infinity);
        expect(sim.breakEvenMonths[i]).toBe(det.breakEven.months ?? Infinity);
        expect(sim.valuePerShareHkd[i]).toBe(det.valuation.valuePerShareHkd);
      }
      expect(sim.cash.p50[24]).toBeCloseTo(det.projection.cash[24]!, 6);
    }
  });

  it("a uniform burn on a flat firm gives runway quantiles in closed form: cash ÷ burn", () => {
    // Cash 1,000, burn uniform in [20, 40], nothing else moving: runway = 1000 ÷ burn, so its q-quantile is 1000 ÷ (40 − 20q).
    const flat = flatFirm({cashNow: 1000, revenueRunRate: 0, baselineDate: "2025-09-30"});
    const scenario = {...base, firms: {...base.firms, minimax: flat}, uncertainty: {ranges: {"minimax.burnNow": {distribution: "uniform" as const, low: 20, high: 40}}, correlations: [], simulation: DEFAULT_SIMULATION}};
    const r = simulate(scenario, {paths: 20_000, seed: 1});
    const qs = [0.05, 0.25, 0.5, 0.75, 0.95];
    const got = sortedQuantiles(sortedNumbers(r.firms.minimax.runwayMonths), qs);
    // At 20,000 paths an empirical quantile of the burn is within about 0.25% of its true value (one standard error).
    qs.forEach((q, i) => expect(Math.abs(got[i]! / (1000 / (40 - 20 * q)) - 1)).toBeLessThan(0.01));
    // P(cash out before break-even) is 1: the flat firm never breaks even.
    expect(r.firms.minimax.probabilities.cashOutBeforeBreakEven).toEqual({p: 1, standardError: 0});
  });

  it("the same seed gives the same numbers, bit for bit; another seed does not", () => {
    const a = simulate(base, {paths: 2000, seed: 7});
    const b = simulate(base, {paths: 2000, seed: 7});
    const c = simulate(base, {paths: 2000, seed: 8});
    for (const firm of ["zhipu", "minimax"] as const) {
      expect(b.firms[firm].valuePerShareHkd).toEqual(a.firms[firm].valuePerShareHkd);
      expect(b.firms[firm].cash.p50).toEqual(a.firms[firm].cash.p50);
      expect(c.firms[firm].valuePerShareHkd).not.toEqual(a.firms[firm].valuePerShareHkd);
    }
  });

  it("reports standard errors that match the spread of its estimates from seed to seed", () => {
    // 150 seeds of 1,000 paths: the sd of the estimates over the mean reported √(p(1 − p)/n) is within
    // ±11% of 1 by chance alone (95%). Iman–Conover fixes the sampled rank correlations, which makes
    // the true spread a few per cent smaller than the formula (measured: 0.90–0.99 at 700 seeds);
    // a formula off by a factor (a wrong n, a missing square root) lands far outside.
    const seeds = 150;
    const estimates = Array.from({length: seeds}, (_, k) => simulate(base, {paths: 1000, seed: k + 1}));
    for (const [firm, measure] of [["zhipu", "cashOutBeforeBreakEven"], ["zhipu", "valueAbovePrice"], ["minimax", "valueAbovePrice"]] as const) {
      const ps = estimates.map((r) => r.firms[firm].probabilities[measure].p);
      const reported = estimates.map((r) => r.firms[firm].probabilities[measure].standardError);
      const mean = ps.reduce((a, b) => a + b, 0) / seeds;
      const sd = Math.sqrt(ps.reduce((a, p) => a + (p - mean) ** 2, 0) / (seeds - 1));
      const ratio = sd / (reported.reduce((a, b) => a + b, 0) / seeds);
      expect(ratio, `${firm} ${measure}`).toBeGreaterThan(0.75);
      expect(ratio, `${firm} ${measure}`).toBeLessThan(1.2);
    }
  });

  it("cash bands agree with simple-statistics' quantiles on the same paths, within one histogram bin", () => {
    const paths = 5000;
    const r = simulate(base, {paths, seed: 11});
    // Recompute every path's cash the slow way, from the drawn inputs.
    const zhipu = {...base.firms.zhipu} as Record<string, unknown>;
    const byMonth: number[][] = Array.from({length: 181}, () => []);
    for (let i = 0; i < paths; i++) {
      r.firms.zhipu.inputs.forEach((path, k) => {
        if (path.startsWith("zhipu.")) zhipu[path.slice(6)] = r.firms.zhipu.draws[k]![i];
      });
      const p = project(zhipu as unknown as typeof base.firms.zhipu);
      for (let t = 0; t <= 180; t++) byMonth[t]!.push(p.cash[t]!);
    }
    for (const t of [0, 6, 12, 24, 60, 120, 180]) {
      const values = byMonth[t]!;
      const span = Math.max(...values) - Math.min(...values);
      for (const [q, band] of [[0.05, r.firms.zhipu.cash.p5], [0.5, r.firms.zhipu.cash.p50], [0.95, r.firms.zhipu.cash.p95]] as const) {
        expect(Math.abs(band[t]! - ssQuantile(values, q)), `month ${t}, q ${q}`).toBeLessThanOrEqual((2 * span) / 4096 + 1e-9 * Math.abs(band[t]!) + 1e-9);
      }
    }
  });

  it("probabilities carry their standard error √(p(1 − p) ÷ N)", () => {
    const r = simulate(base, {paths: 4000, seed: 5});
    const {p, standardError} = r.firms.zhipu.probabilities.cashOutBeforeBreakEven;
    expect(standardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / 4000), 15);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it("keeps rank correlations: growth and target margin move together as the defaults say", () => {
    const r = simulate(base, {paths: 20_000, seed: 2});
    const g = r.firms.zhipu.draws[r.firms.zhipu.inputs.indexOf("zhipu.growthStart")]!;
    const m = r.firms.zhipu.draws[r.firms.zhipu.inputs.indexOf("zhipu.grossMarginTarget")]!;
    const rank = (x: Float64Array) => {
      const order = Array.from(x.keys()).sort((a, b) => x[a]! - x[b]!);
      const ranks = new Float64Array(x.length);
      order.forEach((idx, r) => (ranks[idx] = r));
      return ranks;
    };
    const [rg, rm] = [rank(g), rank(m)];
    const n = g.length;
    const mean = (n - 1) / 2;
    let cov = 0;
    let varg = 0;
    for (let i = 0; i < n; i++) {
      cov += (rg[i]! - mean) * (rm[i]! - mean);
      varg += (rg[i]! - mean) ** 2;
    }
    expect(Math.abs(cov / varg - 0.4)).toBeLessThan(0.02);
  });
});

describe("the Risk page's view of a simulation", () => {
  it("the convergence's last point is the probability itself, and each histogram's shares add up to 1", () => {
    const s = simulateFirm(base, "zhipu", {paths: 3000, seed: 4});
    const view = riskView({paths: 3000, seed: 4}, s, base.firms.zhipu, 180, 0);
    expect(view.convergence.paths).toEqual([1000, 2000, 3000]);
    expect(view.convergence.cashOutBeforeBreakEven.at(-1)).toBe(view.probabilities.cashOutBeforeBreakEven.p);
    expect(view.convergence.breakEvenByTarget.at(-1)).toBe(view.probabilities.breakEvenByTarget.p);
    expect(view.convergence.valueAbovePrice.at(-1)).toBe(view.probabilities.valueAbovePrice.p);
    for (const h of [view.runwayHistogram, view.breakEvenHistogram, view.valueHistogram]) {
      const total = h.bins.reduce((a, b) => a + b.share, 0) + h.never + h.below + h.above;
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it("runway and break-even are binned by calendar half-year, a break-even month by the half-year it lies in", () => {
    const june2025 = monthIndexOf("2025-06-30");
    // Month 18 after a June 2025 baseline is December 2026: it lies before the end of 2026 (elapsed 18),
    // in the bar from the end of June 2026 (12) to the end of December (18); month 19, January 2027, after it.
    const months = halfYearHistogram(new Float64Array([18, 19, 1, Infinity, Number.NaN]), june2025, 180, "month");
    expect(months.bins[0]).toEqual({x0: 0, x1: 6, share: 0.25});
    expect(months.bins.find((b) => b.x1 === 18)!.share).toBe(0.25);
    expect(months.bins.find((b) => b.x0 === 18)!.share).toBe(0.25);
    expect(months.never).toBe(0.25);
    // A runway of 17.4 months ends during December 2026 (the eighteenth month); one of 18, at its end.
    const elapsed = halfYearHistogram(new Float64Array([17.4, 18]), june2025, 180, "elapsed");
    expect(elapsed.bins.find((b) => b.x1 === 18)!.share).toBe(0.5);
    expect(elapsed.bins.find((b) => b.x0 === 18)!.share).toBe(0.5);
    // A September baseline: the edges still fall at the ends of Decembers and Junes (3 months on, 9, …),
    // the first starting before the baseline, the last at or after the horizon.
    const september = monthIndexOf("2025-09-30");
    const h = halfYearHistogram(new Float64Array([1]), september, 180, "elapsed");
    expect(h.bins[0]!.x0).toBe(-3);
    for (const b of h.bins) expect([5, 11]).toContain((september + b.x0) % 12);
    expect(h.bins.at(-1)!.x1).toBeGreaterThanOrEqual(180);
    expect(h.bins[0]!.share).toBe(1);
  });

  it("the break-even histogram's bars before the target line add up to P(break-even by the target year)", () => {
    for (const id of ["management-targets", "base"]) {
      const scenario = presets.get(id)!;
      for (const firm of FIRMS) {
        const s = simulateFirm(scenario, firm, {paths: 4000, seed: 2});
        const view = riskView({paths: 4000, seed: 2}, s, scenario.firms[firm], 180, 0);
        const targetEdge = scenario.firms[firm].breakEvenTargetYear * 12 + 11 - monthIndexOf(scenario.firms[firm].baselineDate);
        const before = view.breakEvenHistogram.bins.filter((b) => b.x1 <= targetEdge).reduce((a, b) => a + b.share, 0);
        expect(view.breakEvenHistogram.bins.some((b) => b.x0 === targetEdge)).toBe(true);
        expect(before).toBeCloseTo(view.probabilities.breakEvenByTarget.p, 12);
      }
    }
  });

  it("a firm simulated alone gives the same bits as in simulate (so the two workers match the runner)", () => {
    const both = simulate(base, {paths: 1500, seed: 6});
    const alone = simulateFirm(base, "minimax", {paths: 1500, seed: 6});
    expect(alone.valuePerShareHkd).toEqual(both.firms.minimax.valuePerShareHkd);
    expect(alone.cash.p50).toEqual(both.firms.minimax.cash.p50);
  });
});

describe("a simulation in steps (what a worker runs, looking at its messages between steps)", () => {
  // Its bits: simulateFirm is its loop, and tests/unit/pathBlock.test.ts checks every per-path answer of
  // the simulation against the scalar engine's.
  it("draws an input per step, then projects a block per step, and has no result before the last", () => {
    const paths = 2 * BLOCK_PATHS + 123;
    for (const firm of FIRMS) {
      const simulator = firmSimulator(base, firm, {paths, seed: 5});
      expect(() => simulator.result()).toThrow(/not finished/);
      let steps = 1;
      while (simulator.step()) steps++;
      const inputs = Object.keys(base.uncertainty!.ranges).filter((p) => p.startsWith(`${firm}.`)).length;
      // One step per input drawn, one that finishes the draws (the correlations), one per block.
      expect(steps).toBe(inputs + 1 + 3);
      expect(simulator.step()).toBe(false);
      expect(simulator.result().runwayMonths).toHaveLength(paths);
    }
  });
});

describe("a firm's simulation key", () => {
  const SEED = 3;
  const PATHS = 300;
  const key = (s: Scenario, firm: (typeof FIRMS)[number]) => firmSimulationKey(s, firm, PATHS, SEED);
  /** Every per-path answer and band of a firm's simulation, as bytes. */
  const bits = (r: FirmSimulation) =>
    [r.runwayMonths, r.breakEvenMonths, r.valuePerShareHkd, r.cash.p5, r.cash.p50, r.cash.p95, ...r.draws].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64")).join("|");
  const run = (s: Scenario, firm: (typeof FIRMS)[number]) => bits(simulateFirm(s, firm, {paths: PATHS, seed: SEED}));

  it("an edit of one firm's range leaves the other's key and numbers; a range on an exchange rate moves both", () => {
    const issues: FieldIssue[] = [];
    const edit = (param: string, text: string): Scenario => ({...base, uncertainty: decodeUncertainty(new Map([[param, text]]), base.uncertainty!, issues)});
    const zhipuBurn = edit("range.zhipu.burnNow", "uniform(150,250)");
    expect(key(zhipuBurn, "minimax")).toBe(key(base, "minimax"));
    expect(run(zhipuBurn, "minimax")).toBe(run(base, "minimax"));
    expect(key(zhipuBurn, "zhipu")).not.toBe(key(base, "zhipu"));
    const fx = edit("range.market.usdHkd", "uniform(7.7,7.9)");
    for (const firm of FIRMS) expect(key(fx, firm)).not.toBe(key(base, firm));
    expect(issues).toEqual([]);
  });

  it("is sound: whenever an edit leaves a firm's key, it leaves every bit of that firm's simulation", () => {
    const numberPaths = allFieldPaths().filter(canCarryRange);
    const edit = fc.oneof(
      fc.record({kind: fc.constant("field" as const), path: fc.constantFrom(...numberPaths), at: fc.double({min: 0, max: 1, noNaN: true})}),
      fc.record({kind: fc.constant("range" as const), path: fc.constantFrom(...numberPaths), at: fc.double({min: 0, max: 0.5, noNaN: true})}),
      fc.record({kind: fc.constant("fixed" as const), path: fc.constantFrom(...Object.keys(base.uncertainty!.ranges))}),
      fc.record({kind: fc.constant("corr" as const), keep: fc.subarray(base.uncertainty!.correlations)})
    );
    let unchangedSeen = 0;
    fc.assert(
      fc.property(edit, (e) => {
        let scenario: Scenario = base;
        const issues: FieldIssue[] = [];
        if (e.kind === "field") {
          const [lo, hi] = plausibleRange(e.path)!;
          scenario = applyOverrides(base, [[e.path, lo + (hi - lo) * e.at]]).scenario;
        } else {
          const text = e.kind === "corr" ? (e.keep.length ? e.keep.map((c) => c.join(",")).join(";") : "none") : e.kind === "fixed" ? "fixed" : (() => {
            const [lo, hi] = plausibleRange(e.path)!;
            return `uniform(${lo + (hi - lo) * e.at},${hi - (hi - lo) * e.at})`;
          })();
          scenario = {...base, uncertainty: decodeUncertainty(new Map([[e.kind === "corr" ? "corr" : `range.${e.path}`, text]]), base.uncertainty!, issues)};
        }
        for (const firm of FIRMS) {
          if (key(scenario, firm) !== key(base, firm)) continue;
          unchangedSeen++;
          expect(run(scenario, firm)).toBe(run(base, firm));
        }
      }),
      {numRuns: 60, seed: 11}
    );
    // Most edits touch one firm: the other's key stays, so the property is not vacuous.
    expect(unchangedSeen).toBeGreaterThan(20);
  });
});

describe("path blocks and histograms reused from run to run", () => {
  const finish = (s: ReturnType<typeof firmSimulator>) => {
    while (s.step());
    return s.result();
  };
  const same = (a: FirmSimulation, b: FirmSimulation) => {
    expect(a.runwayMonths).toEqual(b.runwayMonths);
    expect(a.breakEvenMonths).toEqual(b.breakEvenMonths);
    expect(a.valuePerShareHkd).toEqual(b.valuePerShareHkd);
    expect(a.cash).toEqual(b.cash);
  };
  const paths = 2 * BLOCK_PATHS + 17;

  it("give each run the bits it gets alone: another firm's dates, a run dropped midway, a run interleaved with another", () => {
    const alone = simulateFirm(base, "zhipu", {paths, seed: 4});
    // MiniMax's run ends first and gives its block back: Zhipu's takes it, with Zhipu's dates.
    simulateFirm(base, "minimax", {paths, seed: 4});
    same(simulateFirm(base, "zhipu", {paths, seed: 4}), alone);
    // A run dropped after one block never gives its block back; runs after it are unaffected.
    const dropped = firmSimulator(base, "minimax", {paths, seed: 9});
    while (dropped.step() && dropped.step());
    same(simulateFirm(base, "zhipu", {paths, seed: 4}), alone);
    // Two runs stepped in turn hold a block each.
    const a = firmSimulator(base, "zhipu", {paths, seed: 4});
    const b = firmSimulator(base, "minimax", {paths, seed: 4});
    let more = true;
    while (more) more = [a.step(), b.step()].some(Boolean);
    const first = a.result();
    same(first, alone);
    same(b.result(), simulateFirm(base, "minimax", {paths, seed: 4}));
    // A result read again after its block went to another run is the same object.
    simulateFirm(base, "zhipu", {paths, seed: 5});
    expect(a.result()).toBe(first);
  });
});

describe("sortedNumbers", () => {
  it("is the values without NaN, ascending, ±Infinity kept: the same as filter and sort", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-Infinity))), (xs) => {
        const values = Float64Array.from(xs);
        expect(Array.from(sortedNumbers(values))).toEqual(Array.from(values.filter((x) => !Number.isNaN(x)).sort()));
      })
    );
  });
});
