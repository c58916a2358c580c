// @vitest-environment jsdom
// Risk's words for the scenario's correlations: inputs by their labels, the firm named once when
// both inputs are its own, an exchange rate by its label (the editor below the words keeps the ids).
import {describe, expect, it} from "vitest";
import {correlationWords} from "../../src/components/risk.ts";

describe("correlation words", () => {
  it("names each input by its label and its firm", () => {
    expect(correlationWords(["zhipu.growthStart", "zhipu.grossMarginTarget", 0.4])).toBe("Zhipu AI's revenue growth now with its target gross margin (ρ = 0.4)");
    expect(correlationWords(["minimax.growthStart", "minimax.burnNow", 0.3])).toBe("MiniMax's revenue growth now with its monthly cash burn now (ρ = 0.3)");
    expect(correlationWords(["zhipu.growthStart", "minimax.growthStart", -0.25])).toBe("Zhipu AI's revenue growth now with MiniMax's revenue growth now (ρ = −0.25)");
    expect(correlationWords(["market.usdHkd", "zhipu.costOfCapital", 0.2])).toBe("HKD per USD with Zhipu AI's cost of capital, years 1–5 (ρ = 0.2)");
    expect(correlationWords(["zhipu.burnNow", "market.usdRmb", 0.1])).toBe("Zhipu AI's monthly cash burn now with RMB per USD (ρ = 0.1)");
  });
});
