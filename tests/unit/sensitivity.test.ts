// Sensitivity: tornado swings and two-way grids. Hand-checked cases on a flat firm (runway = cash ÷
// burn), the order of the bars, the directions the model guarantees, the grid's targets against a
// direct computation, and no NaN for any preset.
import {describe, expect, it} from "vitest";
import {applyOverrides} from "../../src/lib/schema.ts";
import {firstBreakEvenMonth} from "../../src/lib/breakEven.ts";
import {FIRMS, plausibleRange, type FirmId, type FirmInputs} from "../../src/lib/fields.ts";
import {HORIZON_MONTHS, project} from "../../src/lib/projection.ts";
import {computeFirm} from "../../src/lib/results.ts";
import {cashPath} from "../../src/lib/runway.ts";
import type {Scenario} from "../../src/lib/schema.ts";
import {grid, SENSITIVITY_OUTPUTS, swingInputs, tornado, type Outcome} from "../../src/lib/sensitivity.ts";
import type {DistributionSpec} from "../../src/lib/distributions.ts";
import {valuePerShareHkd} from "../../src/lib/valuation.ts";
import {flatFirm, presets} from "./helpers.ts";

const base = presets.get("base")!;

/** The base preset with MiniMax replaced by `firm` and only the given ranges. */
function withFirm(firm: FirmInputs, ranges: Record<string, DistributionSpec>): Scenario {
  return {...base, firms: {...base.firms, minimax: firm}, uncertainty: {ranges, correlations: [], simulation: {paths: 1000, seed: 1}}};
}

const barOf = (s: Scenario, firm: FirmId, output: (typeof SENSITIVITY_OUTPUTS)[number], key: string) => tornado(s, firm).bars[output].find((b) => b.input.key === key)!;

describe("swing inputs", () => {
  it("are the firm's inputs with a range, low and high as written, in declaration order", () => {
    const swings = swingInputs(base, "zhipu");
    expect(swings.map((s) => s.key)).toEqual(["cashNow", "burnNow", "growthStart", "grossMarginTarget", "opexGrowth", "costOfCapital"]);
    const burn = swings.find((s) => s.key === "burnNow")!;
    expect([burn.low, burn.high, burn.current, burn.basis]).toEqual([136.7, 300, base.firms.zhipu.burnNow, "range"]);
    // A triangular or PERT range swings from its low to its high, not to its mode.
    const growth = swings.find((s) => s.key === "growthStart")!;
    expect([growth.low, growth.high]).toEqual([0.65, 1.6]);
    expect(swingInputs(base, "minimax").every((s) => s.path.startsWith("minimax."))).toBe(true);
  });

  it("are clamped to the field's limits (a normal's 90% interval may reach below zero)", () => {
    const s = withFirm(flatFirm(), {"minimax.burnNow": {distribution: "normal", low: -10, high: 40}});
    const [burn] = swingInputs(s, "minimax");
    expect([burn!.low, burn!.high]).toEqual([0, 40]);
  });

  it("fall back to the headline inputs across their plausible ranges when the firm has no range", () => {
    for (const s of [withFirm(flatFirm(), {"zhipu.burnNow": {distribution: "uniform", low: 100, high: 200}}), {...base, uncertainty: undefined}]) {
      const swings = swingInputs(s, "minimax");
      expect(swings.map((x) => x.key)).toEqual(["burnNow", "growthStart", "grossMarginTarget", "opexGrowth"]);
      for (const x of swings) {
        expect(x.basis).toBe("plausible");
        expect([x.low, x.high]).toEqual(plausibleRange(x.path));
      }
      expect(tornado(s, "minimax").basis).toBe("plausible");
    }
    expect(tornado(base, "minimax").basis).toBe("range");
  });
});

