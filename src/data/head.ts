// What every page's <head> carries beyond Framework's own: the import map that stubs arquero's Node
// imports (design §6), and link-preview tags (description and Open Graph) from the page's content.
// Used by observablehq.config.ts for every page and by the published scenarios' page loader.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "./read.ts";

export const SITE_TITLE = "Zhipu & MiniMax";
const DEFAULT_DESCRIPTION = "An open, reactive valuation notebook for Zhipu AI (2513.HK) and MiniMax: cash runway, break-even against each firm's target, and a DCF value per share against the market price, from sourced figures and named assumptions.";

// arquero's node bundle keeps `node:fs/promises` / `node:stream` imports (Framework's bundler
// ignores arquero's "browser" field for internal files). Map them to inert inline modules.
const stub = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
const IMPORT_MAP = {
  imports: {
    "node:fs/promises": stub("export function open(){throw new Error('node:fs/promises is unavailable in the browser')}"),
    "node:stream": stub("export const Readable={toWeb(){throw new Error('node:stream is unavailable in the browser')}}")
  }
};

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The extra <head> of a page titled `title` whose content says `description`. */
export function siteHead(title: string | null, description: string | null): string {
  const text = description || DEFAULT_DESCRIPTION;
  const fullTitle = title && title !== SITE_TITLE ? `${title} | ${SITE_TITLE}` : SITE_TITLE;
  return [
    `<link rel="icon" href="data:,">`,
    `<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>`,
    `<meta name="description" content="${escapeAttribute(text)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${escapeAttribute(SITE_TITLE)}">`,
    `<meta property="og:title" content="${escapeAttribute(fullTitle)}">`,
    `<meta property="og:description" content="${escapeAttribute(text)}">`,
    `<meta name="twitter:card" content="summary">`
  ].join("\n");
}

/**
 * The `description:` a page's front matter gives (a JSON string on one line; Framework itself ignores
 * the key), found from the page's path: /zhipu and /minimax are src/[firm].md.
 */
export function pageDescription(path: string): string | null {
  const file = path === "/zhipu" || path === "/minimax" ? "[firm]" : path.replace(/^\//, "").replace(/\/$/, "/index") || "index";
  const source = join(ROOT, "src", `${file}.md`);
  if (!existsSync(source)) return null;
  const match = /^---\n[\s\S]*?^description: (".*")$[\s\S]*?^---$/m.exec(readFileSync(source, "utf8"));
  if (!match) return null;
  try {
    return JSON.parse(match[1]!) as string;
  } catch {
    return null;
  }
}
