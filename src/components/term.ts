// Glossary terms in prose. The word links to its entry on the Glossary page; the ⓘ beside it shows the
// definition in place — by tap, click or keyboard (Enter/Space toggles, Escape closes) — since a
// `title` tooltip never shows on a touch screen. At most one definition is open at a time.
import {html} from "htl";
import {GLOSSARY, glossaryTerm, type GlossaryEntry} from "../lib/glossary.js";

/**
 * The Glossary page's address from this module's own (…/_import/components/term.js): right from a
 * page at any depth, and under any base path.
 */
const GLOSSARY_PATH = new URL("../../glossary", import.meta.url).pathname;

let notes = 0;
let openTerm: HTMLElement | null = null;

function setOpen(root: HTMLElement, open: boolean): void {
  const button = root.querySelector<HTMLButtonElement>(".term-info")!;
  const note = root.querySelector<HTMLElement>(".term-note")!;
  if (open && openTerm && openTerm !== root) setOpen(openTerm, false);
  button.setAttribute("aria-expanded", String(open));
  note.hidden = !open;
  openTerm = open ? root : openTerm === root ? null : openTerm;
  if (!open) return;
  // Keep the note on screen: shift it left when it would run past the right edge.
  note.style.left = "0";
  const {left, right} = note.getBoundingClientRect();
  const overflow = right - (document.documentElement.clientWidth - 8);
  if (overflow > 0) note.style.left = `${-Math.min(overflow, left - 8)}px`;
}

let listening = false;
function listenOnce(): void {
  if (listening) return;
  listening = true;
  // A tap or click anywhere else closes the open note; so does Escape, returning focus to its ⓘ.
  document.addEventListener("click", (event) => {
    if (openTerm && !openTerm.contains(event.target as Node)) setOpen(openTerm, false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !openTerm) return;
    const root = openTerm;
    setOpen(root, false);
    root.querySelector<HTMLButtonElement>(".term-info")!.focus();
  });
}

/** A glossary term: `text` (default: the term's name) linking to `glossary#<id>`, with an ⓘ that shows the definition. Throws on an unknown id. */
export function term(id: string, text?: string): HTMLElement {
  const entry = glossaryTerm(id);
  const noteId = `term-note-${++notes}`;
  const root = html`<span class="term"><a class="term-link" href=${`${GLOSSARY_PATH}#${id}`} title=${entry.definition}>${text ?? entry.term}</a><button type="button" class="term-info" aria-expanded="false" aria-controls=${noteId} aria-label=${`Definition of ${entry.term}`}>ⓘ</button><span class="term-note" id=${noteId} role="note" hidden><strong>${entry.term}</strong>: ${entry.definition}</span></span>` as HTMLElement;
  root.querySelector(".term-info")!.addEventListener("click", () => setOpen(root, root.querySelector(".term-note")!.hasAttribute("hidden")));
  listenOnce();
  return root;
}

/** The Glossary page's list: one entry per term, with its anchor, definition, other names, related terms and the pages that link it. */
export function glossaryList(usage: Readonly<Record<string, readonly {path: string; title: string}[]>> = {}, entries: readonly GlossaryEntry[] = GLOSSARY): HTMLElement {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, "en", {sensitivity: "base"}));
  const links = (items: readonly {href: string; text: string}[]) => items.map(({href, text}, i) => html`${i ? ", " : ""}<a href=${href}>${text}</a>`);
  return html`<div class="glossary">${sorted.map((e) => {
    const related = (e.related ?? []).map((r) => ({href: `#${r}`, text: glossaryTerm(r).term}));
    const pages = (usage[e.id] ?? []).map((p) => ({href: `.${p.path}`, text: p.title}));
    return html`<section class="glossary-entry" id=${e.id} data-term=${e.id}>
      <h2><a class="glossary-anchor" href=${`#${e.id}`}>${e.term}</a></h2>
      <p>${e.definition}</p>
      ${e.aliases?.length ? html`<p class="glossary-meta">Also called: ${e.aliases.join(", ")}.</p>` : ""}
      ${related.length ? html`<p class="glossary-meta">See also: ${links(related)}.</p>` : ""}
      ${pages.length ? html`<p class="glossary-meta">Linked from: ${links(pages)}.</p>` : ""}
    </section>`;
  })}</div>` as HTMLElement;
}
