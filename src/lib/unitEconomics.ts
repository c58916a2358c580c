// Unit economics from the sourced facts, each result with the arithmetic that produced it. Every
// operand in a formula carries its unit ("RMB 84.4M ÷ RMB 57.4M", "US$53.4M × 71.1%"), written by
// the format module.
import type {Fact} from "./facts.js";
import {FIRM_NAME, type Currency, type FirmId, type FirmInputs} from "./fields.js";
import {formatCount, formatFact, formatMoney, formatMoneyPerMonth, formatMoneyPerYear, formatMultiple, formatPercent, formatPerUnit} from "./format.js";
import {openingCashCosts} from "./projection.js";

/** How a worked value reads: a percentage, a multiple, millions of money (or a year's worth), an amount per unit, a count. */
export type WorkedUnit = "fraction" | "multiple" | "money" | "moneyPerYear" | "perUnit" | "count";

export interface Worked {
  /** What the number is. */
  label: string;
  value: number;
  unit: WorkedUnit;
  /** The currency of money units. */
  currency?: Currency;
  /** The arithmetic, every operand with its unit, e.g. "71.1% × 4.7% + 28.9% × 69.4%". */
  formula: string;
  /** The fact ids the inputs come from. */
  facts: string[];
}

type Facts = ReadonlyMap<string, Fact>;

function fact(facts: Facts, id: string): Fact {
  const found = facts.get(id);
  if (!found) throw new Error(`missing fact ${id}`);
  return found;
}

const value = (facts: Facts, id: string): number => fact(facts, id).value;

/** A worked value as people read it: "23.4%", "7.0×", "US$38M", "RMB 6.32B / year", "US$21.45", "1,234". */
export function formatWorked(w: Worked): string {
  const currency = w.currency ?? "USD";
  switch (w.unit) {
    case "fraction":
      return formatPercent(w.value);
    case "multiple":
      return formatMultiple(w.value);
    case "money":
      return formatMoney(w.value, currency);
    case "moneyPerYear":
      return formatMoneyPerYear(w.value, currency);
    case "perUnit":
      return formatPerUnit(w.value, currency);
    case "count":
      return formatCount(w.value);
  }
}

// Gross margin of a business with segments.

/** Gross margin of a two-segment business: share × margin summed over segments. */
export function blendedMargin(shareA: number, marginA: number, marginB: number): number {
  return shareA * marginA + (1 - shareA) * marginB;
}

/** The blend's arithmetic: "71.1% × 4.7% + 28.9% × 69.4%" (revenue share × segment margin, summed). */
export function blendFormula(terms: readonly {share: number; margin: number}[]): string {
  return terms.map((t) => `${formatPercent(t.share)} × ${formatPercent(t.margin)}`).join(" + ");
}

export interface Segment {
  name: string;
  /** Fact ids of the segment's share of revenue and its gross margin. */
  share: string;
  margin: string;
}

/** The firms whose articles give gross margin by segment (Zhipu's give only the total). */
export const SEGMENTS: Partial<Record<FirmId, {period: string; segments: readonly Segment[]}>> = {
  minimax: {
    period: "first nine months of 2025",
    segments: [
      {name: "AI-native products (consumer)", share: "minimax-revenue-share-ai-native-2025q1q3", margin: "minimax-gross-margin-ai-native-2025q1q3"},
      {name: "Open platform and enterprise", share: "minimax-revenue-share-enterprise-2025q1q3", margin: "minimax-gross-margin-enterprise-2025q1q3"}
    ]
  }
};

/** A firm's gross margin as the revenue-weighted average of its segments' margins. */
export function blendedGrossMargin(facts: Facts, firm: FirmId): Worked {
  const split = SEGMENTS[firm];
  if (!split) throw new Error(`no segment margins for ${firm}`);
  const terms = split.segments.map((s) => ({share: value(facts, s.share), margin: value(facts, s.margin)}));
  const products = terms.map((t) => t.share * t.margin);
  return {
    label: `${FIRM_NAME[firm]} blended gross margin, ${split.period}`,
    value: products.reduce((a, b) => a + b, 0),
    unit: "fraction",
    formula: `${blendFormula(terms)} = ${products.map(formatPercent).join(" + ")}`,
    facts: split.segments.flatMap((s) => [s.share, s.margin])
  };
}

