// @vitest-environment jsdom
// The glossary: well-formed entries, every term("…") the site writes exists, and every entry can be reached.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ROOT} from "../../src/data/read.ts";
import {readTermUsage, TERM_CALL} from "../../src/data/terms.ts";
import {GLOSSARY, glossaryTerm} from "../../src/lib/glossary.ts";
import {glossaryList, term} from "../../src/components/term.ts";

const ids = GLOSSARY.map((e) => e.id);

/** Source files under src/ (not the build cache), for term("…") calls outside the pages. */
function sourceFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((d) =>
    d.name.startsWith(".") ? [] : d.isDirectory() ? sourceFiles(join(dir, d.name), ext) : ext.test(d.name) ? [join(dir, d.name)] : []
  );
}

describe("glossary entries", () => {
  it("have unique kebab-case ids and unique names", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const names = GLOSSARY.map((e) => e.term.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("have a definition of one to three sentences, and no empty alias", () => {
    for (const e of GLOSSARY) {
      expect(e.term.trim(), e.id).not.toBe("");
      expect(e.definition.trim(), e.id).not.toBe("");
      expect(e.definition, e.id).toMatch(/[.”)]$/);
      const sentences = e.definition.match(/[.!?]["”)]?(\s|$)/g) ?? [];
      expect(sentences.length, `${e.id}: ${e.definition}`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${e.id}: ${e.definition}`).toBeLessThanOrEqual(3);
      for (const alias of e.aliases ?? []) expect(alias.trim(), e.id).not.toBe("");
    }
  });

  it("cover the terms the pages need", () => {
    const required = [
      "fcff", "nol", "sales-to-capital", "return-on-capital", "reinvestment", "reinvestment-lag", "cost-of-capital", "terminal-value",
      "terminal-growth", "distress-proceeds", "probability-of-failure", "dcf", "reverse-dcf", "arr", "mau", "arppu", "paying-users", "ev",
      "ev-revenue", "market-cap", "run-rate", "burn", "runway", "break-even", "gross-margin", "operating-cash-flow", "cash-costs",
      "baseline-date", "growth-fade", "rnd-intensity", "dilution", "employee-options", "black-scholes", "hkex-18c", "offer-price",
      "trailing-revenue", "forward-revenue"
    ];
    expect(required.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("refer only to entries that exist (see also), never to themselves", () => {
    for (const e of GLOSSARY) for (const r of e.related ?? []) {
      expect(ids, `${e.id} → ${r}`).toContain(r);
      expect(r).not.toBe(e.id);
    }
  });

  it("are found by id, and an unknown id throws", () => {
    for (const id of ids) expect(glossaryTerm(id).id).toBe(id);
    expect(() => glossaryTerm("fcf")).toThrow(/unknown glossary term "fcf"/);
  });
});

describe("term links in the site", () => {
  it("every term(\"…\") in src/**/*.md and src/**/*.ts names an entry", () => {
    const files = sourceFiles(join(ROOT, "src"), /\.(md|ts)$/);
    const unknown = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(TERM_CALL)].map((m) => m[2]!).filter((id) => !ids.includes(id)).map((id) => `${file}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it("the scanner finds the calls, and not lookalikes", () => {
    const calls = `\${term("fcff")} \${term('nol', "losses")} term( \`dcf\` ) glossaryTerm("x") a.term("y") term(id)`;
    expect([...calls.matchAll(TERM_CALL)].map((m) => m[2])).toEqual(["fcff", "nol", "dcf"]);
  });

  it("Method links its terms, and the usage lists each page once per term", () => {
    const method = readTermUsage().find((p) => p.path === "/method");
    expect(method?.title).toBe("Method");
    expect(method?.ids).toEqual(expect.arrayContaining(["fcff", "nol", "runway", "break-even", "dcf", "reverse-dcf"]));
    expect(new Set(method?.ids).size).toBe(method?.ids.length);
  });
});

describe("term()", () => {
  it("links the word to its entry and keeps the definition a tap away", () => {
    const el = term("fcff", "free cash flow");
    const link = el.querySelector("a")!;
    expect(link.textContent).toBe("free cash flow");
    expect(link.getAttribute("href")).toMatch(/\/glossary#fcff$/);
    expect(link.title).toBe(glossaryTerm("fcff").definition);
    const button = el.querySelector("button")!;
    const note = el.querySelector<HTMLElement>("[role=note]")!;
    expect(button.getAttribute("aria-controls")).toBe(note.id);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(note.hidden).toBe(true);
    expect(note.textContent).toContain(glossaryTerm("fcff").definition);
  });

  it("opens and closes by click and by Escape, one note at a time", () => {
    const a = document.body.appendChild(term("runway"));
    const b = document.body.appendChild(term("burn"));
    const [buttonA, buttonB] = [a.querySelector("button")!, b.querySelector("button")!];
    const [noteA, noteB] = [a.querySelector<HTMLElement>("[role=note]")!, b.querySelector<HTMLElement>("[role=note]")!];
    expect(a.querySelector("a")!.textContent).toBe("Runway");
    buttonA.click();
    expect([buttonA.getAttribute("aria-expanded"), noteA.hidden]).toEqual(["true", false]);
    buttonB.click();
    expect([noteA.hidden, noteB.hidden]).toEqual([true, false]);
    document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
    expect([buttonB.getAttribute("aria-expanded"), noteB.hidden]).toEqual(["false", true]);
    expect(document.activeElement).toBe(buttonB);
    buttonA.click();
    buttonA.click();
    expect(noteA.hidden).toBe(true);
    buttonA.click();
    document.body.click();
    expect(noteA.hidden).toBe(true);
    a.remove();
    b.remove();
  });

  it("throws on an unknown id", () => {
    expect(() => term("runwya")).toThrow(/unknown glossary term/);
  });
});

describe("the Glossary page's list", () => {
  it("reaches every entry by its anchor, alphabetically, with working see-also links", () => {
    const list = glossaryList({runway: [{path: "/method", title: "Method"}]});
    const sections = [...list.querySelectorAll<HTMLElement>("[data-term]")];
    expect(sections.map((s) => s.id).sort()).toEqual([...ids].sort());
    const names = sections.map((s) => s.querySelector("h2")!.textContent!);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "en", {sensitivity: "base"})));
    for (const a of list.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) expect(ids).toContain(a.getAttribute("href")!.slice(1));
    expect(list.querySelector("#runway")!.textContent).toMatch(/Linked from: Method\./);
    expect(list.querySelector('#runway a[href="./method"]')).not.toBeNull();
  });
});
