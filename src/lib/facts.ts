// The sourced dataset: one row per figure in the articles (data/facts.csv), checked row by row.
import {csvParse} from "d3";

export const FACT_COLUMNS = ["id", "firm", "metric", "period", "value", "unit", "currency", "qualifier", "source", "quote", "status", "conflict", "note"] as const;
export const FACT_FIRMS = ["zhipu", "minimax", "moonshot", "industry", "hkex"] as const;
export const FACT_UNITS = ["million", "per_share", "fraction", "multiple", "count", "months", "year", "tokens"] as const;
export const FACT_CURRENCIES = ["", "RMB", "USD", "HKD"] as const;
export const FACT_QUALIFIERS = ["exact", "about", "over", "under", "nearly"] as const;
export const FACT_STATUSES = ["chosen", "rejected", "only"] as const;

export interface Fact {
  id: string;
  firm: (typeof FACT_FIRMS)[number];
  metric: string;
  period: string;
  value: number;
  unit: (typeof FACT_UNITS)[number];
  currency: (typeof FACT_CURRENCIES)[number];
  qualifier: (typeof FACT_QUALIFIERS)[number];
  source: string;
  quote: string;
  status: (typeof FACT_STATUSES)[number];
  conflict: string;
  note: string;
}

export interface Conflict {
  id: string;
  chosen: Fact | undefined;
  rejected: Fact[];
}

const oneOf = <T extends string>(values: readonly T[], x: string): x is T => (values as readonly string[]).includes(x);

/** Parses and checks data/facts.csv. Every problem names the row (line number and id) and the reason. */
export function parseFacts(csvText: string): {facts: Fact[]; problems: string[]} {
  const rows = csvParse(csvText);
  const problems: string[] = [];
  const missing = FACT_COLUMNS.filter((c) => !rows.columns.includes(c));
  if (missing.length) return {facts: [], problems: [`header: missing column(s) ${missing.join(", ")}`]};
  const facts: Fact[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const where = `line ${i + 2} (${row.id || "no id"})`;
    const bad = (reason: string) => problems.push(`${where}: ${reason}`);
    const id = row.id ?? "";
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) bad("id must be lowercase kebab-case");
    if (seen.has(id)) bad("duplicate id");
    seen.add(id);
    const firm = row.firm ?? "";
    if (!oneOf(FACT_FIRMS, firm)) bad(`unknown firm "${firm}"`);
    const unit = row.unit ?? "";
    if (!oneOf(FACT_UNITS, unit)) bad(`unknown unit "${unit}"`);
    const currency = row.currency ?? "";
    if (!oneOf(FACT_CURRENCIES, currency)) bad(`unknown currency "${currency}"`);
    if ((unit === "million" || unit === "per_share") && !currency) bad(`a ${unit} value needs a currency`);
    const qualifier = row.qualifier ?? "";
    if (!oneOf(FACT_QUALIFIERS, qualifier)) bad(`unknown qualifier "${qualifier}"`);
    const status = row.status ?? "";
    if (!oneOf(FACT_STATUSES, status)) bad(`unknown status "${status}"`);
    const valueText = (row.value ?? "").trim();
    const value = Number(valueText);
    if (!valueText || !Number.isFinite(value)) bad(`value "${row.value}" is not a plain number`);
    if (!/^\d{3}_[0-9a-f]{16}\.txt$/.test(row.source ?? "")) bad(`source "${row.source}" is not a seed file name`);
    if (!row.quote) bad("quote is empty");
    if (!row.metric) bad("metric is empty");
    const conflict = row.conflict ?? "";
    if (status !== "only" && !conflict) bad(`a ${status} fact must name its conflict group`);
    if (status === "only" && conflict) bad("an only fact has no conflict group");
    if (status === "chosen" && !row.note) bad("a chosen fact must say why in note");
    facts.push({
      id, firm: firm as Fact["firm"], metric: row.metric ?? "", period: row.period ?? "", value,
      unit: unit as Fact["unit"], currency: currency as Fact["currency"], qualifier: qualifier as Fact["qualifier"],
      source: row.source ?? "", quote: row.quote ?? "", status: status as Fact["status"], conflict, note: row.note ?? ""
    });
  });
  for (const conflict of conflicts(facts)) {
    const chosen = facts.filter((f) => f.conflict === conflict.id && f.status === "chosen").length;
    if (chosen !== 1) problems.push(`conflict ${conflict.id}: needs exactly one chosen fact, has ${chosen}`);
    if (conflict.rejected.length === 0) problems.push(`conflict ${conflict.id}: has no rejected fact`);
  }
  return {facts, problems};
}

/** The conflict groups, each with its chosen fact and the rejected ones. */
export function conflicts(facts: readonly Fact[]): Conflict[] {
  const groups = new Map<string, Conflict>();
  for (const fact of facts) {
    if (!fact.conflict) continue;
    let group = groups.get(fact.conflict);
    if (!group) groups.set(fact.conflict, (group = {id: fact.conflict, chosen: undefined, rejected: []}));
    if (fact.status === "chosen") group.chosen = fact;
    else group.rejected.push(fact);
  }
  return [...groups.values()];
}

/** Quotes that do not occur verbatim in their source text. */
export function misquoted(facts: readonly Fact[], sourceText: (file: string) => string | null): string[] {
  const problems: string[] = [];
  for (const fact of facts) {
    const text = sourceText(fact.source);
    if (text === null) problems.push(`${fact.id}: source ${fact.source} not found`);
    else if (!text.includes(fact.quote)) problems.push(`${fact.id}: quote not found verbatim in ${fact.source}: ${fact.quote}`);
  }
  return problems;
}

/** Fact ids a set of inputs cites that are missing, or rejected in a conflict. */
export function unusableCitations(cited: Iterable<[field: string, factId: string]>, facts: readonly Fact[]): string[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const problems: string[] = [];
  for (const [field, id] of cited) {
    const fact = byId.get(id);
    if (!fact) problems.push(`${field}: cites unknown fact ${id}`);
    else if (fact.status === "rejected") problems.push(`${field}: cites rejected fact ${id}`);
  }
  return problems;
}
