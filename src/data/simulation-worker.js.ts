// Data loader: the Monte Carlo worker (src/workers/simulation.ts and the engine it imports) bundled
// into one self-contained script with esbuild, so the built site serves it from its own origin and
// the page starts it with `new Worker(await FileAttachment("data/simulation-worker.js").url())`.
import {build} from "esbuild";
import {join} from "node:path";
import {ROOT} from "./read.ts";

const result = await build({
  entryPoints: [join(ROOT, "src", "workers", "simulation.ts")],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  logLevel: "warning"
});
process.stdout.write(result.outputFiles[0]!.text);
