// Global setup for the browser tests: checks the prerequisites, then serves dist/ on 127.0.0.1.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {ROOT} from "../../src/data/read.ts";
import {serve} from "./server.ts";
import {CHROMIUM} from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing (${CHROMIUM}). The browser tests drive Debian's Chromium through playwright-core.\n` +
        "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
        "(or set CHROMIUM_PATH to another Chromium/Chrome binary). Do not run `npx playwright install`: it downloads browsers."
    );
  }
  if (!existsSync(join(ROOT, "dist", "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  const {server, url} = await serve(join(ROOT, "dist"));
  project.provide("baseUrl", url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
