// Worked numbers as a table: what, the result, the arithmetic (every operand with its unit), the sources.
// Each cell names its column in data-label, so a narrow page can show a row as a card.
import {html} from "htl";
import type {Fact} from "../lib/facts.js";
import {formatWorked, type Worked} from "../lib/unitEconomics.js";
import {citations} from "./cite.js";

export function workedTable(rows: readonly Worked[], facts: ReadonlyMap<string, Fact>): HTMLElement {
  return html`<div class="table-scroll"><table class="worked">
    <thead><tr><th>What</th><th>Result</th><th>Arithmetic</th><th>Sources</th></tr></thead>
    <tbody>${rows.map((w) => html`<tr>
      <td class="worked-label">${w.label}</td>
      <td class="worked-result" data-label="Result"><strong>${formatWorked(w)}</strong></td>
      <td class="arithmetic" data-label="Arithmetic">${w.formula}</td>
      <td class="worked-sources" data-label="Sources">${citations(w.facts, facts)}</td>
    </tr>`)}</tbody>
  </table></div>` as HTMLElement;
}
