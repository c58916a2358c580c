// Ranges as part of the scenario: the default ranges, scenario files, share links, and bad input
// refused field by field with every valid part kept.
import {describe, expect, it} from "vitest";
import {shortened, type FieldIssue} from "../../src/lib/issues.ts";
import {resolveScenarioFile} from "../../src/lib/scenarios.ts";
import {decodeShareLink, encodeShareLink} from "../../src/lib/shareLink.ts";
import {allFieldPaths, fieldSpec} from "../../src/lib/fields.ts";
import {getField} from "../../src/lib/schema.ts";
import {validateDistribution} from "../../src/lib/distributions.ts";
import {correlationProblem} from "../../src/lib/correlation.ts";
import {canCarryRange, correlationMatrix, decodeUncertainty, formatRange, NO_UNCERTAINTY, parseRangeText, resolveUncertainty, suggestedRange, type Uncertainty} from "../../src/lib/uncertainty.ts";
import {baseline, presets} from "./helpers.ts";

const base = baseline.scenario;
const defaults = base.uncertainty!;

describe("the default ranges", () => {
  it("every preset carries them (moved to its own values): 11 ranges with a basis and rationale, 3 correlations, 100,000 paths from seed 1", () => {
    expect(Object.keys(defaults.ranges)).toHaveLength(11);
    expect(defaults.correlations).toHaveLength(3);
    expect(defaults.simulation).toEqual({paths: 100_000, seed: 1});
    for (const path of Object.keys(defaults.ranges)) expect(baseline.rangeProvenance[path]!.rationale.length).toBeGreaterThan(20);
    expect(presets.get("base")!.uncertainty).toEqual(defaults);
    for (const scenario of presets.values()) {
      expect(Object.keys(scenario.uncertainty!.ranges).sort()).toEqual(Object.keys(defaults.ranges).sort());
      expect({...scenario.uncertainty, ranges: {}}).toEqual({...defaults, ranges: {}});
    }
  });

  it("Zhipu's burn spans its three loss figures, per month; its target margin the article's 50–65% band", () => {
    expect(defaults.ranges["zhipu.burnNow"]).toEqual({distribution: "uniform", low: 136.7, high: 300});
    expect(defaults.ranges["zhipu.grossMarginTarget"]).toEqual({distribution: "uniform", low: 0.5, high: 0.65});
    expect(baseline.rangeProvenance["zhipu.burnNow"]!.facts).toContain("zhipu-loss-monthly-avg");
  });
});

