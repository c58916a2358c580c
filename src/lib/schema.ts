// The scenario schema: every input the model takes, with its unit and range, validated in one
// place. Pages, scenario files, share links and the command-line runner all go through here.
import {isIsoDate, type IsoDate} from "./dates.js";
import {openingCashCosts} from "./projection.js";

export const FIRMS = ["zhipu", "minimax"] as const;
export type FirmId = (typeof FIRMS)[number];
export type Currency = "RMB" | "USD" | "HKD";
export const CURRENCIES: readonly Currency[] = ["HKD", "USD", "RMB"];

/** Each firm's reporting currency: the model of a firm runs in it. */
export const FIRM_CURRENCY: Record<FirmId, Currency> = {zhipu: "RMB", minimax: "USD"};
export const FIRM_NAME: Record<FirmId, string> = {zhipu: "Zhipu AI", minimax: "MiniMax"};

/** How a field's value is read and shown. Money is in millions of the firm's currency. */
export type Unit =
  | "fraction" // 0.8 = 80 %
  | "fractionPerYear" // a growth rate, 0.8 = 80 % a year
  | "money" // millions of the firm's currency
  | "moneyPerMonth"
  | "moneyPerYear"
  | "years"
  | "year" // a calendar year
  | "date"
  | "boolean"
  | "hkdPerShare"
  | "millionShares"
  | "hkdPerUsd"
  | "rmbPerUsd"
  | "ratio" // a plain multiple, e.g. sales-to-capital
  | "millionOptions"
  | "choice";

export interface FieldSpec {
  key: string;
  kind: "number" | "integer" | "date" | "boolean" | "enum";
  label: string;
  unit: Unit;
  min?: number;
  max?: number;
  /** The allowed values of an enum field. */
  values?: readonly string[];
  /** Which page shows the field: the projection (firm pages) or the valuation page. */
  group?: "projection" | "valuation";
  help: string;
}

export interface FirmInputs {
  baselineDate: IsoDate;
  cashNow: number;
  undrawnFacilities: number;
  includeUndrawnFacilities: boolean;
  burnNow: number;
  revenueRunRate: number;
  growthStart: number;
  growthLongRun: number;
  growthFadeYears: number;
  grossMarginNow: number;
  grossMarginTarget: number;
  marginYears: number;
  opexGrowth: number;
  ipoDate: IsoDate;
  ipoNetProceeds: number;
  laterRaise: number;
  laterRaiseDate: IsoDate;
  breakEvenTargetYear: number;
  sharesOutstanding: number;
  price: number;
  // Valuation (Damodaran's model for young, money-losing growth firms), in the firm's currency.
  trailingRevenue: number;
  riskFreeRate: number;
  costOfCapital: number;
  terminalCostOfCapital: number;
  terminalGrowth: number;
  terminalReturnOnCapital: number;
  salesToCapital1to5: number;
  salesToCapital6to10: number;
  reinvestmentLag: number;
  effectiveTaxRate: number;
  marginalTaxRate: number;
  nolCarriedForward: number;
  probabilityOfFailure: number;
  distressProceeds: number;
  distressBasis: "book" | "value";
  bookCapital: number;
  debt: number;
  minorityInterests: number;
  nonOperatingAssets: number;
  optionsOutstanding: number;
  optionStrike: number;
  optionMaturityYears: number;
  optionVolatility: number;
}

export interface MarketInputs {
  /** HKD per USD. */
  usdHkd: number;
  /** RMB per USD. */
  usdRmb: number;
}

export interface Scenario {
  version: 1;
  name: string;
  title: string;
  description: string;
  firms: Record<FirmId, FirmInputs>;
  market: MarketInputs;
}

