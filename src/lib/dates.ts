// Calendar arithmetic on whole months, in UTC. A "month index" counts months since year 0
// (index = year * 12 + month0), which makes "n months after" plain addition.

export type IsoDate = string; // "YYYY-MM-DD"
export type YearMonth = string; // "YYYY-MM"

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" strictly (the day must exist in that month); null when invalid. */
export function parseIsoDate(text: string): {year: number; month: number; day: number} | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return {year, month, day};
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === "string" && parseIsoDate(text) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const monthIndexCache = new Map<string, number>();

/** The month index of an ISO date (the day is ignored). Cached: solvers ask for the same few dates. */
export function monthIndexOf(date: IsoDate): number {
  let index = monthIndexCache.get(date);
  if (index === undefined) {
    const parsed = parseIsoDate(date);
    if (!parsed) throw new Error(`not an ISO date: ${date}`);
    index = parsed.year * 12 + parsed.month - 1;
    if (monthIndexCache.size > 1000) monthIndexCache.clear();
    monthIndexCache.set(date, index);
  }
  return index;
}

export function yearOfMonthIndex(index: number): number {
  return Math.floor(index / 12);
}

/** "YYYY-MM" for a month index. */
export function yearMonth(index: number): YearMonth {
  const year = yearOfMonthIndex(index);
  const month = index - year * 12 + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The last day of the month with this index, as an ISO date. */
export function monthEnd(index: number): IsoDate {
  const year = yearOfMonthIndex(index);
  const month = index - year * 12 + 1;
  return `${yearMonth(index)}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

/**
 * The date a fractional number of months after the end of month `index`:
 * whole months step from month end to month end, the fraction is a share of the next month's days.
 */
export function dateAfterMonths(index: number, months: number): IsoDate {
  const whole = Math.floor(months);
  const next = index + whole + 1;
  const year = yearOfMonthIndex(next);
  const month = next - year * 12 + 1;
  const day = Math.floor((months - whole) * daysInMonth(year, month));
  if (day === 0) return monthEnd(index + whole);
  return `${yearMonth(next)}-${String(day).padStart(2, "0")}`;
}

/** Whole and fractional months from one ISO date to another (negative when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new Error(`not ISO dates: ${from}, ${to}`);
  const fraction = (d: {year: number; month: number; day: number}) => d.day / daysInMonth(d.year, d.month);
  return b.year * 12 + b.month - (a.year * 12 + a.month) + fraction(b) - fraction(a);
}
