// Browser benchmarks on the built site: input-to-update latency in Chromium, and each page's JavaScript.
//   npm run build && npm run bench:browser [-- --risk | --sensitivity]
// Also the Sensitivity page (a change → its tornadoes and grids redrawn), and the Risk page: range edit
// → first estimate and full count (Monte Carlo in workers), and the goal seek; with --risk, only the Risk page.
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {median, quantile} from "simple-statistics";
import {CHROMIUM, launch} from "../tests/browser/chromium.ts";
import {ROOT} from "../src/data/read.ts";
import {serve} from "../tests/browser/server.ts";

const DIST = join(ROOT, "dist");
const PAGES = ["index", "zhipu", "minimax", "valuation", "risk", "unit-economics", "sources", "method", "glossary"];

/** The JavaScript a page loads: its module preloads (Framework lists every static import). */
function pageScripts(page: string): string[] {
  const html = readFileSync(join(DIST, `${page}.html`), "utf8");
  const hrefs = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
  return hrefs.map((href) => resolve(dirname(join(DIST, `${page}.html`)), href));
}

function pageSizes() {
  console.log("\nJavaScript per page (module preloads; shared libraries counted on every page)");
  console.log("page               files   raw kB  gzip kB");
  for (const page of PAGES) {
    const files = pageScripts(page);
    const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    console.log(`${page.padEnd(18)} ${String(files.length).padStart(5)} ${(raw / 1024).toFixed(0).padStart(8)} ${(gzip / 1024).toFixed(0).padStart(8)}`);
  }
}

/** A page of the built site at 1280×900, served on 127.0.0.1, once `ready` is in it. */
async function openPage(path: string, ready: string, timeout = 30_000) {
  const browser = await launch();
  const {server, url} = await serve(DIST);
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.goto(`${url}${path}`, {waitUntil: "networkidle"});
  await page.waitForSelector(ready, {timeout});
  // tsx compiles named functions with esbuild's keepNames, whose __name helper the page does not have.
  await page.evaluate("globalThis.__name = (f) => f");
  return {browser, server, page};
}

/**
 * Dispatches 20 slider changes; for each, the time until the last DOM change under <main>, and how long
 * the input's own task ran (the update is synchronous). Also collects every main-thread task of 50 ms
 * or more (a `longtask` PerformanceObserver) while the changes run.
 */
async function latency(path: string, field: string, values: number[]) {
  const {browser, server, page} = await openPage(path, `.control[data-field="${field}"] input[type="range"]`);
  // The overview's risk lines come from a simulation the page starts on load (both cores for about a
  // second): wait until it has finished, so the figures are the sliders' own, not the load's.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="risk-line-"]')].every((e) => /100,000 paths/.test(e.textContent ?? "")), null, {timeout: 60_000});
  await page.waitForTimeout(500);
  const samples = await page.evaluate(
    async ({field, values}) => {
      const slider = document.querySelector<HTMLInputElement>(`.control[data-field="${field}"] input[type="range"]`)!;
      const main = document.querySelector("main")!;
      const out: {dom: number; task: number; longTasks: number[]}[] = [];
      const longTasks: number[] = [];
      new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({type: "longtask"});
      for (const value of values) {
        let last = 0;
        // Outputs only: the share link's href rewrites (150 ms later, by design) are not output updates.
        const observer = new MutationObserver((records) => {
          if (records.some((r) => !(r.type === "attributes" && r.attributeName === "href"))) last = performance.now();
        });
        observer.observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
        const start = performance.now();
        slider.value = String(value);
        slider.dispatchEvent(new Event("input", {bubbles: true}));
        const task = performance.now() - start;
        // Wait until nothing has changed for 250 ms, then for the frame that paints the last change.
        while (last === 0 || performance.now() - last < 250) await new Promise((r) => setTimeout(r, 25));
        observer.disconnect();
        out.push({dom: last - start, task, longTasks: []});
      }
      out[0]!.longTasks = longTasks;
      return out;
    },
    {field, values}
  );
  await browser.close();
  server.close();
  return samples;
}

