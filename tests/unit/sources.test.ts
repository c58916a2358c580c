// The Sources page's building blocks: the inputs' bases, facts as printed, facts by readable name.
import {describe, expect, it} from "vitest";
import {readFacts} from "../../src/data/read.ts";
import {formatFact} from "../../src/lib/format.ts";
import {SOURCE_FILES, factFilter, factName, outletOf, periodName} from "../../src/lib/sources.ts";
import {baseline} from "./helpers.ts";

const {facts} = readFacts();
const byId = new Map(facts.map((f) => [f.id, f]));

describe("the baseline's bases", () => {
  // A note that says no article gives the value, or that starts "Assumed", describes an assumption.
  const saysAssumed = /no article gives|^assumed\b/i;

  it("every input whose note says no article gives it is an assumption", () => {
    const mislabelled = Object.entries(baseline.provenance)
      .filter(([, p]) => saysAssumed.test(p.note) && p.basis !== "assumption")
      .map(([path, p]) => `${path} (${p.basis}): ${p.note}`);
    expect(mislabelled).toEqual([]);
  });

  it("the option count and strike are assumptions for both firms", () => {
    for (const path of ["zhipu.optionsOutstanding", "zhipu.optionStrike", "minimax.optionsOutstanding", "minimax.optionStrike"]) {
      expect(baseline.provenance[path]!.basis, path).toBe("assumption");
    }
  });
});

describe("formatFact", () => {
  it("writes a figure as the article gives it, with its unit and qualifier", () => {
    const f = (id: string) => formatFact(byId.get(id)!);
    expect(f("minimax-cash-total-2025-09-30")).toBe("US$1,046.2M");
    expect(f("zhipu-revenue-2025h1")).toBe("≈ RMB 191M");
    expect(f("zhipu-onprem-revenue-share-2025h1")).toBe("> 85%");
    expect(f("zhipu-mainland-revenue-share-2025h1")).toBe("88.39%");
    expect(f("zhipu-ipo-price")).toBe("HK$116.20 / share");
    expect(f("minimax-hk-public-oversubscription")).toBe("1,837.17×");
    expect(f("minimax-paying-users-2025q1q3")).toBe("1,771,600");
    expect(f("minimax-runway-months-2025-09-30")).toBe("37 months");
    expect(f("minimax-target-breakeven-year")).toBe("2027");
    expect(f("minimax-m1-context-window")).toBe("1,000,000 tokens");
    expect(f("industry-listing-gap-hours")).toBe("< 48");
    expect(f("industry-vc-funding-yoy-2025m1-m8")).toBe("−36%");
    expect(f("minimax-burn-monthly-2025-alt")).toBe("≈ RMB 2,000M");
  });

  it("gives every fact a unit or a plain count (never a raw fraction)", () => {
    for (const fact of facts) {
      const text = formatFact(fact);
      if (fact.unit === "fraction") expect(text, fact.id).toMatch(/%$/);
      expect(text, fact.id).not.toMatch(/^\D*0\.\d+$/);
    }
  });
});

describe("facts by name", () => {
  it("names the outlet of each seed file in one place", () => {
    expect(SOURCE_FILES.map((s) => s.outlet)).toEqual(["NetEase Hao", "The Paper", "Finet", "AI大模型工場"]);
    expect(outletOf("002_92f69e6645171264.txt")).toBe("Finet");
  });

  it("names a fact the way a reader says it", () => {
    expect(factName(byId.get("minimax-revenue-share-ai-native-2025q1q3")!)).toBe("MiniMax revenue share, AI-native products, 9M 2025 — Finet");
    expect(factName(byId.get("zhipu-rnd-2022")!)).toBe("Zhipu R&D expense, 2022 — The Paper");
    expect(factName(byId.get("zhipu-top5-customer-share")!)).toBe("Zhipu top-5 customer revenue share — NetEase Hao");
    expect(periodName("2025H1")).toBe("H1 2025");
    expect(periodName("2025-09-30")).toBe("30 Sep 2025");
    expect(periodName("2022-2025Q1-Q3")).toBe("2022–9M 2025");
    expect(periodName("2025M1-M8")).toBe("Jan–Aug 2025");
  });

  it("every fact's name is words, not its id", () => {
    for (const fact of facts) {
      const name = factName(fact);
      expect(name, fact.id).not.toMatch(/[a-z0-9]+(-[a-z0-9]+){2,}/);
      expect(name, fact.id).not.toContain("_");
      expect(name, fact.id).toMatch(/ — \S/);
    }
  });

  it("a search for an exact id finds that fact alone; other searches match words anywhere", () => {
    const only = facts.filter(factFilter("minimax-revenue-2025q1q3", facts));
    expect(only.map((f) => f.id)).toEqual(["minimax-revenue-2025q1q3"]);
    const finet = facts.filter(factFilter("finet paying", facts));
    expect(finet.map((f) => f.id)).toContain("minimax-paying-users-2025q1q3");
    expect(facts.filter(factFilter("", facts))).toHaveLength(facts.length);
  });
});
