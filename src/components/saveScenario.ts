// "Save as scenario…": the current state as a scenario file (name, title, description, author, the
// fields that differ from the base case, ranges, correlations and seed), checked by the same code
// that reads scenario files, then downloaded. Put in data/scenarios/ and built, it becomes a page.
import {html} from "htl";
import {resolveScenarioFile, scenarioFile, scenarioNameProblem, TEXT_LIMITS, type ScenarioHeader} from "../lib/scenarios.js";
import {differences, getField} from "../lib/schema.js";
import type {ScenarioStore} from "./store.js";
import {downloadText} from "./downloads.js";

/** A name for a file and a page from a title: "Bear case (modified)" → "bear-case-modified". */
export function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, TEXT_LIMITS.name) || "my-scenario";
}

/** The file of the store's state with `header`, or the reasons it cannot be saved, by field. */
export function savedScenario(store: ScenarioStore, header: ScenarioHeader): {text: string} | {problems: Record<string, string>} {
  const base = store.presets.get("base")!;
  // The preset's notes still explain the fields left at the preset's values.
  const changed = new Set(differences(base, store.scenario).map(([path]) => path));
  const notes = Object.fromEntries(Object.entries(store.preset.notes ?? {}).filter(([path]) => changed.has(path) && getField(store.scenario, path) === getField(store.preset, path)));
  const file = scenarioFile(store.scenario, base, {...header, notes});
  const {issues} = resolveScenarioFile(JSON.parse(JSON.stringify(file)), base);
  if (issues.length) return {problems: Object.fromEntries(issues.map((i) => [i.field, i.reason]))};
  return {text: `${JSON.stringify(file, null, 2)}\n`};
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/** The button and its dialog. */
export function saveScenarioButton(store: ScenarioStore): HTMLElement {
  const open = html`<button type="button" data-testid="save-scenario">Save as scenario…</button>` as HTMLButtonElement;
  const field = (name: keyof typeof TEXT_LIMITS, label: string, hint: string, multiline = false) => {
    const input = (multiline ? html`<textarea name=${name} rows="5" maxlength=${TEXT_LIMITS[name]}></textarea>` : html`<input type="text" name=${name} maxlength=${TEXT_LIMITS[name]}>`) as HTMLInputElement;
    const error = html`<span class="field-error" role="alert"></span>` as HTMLElement;
    const wrapper = html`<label class="save-field"><span>${label}</span>${input}<span class="small muted">${hint}</span>${error}</label>` as HTMLElement;
    return {input, error, wrapper};
  };
  const name = field("name", "Name", "lowercase letters, digits and dashes: the file name and the page's address, /scenarios/<name>");
  const title = field("title", "Title", "what the page is called");
  const description = field("description", "Description", "the story: what this scenario assumes and what follows; the page's narrative", true);
  const author = field("author", "Author", "optional");
  const fields = {name, title, description, author};
  const status = html`<p class="small" aria-live="polite"></p>` as HTMLElement;
  const dialog = html`<dialog class="save-dialog" data-testid="save-dialog">
    <form method="dialog">
      <h2>Save as scenario</h2>
      <p class="small muted">Downloads a scenario file of exactly what you see: every input that differs from the base case, the ranges, correlations and seed. Put it in <code>data/scenarios/</code> and build the site to publish it as a page.</p>
      ${name.wrapper}${title.wrapper}${description.wrapper}${author.wrapper}
      ${status}
      <div class="actions"><button type="submit" value="save" data-testid="save-download">Download file</button> <button type="button" value="cancel">Cancel</button></div>
    </form>
  </dialog>` as HTMLDialogElement;
  dialog.querySelector<HTMLButtonElement>('button[value="cancel"]')!.addEventListener("click", () => dialog.close());
  open.addEventListener("click", () => {
    const modified = store.isModified;
    const t = modified ? `${store.preset.title} (modified)` : store.preset.title;
    title.input.value = t;
    name.input.value = slugOf(t);
    description.input.value = modified ? "" : store.preset.description;
    for (const f of Object.values(fields)) f.error.textContent = "";
    status.textContent = "";
    dialog.showModal();
    name.input.focus();
  });
  // The name follows the title until the user edits it.
  let nameEdited = false;
  name.input.addEventListener("input", () => void (nameEdited = true));
  title.input.addEventListener("input", () => {
    if (!nameEdited) name.input.value = slugOf(title.input.value);
  });
  dialog.querySelector("form")!.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const f of Object.values(fields)) {
      f.error.textContent = "";
      f.input.removeAttribute("aria-invalid");
    }
    const header: ScenarioHeader = {name: name.input.value.trim(), title: title.input.value.trim(), description: description.input.value.trim(), date: isoToday()};
    if (author.input.value.trim()) header.author = author.input.value.trim();
    const nameProblem = scenarioNameProblem(header.name);
    const saved = nameProblem ? {problems: {name: nameProblem}} : savedScenario(store, header);
    if ("problems" in saved) {
      for (const [key, reason] of Object.entries(saved.problems)) {
        const f = fields[key as keyof typeof fields];
        if (f) {
          f.error.textContent = reason;
          f.input.setAttribute("aria-invalid", "true");
        } else status.textContent = `${key}: ${reason}`;
      }
      return;
    }
    downloadText(`${header.name}.json`, "application/json", saved.text);
    status.textContent = `Saved ${header.name}.json.`;
    dialog.close();
  });
  return html`<span class="save-scenario">${open}${dialog}</span>` as HTMLElement;
}
