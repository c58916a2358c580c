// Runs the same monthly cash model in Squiggle (@quri/squiggle-lang, a devDependency: never import it
// from src/) and times it against our Monte Carlo engine at the same sample counts (issue 10 §5).
// Squiggle works on whole sample sets: each month is a handful of array-wide operations (List.reduce
// over the 180 months), with the preset's ranges as Squiggle distributions. It leaves out what ours
// does beyond the cash path: correlations (Squiggle draws each input independently), runway,
// break-even, DCF, and dropping draws whose inputs do not fit together.
// Run alone with `npx tsx scripts/bench-squiggle.ts`; `npm run bench` runs it at its end, in a process of its own.
import "./tiering.ts"; // first: see tiering.ts
import {pathToFileURL} from "node:url";
import {median} from "simple-statistics";
import {run} from "@quri/squiggle-lang";
import {FIRMS, type FirmId} from "../src/lib/fields.ts";
import {monthIndexOf} from "../src/lib/dates.ts";
import {HORIZON_MONTHS, inflowMonth} from "../src/lib/projection.ts";
import type {DistributionSpec} from "../src/lib/distributions.ts";
import type {Scenario} from "../src/lib/schema.ts";
import {simulate, type SimulationResult} from "../src/lib/simulation.ts";
import {NO_UNCERTAINTY} from "../src/lib/uncertainty.ts";
import {resolvePresets} from "../src/lib/scenarios.ts";
import {readBaseline, readPresetFiles} from "../src/data/read.ts";

/** The months whose median cash is compared with ours. */
const CHECK_MONTHS = [24, HORIZON_MONTHS] as const;
/** z of the two-sided 99% band used for the agreement check. */
const Z = 2.576;

/** The firm inputs the cash model reads (projection.ts); a range on any of them becomes a Squiggle distribution. */
const CASH_FIELDS = ["cashNow", "undrawnFacilities", "burnNow", "revenueRunRate", "growthStart", "growthLongRun", "grossMarginNow", "grossMarginTarget", "opexGrowth", "ipoNetProceeds", "laterRaise"] as const;
/** Inputs the Squiggle model takes as plain numbers only (they set the fades' lengths). */
const FIXED_FIELDS = ["growthFadeYears", "marginYears"] as const;

/** A range as a Squiggle expression: uniform and triangular are built in; PERT is its scaled Beta (λ = 4, as distributions.ts). */
function squiggleDistribution(spec: DistributionSpec): string {
  switch (spec.distribution) {
    case "uniform":
      return `uniform(${spec.low}, ${spec.high})`;
    case "triangular":
      return spec.high > spec.low ? `triangular(${spec.low}, ${spec.mode}, ${spec.high})` : String(spec.low);
    case "pert":
      return spec.high > spec.low ? `pert(${spec.low}, ${spec.mode}, ${spec.high})` : String(spec.low);
    // Normal and lognormal by their 90% interval, as distributions.ts (Squiggle does not truncate them to the field's limits).
    case "normal":
      return `normal({p5: ${spec.low}, p95: ${spec.high}})`;
    case "lognormal":
      return `lognormal({p5: ${spec.low}, p95: ${spec.high}})`;
  }
}

/** The firms whose cash path has at least one uncertain input (the others have nothing to sample). */
function simulatedFirms(scenario: Scenario): FirmId[] {
  const ranges = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  return FIRMS.filter((firm) => CASH_FIELDS.some((key) => ranges[`${firm}.${key}`] !== undefined));
}

/**
 * The Squiggle program: one `cashModel` (the equations of projection.ts's `project`, month by month
 * on sample sets) applied to each firm's inputs, ending in a dict of per-firm answers.
 */
