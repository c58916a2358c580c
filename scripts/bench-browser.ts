// Browser benchmarks on the built site: input-to-update latency in Chromium, and each page's JavaScript.
//   npm run build && npm run bench:browser
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {median, quantile} from "simple-statistics";
import {CHROMIUM, launch} from "../tests/browser/chromium.ts";
import {ROOT} from "../src/data/read.ts";
import {serve} from "../tests/browser/server.ts";

const DIST = join(ROOT, "dist");
const PAGES = ["index", "zhipu", "minimax", "valuation", "unit-economics", "sources", "method", "glossary"];

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

/**
 * Dispatches 20 slider changes; for each, the time until the last DOM change under <main>, and how long
 * the input's own task ran (the update is synchronous). Also collects every main-thread task of 50 ms
 * or more (a `longtask` PerformanceObserver) while the changes run.
 */
async function latency(path: string, field: string, values: number[]) {
  const browser = await launch();
  const {server, url} = await serve(DIST);
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.goto(`${url}${path}`, {waitUntil: "networkidle"});
  await page.waitForSelector(`.control[data-field="${field}"] input[type="range"]`);
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
pageSizes();
if (!existsSync(CHROMIUM)) {
  console.error(`\nChromium is missing (${CHROMIUM}): sudo apt-get install -y chromium — skipping the latency benchmark.`);
  process.exit(0);
}
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
