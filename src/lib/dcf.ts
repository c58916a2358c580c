// Intrinsic value of a young, money-losing growth firm: the structure of Aswath Damodaran's
// "ginzu" FCFF spreadsheet (fcffsimpleginzu). Ten explicit years, then a terminal value.
// All money in one currency (millions); shares and options in millions; rates as fractions.
import {callValueAt, dilutedOptionsValue} from "./blackScholes.js";

/** Everything after the operating forecast: taxes, reinvestment, discounting and the bridge to equity. */
export interface DcfParams {
  /** Terminal (perpetual) growth from year 11; must be below the terminal cost of capital. */
  terminalGrowth: number;
  /** Sales-to-capital ratio: revenue added per unit of capital invested, years 1–5 and 6–10. */
  salesToCapital1to5: number;
  salesToCapital6to10: number;
  /** Reinvestment of year t funds the revenue growth of year t + lag (0 or 1). */
  reinvestmentLag: 0 | 1;
  /** Tax rate today (years 1–5), moving linearly to the marginal rate over years 6–10 and in perpetuity. */
  effectiveTaxRate: number;
  marginalTaxRate: number;
  /** Net operating loss carried forward at the start: no tax until it is used up. */
  nolCarriedForward: number;
  /** Cost of capital for years 1–5, moving linearly to the terminal rate over years 6–10. */
  costOfCapital: number;
  terminalCostOfCapital: number;
  /** Return on capital in perpetuity; terminal reinvestment rate = terminalGrowth ÷ this. */
  terminalReturnOnCapital: number;
  /** Chance the firm fails, and what is recovered if it does. */
  probabilityOfFailure: number;
  distressProceeds: number;
  /** Whether distress proceeds are a share of book capital or of the DCF value of operating assets. */
  distressBasis: "book" | "value";
  bookCapital: number;
  debt: number;
  minorityInterests: number;
  cash: number;
  nonOperatingAssets: number;
  /** Employee options, valued as warrants (count in millions; price and strike per share). */
  options: {count: number; strike: number; maturityYears: number; volatility: number; riskFreeRate: number; dividendYield: number};
  /**
   * The share price the options are valued at. "value": the DCF's own value per share, which itself
   * subtracts the options (a fixed point), as Damodaran's DIY workbooks do (his Tesla Nov 2021 sheet
   * links the option sheet's price to the value per share); "price": the market price, as his
   * fcffsimpleginzu 2022–2024 versions do.
   */
  optionsValuedAt: "value" | "price";
  stockPrice: number;
  sharesOutstanding: number;
}

/** The standard ginzu inputs: a revenue growth story and an operating margin story. */
export interface GinzuInputs extends DcfParams {
  /** Revenue and operating income (EBIT) of the last twelve months. */
  baseRevenue: number;
  baseOperatingIncome: number;
  revenueGrowthYear1: number;
  /** Compounded annual growth for years 2–5; years 6–10 fade linearly to terminal growth. */
  revenueGrowthYears2to5: number;
  targetOperatingMargin: number;
  /** Year by which the margin reaches its target, moving linearly from today's margin. */
  convergenceYear: number;
}

/** Revenue and operating income by year: index 0 is the base year, 1…10 the forecast. */
export interface OperatingForecast {
  revenue: number[];
  operatingIncome: number[];
  /** Operating margin of the terminal year; by default the year-10 margin. */
  terminalOperatingMargin?: number;
}

export interface DcfYear {
  year: number;
  /** Null when the year before had no revenue (growth is undefined). */
  revenueGrowth: number | null;
  revenue: number;
  /** Null when there is no revenue (the margin is undefined). */
  operatingMargin: number | null;
  operatingIncome: number;
  taxRate: number;
  /** Operating income after tax, with taxes only on income beyond the NOL. */
  afterTaxOperatingIncome: number;
  /** NOL remaining at the end of the year. */
  nol: number;
  reinvestment: number;
  fcff: number;
  costOfCapital: number;
  /** Cumulative: 1 ÷ Π(1 + costOfCapital) through this year. */
  discountFactor: number;
  presentValue: number;
}

