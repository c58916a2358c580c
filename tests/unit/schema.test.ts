// The one schema: field checks, overrides that keep every valid field, and share links.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decodeShareLink, encodeShareLink} from "../../src/lib/shareLink.ts";
import {resolveScenarioFile} from "../../src/lib/scenarios.ts";
import {FIRMS, FIRM_FIELDS, MARKET_FIELDS, allFieldPaths, fieldSpec} from "../../src/lib/fields.ts";
import {applyOverrides, checkValue, getField, type Override} from "../../src/lib/schema.ts";
import {arbField, baseline, presets} from "./helpers.ts";
import {editScenario} from "../../src/lib/edit.ts";

const base = baseline.scenario;

describe("checkValue", () => {
  const growth = fieldSpec("minimax.growthStart")!;
  it("reads numbers from text strictly", () => {
    expect(checkValue(growth, "0.8")).toEqual({ok: true, value: 0.8});
    expect(checkValue(growth, "-.5")).toEqual({ok: true, value: -0.5});
    expect(checkValue(growth, "8e-1")).toEqual({ok: true, value: 0.8});
    for (const bad of ["", "abc", "0x10", "1,5", "Infinity", "NaN", "1 2", "alert(1)"]) expect(checkValue(growth, bad).ok).toBe(false);
  });
  it("names the range when a value is outside it", () => {
    expect(checkValue(growth, "25")).toEqual({ok: false, reason: "must be between -0.9 and 20"});
  });
  it("refuses non-integers for integer fields and bad dates", () => {
    expect(checkValue(fieldSpec("zhipu.breakEvenTargetYear")!, "2026.5").ok).toBe(false);
    expect(checkValue(fieldSpec("zhipu.ipoDate")!, "2026-02-30").ok).toBe(false);
    expect(checkValue(fieldSpec("zhipu.includeUndrawnFacilities")!, "yes").ok).toBe(false);
  });
  it("knows every path and no other", () => {
    expect(allFieldPaths()).toHaveLength(FIRMS.length * FIRM_FIELDS.length + MARKET_FIELDS.length);
    for (const path of allFieldPaths()) expect(fieldSpec(path)).toBeDefined();
    for (const path of ["zhipu", "zhipu.", "other.burnNow", "zhipu.burnNow.x", "market.burnNow", "__proto__.x", "zhipu.constructor"]) expect(fieldSpec(path)).toBeUndefined();
  });
});

describe("applyOverrides", () => {
  it("keeps every valid field and reports each bad one with its reason", () => {
    const {scenario, issues} = applyOverrides(base, [
      ["minimax.burnNow", "25"],
      ["minimax.growthStart", "fast"],
      ["zhipu.growthStart", "0.9"],
      ["zhipu.nope", "1"],
      ["market.usdHkd", "99"]
    ]);
    expect(scenario.firms.minimax.burnNow).toBe(25);
    expect(scenario.firms.zhipu.growthStart).toBe(0.9);
    expect(scenario.firms.minimax.growthStart).toBe(base.firms.minimax.growthStart);
    expect(issues).toEqual([
      {field: "minimax.growthStart", value: "fast", reason: "must be a number"},
      {field: "zhipu.nope", value: "1", reason: "unknown field"},
      {field: "market.usdHkd", value: "99", reason: "must be between 1 and 20"}
    ]);
  });
  it("refuses one of two overrides that make cash costs negative together, by the documented tie-break", () => {
    // At a −100 % margin MiniMax's gross loss is 71.25 / 12 = 5.94 a month, so a burn of 1 is impossible
    // with it. Either alone fits; the tie-break keeps the field declared first (the burn).
    for (const order of [[["minimax.grossMarginNow", "-1"], ["minimax.burnNow", "1"]], [["minimax.burnNow", "1"], ["minimax.grossMarginNow", "-1"]]] as Override[][]) {
      const {scenario, issues} = applyOverrides(base, order);
      expect(scenario.firms.minimax.burnNow).toBe(1);
      expect(scenario.firms.minimax.grossMarginNow).toBe(base.firms.minimax.grossMarginNow);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.field).toBe("minimax.grossMarginNow");
      expect(issues[0]!.reason).toMatch(/cash costs would be negative.*conflicts with minimax\.burnNow=1/);
    }
  });
  it("judges overrides that belong together together, in any order", () => {
    // Terminal growth 0 with a terminal cost of capital of 1% is consistent, though 1% alone is below the preset's growth.
    for (const order of [[["zhipu.terminalCostOfCapital", "0.01"], ["zhipu.terminalGrowth", "0"]], [["zhipu.terminalGrowth", "0"], ["zhipu.terminalCostOfCapital", "0.01"]]] as Override[][]) {
      const {scenario, issues} = applyOverrides(base, order);
      expect(issues).toEqual([]);
      expect(scenario.firms.zhipu.terminalCostOfCapital).toBe(0.01);
    }
    // Alone, it is refused with the reason.
    expect(applyOverrides(base, [["zhipu.terminalCostOfCapital", "0.01"]]).issues[0]!.reason).toMatch(/growth after year 10 must be below/);
  });

  it("never mutates its input", () => {
    const before = JSON.stringify(base);
    applyOverrides(base, [["minimax.burnNow", "1"]]);
    expect(JSON.stringify(base)).toBe(before);
  });
  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...allFieldPaths()), fc.string()), fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)))), (overrides) => {
        const {scenario, issues} = applyOverrides(base, overrides as Override[]);
        expect(issues.length).toBeLessThanOrEqual(overrides.length);
        expect(Object.keys(scenario.firms)).toEqual([...FIRMS]);
      })
    );
  });
});

