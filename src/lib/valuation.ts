// Each firm's valuation from its own projection: the DCF discounts the same revenue and operating
// cash flow that drive the runway, then the market view (market cap, EV, multiples) and the
// reverse DCF (what the price implies).
import {pow} from "./exactMath.js";
import {decemberOffset} from "./breakEven.js";
import {monthEnd, monthIndexOf, yearOfMonthIndex, type IsoDate} from "./dates.js";
import {solveGrowthStart, solveOpexGrowth} from "./required.js";
import {FORECAST_YEARS, valueFromForecast, valuePerShareFromForecast, type DcfParams, type DcfResult, type OperatingForecast} from "./dcf.js";
import {formatPercent} from "./format.js";
import {convert} from "./fx.js";
import {allocateProjection, HORIZON_MONTHS, inflowMonth, project, type Projection} from "./projection.js";
import {findRoot, type Root} from "./roots.js";
import {FIRM_CURRENCY, FIRM_FIELDS, type Currency, type FirmId, type FirmInputs, type MarketInputs} from "./fields.js";

/**
 * Months after the baseline of the valuation date: the end of the December before the DCF's year 1.
 * Year 1 is the listing year (2026 for both firms: valued a week before the January listings), or
 * the first full calendar year after the baseline if that is later; years 1–10 are calendar years.
 */
export function valuationMonth(firm: FirmInputs): number {
  const start = monthIndexOf(firm.baselineDate);
  // The first January after the baseline month starts the first full calendar year.
  const firstFullYear = yearOfMonthIndex(start) + 1;
  const year1 = Math.max(yearOfMonthIndex(monthIndexOf(firm.ipoDate)), firstFullYear);
  // Capped so that ten forecast years always fit in the projection.
  return Math.min(decemberOffset(start, year1 - 1), HORIZON_MONTHS - 12 * FORECAST_YEARS);
}

/** The calendar year of the DCF's year 1 (year t is this + t − 1; year 0, the year before, is the trailing year). */
export function firstForecastYear(firm: FirmInputs): number {
  return yearOfMonthIndex(monthIndexOf(firm.baselineDate) + valuationMonth(firm)) + 1;
}

/**
 * Annual revenue and operating cash flow: year 0 is the twelve months to the valuation date (months
 * before the baseline at the baseline's run rate: the reported revenue and burn), years 1–10 the
 * twelve-month blocks after it.
 */
export function forecastFromProjection(p: Projection, v: number): OperatingForecast {
  let revenue0 = 0;
  let operatingIncome0 = 0;
  for (let t = v - 11; t <= v; t++) {
    revenue0 += p.revenue[Math.max(0, t)]!;
    operatingIncome0 += p.operatingCashFlow[Math.max(0, t)]!;
  }
  const revenue = [revenue0];
  const operatingIncome = [operatingIncome0];
  for (let year = 1; year <= FORECAST_YEARS; year++) {
    let r = 0;
    let o = 0;
    for (let t = v + 12 * (year - 1) + 1; t <= v + 12 * year; t++) {
      r += p.revenue[t]!;
      o += p.operatingCashFlow[t]!;
    }
    revenue.push(r);
    operatingIncome.push(o);
  }
  return {revenue, operatingIncome};
}

/** Sum of a projected series over one calendar year (only the months the projection covers). */
export function calendarYearSum(series: Float64Array, p: Projection, year: number): number {
  let sum = 0;
  for (let t = 1; t <= p.months; t++) if (yearOfMonthIndex(p.startMonth + t) === year) sum += series[t]!;
  return sum;
}

/**
 * Cash at the valuation date that belongs to shareholders: the projected balance, without undrawn
 * facilities, plus the IPO's net proceeds when the listing comes after that date (the price and the
 * share count are those after the listing, so its money is theirs).
 */
export function cashAtValuation(firm: FirmInputs, p: Projection, v: number): number {
  return valuationCash(firm, p.cash[v]!, inflowMonth(p.startMonth, firm.ipoDate), v);
}

