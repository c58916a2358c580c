// Known-answer checks: external vectors (Damodaran's workbooks, formulajs's own tests, the articles'
// arithmetic) run through the site's own code. The same checks run in `npm test` and, live in the
// browser, on the verification page.
import {pow} from "./exactMath.js";
import {ginzu, type GinzuInputs} from "./dcf.js";
import {irr, npv} from "./discounting.js";
import type {Fact} from "./facts.js";
import {FIRM_CURRENCY, FIRM_NAME, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";
import {unitLabel} from "./format.js";
import {convert} from "./fx.js";
import {normalCdf, normalPdf} from "./normal.js";
import {project} from "./projection.js";
import type {FirmResult} from "./results.js";
import {runway} from "./runway.js";

export type CheckGroup = "damodaran" | "formulajs" | "articles" | "runner";

export interface Check {
  group: CheckGroup;
  /** What is checked, with its unit: "Alphabet, Apr 2018: value per share in US$ (Valuation output!B33)". */
  name: string;
  /** Where the expected value comes from, in words, and a link when there is one. */
  source: string;
  href: string | null;
  expected: number;
  /** The site's own code's answer; null when it has none (a failure). */
  computed: number | null;
  /** Largest absolute difference that passes. */
  tolerance: number;
}

export interface CheckRow extends Check {
  difference: number | null;
  pass: boolean;
}

export function judge(check: Check): CheckRow {
  const difference = check.computed === null || !Number.isFinite(check.computed) ? null : check.computed - check.expected;
  return {...check, difference, pass: difference !== null && Math.abs(difference) <= check.tolerance};
}

// --- Damodaran's workbooks -------------------------------------------------------------------------

export interface WorkbookCell {
  value: number;
  cell: string;
  /** How the source printed it ("2 decimals"), when rounded; absent for full precision. */
  precision?: string;
}

export interface DamodaranWorkbook {
  id: string;
  /** Short: "Tesla, Nov 2021". */
  label: string;
  /** What its figures are in, after "in": money ("US$ millions") and per share ("US$"). */
  units: {money: string; perShare: string};
  name: string;
  workbook: string;
  /** Where the values were read, in one line. */
  provenance: string;
  repository: string | null;
  commit: string | null;
  detail: string;
  inputs: GinzuInputs;
  expected: {valuePerShare: WorkbookCell; year10Revenue: WorkbookCell; terminalValue: WorkbookCell; operatingAssets: WorkbookCell; options: WorkbookCell};
}

/** Half a unit of the last printed decimal ("2 decimals" → 0.005), or the default. */
function toleranceOf(cell: WorkbookCell, fallback: number): number {
  const decimals = cell.precision ? Number(/^(\d+) decimal/.exec(cell.precision)?.[1]) : NaN;
  return Number.isFinite(decimals) ? Math.max(fallback, 0.5 * pow(10, -decimals)) : fallback;
}

/** A link to the file that holds the values, at its commit, when the repository is known. */
function githubHref(repository: string | null, commit: string | null, path = ""): string | null {
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return null;
  return `https://github.com/${repository}${commit ? `/tree/${commit}` : ""}${path ? `/${path}` : ""}`;
}

/** Value per share to the cent; year-10 revenue, terminal value, operating assets and options to 0.1. */
export function damodaranChecks(workbooks: readonly DamodaranWorkbook[]): Check[] {
  return workbooks.flatMap((w) => {
    const r = ginzu(w.inputs);
    const source = w.provenance;
    const href = githubHref(w.repository, w.commit);
    const line = (what: string, unit: string, cell: WorkbookCell, computed: number, tolerance: number): Check => ({
      group: "damodaran",
      name: `${w.label}: ${what} in ${unit} (${cell.cell})`,
      source,
      href,
      expected: cell.value,
      computed,
      tolerance: toleranceOf(cell, tolerance)
    });
    const {money, perShare} = w.units;
    return [
      line("value per share", perShare, w.expected.valuePerShare, r.bridge.valuePerShare, 0.005),
      line("year-10 revenue", money, w.expected.year10Revenue, r.years[9]!.revenue, 0.05),
      line("terminal value", money, w.expected.terminalValue, r.terminal.value, 0.05),
      line("value of operating assets", money, w.expected.operatingAssets, r.bridge.adjustedOperatingAssets, 0.05),
      line("value of employee options", money, w.expected.options, r.bridge.options, 0.05)
    ];
  });
}

// --- formulajs's own test vectors --------------------------------------------------------------------

export type FormulaCase =
  | {function: "NPV"; rate: number; values: number[]; expected: number}
  | {function: "IRR"; values: number[]; guess?: number; expected: number}
  | {function: "NORM.S.DIST"; z: number; cumulative: boolean; expected: number};

export interface FormulaVectors {
  source: {repository: string; paths: Record<string, string>; commits: Record<string, string>};
  cases: FormulaCase[];
}

function formulaCall(c: FormulaCase): {name: string; computed: number | null} {
  switch (c.function) {
    case "NPV":
      return {name: `NPV(${c.rate}, ${c.values.join(", ")})`, computed: npv(c.rate, c.values)};
    case "IRR":
      return {name: `IRR({${c.values.join(", ")}}${c.guess === undefined ? "" : `, ${c.guess}`})`, computed: irr(c.values, c.guess)};
    case "NORM.S.DIST":
      return {name: `NORM.S.DIST(${c.z}, ${String(c.cumulative).toUpperCase()})`, computed: c.cumulative ? normalCdf(c.z) : normalPdf(c.z)};
  }
}

/** formulajs checks its own answers to 1e-9; so do we. */
export function formulaChecks(vectors: FormulaVectors): Check[] {
  return vectors.cases.map((c) => {
    const path = vectors.source.paths[c.function] ?? "";
    const {name, computed} = formulaCall(c);
    return {group: "formulajs", name, source: `formulajs's own tests, ${path}`, href: githubHref(vectors.source.repository, vectors.source.commits[path] ?? null, path), expected: c.expected, computed, tolerance: 1e-9};
  });
}

// --- The articles' own arithmetic ----------------------------------------------------------------------

/** The articles' arithmetic, done by the site's code on the sourced figures. Null when a fact is missing. */
export function articleChecks(facts: readonly Fact[], minimax: FirmInputs, market: MarketInputs, factHref: (id: string) => string): Check[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const value = (id: string) => byId.get(id)?.value ?? Number.NaN;
  const quote = (id: string) => byId.get(id)?.quote ?? "";
  const checks: Check[] = [];

  // 002: cash of US$1,046.2M at a burn of US$27.9M a month "could last 37 months". The site's runway
  // on a flat burn from the same cash: 37.5 months, which the article rounds to 37 ("about").
  const cash = value("minimax-cash-total-2025-09-30");
  const burn = value("minimax-burn-monthly-2025");
  // MiniMax held flat (no growth, no margin change, no financing): its cash falls by exactly the burn.
  const flat = project({...minimax, cashNow: cash, burnNow: burn, includeUndrawnFacilities: false, growthStart: 0, growthLongRun: 0, grossMarginTarget: minimax.grossMarginNow, opexGrowth: 0, ipoNetProceeds: 0, laterRaise: 0});
  checks.push({group: "articles", name: `MiniMax's runway: ${cash} ÷ ${burn} (US$M, US$M a month), in months`, source: `002: "${quote("minimax-runway-months-2025-09-30")}" (about 37 months; the division gives 37.5)`, href: factHref("minimax-runway-months-2025-09-30"), expected: value("minimax-runway-months-2025-09-30"), computed: runway(flat).months, tolerance: 0.5});

  // 000/003: the first-day close of HK$131.5 was 13.17% above the offer price of HK$116.2.
  const close = value("zhipu-first-day-close");
  const change = value("zhipu-first-day-change");
  checks.push({group: "articles", name: `Zhipu's offer price: ${close} ÷ (1 + ${change}) (HK$ a share)`, source: `003: "${quote("zhipu-ipo-price")}"; 000: "${quote("zhipu-first-day-close")}", "${quote("zhipu-first-day-change")}"`, href: factHref("zhipu-ipo-price"), expected: value("zhipu-ipo-price"), computed: close / (1 + change), tolerance: 0.05});

  // 002: nine-month 2025 revenue of US$53.437M is 1.75 × all of 2024; 000 gives 2024 as about RMB 215M.
  const nineMonths = value("minimax-revenue-2025q1q3");
  const multiple = value("minimax-revenue-2025q1q3-vs-2024");
  checks.push({group: "articles", name: `MiniMax's 2024 revenue: ${nineMonths} ÷ ${multiple} (US$M), against RMB ${value("minimax-revenue-2024-rmb")}M at the scenario's RMB/US$ rate`, source: `002: "${quote("minimax-revenue-2025q1q3")}", "${quote("minimax-revenue-2025q1q3-vs-2024")}"; 000: "${quote("minimax-revenue-2024-rmb")}"`, href: factHref("minimax-revenue-2024-rmb"), expected: convert(value("minimax-revenue-2024-rmb"), "RMB", "USD", market), computed: nineMonths / multiple, tolerance: 0.5});
  return checks;
}

// --- The runner and the page --------------------------------------------------------------------------

/** The numbers the runner printed for one firm (a subset of its JSON). */
export interface RunnerFirm {
  runway: {months: number | null};
  breakEven: {months: number | null};
  required: {extraFunding: {value: number | null}};
  valuation: {valuePerShare: number};
}

/**
 * The runner's and the page's numbers for the same link: the same code, and the same bits. (Node's and
 * Chromium's own Math.exp, Math.log and Math.pow differ in the last bit for about one input in
 * twenty, so the engine uses exactMath.ts, which gives the same bits everywhere.)
 */
export function runnerChecks(link: string, runner: Record<FirmId, RunnerFirm>, page: Record<FirmId, FirmResult>): Check[] {
  const lines: [(firm: FirmId) => string, (f: RunnerFirm) => number | null, (r: FirmResult) => number | null][] = [
    [() => "runway (months)", (f) => f.runway.months, (r) => r.runway.months],
    [() => "break-even (months)", (f) => f.breakEven.months, (r) => r.breakEven.months],
    [(firm) => `extra funding to break-even (${unitLabel("money", FIRM_CURRENCY[firm])})`, (f) => f.required.extraFunding.value, (r) => r.required.extraFunding.value],
    [() => "value per share (HK$)", (f) => f.valuation.valuePerShare, (r) => r.valuation.valuePerShareHkd]
  ];
  return (Object.keys(runner) as FirmId[]).flatMap((firm) =>
    lines
      .filter(([, fromRunner]) => fromRunner(runner[firm]) !== null)
      .map(([what, fromRunner, fromPage]) => ({group: "runner" as const, name: `${FIRM_NAME[firm]}: ${what(firm)}`, source: `npm run model for ${link}, at build time`, href: link, expected: fromRunner(runner[firm])!, computed: fromPage(page[firm]), tolerance: 0}))
  );
}
