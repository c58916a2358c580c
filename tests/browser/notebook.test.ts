// Using the notebook as a person would: move inputs, share the state, open bad links.
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, openPage, settle} from "./browser.ts";
import {FIRM_FIELDS} from "../../src/lib/fields.ts";
import {FIRM_PAGE_SECTIONS} from "../../src/components/assumptions.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const KEY_OUTPUTS = ["runway-zhipu", "runway-minimax", "breakeven-zhipu", "breakeven-minimax"];

async function open(path: string) {
  const opened = await openPage(browser, inject("baseUrl"), path);
  expect(await settle(opened.page)).toEqual([]);
  return opened;
}

async function outputs(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const id of KEY_OUTPUTS) {
    const element = page.getByTestId(id);
    out[id] = (await element.count()) ? await element.first().getAttribute("data-value") : null;
  }
  return out;
}

/** Types a value into a field's number box, as a user would. */
async function setField(page: Page, path: string, shown: string): Promise<void> {
  const box = page.locator(`.control[data-field="${path}"] input[type="number"]`).first();
  await box.fill(shown);
}

async function valueOf(page: Page, id: string): Promise<string | null> {
  return page.getByTestId(id).first().getAttribute("data-value");
}

describe("outputs respond to inputs", () => {
  it("a higher MiniMax burn shortens MiniMax's runway and leaves Zhipu alone", async () => {
    const {page, watch} = await open("/?scenario=bear");
    const before = await outputs(page);
    expect(Number(before["runway-minimax"])).toBeGreaterThan(0);
    await setField(page, "minimax.burnNow", "40");
    await expect.poll(() => valueOf(page, "runway-minimax")).not.toBe(before["runway-minimax"]);
    const after = await outputs(page);
    expect(Number(after["runway-minimax"])).toBeLessThan(Number(before["runway-minimax"]));
    expect(after["runway-zhipu"]).toBe(before["runway-zhipu"]);
    expect(after["breakeven-zhipu"]).toBe(before["breakeven-zhipu"]);
    // Lower burn, longer runway.
    await setField(page, "minimax.burnNow", "30");
    await expect.poll(async () => Number(await valueOf(page, "runway-minimax"))).toBeGreaterThan(Number(after["runway-minimax"]));
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("changing a Zhipu input changes Zhipu's outputs and none of MiniMax's", async () => {
    const {page, watch} = await open("/");
    const before = await outputs(page);
    await setField(page, "zhipu.growthStart", "300");
    await expect.poll(() => valueOf(page, "runway-zhipu")).not.toBe(before["runway-zhipu"]);
    const after = await outputs(page);
    expect(after["runway-minimax"]).toBe(before["runway-minimax"]);
    expect(after["breakeven-minimax"]).toBe(before["breakeven-minimax"]);
    expect(after["breakeven-zhipu"]).not.toBe(before["breakeven-zhipu"]);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("the slider moves the outputs too", async () => {
    const {page} = await open("/?scenario=bear");
    const before = await valueOf(page, "runway-minimax");
    const slider = page.locator('.control[data-field="minimax.burnNow"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await valueOf(page, "runway-minimax"))).toBeLessThan(Number(before));
    expect(Number(await page.locator('.control[data-field="minimax.burnNow"] input[type="number"]').inputValue())).toBeGreaterThan(27.9);
    await page.context().close();
  });

  it("a preset replaces the state and the URL", async () => {
    const {page} = await open("/?scenario=base&zhipu.burnNow=100");
    await page.getByLabel("Management targets").check();
    await expect.poll(() => page.url()).toMatch(/\?scenario=management-targets$/);
    expect(await page.getByTestId("breakeven-zhipu").first().getAttribute("data-meets-target")).toBe("true");
    expect(await page.getByTestId("breakeven-minimax").first().getAttribute("data-meets-target")).toBe("true");
    await page.context().close();
  });
});

describe("share links", () => {
  it("round-trip: state → URL → fresh page → the same outputs and inputs", async () => {
    const {page} = await open("/?scenario=bull");
    await setField(page, "minimax.burnNow", "33.5");
    await setField(page, "zhipu.growthStart", "90");
    await setField(page, "zhipu.opexGrowth", "-12.5");
    await expect.poll(() => page.url()).toContain("zhipu.opexGrowth=-0.125");
    const url = page.url();
    expect(url).toContain("scenario=bull");
    expect(url).toContain("minimax.burnNow=33.5");
    expect(url).toContain("zhipu.growthStart=0.9");
    const state = await outputs(page);
    await page.context().close();

    for (const path of ["/", "/zhipu", "/minimax"]) {
      const fresh = await open(`${path}${new URL(url).search}`);
      const restored = await outputs(fresh.page);
      for (const id of KEY_OUTPUTS) if (restored[id] !== null) expect(restored[id], `${path} ${id}`).toBe(state[id]);
      if (path !== "/minimax") expect(await fresh.page.locator('.control[data-field="zhipu.growthStart"] input[type="number"]').first().inputValue()).toBe("90");
      expect(await fresh.page.getByTestId("link-notice").isHidden()).toBe(true);
      expect(fresh.watch.problems).toEqual([]);
      await fresh.page.context().close();
    }
  });

  it("the firm pages carry the same outputs as the overview", async () => {
    const overview = await open("/?scenario=bear");
    const expected = await outputs(overview.page);
    await overview.page.context().close();
    for (const firm of ["zhipu", "minimax"]) {
      const {page} = await open(`/${firm}?scenario=bear`);
      expect(await valueOf(page, `runway-${firm}`)).toBe(expected[`runway-${firm}`]);
      expect(await valueOf(page, `breakeven-${firm}`)).toBe(expected[`breakeven-${firm}`]);
      await page.context().close();
    }
  });

  it("a malformed field is named in a notice and every other field is kept", async () => {
    const {page, watch} = await open("/?scenario=bear&minimax.burnNow=lots&zhipu.growthStart=0.9&bogus.field=1&zhipu.price=-5");
    const notice = page.getByTestId("link-notice");
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = await notice.innerText();
    expect(text).toContain("minimax.burnNow");
    expect(text).toContain("must be a number");
    expect(text).toContain("bogus.field");
    expect(text).toContain("unknown field");
    expect(text).toContain("zhipu.price");
    expect(await page.locator('.control[data-field="zhipu.growthStart"] input[type="number"]').inputValue()).toBe("90");
    expect(await page.locator('.control[data-field="minimax.burnNow"] input[type="number"]').inputValue()).toBe("27.9");
    // The URL now carries only what was applied.
    expect(new URL(page.url()).search).toBe("?scenario=bear&zhipu.growthStart=0.9");
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a link carrying markup or script injects nothing", async () => {
    const attacks = ["<script>window.__pwned=1</script>", '"><img src=x onerror="window.__pwned=2">', "javascript:window.__pwned=3", "${window.__pwned=4}"];
    const search = new URLSearchParams({scenario: "base"});
    search.set("minimax.price", attacks[0]!);
    search.set("zhipu.burnNow", attacks[1]!);
    search.set("zhipu.ipoDate", attacks[2]!);
    search.set(attacks[1]!, "1");
    search.set("minimax.growthStart", attacks[3]!);
    const {page, watch} = await open(`/?${search}`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("main script").count()).toBe(0);
    const notice = await page.getByTestId("link-notice").innerText();
    for (const attack of attacks) expect(notice).toContain(attack); // shown as text
    expect(watch.problems.filter((p) => !p.includes("HTTP 404") || !p.includes("/x"))).toEqual([]);
    expect(watch.requests.some((r) => r.endsWith("/x"))).toBe(false);
    await page.context().close();
  });

  it("an unknown preset falls back to the base case and says so", async () => {
    const {page} = await open("/?scenario=moonshot&zhipu.burnNow=250");
    const notice = await page.getByTestId("link-notice").innerText();
    expect(notice).toContain("scenario");
    expect(notice).toContain("moonshot");
    expect(await page.locator('.control[data-field="zhipu.burnNow"] input[type="number"]').inputValue()).toBe("250");
    await page.context().close();
  });
});

describe("firm pages", () => {
  for (const firm of ["zhipu", "minimax"]) {
    it(`${firm}: every assumption has a control with its unit and its source`, async () => {
      const {page} = await open(`/${firm}`);
      const declared = FIRM_FIELDS.filter((f) => FIRM_PAGE_SECTIONS.includes(f.section)).length;
      const fields = await page.locator(`.control[data-field^="${firm}."]`).count();
      expect(fields).toBe(declared);
      expect(await page.locator(`.control[data-field^="${firm}."] details.control-source .basis`).count()).toBe(declared);
      const sourceText = await page.locator(`.control[data-field="${firm}.burnNow"] details.control-source`).innerText();
      expect(sourceText.length).toBeGreaterThan(10);
      await expect.poll(() => page.locator(`[data-testid="required-${firm}"] tr[data-required]`).count()).toBe(4);
      expect(await page.locator('[data-testid="projection-table"] tbody tr').count()).toBe(180);
      await page.context().close();
    });

    it(`${firm}: reset puts the firm back to the preset`, async () => {
      const {page} = await open(`/${firm}?scenario=base&${firm}.burnNow=12`);
      await page.getByRole("button", {name: /^Reset .* to the scenario$/}).click();
      await expect.poll(() => page.url()).toMatch(/\?scenario=base$/);
      await page.context().close();
    });

    it(`${firm}: downloads the projection as CSV and the scenario as JSON`, async () => {
      const {page} = await open(`/${firm}?scenario=bear`);
      const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Projection (CSV)"}).click()]);
      const csvText = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
      expect(csvText.split("\n")[0]).toBe("firm,currency,date,revenue,grossProfit,opex,operatingCashFlow,financing,cash");
      expect(csvText.split("\n")[1]).toMatch(new RegExp(`^${firm},`));
      const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Scenario (JSON)"}).click()]);
      const scenario = JSON.parse(await (await json.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
      expect(scenario.version).toBe(2);
      expect(scenario.name).toBe("bear");
      await page.context().close();
    });
  }
});