describe("tornado", () => {
  // Cash 1,046.2, burn swung from 20 to 40 a month, nothing else moving: runway = cash ÷ burn.
  const flat = withFirm(flatFirm(), {"minimax.burnNow": {distribution: "uniform", low: 20, high: 40}});

  it("gives the runway at each end of the burn exactly (a flat firm's runway is cash ÷ burn)", () => {
    const bar = barOf(flat, "minimax", "runway", "burnNow");
    expect(bar.low.value).toBeCloseTo(1046.2 / 20, 9);
    expect(bar.high.value).toBeCloseTo(1046.2 / 40, 9);
    expect(bar.swing).toBeCloseTo(1046.2 / 20 - 1046.2 / 40, 9);
    const t = tornado(flat, "minimax");
    expect(t.current.runway.value).toBeCloseTo(1046.2 / 27.9, 9);
  });

  it("says 'never' honestly: null, plotted at the horizon and flagged", () => {
    const t = tornado(flat, "minimax");
    // A flat firm never breaks even; with no burn its cash never runs out.
    expect(t.current.breakEven).toEqual({value: null, plotted: HORIZON_MONTHS, beyond: true});
    const zero = withFirm(flatFirm(), {"minimax.burnNow": {distribution: "uniform", low: 0, high: 40}});
    expect(barOf(zero, "minimax", "runway", "burnNow").low).toEqual({value: null, plotted: HORIZON_MONTHS, beyond: true});
    expect(t.horizonMonth).toBe("2040-09"); // baseline Sep 2025 + 180 months
  });

  it("swings an exchange rate with a range too: the value per share moves as the pages' results do, runway and break-even not at all", () => {
    const s: Scenario = {...base, uncertainty: {...base.uncertainty!, ranges: {...base.uncertainty!.ranges, "market.usdHkd": {distribution: "uniform", low: 7.7, high: 7.9}}}};
    for (const firm of FIRMS) {
      const swing = swingInputs(s, firm).at(-1)!;
      expect([swing.path, swing.market, swing.low, swing.high, swing.current]).toEqual(["market.usdHkd", true, 7.7, 7.9, base.market.usdHkd]);
      const t = tornado(s, firm);
      const bar = (output: (typeof SENSITIVITY_OUTPUTS)[number]) => t.bars[output].find((b) => b.input.path === "market.usdHkd")!;
      for (const end of ["low", "high"] as const) {
        expect(bar("value")[end].value).toBe(computeFirm(firm, base.firms[firm], {...base.market, usdHkd: swing[end]}).valuation.valuePerShareHkd);
      }
      expect(bar("value").swing).toBeGreaterThan(0);
      expect([bar("runway").swing, bar("breakEven").swing]).toEqual([0, 0]);
    }
    // The RMB rate moves Zhipu's value (it reports in renminbi), not MiniMax's (in dollars).
    const rmb: Scenario = {...base, uncertainty: {...base.uncertainty!, ranges: {...base.uncertainty!.ranges, "market.usdRmb": {distribution: "uniform", low: 6.8, high: 7.4}}}};
    expect(swingInputs(rmb, "zhipu").some((x) => x.path === "market.usdRmb")).toBe(true);
    expect(swingInputs(rmb, "minimax").some((x) => x.path === "market.usdRmb")).toBe(false);
    // A firm with no range of its own falls back to its headline inputs, whatever the rates carry.
    const only: Scenario = {...base, uncertainty: {ranges: {"market.usdRmb": {distribution: "uniform", low: 6.8, high: 7.4}}, correlations: [], simulation: {paths: 1000, seed: 1}}};
    expect(swingInputs(only, "zhipu").every((x) => x.basis === "plausible" && !x.market)).toBe(true);
  });

  it("holds the current answers of the scenario, the same as the pages' results", () => {
    for (const firm of FIRMS) {
      const t = tornado(base, firm);
      const r = computeFirm(firm, base.firms[firm], base.market);
      expect(t.current.runway.value).toBe(r.runway.months);
      expect(t.current.breakEven.value).toBe(r.breakEven.months);
      expect(t.current.value.value).toBe(r.valuation.valuePerShareHkd);
    }
  });

  it("sorts the bars of each answer by swing, largest first", () => {
    for (const [name, s] of presets) {
      for (const firm of FIRMS) {
        const t = tornado(s, firm);
        for (const output of SENSITIVITY_OUTPUTS) {
          const bars = t.bars[output];
          expect(bars.length, `${name} ${firm}`).toBe(t.swings.length);
          for (const b of bars) expect(b.swing).toBe(Math.abs(b.high.plotted - b.low.plotted));
          for (let k = 1; k < bars.length; k++) expect(bars[k - 1]!.swing).toBeGreaterThanOrEqual(bars[k]!.swing);
        }
      }
    }
    // Zhipu in the base case: its burn (RMB 136.7M–300M) moves the runway most; growth moves value most.
    expect(tornado(base, "zhipu").bars.runway[0]!.input.key).toBe("burnNow");
    expect(tornado(base, "zhipu").bars.value[0]!.input.key).toBe("growthStart");
  });

  it("runs in the directions the model guarantees: more burn never lengthens the runway; more growth never delays break-even (base)", () => {
    for (const [name, s] of presets) {
      for (const firm of FIRMS) {
        const burn = barOf(s, firm, "runway", "burnNow");
        expect(burn.high.plotted, `${name} ${firm}`).toBeLessThanOrEqual(burn.low.plotted);
      }
    }
    for (const firm of FIRMS) {
      const growth = barOf(base, firm, "breakEven", "growthStart");
      expect(growth.high.plotted).toBeLessThanOrEqual(growth.low.plotted);
      // Along the grid too: each burn row's break-even comes no later as growth rises; each growth column's runway no longer as burn rises.
      const g = grid(base, firm, `${firm}.growthStart`, `${firm}.burnNow`, "breakEven");
      const r = grid(base, firm, `${firm}.growthStart`, `${firm}.burnNow`, "runway");
      const n = g.x.values.length;
      for (let i = 0; i < n; i++) {
        for (let j = 1; j < n; j++) {
          expect(g.cells[j * n + i]!.outcome!.plotted).toBeLessThanOrEqual(g.cells[(j - 1) * n + i]!.outcome!.plotted);
          expect(r.cells[i * n + j]!.outcome!.plotted).toBeLessThanOrEqual(r.cells[i * n + j - 1]!.outcome!.plotted);
        }
      }
    }
  });

  it("skips a swing whose inputs do not fit together, and says why", () => {
    // A gross loss of 71.25 ÷ 12 × 0.5 ≈ 2.97 a month: a burn below it would mean negative cash costs.
    const lossy = withFirm(flatFirm({grossMarginNow: -0.5, grossMarginTarget: -0.5}), {"minimax.burnNow": {distribution: "uniform", low: 0, high: 40}, "minimax.cashNow": {distribution: "uniform", low: 500, high: 1500}});
    const t = tornado(lossy, "minimax");
    expect(t.skipped).toEqual([expect.objectContaining({end: "low", value: 0, reason: expect.stringMatching(/cash costs would be negative/)})]);
    expect(t.bars.runway.map((b) => b.input.key)).toEqual(["cashNow"]);
    const cells = grid(lossy, "minimax", "minimax.growthStart", "minimax.burnNow", "runway", 5).cells;
    expect(cells.filter((c) => c.problem !== null).every((c) => c.y < 71.25 / 12 / 2 && c.met === null && c.outcome === null)).toBe(true);
    expect(cells.some((c) => c.problem !== null)).toBe(true);
  });
});