export function squiggleProgram(scenario: Scenario, samples: number): string {
  const ranges = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  const firms = simulatedFirms(scenario);
  const inputs = firms.map((firm) => {
    const f = scenario.firms[firm];
    for (const key of FIXED_FIELDS) if (ranges[`${firm}.${key}`]) throw new Error(`${firm}.${key} has a range: the Squiggle model takes it as a number only`);
    const value = (key: (typeof CASH_FIELDS)[number]) => {
      const spec = ranges[`${firm}.${key}`];
      return spec ? squiggleDistribution(spec) : String(f[key]);
    };
    const startMonth = monthIndexOf(f.baselineDate);
    // As project(): an inflow on or before the baseline month (0) never lands; a raise of 0 adds nothing.
    const raiseMonth = f.laterRaise > 0 || ranges[`${firm}.laterRaise`] ? inflowMonth(startMonth, f.laterRaiseDate) : 0;
    const fields = [
      ...CASH_FIELDS.filter((key) => key !== "undrawnFacilities").map((key) => `${key}: ${value(key)}`),
      `undrawnFacilities: ${f.includeUndrawnFacilities ? value("undrawnFacilities") : 0}`,
      `growthFadeYears: ${f.growthFadeYears}`,
      `marginYears: ${f.marginYears}`,
      `ipoMonth: ${inflowMonth(startMonth, f.ipoDate)}`,
      `raiseMonth: ${raiseMonth}`
    ];
    return `${firm}Inputs = {\n  ${fields.join(",\n  ")}\n}`;
  });
  return `// The monthly cash model of projection.ts. Correlations between inputs are not modelled.
pert(low, mode, high) = low + (high - low) * beta(1 + 4 * (mode - low) / (high - low), 1 + 4 * (high - mode) / (high - low))
ramp(t, years) = years > 0 ? min([1, t / (12 * years)]) : 1

cashModel(f) = {
  revenue0 = f.revenueRunRate / 12
  costs0 = revenue0 * f.grossMarginNow + f.burnNow
  cash0 = f.cashNow + f.undrawnFacilities
  month(acc, t) = {
    growth = f.growthStart + (f.growthLongRun - f.growthStart) * ramp(t, f.growthFadeYears)
    costGrowth = f.opexGrowth + (f.growthLongRun - f.opexGrowth) * ramp(t, f.growthFadeYears)
    revenue = acc.revenue * (1 + growth) ^ (1 / 12)
    costs = acc.costs * (1 + costGrowth) ^ (1 / 12)
    margin = f.grossMarginNow + (f.grossMarginTarget - f.grossMarginNow) * ramp(t, f.marginYears)
    financing = (t == f.ipoMonth ? f.ipoNetProceeds : 0) + (t == f.raiseMonth ? f.laterRaise : 0)
    cash = acc.cash + revenue * margin - costs + financing
    {
      revenue: revenue,
      costs: costs,
      cash: cash,
      lowestCash: SampleSet.min(acc.lowestCash, cash),
      ${CHECK_MONTHS.map((m) => `cash${m}: t == ${m} ? cash : acc.cash${m}`).join(",\n      ")}
    }
  }
  List.reduce(List.upTo(1, ${HORIZON_MONTHS}), {revenue: revenue0, costs: costs0, cash: cash0, lowestCash: cash0, ${CHECK_MONTHS.map((m) => `cash${m}: cash0`).join(", ")}}, month)
}

// The median with its distribution-free 99% band: the order statistics at 0.5 ± z·0.5/√N (z = ${Z}, N = ${samples}).
halfWidth = ${(Z * 0.5) / Math.sqrt(samples)}
summary(x) = {median: inv(x, 0.5), low: inv(x, 0.5 - halfWidth), high: inv(x, 0.5 + halfWidth)}

${inputs.join("\n")}

${firms.map((firm) => `${firm} = cashModel(${firm}Inputs)`).join("\n")}

{
  ${firms
    .map(
      (firm) => `${firm}: {
    ${CHECK_MONTHS.map((m) => `cash${m}: summary(${firm}.cash${m})`).join(",\n    ")},
    probabilityCashBelowZero: cdf(${firm}.lowestCash, 0)
  }`
    )
    .join(",\n  ")}
}
`;
}

