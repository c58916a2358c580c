// Scenario files as published and saved: the schema's version and migration, the header a page
// shows (author, date, notes), and "Save as scenario…": the file of a state resolves to that state.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {resolveScenarioFile, scenarioFile, scenarioNameProblem, TEXT_LIMITS} from "../../src/lib/scenarios.ts";
import {applyOverrides, SCENARIO_VERSION, type Override, type Scenario} from "../../src/lib/schema.ts";
import {allFieldPaths, fieldSpec} from "../../src/lib/fields.ts";
import {decodeShareLink, encodeShareLink} from "../../src/lib/shareLink.ts";
import {computeScenario} from "../../src/lib/results.ts";
import {arbField, baseline, presets} from "./helpers.ts";

const base = baseline.scenario;
const header = {name: "mine", title: "Mine", description: "d"};
const fields = (r: ReturnType<typeof resolveScenarioFile>) => r.issues.map((i) => i.field);

describe("the schema's version", () => {
  it("reads the current version without a notice", () => {
    const r = resolveScenarioFile({version: SCENARIO_VERSION, ...header, author: "A. Student", date: "2026-11-24"}, base);
    expect(r.issues).toEqual([]);
    expect(r.notices).toEqual([]);
    expect(r.scenario).toMatchObject({author: "A. Student", date: "2026-11-24"});
  });
  it("migrates version 1, saying how to update the file, and computes the same numbers", () => {
    const v1 = resolveScenarioFile({version: 1, ...header, firms: {zhipu: {burnNow: 200}}}, base);
    const v2 = resolveScenarioFile({version: 2, ...header, firms: {zhipu: {burnNow: 200}}}, base);
    expect(v1.issues).toEqual([]);
    expect(v1.notices).toEqual([expect.stringContaining('write "version": 2')]);
    expect(v1.scenario).toEqual(v2.scenario);
  });
  it("refuses what version 1 did not have, a newer version and a missing one, each saying what to do", () => {
    expect(resolveScenarioFile({version: 1, ...header, author: "x"}, base).issues).toEqual([expect.objectContaining({field: "author", reason: expect.stringContaining('"version": 2')})]);
    expect(resolveScenarioFile({version: 3, ...header}, base).issues).toEqual([expect.objectContaining({field: "version", reason: expect.stringContaining("update the site")})]);
    expect(resolveScenarioFile({...header}, base).issues).toEqual([expect.objectContaining({field: "version", reason: expect.stringContaining("is required")})]);
    expect(fields(resolveScenarioFile({version: "2", ...header}, base))).toEqual(["version"]);
  });
});

