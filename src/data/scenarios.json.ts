// Data loader: the baseline inputs with their provenance, the default ranges with theirs, and the
// preset scenarios resolved against it. Any invalid input, preset or citation fails the build with the reason.
import {readBaseline, readFacts, readPresetFiles} from "./read.ts";
import {unusableCitations} from "../lib/facts.ts";
import {resolvePresets} from "../lib/scenarios.ts";

const baseline = readBaseline();
const {presets, problems, notices} = resolvePresets(baseline.scenario, readPresetFiles());
for (const notice of notices) console.warn(`note: ${notice}`);
const cited = [...Object.entries(baseline.provenance), ...Object.entries(baseline.rangeProvenance).map(([field, p]) => [`uncertainty.${field}`, p] as const)].flatMap(([field, p]) => p.facts.map((id) => [field, id] as [string, string]));
problems.push(...unusableCitations(cited, readFacts().facts));
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
const order = ["base", "management-targets", "bear", "bull"];
const names = [...presets.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
process.stdout.write(
  JSON.stringify({
    provenance: baseline.provenance,
    rangeProvenance: baseline.rangeProvenance,
    correlationRationale: baseline.correlationRationale,
    presets: names.map((name) => presets.get(name)!)
  })
);