interface SquiggleFirmAnswer {
  /** Median cash by check month, with its 99% band. */
  cash: Record<number, {median: number; low: number; high: number}>;
  /** Share of samples whose cash is below zero at some month-end. */
  probabilityCashBelowZero: number;
}

/** Runs the program with `samples` samples; returns the per-firm answers and the wall-clock milliseconds. */
async function runSquiggle(scenario: Scenario, samples: number): Promise<{ms: number; answers: Record<string, SquiggleFirmAnswer>}> {
  const code = squiggleProgram(scenario, samples);
  const start = performance.now();
  const output = await run(code, {environment: {sampleCount: samples, xyPointLength: 1000, seed: "1"}});
  const ms = performance.now() - start;
  if (!output.result.ok) throw new Error(`Squiggle failed: ${output.result.value.toString()}`);
  // asJS() gives dicts as {vtype: "Dict", value: {…}}; numbers as they are.
  const toObject = (x: unknown): unknown => {
    if (typeof x !== "object" || x === null) return x;
    const {vtype, value} = x as {vtype?: string; value?: Record<string, unknown>};
    if (vtype !== "Dict" || !value) throw new Error(`unexpected Squiggle value ${JSON.stringify(x).slice(0, 100)}`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toObject(v)]));
  };
  const raw = toObject(output.result.value.result.asJS()) as Record<string, Record<string, {median: number; low: number; high: number} | number>>;
  const answers: Record<string, SquiggleFirmAnswer> = {};
  for (const [firm, r] of Object.entries(raw)) {
    answers[firm] = {
      cash: Object.fromEntries(CHECK_MONTHS.map((m) => [m, r[`cash${m}`] as {median: number; low: number; high: number}])),
      probabilityCashBelowZero: r.probabilityCashBelowZero as number
    };
  }
  return {ms, answers};
}

/** Times simulate() `runs` times; returns the milliseconds and the last result. */
function timeOurs(scenario: Scenario, paths: number, runs: number): {ms: number[]; result: SimulationResult} {
  const ms: number[] = [];
  let result: SimulationResult | null = null;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = simulate(scenario, {paths, seed: 1});
    ms.push(performance.now() - start);
  }
  return {ms, result: result!};
}

const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", {minimumFractionDigits: digits, maximumFractionDigits: digits});

/**
 * Times Squiggle against simulate() at 10,000 and 100,000 samples on `scenario` (the base preset by
 * default), prints the table, and checks that the two agree on median cash within sampling error.
 * Ours is timed first: Squiggle's runs leave a large heap behind that slows whatever runs after them.
 */
