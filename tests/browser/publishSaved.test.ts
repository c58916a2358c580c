// The publisher's path end to end: "Save as scenario…" in Chromium, the file dropped into
// data/scenarios/ of a copy of the project, a build, and the new page /scenarios/<name> showing the
// runner's numbers for that file (and listed on /scenarios). Builds a second site: about a minute.
import {execFileSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launch, openSettled} from "./browser.ts";
import {serve} from "./server.ts";
import {copyProject} from "../tempProject.ts";
import {FIRMS} from "../../src/lib/fields.ts";

let browser: Browser;
let project: ReturnType<typeof copyProject>;
beforeAll(async () => {
  browser = await launch();
  project = copyProject();
});
afterAll(async () => {
  await browser?.close();
  project?.remove();
});

describe("a saved scenario becomes a page", () => {
  it("save → data/scenarios/ → build → its page shows the runner's numbers", async () => {
    // 1. Save the state of a link as a scenario file, as a user would.
    const {page} = await openSettled(browser, inject("baseUrl"), "/minimax?scenario=bull&minimax.burnNow=31&zhipu.cashNow=1800&paths=20000&seed=3");
    await page.getByTestId("save-scenario").first().click();
    const dialog = page.getByTestId("save-dialog").first();
    await dialog.locator('input[name="title"]').fill("Bull, dearer MiniMax");
    await dialog.locator('input[name="name"]').fill("bull-dearer");
    await dialog.locator('textarea[name="description"]').fill("The bull case with MiniMax burning US$31M a month and Zhipu starting with RMB 1.8B.");
    await dialog.locator('input[name="author"]').fill("Test <b>author</b> ${1+1}");
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByTestId("save-download").click()]);
    const text = (await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))).toString("utf8");
    await page.context().close();
    // 2. Put it in data/scenarios/ and build.
    writeFileSync(join(project.root, "data", "scenarios", "bull-dearer.json"), text);
    execFileSync("npm", ["run", "build"], {cwd: project.root, stdio: "pipe", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}, timeout: 400_000});
    const runner = JSON.parse(execFileSync(join(project.root, "node_modules", ".bin", "tsx"), ["scripts/runner.ts", "data/scenarios/bull-dearer.json", "--simulate", "20000", "--seed", "3"], {cwd: project.root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024}));
    // 3. Its page, against the runner.
    const {server, url} = await serve(join(project.root, "dist"));
    try {
      const {page: published, watch} = await openSettled(browser, url, "/scenarios/bull-dearer");
      expect(await published.locator("h1").innerText()).toBe("Bull, dearer MiniMax");
      // The author is shown as written: not as HTML, not as an expression.
      expect(await published.getByTestId("byline").innerText()).toContain("Test <b>author</b> ${1+1}");
      for (const firm of FIRMS) {
        const r = runner.firms[firm];
        const value = (testid: string) => published.getByTestId(testid).getAttribute("data-value");
        expect(await value(`runway-${firm}`)).toBe(r.runway.months === null ? "" : String(r.runway.months));
        expect(await value(`breakeven-${firm}`)).toBe(r.breakEven.date ?? "");
        expect(Number(await value(`value-${firm}`))).toBe(r.valuation.valuePerShare);
        expect(Number(await value(`p-cashOutBeforeBreakEven-${firm}`))).toBe(r.risk.probabilities.cashOutBeforeBreakEven.p);
      }
      expect(watch.problems).toEqual([]);
      const {page: list} = await openSettled(browser, url, "/scenarios/");
      expect(await list.getByTestId("published-table").innerText()).toContain("Bull, dearer MiniMax");
      await list.context().close();
      await published.context().close();
    } finally {
      server.close();
    }
  }, 480_000);
});
