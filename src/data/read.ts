// Reads the project's data files from disk (Node only): the data loaders beside this file, the runner and the tests.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseFacts, type Fact} from "../lib/facts.ts";
import {parseBaseline, type Baseline} from "../lib/scenarios.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DATA_DIR = join(ROOT, "data");
export const SCENARIO_DIR = join(DATA_DIR, "scenarios");
/** The articles, beside the project (../shared/seeds) when that folder exists. */
export const SEEDS_DIR = resolve(ROOT, "..", "shared", "seeds");

export function readFacts(): {facts: Fact[]; problems: string[]} {
  return parseFacts(readFileSync(join(DATA_DIR, "facts.csv"), "utf8"));
}

export function readSeed(file: string): string | null {
  const path = join(SEEDS_DIR, file);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

export function seedsAvailable(): boolean {
  return existsSync(SEEDS_DIR);
}

export function readBaseline(): Baseline {
  const read = (file: string) => JSON.parse(readFileSync(join(DATA_DIR, file), "utf8"));
  const {baseline, problems} = parseBaseline(read("baseline.json"), read("uncertainty.json"));
  if (!baseline) throw new Error(`data/baseline.json, data/uncertainty.json:\n${problems.join("\n")}`);
  return baseline;
}

/** The scenario files' names (data/scenarios/<name>.json), sorted. */
export function scenarioFileNames(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith(".json")).sort().map((f) => f.replace(/\.json$/, ""));
}

/** One scenario file's text, as written. */
export function readScenarioText(name: string): string {
  return readFileSync(join(SCENARIO_DIR, `${name}.json`), "utf8");
}

/** The preset scenario files by name, as parsed JSON (sorted by file name); a file that is not JSON throws, naming it. */
export function readPresetFiles(): Map<string, unknown> {
  return new Map(
    scenarioFileNames().map((name) => {
      try {
        return [name, JSON.parse(readScenarioText(name))];
      } catch (error) {
        throw new Error(`data/scenarios/${name}.json: not valid JSON: ${(error as Error).message}`);
      }
    })
  );
}

/** The known-answer vectors of the verification page (data/vectors/<name>.json), as parsed JSON. */
export function readVectors(name: "damodaran" | "formulajs"): unknown {
  return JSON.parse(readFileSync(join(DATA_DIR, "vectors", `${name}.json`), "utf8"));
}
