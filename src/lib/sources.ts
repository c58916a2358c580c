// The four articles every figure comes from, and facts named the way a reader says them:
// "MiniMax revenue share, AI-native products, 9M 2025 — Finet" rather than an id.
import type {Fact} from "./facts.js";
import {formatDate, formatMonthYear} from "./format.js";

export interface SourceFile {
  /** The seed file's name in shared/seeds/. */
  file: string;
  /** The outlet as a citation names it (short). */
  outlet: string;
  /** The outlet in full, with its Chinese name where it has one. */
  outletFull: string;
  date: string;
  about: string;
}

/** The articles, in file order. */
export const SOURCE_FILES: readonly SourceFile[] = [
  {file: "000_cb3c3c42aa6e7a8e.txt", outlet: "NetEase Hao", outletFull: "NetEase Hao post", date: "after both listings", about: "listing-day figures, business models, revenue, losses, 2026/2027 targets"},
  {file: "001_18ea16754753d916.txt", outlet: "The Paper", outletFull: "The Paper (澎湃號)", date: "2026-01-18", about: "why both listed; R&D series; Zhipu revenue 2022–2024; HKEX 18C rules"},
  {file: "002_92f69e6645171264.txt", outlet: "Finet", outletFull: "Finet (財華網)", date: "Dec 2025", about: "MiniMax cash (30 Sep 2025), monthly burn, revenue mix, users, valuation rounds"},
  {file: "003_8b2fe20a107fcfe5.txt", outlet: "AI大模型工場", outletFull: "AI大模型工場 via NetEase Hao", date: "late Dec 2025", about: "Zhipu IPO terms, funding history, Moonshot"}
];

const byNumber = new Map(SOURCE_FILES.map((s) => [s.file.slice(0, 3), s]));

/** The article a seed file name refers to (matched on its three-digit number), or undefined. */
export function sourceFile(file: string): SourceFile | undefined {
  return byNumber.get(file.slice(0, 3));
}

/** The outlet of a seed file, short ("Finet"); the file name itself when it is not one of the four. */
export function outletOf(file: string): string {
  return sourceFile(file)?.outlet ?? file;
}

/** Who a fact is about, as written: the two firms, Moonshot, the industry, the exchange. */
export const FACT_SUBJECT: Record<Fact["firm"], string> = {zhipu: "Zhipu", minimax: "MiniMax", moonshot: "Moonshot", industry: "Industry", hkex: "HKEX"};

// Words of metric names that are abbreviations or names, as they are written.
const WORDS: Record<string, string> = {
  ai: "AI", rnd: "R&D", ipo: "IPO", arr: "ARR", maas: "MaaS", mau: "MAU", hk: "HK", yoy: "year on year", hoh: "half on half",
  avg: "average", glm: "GLM", glm46v: "GLM-4.6V", gpt4o: "GPT-4o", m1: "M1", m2: "M2", aa: "Artificial Analysis", cnipa: "(CNIPA)",
  fvtpl: "FVTPL", ch18c: "Chapter 18C", onprem: "on-premise", b2b: "B2B", sme: "SME", vc: "VC", genai: "generative AI", llm: "LLM",
  neurips: "NeurIPS", kimi: "Kimi", alibaba: "Alibaba", google: "Google", hailuo: "Hailuo", talkie: "Talkie", xingye: "/ Xingye",
  mihoyo: "miHoYo", idg: "IDG", tencent: "Tencent", china: "China", mainland: "mainland", "100b": "100B", "3y": "3-year", "4q": "4-quarter",
  capex: "capex", day2: "day-2", max: "largest", min: "minimum", precommercial: "pre-commercial", star: "STAR", infra: "infrastructure",
  cagr: "CAGR", top5: "top-5", top10: "top-10", api: "API", chinese: "Chinese", autoglm: "AutoGLM", breakeven: "break-even",
  cashflow: "cash-flow", zhipu: "Zhipu", minimax: "MiniMax", param: "parameter", artificial: "Artificial", analysis: "Analysis",
  play: "Play", code: "Code", arena: "Arena"
};