// Consumer revenue per user.

/** The firms whose articles give consumer revenue, paying users and monthly active users, and over how many months. */
export const CONSUMER_FACTS: Partial<Record<FirmId, {months: number; period: string; revenue: string; consumerShare: string; payingUsers: string; monthlyActiveUsers: string}>> = {
  minimax: {
    months: 9,
    period: "nine months",
    revenue: "minimax-revenue-2025q1q3",
    consumerShare: "minimax-revenue-share-ai-native-2025q1q3",
    payingUsers: "minimax-paying-users-2025q1q3",
    monthlyActiveUsers: "minimax-mau-2025q1q3"
  }
};

/** Consumer revenue, and what an average paying user and an average monthly active user bring in. */
export function revenuePerUser(facts: Facts, firm: FirmId): Worked[] {
  const ids = CONSUMER_FACTS[firm];
  if (!ids) throw new Error(`no user figures for ${firm}`);
  const currency = fact(facts, ids.revenue).currency || "USD";
  const revenue = value(facts, ids.revenue);
  const share = value(facts, ids.consumerShare);
  const payers = value(facts, ids.payingUsers);
  const mau = value(facts, ids.monthlyActiveUsers);
  const consumer = revenue * share;
  const perPayer = (consumer * 1e6) / payers;
  const revenueIds = [ids.revenue, ids.consumerShare];
  const payersText = formatCount(payers, "paying users");
  const mauText = formatCount(mau, "monthly active users");
  return [
    {label: `AI-native (consumer) revenue, ${ids.period}`, value: consumer, unit: "money", currency, formula: `${formatMoney(revenue, currency)} × ${formatPercent(share)} = ${formatMoney(consumer, currency)}`, facts: revenueIds},
    {label: `Revenue per paying user, ${ids.period}`, value: perPayer, unit: "perUnit", currency, formula: `${formatMoney(consumer, currency)} ÷ ${payersText}`, facts: [...revenueIds, ids.payingUsers]},
    {label: "… per paying user per month", value: perPayer / ids.months, unit: "perUnit", currency, formula: `${formatMoney(consumer, currency)} ÷ ${payersText} ÷ ${formatCount(ids.months, "months")}`, facts: [...revenueIds, ids.payingUsers]},
    {label: `Revenue per monthly active user, ${ids.period}`, value: (consumer * 1e6) / mau, unit: "perUnit", currency, formula: `${formatMoney(consumer, currency)} ÷ ${mauText}`, facts: [...revenueIds, ids.monthlyActiveUsers]},
    {label: "Paying users as a share of monthly active users", value: payers / mau, unit: "fraction", formula: `${payersText} ÷ ${mauText}`, facts: [ids.payingUsers, ids.monthlyActiveUsers]}
  ];
}

// Enterprise customers.

/** Revenue per enterprise customer for both firms, and Zhipu's customer concentration. */
export function perEnterpriseCustomer(facts: Facts): Worked[] {
  const zRevenue = value(facts, "zhipu-revenue-2025h1");
  const zCustomers = value(facts, "zhipu-enterprise-customers-2025-09-30");
  const top5 = value(facts, "zhipu-top5-customer-share");
  const mRevenue = value(facts, "minimax-revenue-2025q1q3");
  const mShare = value(facts, "minimax-revenue-share-enterprise-2025q1q3");
  const mCustomers = value(facts, "minimax-open-platform-customers-2025q1q3");
  const zIds = ["zhipu-revenue-2025h1", "zhipu-enterprise-customers-2025-09-30"];
  const zText = formatMoney(zRevenue, "RMB");
  return [
    {label: "Zhipu: revenue per enterprise customer, H1 2025", value: (zRevenue * 1e6) / zCustomers, unit: "perUnit", currency: "RMB", formula: `${zText} ÷ ${formatCount(zCustomers, "customers")}`, facts: zIds},
    {label: "Zhipu: each of its five largest customers", value: (top5 * zRevenue * 1e6) / 5, unit: "perUnit", currency: "RMB", formula: `${formatPercent(top5)} × ${zText} ÷ ${formatCount(5, "customers")}`, facts: [...zIds, "zhipu-top5-customer-share"]},
    {label: "Zhipu: each of the other customers", value: ((1 - top5) * zRevenue * 1e6) / (zCustomers - 5), unit: "perUnit", currency: "RMB", formula: `${formatPercent(1 - top5)} × ${zText} ÷ ${formatCount(zCustomers - 5, "customers")}`, facts: [...zIds, "zhipu-top5-customer-share"]},
    {label: "MiniMax: enterprise revenue per paying open-platform customer, nine months", value: (mRevenue * mShare * 1e6) / mCustomers, unit: "perUnit", currency: "USD", formula: `${formatMoney(mRevenue, "USD")} × ${formatPercent(mShare)} ÷ ${formatCount(mCustomers, "customers")}`, facts: ["minimax-revenue-2025q1q3", "minimax-revenue-share-enterprise-2025q1q3", "minimax-open-platform-customers-2025q1q3"]}
  ];
}

