// "Download workbook (.xlsx)": an Excel workbook of the current state whose projection and DCF are
// live formulas over the assumption cells (src/lib/workbook.ts). Its code (the model and ExcelJS,
// about 1 MB) is a separate bundle (src/data/workbook.js.ts) that is fetched, from the site's own
// origin, only when the button is pressed. FileAttachment needs a literal path in a page, so the page
// passes the attachment: `workbookDownload(getState, FileAttachment("data/workbook.js"))`.
import {html} from "htl";
import {workbookFileName, type WorkbookState} from "../lib/workbook.js";

/** The bundle's interface (src/bundles/workbook.ts). */
export interface WorkbookBundle {
  workbookBytes(state: WorkbookState): Promise<Uint8Array>;
}

/** Where the bundle is: a FileAttachment of data/workbook.js (or anything with a url()). */
export interface WorkbookBundleFile {
  url(): string | Promise<string>;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook download's state and file name: the scenario's name, and the firm or "both". */
export interface WorkbookRequest extends WorkbookState {
  /** The scenario's name for the file (e.g. "base" or "base-modified"). */
  name: string;
}

/**
 * The button. `request()` is called at the click, so the file is the state as it is then.
 * While the bundle loads and the file is built the button says "Preparing…"; a failure is said beside it.
 */
export function workbookDownload(request: () => WorkbookRequest, bundleFile: WorkbookBundleFile): HTMLElement {
  const label = "Download workbook (.xlsx)";
  const button = html`<button type="button" data-testid="workbook-download">${label}</button>` as HTMLButtonElement;
  const status = html`<span class="workbook-status" role="status" aria-live="polite"></span>` as HTMLElement;
  let bundle: Promise<WorkbookBundle> | null = null;
  const load = () => (bundle ??= Promise.resolve(bundleFile.url()).then((url) => import(/* @vite-ignore */ url) as Promise<WorkbookBundle>));
  button.addEventListener("click", async () => {
    const state = request();
    button.disabled = true;
    button.textContent = "Preparing…";
    status.textContent = "";
    try {
      const bytes = await (await load()).workbookBytes(state);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], {type: XLSX_TYPE}));
      const link = html`<a href=${url} download=${workbookFileName(state.name, state.firms)} hidden></a>` as HTMLAnchorElement;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      bundle = null; // let the next click try again
      status.textContent = `The workbook could not be prepared: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
  return html`<span class="workbook-download">${button} ${status}</span>` as HTMLElement;
}
