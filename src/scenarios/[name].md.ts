// Page loader: /scenarios/<name>, one report page per data/scenarios/<name>.json (see
// src/data/scenarioPage.ts). A file that fails validation fails the build, naming the file, the
// field and the reason.
import {readBaseline, readPresetFiles} from "../data/read.ts";
import {scenarioPage} from "../data/scenarioPage.ts";
import {FIRMS, type FirmId} from "../lib/fields.ts";
import {riskReport, type RiskReport} from "../lib/report.ts";
import {computeScenario} from "../lib/results.ts";
import {resolvePresets} from "../lib/scenarios.ts";
import {simulate} from "../lib/simulation.ts";

const name = process.argv.find((a) => a.startsWith("--name="))?.slice("--name=".length) ?? "";
const baseline = readBaseline();
const {presets, problems} = resolvePresets(baseline.scenario, readPresetFiles());
const mine = problems.filter((p) => p.startsWith(`data/scenarios/${name}.json:`));
const scenario = presets.get(name);
if (!scenario) mine.push(`data/scenarios/${name}.json: no such scenario file`);
if (mine.length || !scenario) {
  console.error(mine.join("\n"));
  process.exit(1);
}
const base = presets.get("base")!;
const results = computeScenario(scenario);
const ranges = scenario.uncertainty && Object.keys(scenario.uncertainty.ranges).length > 0 ? scenario.uncertainty : null;
let risk: Record<FirmId, RiskReport> | null = null;
if (ranges) {
  const simulation = simulate(scenario, {paths: ranges.simulation.paths, seed: ranges.simulation.seed});
  risk = Object.fromEntries(FIRMS.map((firm) => [firm, riskReport(simulation, simulation.firms[firm])])) as Record<FirmId, RiskReport>;
}
process.stdout.write(scenarioPage({scenario, base, results, risk, provenance: baseline.provenance}));
