// The verification page's known-answer checks, in npm test: every external vector passes with the
// site's own code, and the cell-level workbook records agree with the page's summary of them.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readFacts, readVectors, ROOT} from "../../src/data/read.ts";
import {computeScenario} from "../../src/lib/results.ts";
import {decodeShareLink} from "../../src/lib/shareLink.ts";
import {articleChecks, damodaranChecks, formulaChecks, judge, runnerChecks, type DamodaranWorkbook, type FormulaVectors} from "../../src/lib/verification.ts";
import {baseline, MARKET, presets} from "./helpers.ts";

const workbooks = (readVectors("damodaran") as {workbooks: DamodaranWorkbook[]}).workbooks;

function expectAllPass(rows: ReturnType<typeof judge>[]) {
  const failed = rows.filter((r) => !r.pass).map((r) => `${r.name}: expected ${r.expected}, computed ${r.computed} (difference ${r.difference}, tolerance ${r.tolerance})`);
  expect(failed).toEqual([]);
  expect(rows.length).toBeGreaterThan(0);
}

describe("Damodaran's published workbooks", () => {
  it("reproduces value per share to the cent, and year-10 revenue, terminal value, operating assets and options to 0.1", () => {
    expect(workbooks.map((w) => w.id)).toEqual(["alphabet-2018", "tesla-2021", "almarai-2026"]);
    expectAllPass(damodaranChecks(workbooks).map(judge));
  });

  it("names each check's unit: US$ for Alphabet and Tesla, the sheet's own units for Almarai's example", () => {
    const names = damodaranChecks(workbooks).map((c) => c.name);
    expect(names).toContain("Alphabet, Apr 2018: value per share in US$ (Valuation output!B33)");
    expect(names).toContain("Tesla, Nov 2021: year-10 revenue in US$ millions (Valuation output!L3)");
    expect(names).toContain("Almarai, Apr 2026: terminal value in millions of the sheet's own units (Valuation output!B18)");
    for (const name of names) expect(name).toMatch(/ in (US\$|millions|the sheet's own units)/);
  });

  it("Tesla's DIY workbook values the options at its own value per share: with the market price instead it is 10% off", () => {
    const tesla = workbooks.find((w) => w.id === "tesla-2021")!;
    const atPrice = damodaranChecks([{...tesla, inputs: {...tesla.inputs, optionsValuedAt: "price"}}]).map(judge);
    expect(atPrice.find((r) => r.name.includes("value per share"))!.pass).toBe(false);
  });

  it("the summary file agrees with the cell-level records it was taken from", () => {
    for (const w of workbooks) {
      const detail = JSON.parse(readFileSync(join(ROOT, w.detail), "utf8"));
      expect(detail.expected.bridge.valuePerShare.value).toBe(w.expected.valuePerShare.value);
      expect(detail.inputs.baseRevenue.value).toBe(w.inputs.baseRevenue);
    }
  });
});

describe("formulajs's own NPV, IRR and NORM.S.DIST vectors", () => {
  it("all pass to 1e-9", () => expectAllPass(formulaChecks(readVectors("formulajs") as FormulaVectors).map(judge)));
});

describe("the articles' own arithmetic", () => {
  it("1,046.2 ÷ 27.9 ≈ 37 months, 131.5 ÷ 1.1317 = 116.2, 5,343.7萬 ÷ 1.75 ≈ RMB 215M", () => {
    const rows = articleChecks(readFacts().facts, baseline.scenario.firms.minimax, MARKET, (id) => `./sources#fact-${id}`).map(judge);
    expect(rows).toHaveLength(3);
    expectAllPass(rows);
  });
});

describe("the runner and the page", () => {
  it("give identical numbers for the same link", () => {
    const link = "?scenario=base&zhipu.burnNow=400";
    const printed = JSON.parse(execFileSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "runner.ts"), "base", "--set", "zhipu.burnNow=400"], {cwd: ROOT, encoding: "utf8"}));
    const decoded = decodeShareLink(link, presets);
    expect(decoded.issues).toEqual([]);
    const rows = runnerChecks(link, printed.firms, computeScenario(decoded.scenario)).map(judge);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expectAllPass(rows);
    // Each firm's money in its own currency, named.
    const funding = rows.filter((r) => r.name.includes("extra funding")).map((r) => r.name);
    expect(funding.length).toBeGreaterThan(0);
    for (const name of funding) expect(name).toMatch(/^(Zhipu AI: extra funding to break-even \(RMB million\)|MiniMax: extra funding to break-even \(US\$ million\))$/);
  });
});