/** The same from the balance at the end of month v and the IPO's month (a Monte Carlo path's, whose dates are its block's). */
export function valuationCash(firm: FirmInputs, balanceAtV: number, ipoMonth: number, v: number): number {
  const ipoAfter = ipoMonth > v ? firm.ipoNetProceeds : 0;
  return balanceAtV - (firm.includeUndrawnFacilities ? firm.undrawnFacilities : 0) + ipoAfter;
}

/** Losses carried forward at the valuation date: the baseline's, plus losses (less profits) since. */
export function nolAtValuation(firm: FirmInputs, p: Projection, v: number): number {
  let nol = firm.nolCarriedForward;
  for (let t = 1; t <= v; t++) nol = Math.max(0, nol - p.operatingCashFlow[t]!);
  return nol;
}

/** The DCF's parameters for a firm, in its reporting currency. */
export function dcfParams(firm: FirmInputs, currency: Currency, market: MarketInputs, cash: number, nol = firm.nolCarriedForward): DcfParams {
  return writeDcfParams({options: {}} as DcfParams, firm, currency, market, cash, nol);
}

/**
 * dcfParams written into `out`, field by field. A Monte Carlo run values every path with one record
 * (firmSimulator): V8 keeps a number field in a box of its own, so a fresh record of some 25 numbers a
 * path was most of a simulation's garbage, while writing a number into an existing field allocates
 * nothing. (No closure here either: it runs once a path.)
 */
function writeDcfParams(out: DcfParams, firm: FirmInputs, currency: Currency, market: MarketInputs, cash: number, nol: number): DcfParams {
  out.terminalGrowth = firm.terminalGrowth;
  out.salesToCapital1to5 = firm.salesToCapital1to5;
  out.salesToCapital6to10 = firm.salesToCapital6to10;
  out.reinvestmentLag = firm.reinvestmentLag === 0 ? 0 : 1;
  out.effectiveTaxRate = firm.effectiveTaxRate;
  out.marginalTaxRate = firm.marginalTaxRate;
  out.nolCarriedForward = nol;
  out.costOfCapital = firm.costOfCapital;
  out.terminalCostOfCapital = firm.terminalCostOfCapital;
  out.terminalReturnOnCapital = firm.terminalReturnOnCapital;
  out.probabilityOfFailure = firm.probabilityOfFailure;
  out.distressProceeds = firm.distressProceeds;
  out.distressBasis = firm.distressBasis;
  out.bookCapital = firm.bookCapital;
  out.debt = firm.debt;
  out.minorityInterests = firm.minorityInterests;
  out.cash = cash;
  out.nonOperatingAssets = firm.nonOperatingAssets;
  const options = out.options;
  options.count = firm.optionsOutstanding;
  options.strike = convert(firm.optionStrike, "HKD", currency, market);
  options.maturityYears = firm.optionMaturityYears;
  options.volatility = firm.optionVolatility;
  options.riskFreeRate = firm.riskFreeRate;
  options.dividendYield = 0;
  out.optionsValuedAt = firm.optionsValuedAt;
  out.stockPrice = convert(firm.price, "HKD", currency, market);
  out.sharesOutstanding = firm.sharesOutstanding;
  return out;
}

export interface ImpliedGrowth extends Root {
  /** The years 2–5 revenue CAGR of the projection at that growth. */
  revenueCagr2to5: number | null;
}

export interface ImpliedMargin extends Root {
  /** The year-10 operating margin of the projection at that gross margin target. */
  operatingMarginYear10: number | null;
}

