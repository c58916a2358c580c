// The compare page's link and numbers (src/lib/compare.ts): entries read as presets, full URLs or
// queries; hostile input refused by name with the valid columns kept; headline rows equal to the
// engine's results; the inputs table holds exactly the fields that differ.
import {describe, expect, it} from "vitest";
import {
  COLUMN_PARAM,
  MAX_COLUMNS,
  MAX_ENTRY_CHARS,
  MAX_LINK_CHARS,
  MAX_REPORTED,
  compareHref,
  differingInputs,
  encodeCompareLink,
  headlineRows,
  parseCompareLink,
  parseEntry,
  runwayText,
  type CompareColumn
} from "../../src/lib/compare.ts";
import {FIRMS, allFieldPaths, fieldSpec, firmOfPath} from "../../src/lib/fields.ts";
import {formatMonthYear, formatPerShare, formatSignedPercent} from "../../src/lib/format.ts";
import {convert} from "../../src/lib/fx.ts";
import {computeFirm, firmResult} from "../../src/lib/results.ts";
import {cloneScenario, differences, getField, type Scenario} from "../../src/lib/schema.ts";
import {decodeShareLink, encodeShareLink} from "../../src/lib/shareLink.ts";
import {presets} from "./helpers.ts";

const base = presets.get("base")!;
const bear = presets.get("bear")!;

/** The column a text must give, failing the test with the reason when it is refused. */
function column(text: string): CompareColumn {
  const result = parseEntry(text, presets);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.column;
}

function refusal(text: string): string {
  const result = parseEntry(text, presets);
  expect(result.ok, text.slice(0, 100)).toBe(false);
  return result.ok ? "" : result.reason;
}

const modifiedQuery = "scenario=base&zhipu.burnNow=250&minimax.growthStart=1.2";

