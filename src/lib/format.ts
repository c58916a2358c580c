// The one way to show a number: every page, table, control, chart axis and tooltip formats through
// here (d3-format, d3-time-format). Every number carries its unit; money carries its currency and
// scale; rates are percentages; per-share values have two decimals, large values significant figures.
import {format, utcFormat, utcParse} from "d3";
import {ruleOfThreeBound} from "./estimate.js";
import type {Currency, Unit} from "./fields.js";

const PREFIX: Record<Currency, string> = {USD: "US$", HKD: "HK$", RMB: "RMB "};
const MINUS = "\u2212";
const DASH = "—";
const threeSignificant = format(",.3~r");
const fourSignificant = format(",.4~r");
const twoDecimals = format(",.2f");
const percent = format(".1~%");
const percentFixed = format(".1%");
const oneDecimal = format(",.1f");

/** "US$", "HK$" or "RMB" (no trailing space), for labels such as "US$ millions". */
export function currencySymbol(currency: Currency): string {
  return PREFIX[currency].trim();
}

const sign = (x: number) => (x < 0 ? MINUS : "");

/** Millions of a currency, scaled to M or B with three significant figures: "US$1.05B", "−RMB 300M". */
export function formatMoney(millions: number, currency: Currency): string {
  if (!Number.isFinite(millions)) return DASH;
  const abs = Math.abs(millions);
  // Nothing is "0", not "0M": no scale to read.
  const body = abs >= 1000 ? `${threeSignificant(abs / 1000)}B` : abs >= 1 ? `${threeSignificant(abs)}M` : abs === 0 ? "0" : `${threeSignificant(abs * 1000)}K`;
  return `${sign(millions)}${PREFIX[currency]}${body}`;
}

export function formatMoneyPerMonth(millions: number, currency: Currency): string {
  return `${formatMoney(millions, currency)} / month`;
}

export function formatMoneyPerYear(millions: number, currency: Currency): string {
  return `${formatMoney(millions, currency)} / year`;
}

/**
 * An amount in whole units of a currency (a share price, revenue per user): two decimals up to
 * 10,000, then four significant figures ("HK$345.00", "HK$1,291,000"), then millions.
 */
