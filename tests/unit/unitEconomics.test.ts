// Unit economics worked by hand from the articles' figures, and the arithmetic as the page prints it.
import {describe, expect, it} from "vitest";
import {readFacts} from "../../src/data/read.ts";
import {
  blendFormula,
  blendedGrossMargin,
  blendedMargin,
  breakEvenRevenueAtTodaysCosts,
  burnMultiple,
  formatWorked,
  perEnterpriseCustomer,
  revenuePerUser,
  rndIntensity,
  type Worked
} from "../../src/lib/unitEconomics.ts";
import {baseline} from "./helpers.ts";

const facts = new Map(readFacts().facts.map((f) => [f.id, f]));
const {zhipu, minimax} = baseline.scenario.firms;

describe("unit economics", () => {
  it("blends MiniMax's segment margins: 71.1% × 4.7% + 28.9% × 69.4% = 23.4%", () => {
    const m = blendedGrossMargin(facts, "minimax");
    expect(m.value).toBeCloseTo(0.033417 + 0.200566, 12);
    expect(m.value).toBeCloseTo(minimax.grossMarginNow, 3); // the baseline input agrees
    expect(m.formula).toBe("71.1% × 4.7% + 28.9% × 69.4% = 3.3% + 20.1%");
    expect(formatWorked(m)).toBe("23.4%");
    expect(blendedMargin(0.5, 0.1, 0.7)).toBeCloseTo(0.4, 12);
    expect(blendFormula([{share: 0.5, margin: 0.1}, {share: 0.5, margin: 0.7}])).toBe("50% × 10% + 50% × 70%");
    expect(() => blendedGrossMargin(facts, "zhipu")).toThrow(/no segment margins/);
  });

  it("revenue per paying user: US$53.4M × 71.1% ÷ 1,771,600 paying users = US$21.45 over nine months", () => {
    const [consumer, perPayer, perPayerMonth, perMau, payingShare] = revenuePerUser(facts, "minimax");
    expect(consumer!.value).toBeCloseTo(37.993707, 6);
    expect(consumer!.formula).toBe("US$53.4M × 71.1% = US$38M");
    expect(perPayer!.value).toBeCloseTo(21.446, 3);
    expect(perPayer!.formula).toBe("US$38M ÷ 1,771,600 paying users");
    expect(formatWorked(perPayer!)).toBe("US$21.45");
    expect(perPayerMonth!.value).toBeCloseTo(21.446 / 9, 3);
    expect(perPayerMonth!.formula).toBe("US$38M ÷ 1,771,600 paying users ÷ 9 months");
    expect(perMau!.value).toBeCloseTo(1.3766, 4);
    expect(payingShare!.value).toBeCloseTo(0.0642, 4);
    expect(payingShare!.formula).toBe("1,771,600 paying users ÷ 27,600,000 monthly active users");
  });

  it("revenue per enterprise customer and Zhipu's concentration", () => {
    const [perCustomer, top5, rest, minimaxCustomer] = perEnterpriseCustomer(facts);
    expect(perCustomer!.value).toBeCloseTo(191e6 / 12000, 6); // RMB 15,917
    expect(perCustomer!.formula).toBe("RMB 191M ÷ 12,000 customers");
    expect(formatWorked(perCustomer!)).toBe("RMB 15,920");
    expect(top5!.value).toBeCloseTo((0.48 * 191e6) / 5, 3); // RMB 18.3M each
    expect(top5!.formula).toBe("48% × RMB 191M ÷ 5 customers");
    expect(rest!.value).toBeCloseTo((0.52 * 191e6) / 11995, 3); // RMB 8,280 each
    expect(minimaxCustomer!.value).toBeCloseTo((53.437 * 0.289 * 1e6) / 2500, 3); // US$6,177
    expect(minimaxCustomer!.formula).toBe("US$53.4M × 28.9% ÷ 2,500 customers");
  });

  it("R&D as a multiple of revenue matches the articles' own ratios", () => {
    const rows = rndIntensity(facts);
    const byPeriod = new Map(rows.map((r) => [`${r.firm} ${r.period}`, r]));
    expect(byPeriod.get("zhipu 2022")!.formula).toBe("RMB 84.4M ÷ RMB 57.4M");
    expect(byPeriod.get("zhipu 2024")!.value).toBeCloseTo(2195 / 312.4, 9); // 7.03×
    expect(byPeriod.get("zhipu H1 2025")!.value).toBeGreaterThan(8); // "more than 8 times" (001)
    expect(byPeriod.get("minimax 2024")!.value).toBeCloseTo(6.191, 2); // 619.1% (000)
    expect(byPeriod.get("minimax 2024")!.formula).toBe("US$189M ÷ (US$53.4M ÷ 1.75×)");
    expect(byPeriod.get("minimax 9M 2025")!.value).toBeCloseTo(3.374, 2); // 337.4% (000)
  });

  it("burn per unit of revenue: Zhipu RMB 300M / month × 12 months ÷ RMB 382M / year = 9.4×", () => {
    const z = burnMultiple("x", zhipu, "RMB", []);
    expect(z.value).toBeCloseTo(3600 / 382, 12);
    expect(z.formula).toBe("RMB 300M / month × 12 months ÷ RMB 382M / year");
    expect(formatWorked(z)).toBe("9.4×");
    const m = burnMultiple("x", {...minimax, burnNow: 50}, "USD", []);
    expect(m.value).toBeCloseTo(600 / 71.25, 9);
    expect(m.formula).toBe("US$50M / month × 12 months ÷ US$71.3M / year");
  });
});

describe("break-even revenue at today's costs", () => {
  it("Zhipu: (RMB 31.8M / month × 50% + RMB 300M / month) × 12 months ÷ 60% = RMB 6.32B / year", () => {
    const w = breakEvenRevenueAtTodaysCosts("x", zhipu, "RMB", []);
    expect(w.value).toBeCloseTo((((382 / 12) * 0.5 + 300) * 12) / 0.6, 9);
    expect(w.formula).toBe("(RMB 31.8M / month × 50% + RMB 300M / month) × 12 months ÷ 60%");
    expect(formatWorked(w)).toBe("RMB 6.32B / year");
  });
});

describe("every operand of every formula carries a unit", () => {
  // A bare number next to an operator: "84.4 ÷ 57.4", "× 12 ÷", "0.711 ×". A number with a unit
  // reads "RMB 84.4M", "71.1%", "1.75×", "12 months", "US$21.45".
  const bareBefore = /(?:^|[\s(])[−-]?\d[\d,]*(?:\.\d+)?\s+[×÷+−=]/;
  const bareAfter = /[×÷+−=]\s+[−-]?\d[\d,]*(?:\.\d+)?(?=\s+[×÷+−=]|\)|$)/;
  const all: Worked[] = [
    blendedGrossMargin(facts, "minimax"),
    ...revenuePerUser(facts, "minimax"),
    ...perEnterpriseCustomer(facts),
    ...rndIntensity(facts),
    burnMultiple("x", zhipu, "RMB", []),
    burnMultiple("x", minimax, "USD", []),
    breakEvenRevenueAtTodaysCosts("x", zhipu, "RMB", []),
    breakEvenRevenueAtTodaysCosts("x", minimax, "USD", [])
  ];
  for (const w of all) {
    it(`${w.label}: ${w.formula}`, () => {
      expect(w.formula).not.toMatch(bareBefore);
      expect(w.formula).not.toMatch(bareAfter);
      expect(w.formula).not.toMatch(/\b\d+(\.\d+)? ÷ \d/);
      expect(Number.isFinite(w.value)).toBe(true);
    });
  }
});