describe("scenario files", () => {
  const file = (extra: object) => ({version: 1, name: "mine", title: "Mine", description: "d", ...extra});

  it("a file's uncertainty replaces the preset's ranges entirely; {} leaves nothing uncertain", () => {
    const {scenario, issues} = resolveScenarioFile(file({uncertainty: {"minimax.burnNow": {distribution: "uniform", low: 20, high: 40}}, simulation: {paths: 5000, seed: 7}}), base);
    expect(issues).toEqual([]);
    expect(scenario.uncertainty).toEqual({ranges: {"minimax.burnNow": {distribution: "uniform", low: 20, high: 40}}, correlations: [], simulation: {paths: 5000, seed: 7}});
    expect(resolveScenarioFile(file({uncertainty: {}}), base).scenario.uncertainty!.ranges).toEqual({});
  });

  it("the issue's example file is accepted as written", () => {
    const {scenario, issues} = resolveScenarioFile(
      file({
        uncertainty: {"minimax.burnNow": {distribution: "uniform", low: 20, high: 40}, "zhipu.growthStart": {distribution: "triangular", low: 0.6, mode: 1.3, high: 2.2}, "zhipu.grossMarginTarget": {distribution: "pert", low: 0.5, mode: 0.6, high: 0.65}},
        correlations: [["zhipu.growthStart", "zhipu.grossMarginTarget", 0.4]],
        simulation: {paths: 100000, seed: 1}
      }),
      base
    );
    expect(issues).toEqual([]);
    expect(scenario.uncertainty!.correlations).toEqual([["zhipu.growthStart", "zhipu.grossMarginTarget", 0.4]]);
  });

  it("refuses each bad part with a named reason and keeps every valid one", () => {
    const {scenario, issues} = resolveScenarioFile(
      file({
        uncertainty: {
          "minimax.burnNow": {distribution: "uniform", low: 40, high: 20},
          "zhipu.growthStart": {distribution: "triangular", low: 0.6, mode: 3, high: 2.2},
          "zhipu.opexGrowth": {distribution: "cauchy", low: 0, high: 1},
          "zhipu.ipoDate": {distribution: "uniform", low: 0, high: 1},
          "zhipu.breakEvenTargetYear": {distribution: "uniform", low: 2026, high: 2030},
          "minimax.reinvestmentLag": {distribution: "uniform", low: 0, high: 1},
          "acme.burnNow": {distribution: "uniform", low: 0, high: 1},
          "zhipu.costOfCapital": {distribution: "uniform", low: 0.08, high: 0.12}
        },
        correlations: [["zhipu.costOfCapital", "zhipu.burnNow", 0.3], ["zhipu.costOfCapital", "nobody.x", 0.1], ["zhipu.costOfCapital", "zhipu.costOfCapital", 0.5]],
        simulation: {paths: 2_000_000, seed: -1}
      }),
      base
    );
    const reasons = Object.fromEntries(issues.map((i) => [i.field, i.reason]));
    expect(reasons["uncertainty.minimax.burnNow"]).toMatch(/low \(40\) is above high \(20\)/);
    expect(reasons["uncertainty.zhipu.growthStart"]).toMatch(/mode \(3\) is outside/);
    expect(reasons["uncertainty.zhipu.opexGrowth"]).toMatch(/unknown distribution "cauchy"/);
    expect(reasons["uncertainty.zhipu.ipoDate"]).toMatch(/date input cannot carry a range/);
    expect(reasons["uncertainty.zhipu.breakEvenTargetYear"]).toMatch(/whole-number setting \(break-even target year\) cannot carry a range/);
    expect(reasons["uncertainty.minimax.reinvestmentLag"]).toMatch(/whole-number setting \(reinvestment lag\) cannot carry a range/);
    expect(reasons["uncertainty.acme.burnNow"]).toMatch(/unknown field/);
    expect(reasons["correlations[0]"]).toMatch(/zhipu.burnNow has no range/);
    expect(reasons["correlations[1]"]).toMatch(/nobody.x is not a field/);
    expect(reasons["correlations[2]"]).toMatch(/with itself/);
    expect(reasons["simulation.paths"]).toMatch(/at most 1,000,000/);
    expect(reasons["simulation.seed"]).toMatch(/non-negative whole number/);
    // The valid parts are kept.
    expect(scenario.uncertainty!.ranges).toEqual({"zhipu.costOfCapital": {distribution: "uniform", low: 0.08, high: 0.12}});
    expect(scenario.uncertainty!.simulation).toEqual({paths: 100_000, seed: 1});
  });

  it("repairs correlations that cannot all hold to the nearest valid set, with a notice", () => {
    const ranges = {"zhipu.growthStart": {distribution: "uniform", low: 1, high: 2}, "zhipu.opexGrowth": {distribution: "uniform", low: 0, high: 0.2}, "zhipu.burnNow": {distribution: "uniform", low: 150, high: 300}};
    const issues: FieldIssue[] = [];
    const u = resolveUncertainty({uncertainty: ranges, correlations: [["zhipu.growthStart", "zhipu.opexGrowth", 0.9], ["zhipu.growthStart", "zhipu.burnNow", 0.9], ["zhipu.opexGrowth", "zhipu.burnNow", -0.9]]}, NO_UNCERTAINTY, issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).toMatch(/not positive semi-definite.*repaired/);
    const {matrix} = correlationMatrix(u.correlations);
    // The repaired matrix has a Cholesky factor: check the 3×3 determinant is ≥ 0.
    const [[a, b, c], [, d, e], [, , f]] = matrix as [[number, number, number], [number, number, number], [number, number, number]];
    expect(a * (d * f - e * e) - b * (b * f - e * c) + c * (b * e - d * c)).toBeGreaterThanOrEqual(-1e-9);
  });
});