export function formatPerUnit(value: number, currency: Currency): string {
  if (!Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  if (abs >= 1e7) return formatMoney(value / 1e6, currency);
  return `${sign(value)}${PREFIX[currency]}${abs < 1e4 ? twoDecimals(abs) : fourSignificant(abs)}`;
}

/** A price or value per share: "HK$345.00". */
export function formatPerShare(value: number, currency: Currency = "HKD"): string {
  return formatPerUnit(value, currency);
}

/** A fraction as a percentage: 0.8 → "80%", −0.3 → "−30%", 0.1317 → "13.2%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? percent(fraction) : DASH;
}

/** A percentage with one decimal always, for a table column whose points should line up: "104.0%", "−0.3%". */
export function formatPercentFixed(fraction: number): string {
  return Number.isFinite(fraction) ? percentFixed(fraction) : DASH;
}

/** A change as a signed percentage: "+12.3%", "−4%". */
export function formatSignedPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${fraction > 0 ? "+" : ""}${percent(fraction)}` : DASH;
}

export function formatPercentPerYear(fraction: number): string {
  return Number.isFinite(fraction) ? `${formatPercent(fraction)} a year` : DASH;
}

/** A multiple: "12.3×" (null, for an undefined ratio, is "—"). */
export function formatMultiple(x: number | null): string {
  return x !== null && Number.isFinite(x) ? `${sign(x)}${Math.abs(x) >= 100 ? threeSignificant(Math.abs(x)) : oneDecimal(Math.abs(x))}×` : DASH;
}

/** A count of things: "1,234,567", or with a noun: "1,234 customers". */
export function formatCount(n: number, noun = ""): string {
  return Number.isFinite(n) ? `${sign(n)}${format(",.0f")(Math.abs(n))}${noun ? ` ${noun}` : ""}` : DASH;
}

export function formatMonths(months: number): string {
  return Number.isFinite(months) ? `${format(",.1f")(months)} months` : DASH;
}

export function formatYears(years: number): string {
  return Number.isFinite(years) ? `${format(".1~f")(years)} ${years === 1 ? "year" : "years"}` : DASH;
}

/** A plain number to `digits` significant figures (no unit: for the rare dimensionless figure). */
export function formatNumber(value: number, digits = 3): string {
  return Number.isFinite(value) ? format(`,.${digits}~r`)(value) : DASH;
}

/** A number that may be tiny or huge (a difference, a tolerance): "2.27e−14", "0.005", "1,234". */
export function formatMagnitude(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e12) ? format(`.${digits}~e`)(value).replace("-", "−") : formatNumber(value, digits);
}

const parseIso = utcParse("%Y-%m-%d");
const parseYearMonth = utcParse("%Y-%m");
const monthYear = utcFormat("%b %Y");
const dayMonthYear = utcFormat("%-d %b %Y");

/** "2028-11-14" or "2028-11" → "Nov 2028". */
export function formatMonthYear(date: string): string {
  const parsed = parseIso(date) ?? parseYearMonth(date);
  return parsed ? monthYear(parsed) : DASH;
}

/** "2025-06-30" → "30 Jun 2025". */
export function formatDate(date: string): string {
  const parsed = parseIso(date);
  return parsed ? dayMonthYear(parsed) : DASH;
}

/** A Date (UTC) → "Nov 2028", for chart tooltips. */
export function formatMonthOf(date: Date): string {
  return monthYear(date);
}

// Field values, by the unit their declaration gives.

/** The unit a field is written in, as a reader sees it: "RMB million / month", "% a year", "×". */
export function unitLabel(unit: Unit, currency: Currency): string {
  const money = `${currencySymbol(currency)} million`;
  switch (unit) {
    case "fraction":
      return "%";
    case "fractionPerYear":
      return "% a year";
    case "money":
      return money;
    case "moneyPerMonth":
      return `${money} / month`;
    case "moneyPerYear":
      return `${money} / year`;
    case "years":
      return "years";
    case "hkdPerShare":
      return "HK$ / share";
    case "millionShares":
      return "million shares";
    case "millionOptions":
      return "million options";
    case "ratio":
      return "×";
    case "hkdPerUsd":
      return "HK$ per US$";
    case "rmbPerUsd":
      return "RMB per US$";
    case "year":
    case "date":
    case "boolean":
    case "choice":
      return "";
  }
}

/** How a number box shows a unit: fractions as percentages (× 100), with the digits that matter. */
export function inputScale(unit: Unit): {scale: number; digits: number} {
  switch (unit) {
    case "fraction":
    case "fractionPerYear":
      return {scale: 100, digits: 2};
    case "hkdPerUsd":
    case "rmbPerUsd":
      return {scale: 1, digits: 4};
    case "year":
      return {scale: 1, digits: 0};
    default:
      return {scale: 1, digits: 2};
  }
}

/** A field's value with its unit: "RMB 300M / month", "130% a year", "8 years", "HK$131.50 / share". */
export function formatFieldValue(value: unknown, unit: Unit, currency: Currency): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return unit === "date" ? formatDate(value) : value;
  if (typeof value !== "number" || !Number.isFinite(value)) return DASH;
  switch (unit) {
    case "fraction":
      return formatPercent(value);
    case "fractionPerYear":
      return formatPercentPerYear(value);
    case "money":
      return formatMoney(value, currency);
    case "moneyPerMonth":
      return formatMoneyPerMonth(value, currency);
    case "moneyPerYear":
      return formatMoneyPerYear(value, currency);
    case "years":
      return formatYears(value);
    case "year":
      return String(value);
    case "hkdPerShare":
      return `${formatPerShare(value, "HKD")} / share`;
    case "millionShares":
      return `${formatNumber(value, 4)} million shares`;
    case "millionOptions":
      return `${formatNumber(value, 4)} million options`;
    case "ratio":
      return formatMultiple(value);
    case "hkdPerUsd":
      return `HK$${formatNumber(value, 4)} per US$`;
    case "rmbPerUsd":
      return `RMB ${formatNumber(value, 4)} per US$`;
    default:
      return formatNumber(value, 4);
  }
}

// Table columns: one scale per column, named in the header.

export interface MoneyColumn {
  /** "RMB M" or "US$ B": the header says the unit once. */
  unit: string;
  /** The cell text: a plain number in the column's scale ("1,234.5", "−12.3"). */
  format: (millions: number) => string;
}

/**
 * A column of money in millions: billions when its largest value reaches 10,000 M, otherwise
 * millions, with one decimal either way, so every cell of the column reads on one scale.
 */
export function moneyColumn(values: Iterable<number>, currency: Currency): MoneyColumn {
  let largest = 0;
  for (const v of values) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  const billions = largest >= 10000;
  const divisor = billions ? 1000 : 1;
  const digits = billions ? format(",.2f") : oneDecimal;
  return {
    unit: `${currencySymbol(currency)} ${billions ? "B" : "M"}`,
    format: (x) => (Number.isFinite(x) ? `${sign(x)}${digits(Math.abs(x) / divisor)}` : DASH)
  };
}

/** Tick labels for a chart axis of plain numbers (the axis label carries the unit): "−1.5", "2,000". */
export function formatTick(x: number): string {
  return `${sign(x)}${format(",~")(Math.abs(x))}`;
}

// Number boxes: what a box shows for a value, and the value a typed text means.

/** `x` to twelve significant figures: no 0.9500000000000001 left by a sum for a page or a link to show. */
export function withoutBinaryNoise(x: number): number {
  return Number(x.toPrecision(12));
}

/** The number a box shows for `value` at `scale` (0.1747 at 100 → 17.47), without binary noise. */
export function toInputNumber(value: number, scale: number): number {
  return withoutBinaryNoise(value * scale);
}

/**
 * The value typed text means at `scale`, shifting the decimal point instead of dividing, so that
 * "174.7" at 100 is exactly 1.747 (the shortest decimal that round-trips), never 1.7469999999999999.
 * Returns NaN for text that is not a plain decimal number.
 */
export function fromInputText(text: string, scale: number): number {
  // Unambiguous (no two adjacent digit runs), so a long run of digits cannot make it backtrack.
  const match = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))(?:e([-+]?\d+))?\s*$/i.exec(text);
  if (!match) return Number.NaN;
  const shift = Math.round(Math.log10(scale));
  if (10 ** shift !== scale) return Number(text) / scale;
  return Number(`${match[1]}e${Number(match[2] ?? 0) - shift}`);
}

// Sourced facts (data/facts.csv), as the articles print them.

/** What formatFact needs of a fact (src/lib/facts.ts's Fact has it). */
export interface FactFigure {
  value: number;
  unit: "million" | "per_share" | "fraction" | "multiple" | "count" | "months" | "year" | "tokens";
  currency: "" | Currency;
  qualifier: "exact" | "about" | "over" | "under" | "nearly";
}

const QUALIFIER_PREFIX: Record<FactFigure["qualifier"], string> = {exact: "", about: "≈ ", nearly: "≈ ", over: "> ", under: "< "};
const asPrinted = format(",.6~r");
const percentAsPrinted = format(",.2~%");

/**
 * A sourced figure with its unit and qualifier, at the precision the article gives it (up to six
 * significant figures): "US$1,046.2M", "≈ RMB 191M", "> 85%", "HK$116.20 / share", "1,837.17×",
 * "1,771,600", "37 months", "2027", "1,000,000 tokens".
 */
export function formatFact(fact: FactFigure): string {
  const {value, unit, currency, qualifier} = fact;
  if (!Number.isFinite(value)) return DASH;
  const prefix = QUALIFIER_PREFIX[qualifier] ?? "";
  const money = currency ? PREFIX[currency] : "";
  const body = ((): string => {
    switch (unit) {
      case "million":
        return `${sign(value)}${money}${asPrinted(Math.abs(value))}M`;
      case "per_share":
        return `${formatPerUnit(value, currency || "HKD")} / share`;
      case "fraction":
        return percentAsPrinted(value);
      case "multiple":
        return `${asPrinted(value)}×`;
      case "count":
        return formatCount(value);
      case "months":
        return `${asPrinted(value)} months`;
      case "year":
        return String(value);
      case "tokens":
        return formatCount(value, "tokens");
    }
  })();
  return `${prefix}${body}`;
}

/** "81.2 %" for a probability, finer near 0 and 1 so a small chance does not read as none. */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return "–";
  if (p === 0 || p === 1) return formatPercent(p);
  if (p < 0.001) return "under 0.1%";
  if (p > 0.999) return "over 99.9%";
  return `${(p * 100).toFixed(1)}%`;
}

/**
 * "±0.3%": one standard error, in percentage points, of a share of `paths` paths. At 0% or 100% the
 * standard error is 0, which would claim certainty; there the rule of three says how far the chance
 * can be at 95% confidence (none of n paths: at most 3 ÷ n), e.g. "at most 0.003% at 95% confidence".
 */
export function formatStandardError(e: {p: number; standardError: number}, paths: number): string {
  const bound = ruleOfThreeBound(e, paths);
  if (bound !== null) return e.p === 0 ? `at most ${ruleOfThree(bound)} at 95% confidence` : `at least ${complementPercent(ruleOfThree(1 - bound))} at 95% confidence`;
  return `±${(e.standardError * 100).toFixed(e.standardError < 0.001 ? 2 : 1)}%`;
}

const ruleOfThree = format(".1~p");

/** 100% less a percentage written as "0.003%", to as many decimals: "99.997%". */
function complementPercent(percentText: string): string {
  const decimals = percentText.split(".")[1]?.replace("%", "").length ?? 0;
  return `${(100 - Number.parseFloat(percentText)).toFixed(decimals)}%`;
}

/** "Cash now" → "cash now" inside a sentence; an initialism ("HKD per USD") stays as it is. */
export function lowerFirst(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