// Word pairs written with a hyphen.
const HYPHENATED: [RegExp, string][] = [
  [/\bAI native\b/g, "AI-native"],
  [/\bpost money\b/g, "post-money"],
  [/\bfirst day\b/g, "first-day"],
  [/\bpost listing\b/g, "post-listing"],
  [/\bSTAR market\b/g, "STAR Market"]
];

// Metric names whose first words are a heading for the rest: "revenue_share_enterprise" → "revenue share, enterprise".
const HEADS = ["revenue_share", "gross_margin", "user_share", "shareholding", "target_revenue_share", "target_rnd_budget_share", "target"];

/** A metric name in words: "revenue_share_ai_native_products" → "revenue share, AI-native products". */
export function metricName(metric: string): string {
  const head = HEADS.find((h) => metric.startsWith(`${h}_`));
  const words = (text: string) =>
    text
      .split("_")
      .filter(Boolean)
      .map((w) => WORDS[w] ?? w)
      .join(" ");
  const hyphenate = (text: string) => HYPHENATED.reduce((t, [pattern, written]) => t.replace(pattern, written), text);
  return hyphenate(head ? `${words(head)}, ${words(metric.slice(head.length + 1))}` : words(metric));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A fact's period as people write it: "2025Q1-Q3" → "9M 2025", "2025H1" → "H1 2025",
 * "2025-09-30" → "30 Sep 2025", "2025-07" → "Jul 2025", "2022-2024" → "2022–2024", "" → "".
 */
export function periodName(period: string): string {
  const one = (p: string): string => {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})Q1-Q3$/.exec(p))) return `9M ${m[1]}`;
    if ((m = /^(\d{4})(H[12]|Q[1-4])$/.exec(p))) return `${m[2]} ${m[1]}`;
    if ((m = /^(\d{4})M(\d{1,2})-M(\d{1,2})$/.exec(p))) return `${MONTHS[Number(m[2]) - 1] ?? m[2]}–${MONTHS[Number(m[3]) - 1] ?? m[3]} ${m[1]}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return formatDate(p);
    if (/^\d{4}-\d{2}$/.test(p)) return formatMonthYear(p);
    return p;
  };
  const range = /^(\d{4})-(\d{4}(?:H[12]|Q1-Q3)?)$/.exec(period);
  return range ? `${range[1]}–${one(range[2]!)}` : one(period);
}

/** A fact as a reader names it, without its outlet: "MiniMax revenue share, AI-native products, 9M 2025". */
export function factTitle(fact: Pick<Fact, "firm" | "metric" | "period">): string {
  const period = periodName(fact.period);
  return `${FACT_SUBJECT[fact.firm] ?? fact.firm} ${metricName(fact.metric)}${period ? `, ${period}` : ""}`;
}

/** A fact's readable name with its outlet: "MiniMax revenue share, AI-native products, 9M 2025 — Finet". */
export function factName(fact: Pick<Fact, "firm" | "metric" | "period" | "source">): string {
  return `${factTitle(fact)} — ${outletOf(fact.source)}`;
}

/**
 * The Sources page's search: a query that is exactly a fact id shows that fact alone; any other
 * query keeps the facts whose text contains every word of it (case-insensitive).
 */
export function factFilter(query: string, facts: readonly Pick<Fact, "id">[]): (fact: Fact) => boolean {
  const q = query.trim();
  if (q && facts.some((f) => f.id === q)) return (fact) => fact.id === q;
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return () => true;
  return (fact) => {
    const text = [fact.id, factName(fact), fact.firm, fact.metric, fact.period, fact.source, fact.quote, fact.note, fact.status].join(" ").toLowerCase();
    return terms.every((t) => text.includes(t));
  };
}