// R&D.

/** R&D spending as a multiple of revenue, per firm and period. */
export function rndIntensity(facts: Facts): (Worked & {firm: FirmId; period: string})[] {
  const row = (firm: FirmId, period: string, rndId: string, revenue: number, revenueFacts: string[], revenueText: string) => {
    const rnd = fact(facts, rndId);
    const currency = rnd.currency || "USD";
    return {firm, period, label: `${FIRM_NAME[firm]} R&D ÷ revenue, ${period}`, value: rnd.value / revenue, unit: "multiple" as const, formula: `${formatMoney(rnd.value, currency)} ÷ ${revenueText}`, facts: [rndId, ...revenueFacts]};
  };
  const direct = (firm: FirmId, period: string, rndId: string, revenueId: string) => {
    const revenue = fact(facts, revenueId);
    return row(firm, period, rndId, revenue.value, [revenueId], formatMoney(revenue.value, revenue.currency || "USD"));
  };
  // MiniMax's 2024 revenue in US$ is not in the articles: the first nine months of 2025 were 1.75 times it.
  const nineMonths = fact(facts, "minimax-revenue-2025q1q3");
  const ratio = fact(facts, "minimax-revenue-2025q1q3-vs-2024");
  return [
    direct("zhipu", "2022", "zhipu-rnd-2022", "zhipu-revenue-2022"),
    direct("zhipu", "2024", "zhipu-rnd-2024", "zhipu-revenue-2024"),
    direct("zhipu", "H1 2025", "zhipu-rnd-2025h1", "zhipu-revenue-2025h1"),
    row("minimax", "2024", "minimax-rnd-2024", nineMonths.value / ratio.value, [nineMonths.id, ratio.id], `(${formatMoney(nineMonths.value, "USD")} ÷ ${formatFact({...ratio, qualifier: "exact"})})`),
    direct("minimax", "9M 2025", "minimax-rnd-2025q1q3", "minimax-revenue-2025q1q3")
  ];
}

// Burn, from a scenario's inputs.

/** Cash burned in a year per unit of annual revenue, from a firm's inputs (money in millions of `currency`). */
export function burnMultiple(label: string, firm: FirmInputs, currency: Currency, facts: string[]): Worked {
  return {
    label,
    value: (firm.burnNow * 12) / firm.revenueRunRate,
    unit: "multiple",
    formula: `${formatMoneyPerMonth(firm.burnNow, currency)} × ${formatCount(12, "months")} ÷ ${formatMoneyPerYear(firm.revenueRunRate, currency)}`,
    facts
  };
}

/** Annual revenue at which gross profit covers today's cash costs, at the target gross margin. */
export function breakEvenRevenueAtTodaysCosts(label: string, firm: FirmInputs, currency: Currency, facts: string[]): Worked {
  const costs = openingCashCosts(firm);
  return {
    label,
    value: (costs * 12) / firm.grossMarginTarget,
    unit: "moneyPerYear",
    currency,
    formula: `(${formatMoneyPerMonth(firm.revenueRunRate / 12, currency)} × ${formatPercent(firm.grossMarginNow)} + ${formatMoneyPerMonth(firm.burnNow, currency)}) × ${formatCount(12, "months")} ÷ ${formatPercent(firm.grossMarginTarget)}`,
    facts
  };
}
