import {describe, expect, it} from "vitest";
import {dateAfterMonths, isIsoDate, monthEnd, monthIndexOf, monthsBetween, yearMonth} from "../../src/lib/dates.ts";

describe("dates", () => {
  it("parses ISO dates strictly", () => {
    expect(isIsoDate("2025-09-30")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false); // not a leap year
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-9-30")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate(20250930)).toBe(false);
  });

  it("counts months as plain numbers", () => {
    const sep2025 = monthIndexOf("2025-09-30");
    expect(yearMonth(sep2025)).toBe("2025-09");
    expect(yearMonth(sep2025 + 4)).toBe("2026-01");
    expect(monthEnd(sep2025 + 5)).toBe("2026-02-28");
  });

  it("places fractional months inside the next month", () => {
    const sep2025 = monthIndexOf("2025-09-30");
    expect(dateAfterMonths(sep2025, 0)).toBe("2025-09-30");
    expect(dateAfterMonths(sep2025, 1)).toBe("2025-10-31");
    // 37.498 months after 30 Sep 2025: 37 month ends on is 31 Oct 2028, then 0.498 × 30 days of November = day 14.
    expect(dateAfterMonths(sep2025, 1046.2 / 27.9)).toBe("2028-11-14");
  });

  it("measures months between dates", () => {
    expect(monthsBetween("2025-09-30", "2025-10-31")).toBeCloseTo(1, 12);
    expect(monthsBetween("2025-09-30", "2025-09-15")).toBeCloseTo(-0.5, 12);
  });
});
