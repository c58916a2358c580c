// Parts of a page that follow the store: each redraws itself in place, synchronously, when the state
// changes — and only when what it shows changed (a Zhipu input leaves MiniMax's parts alone).
// Redrawing in the store's change event, rather than in the notebook's next animation frame, puts
// the update in the same task as the input that caused it.
import type {Currency, FirmId, MarketInputs} from "../lib/fields.js";
import {FIRMS} from "../lib/fields.js";
import {firmResult, type FirmResult} from "../lib/results.js";
import type {MoneyView} from "./cards.js";
import {tableView, type Column} from "./tables.js";
import type {ScenarioStore} from "./store.js";

/** What a part shows, as a list of values compared by identity. */
type Selection = readonly unknown[];

/** Whether a part already shows `b` (it showed `a`): the same values by identity. */
export const unchanged = (a: Selection | null, b: Selection) => a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

function follow(store: ScenarioStore, select: (store: ScenarioStore) => Selection, redraw: () => void): void {
  let shown: Selection | null = null;
  const update = () => {
    const selection = select(store);
    if (unchanged(shown, selection)) return;
    shown = selection;
    redraw();
  };
  store.addEventListener("change", update);
  update();
}

/** A part that redraws `render()` whenever `select(store)` changes. */
export function live(store: ScenarioStore, select: (store: ScenarioStore) => Selection, render: () => Node): HTMLElement {
  const element = document.createElement("div");
  element.className = "live";
  follow(store, select, () => element.replaceChildren(render()));
  return element;
}

/**
 * A chart drawn at its box's width, redrawn when the box is resized; `redraw()` draws it again, at
 * once. A new width draws in a task of its own: on a page's first layout every chart learns its width
 * in the same observer callback, and drawing them all there would be one long task.
 */
export function sizedChart(render: (width: number) => Node): HTMLElement & {redraw(): void} {
  const element = Object.assign(document.createElement("div"), {redraw: () => draw()});
  element.className = "live-chart";
  let width = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const draw = () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    if (width > 0) element.replaceChildren(render(width));
  };
  new ResizeObserver(([entry]) => {
    const next = Math.floor(entry!.contentRect.width);
    if (next !== width) {
      width = next;
      pending ??= setTimeout(draw, 0);
    }
  }).observe(element);
  return element;
}

/** A chart that redraws at its box's width: when the state it shows changes, and when the box is resized. */
export function liveChart(store: ScenarioStore, select: (store: ScenarioStore) => Selection, render: (width: number) => Node): HTMLElement {
  const chart = sizedChart(render);
  follow(store, select, () => chart.redraw());
  return chart;
}

/** The state one firm's parts depend on: its inputs, the exchange rates and the display currency. */
function firmSelection(firm: FirmId, pageCurrency: Currency) {
  return (s: ScenarioStore) => [s.scenario.firms[firm], s.scenario.market, s.displayCurrency(pageCurrency)] as const;
}

function view(s: ScenarioStore, pageCurrency: Currency): MoneyView {
  return {currency: s.displayCurrency(pageCurrency), market: s.scenario.market};
}

/** One firm's part: `render(result, view)` with the firm's results and the display currency. */
export function liveFirm(store: ScenarioStore, firm: FirmId, pageCurrency: Currency, render: (result: FirmResult, view: MoneyView, market: MarketInputs) => Node): HTMLElement {
  return live(store, firmSelection(firm, pageCurrency), () => render(firmResult(firm, store.scenario.firms[firm], store.scenario.market), view(store, pageCurrency), store.scenario.market));
}

/** One firm's chart, at its box's width. */
export function liveFirmChart(store: ScenarioStore, firm: FirmId, pageCurrency: Currency, render: (result: FirmResult, view: MoneyView, width: number) => Node): HTMLElement {
  return liveChart(store, firmSelection(firm, pageCurrency), (width) => render(firmResult(firm, store.scenario.firms[firm], store.scenario.market), view(store, pageCurrency), width));
}

/** The state a two-firm part depends on. */
function bothSelection(pageCurrency: Currency) {
  return (s: ScenarioStore) => [...FIRMS.map((firm) => s.scenario.firms[firm]), s.scenario.market, s.displayCurrency(pageCurrency)];
}

function bothResults(store: ScenarioStore): FirmResult[] {
  return FIRMS.map((firm) => firmResult(firm, store.scenario.firms[firm], store.scenario.market));
}

/** A part that shows both firms: `render(results, view)`, results in FIRMS order. */
export function liveBoth(store: ScenarioStore, pageCurrency: Currency, render: (results: FirmResult[], view: MoneyView) => Node): HTMLElement {
  return live(store, bothSelection(pageCurrency), () => render(bothResults(store), view(store, pageCurrency)));
}

/** A chart of both firms, at its box's width. */
export function liveBothChart(store: ScenarioStore, pageCurrency: Currency, render: (results: FirmResult[], view: MoneyView, width: number) => Node): HTMLElement {
  return liveChart(store, bothSelection(pageCurrency), (width) => render(bothResults(store), view(store, pageCurrency), width));
}

/**
 * One firm's table, updated in place: `rows(result, view)` gives the rows in the display currency
 * and `columns(rows, currency)` their columns (one scale per money column).
 */
export function liveFirmTable<Row>(
  store: ScenarioStore,
  firm: FirmId,
  pageCurrency: Currency,
  rows: (result: FirmResult, view: MoneyView) => Row[],
  columns: (rows: readonly Row[], currency: Currency) => Column<Row>[],
  options: {testId?: string; tall?: boolean} = {}
): HTMLElement {
  const table = tableView<Row>({testId: options.testId, maxRows: options.tall ? 14 : undefined});
  follow(store, firmSelection(firm, pageCurrency), () => {
    const v = view(store, pageCurrency);
    const data = rows(firmResult(firm, store.scenario.firms[firm], store.scenario.market), v);
    table.update(data, columns(data, v.currency));
  });
  return table.element;
}
