// Headless runner: computes a scenario with the same code as the site.
//   npm run -s model -- <preset-name|path/to/scenario.json> [--set firm.field=value ...] [--simulate <paths> [--seed <n>] [--solve]] [--format json|csv]
// --format csv prints the monthly projection, or with --simulate the monthly cash bands.
// Bad input: exit code 2, one line per problem on stderr, nothing on stdout.
import "./tiering.ts"; // first: see tiering.ts
import {existsSync, readFileSync, statSync} from "node:fs";
import {computeImplied, computeScenario, type Implied} from "../src/lib/results.ts";
import {riskCsv, riskReport, scenarioCsv, scenarioReport, type RiskReport} from "../src/lib/report.ts";
import {DEFAULT_GOALS, solveGoal} from "../src/lib/goalSeek.ts";
import {simulate} from "../src/lib/simulation.ts";
import {parseWholeNumber, pathsProblem, seedProblem} from "../src/lib/uncertainty.ts";
import {resolvePresets, resolveScenarioFile} from "../src/lib/scenarios.ts";
import {FIRMS, type FirmId} from "../src/lib/fields.ts";
import {type Override, type Scenario} from "../src/lib/schema.ts";
import {editScenario} from "../src/lib/edit.ts";
import {readBaseline, readPresetFiles} from "../src/data/read.ts";

/** A scenario file is a few kilobytes; anything past this is refused before it is read. */
const MAX_FILE_BYTES = 1_000_000;

const USAGE = "usage: npm run -s model -- <preset-name|path/to/scenario.json> [--set firm.field=value ...] [--simulate <paths> [--seed <n>] [--solve]] [--format json|csv]";

interface Args {
  target: string | null;
  sets: string[];
  format: string;
  help: boolean;
  /** Paths and seed of a Monte Carlo run, as given (checked in main). */
  simulate: string | null;
  seed: string | null;
  /** With --simulate: also the burn cut, extra funding and growth that bring P(cash-out before break-even) to 10 %. */
  solve: boolean;
}

function parseArgs(argv: string[], problems: string[]): Args {
  const args: Args = {target: null, sets: [], format: "json", help: false, simulate: null, seed: null, solve: false};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // A flag's value, or null (with one problem said) when the flag is the last argument.
    const value = (flag: string): string | null => {
      const next = argv[++i];
      if (next === undefined) problems.push(`${flag}: needs a value`);
      return next ?? null;
    };
    if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--set") {
      const set = value("--set");
      if (set !== null) args.sets.push(set);
    } else if (arg.startsWith("--set=")) args.sets.push(arg.slice(6));
    else if (arg === "--simulate") args.simulate = value("--simulate");
    else if (arg.startsWith("--simulate=")) args.simulate = arg.slice(11);
    else if (arg === "--seed") args.seed = value("--seed");
    else if (arg.startsWith("--seed=")) args.seed = arg.slice(7);
    else if (arg === "--solve") args.solve = true;
    else if (arg === "--format") args.format = value("--format") ?? args.format;
    else if (arg.startsWith("--format=")) args.format = arg.slice(9);
    else if (arg.startsWith("-")) problems.push(`${arg}: unknown option`);
    else if (args.target === null) args.target = arg;
    else problems.push(`${arg}: only one scenario may be given`);
  }
  if (args.format !== "json" && args.format !== "csv") problems.push(`--format: must be json or csv, not "${args.format}"`);
  if (!args.help && args.target === null) problems.push("scenario: give a preset name or a path to a scenario .json file");
  if (args.seed !== null && args.simulate === null) problems.push("--seed: only with --simulate");
  if (args.solve && args.simulate === null) problems.push("--solve: only with --simulate");
  if (args.solve && args.format === "csv") problems.push("--solve: only with --format json");
  return args;
}