export interface DcfResult {
  years: DcfYear[];
  terminal: {revenue: number; operatingMargin: number | null; operatingIncome: number; taxRate: number; afterTaxOperatingIncome: number; reinvestmentRate: number; reinvestment: number; fcff: number; costOfCapital: number; value: number; presentValue: number};
  bridge: {
    presentValueOfYears: number;
    presentValueOfTerminal: number;
    operatingAssets: number;
    /** (proceeds − value) × probability of failure: negative when failure destroys value. */
    failureAdjustment: number;
    adjustedOperatingAssets: number;
    debt: number;
    minorityInterests: number;
    cash: number;
    nonOperatingAssets: number;
    equity: number;
    options: number;
    commonEquity: number;
    sharesOutstanding: number;
    /** The share price the options were valued at (the value per share itself, or the market price). */
    optionsStockPrice: number;
    /** Common equity ÷ shares, signed: negative when the DCF's common equity is below zero. */
    valuePerShare: number;
    /** What a share can be worth at least: the value per share floored at zero (limited liability). */
    flooredValuePerShare: number;
    /** Whether the DCF's common equity is negative. */
    negativeEquity: boolean;
  };
}

export const FORECAST_YEARS = 10;

/** Growth in year t: year-1 rate, then the 2–5 rate, then a straight line to terminal growth by year 10. */
export function ginzuGrowth(t: number, g1: number, g2to5: number, terminal: number): number {
  if (t <= 1) return g1;
  if (t <= 5) return g2to5;
  return g2to5 - ((g2to5 - terminal) * (t - 5)) / 5;
}

/** Operating margin in year t: a straight line from today's to the target, reached in the convergence year. */
export function ginzuMargin(t: number, today: number, target: number, convergenceYear: number): number {
  if (convergenceYear <= 0 || t >= convergenceYear) return target;
  return today + ((target - today) * t) / convergenceYear;
}

/** The operating forecast the ginzu inputs describe. */
export function ginzuForecast(inputs: GinzuInputs): OperatingForecast {
  const revenue = [inputs.baseRevenue];
  const operatingIncome = [inputs.baseOperatingIncome];
  const marginToday = inputs.baseRevenue !== 0 ? inputs.baseOperatingIncome / inputs.baseRevenue : 0;
  for (let t = 1; t <= FORECAST_YEARS; t++) {
    revenue[t] = revenue[t - 1]! * (1 + ginzuGrowth(t, inputs.revenueGrowthYear1, inputs.revenueGrowthYears2to5, inputs.terminalGrowth));
    operatingIncome[t] = revenue[t]! * ginzuMargin(t, marginToday, inputs.targetOperatingMargin, inputs.convergenceYear);
  }
  // As in ginzu, the terminal year earns the target margin (even if year 10 has not reached it).
  return {revenue, operatingIncome, terminalOperatingMargin: inputs.targetOperatingMargin};
}