export const FIRM_FIELDS: readonly FieldSpec[] = [
  {key: "baselineDate", kind: "date", label: "Baseline date", unit: "date", help: "End of the latest reported period; month 0 of the projection."},
  {key: "cashNow", kind: "number", label: "Cash now", unit: "money", min: 0, max: 100000, help: "Cash and liquid investments at the baseline date, excluding undrawn facilities."},
  {key: "undrawnFacilities", kind: "number", label: "Undrawn bank facilities", unit: "money", min: 0, max: 10000, help: "Committed credit lines not yet drawn."},
  {key: "includeUndrawnFacilities", kind: "boolean", label: "Count undrawn facilities as cash", unit: "boolean", help: "Whether the runway may draw on the undrawn facilities."},
  {key: "burnNow", kind: "number", label: "Monthly cash burn now", unit: "moneyPerMonth", min: 0, max: 10000, help: "Operating cash outflow per month at the baseline date (gross profit minus cash costs, sign flipped)."},
  {key: "revenueRunRate", kind: "number", label: "Revenue run-rate", unit: "moneyPerYear", min: 0, max: 100000, help: "Annualised revenue at the baseline date; month-0 revenue is one twelfth of it."},
  {key: "growthStart", kind: "number", label: "Revenue growth now", unit: "fractionPerYear", min: -0.9, max: 20, help: "Annual revenue growth rate at the start of the projection."},
  {key: "growthLongRun", kind: "number", label: "Long-run revenue growth", unit: "fractionPerYear", min: -0.5, max: 1, help: "Annual growth the rate fades to."},
  {key: "growthFadeYears", kind: "number", label: "Growth fade period", unit: "years", min: 0, max: 30, help: "Years over which growth fades linearly from now to the long run."},
  {key: "grossMarginNow", kind: "number", label: "Gross margin now", unit: "fraction", min: -1, max: 1, help: "Gross profit as a share of revenue at the baseline date."},
  {key: "grossMarginTarget", kind: "number", label: "Target gross margin", unit: "fraction", min: -1, max: 1, help: "Gross margin reached after the margin period."},
  {key: "marginYears", kind: "number", label: "Years to target margin", unit: "years", min: 0, max: 30, help: "Years over which the gross margin moves linearly to its target."},
  {key: "opexGrowth", kind: "number", label: "Cash cost growth", unit: "fractionPerYear", min: -0.9, max: 5, help: "Annual growth of cash operating costs (R&D, selling, admin)."},
  {key: "ipoDate", kind: "date", label: "IPO date", unit: "date", help: "Listing date; net proceeds arrive in that month (counted in cash already if before the baseline)."},
  {key: "ipoNetProceeds", kind: "number", label: "IPO net proceeds", unit: "money", min: 0, max: 100000, help: "Money raised in the IPO after fees."},
  {key: "laterRaise", kind: "number", label: "Later raise", unit: "money", min: 0, max: 100000, help: "Any further equity or debt raised after the IPO (0 for none)."},
  {key: "laterRaiseDate", kind: "date", label: "Later raise date", unit: "date", help: "Month the later raise arrives."},
  {key: "breakEvenTargetYear", kind: "integer", label: "Break-even target year", unit: "year", min: 2025, max: 2040, help: "Calendar year by which the firm says it breaks even."},
  {key: "sharesOutstanding", kind: "number", label: "Shares outstanding", unit: "millionShares", min: 0.001, max: 100000, help: "Shares after the IPO, in millions."},
  {key: "price", kind: "number", label: "Share price", unit: "hkdPerShare", min: 0.01, max: 100000, help: "Market price per share, HKD."},
  // Valuation inputs.
  {key: "trailingRevenue", group: "valuation", kind: "number", label: "Trailing revenue (last full year)", unit: "moneyPerYear", min: 0, max: 100000, help: "Revenue of the last reported full year, for the trailing EV / revenue multiple."},
  {key: "riskFreeRate", group: "valuation", kind: "number", label: "Risk-free rate", unit: "fractionPerYear", min: 0, max: 0.15, help: "Long-term government bond yield in the firm's currency; caps terminal growth and prices the options."},
  {key: "costOfCapital", group: "valuation", kind: "number", label: "Cost of capital, years 1–5", unit: "fractionPerYear", min: 0, max: 0.4, help: "Discount rate while the firm is young; fades to the terminal rate over years 6–10."},
  {key: "terminalCostOfCapital", group: "valuation", kind: "number", label: "Cost of capital after year 10", unit: "fractionPerYear", min: 0.01, max: 0.3, help: "Discount rate of the mature firm."},
  {key: "terminalGrowth", group: "valuation", kind: "number", label: "Growth after year 10", unit: "fractionPerYear", min: -0.05, max: 0.1, help: "Perpetual growth of the mature firm; should not exceed the risk-free rate."},
  {key: "terminalReturnOnCapital", group: "valuation", kind: "number", label: "Return on capital after year 10", unit: "fractionPerYear", min: 0.01, max: 1, help: "Sets terminal reinvestment = growth ÷ return on capital; equal to the cost of capital means growth adds no value."},
  {key: "salesToCapital1to5", group: "valuation", kind: "number", label: "Sales-to-capital, years 1–5", unit: "ratio", min: 0.1, max: 10, help: "Revenue added per unit of capital invested: reinvestment = Δrevenue ÷ this."},
  {key: "salesToCapital6to10", group: "valuation", kind: "number", label: "Sales-to-capital, years 6–10", unit: "ratio", min: 0.1, max: 10, help: "As above, for years 6–10."},
  {key: "reinvestmentLag", group: "valuation", kind: "integer", label: "Reinvestment lag", unit: "years", min: 0, max: 1, help: "1: capital is invested a year before the revenue it brings; 0: in the same year."},
  {key: "effectiveTaxRate", group: "valuation", kind: "number", label: "Effective tax rate", unit: "fraction", min: 0, max: 0.6, help: "Tax rate in years 1–5, once losses carried forward are used up."},
  {key: "marginalTaxRate", group: "valuation", kind: "number", label: "Marginal tax rate", unit: "fraction", min: 0, max: 0.6, help: "Statutory rate, reached over years 6–10 and applied in perpetuity."},
  {key: "nolCarriedForward", group: "valuation", kind: "number", label: "Losses carried forward", unit: "money", min: 0, max: 100000, help: "Past operating losses that shelter future income from tax."},
  {key: "probabilityOfFailure", group: "valuation", kind: "number", label: "Probability of failure", unit: "fraction", min: 0, max: 1, help: "Chance the firm does not survive to become the going concern the DCF values."},
  {key: "distressProceeds", group: "valuation", kind: "number", label: "Proceeds if it fails", unit: "fraction", min: 0, max: 1, help: "Share of the basis (book capital or DCF value) recovered in a failure."},
  {key: "distressBasis", group: "valuation", kind: "enum", values: ["value", "book"], label: "Failure proceeds are a share of", unit: "choice", help: "value: of the DCF value of operating assets; book: of book capital."},
  {key: "bookCapital", group: "valuation", kind: "number", label: "Book capital", unit: "money", min: 0, max: 100000, help: "Book value of debt plus equity invested in operations (used when proceeds are a share of book)."},
  {key: "debt", group: "valuation", kind: "number", label: "Debt", unit: "money", min: 0, max: 100000, help: "Interest-bearing borrowings (and lease liabilities)."},
  {key: "minorityInterests", group: "valuation", kind: "number", label: "Minority interests", unit: "money", min: 0, max: 100000, help: "Others' stakes in consolidated subsidiaries."},
  {key: "nonOperatingAssets", group: "valuation", kind: "number", label: "Non-operating assets", unit: "money", min: 0, max: 100000, help: "Cross-holdings and other assets not in the operating forecast."},
  {key: "optionsOutstanding", group: "valuation", kind: "number", label: "Employee options outstanding", unit: "millionOptions", min: 0, max: 10000, help: "Options and share awards that can become shares, in millions."},
  {key: "optionStrike", group: "valuation", kind: "number", label: "Average option strike", unit: "hkdPerShare", min: 0, max: 100000, help: "Average exercise price, HKD per share."},
  {key: "optionMaturityYears", group: "valuation", kind: "number", label: "Average option maturity", unit: "years", min: 0, max: 15, help: "Average years to expiry."},
  {key: "optionVolatility", group: "valuation", kind: "number", label: "Share price volatility", unit: "fraction", min: 0, max: 3, help: "Annual standard deviation of the share's return, for Black–Scholes."}
];

