// Download buttons: the projection as CSV, the scenario as a JSON file the runner and the site read.
import {html} from "htl";
import type {FirmId} from "../lib/fields.js";
import {scenarioCsv} from "../lib/report.js";
import {firmResult, type FirmResult} from "../lib/results.js";
import {scenarioFile} from "../lib/scenarios.js";
import type {WorkbookSources} from "../lib/workbook.js";
import type {ScenarioStore} from "./store.js";
import {workbookDownload, type WorkbookBundleFile} from "./workbookDownload.js";

/** What the workbook button needs from the page: the bundle's FileAttachment and the baseline's provenance. */
export interface WorkbookOption {
  bundle: WorkbookBundleFile;
  provenance: WorkbookSources["provenance"];
}

/** Downloads `contents` as a file named `filename`. */
export function downloadText(filename: string, type: string, contents: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([contents as BlobPart], {type}));
  const link = html`<a href=${url} download=${filename} hidden></a>` as HTMLAnchorElement;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloadButton(label: string, filename: string, type: string, contents: () => string): HTMLElement {
  const button = html`<button type="button">${label}</button>` as HTMLButtonElement;
  button.addEventListener("click", () => downloadText(filename, type, contents()));
  return button;
}

/**
 * Downloads of one firm's projection (CSV, in its reporting currency), of the scenario (JSON) and,
 * given `workbook`, of the firm's workbook (.xlsx), as they are when clicked.
 */
export function downloads(store: ScenarioStore, firm: FirmId, workbook?: WorkbookOption): HTMLElement {
  const csv = downloadButton("Projection (CSV)", `${firm}-projection.csv`, "text/csv", () => {
    const result = firmResult(firm, store.scenario.firms[firm], store.scenario.market);
    return scenarioCsv({[firm]: result} as Record<FirmId, FirmResult>, [firm]);
  });
  // A scenario file (schema version 2) of the state: what differs from the base case, as "Save as scenario…" writes it.
  const json = downloadButton("Scenario (JSON)", "scenario.json", "application/json", () => {
    const {scenario, preset, presetName} = store;
    const modified = store.isModified;
    const header = {name: modified ? `${presetName}-modified` : presetName, title: modified ? `${preset.title} (modified)` : preset.title, description: modified ? "" : preset.description};
    return `${JSON.stringify(scenarioFile(scenario, store.presets.get("base")!, header), null, 2)}\n`;
  });
  const xlsx = workbook
    ? workbookDownload(() => ({scenario: store.scenario, name: store.isModified ? `${store.presetName}-modified` : store.presetName, firms: [firm], sources: {provenance: workbook.provenance}}), workbook.bundle)
    : "";
  return html`<div class="downloads">${csv} ${json} ${xlsx}</div>` as HTMLElement;
}
