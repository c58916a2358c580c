// Citations: a fact id that opens the Sources page filtered to it, with the quote on hover.
import {html} from "htl";
import type {Fact} from "../lib/facts.js";
import {formatNumber, formatPercent} from "../lib/format.js";
import type {Worked} from "../lib/unitEconomics.js";

export function cite(id: string, facts: ReadonlyMap<string, Fact>): HTMLElement {
  const fact = facts.get(id);
  const title = fact ? `${fact.quote} — ${fact.source}` : "unknown fact";
  return html`<a class="cite" href=${`./sources?q=${encodeURIComponent(id)}`} title=${title}>${id}</a>` as HTMLElement;
}

export function citations(ids: readonly string[], facts: ReadonlyMap<string, Fact>): HTMLElement {
  return html`<span class="citations">${ids.map((id, i) => html`${i ? ", " : ""}${cite(id, facts)}`)}</span>` as HTMLElement;
}

/** A worked value as people read it. */
export function formatWorked(w: Worked): string {
  switch (w.unit) {
    case "fraction":
      return formatPercent(w.value);
    case "multiple":
      return `${formatNumber(w.value, 3)}×`;
    case "usd":
      return `US$${formatNumber(w.value, 4)}`;
    case "rmb":
      return `RMB ${formatNumber(w.value, 4)}`;
    case "usdMillions":
      return `US$${formatNumber(w.value, 4)}M`;
    case "rmbMillions":
      return `RMB ${formatNumber(w.value, 4)}M`;
    case "count":
      return formatNumber(w.value, 4);
  }
}

/** Table rows: what, the result, the arithmetic, the sources. */
export function workedTable(rows: readonly Worked[], facts: ReadonlyMap<string, Fact>): HTMLElement {
  return html`<table class="worked">
    <thead><tr><th>What</th><th>Result</th><th>Arithmetic</th><th>Sources</th></tr></thead>
    <tbody>${rows.map((w) => html`<tr><td>${w.label}</td><td><strong>${formatWorked(w)}</strong></td><td class="arithmetic">${w.formula}</td><td>${citations(w.facts, facts)}</td></tr>`)}</tbody>
  </table>` as HTMLElement;
}
