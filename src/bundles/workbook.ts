// The workbook download's code, loaded by the page only when the button is pressed: the workbook
// model (src/lib/workbook.ts) and ExcelJS, bundled into one ES module by src/data/workbook.js.ts and
// served from the site's own origin.
import ExcelJS from "exceljs";
import {workbookModel, type WorkbookState} from "../lib/workbook.js";
import {xlsxBytes} from "../lib/workbookXlsx.js";

/** The .xlsx file of a state: Assumptions, then each firm's monthly and valuation sheets. */
export function workbookBytes(state: WorkbookState): Promise<Uint8Array> {
  return xlsxBytes(workbookModel(state.scenario, state.firms, state.sources), ExcelJS);
}
