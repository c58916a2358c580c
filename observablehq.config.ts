import {pageDescription, siteHead, SITE_TITLE} from "./src/data/head.ts";
import {readBaseline, readPresetFiles, scenarioFileNames} from "./src/data/read.ts";
import {resolvePresets} from "./src/lib/scenarios.ts";

// Every data/scenarios/<name>.json is published as /scenarios/<name> (src/scenarios/[name].md.ts).
// A file that fails validation stops the build here, before any page, naming the file, the field
// and the reason; a file in an older version of the schema is migrated with a note saying how to update it.
const scenarioNames = scenarioFileNames();
const checked = resolvePresets(readBaseline().scenario, readPresetFiles());
for (const notice of checked.notices) console.warn(`note: ${notice}`);
if (checked.problems.length) throw new Error(`invalid scenario files:\n${checked.problems.join("\n")}`);

export default {
  title: SITE_TITLE,
  root: "src",
  globalStylesheets: [],
  footer: "",
  style: "style.css",
  // One firm page, src/[firm].md, built once per firm; one report page per scenario file.
  dynamicPaths: ["/zhipu", "/minimax", ...scenarioNames.map((name) => `/scenarios/${name}`)],
  pages: [
    {name: "Overview", path: "/"},
    {name: "Zhipu AI", path: "/zhipu"},
    {name: "MiniMax", path: "/minimax"},
    {name: "Valuation", path: "/valuation"},
    {name: "Risk", path: "/risk"},
    {name: "Sensitivity", path: "/sensitivity"},
    {name: "Published scenarios", path: "/scenarios/"},
    {name: "Compare", path: "/compare"},
    {name: "Unit economics", path: "/unit-economics"},
    {name: "Sources", path: "/sources"},
    {name: "Method", path: "/method"},
    {name: "Verification", path: "/verification"},
    {name: "Glossary", path: "/glossary"}
  ],
  pager: false,
  // The import map for arquero, and link previews from each page's front matter (a published
  // scenario's page writes its own, with its headline result: src/scenarios/[name].md.ts).
  head: ({title, path}: {title: string | null; path: string}) => siteHead(title, pageDescription(path))
};
