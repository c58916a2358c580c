// The headless runner, run as a user would: a process, its stdout, stderr and exit code.
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {arbQuery} from "../fuzz/hostile.ts";
import {ROOT} from "../../src/data/read.ts";

function run(...args: string[]) {
  const result = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/runner.ts"), ...args], {cwd: ROOT, encoding: "utf8"});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const errorLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("error: "));

describe("npm run model", () => {
  it("prints both firms' results for a preset as JSON", () => {
    const {code, stdout, stderr} = run("base");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenario.name).toBe("base");
    for (const firm of ["zhipu", "minimax"]) {
      const f = out.firms[firm];
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["currency", "runway", "fundingGaps", "breakEven", "required", "monthly"]));
      expect(Object.keys(f.runway)).toEqual(expect.arrayContaining(["months", "cashOutDate"]));
      expect(Object.keys(f.breakEven)).toEqual(expect.arrayContaining(["date", "year", "targetYear", "meetsTarget"]));
      expect(Object.keys(f.required)).toEqual(["growthStart", "opexGrowth", "burnCut", "extraFunding"]);
      expect(f.monthly.length).toBeGreaterThanOrEqual(120);
      expect(Object.keys(f.valuation)).toEqual(expect.arrayContaining(["valuePerShare", "flooredValuePerShare", "negativeEquity", "valuationDate", "currency", "price", "marketCap", "enterpriseValue", "evToRevenue", "impliedGrowth", "impliedMargin"]));
      expect(f.valuation.currency).toBe("HKD");
      expect(Object.keys(f.valuation.evToRevenue)).toEqual(["trailing", "runRate", "forward2026", "forward2027"]);
      expect(Object.keys(f.monthly[0])).toEqual(["date", "revenue", "grossProfit", "opex", "operatingCashFlow", "financing", "cash"]);
    }
    expect(out.firms.zhipu.currency).toBe("RMB");
    expect(out.firms.minimax.currency).toBe("USD");
    expect(out.firms.zhipu.breakEven.targetYear).toBe(2026);
    expect(out.firms.minimax.breakEven.targetYear).toBe(2027);
    expect(out.firms.minimax.valuation.price).toBe(345);
    expect(out.firms.minimax.valuation.marketCap).toBeCloseTo(345 * 309.28, 6);
    // The reverse DCF is a number, or null with its reason: never a wrong number.
    for (const firm of ["zhipu", "minimax"]) {
      for (const implied of [out.firms[firm].valuation.impliedGrowth, out.firms[firm].valuation.impliedMargin]) {
        if (implied.value === null) expect(implied.reason).toMatch(/^no solution in/);
        else expect(Number.isFinite(implied.value)).toBe(true);
      }
    }
    expect(out.firms.zhipu.valuation.valuationDate).toBe("2025-12-31");
  });

  it("applies --set with the schema's names: the hand-computed MiniMax runway", () => {
    const sets = ["growthStart=0", "growthLongRun=0", "grossMarginTarget=0.234", "opexGrowth=0", "ipoNetProceeds=0"].flatMap((s) => ["--set", `minimax.${s}`]);
    const out = JSON.parse(run("base", ...sets).stdout);
    expect(out.firms.minimax.runway.months).toBeCloseTo(1046.2 / 27.9, 9);
    expect(out.firms.minimax.runway.cashOutDate).toBe("2028-11-14");
  });

  it("prints CSV with --format csv", () => {
    const {code, stdout} = run("bear", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("firm,currency,date,revenue,grossProfit,opex,operatingCashFlow,financing,cash");
    expect(lines[1]).toMatch(/^zhipu,RMB,2025-07,/);
    expect(lines.some((l) => l.startsWith("minimax,USD,2025-10,"))).toBe(true);
  });

  it("reads a scenario file", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "mine.json");
    writeFileSync(file, JSON.stringify({version: 1, name: "mine", title: "Mine", description: "test", firms: {zhipu: {burnNow: 150}}}));
    const out = JSON.parse(run(file).stdout);
    expect(out.scenario.name).toBe("mine");
    expect(out.scenario.firms.zhipu.burnNow).toBe(150);
  });

  const bad: [string, string[], RegExp[]][] = [
    ["an unknown preset", ["nope"], [/^error: scenario: unknown preset "nope"/]],
    ["an unreadable file", ["missing/none.json"], [/^error: scenario: cannot read missing\/none\.json/]],
    ["an unknown field", ["base", "--set", "zhipu.magic=1"], [/^error: zhipu\.magic: unknown field/]],
    ["a value out of range", ["base", "--set", "minimax.growthStart=99"], [/^error: minimax\.growthStart: must be between -0\.9 and 20/]],
    ["not a number", ["base", "--set", "minimax.burnNow=lots"], [/^error: minimax\.burnNow: must be a number/]],
    ["a bad format", ["base", "--format", "xml"], [/^error: --format: must be json or csv/]],
    ["several problems at once", ["nope", "--set", "zhipu.magic=1", "--set", "minimax.burnNow=x"], [/unknown preset/, /zhipu\.magic/, /minimax\.burnNow/]]
  ];
  for (const [what, args, expected] of bad) {
    it(`refuses ${what}: exit 2, one line per problem, nothing on stdout`, () => {
      const {code, stdout, stderr} = run(...args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      const lines = errorLines(stderr);
      expect(lines).toHaveLength(expected.length);
      expected.forEach((re, i) => expect(lines[i]).toMatch(re));
    });
  }

  it("refuses a scenario file with a bad field, naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({version: 1, name: "bad", title: "Bad", description: "x", firms: {minimax: {burnNow: "fast"}}}));
    const {code, stdout, stderr} = run(file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(errorLines(stderr)).toEqual(['error: minimax.burnNow: must be a number (got fast)']);
  });

  it("refuses a file that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, "{not json");
    const {code, stderr} = run(file);
    expect(code).toBe(2);
    expect(errorLines(stderr)[0]).toMatch(/^error: scenario: cannot read .*broken\.json/);
  });

  it("never crashes on a value nested thousands of levels deep", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "deep.json");
    writeFileSync(file, `{"version":1,"name":"deep","title":"Deep","description":"x","firms":{"zhipu":{"burnNow":${"[".repeat(5000)}${"]".repeat(5000)}}}}`);
    const {code, stdout, stderr} = run(file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(/at .*\(|RangeError/);
    expect(errorLines(stderr)).toEqual(["error: zhipu.burnNow: must be a number (got (an array nested too deeply to show))"]);
  });

  it("prints exactly one line per problem, whatever the input holds", () => {
    const forged = run("base", "--set", "zhipu.burnNow=5\nerror: forged line", "--set", "minimax.burnNow=\u001b[31mred");
    expect(forged.code).toBe(2);
    const lines = forged.stderr.trim().split("\n");
    expect(errorLines(forged.stderr)).toHaveLength(2);
    expect(lines.filter((l) => l.includes("forged"))).toHaveLength(1);
    expect(forged.stderr).not.toContain("\u001b");
    expect(forged.stderr).toContain("\\n");
    const long = run("base", "--set", `zhipu.burnNow=${"9".repeat(100000)}x`);
    const line = errorLines(long.stderr)[0]!;
    expect(line.length).toBeLessThan(400);
    expect(line).toMatch(/\(100,\d{3} characters\)$/);
  });

  for (const flag of ["--set", "--format"]) {
    it(`says once that ${flag} as the last argument needs a value`, () => {
      const {code, stderr} = run("base", flag);
      expect(code).toBe(2);
      expect(errorLines(stderr)).toEqual([`error: ${flag}: needs a value`]);
    });
  }

  it("refuses a scenario file over a megabyte before reading it", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "huge.json");
    writeFileSync(file, `{"version":1,"description":"${"x".repeat(1_100_000)}"}`);
    const {code, stderr} = run(file);
    expect(code).toBe(2);
    expect(errorLines(stderr)[0]).toMatch(/is 1,100,\d{3} bytes; a scenario file has at most 1,000,000$/);
  });

  it("answers hostile arguments with exit 0 or 2 and only error lines (a few random ones; npm run fuzz runs more)", () => {
    const samples = fc.sample(fc.array(fc.oneof(fc.constantFrom("base", "bear", "--set", "--format", "csv", "json", "--set=zhipu.burnNow=1", "-x"), arbQuery.map((q) => `zhipu.burnNow=${q}`), fc.string({unit: "binary", maxLength: 40})), {maxLength: 5}), {numRuns: 6, seed: 7});
    for (const args of samples) {
      const {code, stderr} = run(...args.map((a) => a.replaceAll("\u0000", "")));
      expect([0, 2]).toContain(code);
      for (const line of stderr.split("\n").filter(Boolean)) expect(line, args.join(" ")).toMatch(/^(error: |usage: )/);
    }
  });
});