describe("entries", () => {
  it("reads a preset's name", () => {
    const c = column("bear");
    expect(c).toMatchObject({entry: "bear", presetName: "bear", changes: 0, title: bear.title, issues: []});
    expect(differences(bear, c.scenario)).toEqual([]);
  });

  it("reads a full share link from any origin and path, a query with or without ?, and a path", () => {
    const expected = decodeShareLink(modifiedQuery, presets).scenario;
    for (const text of [
      `http://127.0.0.1:3000/zhipu?${modifiedQuery}`,
      `https://example.org/some/where/valuation?${modifiedQuery}&currency=RMB#top`,
      `?${modifiedQuery}`,
      modifiedQuery,
      `/minimax?${modifiedQuery}`,
      `localhost:3000/?${modifiedQuery}`,
      `  ${modifiedQuery}\n`
    ]) {
      const c = column(text);
      expect(c.presetName, text).toBe("base");
      expect(differences(expected, c.scenario), text).toEqual([]);
      expect(c.changes, text).toBe(2);
      // The entry is the canonical query: the preset and the changes, no currency.
      expect(c.entry, text).toBe(encodeShareLink("base", base, expected));
      expect(c.query, text).toBe(c.entry);
      expect(c.title, text).toBe(`${base.title}, 2 changes`);
    }
  });

  it("a link or query that changes nothing is its preset", () => {
    expect(column("scenario=bear").entry).toBe("bear");
    expect(column("http://localhost:3000/zhipu").entry).toBe("base");
    expect(column("scenario=bear&zhipu.growthStart=0.65").entry).toBe("bear"); // bear's own value
  });

  it("keeps the column and names each field it drops", () => {
    const c = column("scenario=bear&zhipu.burnNow=abc&minimax.nope=1&zhipu.growthStart=0.5");
    expect(c.presetName).toBe("bear");
    expect(getField(c.scenario, "zhipu.growthStart")).toBe(0.5);
    expect(getField(c.scenario, "zhipu.burnNow")).toBe(getField(bear, "zhipu.burnNow"));
    expect(c.issues.map((i) => i.field).sort()).toEqual(["minimax.nope", "zhipu.burnNow"]);
    expect(c.entry).toBe("scenario=bear&zhipu.growthStart=0.5");
  });

  it("refuses an unknown preset, by name or in a link", () => {
    expect(refusal("nope")).toMatch(/unknown scenario "nope" \(known: base, /);
    expect(refusal("scenario=nope&zhipu.burnNow=250")).toMatch(/unknown scenario "nope"/);
    expect(refusal("scenario=bear&scenario=bull")).toMatch(/^scenario given 2 times/);
  });

  it("refuses what is not a link, by name", () => {
    expect(refusal("")).toMatch(/empty/);
    expect(refusal("   ")).toMatch(/empty/);
    expect(refusal("javascript:alert(1)")).toMatch(/^"javascript:" links are not read/);
    expect(refusal("JavaScript:x=1?scenario=base")).toMatch(/^"JavaScript:" links are not read/);
    expect(refusal("data:text/html,<script>alert(1)</script>")).toMatch(/^"data:" links are not read/);
    expect(refusal("<img src=x onerror=alert(1)>")).toMatch(/nothing in it is a share link's setting/);
    expect(refusal("<b>bold</b>")).toMatch(/not a scenario's name, a share link or a query/);
    expect(refusal("Bear case")).toMatch(/not a scenario's name/);
    expect(refusal("foo=1&bar=2")).toMatch(/nothing in it is a share link's setting \(foo: unknown/);
    expect(refusal("s=base&s=bear")).toMatch(/comparison link/);
  });

  it("refuses an entry longer than any share link, without reading it", () => {
    expect(refusal(`scenario=base&zhipu.burnNow=${"9".repeat(MAX_ENTRY_CHARS)}`)).toMatch(/characters long; a scenario's link has at most 16,000/);
  });

  it("a share link with every field and range changed fits the entry limit", () => {
    const all = cloneScenario(base);
    for (const path of allFieldPaths()) {
      const spec = fieldSpec(path)!;
      const firm = firmOfPath(path);
      const target = (firm ? all.firms[firm] : all.market) as unknown as Record<string, unknown>;
      target[spec.key] = spec.kind === "number" ? 0.1234567890123457 + (spec.min ?? 0) : spec.kind === "integer" ? spec.max : spec.kind === "date" ? "2031-12-31" : spec.kind === "boolean" ? !target[spec.key] : "book";
    }
    const ranges = Object.fromEntries(allFieldPaths().filter((p) => fieldSpec(p)!.kind === "number").map((p) => [p, {distribution: "pert", low: 0.1234567890123457, mode: 0.2234567890123457, high: 0.3234567890123457}]));
    const scenario: Scenario = {...all, uncertainty: {ranges, correlations: [], simulation: {paths: 999_999, seed: 123_456_789}} as Scenario["uncertainty"]};
    const query = encodeShareLink("management-targets", presets.get("management-targets")!, scenario);
    expect(query.length).toBeLessThan(MAX_ENTRY_CHARS);
    // Encoded as an `s` value, four of them still fit the link limit.
    expect(4 * encodeCompareLink([query]).length).toBeLessThan(MAX_LINK_CHARS);
  });
});

describe("the compare link", () => {
  it("reads columns in order, and the currency", () => {
    const query = encodeCompareLink(["bull", modifiedQuery, "base"], "USD");
    expect(query).toBe("s=bull&s=scenario%3Dbase%26zhipu.burnNow%3D250%26minimax.growthStart%3D1.2&s=base&currency=USD");
    const state = parseCompareLink(`?${query}`, presets);
    expect(state.columns.map((c) => c.entry)).toEqual(["bull", modifiedQuery, "base"]);
    expect(state).toMatchObject({currency: "USD", refused: [], issues: [], defaulted: null});
  });

  it("round-trips: the link of the columns read gives the same columns", () => {
    const state = parseCompareLink(encodeCompareLink(["bear", `http://x.org/zhipu?${modifiedQuery}&currency=HKD`]), presets);
    const again = parseCompareLink(encodeCompareLink(state.columns.map((c) => c.entry)), presets);
    expect(again.columns.map((c) => c.entry)).toEqual(state.columns.map((c) => c.entry));
  });

  it("makes fewer than two usable columns up to two, from base and bear, and says so", () => {
    // Opened bare (the sidebar's link on a page without a scenario): the default pair, with nothing to note.
    expect(parseCompareLink("", presets)).toMatchObject({columns: [{entry: "base"}, {entry: "bear"}], defaulted: null});
    expect(parseCompareLink("s=nonsense", presets)).toMatchObject({columns: [{entry: "base"}, {entry: "bear"}], defaulted: expect.stringMatching(/no usable scenario; Base case and Bear case were added/)});
    expect(parseCompareLink("s=bull", presets)).toMatchObject({columns: [{entry: "bull"}, {entry: "base"}], defaulted: expect.stringMatching(/one usable scenario; Base case was added/)});
    expect(parseCompareLink("s=base", presets).columns.map((c) => c.entry)).toEqual(["base", "bear"]);
    expect(parseCompareLink(`s=${encodeURIComponent(modifiedQuery)}`, presets).columns.map((c) => c.entry)).toEqual([modifiedQuery, "base"]);
  });

  it("compares at most four, and says how many it left out", () => {
    const state = parseCompareLink(encodeCompareLink(["base", "bear", "bull", "management-targets", "base", "bear"]), presets);
    expect(state.columns).toHaveLength(MAX_COLUMNS);
    expect(state.issues).toEqual([{field: COLUMN_PARAM, value: "", reason: "2 more scenarios were given: at most 4 are compared, so they were left out"}]);
  });

  it("1,000 s parameters: the first four usable kept, one line for the rest, linear work", () => {
    const state = parseCompareLink(Array.from({length: 1000}, (_, i) => `s=${["base", "bear", "bull"][i % 3]}`).join("&"), presets);
    expect(state.columns.map((c) => c.entry)).toEqual(["base", "bear", "bull", "base"]);
    expect(state.issues.map((i) => i.reason)).toEqual(["996 more scenarios were given: at most 4 are compared, so they were left out"]);
    // 1,000 bad ones: ten named, the rest counted; base and bear added.
    const bad = parseCompareLink(Array.from({length: 1000}, (_, i) => `s=nope${i}`).join("&"), presets);
    expect(bad.refused).toHaveLength(MAX_REPORTED);
    expect(bad.refused[0]).toEqual({position: 1, entry: "nope0", reason: expect.stringMatching(/unknown scenario "nope0"/)});
    expect(bad.issues.map((i) => i.reason)).toEqual(["990 more entries were refused too"]);
    expect(bad.columns.map((c) => c.entry)).toEqual(["base", "bear"]);
  });

  it("hostile entries are refused by name and position, valid columns kept", () => {
    const huge = "x".repeat(20_000);
    const state = parseCompareLink(
      encodeCompareLink(["javascript:alert(document.cookie)", "bear", "<script>alert(1)</script>", `scenario=base&zhipu.burnNow=${huge}`, huge, `scenario=bull&zhipu.growthStart=<b>1</b>`]),
      presets
    );
    expect(state.columns.map((c) => c.presetName)).toEqual(["bear", "bull"]);
    // The HTML in a value is a dropped field of its column, reported as text.
    expect(state.columns[1]!.issues).toEqual([{field: "zhipu.growthStart", value: "<b>1</b>", reason: expect.any(String)}]);
    expect(state.refused.map((r) => [r.position, r.reason.slice(0, 40)])).toEqual([
      [1, '"javascript:" links are not read: paste '],
      [3, "is not a scenario's name, a share link o"],
      [4, "is 20,028 characters long; a scenario's "],
      [5, "is 20,000 characters long; a scenario's "]
    ]);
    // What a notice repeats of an entry is cut.
    expect(state.refused[3]!.entry).toMatch(/^x{80}… \(20,000 characters\)$/);
    expect(state.defaulted).toBeNull();
  });

  it("a link longer than any comparison is refused whole, with base and bear shown", () => {
    const state = parseCompareLink(`s=bear&s=${"x".repeat(MAX_LINK_CHARS)}`, presets);
    expect(state.issues[0]!.reason).toMatch(/^is 100,009 characters long; a comparison link has at most 100,000, so none of it was read/);
    expect(state.columns.map((c) => c.entry)).toEqual(["base", "bear"]);
  });

  it("names an unknown parameter, a bad or doubled currency", () => {
    expect(parseCompareLink("s=base&s=bull&currency=EUR", presets)).toMatchObject({currency: null, issues: [{field: "currency", value: "EUR", reason: "must be one of HKD, USD, RMB"}]});
    expect(parseCompareLink("s=base&s=bull&currency=USD&currency=HKD", presets).issues[0]!.reason).toMatch(/more than once/);
    const odd = parseCompareLink("s=base&s=bull&scenario=bear&zhipu.burnNow=3", presets);
    expect(odd.issues.map((i) => i.field)).toEqual(["scenario", "zhipu.burnNow"]);
    expect(odd.columns.map((c) => c.entry)).toEqual(["base", "bull"]);
  });

  it("never throws on random text", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = "s=&?%#:/<>\"'scenario.zhipuburnNow0123456789 \u0000\u202e😀";
    for (let n = 0; n < 500; n++) {
      const text = Array.from({length: Math.floor(random() * 200)}, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const state = parseCompareLink(text, presets);
      expect(state.columns.length).toBeGreaterThanOrEqual(2);
      expect(state.columns.length).toBeLessThanOrEqual(4);
    }
  });
});

describe("compareHref", () => {
  it("fills the current state and its preset, or base and bear", () => {
    expect(compareHref(modifiedQuery, ["base"])).toBe(`./compare?${encodeCompareLink([modifiedQuery, "base"])}`);
    expect(compareHref("scenario=base", ["base"])).toBe("./compare?s=base&s=bear");
    expect(compareHref("?scenario=bull", ["bull"])).toBe("./compare?s=bull&s=base");
    expect(compareHref("", [])).toBe("./compare?s=base&s=bear");
    expect(compareHref("scenario=bear", ["base"], "../compare")).toBe("../compare?s=bear&s=base");
    expect(compareHref("scenario=bull", ["a", "b", "c", "d"])).toBe("./compare?s=bull&s=a&s=b&s=c");
  });

  it("carries the state's currency to the page, and what it links to reads back as that state", () => {
    const href = compareHref(`${modifiedQuery}&currency=RMB`, ["base"]);
    const state = parseCompareLink(href.slice(href.indexOf("?")), presets);
    expect(state.currency).toBe("RMB");
    expect(differences(state.columns[0]!.scenario, decodeShareLink(modifiedQuery, presets).scenario)).toEqual([]);
    expect(state.columns[1]!.entry).toBe("base");
  });
});

describe("headline rows", () => {
  const columns = [column("base"), column("bear"), column(modifiedQuery)];

  it("equal the engine's results, per firm and column", () => {
    const rows = headlineRows(columns);
    expect(rows.map((r) => `${r.firm}.${r.key}`)).toEqual(FIRMS.flatMap((f) => ["runway", "runwayMonths", "fundingGap", "breakEven", "breakEvenYear", "valuePerShare", "price", "valueVsPrice"].map((k) => `${f}.${k}`)));
    for (const firm of FIRMS) {
      columns.forEach((c, i) => {
        const r = computeFirm(firm, c.scenario.firms[firm], c.scenario.market);
        expect(firmResult(firm, c.scenario.firms[firm], c.scenario.market).runway).toEqual(r.runway);
        const cell = (key: string) => rows.find((row) => row.firm === firm && row.key === key)!.cells[i]!;
        expect(cell("runway")).toEqual({text: runwayText(r), value: r.runway.months === null ? "" : String(r.runway.months)});
        expect(cell("runway").text).toBe(r.runway.cashOutDate ? formatMonthYear(r.runway.cashOutDate) : r.runway.status === "self-funding" ? "Self-funding" : "Beyond 15 years");
        expect(cell("breakEven")).toMatchObject({value: r.breakEven.date ?? "", tone: r.breakEven.meetsTarget ? "good" : "bad"});
        expect(cell("breakEvenYear").value).toBe(r.breakEven.year === null ? "" : String(r.breakEven.year));
        expect(cell("breakEvenYear").text).toContain(String(r.breakEven.targetYear));
        expect(cell("fundingGap").value).toBe(r.fundingGaps[0]?.firstMonth ?? "");
        expect(cell("valuePerShare")).toMatchObject({text: formatPerShare(r.valuation.valuePerShareHkd, "HKD"), value: String(r.valuation.valuePerShareHkd)});
        expect(cell("price").text).toBe(formatPerShare(r.valuation.price, "HKD"));
        expect(cell("valueVsPrice").text).toBe(formatSignedPercent(r.valuation.gap));
      });
    }
    // The modified column differs from base where its inputs do.
    const zhipuRunway = rows.find((r) => r.firm === "zhipu" && r.key === "runway")!.cells;
    expect(zhipuRunway[2]!.value).not.toBe(zhipuRunway[0]!.value);
  });

  it("in a chosen currency: per-share values converted at each column's rate", () => {
    const rows = headlineRows(columns, {currency: "USD"});
    const value = rows.find((r) => r.firm === "minimax" && r.key === "valuePerShare")!.cells[1]!;
    const r = computeFirm("minimax", bear.firms.minimax, bear.market);
    expect(value.text).toBe(formatPerShare(convert(r.valuation.valuePerShareHkd, "HKD", "USD", bear.market), "USD"));
  });
});

describe("differing inputs", () => {
  it("are exactly the fields that differ between any of the columns, in schema order", () => {
    const columns = [column("base"), column("bear"), column(modifiedQuery), column("bull")];
    const rows = differingInputs(columns).filter((r) => !r.group.startsWith("Ranges"));
    const expected = allFieldPaths().filter((path) => new Set(columns.map((c) => JSON.stringify(getField(c.scenario, path)))).size > 1);
    expect(rows.map((r) => r.path)).toEqual(expected);
    expect(rows.map((r) => r.path)).toContain("zhipu.burnNow");
    const burn = rows.find((r) => r.path === "zhipu.burnNow")!;
    expect(burn).toMatchObject({group: "Zhipu AI", label: "Monthly cash burn now", unit: "RMB million / month"});
    expect(burn.values[2]).toBe("RMB 250M / month");
    expect(burn.values[0]).toBe(burn.values[1]);
  });

  it("are none for the same scenario twice; two changes give two rows", () => {
    expect(differingInputs([column("bear"), column("bear")])).toEqual([]);
    // The two inputs' default ranges follow them, so the ranges differ too.
    expect(differingInputs([column("base"), column(modifiedQuery)]).map((r) => r.path)).toEqual(["zhipu.burnNow", "minimax.growthStart", "range.zhipu.burnNow", "range.minimax.growthStart"]);
  });

  it("include a range, the path count and the seed that differ", () => {
    const risky = column("scenario=base&range.minimax.burnNow=uniform(20,40)&paths=10000&seed=7");
    const rows = differingInputs([column("base"), risky]);
    expect(rows.map((r) => r.path)).toEqual(["range.minimax.burnNow", "paths", "seed"]);
    expect(rows[0]!).toMatchObject({label: "Range of MiniMax's monthly cash burn now", unit: "US$ million / month"});
    expect(rows[0]!.values[1]).toBe("uniform(20, 40)");
    // Rates in percent, without binary noise.
    const growth = differingInputs([column("base"), column("scenario=base&range.zhipu.growthStart=pert(0.65,1.3,2.2000000000000002)")]);
    expect(growth[0]!).toMatchObject({path: "range.zhipu.growthStart", unit: "% a year", values: [expect.any(String), "pert(65%, 130%, 220%)"]});
    expect(rows[1]!.values).toEqual(["100,000", "10,000"]);
  });
});
