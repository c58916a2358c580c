// Captions are computed from the state: they follow the controls and never go stale.
import {describe, expect, it} from "vitest";
import {cashCaption, cashPathsCaption} from "../../src/components/captions.ts";
import {computeFirm} from "../../src/lib/results.ts";
import {baseline, MARKET} from "./helpers.ts";

const zhipu = baseline.scenario.firms.zhipu;

describe("chart captions", () => {
  it("name the IPO month, the later raise and the target year the scenario has", () => {
    const base = cashCaption(computeFirm("zhipu", zhipu, MARKET), "RMB", MARKET);
    expect(base).toMatch(/IPO proceeds of RMB 3\.73B arrive in Jan 2026/);
    expect(base).toMatch(/Zhipu AI's 2026 break-even target/);
    const moved = cashCaption(computeFirm("zhipu", {...zhipu, ipoDate: "2026-04-15", breakEvenTargetYear: 2028, laterRaise: 1000, laterRaiseDate: "2027-06-30"}, MARKET), "USD", MARKET);
    expect(moved).toMatch(/IPO proceeds of US\$\d+(\.\d+)?M arrive in Apr 2026, and a later raise of US\$\d+(\.\d+)?M in Jun 2027/);
    expect(moved).toMatch(/2028 break-even target/);
    expect(moved).toMatch(/in US\$ billions/);
  });

  it("say when the IPO was already in the opening cash", () => {
    const early = cashCaption(computeFirm("zhipu", {...zhipu, ipoDate: "2025-05-01"}, MARKET), "RMB", MARKET);
    expect(early).toMatch(/already in the opening cash/);
  });

  it("keep the IPO's capitals mid-sentence on the overview (it read \"Zhipu AI: iPO proceeds\")", () => {
    const results = (["zhipu", "minimax"] as const).map((firm) => computeFirm(firm, baseline.scenario.firms[firm], MARKET));
    const both = cashPathsCaption(results, "USD", MARKET);
    expect(both).toMatch(/Zhipu AI: IPO proceeds of US\$\d+M arrive in Jan 2026; MiniMax: IPO proceeds of/);
    const early = cashPathsCaption([computeFirm("zhipu", {...zhipu, ipoDate: "2025-05-01"}, MARKET)], "RMB", MARKET);
    expect(early).toMatch(/Zhipu AI: the IPO proceeds \(RMB/);
  });
});
