// @vitest-environment jsdom
// The sensitivity charts as markup: every preset draws without a broken number, each bar end and
// cell carries what it applies, and a click or the keyboard hands it to onApply.
import {describe, expect, it, vi} from "vitest";
import {bmpDataUrl, heatmapChart, ruleSegments, tornadoChart} from "../../src/components/sensitivity.ts";
import {FIRMS} from "../../src/lib/fields.ts";
import {grid, SENSITIVITY_OUTPUTS, tornado} from "../../src/lib/sensitivity.ts";
import {presets} from "./helpers.ts";

const base = presets.get("base")!;
/** The markup without the cells' image (base64 may spell anything). */
const markup = (e: Element) => e.outerHTML.replace(/data:image\/bmp;base64,[A-Za-z0-9+/=]+/g, "");
const BROKEN = /NaN|undefined|Infinity|\[object/;

describe("tornado chart", () => {
  it("draws every preset's tornadoes with two labelled, clickable ends per bar and no broken number", () => {
    for (const [name, s] of presets) {
      for (const firm of FIRMS) {
        const t = tornado(s, firm);
        for (const output of SENSITIVITY_OUTPUTS) {
          const figure = tornadoChart(t, {width: 480, output, currency: "USD", market: s.market});
          expect(markup(figure), `${name} ${firm} ${output}`).not.toMatch(BROKEN);
          const ends = figure.querySelectorAll("circle[data-path]");
          expect(ends).toHaveLength(2 * t.bars[output].length);
          expect(figure.getAttribute("data-current")).toBe(String(t.current[output].plotted));
        }
      }
    }
  });

  it("says 'beyond' the projection's last month for an answer that never comes", () => {
    // MiniMax's cash lasts the whole projection in the base case.
    const figure = tornadoChart(tornado(base, "minimax"), {width: 480, output: "runway"});
    expect(figure.textContent).toMatch(/Now: cash lasts beyond Sep 2040\./);
    expect(figure.textContent).toMatch(/end of projection Sep 2040/);
  });

  it("names a price far beyond every bar end at the axis's edge rather than squeezing the bars (MiniMax, bear case)", () => {
    const figure = tornadoChart(tornado(presets.get("bear")!, "minimax"), {width: 390, output: "value"});
    expect(figure.textContent).toContain("price HK$345.00 →");
    expect(figure.querySelector("figcaption")!.textContent).toMatch(/The price, HK\$345\.00, is off the axis to the right: every bar end here is worth less\./);
    expect(figure.querySelector('line[stroke-dasharray="5,3"]')).toBeNull();
    // Zhipu's price is near enough to draw: a dashed rule, no edge note.
    const near = tornadoChart(tornado(presets.get("bear")!, "zhipu"), {width: 390, output: "value"});
    expect(near.querySelector('line[stroke-dasharray="5,3"]')).not.toBeNull();
    expect(near.textContent).not.toContain("→ ");
    expect(near.querySelector("figcaption")!.textContent).not.toMatch(/off the axis/);
  });

  it("puts the one tick of an answer no input moves on that answer's month (Zhipu's break-even, bear case)", () => {
    const figure = tornadoChart(tornado(presets.get("bear")!, "zhipu"), {width: 390, output: "breakEven"});
    expect(figure.textContent).toContain("end of projection Jun 2040");
    expect(figure.textContent).toContain("Jun 2040First month of break-even");
    expect(figure.textContent).not.toContain("Jul 2040");
  });

  it("breaks the rule of the scenario now where it would cross a bar's name (at 390 px it runs through Zhipu's), and only there", () => {
    expect(ruleSegments(0, 100, [])).toEqual([[0, 100]]);
    expect(ruleSegments(0, 100, [[10, 20], [40, 50]])).toEqual([[0, 10], [20, 40], [50, 100]]);
    expect(ruleSegments(0, 100, [[-5, 3], [95, 110]])).toEqual([[3, 95]]);
    // Zhipu's runway now (Jan 2027) sits at the axis's left, under the names: the rule is broken around them.
    const figure = tornadoChart(tornado(base, "zhipu"), {width: 390, output: "runway"});
    const rule = [...figure.querySelectorAll('line[stroke-width="2"]')];
    expect(rule.length).toBeGreaterThan(1);
    expect(new Set(rule.map((l) => l.getAttribute("x1"))).size).toBe(1);
    // MiniMax's (beyond Sep 2040) sits at the right, clear of every name: one line.
    const clear = tornadoChart(tornado(base, "minimax"), {width: 1200, output: "runway"});
    expect(clear.querySelectorAll('line[stroke-width="2"]')).toHaveLength(1);
  });

  it("hands the end's input and value to onApply on a click, and on Enter from the keyboard", () => {
    const onApply = vi.fn();
    const figure = tornadoChart(tornado(base, "zhipu"), {width: 480, output: "runway", onApply});
    const end = figure.querySelector<SVGElement>('circle[data-path="zhipu.burnNow"][data-end="low"]')!;
    end.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(onApply).toHaveBeenLastCalledWith("zhipu.burnNow", 136.7);
    const svg = figure.querySelector<SVGSVGElement>("svg.sens-pickable")!;
    svg.dispatchEvent(new FocusEvent("focus"));
    // The first item is the top bar's left end; → moves to its right end.
    svg.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
    expect(figure.querySelector(".sens-status")!.textContent).toMatch(/Monthly cash burn now at RMB 137M \/ month \(the low end of its range\): cash lasts beyond Jun 2040; now cash runs out in Jan 2027 \(19\.0 months\)\./);
    svg.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
    expect(onApply).toHaveBeenLastCalledWith("zhipu.burnNow", 136.7);
  });
});

describe("heatmap chart", () => {
  it("draws every preset's grids with a legend, a boundary and the current point, and no broken number", () => {
    for (const [name, s] of presets) {
      for (const firm of FIRMS) {
        for (const [y, output] of [["burnNow", "runway"], ["costOfCapital", "value"]] as const) {
          const g = grid(s, firm, `${firm}.growthStart`, `${firm}.${y}`, output, 11);
          const figure = heatmapChart(g, {width: 480, currency: "HKD", market: s.market});
          expect(markup(figure), `${name} ${firm} ${output}`).not.toMatch(BROKEN);
          expect(figure.getAttribute("data-cells")).toBe("121");
          expect(figure.querySelector("image")!.getAttribute("href")).toMatch(/^data:image\/bmp;base64,/);
          expect(figure.getAttribute("data-met-count")).toBe(String(g.cells.filter((c) => c.met).length));
          expect(figure.querySelector("linearGradient")).not.toBeNull();
          expect(figure.textContent).toMatch(/The line bounds the cells where/);
        }
      }
    }
  });

  it("spans the cells' own values when every cell is on one side of the price (MiniMax, bear case), and centres on the price otherwise", () => {
    const stops = (figure: Element) => [...figure.querySelectorAll("stop")].map((s) => s.getAttribute("stop-color")!);
    const rgb = (c: string) => c.match(/\d+/g)!.map(Number) as [number, number, number];
    const bear = grid(presets.get("bear")!, "minimax", "minimax.growthStart", "minimax.costOfCapital", "value", 11);
    expect(bear.cells.every((c) => c.outcome && !c.met)).toBe(true);
    const below = heatmapChart(bear, {width: 390});
    expect(below.querySelector("figcaption")!.textContent).toMatch(/^Colour: value per share; every cell is below the price of HK\$345\.00, so the colours span the cells' own values \(darker is further below\)\./);
    const colours = stops(below).map(rgb);
    // Reds from dark to light, none white: the legend spans the cells.
    expect(colours.every(([r, , b]) => r > b)).toBe(true);
    expect(colours[0]![1]).toBeLessThan(colours.at(-1)![1] - 60);
    const straddling = heatmapChart(grid(base, "minimax", "minimax.growthStart", "minimax.costOfCapital", "value", 11), {width: 390});
    expect(straddling.querySelector("figcaption")!.textContent).toMatch(/^Colour: value per share; white at the price, HK\$345\.00\./);
  });

  it("a click on a cell hands both inputs' values to onApply (top left: lowest x, highest y)", () => {
    const onApply = vi.fn();
    const g = grid(base, "zhipu", "zhipu.growthStart", "zhipu.burnNow", "runway", 5);
    const figure = heatmapChart(g, {width: 400, onApply});
    const hit = figure.querySelector<SVGRectElement>(".sens-hit")!;
    // jsdom lays nothing out, so the pointer's client position is the chart's own coordinate.
    const [x, y] = [Number(hit.getAttribute("x")) + 2, Number(hit.getAttribute("y")) + 2];
    hit.dispatchEvent(new MouseEvent("click", {bubbles: true, clientX: x, clientY: y}));
    expect(onApply).toHaveBeenLastCalledWith([["zhipu.growthStart", g.x.values[0]], ["zhipu.burnNow", g.y.values[4]]]);
  });
});

describe("the cells' image", () => {
  it("is a 24-bit BMP, rows bottom-up and padded to four bytes, pixels stored blue-green-red", () => {
    const url = bmpDataUrl(2, 2, (i, j) => [10 * i + j, 100 + i, 200 + j]);
    const bytes = Uint8Array.from(atob(url.slice("data:image/bmp;base64,".length)), (c) => c.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("BM");
    expect([view.getUint32(2, true), view.getUint32(10, true), view.getInt32(18, true), view.getInt32(22, true), view.getUint16(28, true)]).toEqual([54 + 2 * 8, 54, 2, 2, 24]);
    // Row j = 0 (the bottom) first: pixel (0, 0) then (1, 0), then two bytes of padding; then row 1.
    expect([...bytes.subarray(54, 62)]).toEqual([200, 100, 0, 200, 101, 10, 0, 0]);
    expect([...bytes.subarray(62, 70)]).toEqual([201, 100, 1, 201, 101, 11, 0, 0]);
  });
});
