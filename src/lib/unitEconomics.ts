// Unit economics from the sourced facts, each result with the arithmetic that produced it.
import type {Fact} from "./facts.js";
import {openingCashCosts} from "./projection.js";
import type {FirmInputs} from "./fields.js";

export interface Worked {
  /** What the number is. */
  label: string;
  value: number;
  /** How to show it: "fraction", "multiple", or a money unit in millions or units of a currency. */
  unit: "fraction" | "multiple" | "usd" | "rmb" | "usdMillions" | "rmbMillions" | "count";
  /** The arithmetic, in words and numbers, e.g. "0.711 × 4.7% + 0.289 × 69.4%". */
  formula: string;
  /** The fact ids the inputs come from. */
  facts: string[];
}

type Facts = ReadonlyMap<string, Fact>;

function value(facts: Facts, id: string): number {
  const fact = facts.get(id);
  if (!fact) throw new Error(`missing fact ${id}`);
  return fact.value;
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** Gross margin of a two-segment business: share × margin summed over segments. */
export function blendedMargin(shareA: number, marginA: number, marginB: number): number {
  return shareA * marginA + (1 - shareA) * marginB;
}

export function minimaxBlendedMargin(facts: Facts): Worked {
  const share = value(facts, "minimax-revenue-share-ai-native-2025q1q3");
  const consumer = value(facts, "minimax-gross-margin-ai-native-2025q1q3");
  const enterprise = value(facts, "minimax-gross-margin-enterprise-2025q1q3");
  const enterpriseShare = value(facts, "minimax-revenue-share-enterprise-2025q1q3");
  return {
    label: "MiniMax blended gross margin, first nine months of 2025",
    value: share * consumer + enterpriseShare * enterprise,
    unit: "fraction",
    formula: `${share} × ${pct(consumer)} + ${enterpriseShare} × ${pct(enterprise)} = ${pct(share * consumer, 2)} + ${pct(enterpriseShare * enterprise, 2)}`,
    facts: ["minimax-revenue-share-ai-native-2025q1q3", "minimax-gross-margin-ai-native-2025q1q3", "minimax-revenue-share-enterprise-2025q1q3", "minimax-gross-margin-enterprise-2025q1q3"]
  };
}

/** MiniMax's consumer revenue per paying user and per monthly active user (nine months). */
export function minimaxPerUser(facts: Facts): Worked[] {
  const revenue = value(facts, "minimax-revenue-2025q1q3");
  const share = value(facts, "minimax-revenue-share-ai-native-2025q1q3");
  const payers = value(facts, "minimax-paying-users-2025q1q3");
  const mau = value(facts, "minimax-mau-2025q1q3");
  const consumerRevenue = revenue * share;
  const ids = ["minimax-revenue-2025q1q3", "minimax-revenue-share-ai-native-2025q1q3"];
  return [
    {label: "AI-native (consumer) revenue, nine months", value: consumerRevenue, unit: "usdMillions", formula: `US$${revenue}M × ${share} = US$${consumerRevenue.toFixed(2)}M`, facts: ids},
    {label: "Revenue per paying user, nine months", value: (consumerRevenue * 1e6) / payers, unit: "usd", formula: `US$${consumerRevenue.toFixed(2)}M ÷ ${payers.toLocaleString("en-US")} paying users`, facts: [...ids, "minimax-paying-users-2025q1q3"]},
    {label: "… per paying user per month", value: (consumerRevenue * 1e6) / payers / 9, unit: "usd", formula: `the above ÷ 9 months`, facts: [...ids, "minimax-paying-users-2025q1q3"]},
    {label: "Revenue per monthly active user, nine months", value: (consumerRevenue * 1e6) / mau, unit: "usd", formula: `US$${consumerRevenue.toFixed(2)}M ÷ ${mau.toLocaleString("en-US")} MAU`, facts: [...ids, "minimax-mau-2025q1q3"]},
    {label: "Paying users as a share of MAU", value: payers / mau, unit: "fraction", formula: `${payers.toLocaleString("en-US")} ÷ ${mau.toLocaleString("en-US")}`, facts: ["minimax-paying-users-2025q1q3", "minimax-mau-2025q1q3"]}
  ];
}

/** Revenue per enterprise customer for both firms, and Zhipu's customer concentration. */
export function perEnterpriseCustomer(facts: Facts): Worked[] {
  const zRevenue = value(facts, "zhipu-revenue-2025h1");
  const zCustomers = value(facts, "zhipu-enterprise-customers-2025-09-30");
  const top5 = value(facts, "zhipu-top5-customer-share");
  const mRevenue = value(facts, "minimax-revenue-2025q1q3");
  const mShare = value(facts, "minimax-revenue-share-enterprise-2025q1q3");
  const mCustomers = value(facts, "minimax-open-platform-customers-2025q1q3");
  const zIds = ["zhipu-revenue-2025h1", "zhipu-enterprise-customers-2025-09-30"];
  return [
    {label: "Zhipu: revenue per enterprise customer, H1 2025", value: (zRevenue * 1e6) / zCustomers, unit: "rmb", formula: `RMB ${zRevenue}M ÷ ${zCustomers.toLocaleString("en-US")} customers`, facts: zIds},
    {label: "Zhipu: each of its five largest customers", value: (top5 * zRevenue * 1e6) / 5, unit: "rmb", formula: `${pct(top5, 0)} × RMB ${zRevenue}M ÷ 5`, facts: [...zIds, "zhipu-top5-customer-share"]},
    {label: "Zhipu: each of the other customers", value: ((1 - top5) * zRevenue * 1e6) / (zCustomers - 5), unit: "rmb", formula: `${pct(1 - top5, 0)} × RMB ${zRevenue}M ÷ ${(zCustomers - 5).toLocaleString("en-US")}`, facts: [...zIds, "zhipu-top5-customer-share"]},
    {label: "MiniMax: enterprise revenue per paying open-platform customer, nine months", value: (mRevenue * mShare * 1e6) / mCustomers, unit: "usd", formula: `US$${mRevenue}M × ${mShare} ÷ ${mCustomers.toLocaleString("en-US")} customers`, facts: ["minimax-revenue-2025q1q3", "minimax-revenue-share-enterprise-2025q1q3", "minimax-open-platform-customers-2025q1q3"]}
  ];
}

/** R&D spending as a multiple of revenue, per firm and period. */
export function rndIntensity(facts: Facts): (Worked & {firm: "zhipu" | "minimax"; period: string})[] {
  const row = (firm: "zhipu" | "minimax", period: string, rnd: string, revenue: number, revenueFacts: string[], revenueText: string) => {
    const r = value(facts, rnd);
    return {firm, period, label: `${firm === "zhipu" ? "Zhipu" : "MiniMax"} R&D ÷ revenue, ${period}`, value: r / revenue, unit: "multiple" as const, formula: `${r} ÷ ${revenueText}`, facts: [rnd, ...revenueFacts]};
  };
  const m2024 = value(facts, "minimax-revenue-2025q1q3") / value(facts, "minimax-revenue-2025q1q3-vs-2024");
  return [
    row("zhipu", "2022", "zhipu-rnd-2022", value(facts, "zhipu-revenue-2022"), ["zhipu-revenue-2022"], String(value(facts, "zhipu-revenue-2022"))),
    row("zhipu", "2024", "zhipu-rnd-2024", value(facts, "zhipu-revenue-2024"), ["zhipu-revenue-2024"], String(value(facts, "zhipu-revenue-2024"))),
    row("zhipu", "H1 2025", "zhipu-rnd-2025h1", value(facts, "zhipu-revenue-2025h1"), ["zhipu-revenue-2025h1"], String(value(facts, "zhipu-revenue-2025h1"))),
    row("minimax", "2024", "minimax-rnd-2024", m2024, ["minimax-revenue-2025q1q3", "minimax-revenue-2025q1q3-vs-2024"], `(${value(facts, "minimax-revenue-2025q1q3")} ÷ ${value(facts, "minimax-revenue-2025q1q3-vs-2024")})`),
    row("minimax", "9M 2025", "minimax-rnd-2025q1q3", value(facts, "minimax-revenue-2025q1q3"), ["minimax-revenue-2025q1q3"], String(value(facts, "minimax-revenue-2025q1q3")))
  ];
}

/** Cash burned in a year per unit of annual revenue, from a firm's inputs. */
export function burnMultiple(label: string, firm: FirmInputs, facts: string[]): Worked {
  return {label, value: (firm.burnNow * 12) / firm.revenueRunRate, unit: "multiple", formula: `${firm.burnNow} × 12 ÷ ${firm.revenueRunRate}`, facts};
}

/** Annual revenue at which gross profit covers today's cash costs, at the target gross margin. */
export function breakEvenRevenueAtTodaysCosts(label: string, firm: FirmInputs, currency: "usdMillions" | "rmbMillions", facts: string[]): Worked {
  const costs = openingCashCosts(firm);
  return {
    label,
    value: (costs * 12) / firm.grossMarginTarget,
    unit: currency,
    formula: `(${firm.revenueRunRate} ÷ 12 × ${firm.grossMarginNow} + ${firm.burnNow}) × 12 ÷ ${firm.grossMarginTarget}`,
    facts
  };
}
