// Ranges in share links, in the browser: kept in the address as written, refused by name when bad.
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launch, openSettled} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("ranges in share links", () => {
  it("a link's ranges, correlations, path count and seed stay in the address, and survive a change of input", async () => {
    const query = "?scenario=base&range.minimax.burnNow=uniform(20%2C40)&corr=none&paths=20000&seed=7";
    const {page, watch} = await openSettled(browser, inject("baseUrl"), `/minimax${query}`);
    expect(await page.getByTestId("link-notice").isHidden()).toBe(true);
    await page.locator('.control[data-field="minimax.cashNow"] input[type="number"]').fill("900");
    await expect.poll(() => page.url()).toContain("minimax.cashNow=900");
    const params = new URL(page.url()).searchParams;
    expect(params.get("range.minimax.burnNow")).toBe("uniform(20,40)");
    expect([params.get("corr"), params.get("paths"), params.get("seed")]).toEqual(["none", "20000", "7"]);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a bad range is refused by name, the rest of the link kept", async () => {
    const {page} = await openSettled(browser, inject("baseUrl"), "/?scenario=base&range.minimax.burnNow=uniform(40%2C20)&seed=-1&minimax.cashNow=900");
    const notice = await page.getByTestId("link-notice").innerText();
    expect(notice).toContain("range.minimax.burnNow");
    expect(notice).toMatch(/low \(40\) is above high \(20\)/);
    expect(notice).toContain("seed");
    // The address holds what was applied: the cash, and the preset's own ranges (so no range parameter).
    await expect.poll(() => page.url()).toContain("minimax.cashNow=900");
    expect(page.url()).not.toContain("range.");
    expect(page.url()).not.toContain("seed=");
    await page.context().close();
  });

  it("an edit of a ranged input moves its default range with it: the overview's chance answers the edited scenario, and the link needs no range", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/?scenario=base");
    const line = page.getByTestId("risk-line-zhipu");
    await expect.poll(() => line.innerText(), {timeout: 60_000}).toMatch(/100,000 paths/);
    const before = await line.innerText();
    await page.locator('.control[data-field="zhipu.burnNow"] input[type="number"]').fill("250");
    await expect.poll(() => page.url()).toContain("zhipu.burnNow=250");
    expect(page.url()).not.toContain("range.");
    // Until the edited state's run arrives (it waits for the inputs to pause), the line says its number is the earlier state's.
    const shown = () => line.evaluate((e) => `${(e as HTMLElement).dataset.current}: ${(e as HTMLElement).innerText}`);
    await expect.poll(shown).toMatch(/^false: .*before the last change, updating…/);
    await expect.poll(() => line.getAttribute("data-current"), {timeout: 60_000}).toBe("true");
    expect(await line.innerText()).not.toMatch(/updating/);
    await expect.poll(() => line.innerText(), {timeout: 60_000}).not.toBe(before);
    // Drawn from uniform(86.7, 250) now — the default's RMB 136.7M–300M moved down by 50, 250 at its top as 300 was —
    // so the chance falls from 81% (a range re-centred on 250 gave 95%).
    const chance = async () => Number(/= ([\d.]+)%/.exec(await line.innerText())?.[1] ?? "NaN");
    await expect.poll(chance, {timeout: 60_000}).toBeLessThan(60);
    expect(await chance()).toBeGreaterThan(40);
    // The Risk page says where the range came from.
    await page.goto(`${inject("baseUrl")}/risk${new URL(page.url()).search}`);
    const row = page.getByTestId("ranges-zhipu").locator("tr", {has: page.locator('input[data-range="zhipu.burnNow"]')});
    await expect.poll(() => row.innerText()).toMatch(/uniform\(136\.7,300\), moved with its input \(RMB 300M[^→]*→ RMB 250M[^)]*\), keeping its shape/);
    expect(await row.locator('input[data-range="zhipu.burnNow"]').inputValue()).toBe("uniform(86.7,250)");
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a range reaching past its input's hard limit shows the limit as its end", async () => {
    const {page, watch} = await openSettled(browser, inject("baseUrl"), "/risk?scenario=base&range.zhipu.burnNow=normal(-5%2C5)&paths=10000");
    const row = page.getByTestId("ranges-zhipu").locator("tr", {has: page.locator('input[data-range="zhipu.burnNow"]')});
    await expect.poll(() => row.innerText()).toMatch(/RMB 0[^\n]* \(the input's limit\) to RMB 5M \/ month/);
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });
});
