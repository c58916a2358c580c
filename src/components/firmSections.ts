// The blocks of a firm page: grouped assumption controls with sources, the projection table and downloads.
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import type {Fact} from "../lib/facts.js";
import {formatMoney} from "../lib/format.js";
import type {FirmResult} from "../lib/results.js";
import {monthlyRows, scenarioCsv} from "../lib/report.js";
import type {Provenance} from "../lib/scenarios.js";
import {FIRM_CURRENCY, FIRM_NAME, type FirmId} from "../lib/fields.js";
import {fieldControl, resetFirmButton} from "./controls.js";
import type {ScenarioStore} from "./store.js";

export const ASSUMPTION_GROUPS: [title: string, keys: string[]][] = [
  ["Starting point", ["cashNow", "undrawnFacilities", "includeUndrawnFacilities", "burnNow", "revenueRunRate"]],
  ["Revenue growth", ["growthStart", "growthLongRun", "growthFadeYears"]],
  ["Gross margin", ["grossMarginNow", "grossMarginTarget", "marginYears"]],
  ["Cash costs", ["opexGrowth"]],
  ["Financing", ["ipoDate", "ipoNetProceeds", "laterRaise", "laterRaiseDate"]],
  ["Target and market", ["breakEvenTargetYear", "sharesOutstanding", "price"]]
];

/** Every assumption of one firm, grouped, each with its source or rationale. */
export function assumptionsPanel(store: ScenarioStore, firm: FirmId, provenance: Record<string, Provenance & {value: unknown}>, facts: ReadonlyMap<string, Fact>): HTMLElement {
  return html`<div class="assumptions">
    <p class="muted">Baseline at ${store.scenario.firms[firm].baselineDate}; money in millions of ${FIRM_CURRENCY[firm]}. Open a source line for the quote.</p>
    ${resetFirmButton(store, firm, `Reset ${FIRM_NAME[firm]} to the scenario`)}
    ${ASSUMPTION_GROUPS.map(([title, keys]) => html`<div class="control-group"><h3>${title}</h3>${keys.map((key) => fieldControl(store, `${firm}.${key}`, {provenance: provenance[`${firm}.${key}`], facts, showSource: true}))}</div>`)}
    <div class="control-group"><h3>Exchange rates</h3>${["usdHkd", "usdRmb"].map((key) => fieldControl(store, `market.${key}`, {provenance: provenance[`market.${key}`], facts, showSource: true}))}</div>
  </div>` as HTMLElement;
}

/** The monthly projection as a sortable table. */
export function projectionTable(result: FirmResult): HTMLElement {
  const money = (x: number) => formatMoney(x, result.currency);
  return Inputs.table(monthlyRows(result), {
    columns: ["date", "revenue", "grossProfit", "opex", "operatingCashFlow", "financing", "cash"],
    header: {date: "Month", revenue: "Revenue", grossProfit: "Gross profit", opex: "Cash costs", operatingCashFlow: "Operating cash flow", financing: "Financing", cash: "Cash (end of month)"},
    format: {revenue: money, grossProfit: money, opex: money, operatingCashFlow: money, financing: money, cash: money},
    rows: 14,
    select: false
  }) as HTMLElement;
}

function downloadButton(label: string, filename: string, type: string, contents: () => string): HTMLElement {
  const button = html`<button type="button">${label}</button>` as HTMLButtonElement;
  button.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([contents()], {type}));
    const link = html`<a href=${url} download=${filename} hidden></a>` as HTMLAnchorElement;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}

/** Downloads of the projection (CSV) and of the scenario (JSON, loadable by the runner). */
export function downloads(store: ScenarioStore, result: FirmResult): HTMLElement {
  const firm = result.firm;
  const csv = downloadButton(`Projection (CSV)`, `${firm}-projection.csv`, "text/csv", () => scenarioCsv({[firm]: result} as Record<FirmId, FirmResult>, [firm]));
  const json = downloadButton("Scenario (JSON)", "scenario.json", "application/json", () => {
    const {scenario, presetName} = store;
    const modified = store.isModified;
    const file = {...scenario, name: modified ? `${presetName}-modified` : presetName, title: modified ? `${scenario.title} (modified)` : scenario.title};
    return `${JSON.stringify(file, null, 2)}\n`;
  });
  return html`<div class="downloads">${csv} ${json}</div>` as HTMLElement;
}
