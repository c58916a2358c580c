// Open-ended fuzzing of the link decoder and the scenario-file reader with the generators of the
// bounded fuzz tests (tests/fuzz/hostile.ts).
//   npm run fuzz -- [--seconds N] [--seed S]
// Prints the seed (reuse it to replay a run), how many inputs were tried, how many threw, how many
// decoded differently when their parameters were reordered, and the slowest inputs.
import fc from "fast-check";
import {allFieldPaths} from "../src/lib/fields.ts";
import {decodeShareLink} from "../src/lib/shareLink.ts";
import {resolveScenarioFile} from "../src/lib/scenarios.ts";
import {arbQuery, arbScenarioJson} from "../tests/fuzz/hostile.ts";
import {baseline, presets} from "../tests/unit/helpers.ts";

const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(flag("--seconds") ?? 10);
const seed = Number(flag("--seed") ?? Math.floor(Math.random() * 2 ** 31));
if (!(seconds > 0) || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz -- [--seconds N] [--seed S]   (N > 0, S an integer)");
  process.exit(2);
}

const shown = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
const slowest: {ms: number; what: string}[] = [];
const note = (ms: number, what: string) => {
  slowest.push({ms, what});
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, 5);
};

let links = 0;
let files = 0;
let throws = 0;
let orderDependent = 0;
const deadline = Date.now() + seconds * 1000;
for (let batch = 0; Date.now() < deadline; batch++) {
  for (const query of fc.sample(arbQuery, {numRuns: 200, seed: seed + batch})) {
    links++;
    try {
      const start = performance.now();
      const a = decodeShareLink(query, presets);
      note(performance.now() - start, `link of ${query.length.toLocaleString("en-US")} characters: ${shown(query)}`);
      const reversed = new URLSearchParams([...new URLSearchParams(query)].reverse()).toString();
      const b = decodeShareLink(reversed, presets);
      if (JSON.stringify(a.scenario) !== JSON.stringify(b.scenario) || a.presetName !== b.presetName || a.currency !== b.currency) orderDependent++;
    } catch (error) {
      throws++;
      console.log(`threw on link ${shown(query)}: ${(error as Error).message}`);
    }
  }
  for (const json of fc.sample(arbScenarioJson, {numRuns: 50, seed: seed + batch})) {
    files++;
    try {
      const start = performance.now();
      resolveScenarioFile(json, baseline.scenario);
      note(performance.now() - start, "scenario file");
    } catch (error) {
      throws++;
      console.log(`threw on a scenario file: ${(error as Error).message}`);
    }
  }
}

// A 1 MB value in every field, one field at a time: refused by its length before any parsing.
const megabyte = `${"9".repeat(1_000_000)}x`;
let worstMegabyte = 0;
for (const path of allFieldPaths()) {
  const start = performance.now();
  decodeShareLink(`${path}=${megabyte}`, presets);
  worstMegabyte = Math.max(worstMegabyte, performance.now() - start);
}

console.log(`seed ${seed} (npm run fuzz -- --seed ${seed} --seconds ${seconds} replays it)`);
console.log(`${links.toLocaleString("en-US")} links and ${files.toLocaleString("en-US")} scenario files in ${seconds} s: ${throws} threw, ${orderDependent} links decoded differently when reordered`);
console.log(`a 1 MB value, in each of the ${allFieldPaths().length} fields: at most ${worstMegabyte.toFixed(1)} ms to refuse`);
console.log("slowest:");
for (const {ms, what} of slowest) console.log(`  ${ms.toFixed(2).padStart(8)} ms  ${what}`);
process.exitCode = throws || orderDependent ? 1 : 0;
