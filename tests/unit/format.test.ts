import {describe, expect, it} from "vitest";
import {formatMoney, formatMoneyPerMonth, formatMonthYear, formatMonths, formatPercent, formatPerShare} from "../../src/lib/format.ts";

describe("format", () => {
  it("writes money with its currency and scale", () => {
    expect(formatMoney(1046.2, "USD")).toBe("US$1.05B");
    expect(formatMoney(27.9, "USD")).toBe("US$27.9M");
    expect(formatMoneyPerMonth(300, "RMB")).toBe("RMB 300M / month");
    expect(formatMoney(-2100, "HKD")).toBe("−HK$2.1B");
    expect(formatMoney(57890, "HKD")).toBe("HK$57.9B");
    expect(formatMoney(Number.NaN, "USD")).toBe("—");
  });
  it("writes rates, months, dates and prices", () => {
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(-0.3)).toBe("−30%");
    expect(formatPercent(0.1317)).toBe("13.2%");
    expect(formatMonths(37.498)).toBe("37.5 months");
    expect(formatMonthYear("2028-11-14")).toBe("Nov 2028");
    expect(formatMonthYear("2027-01")).toBe("Jan 2027");
    expect(formatPerShare(345)).toBe("HK$345.00");
  });
});
