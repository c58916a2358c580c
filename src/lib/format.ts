// Numbers as people read them, always with their unit (d3-format, d3-time-format).
import {format, utcFormat, utcParse} from "d3";
import type {Currency} from "./schema.js";

const PREFIX: Record<Currency, string> = {USD: "US$", HKD: "HK$", RMB: "RMB "};
const threeSignificant = format(",.3~r");
const MINUS = "\u2212";

export function currencyPrefix(currency: Currency): string {
  return PREFIX[currency];
}

/** Millions of a currency: "US$1.05B", "RMB 300M", "−HK$2.1B". */
export function formatMoney(millions: number, currency: Currency): string {
  if (!Number.isFinite(millions)) return "—";
  const sign = millions < 0 ? MINUS : "";
  const abs = Math.abs(millions);
  const body = abs >= 1000 ? `${threeSignificant(abs / 1000)}B` : `${threeSignificant(abs)}M`;
  return `${sign}${PREFIX[currency]}${body}`;
}

export function formatMoneyPerMonth(millions: number, currency: Currency): string {
  return `${formatMoney(millions, currency)} / month`;
}

/** A price per share: "HK$345.00". */
export function formatPrice(value: number, currency: Currency = "HKD"): string {
  if (!Number.isFinite(value)) return "—";
  return `${value < 0 ? MINUS : ""}${PREFIX[currency]}${format(",.2f")(Math.abs(value))}`;
}

const percent = format(".1~%");
/** A fraction as a percentage: 0.8 → "80%", −0.3 → "−30%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? percent(fraction) : "—";
}

export function formatPercentPerYear(fraction: number): string {
  return `${formatPercent(fraction)} a year`;
}

export function formatMonths(months: number): string {
  return Number.isFinite(months) ? `${format(".1f")(months)} months` : "—";
}

export function formatYears(years: number): string {
  return `${format(".1~f")(years)} ${years === 1 ? "year" : "years"}`;
}

const parseIso = utcParse("%Y-%m-%d");
const parseYearMonth = utcParse("%Y-%m");
const monthYear = utcFormat("%b %Y");

/** "2028-11-14" or "2028-11" → "Nov 2028". */
export function formatMonthYear(date: string): string {
  const parsed = parseIso(date) ?? parseYearMonth(date);
  return parsed ? monthYear(parsed) : "—";
}

export function formatNumber(value: number, digits = 3): string {
  return Number.isFinite(value) ? format(`,.${digits}~r`)(value) : "—";
}