describe("npm run model -- --simulate", () => {
  it("adds each firm's risk: quantiles, probabilities with standard errors and monthly cash bands, the same for the same seed", () => {
    const first = run("base", "--simulate", "500", "--seed", "3");
    expect(first.code).toBe(0);
    const risk = JSON.parse(first.stdout).firms.zhipu.risk;
    expect(Object.keys(risk)).toEqual(["paths", "seed", "invalidPaths", "runwayMonths", "breakEvenMonths", "valuePerShare", "probabilities", "cash"]);
    expect([risk.paths, risk.seed]).toEqual([500, 3]);
    expect(Object.keys(risk.runwayMonths)).toEqual(["p5", "p10", "p25", "p50", "p75", "p90", "p95"]);
    expect(Object.keys(risk.probabilities)).toEqual(["cashOutBeforeBreakEven", "breakEvenByTarget", "valueAbovePrice"]);
    // At 0% the standard error is 0; bound95 says how far the chance can be (3 ÷ 500 paths), else null.
    expect(risk.probabilities.breakEvenByTarget).toEqual({p: 0, standardError: 0, bound95: 0.006});
    expect(risk.probabilities.cashOutBeforeBreakEven.bound95).toBeNull();
    expect(risk.cash.dates[0]).toBe("2025-06");
    expect(risk.cash.p50).toHaveLength(181);
    expect(run("base", "--simulate", "500", "--seed", "3").stdout).toBe(first.stdout);
  });

  it("refuses a bad path count or seed, one line each", () => {
    const {code, stderr, stdout} = run("base", "--simulate", "2000000", "--seed", "1.5");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: --simulate: at most 1,000,000 paths \(got 2000000\)$/m);
    expect(stderr).toMatch(/^error: --seed: must be a non-negative whole number/m);
    expect(run("base", "--seed", "4").stderr).toMatch(/--seed: only with --simulate/);
    expect(run("base", "--solve").stderr).toMatch(/--solve: only with --simulate/);
  });

  it("--solve adds what brings P(cash-out before break-even) to 10%: each lever's value, reason and checked probability", () => {
    const {code, stdout} = run("base", "--simulate", "2000", "--seed", "2", "--solve");
    expect(code).toBe(0);
    for (const firm of ["zhipu", "minimax"]) {
      const required = JSON.parse(stdout).firms[firm].risk.required;
      expect(Object.keys(required).sort()).toEqual(["burnCut", "extraFunding", "growthStart"]);
      for (const answer of Object.values(required) as {value: number | null; reason: string | null; probability: {p: number} | null}[]) {
        if (answer.value === null) expect(answer.reason).toMatch(/not reachable/);
        else expect(answer.probability!.p).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it("--format csv with --simulate prints the monthly cash bands of both firms", () => {
    const {code, stdout} = run("base", "--simulate", "500", "--seed", "3", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("firm,currency,date,p5,p25,p50,p75,p95");
    expect(lines).toHaveLength(1 + 2 * 181);
    const json = JSON.parse(run("base", "--simulate", "500", "--seed", "3").stdout).firms.zhipu.risk.cash;
    expect(lines[25]!.split(",").slice(3).map(Number)).toEqual([json.p5[24], json.p25[24], json.p50[24], json.p75[24], json.p95[24]]);
  });
});
