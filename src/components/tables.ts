// Tables of rows (Inputs.table): every money column on one scale, named in its header, and every
// table either fits its box or scrolls inside it (see .table-scroll and the Inputs rules in style.css).
import * as Inputs from "@observablehq/inputs";
import type {Currency} from "../lib/fields.js";
import {formatMonthYear, moneyColumn} from "../lib/format.js";
import type {MonthRow} from "./series.js";

const MONEY_COLUMNS = ["revenue", "grossProfit", "opex", "operatingCashFlow", "financing", "cash"] as const;
const TITLES: Record<(typeof MONEY_COLUMNS)[number], string> = {
  revenue: "Revenue",
  grossProfit: "Gross profit",
  opex: "Cash costs",
  operatingCashFlow: "Operating cash flow",
  financing: "Financing",
  cash: "Cash, end of month"
};

/** The monthly projection, one row a month, money in the display currency. */
export function projectionTable(rows: readonly MonthRow[], options: {currency: Currency}): HTMLElement {
  const header: Record<string, string> = {month: "Month"};
  const format: Record<string, (x: never) => string> = {month: (m: string) => formatMonthYear(m)};
  for (const key of MONEY_COLUMNS) {
    const column = moneyColumn(rows.map((r) => r[key]), options.currency);
    header[key] = `${TITLES[key]} (${column.unit})`;
    format[key] = column.format as (x: never) => string;
  }
  return Inputs.table(rows, {
    columns: ["month", ...MONEY_COLUMNS],
    header,
    format,
    align: Object.fromEntries(MONEY_COLUMNS.map((k) => [k, "right"])),
    layout: "auto",
    rows: 14,
    select: false,
    sort: null
  });
}
