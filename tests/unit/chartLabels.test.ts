// @vitest-environment jsdom
// Labels and axes of two charts that went wrong at the edges: the cash chart's event labels of two
// firms a few months apart (they overlapped at phone width), and the value histogram when the price
// lies far beyond every path (the bars shrank to nothing and the price's label ran off the card).
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {eventLabelDy, eventLanes, type LabelPlace} from "../../src/components/charts.ts";
import {markerAxis} from "../../src/components/markerAxis.ts";
import {monthsHistogram, valueHistogram} from "../../src/components/risk.ts";

type Kind = "cash-out" | "break-even";
/** Values per share shown in HK$, the price's currency, at the base case's rates. */
const HKD = {currency: "HKD", market: {usdHkd: 7.8, usdRmb: 7.039}} as const;
const event = (kind: Kind, iso: string, firm: string, cash = 0) => ({kind, date: new Date(iso), cash, label: `${kind === "cash-out" ? "cash out" : "break-even"} ${iso.slice(0, 7)}`, firm});
type Event = ReturnType<typeof event>;
// A 390 px chart: 2025-06 to 2035-12 across 48…378 px; US$ −5 to 40 billion across 250…20 px.
const [t0, t1] = [Date.UTC(2025, 5, 30), Date.UTC(2035, 11, 31)];
const phone = {x: (d: Date) => 48 + ((d.getTime() - t0) / (t1 - t0)) * 330, y: (cash: number) => 250 - ((cash + 5) / 45) * 230, charWidth: 6.4};
type Group = LabelPlace & {events: Event[]};
const places = (groups: Group[]) => Object.fromEntries(groups.flatMap(({events, ...place}) => events.map((e) => [`${e.kind} ${e.firm}`, place])));
/** The place centred below or above the marker. */
const centred = (side: "below" | "above", lane = 0): LabelPlace => ({dx: 0, dy: eventLabelDy(side, lane), textAnchor: "middle"});
type Box = {left: number; right: number; top: number; bottom: number};
/** Each label's box as drawn (at its marker, moved by its group's dx and dy, anchored as the group says). */
const boxes = (groups: Group[], options = phone): Box[] =>
  groups.flatMap((g) =>
    g.events.map((e) => {
      const [x, middle] = [options.x(e.date) + g.dx, options.y(e.cash) + g.dy];
      const width = e.label.length * options.charWidth;
      const left = g.textAnchor === "start" ? x : g.textAnchor === "end" ? x - width : x - width / 2;
      return {left, right: left + width, top: middle - 6, bottom: middle + 6};
    })
  );
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** Whether the line through `points` passes through `box`, sampled every half pixel. */
const crossed = (points: {date: Date; cash: number}[], box: Box) => {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0, x1, y1] = [phone.x(points[i - 1]!.date), phone.y(points[i - 1]!.cash), phone.x(points[i]!.date), phone.y(points[i]!.cash)];
    for (let t = 0; t <= 1; t += 0.5 / Math.max(1, Math.hypot(x1 - x0, y1 - y0))) {
      const [x, y] = [x0 + t * (x1 - x0), y0 + t * (y1 - y0)];
      if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true;
    }
  }
  return false;
};
const month = (m: number) => new Date(Date.UTC(2025, 6 + m, 0));