describe("share links", () => {
  const preset = presets.get("base")!;
  const changed = (u: Uncertainty) => ({...preset, uncertainty: u});

  it("write nothing when the uncertainty is the preset's", () => {
    expect(encodeShareLink("base", preset, preset)).toBe("scenario=base");
  });

  it("carry changed and removed ranges, correlations, paths and seed in readable parameters, and read them back", () => {
    const ranges = {...defaults.ranges, "minimax.burnNow": {distribution: "uniform" as const, low: 20, high: 40}, "zhipu.laterRaise": {distribution: "triangular" as const, low: 0, mode: 500, high: 3000}};
    delete (ranges as Record<string, unknown>)["zhipu.cashNow"];
    const u: Uncertainty = {ranges, correlations: [["zhipu.growthStart", "zhipu.grossMarginTarget", 0.5]], simulation: {paths: 20000, seed: 42}};
    const link = encodeShareLink("base", preset, changed(u));
    const params = new URLSearchParams(link);
    expect(params.get("range.minimax.burnNow")).toBe("uniform(20,40)");
    expect(params.get("range.zhipu.laterRaise")).toBe("triangular(0,500,3000)");
    expect(params.get("range.zhipu.cashNow")).toBe("fixed");
    expect(params.get("corr")).toBe("zhipu.growthStart,zhipu.grossMarginTarget,0.5");
    expect([params.get("paths"), params.get("seed")]).toEqual(["20000", "42"]);
    const decoded = decodeShareLink(`?${link}`, presets);
    expect(decoded.issues).toEqual([]);
    expect(decoded.scenario.uncertainty).toEqual(u);
    expect(decoded.scenario.firms).toEqual(preset.firms);
  });

  it("refuse bad parameters by name and keep the rest", () => {
    const decoded = decodeShareLink("?scenario=base&range.minimax.burnNow=uniform(40,20)&range.zhipu.burnNow=gamma(1,2)&range.zhipu.growthStart=pert(1,2)&paths=1e9&seed=-3&corr=zhipu.growthStart,zhipu.ipoDate,0.3&minimax.cashNow=900", presets);
    const fields = decoded.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["range.minimax.burnNow", "range.zhipu.burnNow", "range.zhipu.growthStart", "paths", "seed", "corr"]));
    expect(decoded.scenario.firms.minimax.cashNow).toBe(900);
    // Refused ranges fall back to the preset's; the rest of the preset's ranges stay.
    expect(decoded.scenario.uncertainty!.ranges["zhipu.cashNow"]).toEqual(defaults.ranges["zhipu.cashNow"]);
    expect(decoded.scenario.uncertainty!.ranges["minimax.burnNow"]).toEqual(defaults.ranges["minimax.burnNow"]);
    expect(decoded.scenario.uncertainty!.correlations).toEqual(defaults.correlations);
    expect(decoded.issues.find((i) => i.field === "range.minimax.burnNow")!.value).toBe("uniform(40,20)");
    expect(decoded.scenario.uncertainty!.simulation).toEqual(defaults.simulation);
  });

  it("refuse a 1 MB range or correlation list by its length, before parsing", () => {
    const huge = "x".repeat(1_000_000);
    const decoded = decodeShareLink(`?range.minimax.burnNow=uniform(${huge})&corr=${huge}`, presets);
    const reasons = Object.fromEntries(decoded.issues.map((i) => [i.field, i.reason]));
    expect(reasons["range.minimax.burnNow"]).toMatch(/characters long; a range has at most 200/);
    expect(reasons["corr"]).toMatch(/characters long; at most 4,000/);
    // The values stay as given; a notice cuts them once, saying how long they were (not the cut length).
    const range = decoded.issues.find((i) => i.field === "range.minimax.burnNow")!;
    expect(range.value).toBe(`uniform(${huge})`);
    expect(shortened(range.value)).toBe(`uniform(${"x".repeat(72)}… (1,000,009 characters)`);
  });

  it("a fixed input takes its correlations with it", () => {
    const u = decodeUncertainty(new Map([["range.zhipu.growthStart", "fixed"]]), defaults, []);
    expect(u.correlations.some(([a, b]) => a === "zhipu.growthStart" || b === "zhipu.growthStart")).toBe(false);
    expect(u.correlations).toHaveLength(2);
  });

  it("write and read every distribution the same way", () => {
    for (const text of ["uniform(20,40)", "triangular(0.6,1.3,2.2)", "pert(0.5,0.6,0.65)", "normal(1,2)", "lognormal(0.5,3)"]) {
      const spec = parseRangeText(text);
      expect(typeof spec).toBe("object");
      expect(formatRange(spec as Exclude<typeof spec, string>)).toBe(text);
    }
    expect(parseRangeText("uniform(1,2")).toMatch(/must be written like/);
    expect(parseRangeText("uniform(a,2)")).toMatch(/must be numbers/);
  });
});

