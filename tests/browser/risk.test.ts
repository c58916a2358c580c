// The Risk page, used as an investor would: the Monte Carlo in two workers gives the runner's numbers
// for the same link, follows edits of its ranges and seed, and answers the probabilistic goal seek.
import {execFile} from "node:child_process";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Locator, Page} from "playwright-core";
import {launch, openSettled, screenshot, type Watch} from "./browser.ts";
import {ROOT, readBaseline, readPresetFiles} from "../../src/data/read.ts";
import {resolvePresets} from "../../src/lib/scenarios.ts";
import {decodeShareLink} from "../../src/lib/shareLink.ts";
import {simulate} from "../../src/lib/simulation.ts";
import {riskReport} from "../../src/lib/report.ts";
import {FIRM_NAME, FIRMS, type FirmId} from "../../src/lib/fields.ts";
import type {Estimate} from "../../src/lib/estimate.ts";
import {formatProbability, formatStandardError} from "../../src/lib/format.ts";
import {formatRange, suggestedRange} from "../../src/lib/uncertainty.ts";

/** The machine is slow and shared: a full run of 100,000 paths in two workers may take a while. */
const FINAL_MS = 60_000;
const SLOW_TEST_MS = 240_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MEASURES = {cashout: "cashOutBeforeBreakEven", target: "breakEvenByTarget", value: "valueAbovePrice"} as const;
type Measure = keyof typeof MEASURES;
type Probabilities = Record<(typeof MEASURES)[Measure], Estimate>;
/** A firm's risk record, as much of it as the probabilities need: they and the paths they count. */
type Risk = {probabilities: Probabilities; paths: number; invalidPaths: number};
/** Each firm's three probabilities as the page writes them: "81.2%" and "(±0.1%)" (or "(at most 0.003% at 95% confidence)" at 0%). */
type Shown = Record<string, {p: string; se: string}>;

function shownFrom(risk: Record<FirmId, Risk>): Shown {
  const out: Shown = {};
  for (const firm of FIRMS)
    for (const [id, key] of Object.entries(MEASURES)) {
      const e = risk[firm].probabilities[key];
      out[`p-${id}-${firm}`] = {p: formatProbability(e.p), se: `(${formatStandardError(e, risk[firm].paths - risk[firm].invalidPaths)})`};
    }
  return out;
}

async function shownOn(page: Page): Promise<Shown> {
  const out: Shown = {};
  for (const firm of FIRMS)
    for (const id of Object.keys(MEASURES)) {
      const item = page.getByTestId(`p-${id}-${firm}`);
      out[`p-${id}-${firm}`] = {p: await item.locator("strong").innerText(), se: await item.locator(".muted").innerText()};
    }
  return out;
}

/** The presets as the runner resolves them (scripts/runner.ts). */
const presets = (() => {
  const {presets, problems} = resolvePresets(readBaseline().scenario, readPresetFiles());
  if (problems.length) throw new Error(`presets: ${problems.join("; ")}`);
  return presets;
})();

/** What the page computes for a link: the same query decoded against the presets, simulated in-process. */
const expectedCache = new Map<string, Record<FirmId, Risk>>();
function expectedFor(query: string): Record<FirmId, Risk> {
  let cached = expectedCache.get(query);
  if (!cached) {
    const {scenario, issues} = decodeShareLink(query, presets);
    expect(issues).toEqual([]);
    const simulation = simulate(scenario);
    cached = {zhipu: riskReport(simulation, simulation.firms.zhipu), minimax: riskReport(simulation, simulation.firms.minimax)};
    expectedCache.set(query, cached);
  }
  return cached;
}

const final = '[data-testid="risk-status"][data-final="true"]';

/** Opens `path` (no error cell) and waits for both firms' full path counts. */
async function openFinal(path: string, options?: Parameters<typeof openSettled>[3]): Promise<{page: Page; watch: Watch}> {
  const opened = await openSettled(browser, inject("baseUrl"), path, options);
  await opened.page.waitForSelector(final, {timeout: FINAL_MS});
  return opened;
}

/**
 * Runs `action` and waits until the status has left "final" and come back to it: a new run has started
 * and both full counts have arrived (the status element is redrawn, so this watches the document).
 */
