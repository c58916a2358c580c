// Tables of numbers that follow the state: a plain <table> in a box that scrolls both ways, with a
// sticky header, updated in place (only the cells whose text changed are touched). Every money column
// is on one scale, named in its header. Unlike Inputs.table it draws every row at once, so a long
// projection prints in full, and a redraw costs a fraction of a millisecond.
import type {Currency} from "../lib/fields.js";
import {formatMonthYear, formatNumber, formatPercentFixed, moneyColumn} from "../lib/format.js";
import type {MonthRow} from "../lib/report.js";

export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  format: (value: never) => string;
  /** Numbers align right; text (the first column) left. */
  numeric?: boolean;
}

/** A table element that redraws in place: `update(rows, columns)`. */
export interface TableView<Row> {
  element: HTMLElement;
  update(rows: readonly Row[], columns: readonly Column<Row>[]): void;
}

export function tableView<Row>(options: {className?: string; testId?: string; maxRows?: number} = {}): TableView<Row> {
  const box = document.createElement("div");
  box.className = `table-scroll number-table${options.maxRows ? " number-table--tall" : ""}`;
  const table = document.createElement("table");
  if (options.className) table.className = options.className;
  if (options.testId) table.dataset.testid = options.testId;
  const thead = table.createTHead();
  const tbody = table.createTBody();
  box.append(table);
  let headers = "";
  // The text node of every cell, by row and column: updates write only the texts that changed.
  let texts: Text[][] = [];
  return {
    element: box,
    update(rows, columns) {
      const signature = columns.map((c) => `${c.header}|${c.numeric ? 1 : 0}`).join("\t");
      if (signature !== headers) {
        headers = signature;
        const tr = document.createElement("tr");
        for (const c of columns) {
          const th = document.createElement("th");
          th.textContent = c.header;
          if (c.numeric) th.className = "num";
          tr.append(th);
        }
        thead.replaceChildren(tr);
        tbody.replaceChildren();
        texts = [];
      }
      if (texts.length > rows.length) {
        texts.length = rows.length;
        while (tbody.childElementCount > rows.length) tbody.lastElementChild!.remove();
      }
      const added = document.createDocumentFragment();
      for (let i = texts.length; i < rows.length; i++) {
        const tr = document.createElement("tr");
        texts.push(
          columns.map((c) => {
            const td = document.createElement("td");
            if (c.numeric) td.className = "num";
            const text = document.createTextNode("");
            td.append(text);
            tr.append(td);
            return text;
          })
        );
        added.append(tr);
      }
      tbody.append(added);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const line = texts[i]!;
        for (let j = 0; j < columns.length; j++) {
          const c = columns[j]!;
          const value = c.format(row[c.key] as never);
          if (line[j]!.data !== value) line[j]!.data = value;
        }
      }
    }
  };
}

const MONEY_COLUMNS = ["revenue", "grossProfit", "opex", "operatingCashFlow", "financing", "cash"] as const;
const TITLES: Record<(typeof MONEY_COLUMNS)[number], string> = {
  revenue: "Revenue",
  grossProfit: "Gross profit",
  opex: "Cash costs",
  operatingCashFlow: "Operating cash flow",
  financing: "Financing",
  cash: "Cash, end of month"
};

/** The monthly projection's columns for these rows: the month, then money on one scale per column. */
export function projectionColumns(rows: readonly MonthRow[], currency: Currency): Column<MonthRow>[] {
  return [
    {key: "date", header: "Month", format: (m: string) => formatMonthYear(m)},
    ...MONEY_COLUMNS.map((key) => {
      const column = moneyColumn(rows.map((r) => r[key]), currency);
      return {key, header: `${TITLES[key]} (${column.unit})`, format: column.format as (x: never) => string, numeric: true};
    })
  ];
}

/** A percentage column, one decimal in every row so the points line up ("—" where undefined). */
export function percentFormat(x: number | null): string {
  return x === null ? "—" : formatPercentFixed(x);
}

/** A dimensionless column to four significant figures. */
export function ratioFormat(x: number): string {
  return formatNumber(x, 4);
}

/**
 * Inputs.table draws rows as the reader scrolls, so a printout would stop at the first screenful:
 * before printing, scroll `form` to the end until every row is drawn.
 */
export function printEveryRow(form: HTMLElement): HTMLElement {
  addEventListener("beforeprint", () => {
    const table = form.querySelector(":scope > table") as HTMLTableElement | null;
    if (!table) return;
    for (let drawn = -1; drawn !== table.rows.length; ) {
      drawn = table.rows.length;
      form.scrollTop = form.scrollHeight;
      form.dispatchEvent(new Event("scroll"));
    }
    form.scrollTop = 0;
  });
  return form;
}