if (!existsSync(join(DIST, "index.html"))) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}
const riskOnly = process.argv.includes("--risk");
const sensitivityOnly = process.argv.includes("--sensitivity");
if (!riskOnly && !sensitivityOnly) pageSizes();
if (!existsSync(CHROMIUM)) {
  console.error(`\nChromium is missing (${CHROMIUM}): sudo apt-get install -y chromium — skipping the latency benchmark.`);
  process.exit(0);
}
if (!riskOnly && !sensitivityOnly) {
  console.log("\nInput event → every dependent number and chart updated (20 slider changes each; target ≤ 16 ms median, ≤ 33 ms p90)");
  console.log("page       field                  median ms   p90 ms   (to last DOM change)   longest input task ms   tasks ≥ 50 ms");
  const burns = Array.from({length: 20}, (_, i) => 20 + (i % 2 ? 15 : 0) + i * 0.5);
  for (const [path, field, values] of [
    ["/", "minimax.burnNow", burns],
    ["/zhipu", "zhipu.burnNow", burns.map((b) => b * 10)],
    ["/minimax", "minimax.burnNow", burns],
    // Sliders move in the shown unit: rates in percent.
    ["/valuation", "minimax.costOfCapital", burns.map((b) => 8 + b / 10)],
    ["/valuation", "minimax.growthStart", burns.map((b) => 120 + 2 * b)]
  ] as [string, string, number[]][]) {
    const samples = await latency(path, field, values);
    const dom = samples.map((s) => s.dom);
    const longest = Math.max(...samples.map((s) => s.task));
    const long = samples[0]!.longTasks;
    console.log(`${path.padEnd(10)} ${field.padEnd(22)} ${median(dom).toFixed(1).padStart(9)} ${quantile(dom, 0.9).toFixed(1).padStart(8)} ${longest.toFixed(1).padStart(30)}   ${long.length ? long.map((d) => d.toFixed(0)).join(", ") : "none"}`);
  }
}

/**
 * The Sensitivity page: each change recomputes its charts in the change's own task (tornadoes: each
 * input at both ends of its range; grids: 21 × 21 projections, with a DCF each for value). Two kinds
 * of change: a click on a bar end of Zhipu's runway tornado (applies that input's value: Zhipu's five
 * charts redraw, MiniMax's stay) and a preset chosen (every chart of both firms). For each, the
 * change's own task and the time to the last DOM change under <main>; and every main-thread task of
 * 50 ms or more (a `longtask` PerformanceObserver) while they run.
 */
async function sensitivityLatency(repeats: number) {
  const {browser, server, page} = await openPage("/sensitivity?scenario=base", '[data-testid="heatmap-minimax-value"]');
  await page.waitForTimeout(500);
  const result = await page.evaluate(async (repeats) => {
    const main = document.querySelector("main")!;
    const longTasks: number[] = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({type: "longtask"});
    /** Runs `change` and times it: its own task, and the last DOM change (NaN if nothing changed within a second). */
    const timed = async (change: () => void) => {
      let last = 0;
      const observer = new MutationObserver((records) => {
        if (records.some((r) => !(r.type === "attributes" && r.attributeName === "href"))) last = performance.now();
      });
      observer.observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
      const start = performance.now();
      change();
      const task = performance.now() - start;
      const deadline = start + 1000;
      while ((last === 0 && performance.now() < deadline) || (last !== 0 && performance.now() - last < 250)) await new Promise((r) => setTimeout(r, 25));
      observer.disconnect();
      return {task, dom: last === 0 ? Number.NaN : last - start};
    };
    const clickBarEnd = (k: number) => () => {
      const dot = document.querySelector<SVGElement>(`[data-testid="tornado-zhipu-runway"] circle.sens-item[data-k="${k}"]`)!;
      dot.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    };
    const choosePreset = (name: string) => () => {
      const radio = document.querySelector<HTMLInputElement>(`[data-testid="preset-picker"] input[value="${name}"]`)!;
      radio.checked = true;
      radio.dispatchEvent(new Event("change", {bubbles: true}));
    };
    const barEnds: {task: number; dom: number}[] = [];
    const presets: {task: number; dom: number}[] = [];
    for (let i = 0; i < repeats; i++) {
      // Alternate ends of the longest bar (the two ends of one input), so every click changes the scenario.
      barEnds.push(await timed(clickBarEnd(i % 2)));
    }
    for (let i = 0; i < repeats; i++) presets.push(await timed(choosePreset(i % 2 ? "base" : "bear")));
    await new Promise((r) => setTimeout(r, 100));
    return {barEnds, presets, longTasks};
  }, repeats);
  await browser.close();
  server.close();
  return result;
}

