// What a printed page looks like to the tests: the paper's printable width (from print.css's own
// @page margins) and a PDF's page count, read from its bytes (no poppler needed).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../../src/data/read.ts";

const CSS_PX_PER_MM = 96 / 25.4;
export const PAPER_MM = {A4: [210, 297], Letter: [215.9, 279.4]} as const;

/** The margins of print.css's @page rule, in millimetres. */
export function pageMarginsMm(css = readFileSync(join(ROOT, "src", "print.css"), "utf8")): {top: number; right: number; bottom: number; left: number} {
  const rule = /@page\s*\{[^}]*?\bmargin\s*:\s*([^;}]+)/.exec(css);
  if (!rule) throw new Error("print.css has no @page { margin: … } rule");
  const mm = rule[1]!.trim().split(/\s+/).map((part) => {
    const match = /^(-?[\d.]+)mm$/.exec(part);
    if (!match) throw new Error(`@page margin "${part}" is not in mm`);
    return Number(match[1]);
  });
  // CSS shorthand: top [right [bottom [left]]], the missing sides copied from their opposites.
  const top = mm[0]!;
  const right = mm[1] ?? top;
  const bottom = mm[2] ?? top;
  const left = mm[3] ?? right;
  return {top, right, bottom, left};
}

/** Size of the printable area in CSS pixels (about 718 × 1009 for A4 with print.css's margins). */
export function printableArea(paper: keyof typeof PAPER_MM = "A4"): {width: number; height: number} {
  const {top, right, bottom, left} = pageMarginsMm();
  const [width, height] = PAPER_MM[paper];
  return {width: Math.floor((width - left - right) * CSS_PX_PER_MM), height: Math.floor((height - top - bottom) * CSS_PX_PER_MM)};
}

/** True when the bytes are a PDF file. */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}

/** Number of page objects (`/Type /Page`, not `/Pages`) in a PDF as Chromium writes it. */
export function pdfPageCount(bytes: Uint8Array): number {
  return (Buffer.from(bytes).toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
