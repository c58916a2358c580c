// A default range follows its input when a slider, a link or --set moves it; a range set apart stays.
import fc from "fast-check";
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {editScenario, followingUncertainty} from "../../src/lib/edit.ts";
import {decodeShareLink, encodeShareLink} from "../../src/lib/shareLink.ts";
import {decodeUncertainty, formatRange} from "../../src/lib/uncertainty.ts";
import {fieldSpec} from "../../src/lib/fields.ts";
import {getField} from "../../src/lib/schema.ts";
import {ROOT} from "../../src/data/read.ts";
import {presets} from "./helpers.ts";

const base = presets.get("base")!;
const burn = "zhipu.burnNow";

describe("a default range follows its input", () => {
  it("a link's value moves the preset's range to it, keeping its width, and the link needs no range", () => {
    const {scenario, issues} = decodeShareLink("scenario=base&zhipu.burnNow=100", presets);
    expect(issues).toEqual([]);
    // uniform(136.7, 300), centre 218.35, moved by −118.35.
    expect(scenario.uncertainty!.ranges[burn]).toEqual({distribution: "uniform", low: 18.35, high: 181.65});
    expect(encodeShareLink("base", base, scenario)).toBe("scenario=base&zhipu.burnNow=100");
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

  it("a range that would no longer fit its input's limits stays the preset's", () => {
    // Growth's pert(0.65, 1.3, 1.6) moved to −0.95 would reach below −100% a year.
    const {scenario} = decodeShareLink("scenario=base&zhipu.growthStart=-0.95", presets);
    expect(scenario.uncertainty!.ranges["zhipu.growthStart"]).toEqual(base.uncertainty!.ranges["zhipu.growthStart"]);
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

  it("the runner's --set moves it as the page's link does", () => {
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "runner.ts"), "base", "--set", `${burn}=100`], {encoding: "utf8"});
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).scenario.uncertainty.ranges[burn]).toEqual({distribution: "uniform", low: 18.35, high: 181.65});
  });
});
