// The workbook recomputed by another spreadsheet engine: LibreOffice (headless) loads each file,
// recalculates every formula (a private profile sets "recalculate on load: always" for Excel files)
// and saves it again; every formula's new value must equal the engine's to 1e-6 relative. Then the
// analyst's case: change assumption cells in the file (the cached values left stale), recompute, and
// the projection and the value follow — to the engine run on the changed inputs.
// Needs `soffice` (Debian: apt-get install libreoffice-calc-nogui); skipped without it, except in CI.
import {execFileSync, spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cachedResult, comparable, fileOf, formulaCells, modelOf, readWorkbook, relativeError, SOURCES, TEXT_IN_DATE_CELL, WORKBOOK_CASES, type WorkbookCase} from "./workbookCases.ts";
import {presets} from "./helpers.ts";
import {dilutedOptionsValue} from "../../src/lib/blackScholes.ts";
import {valuePerShareFixedPoint} from "../../src/lib/dcf.ts";
import {FIRM_CURRENCY} from "../../src/lib/fields.ts";
import {convert} from "../../src/lib/fx.ts";
import {applyOverrides} from "../../src/lib/schema.ts";
import {valuationSheetName, workbookModel, type WorkbookModel} from "../../src/lib/workbook.ts";
import {toExcelWorkbook} from "../../src/lib/workbookXlsx.ts";
import ExcelJS from "exceljs";

const SOFFICE = spawnSync("sh", ["-c", "command -v soffice"], {encoding: "utf8"}).stdout.trim();
if (!SOFFICE) {
  const install = "Install it with: sudo apt-get update && sudo apt-get install -y libreoffice-calc-nogui";
  if (process.env.CI) throw new Error(`soffice (LibreOffice) is not on PATH, and CI must recompute the workbook with it. ${install}`);
  console.warn(`soffice (LibreOffice) is not on PATH: SKIPPING the workbook's LibreOffice recomputation test. ${install}`);
}

const TOLERANCE = 1e-6;
let dir = "";

/** Converts .xlsx files to recalculated .xlsx files in `out/`, in one LibreOffice run. */
function recompute(files: string[]): void {
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), {recursive: true});
  // OOXMLRecalcMode 0: always recalculate an Excel 2007+ file on load (the default trusts its cached values).
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", join(dir, "out"), ...files], {stdio: "pipe", timeout: 240_000});
}

/** The largest relative difference between each formula cell LibreOffice computed and `expected`'s cached result (the engine's). */
async function compare(file: string, expected: WorkbookModel, only?: (sheet: string) => boolean): Promise<{cells: number; maxError: number; worst: string; mismatches: string[]}> {
  const workbook = await readWorkbook(readFileSync(file));
  let maxError = 0;
  let worst = "";
  const mismatches: string[] = [];
  const cells = formulaCells(expected).filter((c) => !only || only(c.sheet));
  for (const cell of cells) {
    const got = comparable(cachedResult(workbook.getWorksheet(cell.sheet)!.getCell(cell.address)));
    const want = comparable(cell.asRead);
    const where = `${cell.sheet}!${cell.address} (=${cell.formula})`;
    if (typeof want === "number" && typeof got === "number") {
      const error = relativeError(got, want);
      if (error > maxError) [maxError, worst] = [error, `${where}: ${got} vs ${want}`];
      if (!(error <= TOLERANCE)) mismatches.push(`${where}: LibreOffice ${got}, engine ${want}`);
    } else if (got !== want && !(want === TEXT_IN_DATE_CELL && typeof got === "string")) mismatches.push(`${where}: LibreOffice ${String(got)}, engine ${String(want)}`);
  }
  return {cells: cells.length, maxError, worst, mismatches};
}

