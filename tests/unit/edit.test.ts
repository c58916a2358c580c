// A default range follows its input when a slider, a link or --set moves it; a range set apart stays.
import fc from "fast-check";
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {editScenario, followingUncertainty} from "../../src/lib/edit.ts";
import {decodeShareLink, encodeShareLink} from "../../src/lib/shareLink.ts";
import {decodeUncertainty, formatRange, movedRange} from "../../src/lib/uncertainty.ts";
import {drawInputs, simulateFirm} from "../../src/lib/simulation.ts";
import {fieldSpec} from "../../src/lib/fields.ts";
import {getField} from "../../src/lib/schema.ts";
import {ROOT} from "../../src/data/read.ts";
import {presets} from "./helpers.ts";

const base = presets.get("base")!;
const burn = "zhipu.burnNow";

describe("a default range follows its input", () => {
  it("a link's value moves the preset's range by as much as the value moved, keeping its shape, and the link needs no range", () => {
    const {scenario, issues} = decodeShareLink("scenario=base&zhipu.burnNow=250", presets);
    expect(issues).toEqual([]);
    // uniform(136.7, 300) around the base's 300 (its top), moved down by 50: 250 stays at the top.
    expect(scenario.uncertainty!.ranges[burn]).toEqual({distribution: "uniform", low: 86.7, high: 250});
    expect(encodeShareLink("base", base, scenario)).toBe("scenario=base&zhipu.burnNow=250");
    // A range reaching past the input's limit is kept whole (the draws are cut at the limit, as for any range).
    expect(decodeShareLink("scenario=base&zhipu.burnNow=100", presets).scenario.uncertainty!.ranges[burn]).toEqual({distribution: "uniform", low: -63.3, high: 100});
  });

  it("each kind of range keeps its shape: a shift for all but the lognormal, which is scaled", () => {
    expect(movedRange({distribution: "pert", low: 0.65, mode: 1.3, high: 1.6}, 1.3, 0.65)).toEqual({distribution: "pert", low: 0, mode: 0.65, high: 0.95});
    expect(movedRange({distribution: "triangular", low: 1000, mode: 2100, high: 3500}, 2000, 1500)).toEqual({distribution: "triangular", low: 500, mode: 1600, high: 3000});
    expect(movedRange({distribution: "normal", low: 7.7, high: 7.9}, 7.8, 7.75)).toEqual({distribution: "normal", low: 7.65, high: 7.85});
    expect(movedRange({distribution: "lognormal", low: 10, high: 40}, 20, 30)).toEqual({distribution: "lognormal", low: 15, high: 60});
    // A lognormal cannot be scaled to or from zero: it stays.
    expect(movedRange({distribution: "lognormal", low: 10, high: 40}, 20, 0)).toEqual({distribution: "lognormal", low: 10, high: 40});
  });

  it("property: the moved range is continuous in the value and keeps the value's place in it", () => {
    const standard = base.uncertainty!.ranges[burn]! as {low: number; high: number};
    fc.assert(
      fc.property(fc.double({min: 0, max: 1000, noNaN: true}), fc.double({min: 0, max: 1000, noNaN: true}), (a, b) => {
        const [ra, rb] = [a, b].map((v) => editScenario(base, base, [[burn, v]]).scenario.uncertainty!.ranges[burn]! as {low: number; high: number});
        // Where the value sits, as a share of the range, is the base's (300 at the top of 136.7–300) …
        expect((a - ra!.low) / (ra!.high - ra!.low)).toBeCloseTo((300 - standard.low) / (standard.high - standard.low), 9);
        // … and the range moves exactly as far as the value: no jump on the first nudge.
        expect(rb!.low - ra!.low).toBeCloseTo(b - a, 6);
      }),
      {numRuns: 200, seed: 12}
    );
  });

  it("a lower burn never raises the chance of running out of cash first (the moved range used to be re-centred: 300 → 299.9 took it from 81% to 99.98%)", () => {
    const chance = (value: number) => simulateFirm(editScenario(base, base, [[burn, value]]).scenario, "zhipu", {paths: 4000, seed: 1, values: false}).probabilities.cashOutBeforeBreakEven.p;
    const values = [300, 299.9, 290, 250, 200, 150, 100];
    const chances = values.map(chance);
    // Common random numbers: each path's burn moves with the value, so the chance cannot rise as burn falls.
    for (let i = 1; i < chances.length; i++) expect(chances[i]).toBeLessThanOrEqual(chances[i - 1]!);
    expect(chances[0]! - chances[1]!).toBeLessThan(0.01);
  });

  it("an edit moves it as the link does, and edits compose (back to the preset's value, back to its range)", () => {
    const edited = editScenario(base, base, [[burn, 100]]).scenario;
    expect(edited.uncertainty).toEqual(decodeShareLink("scenario=base&zhipu.burnNow=100", presets).scenario.uncertainty);
    const back = editScenario(base, edited, [[burn, base.firms.zhipu.burnNow]]).scenario;
    expect(back.uncertainty!.ranges[burn]).toEqual(base.uncertainty!.ranges[burn]);
  });

  it("a range set apart stays where it was put when its input moves", () => {
    const own = {...base, uncertainty: decodeUncertainty(new Map([[`range.${burn}`, "uniform(50,60)"]]), base.uncertainty!, [])};
    const edited = editScenario(base, own, [[burn, 100]]).scenario;
    expect(formatRange(edited.uncertainty!.ranges[burn]!)).toBe("uniform(50,60)");
    expect(encodeShareLink("base", base, edited)).toBe("scenario=base&zhipu.burnNow=100&range.zhipu.burnNow=uniform%2850%2C60%29");
  });

  it("a moved range reaching past its input's limit is kept whole, and the draws are cut at the limit", () => {
    // Growth's pert(65%, 130%, 160%) moved to the −90% a year limit reaches below it.
    const {scenario, issues} = decodeShareLink("scenario=base&zhipu.growthStart=-0.9", presets);
    expect(issues).toEqual([]);
    expect(scenario.uncertainty!.ranges["zhipu.growthStart"]).toEqual({distribution: "pert", low: -1.55, mode: -0.9, high: -0.6});
    const [growth] = drawInputs(scenario, 2000, 1, ["zhipu.growthStart"]);
    expect(Math.min(...growth!)).toBeGreaterThanOrEqual(-0.9);
    expect(Math.max(...growth!)).toBeLessThanOrEqual(-0.6);
    // A value the input refuses moves nothing.
    expect(decodeShareLink("scenario=base&zhipu.growthStart=-0.95", presets).scenario.uncertainty!.ranges["zhipu.growthStart"]).toEqual(base.uncertainty!.ranges["zhipu.growthStart"]);
  });

  it("property: for any values of ranged inputs, the link written from the edit reads back as the same state", () => {
    const ranged = Object.keys(base.uncertainty!.ranges).filter((path) => typeof getField(base, path) === "number");
    const arbEdit = fc.constantFrom(...ranged).chain((path) => {
      const spec = fieldSpec(path)!;
      return fc.tuple(fc.constant(path), fc.double({min: spec.min ?? -1e4, max: Math.min(spec.max ?? 1e4, 1e4), noNaN: true}));
    });
    fc.assert(
      fc.property(fc.array(arbEdit, {maxLength: 4}), (edits) => {
        let scenario = base;
        for (const [path, value] of edits) scenario = editScenario(base, scenario, [[path, value]]).scenario;
        const decoded = decodeShareLink(encodeShareLink("base", base, scenario), presets).scenario;
        expect(decoded.uncertainty).toEqual(scenario.uncertainty);
        expect(followingUncertainty(base, scenario).ranges).toEqual(scenario.uncertainty!.ranges);
      }),
      {numRuns: 200, seed: 11}
    );
  });

  it("a nudge of any ranged input moves every chance by little: each range moves with its value, so no answer jumps", () => {
    const ranged = Object.entries(base.uncertainty!.ranges).filter(([path]) => typeof getField(base, path) === "number");
    const chances = (scenario: typeof base, firm: "zhipu" | "minimax") => Object.values(simulateFirm(scenario, firm, {paths: 2000, seed: 3}).probabilities).map((e) => e.p);
    const before = {zhipu: chances(base, "zhipu"), minimax: chances(base, "minimax")};
    for (const [path, range] of ranged) {
      const firm = path.startsWith("minimax.") ? "minimax" : "zhipu";
      // A thousandth of the range's width, down (every base value is at most its range's top).
      const nudged = editScenario(base, base, [[path, (getField(base, path) as number) - (range.high - range.low) / 1000]]).scenario;
      const after = chances(nudged, firm);
      after.forEach((p, k) => expect(Math.abs(p - before[firm][k]!), `${path}, chance ${k}`).toBeLessThan(0.02));
    }
  });

  it("the runner's --set moves it as the page's link does", () => {
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "runner.ts"), "base", "--set", `${burn}=100`], {encoding: "utf8"});
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).scenario.uncertainty.ranges[burn]).toEqual({distribution: "uniform", low: -63.3, high: 100});
  });
});
