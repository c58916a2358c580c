// The field declarations are the single source of truth: every field has a control somewhere,
// and the "changes the projection" flag is true exactly where a change moves the projection.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {FIRMS, FIRM_FIELDS, MARKET_FIELDS, SECTIONS, allFieldPaths, fieldSpec, plausibleRange, sectionPaths, type FirmInputs} from "../../src/lib/fields.ts";
import {project} from "../../src/lib/projection.ts";
import {firmConsistencyProblem} from "../../src/lib/schema.ts";
import {FIRM_PAGE_SECTIONS, VALUATION_PAGE_SECTIONS, headlinePaths, storyPaths} from "../../src/components/assumptions.ts";
import {sliderScale} from "../../src/components/controls.ts";
import {arbField, baseline, presets} from "./helpers.ts";

describe("field declarations", () => {
  it("give every number a plausible range inside its hard limits, and every field a section", () => {
    for (const path of allFieldPaths()) {
      const spec = fieldSpec(path)!;
      expect(Object.keys(SECTIONS)).toContain(spec.section);
      if (spec.kind !== "number" && spec.kind !== "integer") continue;
      const range = plausibleRange(path);
      expect(range, path).not.toBeNull();
      const [low, high] = range!;
      expect(low, path).toBeLessThan(high);
      expect(low, path).toBeGreaterThanOrEqual(spec.min!);
      expect(high, path).toBeLessThanOrEqual(spec.max!);
    }
  });

  it("put every field on a page: the firm page, the valuation page (its sections plus the story), or the overview", () => {
    const shown = new Set<string>();
    for (const firm of FIRMS) {
      for (const section of [...FIRM_PAGE_SECTIONS, ...VALUATION_PAGE_SECTIONS]) sectionPaths(section, firm).forEach((p) => shown.add(p));
      headlinePaths(firm).forEach((p) => shown.add(p));
      storyPaths(firm).forEach((p) => shown.add(p));
    }
    sectionPaths("fx").forEach((p) => shown.add(p));
    expect(allFieldPaths().filter((p) => !shown.has(p))).toEqual([]);
  });

  it("mark as changing the projection every field whose change moves it, and no other", () => {
    // MiniMax counts its undrawn facilities; a later raise makes its date matter too.
    const base: FirmInputs = {...baseline.scenario.firms.minimax, laterRaise: 100};
    const cashOf = (firm: FirmInputs) => Array.from(project(firm).cash);
    const before = cashOf(base);
    for (const spec of FIRM_FIELDS) {
      // Some value of the field, other than the baseline's, that keeps the firm consistent, moves the
      // projection if and only if the field is declared to change it.
      let moved = false;
      fc.assert(
        fc.property(arbField(spec), (value) => {
          const changed = {...base, [spec.key]: value} as FirmInputs;
          fc.pre(value !== base[spec.key as keyof FirmInputs] && firmConsistencyProblem(changed) === null);
          const after = cashOf(changed);
          const differs = after.some((x, i) => x !== before[i]);
          if (!spec.changesProjection) expect(differs, `${spec.key} is declared not to change the projection`).toBe(false);
          moved ||= differs;
        }),
        {numRuns: 40}
      );
      if (spec.changesProjection) expect(moved, `${spec.key} is declared to change the projection`).toBe(true);
    }
  });

  it("market fields are in the exchange-rate section", () => {
    expect(MARKET_FIELDS.every((f) => f.section === "fx")).toBe(true);
    expect(sectionPaths("fx")).toEqual(["market.usdHkd", "market.usdRmb"]);
  });
});

describe("sliders", () => {
  it("step on round values of the field's unit across its plausible range, and hold every preset's value", () => {
    for (const path of allFieldPaths()) {
      const spec = fieldSpec(path)!;
      if (spec.kind !== "number" && spec.kind !== "integer") continue;
      for (const preset of presets.values()) {
        const value = Number((path.startsWith("market.") ? preset.market : preset.firms[path.split(".")[0] as "zhipu"])[spec.key as never]);
        const {min, max, step} = sliderScale(spec, path, value);
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5], `${path} step ${step}`).toContain(Math.round(mantissa));
        expect(Number.isInteger(Math.round(min / step)) && Math.abs(min / step - Math.round(min / step)) < 1e-9, `${path} min ${min}`).toBe(true);
        const shown = path.endsWith("growthStart") || spec.unit.startsWith("fraction") ? value * 100 : value;
        expect(min, path).toBeLessThanOrEqual(shown + 1e-9);
        expect(max, path).toBeGreaterThanOrEqual(shown - 1e-9);
        expect((max - min) / step, path).toBeLessThanOrEqual(500);
      }
    }
  });

  it("twenty arrow presses on Zhipu's burn from RMB 300M land on round values (a step of RMB 5M)", () => {
    const {step} = sliderScale(fieldSpec("zhipu.burnNow")!, "zhipu.burnNow", 300);
    expect(step).toBe(5);
    expect(300 + 20 * step).toBe(400);
    expect(sliderScale(fieldSpec("minimax.burnNow")!, "minimax.burnNow", 27.9).step).toBe(0.5);
    expect(sliderScale(fieldSpec("minimax.growthStart")!, "minimax.growthStart", 1.747).step).toBe(5);
  });
});