export interface FirmValuation {
  currency: Currency;
  /** Valuation date: the end of this month after the baseline (the December before year 1). */
  valuationMonth: number;
  valuationDate: IsoDate;
  /** The calendar year of the DCF's year 1; year t is firstForecastYear + t − 1. */
  firstForecastYear: number;
  /** Year 0: the calendar year before year 1 (months before the baseline at its run rate). */
  trailingYear: {year: number; revenue: number; operatingIncome: number};
  dcf: DcfResult;
  /** Value per share in the firm's currency and in HKD, against the HKD price. */
  valuePerShare: number;
  valuePerShareHkd: number;
  price: number;
  /** Value ÷ price − 1. */
  gap: number;
  /** Market view, in the firm's currency. */
  marketCap: number;
  netCash: number;
  enterpriseValue: number;
  revenue: {trailing: number; runRate: number; forward2026: number; forward2027: number; targetYear: number};
  /** Enterprise value ÷ revenue; null where the revenue is zero. */
  evToRevenue: {trailing: number | null; runRate: number | null; forward2026: number | null; forward2027: number | null};
  /** Market cap ÷ the revenue projected for the break-even target year (null without revenue). */
  marketCapToTargetYearRevenue: number | null;
  /** Whether year 10 is a steady state the terminal value can start from. */
  steadyState: SteadyState;
}

export interface SteadyState {
  /** Revenue growth in year 10 and the terminal growth after it. */
  year10Growth: number | null;
  terminalGrowth: number;
  /** Warnings for the page; empty when year 10 is a fair starting point for the terminal value. */
  warnings: string[];
}

/** Damodaran's rule: by year 10 growth should be near the terminal rate and the margin settled. */
export function steadyState(firm: FirmInputs, dcf: DcfResult): SteadyState {
  const year10 = dcf.years[FORECAST_YEARS - 1]!;
  const warnings: string[] = [];
  const g10 = year10.revenueGrowth;
  if (g10 !== null && Math.abs(g10 - firm.terminalGrowth) > 0.05) {
    warnings.push(`revenue still grows ${formatPercent(g10)} in year 10 but only ${formatPercent(firm.terminalGrowth)} after it: the terminal value starts from a year that is not yet steady (fade growth sooner, or to a lower long-run rate)`);
  }
  if (dcf.terminal.afterTaxOperatingIncome <= 0) {
    warnings.push("the firm still loses money in year 10, so there is no terminal value: on this story it never becomes a going concern");
  }
  if (dcf.bridge.negativeEquity) {
    warnings.push("the DCF says the equity is worth less than nothing: the projected losses and the reinvestment growth needs exceed the cash and everything the firm is later worth. A share cannot be worth less than zero to its holder (limited liability), so at least it is worth HK$0; the signed number shows how far this story is from paying off, and the firm would need new money or fail");
  }
  return {year10Growth: g10, terminalGrowth: firm.terminalGrowth, warnings};
}

/** A ratio that is undefined (no revenue, say) is null, never NaN or Infinity. */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The year-2–5 revenue CAGR of a forecast. */
function cagr2to5(f: OperatingForecast): number | null {
  return finiteOrNull(pow(f.revenue[5]! / f.revenue[1]!, 1 / 4) - 1);
}

/** The DCF of a firm's projection, valued at the end of its listing month. */
function dcfOf(firmId: FirmId, firm: FirmInputs, market: MarketInputs, projection: Projection) {
  const currency = FIRM_CURRENCY[firmId];
  const v = valuationMonth(firm);
  const cash = cashAtValuation(firm, projection, v);
  const forecast = forecastFromProjection(projection, v);
  const dcf = valueFromForecast(forecast, dcfParams(firm, currency, market, cash, nolAtValuation(firm, projection, v)));
  return {currency, v, cash, forecast, dcf};
}

/** The DCF value per share alone, in HKD and signed: what a Monte Carlo path needs, without the market view. */
export function valuePerShareHkd(firmId: FirmId, firm: FirmInputs, market: MarketInputs, projection: Projection): number {
  const v = valuationMonth(firm);
  return forecastValuePerShareHkd(firmId, firm, market, forecastFromProjection(projection, v), cashAtValuation(firm, projection, v), nolAtValuation(firm, projection, v));
}

/**
 * The same from the DCF's inputs already summed: the forecast, the cash and the losses carried forward
 * at the valuation date. `params` is the record the DCF's parameters are written into (a Monte Carlo
 * run passes one for all its paths).
 */