/** The Risk page of the built site at 1280×900, once its first run is complete. */
async function openRisk(query = "?scenario=base") {
  const opened = await openPage(`/risk${query}`, '[data-testid="risk-status"][data-final="true"]', 120_000);
  await opened.page.waitForTimeout(500);
  return opened;
}

/**
 * The Risk page, with a range on the HKD rate besides the defaults: each edit types a range into an
 * input's box and applies it with Enter. Zhipu's burn re-simulates Zhipu alone (MiniMax's numbers do
 * not depend on it); the HKD rate re-simulates both. For each, the time from the keydown to the first
 * estimate shown (every re-simulated firm's card says 10,000 paths) and to the full count shown (the
 * status says final, those cards 100,000 paths), as performance marks in the page; the runner's own
 * times from the status line; and every main-thread task of 50 ms or more while the runs go.
 */
async function riskLatency(edits: {path: string; range: string}[]) {
  const {browser, server, page} = await openRisk("?scenario=base&range.market.usdHkd=uniform(7.7%2C7.9)");
  const result = await page.evaluate(async (edits) => {
    const longTasks: {start: number; duration: number}[] = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({start: e.startTime, duration: e.duration})))).observe({type: "longtask", buffered: true});
    const begin = performance.now();
    const card = (firm: string) => document.querySelector(`[data-testid="risk-paths-${firm}"]`)?.textContent ?? "";
    const samples: {firms: number; first: number; full: number; runnerFirst: number; runnerFull: number}[] = [];
    for (const [i, {path, range}] of edits.entries()) {
      const firms = path.startsWith("market.") ? ["zhipu", "minimax"] : [path.split(".")[0]!];
      const input = document.querySelector<HTMLInputElement>(`input[data-range="${path}"]`)!;
      input.value = range;
      let first = 0;
      let full = 0;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          const shown = firms.map(card);
          if (!first && shown.every((t) => t.startsWith("10,000 paths"))) {
            performance.mark(`risk-first-${i}`);
            first = performance.now();
          }
          const status = document.querySelector('[data-testid="risk-status"]');
          if (first && !full && status?.getAttribute("data-final") === "true" && shown.every((t) => t.startsWith("100,000 paths"))) {
            performance.mark(`risk-full-${i}`);
            full = performance.now();
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.querySelector("main")!, {subtree: true, childList: true, characterData: true, attributes: true});
      });
      performance.mark(`risk-change-${i}`);
      const start = performance.now();
      input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
      await Promise.race([done, new Promise((r) => setTimeout(r, 120_000))]);
      const status = document.querySelector('[data-testid="risk-status"]')?.textContent ?? "";
      const runner = status.match(/in (\d+) ms, all paths in (\d+) ms/);
      samples.push({firms: firms.length, first: first - start, full: full - start, runnerFirst: Number(runner?.[1] ?? NaN), runnerFull: Number(runner?.[2] ?? NaN)});
      performance.measure(`risk-first-${i}`, `risk-change-${i}`, `risk-first-${i}`);
      performance.measure(`risk-full-${i}`, `risk-change-${i}`, `risk-full-${i}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
    return {samples, longTasks: longTasks.filter((t) => t.start >= begin).map((t) => t.duration)};
  }, edits);
  await browser.close();
  server.close();
  return result;
}

/** The Risk page's goal seek at the default 100,000 paths: click on Solve to every lever of both firms answered and checked. */
async function goalSeekTimes(repeats: number) {
  const {browser, server, page} = await openRisk();
  const result = await page.evaluate(async (repeats) => {
    const longTasks: {start: number; duration: number}[] = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({start: e.startTime, duration: e.duration})))).observe({type: "longtask", buffered: true});
    const begin = performance.now();
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Solve for both firms")!;
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      let solving = false;
      let end = 0;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          const rows = [...document.querySelectorAll('[data-testid^="goal-"] tr[data-lever]')].map((r) => r.textContent ?? "");
          // A repeat first redraws every row as "solving…"; only after that can all be answered.
          if (rows.some((t) => t.includes("solving…"))) solving = true;
          if (solving && rows.length === 6 && rows.every((t) => !/solving…|checking…/.test(t))) {
            end = performance.now();
            performance.mark(`goal-done-${i}`);
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.querySelector("main")!, {subtree: true, childList: true, characterData: true});
      });
      performance.mark(`goal-click-${i}`);
      const start = performance.now();
      button.click();
      await Promise.race([done, new Promise((r) => setTimeout(r, 300_000))]);
      times.push(end ? end - start : NaN);
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 100));
    return {times, longTasks: longTasks.filter((t) => t.start >= begin).map((t) => t.duration)};
  }, repeats);
  await browser.close();
  server.close();
  return result;
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
if (!riskOnly) {
  console.log("\nSensitivity page: a change → every tornado and grid of the firms it moves recomputed and redrawn (target ≤ 100 ms, no task ≥ 50 ms)");
  const sens = await sensitivityLatency(10);
  for (const [what, samples] of [["a bar end of Zhipu's runway tornado clicked (Zhipu's 5 charts)", sens.barEnds], ["a preset chosen, bear ↔ base (all 10 charts)", sens.presets]] as const) {
    const dom = samples.map((s) => s.dom).filter(Number.isFinite);
    const task = samples.map((s) => s.task);
    console.log(`  ${what}: to last DOM change median ${ms(median(dom))} ms (p90 ${ms(quantile(dom, 0.9))}); the change's own task median ${ms(median(task))} ms, longest ${ms(Math.max(...task))} ms${dom.length < samples.length ? `; ${samples.length - dom.length} changed nothing` : ""}`);
  }
  console.log(`  main-thread tasks ≥ 50 ms: ${sens.longTasks.length}${sens.longTasks.length ? ` (${sens.longTasks.map(ms).join(", ")} ms)` : ""}`);
  if (sensitivityOnly) process.exit(0);
}

