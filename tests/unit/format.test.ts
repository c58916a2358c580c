import {describe, expect, it} from "vitest";
import {formatFieldValue, formatMoney, formatMoneyPerMonth, formatMonthYear, formatMonths, formatMultiple, formatPercent, formatPercentFixed, formatPerShare, formatStandardError, fromInputText, moneyColumn, toInputNumber, formatMagnitude} from "../../src/lib/format.ts";
import {applyOverrides, differences} from "../../src/lib/schema.ts";
import {encodeShareLink} from "../../src/lib/shareLink.ts";
import {presets} from "./helpers.ts";

describe("format", () => {
  it("writes money with its currency and scale", () => {
    expect(formatMoney(1046.2, "USD")).toBe("US$1.05B");
    expect(formatMoney(27.9, "USD")).toBe("US$27.9M");
    expect(formatMoneyPerMonth(300, "RMB")).toBe("RMB 300M / month");
    expect(formatMoney(-2100, "HKD")).toBe("−HK$2.1B");
    expect(formatMoney(0, "HKD")).toBe("HK$0");
    expect(formatMoney(-0, "USD")).toBe("US$0");
    expect(formatMoney(57890, "HKD")).toBe("HK$57.9B");
    expect(formatMoney(0.5, "USD")).toBe("US$500K");
    expect(formatMoney(Number.NaN, "USD")).toBe("—");
  });
  it("writes rates, months, dates, multiples and prices", () => {
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(-0.3)).toBe("−30%");
    expect(formatPercent(0.1317)).toBe("13.2%");
    // A table column keeps one decimal in every row, so its points line up.
    expect(formatPercentFixed(1.04)).toBe("104.0%");
    expect(formatPercentFixed(-0.003)).toBe("−0.3%");
    expect(formatPercentFixed(Number.NaN)).toBe("—");
    expect(formatMonths(37.498)).toBe("37.5 months");
    expect(formatMonthYear("2028-11-14")).toBe("Nov 2028");
    expect(formatMonthYear("2027-01")).toBe("Jan 2027");
    expect(formatMultiple(12.345)).toBe("12.3×");
    expect(formatMultiple(null)).toBe("—");
  });
  it("writes per-share values to the cent, and large ones without false precision", () => {
    expect(formatPerShare(345)).toBe("HK$345.00");
    expect(formatPerShare(-4.2, "USD")).toBe("−US$4.20");
    expect(formatPerShare(1291176.48)).toBe("HK$1,291,000");
    expect(formatPerShare(5e9)).toBe("HK$5B");
  });
  it("writes a field's value with its unit", () => {
    expect(formatFieldValue(0.12, "fractionPerYear", "RMB")).toBe("12% a year");
    expect(formatFieldValue(300, "moneyPerMonth", "RMB")).toBe("RMB 300M / month");
    expect(formatFieldValue(131.5, "hkdPerShare", "RMB")).toBe("HK$131.50 / share");
    expect(formatFieldValue("2025-06-30", "date", "RMB")).toBe("30 Jun 2025");
    expect(formatFieldValue(true, "boolean", "USD")).toBe("yes");
  });
  it("puts a whole money column on one scale, named once", () => {
    const small = moneyColumn([12.34, -5, 900], "RMB");
    expect(small.unit).toBe("RMB M");
    expect([12.34, -5, 900].map(small.format)).toEqual(["12.3", "−5.0", "900.0"]);
    const large = moneyColumn([12.34, -25000], "USD");
    expect(large.unit).toBe("US$ B");
    expect([12.34, -25000].map(large.format)).toEqual(["0.01", "−25.00"]);
  });
  it("gives a probability's standard error, and at 0% or 100% (where it is 0) the rule of three's 95% confidence bound", () => {
    expect(formatStandardError({p: 0.8122, standardError: 0.00123}, 100_000)).toBe("±0.1%");
    expect(formatStandardError({p: 0.0007, standardError: 0.00008}, 100_000)).toBe("±0.01%");
    expect(formatStandardError({p: 0, standardError: 0}, 100_000)).toBe("at most 0.003% at 95% confidence");
    expect(formatStandardError({p: 1, standardError: 0}, 100_000)).toBe("at least 99.997% at 95% confidence");
    expect(formatStandardError({p: 0, standardError: 0}, 10_000)).toBe("at most 0.03% at 95% confidence");
    expect(formatStandardError({p: 1, standardError: 0}, 1_000)).toBe("at least 99.7% at 95% confidence");
    expect(formatStandardError({p: 0, standardError: 0}, 3)).toBe("at most 100% at 95% confidence");
  });
});

describe("number boxes", () => {
  it("read typed text by moving the decimal point, exactly", () => {
    expect(fromInputText("174.7", 100)).toBe(1.747);
    expect(fromInputText("-12.5", 100)).toBe(-0.125);
    expect(fromInputText("3", 100)).toBe(0.03);
    expect(fromInputText("1e2", 100)).toBe(1);
    expect(fromInputText("27.9", 1)).toBe(27.9);
    expect(Number.isNaN(fromInputText("12abc", 100))).toBe(true);
    expect(Number.isNaN(fromInputText("", 100))).toBe(true);
  });
  it("show a value without binary noise", () => {
    expect(toInputNumber(1.747, 100)).toBe(174.7);
    expect(toInputNumber(0.07, 100)).toBe(7);
  });
  it("typing a preset's own value back is not a change, and the link stays clean", () => {
    const bull = presets.get("base")!;
    const shown = String(toInputNumber(bull.firms.minimax.growthStart, 100)); // "174.7"
    const {scenario} = applyOverrides(bull, [["minimax.growthStart", fromInputText(shown, 100)]]);
    expect(differences(bull, scenario)).toEqual([]);
    expect(encodeShareLink("base", bull, scenario)).toBe("scenario=base");
  });

});

describe("formatMagnitude", () => {
  it("writes tiny and huge numbers in exponent form with a true minus, the rest like formatNumber", () => {
    expect([2.27e-14, -4.2e-16, 1e-9].map((x) => formatMagnitude(x))).toEqual(["2.27e−14", "−4.2e−16", "1e−9"]);
    expect([0.005, 0, -0.00131].map((x) => formatMagnitude(x))).toEqual(["0.005", "0", "−0.00131"]);
    expect(formatMagnitude(Number.NaN)).toBe("—");
  });
});