describe("correlations repaired", () => {
  it("a partial list that cannot hold gets the pair it left at 0 too, so the repaired list holds; values to four decimals", () => {
    const ranges = {"zhipu.growthStart": {distribution: "uniform", low: 1, high: 2}, "zhipu.opexGrowth": {distribution: "uniform", low: 0, high: 0.2}, "zhipu.burnNow": {distribution: "uniform", low: 150, high: 300}};
    for (const list of [
      [["zhipu.growthStart", "zhipu.opexGrowth", 0.9], ["zhipu.growthStart", "zhipu.burnNow", 0.9]],
      [["zhipu.growthStart", "zhipu.opexGrowth", 0.9], ["zhipu.growthStart", "zhipu.burnNow", 0.9], ["zhipu.opexGrowth", "zhipu.burnNow", -0.9]]
    ]) {
      const issues: FieldIssue[] = [];
      const u = resolveUncertainty({uncertainty: ranges, correlations: list}, NO_UNCERTAINTY, issues);
      expect(issues[0]!.reason).toMatch(/repaired to the nearest valid set/);
      const {paths, matrix} = correlationMatrix(u.correlations);
      expect(correlationProblem(matrix, paths)).toBeNull();
      for (const [, , rho] of u.correlations) expect(Math.round(rho * 1e4) / 1e4).toBe(rho);
      // Read back (as a link or file would give it), the list is valid as it is: no second repair.
      const again: FieldIssue[] = [];
      expect(resolveUncertainty({uncertainty: ranges, correlations: u.correlations}, NO_UNCERTAINTY, again).correlations).toEqual(u.correlations);
      expect(again).toEqual([]);
    }
    const issues: FieldIssue[] = [];
    const partial = resolveUncertainty({uncertainty: ranges, correlations: [["zhipu.growthStart", "zhipu.opexGrowth", 0.9], ["zhipu.growthStart", "zhipu.burnNow", 0.9]]}, NO_UNCERTAINTY, issues);
    expect(partial.correlations).toHaveLength(3);
    expect(issues[0]!.reason).toMatch(/and adding zhipu\.(burnNow|opexGrowth) with zhipu\.(opexGrowth|burnNow) at 0\.\d+ \(left out, so 0\)/);
  });
});

describe("a range offered for an input without one", () => {
  it("is uniform over 25% either side of the value, within the plausible range when the value is in it, or over the plausible range at 0, cut to the hard limits", () => {
    expect(suggestedRange("zhipu.cashNow", 2100)).toEqual({distribution: "uniform", low: 1575, high: 2625});
    // The pegged rate: 25% either side would be HK$5.85–9.75; its plausible range is 7.7–7.9.
    expect(suggestedRange("market.usdHkd", 7.8)).toEqual({distribution: "uniform", low: 7.7, high: 7.9});
    expect(suggestedRange("zhipu.growthStart", 0.1)).toEqual({distribution: "uniform", low: 0.075, high: 0.125});
    // Outside the plausible range ([0, 0.15], [0, 0.5]): 25% either side, cut to the hard limits.
    expect(suggestedRange("zhipu.growthLongRun", -0.04)).toEqual({distribution: "uniform", low: -0.05, high: -0.03});
    expect(suggestedRange("zhipu.probabilityOfFailure", 0.9)).toEqual({distribution: "uniform", low: 0.675, high: 1});
    expect(suggestedRange("zhipu.laterRaise", 0)).toEqual({distribution: "uniform", low: 0, high: 10000});
  });

  it("is a valid range, accepted as a link parameter, for every input of every preset that can carry one", () => {
    let offered = 0;
    for (const scenario of presets.values()) {
      for (const path of allFieldPaths().filter(canCarryRange)) {
        const spec = suggestedRange(path, getField(scenario, path) as number);
        const field = fieldSpec(path)!;
        expect(validateDistribution(spec, {min: field.min, max: field.max}), path).toBeNull();
        const issues: FieldIssue[] = [];
        expect(decodeUncertainty(new Map([[`range.${path}`, formatRange(spec)]]), NO_UNCERTAINTY, issues).ranges[path]).toEqual(spec);
        expect(issues).toEqual([]);
        offered++;
      }
    }
    expect(offered).toBeGreaterThan(100);
  });

  it("can be put only on number inputs: not on dates, choices, switches or whole-number settings", () => {
    expect(canCarryRange("zhipu.burnNow")).toBe(true);
    expect(canCarryRange("market.usdRmb")).toBe(true);
    for (const path of ["zhipu.ipoDate", "zhipu.optionsValuedAt", "zhipu.includeUndrawnFacilities", "zhipu.breakEvenTargetYear", "minimax.reinvestmentLag", "acme.burnNow"]) expect(canCarryRange(path), path).toBe(false);
  });
});