export function forecastValuePerShareHkd(firmId: FirmId, firm: FirmInputs, market: MarketInputs, forecast: OperatingForecast, cash: number, nol: number, params: DcfParams = {options: {}} as DcfParams): number {
  const currency = FIRM_CURRENCY[firmId];
  return convert(valuePerShareFromForecast(forecast, writeDcfParams(params, firm, currency, market, cash, nol)), currency, "HKD", market);
}

export function valueFirm(firmId: FirmId, firm: FirmInputs, market: MarketInputs, projection: Projection = project(firm)): FirmValuation {
  const {currency, v, cash, forecast, dcf} = dcfOf(firmId, firm, market, projection);
  const year1 = firstForecastYear(firm);
  const valuePerShare = dcf.bridge.valuePerShare;
  const valuePerShareHkd = convert(valuePerShare, currency, "HKD", market);
  const marketCap = convert(firm.price * firm.sharesOutstanding, "HKD", currency, market);
  const netCash = cash - firm.debt;
  const enterpriseValue = marketCap - netCash;
  const revenue = {
    trailing: firm.trailingRevenue,
    runRate: firm.revenueRunRate,
    forward2026: calendarYearSum(projection.revenue, projection, 2026),
    forward2027: calendarYearSum(projection.revenue, projection, 2027),
    targetYear: calendarYearSum(projection.revenue, projection, firm.breakEvenTargetYear)
  };
  const multiple = (r: number) => finiteOrNull(enterpriseValue / r);
  return {
    currency,
    valuationMonth: v,
    valuationDate: monthEnd(projection.startMonth + v),
    firstForecastYear: year1,
    trailingYear: {year: year1 - 1, revenue: forecast.revenue[0]!, operatingIncome: forecast.operatingIncome[0]!},
    dcf,
    valuePerShare,
    valuePerShareHkd,
    price: firm.price,
    gap: valuePerShareHkd / firm.price - 1,
    marketCap,
    netCash,
    enterpriseValue,
    revenue,
    evToRevenue: {trailing: multiple(revenue.trailing), runRate: multiple(revenue.runRate), forward2026: multiple(revenue.forward2026), forward2027: multiple(revenue.forward2027)},
    marketCapToTargetYearRevenue: finiteOrNull(marketCap / revenue.targetYear),
    steadyState: steadyState(firm, dcf)
  };
}

/** How value per share answers a move in the cost of capital (years 1–5), one step either way. */
export interface CostOfCapitalEffect {
  step: number;
  /** Value per share (HKD) at the cost of capital minus and plus the step. */
  lower: number;
  higher: number;
  /** The rates they are at: the lower one is floored at 0 (at a cost of capital of 0, it is the rate itself). */
  lowerRate: number;
  higherRate: number;
  /** What a higher cost of capital does to the value. */
  direction: "falls" | "rises" | "flat";
}

/**
 * Finance says value falls as the cost of capital rises, and it does whenever the DCF's flows (years
 * 1–10, then the terminal value) turn from losses to profits at most once and the operating assets
 * are positive. When the discounted flows are mostly losses the opposite holds: discounting losses
 * harder shrinks them. This reports which way it goes, so the page can say so.
 */
export function costOfCapitalEffect(firmId: FirmId, firm: FirmInputs, market: MarketInputs, step = 0.01, projection: Projection = project(firm)): CostOfCapitalEffect {
  // The cost of capital does not change the projection: one projection serves both valuations.
  const at = (r: number) => valueFirm(firmId, {...firm, costOfCapital: r}, market, projection).valuePerShareHkd;
  const lowerRate = Math.max(0, firm.costOfCapital - step);
  const higherRate = firm.costOfCapital + step;
  const lower = at(lowerRate);
  const higher = at(higherRate);
  const direction = Math.abs(higher - lower) <= 1e-9 * Math.max(1, Math.abs(lower)) ? "flat" : higher < lower ? "falls" : "rises";
  return {step, lower, higher, lowerRate, higherRate, direction};
}

