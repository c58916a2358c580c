// The Excel workbook (src/lib/workbook.ts, workbookXlsx.ts): written with ExcelJS and read back with
// it, every projection and valuation cell is a formula, and the cached results are the engine's.
import {describe, expect, it} from "vitest";
import {cachedResult, comparable, fileOf, formulaCells, modelOf, readWorkbook, relativeError, WORKBOOK_CASES, SOURCES} from "./workbookCases.ts";
import {presets} from "./helpers.ts";
import {dilutedOptionsValue} from "../../src/lib/blackScholes.ts";
import {valuePerShareFixedPoint} from "../../src/lib/dcf.ts";
import {FIRM_CURRENCY, FIRM_FIELDS, MARKET_FIELDS} from "../../src/lib/fields.ts";
import {convert} from "../../src/lib/fx.ts";
import {computeFirm} from "../../src/lib/results.ts";
import {ASSUMPTIONS_SHEET, MONTHLY_COLUMNS, MONTHLY_FIRST_ROW, monthlySheetName, valuationSheetName, workbookFileName, workbookModel} from "../../src/lib/workbook.ts";

const within = (label: string, got: unknown, expected: number, tolerance = 1e-9) => {
  expect(typeof comparable(got), `${label}: ${String(got)}`).toBe("number");
  expect(relativeError(comparable(got) as number, expected), `${label}: ${String(got)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
};

describe("workbook file name", () => {
  it("is <scenario>-<firm or both>.xlsx", () => {
    expect(workbookFileName("base", ["zhipu"])).toBe("base-zhipu.xlsx");
    expect(workbookFileName("bear-modified", ["zhipu", "minimax"])).toBe("bear-modified-both.xlsx");
    expect(workbookFileName("my scenario/2", ["minimax"])).toBe("my-scenario-2-minimax.xlsx");
  });
});

describe("the Assumptions sheet", () => {
  it("holds every input of fields.ts for the firms asked and the market, with unit, source and the baseline when changed", async () => {
    const scenario = presets.get("bear")!;
    const model = workbookModel(scenario, ["zhipu"], SOURCES);
    const sheet = model.sheets[0]!;
    expect(sheet.name).toBe(ASSUMPTIONS_SHEET);
    const paths = [...FIRM_FIELDS.map((f) => `zhipu.${f.key}`), ...MARKET_FIELDS.map((f) => `market.${f.key}`)];
    expect(Object.keys(sheet.anchors).sort()).toEqual(paths.sort());
    const rowOf = (path: string) => Number(sheet.anchors[path]!.slice(1)) - 1;
    for (const path of paths) {
      const row = sheet.rows[rowOf(path)]!;
      expect(row[2]?.value, `${path} unit`).toBeTruthy();
      expect(String(row[5]?.value ?? ""), `${path} source`).toMatch(/Baseline: /);
      expect(row[6]?.value).toBe(path);
    }
    // Bear changes Zhipu's growth now: marked, with the baseline beside it and the scenario's note.
    const growth = sheet.rows[rowOf("zhipu.growthStart")]!;
    expect(growth[1]).toMatchObject({value: 0.65, style: "changed"});
    expect(growth[3]?.value).toBe(SOURCES.provenance["zhipu.growthStart"]!.value);
    expect(String(growth[5]?.value)).toMatch(/^Scenario: Half of/);
    expect(sheet.rows[rowOf("zhipu.cashNow")]![1]).toMatchObject({style: "input"});
    expect(sheet.rows[rowOf("zhipu.cashNow")]![3]).toBeFalsy();
    // Every input cell has a defined name the formulas use.
    expect(model.names.find((n) => n.name === "zhipu_growthStart")?.ref).toBe(`Assumptions!$B$${rowOf("zhipu.growthStart") + 1}`);
    expect(model.sheets.map((s) => s.name)).toEqual([ASSUMPTIONS_SHEET, "Zhipu AI monthly", "Zhipu AI valuation"]);
  });
});

describe.each(WORKBOOK_CASES)("workbook of $name", (c) => {
  const model = modelOf(c);

  it("reads back with ExcelJS: every projection and valuation number is a formula, with the model's cached result", async () => {
    const workbook = await readWorkbook(await fileOf(model));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    // Every formula of the model is in the file, with its cached result.
    for (const cell of formulaCells(model)) {
      const read = workbook.getWorksheet(cell.sheet)!.getCell(cell.address);
      expect(read.formula, `${cell.sheet}!${cell.address}`).toBe(cell.formula);
      expect(comparable(cachedResult(read)), `${cell.sheet}!${cell.address}`).toEqual(comparable(cell.asRead));
    }
    // And no number on a monthly or valuation sheet is a constant, but the month count, the year
    // headers and the iteration count (column A, the header row).
    for (const firm of c.firms) {
      const monthly = workbook.getWorksheet(monthlySheetName(firm))!;
      for (let t = 0; t <= 180; t++) {
        const row = monthly.getRow(MONTHLY_FIRST_ROW + t);
        expect(row.getCell(1).value).toBe(t);
        MONTHLY_COLUMNS.forEach((column, i) => {
          if (i === 0) return;
          const cell = row.getCell(i + 1);
          const empty = t === 0 && ["growth", "growthFactor", "costGrowth", "costFactor", "breakEven"].includes(column.key);
          if (empty) expect(cell.value, `${column.key}:${t}`).toBeNull();
          else expect(cell.formula, `${monthly.name}!${cell.address}`).toBeTruthy();
        });
      }
      const valuation = workbook.getWorksheet(valuationSheetName(firm))!;
      let formulas = 0;
      valuation.eachRow((row, r) =>
        row.eachCell((cell, col) => {
          if (cell.formula) return void formulas++;
          const v = cell.value;
          if (typeof v === "number" || v instanceof Date || typeof v === "boolean") expect(col === 1 || r === 10, `${valuation.name}!${cell.address} is a constant`).toBe(true);
        })
      );
      expect(formulas).toBeGreaterThan(250);
    }
  });

  it("caches the engine's numbers (results.ts computeFirm) to 1e-9", async () => {
    const workbook = await readWorkbook(await fileOf(model));
    for (const firm of c.firms) {
      const result = computeFirm(firm, c.scenario.firms[firm], c.scenario.market);
      const p = result.projection;
      const monthly = model.sheets.find((s) => s.name === monthlySheetName(firm))!;
      const mSheet = workbook.getWorksheet(monthly.name)!;
      const at = (key: string) => cachedResult(mSheet.getCell(monthly.anchors[key]!));
      for (let t = 0; t <= p.months; t++) {
        within(`revenue ${t}`, at(`revenue:${t}`), p.revenue[t]!);
        within(`margin ${t}`, at(`grossMargin:${t}`), p.grossMargin[t]!);
        within(`gross profit ${t}`, at(`grossProfit:${t}`), p.grossProfit[t]!);
        within(`costs ${t}`, at(`costs:${t}`), p.opex[t]!);
        within(`ocf ${t}`, at(`operatingCashFlow:${t}`), p.operatingCashFlow[t]!);
        within(`financing ${t}`, at(`financing:${t}`), p.financing[t]!);
        within(`cash ${t}`, at(`cash:${t}`), p.cash[t]!);
      }
      if (result.runway.months === null) expect(at("runway")).toBe("none within the horizon");
      else within("runway", at("runway"), result.runway.months);
      expect(at("runwayStatus")).toBe({"runs-out": "runs out", "self-funding": "self-funding", "beyond-horizon": "beyond the horizon"}[result.runway.status]);
      if (result.breakEven.months === null) expect(at("breakEvenMonths")).toBe("none within the horizon");
      else within("break-even", at("breakEvenMonths"), result.breakEven.months);
      expect(at("meetsTarget")).toBe(result.breakEven.meetsTarget);

      const v = result.valuation;
      const dcf = v.dcf;
      const valuation = model.sheets.find((s) => s.name === valuationSheetName(firm))!;
      const vSheet = workbook.getWorksheet(valuation.name)!;
      const val = (key: string) => cachedResult(vSheet.getCell(valuation.anchors[key]!));
      within("valuation month", val("valuationMonth"), v.valuationMonth);
      within("year 1", val("firstForecastYear"), v.firstForecastYear);
      within("year 0 revenue", val("revenue:0"), v.trailingYear.revenue);
      within("year 0 operating income", val("operatingIncome:0"), v.trailingYear.operatingIncome);
      dcf.years.forEach((y) => {
        within(`revenue ${y.year}`, val(`revenue:${y.year}`), y.revenue);
        within(`operating income ${y.year}`, val(`operatingIncome:${y.year}`), y.operatingIncome);
        within(`tax rate ${y.year}`, val(`taxRate:${y.year}`), y.taxRate);
        within(`after tax ${y.year}`, val(`afterTax:${y.year}`), y.afterTaxOperatingIncome);
        within(`nol ${y.year}`, val(`nolEnd:${y.year}`), y.nol);
        within(`reinvestment ${y.year}`, val(`reinvestment:${y.year}`), y.reinvestment);
        within(`fcff ${y.year}`, val(`fcff:${y.year}`), y.fcff);
        within(`cost of capital ${y.year}`, val(`costOfCapital:${y.year}`), y.costOfCapital);
        within(`discount factor ${y.year}`, val(`discountFactor:${y.year}`), y.discountFactor);
        within(`pv ${y.year}`, val(`presentValue:${y.year}`), y.presentValue);
      });
      within("terminal revenue", val("revenue:terminal"), dcf.terminal.revenue);
      within("terminal fcff", val("fcff:terminal"), dcf.terminal.fcff);
      within("terminal value", val("terminalValue"), dcf.terminal.value);
      within("pv terminal", val("presentValueOfTerminal"), dcf.terminal.presentValue);
      for (const key of ["presentValueOfYears", "operatingAssets", "adjustedOperatingAssets", "cash", "equity", "options", "commonEquity", "valuePerShare"] as const) within(key, val(key), dcf.bridge[key]);
      within("value per share HK$", val("valuePerShareHkd"), v.valuePerShareHkd);
      within("gap", val("gap"), v.gap);
      within("market cap", val("marketCap"), v.marketCap);
      within("enterprise value", val("enterpriseValue"), v.enterpriseValue);
    }
  });

  it("solves the options' circular reference without iteration in Excel: both ways agree with the engine's iterations to 1e-9", () => {
    for (const firm of c.firms) {
      const inputs = c.scenario.firms[firm];
      const result = computeFirm(firm, inputs, c.scenario.market);
      const bridge = result.valuation.dcf.bridge;
      const valuation = model.sheets.find((s) => s.name === valuationSheetName(firm))!;
      const cell = (key: string) => {
        const address = valuation.anchors[key]!;
        const row = Number(address.replace(/^[A-Z]+/, "")) - 1;
        const v = valuation.rows[row]![1]!.value as {result: number};
        return v.result;
      };
      const currency = FIRM_CURRENCY[firm];
      const option = {strike: convert(inputs.optionStrike, "HKD", currency, c.scenario.market), maturityYears: inputs.optionMaturityYears, volatility: inputs.optionVolatility, riskFreeRate: inputs.riskFreeRate, dividendYield: 0};
      // At the model's own value: the closed form is the fixed point that Excel's iteration converges to.
      const at = (x: number) => dilutedOptionsValue({...option, stockPrice: x}, inputs.optionsOutstanding, inputs.sharesOutstanding).total;
      const fixedPoint = valuePerShareFixedPoint(bridge.equity, inputs.sharesOutstanding, at).valuePerShare;
      const closedForm = (bridge.equity - cell("optionsAtValue")) / inputs.sharesOutstanding;
      expect(relativeError(closedForm, fixedPoint)).toBeLessThanOrEqual(1e-9);
      // At the market price: the unrolled rows reach the engine's iterated value.
      const price = convert(inputs.price, "HKD", currency, c.scenario.market);
      within("options at price", cell("optionsAtPrice"), dilutedOptionsValue({...option, stockPrice: price}, inputs.optionsOutstanding, inputs.sharesOutstanding).total);
      expect(cell(inputs.optionsValuedAt === "price" ? "optionsAtPrice" : "optionsAtValue")).toBeCloseTo(bridge.options, 9);
    }
  });
});