export const MARKET_FIELDS: readonly FieldSpec[] = [
  {key: "usdHkd", kind: "number", label: "HKD per USD", unit: "hkdPerUsd", min: 1, max: 20, help: "Exchange rate, Hong Kong dollars per US dollar."},
  {key: "usdRmb", kind: "number", label: "RMB per USD", unit: "rmbPerUsd", min: 1, max: 20, help: "Exchange rate, renminbi per US dollar."}
];

const firmFieldByKey = new Map(FIRM_FIELDS.map((f) => [f.key, f]));

/** A firm field's spec by key ("growthStart"). */
export function firmField(key: string): FieldSpec | undefined {
  return firmFieldByKey.get(key);
}
const marketFieldByKey = new Map(MARKET_FIELDS.map((f) => [f.key, f]));

/** A path is "zhipu.growthStart", "minimax.burnNow" or "market.usdHkd". */
export function fieldSpec(path: string): FieldSpec | undefined {
  const [group, key, ...rest] = path.split(".");
  if (rest.length || !key) return undefined;
  if (group === "market") return marketFieldByKey.get(key);
  if ((FIRMS as readonly string[]).includes(group ?? "")) return firmFieldByKey.get(key);
  return undefined;
}

/** Every field path, firms first, in schema order. */
export function allFieldPaths(): string[] {
  return [...FIRMS.flatMap((firm) => FIRM_FIELDS.map((f) => `${firm}.${f.key}`)), ...MARKET_FIELDS.map((f) => `market.${f.key}`)];
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Checks one value against its field, from JSON (typed) or from a URL or the command line (text).
 * Returns the typed value, or the reason it is refused.
 */
export function checkValue(spec: FieldSpec, raw: unknown): {ok: true; value: number | boolean | string} | {ok: false; reason: string} {
  switch (spec.kind) {
    case "boolean": {
      if (typeof raw === "boolean") return {ok: true, value: raw};
      if (raw === "true" || raw === "false") return {ok: true, value: raw === "true"};
      return {ok: false, reason: "must be true or false"};
    }
    case "date": {
      if (isIsoDate(raw)) return {ok: true, value: raw};
      return {ok: false, reason: "must be a date written YYYY-MM-DD"};
    }
    case "enum": {
      const values = spec.values ?? [];
      if (typeof raw === "string" && values.includes(raw)) return {ok: true, value: raw};
      return {ok: false, reason: `must be one of ${values.join(", ")}`};
    }
    case "number":
    case "integer": {
      let value: number;
      if (typeof raw === "number") value = raw;
      else if (typeof raw === "string" && DECIMAL.test(raw.trim())) value = Number(raw.trim());
      else return {ok: false, reason: "must be a number"};
      if (!Number.isFinite(value)) return {ok: false, reason: "must be a finite number"};
      if (spec.kind === "integer" && !Number.isInteger(value)) return {ok: false, reason: "must be a whole number"};
      const {min = -Infinity, max = Infinity} = spec;
      if (value < min || value > max) return {ok: false, reason: `must be between ${min} and ${max}`};
      return {ok: true, value: value === 0 ? 0 : value}; // −0 is 0 (a link writes both as "0")
    }
  }
}

/** What the model needs to hold together beyond each field's own range; null when consistent. */
export function firmConsistencyProblem(firm: FirmInputs): {field: keyof FirmInputs; reason: string} | null {
  if (openingCashCosts(firm) < 0) {
    const grossLoss = firm.burnNow - openingCashCosts(firm);
    return {field: "burnNow", reason: `cash costs would be negative: burn must be at least the monthly gross loss (${grossLoss.toPrecision(4)})`};
  }
  if (firm.laterRaise > 0 && firm.laterRaiseDate <= firm.baselineDate) {
    return {field: "laterRaiseDate", reason: "a later raise must come after the baseline date"};
  }
  if (!(firm.terminalGrowth < firm.terminalCostOfCapital)) {
    return {field: "terminalGrowth", reason: "growth after year 10 must be below the cost of capital after year 10"};
  }
  if (!(firm.terminalGrowth < firm.terminalReturnOnCapital)) {
    return {field: "terminalGrowth", reason: "growth after year 10 must be below the return on capital after year 10 (reinvestment would exceed income)"};
  }
  return null;
}

export interface FieldIssue {
  /** The field path ("minimax.burnNow") or the name that was not understood. */
  field: string;
  /** The value as given, for the message. */
  value: string;
  reason: string;
}

/** An override of one field: its path and raw value (text from a URL, or JSON). */
export type Override = [path: string, raw: unknown];

/**
 * Applies overrides to a complete scenario, keeping every valid one and reporting each refused one
 * with its reason. Never throws; never evaluates anything. Overrides that only make sense together
 * (say a lower terminal growth and a lower cost of capital) are judged together: a firm whose
 * overrides are consistent as a whole takes them all, whatever their order; otherwise they are
 * applied one by one and each that breaks consistency is refused.
 */
export function applyOverrides(scenario: Scenario, overrides: Iterable<Override>): {scenario: Scenario; issues: FieldIssue[]} {
  const next = cloneScenario(scenario);
  const issues: FieldIssue[] = [];
  const byFirm = new Map<FirmId, [key: string, value: number | boolean | string, path: string, shown: string][]>();
  for (const [path, raw] of overrides) {
    const shown = typeof raw === "string" ? raw : JSON.stringify(raw) ?? String(raw);
    const spec = fieldSpec(path);
    if (!spec) {
      issues.push({field: path, value: shown, reason: "unknown field"});
      continue;
    }
    const checked = checkValue(spec, raw);
    if (!checked.ok) {
      issues.push({field: path, value: shown, reason: checked.reason});
      continue;
    }
    const [group, key] = path.split(".") as [string, string];
    if (group === "market") (next.market as unknown as Record<string, unknown>)[key] = checked.value;
    else {
      const list = byFirm.get(group as FirmId) ?? [];
      list.push([key, checked.value, path, shown]);
      byFirm.set(group as FirmId, list);
    }
  }
  for (const [firmId, list] of byFirm) {
    const together = {...next.firms[firmId]} as unknown as Record<string, unknown>;
    for (const [key, value] of list) together[key] = value;
    if (!firmConsistencyProblem(together as unknown as FirmInputs)) {
      next.firms[firmId] = together as unknown as FirmInputs;
      continue;
    }
    const firm = next.firms[firmId] as unknown as Record<string, unknown>;
    for (const [key, value, path, shown] of list) {
      const previous = firm[key];
      firm[key] = value;
      const problem = firmConsistencyProblem(firm as unknown as FirmInputs);
      if (problem) {
        firm[key] = previous;
        issues.push({field: path, value: shown, reason: problem.reason});
      }
    }
  }
  return {scenario: next, issues};
}

export function cloneScenario(scenario: Scenario): Scenario {
  return {
    ...scenario,
    firms: {zhipu: {...scenario.firms.zhipu}, minimax: {...scenario.firms.minimax}},
    market: {...scenario.market}
  };
}

/** Reads a field's value from a scenario by path. */
export function getField(scenario: Scenario, path: string): unknown {
  const [group, key] = path.split(".") as [string, string];
  if (group === "market") return (scenario.market as unknown as Record<string, unknown>)[key];
  return (scenario.firms[group as FirmId] as unknown as Record<string, unknown>)[key];
}

/** The fields of `scenario` that differ from `preset`, as path/value pairs in schema order. */
export function differences(preset: Scenario, scenario: Scenario): [string, number | boolean | string][] {
  const out: [string, number | boolean | string][] = [];
  for (const path of allFieldPaths()) {
    const a = getField(preset, path);
    const b = getField(scenario, path);
    if (!Object.is(a, b) && a !== b) out.push([path, b as number | boolean | string]);
  }
  return out;
}