describe("number parsing", () => {
  it("refuses a long run of digits that ends badly, and reads every plain decimal", () => {
    const spec = fieldSpec("zhipu.burnNow")!;
    // Over-long values are refused by their length, before any parsing; shorter ones by the (linear) pattern.
    expect(checkValue(spec, `${"9".repeat(1000000)}x`)).toEqual({ok: false, reason: "is 1,000,001 characters long; a value has at most 100"});
    expect(checkValue(spec, `${"9".repeat(99)}x`)).toEqual({ok: false, reason: "must be a number"});
    for (const [text, value] of [["1", 1], ["1.", 1], ["1.5", 1.5], [".5", 0.5], ["2e3", 2000], ["+3E-2", 0.03]] as const) expect(checkValue(spec, text)).toEqual({ok: true, value});
    for (const text of ["1e", "e3", ".", "1..2", "0x10"]) expect(checkValue(spec, text).ok).toBe(false);
  });
});

describe("overrides that only fit together", () => {
  it("decide the same whatever their order, and name what conflicts with what", () => {
    const base = presets.get("base")!;
    const a: Override[] = [["zhipu.laterRaise", "500"], ["zhipu.laterRaiseDate", "2020-01-31"]];
    const one = applyOverrides(base, a);
    const other = applyOverrides(base, [...a].reverse());
    expect(one.scenario).toEqual(other.scenario);
    expect(one.issues).toEqual(other.issues);
    // The tie-break keeps the field declared first (the amount) and refuses the date.
    expect(one.scenario.firms.zhipu.laterRaise).toBe(500);
    expect(one.issues).toHaveLength(1);
    expect(one.issues[0]).toMatchObject({field: "zhipu.laterRaiseDate", value: "2020-01-31"});
    expect(one.issues[0]!.reason).toMatch(/after the baseline date \(conflicts with zhipu\.laterRaise=500/);
  });

  it("keep a field that fits the state the rest of the input makes", () => {
    const {scenario, issues} = applyOverrides(presets.get("base")!, [["minimax.terminalGrowth", "0.08"], ["minimax.terminalCostOfCapital", "0.1"], ["minimax.terminalReturnOnCapital", "0.1"]]);
    expect(issues).toEqual([]);
    expect(scenario.firms.minimax.terminalGrowth).toBe(0.08);
  });

  it("give the same state for any order of any overrides (fast-check)", () => {
    const arbOverrides = fc.array(fc.constantFrom(...allFieldPaths()).chain((path) => arbField(fieldSpec(path)!).map((v) => [path, v] as Override)), {maxLength: 10});
    fc.assert(
      fc.property(arbOverrides, fc.func(fc.integer()), (overrides, rank) => {
        // Distinct paths: a repeated path means "the last one", which is an order by definition.
        const unique = [...new Map(overrides.map((o) => [o[0], o])).values()];
        const shuffled = [...unique].sort((x, y) => rank(x[0]) - rank(y[0]));
        const a = applyOverrides(base, unique);
        const b = applyOverrides(base, shuffled);
        expect(b.scenario).toEqual(a.scenario);
        expect(new Set(b.issues.map((i) => i.field))).toEqual(new Set(a.issues.map((i) => i.field)));
      }),
      {numRuns: 500}
    );
  });
});

describe("share links", () => {
  it("carry only what differs from the preset, readably", () => {
    const base = presets.get("base")!;
    const {scenario} = editScenario(base, base, [["minimax.growthStart", "0.8"], ["zhipu.burnNow", "250"]]);
    // Their default ranges follow them, so the link needs no range.
    expect(encodeShareLink("base", base, scenario)).toBe("scenario=base&zhipu.burnNow=250&minimax.growthStart=0.8");
    expect(encodeShareLink("bear", presets.get("bear")!, presets.get("bear")!)).toBe("scenario=bear");
  });

  it("round-trip any state exactly", () => {
    const arbOverrides = fc.array(fc.constantFrom(...allFieldPaths()).chain((path) => arbField(fieldSpec(path)!).map((v) => [path, v] as Override)), {maxLength: 12});
    fc.assert(
      fc.property(fc.constantFrom(...presets.keys()), arbOverrides, (name, overrides) => {
        const preset = presets.get(name)!;
        const {scenario} = applyOverrides(preset, overrides);
        const decoded = decodeShareLink(encodeShareLink(name, preset, scenario), presets);
        expect(decoded.issues).toEqual([]);
        expect(decoded.presetName).toBe(name);
        for (const path of allFieldPaths()) expect(getField(decoded.scenario, path)).toBe(getField(scenario, path));
      }),
      {numRuns: 300}
    );
  });

  it("drop bad fields with reasons and keep the rest", () => {
    const decoded = decodeShareLink("?scenario=bull&minimax.burnNow=25&zhipu.growthStart=abc&foo=1&minimax.price=%3Cscript%3Ealert(1)%3C%2Fscript%3E", presets);
    expect(decoded.presetName).toBe("bull");
    expect(decoded.scenario.firms.minimax.burnNow).toBe(25);
    expect(decoded.scenario.firms.zhipu.growthStart).toBe(presets.get("bull")!.firms.zhipu.growthStart);
    expect(decoded.issues.map((i) => i.field)).toEqual(["zhipu.growthStart", "foo", "minimax.price"]);
    expect(decoded.issues[2]!.value).toBe("<script>alert(1)</script>"); // kept as text, for the notice
  });

  it("refuse a parameter given twice with different values, whatever the order, and say so", () => {
    for (const search of ["minimax.growthStart=0.5&minimax.growthStart=3", "minimax.growthStart=3&minimax.growthStart=0.5"]) {
      const decoded = decodeShareLink(`scenario=bull&${search}`, presets);
      expect(decoded.scenario.firms.minimax.growthStart).toBe(presets.get("bull")!.firms.minimax.growthStart);
      expect(decoded.issues).toHaveLength(1);
      expect(decoded.issues[0]!.field).toBe("minimax.growthStart");
      expect(decoded.issues[0]!.reason).toMatch(/given 2 times with different values/);
    }
    const presetsTwice = decodeShareLink("scenario=bull&scenario=bear&zhipu.burnNow=250", presets);
    expect(presetsTwice.presetName).toBe("base");
    expect(presetsTwice.scenario.firms.zhipu.burnNow).toBe(250);
    expect(presetsTwice.issues.map((i) => i.field)).toEqual(["scenario", "scenario"]);
    // The same value twice is what the link says: applied, no notice.
    const same = decodeShareLink("scenario=bear&zhipu.burnNow=250&zhipu.burnNow=250", presets);
    expect(same.issues).toEqual([]);
    expect(same.scenario.firms.zhipu.burnNow).toBe(250);
  });

  it("carry the display currency, and refuse an unknown one", () => {
    const base = presets.get("base")!;
    expect(encodeShareLink("base", base, base, "USD")).toBe("scenario=base&currency=USD");
    expect(decodeShareLink("scenario=base&currency=USD", presets).currency).toBe("USD");
    expect(decodeShareLink("scenario=base", presets).currency).toBeNull();
    const bad = decodeShareLink("scenario=base&currency=EUR&zhipu.burnNow=250", presets);
    expect(bad.currency).toBeNull();
    expect(bad.issues).toMatchObject([{field: "currency", value: "EUR"}]);
    expect(bad.scenario.firms.zhipu.burnNow).toBe(250);
  });

  it("fall back to the base preset for an unknown preset name, and say so", () => {
    const decoded = decodeShareLink("scenario=moon&zhipu.burnNow=100", presets);
    expect(decoded.presetName).toBe("base");
    expect(decoded.scenario.firms.zhipu.burnNow).toBe(100);
    expect(decoded.issues[0]).toMatchObject({field: "scenario", value: "moon"});
  });
});

describe("scenario files", () => {
  it("resolve against the baseline", () => {
    const {scenario, issues} = resolveScenarioFile({version: 1, name: "mine", title: "Mine", description: "d", firms: {zhipu: {burnNow: 200}}}, base);
    expect(issues).toEqual([]);
    expect(scenario.name).toBe("mine");
    expect(scenario.firms.zhipu.burnNow).toBe(200);
    expect(scenario.firms.minimax).toEqual(base.firms.minimax);
  });
  it("report every problem and keep every valid field", () => {
    const {scenario, issues} = resolveScenarioFile({version: 3, name: "Bad Name", title: 3, firms: {zhipu: {burnNow: -1, growthStart: 0.5}, acme: {}}, market: {usdRmb: "7.1"}, extra: 1}, base);
    expect(issues.map((i) => i.field)).toEqual(["version", "extra", "name", "title", "description", "firms.acme", "zhipu.burnNow"]);
    expect(scenario.firms.zhipu.growthStart).toBe(0.5);
    expect(scenario.market.usdRmb).toBe(7.1);
  });
  it("every preset resolves cleanly and describes itself", () => {
    for (const [name, scenario] of presets) {
      expect(scenario.name).toBe(name);
      expect(scenario.description.length).toBeGreaterThan(40);
    }
    expect([...presets.keys()].sort()).toEqual(["base", "bear", "bull", "management-targets"]);
  });
});