export async function benchSquiggle(scenario?: Scenario, log: (line: string) => void = console.log): Promise<void> {
  const base = scenario ?? resolvePresets(readBaseline().scenario, readPresetFiles()).presets.get("base")!;
  const firms = simulatedFirms(base);
  log("\nThe same monthly cash model in Squiggle (@quri/squiggle-lang) vs our simulate(), base preset, one thread");
  log(`Squiggle: ${firms.join(" and ")}: per sample the 180-month cash path (List.reduce over months on sample sets), median cash at months ${CHECK_MONTHS.join(" and ")}, P(cash < 0 at some month-end); inputs drawn independently (correlations ignored).`);
  log("Ours:     both firms' full projection per path with correlated inputs (Iman–Conover), runway, break-even, DCF value, cash bands for every month, probabilities.");

  // Ours: a warm-up, then the median of 5 runs at 10,000 and of 5 at 100,000.
  timeOurs(base, 10_000, 1);
  const ours10k = timeOurs(base, 10_000, 5);
  const ours100k = timeOurs(base, 100_000, 5);

  // Squiggle: a warm-up (it also loads the standard library), the median of 3 runs at 10,000, and at
  // 100,000 up to 3 runs while they take under 45 s in all; 100,000 is skipped (and extrapolated ×10)
  // when a 10,000 run takes over 60 s.
  await runSquiggle(base, 10_000);
  const squiggle10k: number[] = [];
  let last = await runSquiggle(base, 10_000);
  squiggle10k.push(last.ms);
  for (let i = 1; i < 3; i++) squiggle10k.push((await runSquiggle(base, 10_000)).ms);
  let lastSamples = 10_000;
  const squiggle100k: number[] = [];
  const extrapolate = median(squiggle10k) > 60_000;
  if (!extrapolate) {
    while (squiggle100k.length < 3 && squiggle100k.reduce((a, b) => a + b, 0) < 45_000) {
      last = await runSquiggle(base, 100_000);
      squiggle100k.push(last.ms);
    }
    lastSamples = 100_000;
  }

  log("samples     Squiggle ms   runs      ours ms   runs   Squiggle ÷ ours");
  const row = (samples: number, squiggle: number, squiggleRuns: string, ours: number[]) =>
    log(`${fmt(samples).padEnd(10)} ${fmt(squiggle).padStart(12)} ${squiggleRuns.padStart(6)} ${fmt(median(ours), 1).padStart(12)} ${String(ours.length).padStart(6)} ${(fmt(squiggle / median(ours), 1) + "×").padStart(17)}`);
  row(10_000, median(squiggle10k), String(squiggle10k.length), ours10k.ms);
  if (extrapolate) row(100_000, 10 * median(squiggle10k), "est.", ours100k.ms);
  else row(100_000, median(squiggle100k), String(squiggle100k.length), ours100k.ms);
  if (extrapolate) log("est.: 100,000 not run (a 10,000 run took over 60 s); its Squiggle time is an EXTRAPOLATION, 10 × the 10,000 median.");

  // Agreement: ours with correlations off (Squiggle draws each input independently); with them, for information.
  const uncorrelated: Scenario = {...base, uncertainty: {...(base.uncertainty ?? NO_UNCERTAINTY), correlations: []}};
  const ours = simulate(uncorrelated, {paths: lastSamples, seed: 1});
  const oursCorrelated = lastSamples === 100_000 ? ours100k.result : ours10k.result;
  log(`\nMedian cash, millions of each firm's currency, ${fmt(lastSamples)} samples: Squiggle [its 99% band]; ours with correlations off (the check) and on`);
  let agree = true;
  for (const firm of firms) {
    const answer = last.answers[firm]!;
    for (const m of CHECK_MONTHS) {
      const sq = answer.cash[m]!;
      const o = ours.firms[firm].cash.p50[m]!;
      // Both medians carry about the same sampling error, so their difference lies within √2 × the band's half-width (99%).
      const tolerance = Math.SQRT2 * Math.max(sq.high - sq.median, sq.median - sq.low);
      const ok = Math.abs(o - sq.median) <= tolerance;
      agree &&= ok;
      log(`${firm.padEnd(8)} month ${String(m).padEnd(4)} Squiggle ${fmt(sq.median).padStart(7)} [${fmt(sq.low)}, ${fmt(sq.high)}]  ours ${fmt(o).padStart(7)} off, ${fmt(oursCorrelated.firms[firm].cash.p50[m]!).padStart(7)} on  ${ok ? "agree" : "DIFFER"}: |Δ| ${fmt(Math.abs(o - sq.median))}, allowed ${fmt(tolerance)}`);
    }
    log(`${firm.padEnd(8)} P(cash < 0 at some month-end), Squiggle only: ${fmt(100 * answer.probabilityCashBelowZero, 2)}%; paths ours leaves out as inconsistent (Squiggle keeps them): ${ours.firms[firm].invalidPaths}`);
  }
  log(agree ? "Squiggle and ours agree within sampling error." : "Squiggle and ours DIFFER beyond sampling error: compare squiggleProgram() with projection.ts.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchSquiggle();
