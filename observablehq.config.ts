// arquero's node bundle keeps `node:fs/promises` / `node:stream` imports (Framework's bundler
// ignores arquero's "browser" field for internal files). Map them to inert inline modules.
const stub = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
const importMap = {
  imports: {
    "node:fs/promises": stub("export function open(){throw new Error('node:fs/promises is unavailable in the browser')}"),
    "node:stream": stub("export const Readable={toWeb(){throw new Error('node:stream is unavailable in the browser')}}")
  }
};

export default {
  title: "Zhipu & MiniMax",
  root: "src",
  globalStylesheets: [],
  footer: "",
  style: "style.css",
  // One firm page, src/[firm].md, built once per firm.
  dynamicPaths: ["/zhipu", "/minimax"],
  pages: [
    {name: "Overview", path: "/"},
    {name: "Zhipu AI", path: "/zhipu"},
    {name: "MiniMax", path: "/minimax"},
    {name: "Valuation", path: "/valuation"},
    {name: "Risk", path: "/risk"},
    {name: "Sensitivity", path: "/sensitivity"},
    {name: "Unit economics", path: "/unit-economics"},
    {name: "Sources", path: "/sources"},
    {name: "Method", path: "/method"},
    {name: "Verification", path: "/verification"},
    {name: "Glossary", path: "/glossary"}
  ],
  pager: false,
  head: `<link rel="icon" href="data:,"><script type="importmap">${JSON.stringify(importMap)}</script>`
};