describe.skipIf(!SOFFICE)("the workbook recomputed by LibreOffice", () => {
  const models = new Map<string, WorkbookModel>();
  // The analyst's edit: assumption cells changed in the file, every cached value left as it was.
  const edits: [path: string, value: number | string | boolean][] = [
    ["zhipu.growthStart", 0.8],
    ["zhipu.burnNow", 250],
    ["zhipu.grossMarginTarget", 0.55],
    ["zhipu.costOfCapital", 0.14],
    ["zhipu.optionsValuedAt", "price"],
    ["minimax.cashNow", 700],
    ["minimax.opexGrowth", 0.3],
    ["minimax.terminalGrowth", 0.03],
    ["market.usdRmb", 7.2],
    ["market.usdHkd", 7.75]
  ];
  const base = presets.get("base")!;
  const changed = applyOverrides(base, edits);
  const editedCase: WorkbookCase = {name: "edited", scenario: changed.scenario, firms: ["zhipu", "minimax"]};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "workbook-libreoffice-"));
    const files: string[] = [];
    for (const c of WORKBOOK_CASES) {
      const model = modelOf(c);
      models.set(c.name, model);
      const file = join(dir, `${c.name}.xlsx`);
      writeFileSync(file, await fileOf(model));
      files.push(file);
    }
    // The edited file: the base case's workbook with assumption cells changed as an analyst would.
    const workbook = toExcelWorkbook(workbookModel(base, ["zhipu", "minimax"], SOURCES), ExcelJS);
    const assumptions = models.get("base")!.sheets[0]!;
    for (const [path, value] of edits) workbook.getWorksheet("Assumptions")!.getCell(assumptions.anchors[path]!).value = value;
    const edited = join(dir, "edited.xlsx");
    writeFileSync(edited, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    files.push(edited);
    recompute(files);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  const errors: number[] = [];
  it.each(WORKBOOK_CASES.map((c) => c.name))("%s: every formula recomputes to the engine's value within 1e-6", async (name) => {
    const result = await compare(join(dir, "out", `${name}.xlsx`), models.get(name)!);
    console.log(`LibreOffice, ${name}: ${result.cells} formula cells, largest relative difference ${result.maxError.toExponential(2)}${result.worst ? ` at ${result.worst}` : ""}`);
    errors.push(result.maxError);
    expect(result.mismatches.slice(0, 10)).toEqual([]);
    expect(result.cells).toBeGreaterThan(3000);
  });

  it("options at the model's own value: the recomputed value per share is the engine's fixed point to 1e-9", async () => {
    for (const c of WORKBOOK_CASES) {
      const workbook = await readWorkbook(readFileSync(join(dir, "out", `${c.name}.xlsx`)));
      for (const firm of c.firms) {
        const inputs = c.scenario.firms[firm];
        const sheet = models.get(c.name)!.sheets.find((s) => s.name === valuationSheetName(firm))!;
        const read = (key: string) => cachedResult(workbook.getWorksheet(sheet.name)!.getCell(sheet.anchors[key]!)) as number;
        const option = {strike: convert(inputs.optionStrike, "HKD", FIRM_CURRENCY[firm], c.scenario.market), maturityYears: inputs.optionMaturityYears, volatility: inputs.optionVolatility, riskFreeRate: inputs.riskFreeRate, dividendYield: 0};
        const at = (x: number) => dilutedOptionsValue({...option, stockPrice: x}, inputs.optionsOutstanding, inputs.sharesOutstanding).total;
        const equity = read("equity");
        const fixedPoint = valuePerShareFixedPoint(equity, inputs.sharesOutstanding, at).valuePerShare;
        expect(relativeError((equity - read("optionsAtValue")) / inputs.sharesOutstanding, fixedPoint), `${c.name} ${firm}`).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it("change an assumption in the file and the projection and the value follow: as the engine computes the changed inputs", async () => {
    expect(changed.issues).toEqual([]);
    const expected = modelOf(editedCase);
    const onSheets = (sheet: string) => sheet !== "Assumptions";
    const result = await compare(join(dir, "out", "edited.xlsx"), expected, onSheets);
    console.log(`LibreOffice, edited assumptions: ${result.cells} formula cells, largest relative difference ${result.maxError.toExponential(2)}`);
    errors.push(result.maxError);
    expect(result.mismatches.slice(0, 10)).toEqual([]);
    // And the file did change: its stale cached values were far from these.
    const stale = await compare(join(dir, "edited.xlsx"), expected, onSheets);
    expect(stale.mismatches.length).toBeGreaterThan(1000);
  });

  it("reports the largest difference found", () => {
    console.log(`LibreOffice vs the engine: largest relative difference over all files ${Math.max(...errors).toExponential(2)}`);
    expect(Math.max(...errors)).toBeLessThanOrEqual(TOLERANCE);
  });
});
