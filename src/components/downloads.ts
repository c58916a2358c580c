// Download buttons: the projection as CSV, the scenario as a JSON file the runner and the site read.
import {html} from "htl";
import type {FirmId} from "../lib/fields.js";
import {scenarioCsv} from "../lib/report.js";
import {firmResult, type FirmResult} from "../lib/results.js";
import type {ScenarioStore} from "./store.js";

function downloadButton(label: string, filename: string, type: string, contents: () => string): HTMLElement {
  const button = html`<button type="button">${label}</button>` as HTMLButtonElement;
  button.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([contents()], {type}));
    const link = html`<a href=${url} download=${filename} hidden></a>` as HTMLAnchorElement;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}

/** Downloads of one firm's projection (CSV, in its reporting currency) and of the scenario (JSON), as they are when clicked. */
export function downloads(store: ScenarioStore, firm: FirmId): HTMLElement {
  const csv = downloadButton("Projection (CSV)", `${firm}-projection.csv`, "text/csv", () => {
    const result = firmResult(firm, store.scenario.firms[firm], store.scenario.market);
    return scenarioCsv({[firm]: result} as Record<FirmId, FirmResult>, [firm]);
  });
  const json = downloadButton("Scenario (JSON)", "scenario.json", "application/json", () => {
    const {scenario, presetName} = store;
    const modified = store.isModified;
    const file = {...scenario, name: modified ? `${presetName}-modified` : presetName, title: modified ? `${scenario.title} (modified)` : scenario.title};
    return `${JSON.stringify(file, null, 2)}\n`;
  });
  return html`<div class="downloads">${csv} ${json}</div>` as HTMLElement;
}