async function rerun(page: Page, action: () => Promise<void>): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {__sawRunning: boolean; __runObserver?: MutationObserver};
    w.__sawRunning = false;
    w.__runObserver?.disconnect();
    const check = () => {
      if (document.querySelector('[data-testid="risk-status"][data-final="false"]')) w.__sawRunning = true;
    };
    w.__runObserver = new MutationObserver(check);
    w.__runObserver.observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-final"]});
  });
  await action();
  await page.waitForFunction(() => (window as unknown as {__sawRunning: boolean}).__sawRunning && document.querySelector('[data-testid="risk-status"][data-final="true"]') !== null, null, {timeout: FINAL_MS});
}

const search = (page: Page) => new URL(page.url()).search;

/** Types `text` into a box and applies it with Enter, as a user does. */
async function enter(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  await box.press("Enter");
}

describe("risk page", () => {
  it("opens cleanly, reaches the full count, and shows each probability with a ± and nothing undefined", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base");
    expect(await page.getByTestId("risk-status").innerText()).toMatch(/^100,000 paths, seed 1: first estimate \(10,000 paths\) in \d+ ms, all paths in \d+ ms/);
    for (const firm of FIRMS)
      for (const id of Object.keys(MEASURES)) {
        const text = await page.getByTestId(`p-${id}-${firm}`).innerText();
        expect(text, `p-${id}-${firm}`).toMatch(/^(under |over )?\d+(\.\d)?% \((±\d+\.\d+%|at (most|least) [\d.]+% at 95% confidence)\) chance /);
      }
    const body = await page.evaluate(() => document.body.innerText);
    expect(body.match(/.{0,40}\b(NaN|undefined|Infinity|null)\b.{0,40}/g)).toBeNull();

    // Values per share follow the currency picker, as on the other pages (US$ by default here): the
    // price in words and on the value chart; the chances stay as they are (no new run).
    const chances = await shownOn(page);
    const priceOf = (firm: FirmId) => page.getByTestId(`p-value-${firm}`);
    expect(await priceOf("zhipu").innerText()).toMatch(/above the price of US\$16\.86$/);
    expect(await page.locator("figure", {hasText: "DCF value per share"}).first().innerText()).toContain("price US$16.86");
    await page.getByTestId("currency-picker").getByRole("radio", {name: "HKD"}).check();
    await expect.poll(() => priceOf("zhipu").innerText()).toMatch(/above the price of HK\$131\.50$/);
    await expect.poll(() => page.locator("figure", {hasText: "DCF value per share (HK$)"}).count()).toBe(2);
    expect(await priceOf("minimax").innerText()).toMatch(/above the price of HK\$345\.00$/);
    expect(await shownOn(page)).toEqual(chances);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("the bear case: a late tail beyond the runway axis is counted, and one break-even path is named rather than drawn", async () => {
    const {page, watch} = await openFinal("/risk?scenario=bear");
    await expect.poll(() => page.locator("figcaption", {hasText: "get there later"}).count()).toBe(1);
    expect(await page.locator("figcaption", {hasText: "get there later"}).innerText()).toMatch(/^\d(\.\d)?% of paths get there later, as late as 20\d\d \(beyond the axis\)/);
    const named = page.locator("figcaption", {hasText: "too few to draw"});
    expect(await named.innerText()).toMatch(/^First month of positive operating cash flow: only 1 of the 100,000 paths gets there within the horizon \(\w{3} \d{4}–\w{3} \d{4}\), too few to draw a distribution; over 99\.9% never do\.$/);
    expect(await named.locator("xpath=..").locator("svg").count()).toBe(0);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("shows the runner's probabilities for ?scenario=base, to the digits shown", async () => {
    const [{page, watch}, runner] = await Promise.all([
      openFinal("/risk?scenario=base"),
      promisify(execFile)(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "runner.ts"), "base", "--simulate", "100000", "--seed", "1"], {cwd: ROOT, maxBuffer: 64 << 20})
    ]);
    const report = JSON.parse(runner.stdout) as {firms: Record<FirmId, {risk: Risk}>};
    const expected = shownFrom(Object.fromEntries(FIRMS.map((firm) => [firm, report.firms[firm].risk])) as Record<FirmId, Risk>);
    expect(await shownOn(page)).toEqual(expected);
    // The in-process decoding of the same link (what the page does) agrees with the command line.
    expect(shownFrom(expectedFor("?scenario=base"))).toEqual(expected);
    // A 0% chance of break-even by the target is explained beside it, for each firm where it is 0%.
    for (const firm of FIRMS) {
      const zero = report.firms[firm].risk.probabilities.breakEvenByTarget.p === 0;
      const why = page.locator(`[data-testid="p-target-${firm}"]`).locator("xpath=ancestor::ul/following-sibling::p[@data-testid='why-no-target']");
      expect(await why.count(), firm).toBe(zero ? 1 : 0);
      if (zero) expect(await why.textContent()).toMatch(/^Why 0%: on none of the [\d,]+ paths does .+ turn positive by December \d{4}.*(break even by [A-Z][a-z]{2} \d{4}|never do by|Fewer than 5%)/);
    }
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("shows the same numbers as the engine for a link with a changed range and seed", async () => {
    const query = "?scenario=base&range.zhipu.burnNow=uniform(150%2C250)&seed=7";
    const {page, watch} = await openFinal(`/risk${query}`);
    expect(await page.getByTestId("link-notice").isHidden()).toBe(true);
    expect(await page.locator('input[data-range="zhipu.burnNow"]').inputValue()).toBe("uniform(150,250)");
    expect(await page.getByTestId("risk-status").innerText()).toMatch(/^100,000 paths, seed 7:/);
    expect(await shownOn(page)).toEqual(shownFrom(expectedFor(query)));
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("a link's 5,000-character junk and range are refused with their true lengths, and the notice wraps on a phone", async () => {
    const junk = "x".repeat(5000);
    const {page, watch} = await openFinal(`/risk?scenario=base&paths=10000&junk=${junk}&range.zhipu.burnNow=${junk}`, {width: 390, colorScheme: "dark"});
    const notice = await page.getByTestId("link-notice").innerText();
    expect(notice).toContain(`junk = ${"x".repeat(80)}… (5,000 characters): unknown field`);
    expect(notice).toContain(`range.zhipu.burnNow = ${"x".repeat(80)}… (5,000 characters): is 5,000 characters long; a range has at most 200`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("an edited range goes into the link and reruns; a bad one is refused by name and the link kept", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base&seed=7");
    const before = await shownOn(page);
    const burn = () => page.locator('[data-testid="ranges-zhipu"] input[data-range="zhipu.burnNow"]');
    await rerun(page, async () => {
      await enter(burn(), "uniform(150,250)");
      // Until the full count, the distributions show the previous one, dimmed and saying so.
      await page.waitForSelector(".settling", {timeout: FINAL_MS});
    });
    expect(await page.locator(".settling").count()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get("range.zhipu.burnNow")).toBe("uniform(150,250)");
    expect(page.url()).toMatch(/range\.zhipu\.burnNow=uniform(%28|\()150(%2C|,)250(%29|\))/);
    const after = await shownOn(page);
    expect(after["p-cashout-zhipu"]).not.toEqual(before["p-cashout-zhipu"]);
    // Only Zhipu ran again: MiniMax's numbers were already this state's (the same bits, as the engine's below show).
    expect(await page.getByTestId("risk-status").innerText()).toMatch(/all paths in \d+ ms, Zhipu AI only, in a background worker: MiniMax's numbers do not depend on the change\.$/);
    // The same state as the link with that range: the same numbers.
    expect(after).toEqual(shownFrom(expectedFor("?scenario=base&range.zhipu.burnNow=uniform(150%2C250)&seed=7")));

    const linkBefore = page.url();
    await enter(burn(), "uniform(300,100)");
    const message = page.getByTestId("ranges-zhipu").locator("tr", {has: page.locator('input[data-range="zhipu.burnNow"]')}).locator(".range-message");
    await expect.poll(() => message.innerText()).toMatch(/^Not applied: .*low \(300\) is above high \(100\)/);
    expect(await burn().getAttribute("aria-invalid")).toBe("true");
    await page.waitForTimeout(400); // past the link's 150 ms write delay
    expect(page.url()).toBe(linkBefore);
    expect(await page.getByTestId("risk-status").getAttribute("data-final")).toBe("true");
    expect(await shownOn(page)).toEqual(after);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("a change while a run goes on is taken by the same, warm worker, which drops the stale run", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base&seed=7");
    let workersStarted = 0;
    page.on("worker", () => workersStarted++);
    const burn = page.locator('[data-testid="ranges-zhipu"] input[data-range="zhipu.burnNow"]');
    await enter(burn, "uniform(150,250)");
    await page.waitForTimeout(250); // the first change's full count is under way
    await rerun(page, () => enter(burn, "uniform(160,240)"));
    await expect.poll(() => new URL(page.url()).searchParams.get("range.zhipu.burnNow")).toBe("uniform(160,240)");
    // Before, a busy worker was terminated and a fresh one (its code cold, three times slower) started.
    expect(workersStarted).toBe(0);
    expect(await shownOn(page)).toEqual(shownFrom(expectedFor("?scenario=base&range.zhipu.burnNow=uniform(160%2C240)&seed=7")));
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("a range put on an input without one, on an exchange rate, and a new correlation go into the link and give the engine's numbers", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base&seed=7&paths=20000");
    const zhipu = page.getByTestId("ranges-zhipu");
    // Choosing an input offers a range 25% either side of its value; Add applies it.
    await zhipu.locator("select[data-add-range-input]").selectOption("zhipu.ipoNetProceeds");
    const offered = formatRange(suggestedRange("zhipu.ipoNetProceeds", presets.get("base")!.firms.zhipu.ipoNetProceeds));
    expect(await zhipu.locator("input[data-add-range]").inputValue()).toBe(offered);
    await rerun(page, () => zhipu.getByRole("button", {name: "Add"}).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("range.zhipu.ipoNetProceeds")).toBe(offered);
    expect(await zhipu.locator('input[data-range="zhipu.ipoNetProceeds"]').inputValue()).toBe(offered);

    // An exchange rate, typed and applied with Enter.
    const market = page.getByTestId("ranges-market");
    await market.locator("select[data-add-range-input]").selectOption("market.usdHkd");
    await rerun(page, () => enter(market.locator("input[data-add-range]"), "uniform(7.75,7.85)"));
    await expect.poll(() => new URL(page.url()).searchParams.get("range.market.usdHkd")).toBe("uniform(7.75,7.85)");

    // A correlation between the new range and the burn, added to the list.
    const correlations = page.locator("input[data-correlations]");
    const list = `${await correlations.inputValue()};zhipu.ipoNetProceeds,zhipu.burnNow,-0.3`;
    await rerun(page, () => enter(correlations, list));
    await expect.poll(() => new URL(page.url()).searchParams.get("corr")).toBe(list);
    expect(await shownOn(page)).toEqual(shownFrom(expectedFor(search(page))));

    // Refused, by name, with the link kept: Add with no input chosen, a bad range, a correlation with a fixed input.
    const linkBefore = page.url();
    await zhipu.getByRole("button", {name: "Add"}).click();
    await expect.poll(() => zhipu.locator("tr.add-range .range-message").innerText()).toBe("Not applied: choose an input first");
    await zhipu.locator("select[data-add-range-input]").selectOption("zhipu.laterRaise");
    await enter(zhipu.locator("input[data-add-range]"), "uniform(500,100)");
    await expect.poll(() => zhipu.locator("tr.add-range .range-message").innerText()).toMatch(/^Not applied: .*low \(500\) is above high \(100\)/);
    await enter(correlations, "zhipu.debt,zhipu.burnNow,0.5");
    await expect.poll(() => page.locator(".correlations-editor .range-message").innerText()).toMatch(/^Not applied: entry 1: zhipu.debt has no range/);
    await page.waitForTimeout(400); // past the link's 150 ms write delay
    expect(page.url()).toBe(linkBefore);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("a range applied with Tab keeps the focus where Tab took it; correlations that cannot all hold are repaired and applied, with a notice", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base&seed=7&paths=20000");
    const burn = page.locator('input[data-range="zhipu.burnNow"]');
    await rerun(page, async () => {
      await burn.fill("uniform(150,250)");
      await burn.press("Tab");
    });
    // The table was redrawn with the new range; the focus is on the next box, as Tab left it.
    await expect.poll(() => page.locator('input[data-range="zhipu.burnNow"]').inputValue()).toBe("uniform(150,250)");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey)).toBe("range zhipu.cashNow");

    const correlations = page.locator("input[data-correlations]");
    await rerun(page, () => enter(correlations, "zhipu.growthStart,zhipu.opexGrowth,0.9;zhipu.growthStart,zhipu.burnNow,0.9;zhipu.opexGrowth,zhipu.burnNow,-0.9"));
    await expect.poll(() => page.locator(".correlations-editor .range-message").innerText()).toMatch(/^Applied, with a notice: .*repaired/);
    const applied = new URL(page.url()).searchParams.get("corr")!;
    expect(applied).toMatch(/^zhipu\.growthStart,zhipu\.opexGrowth,0\.\d+;/);
    expect(applied).not.toContain(",0.9;"); // repaired, not as typed
    expect(await shownOn(page)).toEqual(shownFrom(expectedFor(search(page))));
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("'New seed' changes the seed in the link and the numbers; the same link reloaded gives the same numbers", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base&paths=10000");
    const oldSeed = new URL(page.url()).searchParams.get("seed") ?? "1";
    await rerun(page, () => page.getByRole("button", {name: "New seed"}).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("seed")).not.toBe(oldSeed);
    const seed = new URL(page.url()).searchParams.get("seed")!;
    expect(seed).toMatch(/^\d+$/);
    expect(await page.getByLabel("Seed").inputValue()).toBe(seed);
    await expect.poll(() => page.getByTestId("risk-status").innerText()).toMatch(new RegExp(`^10,000 paths, seed ${seed}:`));
    const shown = await shownOn(page);
    // The new seed's paths are other paths: the exact probabilities differ; the page shows the engine's for it.
    const previous = expectedFor(`?scenario=base&paths=10000&seed=${oldSeed}`);
    const next = expectedFor(search(page));
    expect(FIRMS.some((f) => Object.values(MEASURES).some((k) => next[f].probabilities[k].p !== previous[f].probabilities[k].p))).toBe(true);
    expect(shown).toEqual(shownFrom(next));
    expect(watch.problems).toEqual([]);

    const again = await openFinal(`/risk${search(page)}`);
    expect(await shownOn(again.page)).toEqual(shown);
    expect(again.watch.problems).toEqual([]);
    await again.page.context().close();
    await page.context().close();
  }, SLOW_TEST_MS);

  it("goal seek: every lever of both firms gets a value or a reason, and each value brings P(cash-out first) to at most 10%", async () => {
    const {page, watch} = await openFinal("/risk?scenario=base&paths=10000");
    const target = page.getByLabel("Target probability (%)");
    expect(await target.inputValue()).toBe("10");
    // An empty box is refused by name, not read as 0%; nothing is solved.
    await target.fill("");
    await page.getByRole("button", {name: "Solve for both firms"}).click();
    await expect.poll(() => page.locator(".goal-form [role=status]").innerText()).toBe("Enter a target: a percentage from 0 to 100.");
    expect(await page.locator('[data-testid^="goal-"] tr[data-lever]').count()).toBe(0);
    await target.fill("10");
    await page.getByRole("button", {name: "Solve for both firms"}).click();
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[data-testid^="goal-"] tr[data-lever]')];
        return rows.length === 6 && rows.every((r) => !/solving…|checking…/.test(r.textContent ?? ""));
      },
      null,
      {timeout: SLOW_TEST_MS - 30_000}
    );
    for (const firm of FIRMS) {
      const rows = page.locator(`[data-testid="goal-${firm}"] tr[data-lever]`);
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-lever")))).toEqual(["burnCut", "extraFunding", "growthStart"]);
      for (const row of await rows.all()) {
        const lever = `${firm} ${await row.getAttribute("data-lever")}`;
        const cells = row.locator("td");
        const answer = await cells.nth(1).innerText();
        const check = (await cells.nth(2).innerText()).split("\n")[0]!; // then the Apply button
        if (answer.startsWith("–")) {
          // No value: a reason instead.
          expect(await cells.nth(1).locator(".muted").innerText(), lever).not.toBe("");
          continue;
        }
        expect(answer, lever).toMatch(/\d/);
        const match = check.match(/^P\(cash-out first\) = (under )?(\d+(?:\.\d)?)% \((±[\d.]+%|at (most|least) [\d.]+% at 95% confidence)\)$/);
        expect(match, `${lever}: ${check}`).not.toBeNull();
        expect(Number(match![2]), `${lever}: ${check}`).toBeLessThanOrEqual(10);
      }
    }
    // Apply puts Zhipu's burn cut into the scenario: the link follows, the page says what it did, and the
    // chance at the top, on the same paths (the burn's default range moves with it), is the one checked.
    const row = page.locator('[data-testid="goal-zhipu"] tr[data-lever="burnCut"]');
    const checked = /= ([\d.]+%)/.exec(await row.locator("td").nth(2).innerText())![1]!;
    expect(await row.getByTestId("apply-caveat").count()).toBe(0);
    const before = presets.get("base")!.firms.zhipu.burnNow;
    await row.getByRole("button", {name: "Apply"}).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("zhipu.burnNow")).not.toBeNull();
    const after = Number(new URL(page.url()).searchParams.get("zhipu.burnNow"));
    expect(after).toBeLessThan(before);
    await expect.poll(() => page.getByTestId("applied-zhipu").innerText()).toMatch(new RegExp(`^Applied: Zhipu AI's monthly cash burn now set to RMB [\\d.]+M / month \\(a cut of RMB [\\d.]+M / month\\)\\. The goal seek checked P\\(cash-out first\\) = ${checked.replace(".", "\\.")}; the chances at the top of the page now answer the applied scenario, on the same paths\\.`));
    await page.waitForSelector('[data-testid="risk-status"][data-final="true"]', {timeout: FINAL_MS});
    await expect.poll(() => page.getByTestId("p-cashout-zhipu").locator("strong").innerText(), {timeout: FINAL_MS}).toBe(checked);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("the overview shows both firms' chance of cash-out with a link to Risk carrying the state", async () => {
    const query = "?scenario=bull&seed=3";
    const {page, watch} = await openSettled(browser, inject("baseUrl"), `/${query}`);
    for (const firm of FIRMS) {
      const line = page.getByTestId(`risk-line-${firm}`);
      await expect.poll(() => line.innerText(), {timeout: FINAL_MS}).toMatch(/^(Zhipu AI|MiniMax): P\(cash-out before break-even\) = (under |over )?\d+(\.\d)?% \((±[\d.]+%|at (most|least) [\d.]+% at 95% confidence), [\d,]+ paths\)/);
      expect(await line.innerText()).toMatch(new RegExp(`^${FIRM_NAME[firm]}: `));
      const href = await line.locator("a").getAttribute("href");
      expect(href).toMatch(/^\.\/risk\?/);
      const params = new URL(href!, page.url()).searchParams;
      expect(params.get("scenario")).toBe("bull");
      expect(params.get("seed")).toBe("3");
      expect(new URL(href!, page.url()).search).toBe(search(page));
    }
    expect(watch.problems).toEqual([]);
    await page.context().close();
  }, SLOW_TEST_MS);

  it("screenshots: desktop light and phone dark, with the goal seek answered", async () => {
    for (const [name, options] of [
      ["risk-1280-light", {width: 1280, height: 900, colorScheme: "light"}],
      ["risk-390-dark", {width: 390, height: 844, colorScheme: "dark", hasTouch: true}]
    ] as const) {
      const {page, watch} = await openFinal("/risk", options);
      await page.getByRole("button", {name: "Solve for both firms"}).click();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="goal-"] tr[data-lever]')].filter((r) => !/solving…|checking…/.test(r.textContent ?? "")).length === 6, null, {timeout: FINAL_MS * 2});
      await page.waitForTimeout(300);
      await screenshot(page, name);
      // Nothing wider than the viewport (a phone must not scroll sideways).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.width);
      expect(watch.problems).toEqual([]);
      await page.context().close();
    }
  }, SLOW_TEST_MS);
});
