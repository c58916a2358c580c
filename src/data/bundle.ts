// One TypeScript entry bundled by esbuild (Framework's own bundler) into a single minified script,
// for data loaders whose output the built site serves from its own origin (the worker, the workbook writer).
import {build} from "esbuild";
import {join} from "node:path";
import {ROOT} from "./read.ts";

/** The bundle of `src/<entry>` and everything it imports, as text. */
export async function bundle(entry: string, format: "esm" | "iife"): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, "src", entry)],
    bundle: true,
    format,
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "warning"
  });
  return result.outputFiles[0]!.text;
}