/** Loads the scenario named on the command line; problems are collected, never thrown. */
function loadScenario(target: string, problems: string[]): Scenario | null {
  const baseline = readBaseline();
  const {presets, problems: presetProblems} = resolvePresets(baseline.scenario, readPresetFiles());
  problems.push(...presetProblems);
  const looksLikePath = target.endsWith(".json") || target.includes("/");
  if (!looksLikePath) {
    const preset = presets.get(target);
    if (!preset) problems.push(`scenario: unknown preset "${target}" (known: ${[...presets.keys()].join(", ")})`);
    return preset ?? null;
  }
  if (!existsSync(target)) {
    problems.push(`scenario: cannot read ${target}: no such file`);
    return null;
  }
  const size = statSync(target).size;
  if (size > MAX_FILE_BYTES) {
    problems.push(`scenario: ${target} is ${size.toLocaleString("en-US")} bytes; a scenario file has at most ${MAX_FILE_BYTES.toLocaleString("en-US")}`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(target, "utf8"));
  } catch (error) {
    problems.push(`scenario: cannot read ${target}: ${(error as Error).message}`);
    return null;
  }
  const {scenario, issues, notices} = resolveScenarioFile(json, baseline.scenario);
  for (const issue of issues) problems.push(`${issue.field}: ${issue.reason}${issue.value ? ` (got ${issue.value})` : ""}`);
  // A migrated file still computes; the notice says how to update it.
  for (const notice of notices) process.stderr.write(`${oneLine(`note: ${target}: ${notice}`)}\n`);
  return scenario;
}

/** Longest error line printed; longer ones are cut, saying how long they were. */
const MAX_LINE = 300;

/**
 * A problem as exactly one line of plain text: control characters (newlines, terminal escapes)
 * written as escapes, so what a user passed can neither forge a line nor drive the terminal.
 */
function oneLine(text: string): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return escaped.length <= MAX_LINE ? escaped : `${escaped.slice(0, MAX_LINE)}… (${escaped.length.toLocaleString("en-US")} characters)`;
}

function main(argv: string[]): number {
  const problems: string[] = [];
  const args = parseArgs(argv, problems);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let scenario = args.target === null ? null : loadScenario(args.target, problems);
  const overrides: Override[] = [];
  for (const set of args.sets) {
    const eq = set.indexOf("=");
    if (eq <= 0) problems.push(`--set ${set}: must be firm.field=value`);
    else overrides.push([set.slice(0, eq), set.slice(eq + 1)]);
  }
  // Check --set even when the scenario itself failed, so every problem is reported at once.
  // A default range follows its input to the --set value, as on the page for the same link.
  const loaded = scenario ?? readBaseline().scenario;
  const applied = editScenario(loaded, loaded, overrides);
  for (const issue of applied.issues) problems.push(`${issue.field}: ${issue.reason} (got ${issue.value})`);
  if (scenario) scenario = applied.scenario;
  const paths = args.simulate === null ? null : parseWholeNumber(args.simulate);
  const pathsReason = paths === null ? null : pathsProblem(paths);
  if (pathsReason) problems.push(`--simulate: ${pathsReason} (got ${args.simulate})`);
  const seed = args.seed === null ? null : parseWholeNumber(args.seed);
  const seedReason = seed === null ? null : seedProblem(seed);
  if (seedReason) problems.push(`--seed: ${seedReason} (got ${args.seed})`);
  if (problems.length || !scenario) {
    process.stderr.write(problems.map((p) => `error: ${oneLine(p)}\n`).join("") + `${USAGE}\n`);
    return 2;
  }
  const simulation = paths === null ? null : simulate(scenario, {paths, seed: seed ?? undefined});
  const risks = simulation && (Object.fromEntries(FIRMS.map((firm) => [firm, riskReport(simulation, simulation.firms[firm])])) as Record<FirmId, RiskReport>);
  if (args.format === "csv") {
    process.stdout.write(risks ? riskCsv(risks) : scenarioCsv(computeScenario(scenario)));
    return 0;
  }
  const results = computeScenario(scenario);
  const implied = Object.fromEntries(FIRMS.map((firm) => [firm, computeImplied(firm, scenario!.firms[firm], scenario!.market)])) as Record<FirmId, Implied>;
  const report = scenarioReport(scenario, results, implied);
  if (simulation && risks) {
    for (const firm of FIRMS) {
      const required = args.solve ? solveGoal(scenario, firm, DEFAULT_GOALS["cash-out"], {paths: simulation.paths, seed: simulation.seed}) : undefined;
      Object.assign(report.firms[firm], {risk: {...risks[firm], ...(required ? {required: Object.fromEntries(Object.entries(required).map(([lever, a]) => [lever, {value: a.value, reason: a.reason, probability: a.probability}]))} : {})}});
    }
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
