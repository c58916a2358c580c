// A published scenario as a report page (/scenarios/<name>): the Markdown that the page loader
// src/scenarios/[name].md.ts writes at build time, with its headline numbers computed by the same
// code as the notebook and the runner. Everything a scenario file says is escaped: a file can put
// neither HTML nor a ${…} expression into the page.
import {allFieldPaths, FIRM_CURRENCY, FIRM_NAME, FIRMS, fieldSpec, firmOfPath, type FirmId} from "../lib/fields.ts";
import {formatCount, formatDate, formatFieldValue, formatMonths, formatPerShare, formatProbability, formatStandardError} from "../lib/format.ts";
import {breakEvenHeadline, breakEvenVerdict, fundingGapText, runwayDetail, runwayHeadline, scenarioHeadline, valueAgainstPrice} from "../lib/headline.ts";
import type {FirmResult} from "../lib/results.ts";
import {differences, getField, type Scenario} from "../lib/schema.ts";
import type {RiskReport} from "../lib/report.ts";
import {siteHead} from "./head.ts";
import {describeRange, followsValue, NO_UNCERTAINTY} from "../lib/uncertainty.ts";
import type {DistributionSpec} from "../lib/distributions.ts";

/**
 * Text as HTML that neither Markdown nor Framework reads anything into: the five HTML characters,
 * `$` (Framework's ${…}) and the backtick as entities, line breaks as spaces.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>"'$`\\]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, " ");
}

/** A scenario's description as paragraphs (split at blank lines), each one line of escaped HTML. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join("\n");
}

/** One row of a table: a header cell and one cell per firm. */
function row(label: string, cells: string[], attrs: string[] = []): string {
  return `<tr><th scope="row">${label}</th>${cells.map((c, i) => `<td${attrs[i] ?? ""}>${c}</td>`).join("")}</tr>`;
}

const value = (x: number | string | null) => ` data-value="${x === null ? "" : escapeText(String(x))}"`;

