// The sourced dataset: every row well-formed, every quote verbatim, every cited fact usable.
import {describe, expect, it} from "vitest";
import {readFacts, readSeed, seedsAvailable} from "../../src/data/read.ts";
import {conflicts, misquoted, parseFacts, unusableCitations} from "../../src/lib/facts.ts";
import {baseline} from "./helpers.ts";

const {facts, problems} = readFacts();
const byId = new Map(facts.map((f) => [f.id, f]));
const value = (id: string) => byId.get(id)!.value;

describe("data/facts.csv", () => {
  it("parses with no problems: known firms, units, currencies, statuses; unique ids", () => {
    expect(problems).toEqual([]);
    expect(facts.length).toBeGreaterThan(150);
  });

  it.runIf(seedsAvailable())("quotes every figure verbatim from its article (../shared/seeds)", () => {
    expect(misquoted(facts, readSeed)).toEqual([]);
  });

  it("cites only facts that exist and are chosen or uncontested, for every baseline input", () => {
    const cited = Object.entries(baseline.provenance).flatMap(([field, p]) => p.facts.map((id) => [field, id] as [string, string]));
    expect(cited.length).toBeGreaterThan(30);
    expect(unusableCitations(cited, facts)).toEqual([]);
  });

  it("every conflict has one chosen side with a reason and at least one rejected side", () => {
    const groups = conflicts(facts);
    expect(groups.length).toBeGreaterThanOrEqual(10);
    for (const group of groups) {
      expect(group.chosen?.note).toBeTruthy();
      expect(group.rejected.length).toBeGreaterThan(0);
    }
  });

  it("holds the known conflicts, decided by arithmetic", () => {
    // 131.5 HKD after +13.17 % implies an offer price of 116.2, not 88.
    expect(value("zhipu-first-day-close") / (1 + value("zhipu-first-day-change"))).toBeCloseTo(value("zhipu-ipo-price"), 1);
    expect(byId.get("zhipu-ipo-price-alt")!.status).toBe("rejected");
    // 165 × (1 + 109.09 %) = 345.
    expect(value("minimax-ipo-price") * (1 + value("minimax-first-day-change"))).toBeCloseTo(value("minimax-first-day-close"), 1);
    // US$1,046.2M ÷ US$27.9M = 37.5 months, the article's "37 months"; the RMB 2B-a-month figure is rejected.
    expect(value("minimax-cash-total-2025-09-30") / value("minimax-burn-monthly-2025")).toBeCloseTo(37.5, 1);
    expect(byId.get("minimax-burn-monthly-2025-alt")!.status).toBe("rejected");
    // R&D 189 at 619.1 % of revenue implies 2024 revenue of 30.5, the same as 9M-2025 revenue ÷ 1.75.
    expect(value("minimax-rnd-2024") / value("minimax-rnd-to-revenue-2024")).toBeCloseTo(value("minimax-revenue-2025q1q3") / 1.75, 1);
  });

  it("converts 億 and 萬 into millions", () => {
    expect(value("zhipu-revenue-2024")).toBe(312.4); // 3.124 億元
    expect(value("zhipu-revenue-2022")).toBe(57.4); // 5740 萬元
    expect(value("minimax-cash-total-2025-09-30")).toBe(1046.2); // 10.462 億美元
    expect(value("minimax-undrawn-facilities-2025-09-30")).toBe(39.4); // 3940 萬美元
    expect(value("zhipu-first-day-market-cap")).toBe(57890); // 578.9 億港元
  });

  it("reports a bad row with its line, id and reason", () => {
    const header = "id,firm,metric,period,value,unit,currency,qualifier,source,quote,status,conflict,note";
    const {problems} = parseFacts(`${header}\nx-1,acme,revenue,2024,12a,million,,exact,000_cb3c3c42aa6e7a8e.txt,q,only,,\nx-1,zhipu,revenue,2024,1,million,RMB,exact,000_cb3c3c42aa6e7a8e.txt,q,chosen,,\n`);
    expect(problems).toEqual([
      'line 2 (x-1): unknown firm "acme"',
      'line 2 (x-1): a million value needs a currency',
      'line 2 (x-1): value "12a" is not a plain number',
      "line 3 (x-1): duplicate id",
      "line 3 (x-1): a chosen fact must name its conflict group",
      "line 3 (x-1): a chosen fact must say why in note"
    ]);
  });
});
