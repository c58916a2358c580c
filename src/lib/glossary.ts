// The site's glossary: every finance and product term the pages use, defined as THIS model computes
// it (see src/method.md). Pure data: pages link a term with term(id) from components/term.ts, and
// the Glossary page lists them all. An unknown id throws, so a typo fails the build and the tests.

export interface GlossaryEntry {
  /** Lowercase kebab-case: the anchor on the Glossary page (`glossary#<id>`) and the key term() takes. */
  readonly id: string;
  /** The name as a heading shows it, and the default text of a term link. */
  readonly term: string;
  /** One to three plain sentences, consistent with the model's own arithmetic. */
  readonly definition: string;
  /** Other names the pages or the articles use for it (also searched on the Glossary page). */
  readonly aliases?: readonly string[];
  /** Ids of related entries, shown as "See also". */
  readonly related?: readonly string[];
}

/** In reading order: the projection, the cash, the valuation, the market, the business metrics, the listing. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  // The monthly projection
  {
    id: "baseline-date",
    term: "Baseline date",
    definition:
      "The end of a firm's latest reported period, and month 0 of the projection: 30 June 2025 for Zhipu, 30 September 2025 for MiniMax. Opening cash, the revenue run-rate and the burn are measured at this date, and the runway is counted from it.",
    aliases: ["baseline", "month 0"],
    related: ["runway", "valuation-date"]
  },
  {
    id: "run-rate",
    term: "Run-rate",
    definition:
      "Revenue of a recent period scaled up to a full year, as if that pace held for twelve months (Zhipu's is twice its first-half 2025 revenue). The projection's month-0 revenue is one twelfth of the run-rate.",
    aliases: ["revenue run-rate", "annualised revenue"],
    related: ["trailing-revenue", "arr"]
  },
  {
    id: "growth-fade",
    term: "Growth fade",
    definition:
      "How revenue growth slows in the projection: the annual rate moves in a straight line from today's rate to the long-run rate over the fade period, then stays there. Each month revenue grows by (1 + g)^(1/12) − 1, the monthly step of an annual rate g.",
    aliases: ["fade period"],
    related: ["terminal-growth"]
  },
  {
    id: "gross-profit",
    term: "Gross profit",
    definition:
      "Revenue minus the direct cost of delivering it, for these firms mostly the computing power that serves customers. In the projection each month's gross profit is that month's revenue × gross margin.",
    related: ["gross-margin", "operating-cash-flow"]
  },
  {
    id: "gross-margin",
    term: "Gross margin",
    definition:
      "Gross profit as a share of revenue. In the projection it moves in a straight line from today's margin to a target margin over a set number of years, then stays at the target.",
    related: ["gross-profit", "operating-margin"]
  },
  {
    id: "cash-costs",
    term: "Cash costs (opex)",
    definition:
      "Everything below gross profit that costs cash — research and development, selling and administration — modelled as one line that grows at a constant annual rate. Its month-0 level is not an input: it is set so that gross profit minus cash costs equals minus the sourced burn.",
    aliases: ["opex", "operating expenses", "cash operating costs"],
    related: ["burn", "rnd-intensity"]
  },
  {
    id: "operating-cash-flow",
    term: "Operating cash flow",
    definition:
      "Gross profit minus cash costs in a month: the cash the business itself brings in (positive) or uses up (negative), before any money raised. Taxes, interest, capital spending and working capital are not modelled apart: they are taken to be inside the sourced burn and to move with cash costs.",
    aliases: ["OCF"],
    related: ["burn", "break-even"]
  },
  {
    id: "burn",
    term: "Cash burn",
    definition:
      "The cash a firm's operations use up in a month: cash costs minus gross profit, the negative of operating cash flow. The projection starts from the burn the articles give at the baseline (for Zhipu, its average monthly loss stands in for it); after that the burn changes as revenue, margin and costs move.",
    aliases: ["burn", "monthly burn", "burn rate"],
    related: ["runway", "operating-cash-flow"]
  },
  {
    id: "ipo-proceeds",
    term: "IPO net proceeds",
    definition:
      "The money a firm raised by selling new shares when it listed, after fees. The projection adds it to cash in the listing month (January 2026 for both firms); any later raise is added in its own month.",
    aliases: ["IPO proceeds", "net proceeds"],
    related: ["offer-price", "runway"]
  },
  {
    id: "undrawn-facilities",
    term: "Undrawn facilities",
    definition:
      "Bank credit lines a firm has been promised but has not yet used. They count as cash for the runway only when the scenario says so, and never in the valuation.",
    aliases: ["undrawn bank facilities", "credit lines"]
  },
  {
    id: "runway",
    term: "Runway",
    definition:
      "The number of months from the baseline date until projected cash goes below zero for good — a dip that the IPO or a later raise already scheduled repairs is a funding gap, not the end — interpolated within that month, so that a constant burn gives exactly cash ÷ burn. IPO proceeds and any later raise are added in the months they arrive. When cash never runs out within 15 years, the firm is “self-funding” if its operating cash flow has turned positive and “beyond the horizon” if it still burns cash.",
    aliases: ["cash runway"],
    related: ["burn", "baseline-date", "break-even", "funding-gap"]
  },
  {
    id: "funding-gap",
    term: "Funding gap",
    definition:
      "Months in which projected cash is below zero but financing the scenario already schedules (the IPO, a later raise) arrives and lifts it back: money the firm must bridge for a while (a loan, an earlier raise), not the end of its runway. The pages give its months, its deepest shortfall and what bridges it.",
    aliases: ["funding gaps"],
    related: ["runway", "ipo-proceeds"]
  },
  {
    id: "break-even",
    term: "Break-even",
    definition:
      "The first projected month in which operating cash flow is zero or positive: the month the firm's operations stop using up cash. A firm meets its target when that month falls in or before its target year; the pages also give the first full calendar year whose operating cash flow adds up to zero or more.",
    aliases: ["break even", "breaks even"],
    related: ["operating-cash-flow", "runway"]
  },
  {
    id: "rnd-intensity",
    term: "R&D intensity",
    definition:
      "Research and development spending divided by revenue over the same period, shown as a multiple: 3× means R&D cost three times the revenue. The model does not use it directly: R&D is part of its single cash-cost line.",
    aliases: ["R&D ÷ revenue", "R&D as a multiple of revenue"],
    related: ["cash-costs"]
  },

  // The valuation
  {
    id: "dcf",
    term: "DCF (discounted cash flow)",
    definition:
      "A valuation that adds up a firm's expected future cash flows, each discounted to today at the cost of capital. Here it takes ten calendar years (2026–2035) of free cash flow to the firm from the monthly projection plus a terminal value, weights the result by the chance of failure, and turns it into a value per share — signed: negative when the story destroys more than the firm has.",
    aliases: ["discounted cash flow", "intrinsic value"],
    related: ["fcff", "present-value", "terminal-value", "reverse-dcf"]
  },
  {
    id: "valuation-date",
    term: "Valuation date",
    definition:
      "The date the DCF values a firm at: 31 December 2025, a week before both listings, so that the forecast's years 1–10 are the calendar years 2026–2035. Cash at that date is the projected balance plus the IPO's proceeds, which arrive a week later and belong to the shares the price is for; they are counted once.",
    related: ["baseline-date", "dcf"]
  },
  {
    id: "operating-margin",
    term: "Operating margin",
    definition:
      "Operating income as a share of revenue. In the valuation a year's operating income is the sum of its projected monthly operating cash flows, so the operating margin is operating cash flow ÷ revenue.",
    related: ["gross-margin", "fcff"]
  },
  {
    id: "fcff",
    term: "FCFF (free cash flow to the firm)",
    definition:
      "The cash a firm's operations produce for all who finance it, after taxes and after the investment needed to grow. In this model, for each forecast year: operating income (the year's projected operating cash flow), less tax, less reinvestment.",
    aliases: ["free cash flow to the firm", "free cash flow"],
    related: ["nol", "reinvestment", "dcf"]
  },
  {
    id: "nol",
    term: "NOL (net operating loss carried forward)",
    definition:
      "Past operating losses that can be set against future profits, so that no tax is paid until they are used up. The model starts from the losses carried forward at the baseline, adds the losses projected until the valuation date, then adds each later year's loss and subtracts each year's profit; tax is due only on profit beyond what is left.",
    aliases: ["net operating loss", "losses carried forward", "NOL carried forward"],
    related: ["tax-rates", "fcff"]
  },
  {
    id: "tax-rates",
    term: "Effective and marginal tax rates",
    definition:
      "The effective rate is the share of its profit a firm actually pays in tax today; the marginal rate is the statutory rate on an extra unit of profit. The DCF taxes years 1–5 at the effective rate, moves in a straight line to the marginal rate by year 10, and uses the marginal rate after that.",
    aliases: ["effective tax rate", "marginal tax rate", "tax rate"],
    related: ["nol"]
  },
  {
    id: "reinvestment",
    term: "Reinvestment",
    definition:
      "What a firm must invest — in computing power, models, people and working capital — to grow its revenue. In years 1–10 the DCF charges the increase in revenue ÷ the sales-to-capital ratio; after year 10 it charges a share of after-tax operating income equal to terminal growth ÷ return on capital. The runway does not charge it: its cash costs are set by the sourced burn.",
    related: ["sales-to-capital", "reinvestment-lag", "return-on-capital", "fcff"]
  },
  {
    id: "sales-to-capital",
    term: "Sales-to-capital ratio",
    definition:
      "Revenue added for each unit of capital invested: at 1.5, every 1 of reinvestment brings 1.5 of extra annual revenue. A year's reinvestment is the increase in revenue it pays for ÷ this ratio, with one ratio for years 1–5 and another for years 6–10.",
    aliases: ["sales to capital"],
    related: ["reinvestment", "reinvestment-lag"]
  },
  {
    id: "reinvestment-lag",
    term: "Reinvestment lag",
    definition:
      "How far ahead of the revenue it brings capital is invested. With a lag of 1 year, each year's reinvestment pays for the next year's revenue growth (so year 10 pays for year 11's); with 0, for the same year's.",
    related: ["reinvestment", "sales-to-capital"]
  },
  {
    id: "return-on-capital",
    term: "Return on capital (ROC)",
    definition:
      "After-tax operating income per unit of capital invested in the business. The model uses it only after year 10, where the firm reinvests terminal growth ÷ ROC of its after-tax income to keep growing; when it equals the terminal cost of capital, as by default, growth then adds no value.",
    aliases: ["ROC", "return on invested capital"],
    related: ["terminal-value", "reinvestment"]
  },
  {
    id: "cost-of-capital",
    term: "Cost of capital",
    definition:
      "The yearly return investors require to fund the firm, used as the discount rate. The DCF uses one rate in years 1–5, moves in a straight line to the mature (terminal) rate by year 10, and discounts each year's cash flow at year end.",
    aliases: ["discount rate", "WACC"],
    related: ["present-value", "risk-free-rate"]
  },
  {
    id: "present-value",
    term: "Present value",
    definition:
      "What an amount due in the future is worth today: the amount divided by (1 + r) once for each year until it arrives, where r is each year's cost of capital. The DCF's value of operating assets is the present value of ten years of FCFF plus the present value of the terminal value.",
    aliases: ["PV"],
    related: ["cost-of-capital", "dcf"]
  },
  {
    id: "terminal-value",
    term: "Terminal value",
    definition:
      "The value at the end of year 10 of all the free cash flows after it, growing forever at terminal growth: year 11's FCFF ÷ (terminal cost of capital − terminal growth). Year 11 grows year 10's revenue by terminal growth at year 10's operating margin, taxed at the marginal rate; a firm still losing money in year 10 gets no terminal value.",
    aliases: ["TV"],
    related: ["terminal-growth", "return-on-capital", "dcf"]
  },
  {
    id: "terminal-growth",
    term: "Terminal growth",
    definition:
      "The rate at which the firm grows every year forever after year 10. It must be below the terminal cost of capital and the return on capital, and should not exceed the risk-free rate, since no firm can outgrow the whole economy forever.",
    aliases: ["growth after year 10", "perpetual growth"],
    related: ["terminal-value", "risk-free-rate", "growth-fade"]
  },
  {
    id: "risk-free-rate",
    term: "Risk-free rate",
    definition:
      "The yield on long-term government bonds in the firm's currency: the return on money lent with no risk of default. The model uses it to price employee options and as the ceiling for terminal growth.",
    related: ["terminal-growth", "black-scholes"]
  },
  {
    id: "probability-of-failure",
    term: "Probability of failure",
    definition:
      "The chance that the firm does not survive to become the going concern the DCF values. The operating assets are worth (1 − p) × the DCF value + p × the distress proceeds, where p is this probability.",
    aliases: ["failure probability", "chance of failure"],
    related: ["distress-proceeds", "dcf"]
  },
  {
    id: "distress-proceeds",
    term: "Distress proceeds",
    definition:
      "What the owners recover if the firm fails: a share of either its book capital (“on book”) or the DCF value of its operating assets (“on value”), never less than zero. It enters the value weighted by the probability of failure.",
    aliases: ["proceeds if it fails"],
    related: ["probability-of-failure"]
  },
  {
    id: "employee-options",
    term: "Employee options",
    definition:
      "Rights given to staff to buy shares at a set price (the strike), which become shares if used. The model values them with Black–Scholes, allowing for dilution, and subtracts that value from equity before dividing by the number of shares.",
    aliases: ["options", "share awards", "options outstanding"],
    related: ["dilution", "black-scholes", "value-per-share"]
  },
  {
    id: "dilution",
    term: "Dilution",
    definition:
      "The shrinking of each existing share's slice of the firm when new shares are issued, as when employee options are exercised. The model allows for it by pricing the options on S′ = (S·n + W·m) ÷ (n + m), with S the share price, n shares, m options and W each option's value; shares sold in a later raise are not modelled.",
    related: ["employee-options", "black-scholes"]
  },
  {
    id: "black-scholes",
    term: "Black–Scholes",
    definition:
      "A formula for the value of an option from the share price, the strike, the years to expiry, the volatility of the share's return, the risk-free rate and the dividend yield. The model applies it to employee options with no dividends, on the market price adjusted for dilution, iterating until the option value and the adjusted price agree.",
    aliases: ["Black-Scholes", "Black–Scholes–Merton"],
    related: ["employee-options", "dilution", "risk-free-rate"]
  },
  {
    id: "value-per-share",
    term: "Value per share",
    definition:
      "The DCF's answer for one share: equity minus the value of employee options, divided by the shares outstanding, where equity = operating assets − debt − minority interests + cash + non-operating assets. It is converted to HKD to compare with the price, and floored at zero, since shareholders cannot lose more than their shares.",
    aliases: ["DCF value per share", "equity value"],
    related: ["dcf", "employee-options", "market-cap"]
  },
  {
    id: "reverse-dcf",
    term: "Reverse DCF",
    definition:
      "The DCF run backwards: instead of asking what the firm is worth, it asks what the firm must achieve for its value per share to equal the market price. The model solves for today's revenue growth, or for the target gross margin, holding everything else, and says “no solution” when nothing in the searched range reaches the price.",
    aliases: ["what the price implies"],
    related: ["dcf", "value-per-share"]
  },

  // The market view
  {
    id: "market-cap",
    term: "Market cap",
    definition:
      "What the market values all of a firm's shares at: share price × shares outstanding. The model uses the share price input (by default the first-day close) and the shares after the IPO, converted into the firm's reporting currency.",
    aliases: ["market capitalisation", "market capitalization", "market value"],
    related: ["ev", "offer-price"]
  },
  {
    id: "ev",
    term: "EV (enterprise value)",
    definition:
      "The market's value of the business itself, net of the cash it holds: market cap − net cash, where net cash is the projected cash at the valuation date (without undrawn facilities) minus debt. A firm sitting on much cash has an EV well below its market cap.",
    aliases: ["enterprise value"],
    related: ["market-cap", "ev-revenue"]
  },
  {
    id: "ev-revenue",
    term: "EV/revenue",
    definition:
      "Enterprise value divided by a year's revenue: how many years of revenue the market pays for the business. The valuation page shows it on trailing revenue, the run-rate, and forward revenue for 2026 and 2027 from the projection.",
    aliases: ["EV ÷ revenue", "EV/sales", "revenue multiple"],
    related: ["ev", "trailing-revenue", "forward-revenue", "run-rate"]
  },
  {
    id: "trailing-revenue",
    term: "Trailing revenue",
    definition:
      "Revenue of the last full year a firm has reported (2024 for both firms here), so a multiple on it looks back. Forward revenue looks ahead instead.",
    aliases: ["trailing", "last full year"],
    related: ["forward-revenue", "ev-revenue"]
  },
  {
    id: "forward-revenue",
    term: "Forward revenue",
    definition:
      "Revenue expected in a coming year: here the projection's total for a calendar year such as 2026 (written 2026E). A multiple on forward revenue depends on the scenario's growth; one on trailing revenue does not.",
    aliases: ["forward", "2026E", "2027E"],
    related: ["trailing-revenue", "ev-revenue"]
  },

  // The business
  {
    id: "arr",
    term: "ARR (annual recurring revenue)",
    definition:
      "The yearly value of the repeat revenue (subscriptions, usage contracts) a firm has at a point in time, usually the latest month's × 12. It is the firm's own measure, not revenue earned over a period, so the model does not use it; Zhipu's ARR figures are on Sources only.",
    aliases: ["annual recurring revenue", "MaaS ARR"],
    related: ["run-rate"]
  },
  {
    id: "mau",
    term: "MAU (monthly active users)",
    definition:
      "The number of different people who use a product at least once in a month. MiniMax's 27.6 million is the average over the first nine months of 2025.",
    aliases: ["monthly active users", "active users"],
    related: ["paying-users", "arppu"]
  },
  {
    id: "paying-users",
    term: "Paying users",
    definition:
      "Users who paid for a product, by subscription or in-app purchase, during a period. MiniMax had 1.77 million paying users of its consumer (AI-native) products in the first nine months of 2025, 6.4% of its MAU.",
    aliases: ["payers", "paying customers"],
    related: ["mau", "arppu"]
  },
  {
    id: "arppu",
    term: "ARPPU (average revenue per paying user)",
    definition:
      "Revenue from paying users divided by the number of paying users over a period. On Unit economics it is MiniMax's consumer revenue ÷ its paying users for the first nine months of 2025, and that ÷ 9 for one month.",
    aliases: ["average revenue per paying user", "revenue per paying user"],
    related: ["paying-users", "mau"]
  },

  // Uncertainty
  {
    id: "monte-carlo",
    term: "Monte Carlo simulation",
    definition:
      "Running the model many times (paths), each time drawing every uncertain input from its range, and reading chances off the share of paths where something happens. The Risk page runs 100,000 paths by default, from a seed in the link, so the same link always gives the same numbers.",
    aliases: ["Monte Carlo", "paths", "simulation"],
    related: ["standard-error", "iman-conover"]
  },
  {
    id: "standard-error",
    term: "Standard error",
    definition:
      "How far a probability estimated from N paths may be from the one infinitely many paths would give: √(p(1 − p) ÷ N). About two in three estimates fall within one standard error, nineteen in twenty within two. A hundred times the paths gives a tenth of the error.",
    aliases: ["standard errors"],
    related: ["monte-carlo"]
  },
  {
    id: "iman-conover",
    term: "Iman–Conover",
    definition:
      "A way to make inputs drawn separately move together to a chosen rank (Spearman) correlation — faster growth with better margins, say — by reordering each input's drawn values across the paths, so that every input keeps exactly the values its own range gave it.",
    aliases: ["rank correlation", "correlations"],
    related: ["monte-carlo"]
  },
  {
    id: "goal-seek",
    term: "Goal seek",
    definition:
      "Solving backwards for an input: the value of one lever (a burn cut, extra funding, revenue growth) that makes an answer come out as wanted — break-even by the target year, or, on the Risk page, a chance of running out of cash no higher than a target.",
    aliases: ["goal-seek", "what must be true"],
    related: ["break-even", "runway"]
  },

  // The listing
  {
    id: "offer-price",
    term: "Offer price",
    definition:
      "The price per share at which a firm sold its shares in its IPO: HK$116.2 for Zhipu and HK$165 for MiniMax. The model's share price is by default the first-day close instead (HK$131.5 and HK$345).",
    aliases: ["IPO price", "issue price", "listing price"],
    related: ["market-cap", "ipo-proceeds"]
  },
  {
    id: "hkex-18c",
    term: "HKEX Chapter 18C",
    definition:
      "The Hong Kong stock exchange's listing rules for specialist technology companies, introduced in 2023, which let firms without a record of profits list if they are valued highly enough. Since 2024 the minimum market value is HK$4 billion for a “commercialised” company (at least HK$250 million of revenue in its latest audited year) and HK$8 billion for one that is not yet.",
    aliases: ["Chapter 18C", "18C", "specialist technology"],
    related: ["offer-price"]
  }
];

const byId = new Map(GLOSSARY.map((entry) => [entry.id, entry]));

/** The entry with this id; throws on an unknown id, so a typo fails the build and the tests. */
export function glossaryTerm(id: string): GlossaryEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`unknown glossary term "${id}" (see src/lib/glossary.ts)`);
  return entry;
}
