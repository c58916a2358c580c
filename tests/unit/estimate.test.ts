import {describe, expect, it} from "vitest";
import {ruleOfThreeBound, shareEstimate} from "../../src/lib/estimate.ts";

describe("estimate", () => {
  it("a share of paths with its standard error √(p(1 − p) ÷ n); NaN with no paths", () => {
    expect(shareEstimate(25, 100)).toEqual({p: 0.25, standardError: Math.sqrt(0.25 * 0.75 / 100)});
    expect(shareEstimate(0, 0)).toEqual({p: Number.NaN, standardError: Number.NaN});
  });

  it("the rule of three's 95% bound only where the standard error is 0 (p = 0 or 1)", () => {
    expect(ruleOfThreeBound(shareEstimate(0, 100_000), 100_000)).toBe(3 / 100_000);
    expect(ruleOfThreeBound(shareEstimate(1_000, 1_000), 1_000)).toBe(1 - 3 / 1_000);
    expect(ruleOfThreeBound(shareEstimate(0, 2), 2)).toBe(1); // 3 ÷ 2 is capped at certainty
    expect(ruleOfThreeBound(shareEstimate(1, 1_000), 1_000)).toBeNull();
    expect(ruleOfThreeBound(shareEstimate(0, 0), 0)).toBeNull();
  });
});
