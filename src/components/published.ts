// Parts of a published scenario's page (/scenarios/<name>) and of the list of them (/scenarios):
// the actions (open in the notebook, compare, download, print), the cash chart, and the sortable list.
import {html} from "htl";
import * as Inputs from "@observablehq/inputs";
import {FIRMS, FIRM_NAME, type FirmId} from "../lib/fields.js";
import {formatDate, formatPerShare} from "../lib/format.js";
import {breakEvenHeadline, runwayHeadline} from "../lib/headline.js";
import {computeScenario} from "../lib/results.js";
import type {Scenario} from "../lib/schema.js";
import {compareHref} from "../lib/compare.js";
import {cashPathsChart} from "./charts.js";
import {cashChartData, chartEnd} from "./series.js";
import {cashPathsCaption} from "./captions.js";
import {sizedChart} from "./live.js";

/** The published scenario's links and buttons: the notebook with exactly this state, compare, the file, print. */
export function scenarioActions(scenario: Scenario, options: {fileUrl: string; fileName: string; workbook?: HTMLElement}): HTMLElement {
  const query = new URLSearchParams({scenario: scenario.name}).toString();
  const print = html`<button type="button">Print…</button>` as HTMLButtonElement;
  print.addEventListener("click", () => window.print());
  return html`<nav class="actions" aria-label="This scenario">
    <a class="button" href=${`../?${query}`} data-testid="open-in-notebook">Open in the notebook</a>
    <a class="button" href=${compareHref(query, ["base"], "../compare")} data-testid="compare-link">Compare with base</a>
    <a class="button" href=${options.fileUrl} download=${options.fileName} data-testid="download-json">Download JSON</a>
    ${options.workbook ?? ""}
    ${print}
  </nav>` as HTMLElement;
}

/** Both firms' cash, month by month, in US$ (one axis), with the overview's caption. */
export function scenarioCashChart(scenario: Scenario): HTMLElement {
  const byFirm = computeScenario(scenario);
  const results = FIRMS.map((firm) => byFirm[firm]);
  const view = {currency: "USD" as const, market: scenario.market};
  const end = chartEnd(results);
  const today = new Date();
  return html`<div class="scenario-chart">
    ${sizedChart((width) => cashPathsChart(cashChartData(results, {...view, end}), {width, today, end}))}
    <p class="small">${cashPathsCaption(results, view.currency, view.market)}</p>
  </div>` as HTMLElement;
}

/** One row of the list of published scenarios: its headline numbers for both firms, as sortable values. */
export interface PublishedRow {
  name: string;
  title: string;
  author: string;
  date: string;
  [column: string]: string | number | null;
}

/** The rows of /scenarios: one per scenario. */
export function publishedRows(scenarios: readonly Scenario[]): PublishedRow[] {
  return scenarios.map((scenario) => {
    const results = computeScenario(scenario);
    const row: PublishedRow = {name: scenario.name, title: scenario.title, author: scenario.author ?? "", date: scenario.date ?? ""};
    for (const firm of FIRMS) {
      const r = results[firm];
      // Months after the baseline; never (self-funding, beyond the horizon) sorts after every date.
      row[`${firm}Runway`] = r.runway.months ?? Infinity;
      row[`${firm}RunwayText`] = runwayHeadline(r);
      row[`${firm}BreakEven`] = r.breakEven.months ?? Infinity;
      row[`${firm}BreakEvenText`] = breakEvenHeadline(r);
      row[`${firm}Value`] = r.valuation.valuePerShareHkd;
    }
    return row;
  });
}

/** The list as a table sortable by any column; each title links to its page. */
export function publishedTable(rows: readonly PublishedRow[]): HTMLElement {
  // The answers next to the title, who and when last: on a phone the first columns are what shows.
  const columns = ["title", ...FIRMS.flatMap((f) => [`${f}Runway`, `${f}BreakEven`, `${f}Value`]), "author", "date"];
  const header: Record<string, string> = {title: "Scenario", author: "Author", date: "Date"};
  const format: Record<string, (value: unknown, i: number, data: readonly PublishedRow[]) => unknown> = {
    title: (title, i, data) => html`<a href=${`./${data[i]!.name}`}>${title}</a>`,
    author: (author) => author || "—",
    date: (d) => (d ? formatDate(String(d)) : "—")
  };
  const width: Record<string, number> = {title: 150};
  for (const firm of FIRMS) {
    const name = FIRM_NAME[firm as FirmId];
    header[`${firm}Runway`] = `${name} runs out`;
    header[`${firm}BreakEven`] = `${name} breaks even`;
    header[`${firm}Value`] = `${name} HK$ / share`;
    format[`${firm}Runway`] = (_, i, data) => data[i]![`${firm}RunwayText`];
    format[`${firm}BreakEven`] = (_, i, data) => data[i]![`${firm}BreakEvenText`];
    format[`${firm}Value`] = (v) => formatPerShare(Number(v));
  }
  // Every row shown (no scroll box): the page's headers wrap onto two lines, which Inputs' row-count height does not allow for.
  return Inputs.table(rows as PublishedRow[], {columns, header, format, width, rows: rows.length + 1, maxHeight: null, select: false, layout: "auto"} as never) as HTMLElement;
}