/** The headline table: runway, funding gap, break-even, value per share; and the risk summary when there is one. */
export function headlineTable(results: Record<FirmId, FirmResult>, scenario: Scenario, risk: Record<FirmId, RiskReport> | null): string {
  const firms = FIRMS.map((f) => results[f]);
  const cell = (big: string, small = "") => `<strong>${escapeText(big)}</strong>${small ? `<br><span class="small muted">${escapeText(small)}</span>` : ""}`;
  const rows = [
    row("Cash runs out", firms.map((r) => cell(runwayHeadline(r), runwayDetail(r))), firms.map((r) => `${value(r.runway.months)} data-testid="runway-${r.firm}"`)),
    row("Funding gap", firms.map((r) => cell(r.fundingGaps.length ? "Yes" : "None", fundingGapText(r, r.currency, scenario.market) ?? "cash stays above zero until the runway ends")), firms.map((r) => `${value(r.fundingGaps[0]?.shortfall ?? 0)} data-testid="gap-${r.firm}"`)),
    row("Break-even", firms.map((r) => cell(breakEvenHeadline(r), breakEvenVerdict(r))), firms.map((r) => `${value(r.breakEven.date)} data-testid="breakeven-${r.firm}" class="${r.breakEven.meetsTarget ? "good" : "bad"}"`)),
    row("Value per share (DCF)", firms.map((r) => cell(formatPerShare(r.valuation.valuePerShareHkd), valueAgainstPrice(r, "HKD", scenario.market))), firms.map((r) => `${value(r.valuation.valuePerShareHkd)} data-testid="value-${r.firm}"`))
  ];
  if (risk) {
    const p = (firm: FirmId, key: keyof RiskReport["probabilities"]) => {
      const e = risk[firm].probabilities[key];
      return {text: cell(formatProbability(e.p), formatStandardError(e, risk[firm].paths - risk[firm].invalidPaths)), attrs: `${value(e.p)} data-testid="p-${key}-${firm}"`};
    };
    const riskRow = (label: string, key: keyof RiskReport["probabilities"]) => {
      const cells = FIRMS.map((f) => p(f, key));
      return row(label, cells.map((c) => c.text), cells.map((c) => c.attrs));
    };
    const median = (firm: FirmId) => {
      const q = risk[firm].runwayMonths;
      return q.p50 === null ? cell("Never", "the median path never runs out of cash") : cell(formatMonths(q.p50), `P5 ${q.p5 === null ? "never" : formatMonths(q.p5)} · P95 ${q.p95 === null ? "never" : formatMonths(q.p95)}`);
    };
    rows.push(
      `<tr class="section"><th colspan="3">With this scenario's ranges (${escapeText(formatCount(risk.zhipu.paths))} paths, seed ${risk.zhipu.seed}; ± one standard error)</th></tr>`,
      riskRow("Chance of running out of cash before break-even", "cashOutBeforeBreakEven"),
      riskRow("Chance of break-even by the target year", "breakEvenByTarget"),
      riskRow("Chance the value per share is above the price", "valueAbovePrice"),
      row("Runway, median path (months after the baseline)", FIRMS.map(median), FIRMS.map((f) => value(risk[f].runwayMonths.p50)))
    );
  }
  return `<div class="table-scroll"><table class="headline-table" data-testid="headline-table">
<thead><tr><th></th>${FIRMS.map((f) => `<th scope="col">${FIRM_NAME[f]}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>`;
}

/** A field's value as the page shows it, in its firm's currency. */
function shown(path: string, scenario: Scenario): string {
  const spec = fieldSpec(path)!;
  const firm = firmOfPath(path);
  return formatFieldValue(getField(scenario, path), spec.unit, firm ? FIRM_CURRENCY[firm] : "USD");
}

/**
 * What the scenario assumes differently from base: each changed input with the base value and its
 * source, the scenario's value and its note; then any range, correlation or simulation setting that differs.
 */
export function differencesTable(scenario: Scenario, base: Scenario, provenance: Record<string, {note: string}>): string {
  const changed = differences(base, scenario);
  const rows = changed.map(([path]) => {
    const spec = fieldSpec(path)!;
    const firm = firmOfPath(path);
    const who = firm ? FIRM_NAME[firm] : "Market";
    const note = scenario.notes?.[path];
    return `<tr data-path="${escapeText(path)}"><td>${who}</td><td>${escapeText(spec.label)}</td><td class="num">${escapeText(shown(path, base))}<br><span class="small muted">${escapeText(provenance[path]?.note ?? "")}</span></td><td class="num"><strong>${escapeText(shown(path, scenario))}</strong><br><span class="small ${note ? "" : "muted"}">${escapeText(note ?? "The file gives no reason for this value; see the description above.")}</span></td></tr>`;
  });
  const u = scenario.uncertainty ?? NO_UNCERTAINTY;
  const b = base.uncertainty ?? NO_UNCERTAINTY;
  const label = (path: string) => `${firmOfPath(path) ? FIRM_NAME[firmOfPath(path)!] : "Market"} ${fieldSpec(path)?.label.toLowerCase() ?? path}`;
  const range = (spec: DistributionSpec | undefined, path: string) => (spec ? describeRange(spec, fieldSpec(path)!.unit) : "fixed");
  // Ranges that only follow the scenario's values (the default moved to them) are said in one sentence below.
  const followed: string[] = [];
  const rangeRows: string[] = [];
  for (const path of allFieldPaths().filter((p) => p in b.ranges || p in u.ranges)) {
    const [was, now] = [b.ranges[path], u.ranges[path]];
    if (range(was, path) === range(now, path)) continue;
    if (was && now && followsValue(was, now, getField(base, path), getField(scenario, path))) {
      followed.push(`${label(path)} ${range(now, path)}`);
      continue;
    }
    rangeRows.push(`<tr data-path="range.${escapeText(path)}"><td>${firmOfPath(path) ? FIRM_NAME[firmOfPath(path)!] : "Market"}</td><td>Range of ${escapeText(fieldSpec(path)!.label.toLowerCase())}</td><td class="num">${escapeText(range(was, path))}</td><td class="num"><strong>${escapeText(range(now, path))}</strong></td></tr>`);
  }
  const corr = (list: typeof u.correlations) => list.map(([x, y, rho]) => `${x} ~ ${y}: ${rho}`).join("; ") || "none";
  if (corr(b.correlations) !== corr(u.correlations)) rangeRows.push(`<tr data-path="corr"><td>Both</td><td>Rank correlations</td><td>${escapeText(corr(b.correlations))}</td><td><strong>${escapeText(corr(u.correlations))}</strong></td></tr>`);
  for (const key of ["paths", "seed"] as const) {
    if (b.simulation[key] !== u.simulation[key]) rangeRows.push(`<tr data-path="${key}"><td>Both</td><td>Simulation ${key}</td><td class="num">${formatCount(b.simulation[key])}</td><td class="num"><strong>${formatCount(u.simulation[key])}</strong></td></tr>`);
  }
  const all = [...rows, ...rangeRows];
  const moved = followed.length ? `\n<p class="small" data-testid="ranges-followed">In the Monte Carlo each input the scenario changes is drawn from the default range moved with it (by as much as the value moved, keeping its shape): ${escapeText(followed.join("; "))}.</p>` : "";
  if (all.length === 0) return `<p data-testid="differences-none">This is the base case: every input is the sourced baseline (see <a href="../sources">Sources</a>).</p>`;
  return `<div class="table-scroll"><table class="differences-table" data-testid="differences">
<thead><tr><th>Firm</th><th>Input</th><th>Base (source)</th><th>This scenario (why)</th></tr></thead>
<tbody>
${all.join("\n")}
</tbody></table></div>${moved}`;
}

export interface ScenarioPageInput {
  scenario: Scenario;
  base: Scenario;
  results: Record<FirmId, FirmResult>;
  risk: Record<FirmId, RiskReport> | null;
  provenance: Record<string, {note: string}>;
}

/** The page's Markdown. */
export function scenarioPage({scenario, base, results, risk, provenance}: ScenarioPageInput): string {
  const name = scenario.name;
  const byline = [scenario.author ? `By ${escapeText(scenario.author)}` : null, scenario.date ? escapeText(formatDate(scenario.date)) : null, `<code>data/scenarios/${escapeText(name)}.json</code>`].filter(Boolean).join(" · ");
  // The page's own <head>: its link preview states its headline result.
  const frontMatter = {title: scenario.title, head: siteHead(scenario.title, scenarioHeadline(scenario.title, results)), toc: false};
  return `---
${Object.entries(frontMatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n")}
---

\`\`\`js
import {FIRMS} from "../lib/fields.js";
import {scenarioActions, scenarioCashChart} from "../components/published.js";
import {workbookDownload} from "../components/workbookDownload.js";
\`\`\`

\`\`\`js
// This scenario as the notebook resolves it (the same file, the same code).
const inputs = await FileAttachment("../data/scenarios.json").json();
const scenario = inputs.presets.find((p) => p.name === ${JSON.stringify(name)});
const fileUrl = await FileAttachment(${JSON.stringify(`${name}.json`)}).url();
// Both firms' workbook (.xlsx) with live formulas; ExcelJS is fetched only when the button is pressed.
const workbook = workbookDownload(() => ({scenario, name: scenario.name, firms: FIRMS, sources: {provenance: inputs.provenance}}), FileAttachment("../data/workbook.js"));
\`\`\`

<h1 class="scenario-title">${escapeText(scenario.title)}</h1>

<p class="byline" data-testid="byline">${byline}</p>

<div class="scenario-actions">\${scenarioActions(scenario, {fileUrl, fileName: ${JSON.stringify(`${name}.json`)}, workbook})}</div>

<div class="narrative" data-testid="narrative">
${paragraphs(scenario.description)}
</div>

## Headline results

<p class="small muted">Money in each firm's reporting currency (Zhipu AI in RMB, MiniMax in US$), value per share in HK$; months count from each firm's baseline, its latest reported period.</p>

${headlineTable(results, scenario, risk)}

## Cash, month by month

<div>\${scenarioCashChart(scenario)}</div>

## What this scenario assumes differently from base

${differencesTable(scenario, base, provenance)}

<p class="small muted provenance">Computed with the same code as the notebook and the runner: <code>npm run model -- data/scenarios/${escapeText(name)}.json${risk ? ` --simulate ${risk.zhipu.paths} --seed ${risk.zhipu.seed}` : ""}</code> gives these numbers. Every other input is the base case's, with its source on <a href="../sources">Sources</a>.</p>
`;
}
