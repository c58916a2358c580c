// Data loader: the Monte Carlo worker (src/workers/simulation.ts and the engine it imports) bundled
// into one self-contained script with esbuild, so the built site serves it from its own origin and
// the page starts it with `new Worker(await FileAttachment("data/simulation-worker.js").url())`.
import {bundle} from "./bundle.ts";

process.stdout.write(await bundle("workers/simulation.ts", "iife"));