describe("grids", () => {
  it("span each axis' range in n even steps, widened to hold the scenario's own value", () => {
    const g = grid(base, "zhipu", "zhipu.growthStart", "zhipu.burnNow", "runway");
    expect(g.x.values).toHaveLength(21);
    expect(g.cells).toHaveLength(21 * 21);
    expect([g.x.values[0], g.x.values[20], g.y.values[0], g.y.values[20]]).toEqual([0.65, 1.6, 136.7, 300]);
    expect(g.x.values[1]).toBe(0.6975); // rounded past the step, so a link reads cleanly
    // A link that puts Zhipu's growth at 500%, above the range's 160%: the axis reaches it.
    const m = applyOverrides(base, [["zhipu.growthStart", 5]]).scenario;
    const wide = grid(m, "zhipu", "zhipu.growthStart", "zhipu.costOfCapital", "value", 11);
    expect([wide.x.values[0], wide.x.values.at(-1)]).toEqual([0.65, m.firms.zhipu.growthStart]);
    expect(wide.current.x).toBe(m.firms.zhipu.growthStart);
    expect([wide.x.widened, wide.y.widened, g.x.widened]).toEqual([true, false, false]);
    // The management-targets preset's range follows its 500% (moved there with the default's width): no widening.
    const targets = grid(presets.get("management-targets")!, "zhipu", "zhipu.growthStart", "zhipu.costOfCapital", "value", 11);
    expect([targets.x.values[0], targets.x.values.at(-1), targets.x.widened]).toEqual([4.35, 5.3, false]);
  });

  it("marks the target met exactly where a direct computation says so", () => {
    const cases: [string, FirmId][] = [["base", "zhipu"], ["bear", "minimax"], ["bull", "zhipu"], ["management-targets", "minimax"]];
    for (const [name, firm] of cases) {
      const s = presets.get(name)!;
      const runwayGrid = grid(s, firm, `${firm}.growthStart`, `${firm}.burnNow`, "runway");
      const valueGrid = grid(s, firm, `${firm}.growthStart`, `${firm}.costOfCapital`, "value");
      for (const k of [0, 20, 110, 220, 300, 440]) {
        const cell = runwayGrid.cells[k]!;
        const inputs = {...s.firms[firm], growthStart: cell.x, burnNow: cell.y};
        const p = project(inputs);
        const runway = cashPath(p).runway.months;
        const be = firstBreakEvenMonth(p);
        expect(cell.outcome!.value).toBe(runway);
        expect(cell.met, `${name} ${firm} cell ${k}`).toBe(runway === null || (be !== null && be <= runway));
        const vCell = valueGrid.cells[k]!;
        const vInputs = {...s.firms[firm], growthStart: vCell.x, costOfCapital: vCell.y};
        const value = valuePerShareHkd(firm, vInputs, s.market, project(vInputs));
        expect(vCell.outcome!.value).toBe(value);
        expect(vCell.met).toBe(value >= vInputs.price);
      }
    }
    // Both answers occur on Zhipu's base runway grid, so the check above can fail.
    const mixed = grid(base, "zhipu", "zhipu.growthStart", "zhipu.burnNow", "runway").cells.map((c) => c.met);
    expect(mixed).toContain(true);
    expect(mixed).toContain(false);
  });

  it("gives the current point the scenario's own answer", () => {
    const g = grid(base, "minimax", "minimax.growthStart", "minimax.costOfCapital", "value");
    expect(g.current.outcome.value).toBe(computeFirm("minimax", base.firms.minimax, base.market).valuation.valuePerShareHkd);
    expect(g.current.met).toBe(g.current.outcome.value! >= base.firms.minimax.price);
  });
});

