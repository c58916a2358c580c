// Data loader: a published scenario's file as written, for its page's "Download JSON".
import {readScenarioText, scenarioFileNames} from "../data/read.ts";

const name = process.argv.find((a) => a.startsWith("--name="))?.slice("--name=".length) ?? "";
if (!scenarioFileNames().includes(name)) {
  console.error(`data/scenarios/${name}.json: no such scenario file`);
  process.exit(1);
}
process.stdout.write(readScenarioText(name));
