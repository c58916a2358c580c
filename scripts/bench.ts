// Benchmarks the engine: a full two-firm recompute (projection, runway, break-even, all solvers).
// Reports medians over repeated samples; timings on a shared 2-core machine are noisy.
import {median, quantile} from "simple-statistics";
import {computeScenario} from "../src/lib/model.ts";
import {resolvePresets} from "../src/lib/scenarios.ts";
import {readBaseline, readPresetFiles} from "./data.ts";

/** Times `fn` `samples` times (after a warm-up), returning milliseconds per call. */
function time(fn: () => unknown, samples: number, warmup = 50): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

const baseline = readBaseline();
const {presets} = resolvePresets(baseline.scenario, readPresetFiles());
const SAMPLES = 500;
console.log(`Full two-firm recompute (${SAMPLES} samples each; target < 2 ms median)`);
console.log("preset                 median ms   p90 ms");
for (const [name, scenario] of presets) {
  const ms = time(() => computeScenario(scenario), SAMPLES);
  console.log(`${name.padEnd(22)} ${median(ms).toFixed(3).padStart(9)} ${quantile(ms, 0.9).toFixed(3).padStart(8)}`);
}
