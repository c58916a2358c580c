// A disposable copy of the project (sources, data, scripts, config; node_modules linked, not copied)
// for tests that add a scenario file and build: the real data/ is never touched.
import {cpSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {ROOT} from "../src/data/read.ts";

const COPIED = ["src", "data", "scripts", "package.json", "tsconfig.json", "observablehq.config.ts"];

export function copyProject(): {root: string; remove: () => void} {
  const parent = mkdtempSync(join(tmpdir(), "zm-project-"));
  const root = join(parent, "main");
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(root, entry), {recursive: true, filter: (source) => !source.includes(`${join("src", ".observablehq")}`)});
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  // The articles beside the project, as in a clone (quotes are checked against them when present).
  symlinkSync(resolve(ROOT, "..", "shared"), join(parent, "shared"), "dir");
  return {root, remove: () => rmSync(parent, {recursive: true, force: true})};
}
