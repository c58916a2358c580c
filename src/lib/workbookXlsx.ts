// A workbook model (workbook.ts) written as an .xlsx file with ExcelJS. The library is passed in, not
// imported, so that the site loads it only when asked (src/bundles/workbook.ts) and the tests and the
// runner can hand it the Node build.
import type {Workbook, Worksheet, Style} from "exceljs";
import {isFormula, type CellStyle, type WorkbookModel, type WorkbookSheet} from "./workbook.js";

/** The part of the ExcelJS module this needs. */
export interface ExcelJsModule {
  Workbook: new () => Workbook;
}

const fill = (argb: string): Style["fill"] => ({type: "pattern", pattern: "solid", fgColor: {argb}});

const STYLES: Record<CellStyle, Partial<Style>> = {
  title: {font: {bold: true, size: 14}},
  note: {font: {italic: true, color: {argb: "FF555555"}}},
  header: {font: {bold: true}, fill: fill("FFE8EEF4"), border: {bottom: {style: "thin", color: {argb: "FF8899AA"}}}, alignment: {wrapText: true, vertical: "bottom"}},
  section: {font: {bold: true, size: 12}},
  // Inputs in the spreadsheet convention: blue on pale yellow; changed from the baseline: orange.
  input: {font: {color: {argb: "FF1F4E9A"}}, fill: fill("FFFFF8D6")},
  changed: {font: {color: {argb: "FF1F4E9A"}, bold: true}, fill: fill("FFFFD9A8")},
  key: {font: {bold: true}, fill: fill("FFE6F2E6")},
  label: {}
};

function writeSheet(workbook: Workbook, sheet: WorkbookSheet): Worksheet {
  const ws = workbook.addWorksheet(sheet.name, sheet.freeze ? {views: [{state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows}]} : {});
  ws.columns = sheet.widths.map((width) => ({width}));
  sheet.rows.forEach((cells, i) => {
    if (!cells.length) return;
    const row = ws.getRow(i + 1);
    cells.forEach((cell, j) => {
      if (!cell) return;
      const target = row.getCell(j + 1);
      const v = cell.value;
      target.value = isFormula(v) ? {formula: v.formula, result: v.result} : v;
      if (cell.format) target.numFmt = cell.format;
      if (cell.style && cell.style !== "label") Object.assign(target, STYLES[cell.style]);
    });
  });
  // Header rows wrap: give them room for two or three lines.
  sheet.rows.forEach((cells, i) => {
    if (cells.some((c) => c?.style === "header" && typeof c.value === "string" && c.value.length > 12)) ws.getRow(i + 1).height = 45;
  });
  return ws;
}

/** The model as an ExcelJS workbook. */
export function toExcelWorkbook(model: WorkbookModel, excel: ExcelJsModule): Workbook {
  const workbook = new excel.Workbook();
  workbook.creator = "Zhipu & MiniMax notebook";
  workbook.title = model.title;
  for (const sheet of model.sheets) writeSheet(workbook, sheet);
  for (const {name, ref} of model.names) workbook.definedNames.add(ref, name);
  return workbook;
}

/** The model as the bytes of an .xlsx file. */
export async function xlsxBytes(model: WorkbookModel, excel: ExcelJsModule): Promise<Uint8Array> {
  const buffer = await toExcelWorkbook(model, excel).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
