// Lets `npm run build` run with no network at all (run before every build, as `prebuild`).
// Framework resolves the versions of its optional client libraries (and the client bundle's
// `npm:react-dom`) by asking the npm registry, even when no page uses them. An empty folder
// `src/.observablehq/cache/_npm/<name>@<version>` answers that question from the cache instead;
// none of these packages is downloaded or served, because no page imports them.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../src/data/read.ts";

const PINNED = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3@7.9.2",
  "d3-dsv@3.0.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react@19.3.1",
  "react-dom@19.3.1",
  "topojson-client@3.1.0"
];

const cache = join(ROOT, "src", ".observablehq", "cache", "_npm");
for (const entry of PINNED) mkdirSync(join(cache, entry), {recursive: true});
