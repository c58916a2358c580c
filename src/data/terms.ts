// Where the pages link glossary terms: every term(id, text) call in the site's Markdown (Node only: the
// Glossary page's data loader and the tests).
import {readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {ROOT} from "./read.ts";

/** A call such as term("fcff") or term('fcff', "free cash flow"): the id is the first argument. */
export const TERM_CALL = /(?<![\w.$])term\(\s*(["'`])([^"'`]*)\1/g;

export interface PageTerms {
  /** The page's address: "/method", "/" for index.md, "/scenarios/" for scenarios/index.md. */
  path: string;
  title: string;
  /** Glossary ids in order of first use, each once. */
  ids: string[];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((d) => {
    if (d.name.startsWith(".")) return [];
    const path = join(dir, d.name);
    return d.isDirectory() ? markdownFiles(path) : d.name.endsWith(".md") ? [path] : [];
  });
}

export function termIds(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(TERM_CALL)].map((m) => m[2]!))];
}

/** Every page under `srcDir` with the glossary ids it links, in file order. */
export function readTermUsage(srcDir = join(ROOT, "src")): PageTerms[] {
  return markdownFiles(srcDir)
    .sort()
    .map((file) => {
      const text = readFileSync(file, "utf8");
      const path = `/${relative(srcDir, file).replace(/\.md$/, "").replace(/(^|\/)index$/, "$1")}`;
      const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? /^# (.+)$/m.exec(text)?.[1]?.trim() ?? path;
      return {path, title, ids: termIds(text)};
    });
}