/** Value per share in HKD as a function of one projection input, reusing one buffer. */
function valueAt(firmId: FirmId, firm: FirmInputs, market: MarketInputs, key: "growthStart" | "grossMarginTarget"): (x: number) => {hkd: number; forecast: OperatingForecast} {
  const buffer = allocateProjection();
  return (x) => {
    const changed = {...firm, [key]: x};
    const {currency, forecast, dcf} = dcfOf(firmId, changed, market, project(changed, HORIZON_MONTHS, buffer));
    return {hkd: convert(dcf.bridge.valuePerShare, currency, "HKD", market), forecast};
  };
}

/** Revenue growth now (and the years 2–5 CAGR it gives) at which value per share equals the price. */
export function impliedGrowth(firmId: FirmId, firm: FirmInputs, market: MarketInputs, bracket: [number, number] = [-0.5, 8]): ImpliedGrowth {
  const at = valueAt(firmId, firm, market, "growthStart");
  const root = findRoot((g) => at(g).hkd - firm.price, bracket[0], bracket[1], {describe: formatPercent});
  return {...root, revenueCagr2to5: root.value === null ? null : cagr2to5(at(root.value).forecast)};
}

/** Target gross margin (and the year-10 operating margin it gives) at which value per share equals the price. */
export function impliedMargin(firmId: FirmId, firm: FirmInputs, market: MarketInputs, bracket: [number, number] = [-0.5, 1]): ImpliedMargin {
  const at = valueAt(firmId, firm, market, "grossMarginTarget");
  const root = findRoot((m) => at(m).hkd - firm.price, bracket[0], bracket[1], {describe: formatPercent});
  if (root.value === null) return {...root, operatingMarginYear10: null};
  const f = at(root.value).forecast;
  const revenue10 = f.revenue[FORECAST_YEARS]!;
  return {...root, operatingMarginYear10: finiteOrNull(f.operatingIncome[FORECAST_YEARS]! / revenue10)};
}

export interface BreakEvenValue {
  year: number;
  lever: "growthStart" | "opexGrowth";
  /** The lever's value that breaks even by December of `year`, or null with the reason. */
  leverValue: number | null;
  reason: string | null;
  valuePerShareHkd: number | null;
}

/**
 * What the firm is worth if it breaks even by December of `year`: solve one lever (revenue growth
 * now, or cash-cost growth) for that year, all else held, and value the firm on that path.
 */
export function valueIfBreakEvenBy(firmId: FirmId, firm: FirmInputs, market: MarketInputs, year: number, lever: "growthStart" | "opexGrowth"): BreakEvenValue {
  const solution = breakEvenLever(firm, year, lever);
  if (solution.value === null) return {year, lever, leverValue: null, reason: solution.reason, valuePerShareHkd: null};
  const solved = {...firm, [lever]: solution.value};
  return {year, lever, leverValue: solution.value, reason: solution.reason, valuePerShareHkd: valueFirm(firmId, solved, market).valuePerShareHkd};
}

// The lever that breaks even by a year depends only on the projection's inputs, not on the valuation's:
// remembering the last answers keeps a change of, say, the cost of capital from re-solving them.
const PROJECTION_KEYS = FIRM_FIELDS.filter((f) => f.changesProjection).map((f) => f.key as keyof FirmInputs);
const leverCache = new Map<string, {value: number | null; reason: string | null}>();

function breakEvenLever(firm: FirmInputs, year: number, lever: "growthStart" | "opexGrowth"): {value: number | null; reason: string | null} {
  const key = `${year}|${lever}|${PROJECTION_KEYS.map((k) => String(firm[k])).join("|")}`;
  const cached = leverCache.get(key);
  if (cached) return cached;
  const target = {...firm, breakEvenTargetYear: year};
  const lastMonth = Math.min(decemberOffset(monthIndexOf(firm.baselineDate), year), HORIZON_MONTHS);
  const solution = lastMonth < 1 ? {value: null, reason: `${year} ends before the baseline`} : lever === "growthStart" ? solveGrowthStart(target, lastMonth, year) : solveOpexGrowth(target, lastMonth, year);
  if (leverCache.size > 256) leverCache.clear();
  leverCache.set(key, solution);
  return solution;
}