describe("the header", () => {
  it("checks author, date and notes field by field, keeping the valid ones", () => {
    const r = resolveScenarioFile({version: 2, ...header, author: 7, date: "24/11/2026", notes: {"zhipu.burnNow": "why", "zhipu.nope": "x", "minimax.cashNow": 3}}, base);
    expect(fields(r)).toEqual(["author", "date", "notes.zhipu.nope", "notes.minimax.cashNow"]);
    expect(r.scenario.notes).toEqual({"zhipu.burnNow": "why"});
    expect(r.scenario.author).toBeUndefined();
  });
  it("caps every text at its limit, in time linear in its length", () => {
    const long = "x".repeat(TEXT_LIMITS.description + 1);
    const r = resolveScenarioFile({version: 2, ...header, description: long, title: "t".repeat(TEXT_LIMITS.title + 1)}, base);
    expect(fields(r)).toEqual(["title", "description"]);
    expect(r.issues[1]!.value.length).toBeLessThan(50);
  });
  it("allows only names that make a file and a page", () => {
    for (const ok of ["bear", "my-case-2", "a"]) expect(scenarioNameProblem(ok)).toBeNull();
    for (const bad of ["", "Bear", "../etc", "a b", "-x", "index", "x".repeat(65), "<script>", 3, null]) expect(scenarioNameProblem(bad)).not.toBeNull();
  });
  it("every published preset carries the current version, an author, a date and a note for each field it changes", () => {
    for (const scenario of presets.values()) {
      expect(scenario.author).toBeTruthy();
      expect(scenario.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const file = scenarioFile(scenario, base, header);
      const changed = [...Object.entries(file.firms ?? {}).flatMap(([firm, f]) => Object.keys(f).map((k) => `${firm}.${k}`)), ...Object.keys(file.market ?? {}).map((k) => `market.${k}`)];
      expect(Object.keys(scenario.notes ?? {}).sort()).toEqual(changed.sort());
    }
  });
});

describe("Save as scenario…", () => {
  const roundTrip = (state: Scenario) => resolveScenarioFile(JSON.parse(JSON.stringify(scenarioFile(state, base, header))), base);
  it("writes only what differs from the baseline, and reads back as the same state", () => {
    const bear = presets.get("bear")!;
    const file = scenarioFile(bear, base, {...header, author: "me", date: "2026-11-24"});
    expect(file.firms?.zhipu).toEqual({growthStart: 0.65, grossMarginTarget: 0.5, opexGrowth: 0.2});
    expect(file.uncertainty).toBeUndefined();
    const back = roundTrip(bear);
    expect(back.issues).toEqual([]);
    expect({...back.scenario, name: bear.name, title: bear.title, description: bear.description, notes: bear.notes, author: bear.author, date: bear.date}).toEqual(bear);
  });
  it("a saved link state and the link give identical numbers (any fields, ranges, seed)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...presets.keys()), fc.array(fc.constantFrom(...allFieldPaths()).chain((path) => arbField(fieldSpec(path)!).map((v) => [path, v] as Override)), {maxLength: 6}), fc.integer({min: 0, max: 2 ** 31}), (presetName, overrides, seed) => {
        const preset = presets.get(presetName)!;
        const state = applyOverrides(preset, overrides).scenario;
        const withSeed = {...state, uncertainty: {...state.uncertainty!, simulation: {...state.uncertainty!.simulation, seed}, ranges: Object.fromEntries(Object.entries(state.uncertainty!.ranges).slice(1))}};
        const link = decodeShareLink(encodeShareLink(presetName, preset, withSeed), presets);
        const saved = roundTrip(link.scenario);
        expect(saved.issues).toEqual([]);
        expect(saved.scenario.firms).toEqual(link.scenario.firms);
        expect(saved.scenario.market).toEqual(link.scenario.market);
        expect(saved.scenario.uncertainty).toEqual(link.scenario.uncertainty);
        expect(computeScenario(saved.scenario)).toEqual(computeScenario(link.scenario));
      }),
      {numRuns: 40}
    );
  });
});

describe("ranges that follow a scenario's values", () => {
  it("move each default range with the value the file sets, keeping its shape; the rest stay", () => {
    const bear = presets.get("bear")!;
    const baseRanges = base.uncertainty!.ranges;
    const ranges = bear.uncertainty!.ranges;
    const growth = ranges["zhipu.growthStart"]!;
    expect(growth).toMatchObject({distribution: "pert", mode: 0.65});
    if (growth.distribution !== "pert" || baseRanges["zhipu.growthStart"]!.distribution !== "pert") throw new Error("pert expected");
    const old = baseRanges["zhipu.growthStart"]! as {low: number; mode: number; high: number};
    expect(growth.high - growth.low).toBeCloseTo(old.high - old.low, 12);
    expect(growth.mode - growth.low).toBeCloseTo(old.mode - old.low, 12);
    // Uniform: moved by as much as the value (the base's 60% in uniform(50%, 65%); the bear's 50%).
    expect(ranges["zhipu.grossMarginTarget"]).toEqual({distribution: "uniform", low: 0.4, high: 0.55});
    // Inputs the bear case leaves at the base's keep the default range.
    expect(ranges["zhipu.burnNow"]).toEqual(baseRanges["zhipu.burnNow"]);
    expect(bear.uncertainty!.correlations).toEqual(base.uncertainty!.correlations);
  });
  it("a file's own uncertainty is taken as written", () => {
    const own = {"zhipu.growthStart": {distribution: "uniform", low: 1, high: 2}};
    const r = resolveScenarioFile({version: 2, ...header, firms: {zhipu: {growthStart: 0.5}}, uncertainty: own}, base);
    expect(r.scenario.uncertainty!.ranges).toEqual(own);
  });
});
