// Data loader: for each glossary id, the pages that link it with term(id, text), for the Glossary page.
import {readTermUsage} from "./terms.ts";

const usage: Record<string, {path: string; title: string}[]> = {};
for (const {path, title, ids} of readTermUsage()) if (path !== "/glossary") for (const id of ids) (usage[id] ??= []).push({path, title});
process.stdout.write(JSON.stringify(usage));