/** a ÷ b, or null where it is undefined (no revenue): never NaN or Infinity. */
function ratio(a: number, b: number): number | null {
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

function growthOf(now: number, before: number): number | null {
  const g = ratio(now, before);
  return g === null ? null : g - 1;
}

/** Linear move from `from` (years 1–5) to `to` (year 10): the ginzu pattern for tax and cost of capital. */
function fadeYears6to10(t: number, from: number, to: number): number {
  return t <= 5 ? from : from + ((to - from) * (t - 5)) / 5;
}

/**
 * Operating income after tax, taxing only what the NOL does not shelter; returns the NOL left. A loss
 * adds to the NOL. One object literal (not one per case), so that V8, inlining this into the DCF's
 * loop, can keep its two numbers in registers instead of allocating an object a year per path.
 */
export function afterTax(operatingIncome: number, taxRate: number, nol: number): {afterTax: number; nol: number} {
  const sheltered = operatingIncome <= 0 || operatingIncome <= nol;
  return {afterTax: sheltered ? operatingIncome : operatingIncome - (operatingIncome - nol) * taxRate, nol: sheltered ? nol - operatingIncome : 0};
}

/** Checks the parameters a DCF cannot run without; null when they are usable. */
export function dcfProblem(p: DcfParams): string | null {
  if (!(p.terminalCostOfCapital > p.terminalGrowth)) return "terminal growth must be below the terminal cost of capital";
  if (!(p.salesToCapital1to5 > 0 && p.salesToCapital6to10 > 0)) return "sales-to-capital ratios must be positive";
  if (!(p.terminalReturnOnCapital > 0)) return "the terminal return on capital must be positive";
  if (!(p.terminalGrowth < p.terminalReturnOnCapital)) return "terminal growth must be below the terminal return on capital (reinvestment would exceed income)";
  if (!(p.probabilityOfFailure >= 0 && p.probabilityOfFailure <= 1)) return "the probability of failure must be between 0 and 1";
  if (!(p.distressProceeds >= 0)) return "distress proceeds cannot be negative";
  if (!(p.sharesOutstanding > 0)) return "shares outstanding must be positive";
  return null;
}

/** Values the firm from an operating forecast (revenue and operating income by year). */
export function valueFromForecast(forecast: OperatingForecast, p: DcfParams): DcfResult {
  const detail: DcfDetail = {years: []};
  discountForecast(forecast, p, detail);
  return detail as DcfResult; // discountForecast has written its terminal and bridge
}

/** Revenue in year t, for the reinvestment lag: year 11 is the terminal year. (A function, not a closure: the DCF runs once a path.) */
function revenueInYear(revenue: readonly number[], terminalRevenue: number, t: number): number {
  return t <= FORECAST_YEARS ? revenue[t]! : terminalRevenue;
}

/** What discountForecast writes its lines into. */
type DcfDetail = Pick<DcfResult, "years"> & Partial<Omit<DcfResult, "years">>;

/** The DCF's value per share alone (signed): the same arithmetic as valueFromForecast, without its lines (a Monte Carlo path's). */
export function valuePerShareFromForecast(forecast: OperatingForecast, p: DcfParams): number {
  return discountForecast(forecast, p, null);
}

/**
 * The DCF: the value per share (signed), and with `detail` each year's line, the terminal value and
 * the bridge to equity written into it. Without detail it builds no object with a number in it
 * (each would be a heap number per field): a Monte Carlo run values every path.
 */
function discountForecast(forecast: OperatingForecast, p: DcfParams, detail: DcfDetail | null): number {
  const years = detail?.years;
  const problem = dcfProblem(p);
  if (problem) throw new Error(problem);
  const {revenue, operatingIncome} = forecast;
  const terminalRevenue = revenue[FORECAST_YEARS]! * (1 + p.terminalGrowth);

  let nol = p.nolCarriedForward;
  let discountFactor = 1;
  let presentValueOfYears = 0;
  for (let t = 1; t <= FORECAST_YEARS; t++) {
    const taxRate = fadeYears6to10(t, p.effectiveTaxRate, p.marginalTaxRate);
    const taxed = afterTax(operatingIncome[t]!, taxRate, nol);
    nol = taxed.nol;
    const salesToCapital = t <= 5 ? p.salesToCapital1to5 : p.salesToCapital6to10;
    const reinvestment = (revenueInYear(revenue, terminalRevenue, t + p.reinvestmentLag) - revenueInYear(revenue, terminalRevenue, t + p.reinvestmentLag - 1)) / salesToCapital;
    const fcff = taxed.afterTax - reinvestment;
    const costOfCapital = fadeYears6to10(t, p.costOfCapital, p.terminalCostOfCapital);
    discountFactor /= 1 + costOfCapital;
    const presentValue = fcff * discountFactor;
    presentValueOfYears += presentValue;
    years?.push({
      year: t,
      revenueGrowth: growthOf(revenue[t]!, revenue[t - 1]!),
      revenue: revenue[t]!,
      operatingMargin: ratio(operatingIncome[t]!, revenue[t]!),
      operatingIncome: operatingIncome[t]!,
      taxRate,
      afterTaxOperatingIncome: taxed.afterTax,
      nol,
      reinvestment,
      fcff,
      costOfCapital,
      discountFactor,
      presentValue
    });
  }

  // Terminal year: revenue grows at g; the margin is year 10's (or the forecast's terminal margin).
  // As in ginzu, it is taxed at the marginal rate and any NOL left is ignored. Unlike ginzu, a
  // terminal loss is not capitalised: a firm still losing money in year 10 has no going-concern
  // value beyond it (what it might fetch is the failure case's business), so the terminal value is 0.
  const terminalOperatingIncome =
    forecast.terminalOperatingMargin === undefined ? operatingIncome[FORECAST_YEARS]! * (1 + p.terminalGrowth) : terminalRevenue * forecast.terminalOperatingMargin;
  const terminalMargin = ratio(terminalOperatingIncome, terminalRevenue);
  const terminalAfterTax = terminalOperatingIncome > 0 ? terminalOperatingIncome * (1 - p.marginalTaxRate) : terminalOperatingIncome;
  // Reinvestment = g ÷ ROC of income; none for zero or negative growth (ginzu's rule).
  const reinvestmentRate = terminalAfterTax > 0 && p.terminalGrowth > 0 ? p.terminalGrowth / p.terminalReturnOnCapital : 0;
  const terminalReinvestment = terminalAfterTax * reinvestmentRate;
  const terminalFcff = terminalAfterTax - terminalReinvestment;
  const terminalValue = terminalAfterTax > 0 ? terminalFcff / (p.terminalCostOfCapital - p.terminalGrowth) : 0;
  const presentValueOfTerminal = terminalValue * discountFactor;

  const operatingAssets = presentValueOfYears + presentValueOfTerminal;
  // Nothing is recovered from a basis below zero (a DCF value can be negative; proceeds cannot).
  const proceeds = p.distressProceeds * Math.max(0, p.distressBasis === "book" ? p.bookCapital : operatingAssets);
  const adjustedOperatingAssets = operatingAssets * (1 - p.probabilityOfFailure) + proceeds * p.probabilityOfFailure;
  const equity = adjustedOperatingAssets - p.debt - p.minorityInterests + p.cash + p.nonOperatingAssets;
  const options = p.optionsValuedAt === "price" ? dilutedOptionsValue({...p.options, stockPrice: p.stockPrice}, p.options.count, p.sharesOutstanding).total : optionsAtOwnValue(equity, p.sharesOutstanding, p.options);
  const commonEquity = equity - options;
  const valuePerShare = commonEquity / p.sharesOutstanding;
  if (detail === null) return valuePerShare;
  // Valued at the model's own price, the options' share price is the value per share itself (the fixed point).
  const optionsStockPrice = p.optionsValuedAt === "price" ? p.stockPrice : valuePerShare;
  detail.terminal = {
    revenue: terminalRevenue,
    operatingMargin: terminalMargin,
    operatingIncome: terminalOperatingIncome,
    taxRate: p.marginalTaxRate,
    afterTaxOperatingIncome: terminalAfterTax,
    reinvestmentRate,
    reinvestment: terminalReinvestment,
    fcff: terminalFcff,
    costOfCapital: p.terminalCostOfCapital,
    value: terminalValue,
    presentValue: presentValueOfTerminal
  };
  detail.bridge = {
    presentValueOfYears,
    presentValueOfTerminal,
    operatingAssets,
    failureAdjustment: adjustedOperatingAssets - operatingAssets,
    adjustedOperatingAssets,
    debt: p.debt,
    minorityInterests: p.minorityInterests,
    cash: p.cash,
    nonOperatingAssets: p.nonOperatingAssets,
    equity,
    options,
    commonEquity,
    sharesOutstanding: p.sharesOutstanding,
    optionsStockPrice,
    valuePerShare,
    flooredValuePerShare: Math.max(0, valuePerShare),
    negativeEquity: commonEquity < 0
  };
  return valuePerShare;
}

/**
 * The options' value at the model's own value per share, in closed form. The workbook's circular
 * reference is x = (equity − m·W) ÷ n with W = BS(S′) and S′ = (x·n + W·m) ÷ (n + m); substituting
 * x gives S′ = (equity − m·W + m·W) ÷ (n + m) = equity ÷ (n + m), whatever W is. So W = BS(equity ÷
 * (n + m)) directly, and x follows: the fixed point Excel iterates to, with no iteration (tests check
 * it against valuePerShareFixedPoint below). Below zero equity, S′ < 0 and the options are worth 0.
 */
export function optionsAtOwnValue(equity: number, shares: number, option: DcfParams["options"]): number {
  return option.count > 0 ? callValueAt(option, equity / (shares + option.count)) * option.count : 0;
}

/**
 * The value per share x that solves x = (equity − options(x)) ÷ shares, the circular reference of
 * Damodaran's workbooks (Excel iterates it). options(·) is non-decreasing, so the root is unique and
 * lies in [(equity − options(equity ÷ shares)) ÷ shares, equity ÷ shares]. Iterates from `start` as
 * Excel does; if that has not converged (to 1e-9) in 100 steps, bisects the bracket instead.
 */
export function valuePerShareFixedPoint(equity: number, shares: number, optionsAt: (stockPrice: number) => number, start = equity / shares): {valuePerShare: number; iterations: number} {
  const next = (x: number) => (equity - optionsAt(x)) / shares;
  const tolerance = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
  let x = start;
  for (let i = 1; i <= 100; i++) {
    const y = next(x);
    if (Math.abs(y - x) <= tolerance(y)) return {valuePerShare: y, iterations: i};
    x = y;
  }
  let hi = equity / shares;
  let lo = next(hi);
  let iterations = 100;
  while (hi - lo > tolerance(hi) && iterations < 400) {
    const mid = (lo + hi) / 2;
    if (mid - next(mid) < 0) lo = mid;
    else hi = mid;
    iterations++;
  }
  return {valuePerShare: (lo + hi) / 2, iterations};
}

/** Damodaran's ginzu: value per share from the standard inputs, with every intermediate line. */
export function ginzu(inputs: GinzuInputs): DcfResult {
  return valueFromForecast(ginzuForecast(inputs), inputs);
}
