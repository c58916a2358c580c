// Data loader: data/facts.csv, checked (and its quotes checked against the articles when they
// are beside the project). A bad row fails the build with the row and the reason.
import {readFacts, readSeed, seedsAvailable} from "./read.ts";
import {conflicts, misquoted} from "../lib/facts.ts";

const {facts, problems} = readFacts();
if (seedsAvailable()) problems.push(...misquoted(facts, readSeed));
if (problems.length) {
  console.error(`data/facts.csv:\n${problems.join("\n")}`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({facts, conflicts: conflicts(facts)}));