describe("every preset", () => {
  const finite = (o: Outcome) => Number.isFinite(o.plotted) && (o.value === null || Number.isFinite(o.value));
  it("gives no NaN or infinity in any bar, cell or axis", () => {
    for (const [name, s] of presets) {
      for (const firm of FIRMS) {
        const t = tornado(s, firm);
        expect(t.skipped, name).toEqual([]);
        for (const output of SENSITIVITY_OUTPUTS) {
          expect(finite(t.current[output]), `${name} ${firm} ${output}`).toBe(true);
          for (const b of t.bars[output]) expect(finite(b.low) && finite(b.high) && Number.isFinite(b.swing), `${name} ${firm} ${output} ${b.input.key}`).toBe(true);
        }
        for (const [y, output] of [["burnNow", "runway"], ["costOfCapital", "value"]] as const) {
          const g = grid(s, firm, `${firm}.growthStart`, `${firm}.${y}`, output);
          for (const v of [...g.x.values, ...g.y.values]) expect(Number.isFinite(v)).toBe(true);
          for (const c of g.cells) expect(c.outcome !== null && finite(c.outcome), `${name} ${firm} ${output} ${c.i},${c.j}`).toBe(true);
          expect(finite(g.current.outcome)).toBe(true);
        }
      }
    }
  });
});
