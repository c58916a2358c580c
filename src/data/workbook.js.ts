// Data loader: the workbook download's code (src/bundles/workbook.ts: the workbook model and ExcelJS,
// whose package "browser" field gives esbuild its prebuilt dist/exceljs.min.js) bundled into one ES
// module, so the built site serves it from its own origin and a page loads it only on demand:
// `await import(await FileAttachment("data/workbook.js").url())`.
import {bundle} from "./bundle.ts";

process.stdout.write(await bundle("bundles/workbook.ts", "esm"));