describe("the cash chart's event labels", () => {
  it("puts each label in its usual place (below a cash-out, above a break-even) when nothing is in the way", () => {
    const desktop = {...phone, x: (d: Date) => 48 + ((d.getTime() - t0) / (t1 - t0)) * 1150};
    expect(places(eventLanes([event("break-even", "2026-06-30", "zhipu"), event("break-even", "2032-06-30", "minimax")], desktop))).toEqual({"break-even zhipu": centred("above"), "break-even minimax": centred("above")});
    expect(places(eventLanes([event("cash-out", "2027-03-31", "zhipu"), event("break-even", "2027-04-30", "minimax")], phone))).toEqual({"cash-out zhipu": centred("below"), "break-even minimax": centred("above")});
  });

  it("moves the later of two overlapping labels out of the way (the bull case at phone width)", () => {
    // MiniMax breaks even in Apr 2028 with US$1B, Zhipu in Feb 2029 at −US$0.5B: a lane apart was not enough.
    const groups = eventLanes([event("break-even", "2029-02-28", "zhipu", -0.5), event("break-even", "2028-04-30", "minimax", 1)], phone);
    expect(places(groups)["break-even minimax"]).toEqual(centred("above"));
    expect(places(groups)["break-even zhipu"]).not.toEqual(centred("above"));
    const [a, b] = boxes(groups);
    expect(overlap(a!, b!)).toBe(false);
  });

  it("puts a break-even at the bottom of a valley below its dot, where the line it sits on does not cross it (Zhipu's base case at phone width)", () => {
    // Cash falls to −US$3B in mid-2030 and climbs back: above the dot, both arms of the V run through the label.
    const line = Array.from({length: 126}, (_, m) => ({date: month(m), cash: -3 + Math.abs(m - 60) * 0.15}));
    const groups = eventLanes([event("break-even", month(60).toISOString().slice(0, 10), "zhipu", -3)], {...phone, lines: [line]});
    expect(places(groups)["break-even zhipu"]).toEqual(centred("below"));
    expect(crossed(line, boxes(groups)[0]!)).toBe(false);
  });

  it("keeps a label inside the frame, on the other side or beside its marker when its usual place would leave it", () => {
    // A cash-out 10 px above the frame's foot: below its cross the label would run off the bottom.
    const cashAt = (py: number) => ((250 - py) / 230) * 45 - 5;
    const frame = {left: 48, right: 378, top: 20, bottom: 250};
    expect(places(eventLanes([event("cash-out", "2028-01-31", "zhipu", cashAt(240))], {...phone, frame}))["cash-out zhipu"]).toEqual(centred("above"));
    // Near the left edge too (Jan 2026, 13 px in): beside the cross, to its right.
    const corner = eventLanes([event("cash-out", "2026-01-31", "zhipu", cashAt(240))], {...phone, frame});
    expect(places(corner)["cash-out zhipu"]).toEqual({dx: 11, dy: 0, textAnchor: "start"});
    const [box] = boxes(corner);
    expect(box!.left >= frame.left && box!.right <= frame.right && box!.top >= frame.top && box!.bottom <= frame.bottom).toBe(true);
  });

  it("never lets two labels overlap, nor a label cover the other marker, and keeps them off the lines wherever there is room", () => {
    const arbEvent = fc.record({kind: fc.constantFrom<Kind>("cash-out", "break-even"), month: fc.integer({min: 0, max: 125}), cash: fc.double({min: -5, max: 40, noNaN: true})});
    fc.assert(
      fc.property(arbEvent, arbEvent, fc.integer({min: -2, max: 2}), (p, q, slope) => {
        const events = [p, q].map((e, i) => event(e.kind, month(e.month).toISOString().slice(0, 10), `firm${i}`, e.cash));
        // A straight line through the first event's marker.
        const line = [0, 125].map((m) => ({date: month(m), cash: p.cash + slope * 0.1 * (m - p.month)}));
        const groups = eventLanes(events, {...phone, lines: [line]});
        expect(groups.flatMap((g) => g.events)).toHaveLength(2);
        const [a, b] = boxes(groups);
        expect(overlap(a!, b!)).toBe(false);
        const marker = (e: Event): Box => ({left: phone.x(e.date) - 7.5, right: phone.x(e.date) + 7.5, top: phone.y(e.cash) - 7.5, bottom: phone.y(e.cash) + 7.5});
        const byFirm = Object.fromEntries(groups.flatMap((g) => g.events.map((e) => [e.firm, {e, box: boxes([{...g, events: [e]}])[0]!}])));
        // A label clear of a crossing line was always available for a lone straight line: the first event's label takes one.
        if (!overlap(marker(events[0]!), marker(events[1]!))) expect(overlap(byFirm.firm0!.box, marker(events[1]!)) && overlap(byFirm.firm1!.box, marker(events[0]!))).toBe(false);
        expect(crossed(line, byFirm.firm0!.box)).toBe(false);
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
    const figure = valueHistogram({bins, never: 0, below: 0.01, above: 0.01, paths: 100_000}, {width: 300, firm: "minimax", price: 345, display: HKD});
    const widths = [...figure.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width")));
    expect(widths.length).toBe(40);
    expect(Math.min(...widths)).toBeGreaterThan(3);
    expect(figure.textContent).toContain("price HK$345.00 →");
    expect(figure.querySelector("figcaption")!.textContent).toMatch(/The price, HK\$345\.00, is off the axis to the right: at least 99% of the paths are worth less\./);
  });

  it("shows the values and the price in the display currency, converted at the scenario's rates", () => {
    const bins = Array.from({length: 40}, (_, i) => ({x0: 5 * i, x1: 5 * (i + 1), share: 0.025}));
    const figure = valueHistogram({bins, never: 0, below: 0.01, above: 0.01, paths: 100_000}, {width: 300, firm: "zhipu", price: 131.5, display: {...HKD, currency: "USD"}});
    expect(figure.textContent).toContain("price US$16.86");
    expect(figure.textContent).toContain("DCF value per share (US$) →");
    // HK$0–200 is US$0–25.64: the bars span that.
    const xs = [...figure.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => Number(t.textContent));
    expect(Math.max(...xs)).toBeLessThanOrEqual(26);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(20);
  });

  it("keeps a price label near the right end inside the frame, left of its rule", () => {
    const bins = Array.from({length: 40}, (_, i) => ({x0: -100 + 2 * i, x1: -100 + 2 * (i + 1), share: 0.025}));
    const figure = valueHistogram({bins, never: 0, below: 0.01, above: 0.01, paths: 100_000}, {width: 300, firm: "zhipu", price: 131.5, display: HKD});
    const label = [...figure.querySelectorAll("text")].find((t) => t.textContent === "price HK$131.50")!;
    expect(label.closest("g")!.getAttribute("text-anchor")).toBe("end");
  });
});

describe("the months histogram", () => {
  it("draws no bars, and says why, when no path gets there (every path's cash lasts: management targets)", () => {
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: 0}));
    const figure = monthsHistogram({bins, never: 1, below: 0, above: 0, paths: 100_000}, {width: 300, startMonth: 2025 * 12 + 5, firm: "zhipu", label: "Cash runs out →"});
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.textContent).toBe("Cash runs out: 100% of paths never get there within the horizon, so there is no distribution to draw.");
  });

  it("draws the bars when some path gets there", () => {
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: i === 3 ? 0.5 : 0}));
    const figure = monthsHistogram({bins, never: 0.5, below: 0, above: 0, paths: 100_000}, {width: 300, startMonth: 2025 * 12 + 5, firm: "zhipu", label: "Cash runs out →"});
    expect(figure.querySelector("svg")).not.toBeNull();
  });

  it("names a few paths in a sentence rather than drawing them (Zhipu's break-even in the bear case: one path of 100,000)", () => {
    // Half-years from the end of Jun 2025; one path in the fourteenth (Jul–Dec 2032).
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: i === 14 ? 0.00001 : 0}));
    const figure = monthsHistogram({bins, never: 0.99999, below: 0, above: 0, paths: 100_000}, {width: 300, startMonth: 2025 * 12 + 5, firm: "zhipu", label: "First month of positive operating cash flow →"});
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.textContent).toBe("First month of positive operating cash flow: only 1 of the 100,000 paths gets there within the horizon (Jul 2032–Dec 2032), too few to draw a distribution; over 99.9% never do.");
  });

  it("leaves a thin late tail beyond the axis and says so (MiniMax's runway in the bear case reached 2040 for bars in 2029–2033)", () => {
    const shares = new Map([[8, 0.3], [9, 0.4], [10, 0.296], [20, 0.002], [28, 0.001]]);
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: shares.get(i) ?? 0}));
    const figure = monthsHistogram({bins, never: 0.001, below: 0, above: 0, paths: 100_000}, {width: 300, startMonth: 2025 * 12 + 5, firm: "minimax", label: "Cash runs out →"});
    // The axis ends a half-year after the last bar kept (Dec 2030 + 6 months), not at 2040.
    const years = [...figure.querySelectorAll("text")].map((t) => Number(t.textContent)).filter((y) => y > 2000);
    expect(Math.max(...years)).toBe(2031);
    expect(figure.querySelector("figcaption")!.textContent).toBe("0.3% of paths get there later, as late as 2039 (beyond the axis). 0.1% of paths never get there within the horizon (not drawn).");
  });

  it("keeps a late tail holding more than half a percent of the drawn paths on the axis", () => {
    const shares = new Map([[8, 0.5], [9, 0.49], [20, 0.01]]);
    const bins = Array.from({length: 30}, (_, i) => ({x0: 6 * i, x1: 6 * (i + 1), share: shares.get(i) ?? 0}));
    const figure = monthsHistogram({bins, never: 0, below: 0, above: 0, paths: 100_000}, {width: 300, startMonth: 2025 * 12 + 5, firm: "minimax", label: "Cash runs out →"});
    expect(figure.querySelector("figcaption")!.textContent).toBe("");
    // The axis reaches the bar in the second half of 2035.
    const years = [...figure.querySelectorAll("text")].map((t) => Number(t.textContent)).filter((y) => y > 2000);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2035);
  });
});