console.log("\nRisk page: a range edited (input + Enter) → Monte Carlo in a worker per firm (100,000 paths, first estimate from 10,000)");
const burnRanges = ["uniform(150,250)", "uniform(140,260)", "uniform(160,240)", "uniform(130,270)", "uniform(170,230)"];
const rateRanges = ["uniform(7.72,7.88)", "uniform(7.7,7.9)", "uniform(7.74,7.86)", "uniform(7.71,7.89)", "uniform(7.73,7.87)"];
const risk = await riskLatency(burnRanges.flatMap((range, k) => [{path: "zhipu.burnNow", range}, {path: "market.usdHkd", range: rateRanges[k]!}]));
for (const [firms, what] of [[1, "Zhipu's burn range (Zhipu re-simulated; MiniMax's numbers do not depend on it)"], [2, "the HKD rate's range (both firms re-simulated)"]] as const) {
  const samples = risk.samples.filter((s) => s.firms === firms);
  const pick = (key: "first" | "full" | "runnerFirst" | "runnerFull") => samples.map((s) => s[key]);
  console.log(`${what}: ${samples.length} edits`);
  console.log(`  to first estimate shown, median ms    ${ms(median(pick("first")))}   (each: ${pick("first").map(ms).join(", ")})`);
  console.log(`  to full count shown, median ms        ${ms(median(pick("full")))}   (each: ${pick("full").map(ms).join(", ")})`);
  console.log(`  runner's own first / full, median ms  ${ms(median(pick("runnerFirst")))} / ${ms(median(pick("runnerFull")))}   (status line: from the run's start to the slower worker's reply)`);
}
console.log(`main-thread tasks ≥ 50 ms during runs   ${risk.longTasks.length}${risk.longTasks.length ? `, longest ${ms(Math.max(...risk.longTasks))} ms (${risk.longTasks.map(ms).join(", ")})` : ", longest: none"}`);
console.log("\nRisk page: goal seek (P(cash-out first) ≤ 10 %, both firms, 100,000 paths) → every lever answered and checked");
const goal = await goalSeekTimes(3);
console.log(`click to all answers shown, median ms ${ms(median(goal.times))}   (each: ${goal.times.map(ms).join(", ")})`);
console.log(`main-thread tasks ≥ 50 ms             ${goal.longTasks.length}${goal.longTasks.length ? `, longest ${ms(Math.max(...goal.longTasks))} ms` : ", longest: none"}`);
