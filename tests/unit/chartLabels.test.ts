// @vitest-environment jsdom
// Labels and axes of two charts that went wrong at the edges: the cash chart's event labels of two
// firms a few months apart (they overlapped at phone width), and the value histogram when the price
// lies far beyond every path (the bars shrank to nothing and the price's label ran off the card).
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {eventLabelDy, eventLanes} from "../../src/components/charts.ts";
import {markerAxis} from "../../src/components/markerAxis.ts";
import {monthsHistogram, valueHistogram} from "../../src/components/risk.ts";

type Kind = "cash-out" | "break-even";
const event = (kind: Kind, iso: string, firm: string, cash = 0) => ({kind, date: new Date(iso), cash, label: `${kind === "cash-out" ? "cash out" : "break-even"} ${iso.slice(0, 7)}`, firm});
type Event = ReturnType<typeof event>;
// A 390 px chart: 2025-06 to 2035-12 across 48…378 px; US$ −5 to 40 billion across 250…20 px.
const [t0, t1] = [Date.UTC(2025, 5, 30), Date.UTC(2035, 11, 31)];
const phone = {x: (d: Date) => 48 + ((d.getTime() - t0) / (t1 - t0)) * 330, y: (cash: number) => 250 - ((cash + 5) / 45) * 230, charWidth: 6.4};
const lanes = (groups: {lane: number; events: Event[]}[]) => Object.fromEntries(groups.flatMap((g) => g.events.map((e) => [`${e.kind} ${e.firm}`, g.lane])));
/** Each label's box as drawn (centred on its marker, offset by its lane). */
const boxes = (groups: {kind: Kind; lane: number; events: Event[]}[], options = phone) =>
  groups.flatMap((g) =>
    g.events.map((e) => {
      const [x, middle] = [options.x(e.date), options.y(e.cash) + eventLabelDy(g.kind, g.lane)];
      const half = (e.label.length * options.charWidth) / 2;
      return {left: x - half, right: x + half, top: middle - 6, bottom: middle + 6};
    })
  );
const overlap = (a: ReturnType<typeof boxes>[number], b: ReturnType<typeof boxes>[number]) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("the cash chart's event labels", () => {
  it("moves the later of two overlapping labels a lane out (the bull case at phone width)", () => {
    // MiniMax breaks even in Apr 2028 with US$1B, Zhipu in Feb 2029 at −US$0.5B: a lane apart was not enough.
    const groups = eventLanes([event("break-even", "2029-02-28", "zhipu", -0.5), event("break-even", "2028-04-30", "minimax", 1)], phone);
    expect(lanes(groups)["break-even minimax"]).toBe(0);
    expect(lanes(groups)["break-even zhipu"]).toBeGreaterThan(0);
    const [a, b] = boxes(groups);
    expect(overlap(a!, b!)).toBe(false);
  });

  it("keeps labels far apart, and labels above and below one level, on the first lane", () => {
    const desktop = {...phone, x: (d: Date) => 48 + ((d.getTime() - t0) / (t1 - t0)) * 1150};
    expect(lanes(eventLanes([event("break-even", "2026-06-30", "zhipu"), event("break-even", "2032-06-30", "minimax")], desktop))).toEqual({"break-even zhipu": 0, "break-even minimax": 0});
    expect(lanes(eventLanes([event("cash-out", "2027-03-31", "zhipu"), event("break-even", "2027-04-30", "minimax")], phone))).toEqual({"cash-out zhipu": 0, "break-even minimax": 0});
  });

  it("never lets two labels overlap, wherever and whatever two events fall", () => {
    const arbEvent = fc.record({kind: fc.constantFrom<Kind>("cash-out", "break-even"), month: fc.integer({min: 0, max: 125}), cash: fc.double({min: -5, max: 40, noNaN: true})});
    fc.assert(
      fc.property(arbEvent, arbEvent, (p, q) => {
        const events = [p, q].map((e, i) => event(e.kind, new Date(Date.UTC(2025, 6 + e.month, 1)).toISOString().slice(0, 10), `firm${i}`, e.cash));
        const groups = eventLanes(events, phone);
        expect(groups.flatMap((g) => g.events)).toHaveLength(2);
        const [a, b] = boxes(groups);
        expect(overlap(a!, b!)).toBe(false);
      })
    );
  });
});

describe("the value histogram's axis", () => {
  it("takes in a price within or near the bars, and names one beyond three times their span at the edge instead", () => {
    expect(markerAxis(-100, -20, -50)).toEqual({domain: [-100, -20], off: null});
    expect(markerAxis(-100, -20, 131.5)).toEqual({domain: [-100, 131.5], off: null});
    expect(markerAxis(-100, -20, 141)).toEqual({domain: [-100, -20], off: "right"});
    expect(markerAxis(-60, -1, 345)).toEqual({domain: [-60, -1], off: "right"});
    expect(markerAxis(500, 600, 100)).toEqual({domain: [500, 600], off: "left"});
    expect(markerAxis(500, 600, 350)).toEqual({domain: [350, 600], off: null});
    expect(markerAxis(500, 600, 250)).toEqual({domain: [500, 600], off: "left"});
  });

  it("draws bars with width and says where a far price lies (MiniMax in the bear case)", () => {
    const bins = Array.from({length: 40}, (_, i) => ({x0: -60 + 1.5 * i, x1: -60 + 1.5 * (i + 1), share: 0.024}));
    const figure = valueHistogram({bins, never: 0, below: 0.01, above: 0.01}, {width: 300, firm: "minimax", price: 345});
    const widths = [...figure.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width")));
    expect(widths.length).toBe(40);
    expect(Math.min(...widths)).toBeGreaterThan(3);
    expect(figure.textContent).toContain("price HK$345.00 →");
    expect(figure.querySelector("figcaption")!.textContent).toMatch(/The price, HK\$345\.00, is off the axis to the right: at least 99% of the paths are worth less\./);
  });

  it("keeps a price label near the right end inside the frame, left of its rule", () => {
    const bins = Array.from({length: 40}, (_, i) => ({x0: -100 + 2 * i, x1: -100 + 2 * (i + 1), share: 0.025}));
    const figure = valueHistogram({bins, never: 0, below: 0.01, above: 0.01}, {width: 300, firm: "zhipu", price: 131.5});
    const label = [...figure.querySelectorAll("text")].find((t) => t.textContent === "price HK$131.50")!;
    expect(label.closest("g")!.getAttribute("text-anchor")).toBe("end");
  });
});

describe("the months histogram", () => {
  it("draws no bars, and says why, when no path gets there (every path's cash lasts: management targets)", () => {
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: 0}));
    const figure = monthsHistogram({bins, never: 1, below: 0, above: 0}, {width: 300, startMonth: 2025 * 12 + 5, firm: "zhipu", label: "Cash runs out →"});
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.textContent).toBe("Cash runs out: 100% of paths never get there within the horizon, so there is no distribution to draw.");
  });

  it("draws the bars when some path gets there", () => {
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: i === 3 ? 0.5 : 0}));
    const figure = monthsHistogram({bins, never: 0.5, below: 0, above: 0}, {width: 300, startMonth: 2025 * 12 + 5, firm: "zhipu", label: "Cash runs out →"});
    expect(figure.querySelector("svg")).not.toBeNull();
  });
});
