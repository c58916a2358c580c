// Citations: a fact's readable name ("MiniMax revenue share, AI-native products, 9M 2025 — Finet")
// that opens the Sources page filtered to it, with the quote on hover.
import {html} from "htl";
import type {Fact} from "../lib/facts.js";
import {factName, outletOf} from "../lib/sources.js";

/** The link to a fact on the Sources page, which shows that fact alone with its quote. */
export function factHref(id: string): string {
  return `./sources?q=${encodeURIComponent(id)}`;
}

export function cite(id: string, facts: ReadonlyMap<string, Fact>): HTMLElement {
  const fact = facts.get(id);
  if (!fact) return html`<a class="cite" href=${factHref(id)} title="unknown fact">${id}</a>` as HTMLElement;
  return html`<a class="cite" href=${factHref(id)} data-fact=${id} title=${`${fact.quote} — ${outletOf(fact.source)}`}>${factName(fact)}</a>` as HTMLElement;
}

/** Several citations, one per line. */
export function citations(ids: readonly string[], facts: ReadonlyMap<string, Fact>): HTMLElement {
  return html`<ul class="citations">${[...new Set(ids)].map((id) => html`<li>${cite(id, facts)}</li>`)}</ul>` as HTMLElement;
}
