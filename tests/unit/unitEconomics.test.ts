// Unit economics worked by hand from the articles' figures.
import {describe, expect, it} from "vitest";
import {readFacts} from "../../src/data/read.ts";
import {blendedMargin, breakEvenRevenueAtTodaysCosts, burnMultiple, minimaxBlendedMargin, minimaxPerUser, perEnterpriseCustomer, rndIntensity} from "../../src/lib/unitEconomics.ts";
import {baseline} from "./helpers.ts";

const facts = new Map(readFacts().facts.map((f) => [f.id, f]));

describe("unit economics", () => {
  it("blends MiniMax's segment margins: 0.711 × 4.7% + 0.289 × 69.4% = 23.4%", () => {
    const m = minimaxBlendedMargin(facts);
    expect(m.value).toBeCloseTo(0.033417 + 0.200566, 12);
    expect(m.value).toBeCloseTo(baseline.scenario.firms.minimax.grossMarginNow, 3); // the baseline input agrees
    expect(blendedMargin(0.5, 0.1, 0.7)).toBeCloseTo(0.4, 12);
  });

  it("revenue per paying user: US$53.437M × 0.711 ÷ 1,771,600 = US$21.45 over nine months", () => {
    const [consumer, perPayer, perPayerMonth, perMau, payingShare] = minimaxPerUser(facts);
    expect(consumer!.value).toBeCloseTo(37.993707, 6);
    expect(perPayer!.value).toBeCloseTo(21.446, 3);
    expect(perPayerMonth!.value).toBeCloseTo(21.446 / 9, 3);
    expect(perMau!.value).toBeCloseTo(1.3766, 4);
    expect(payingShare!.value).toBeCloseTo(0.0642, 4);
  });

  it("revenue per enterprise customer and Zhipu's concentration", () => {
    const [zhipu, top5, rest, minimax] = perEnterpriseCustomer(facts);
    expect(zhipu!.value).toBeCloseTo(191e6 / 12000, 6); // RMB 15,917
    expect(top5!.value).toBeCloseTo((0.48 * 191e6) / 5, 3); // RMB 18.3M each
    expect(rest!.value).toBeCloseTo((0.52 * 191e6) / 11995, 3); // RMB 8,280 each
    expect(minimax!.value).toBeCloseTo((53.437 * 0.289 * 1e6) / 2500, 3); // US$6,177
  });

  it("R&D as a multiple of revenue matches the articles' own ratios", () => {
    const byPeriod = new Map(rndIntensity(facts).map((r) => [`${r.firm} ${r.period}`, r.value]));
    expect(byPeriod.get("zhipu 2024")).toBeCloseTo(2195 / 312.4, 9); // 7.03×
    expect(byPeriod.get("zhipu H1 2025")).toBeGreaterThan(8); // "more than 8 times" (001)
    expect(byPeriod.get("minimax 2024")).toBeCloseTo(6.191, 2); // 619.1% (000)
    expect(byPeriod.get("minimax 9M 2025")).toBeCloseTo(3.374, 2); // 337.4% (000)
  });

  it("burn per unit of revenue: Zhipu 300 × 12 ÷ 382 = 9.42", () => {
    expect(burnMultiple("x", baseline.scenario.firms.zhipu, []).value).toBeCloseTo(3600 / 382, 12);
    expect(burnMultiple("x", baseline.scenario.firms.minimax, []).value).toBeCloseTo(334.8 / 71.25, 12);
  });
});

describe("break-even revenue at today's costs", () => {
  it("Zhipu: (382 ÷ 12 × 0.5 + 300) × 12 ÷ 0.6 = RMB 6,318M a year", () => {
    expect(breakEvenRevenueAtTodaysCosts("x", baseline.scenario.firms.zhipu, "rmbMillions", []).value).toBeCloseTo(((382 / 12) * 0.5 + 300) * 12 / 0.6, 9);
  });
});
