import { describe, expect, it } from "vitest";
import { builtinFormat, formatCellNumber, generalNumber } from "../../src/formats/cell-format.js";

describe("formatCellNumber: a number as its cell displays it", () => {
  it("applies fixed decimals, thousands separators and percent", () => {
    expect(formatCellNumber(512.6, "0.00")).toBe("512.60");
    expect(formatCellNumber(0.9722, "0.00%")).toBe("97.22%");
    expect(formatCellNumber(0.865, "0.0%")).toBe("86.5%");
    expect(formatCellNumber(1, "0%")).toBe("100%");
    expect(formatCellNumber(12345678.9, "#,##0.00")).toBe("12,345,678.90");
    expect(formatCellNumber(1234567.4, "#,##0")).toBe("1,234,567");
    expect(formatCellNumber(-1234.5, "#,##0.00_ ;[Red]-#,##0.00 ")).toBe("-1,234.50");
    expect(formatCellNumber(12.3, '0.00"万元"')).toBe("12.30万元");
  });

  it("rounds as Excel does, so binary float noise never shows", () => {
    expect(formatCellNumber(498.34999999999997, "0.00")).toBe("498.35");
    expect(formatCellNumber(1.005, "0.00")).toBe("1.01");
    expect(formatCellNumber(0.97220054623488, "0.00%")).toBe("97.22%");
  });

  it("prints General at 15 significant digits: noise gone, every digit of an amount in 元 kept", () => {
    expect(formatCellNumber(498.34999999999997, null)).toBe("498.35");
    expect(formatCellNumber(449.99999999999994, "General")).toBe("450");
    expect(formatCellNumber(0.1 + 0.2, "G/通用格式")).toBe("0.3");
    expect(formatCellNumber(1234567890.12, null)).toBe("1234567890.12");
    expect(formatCellNumber(-0, null)).toBe("0");
    expect(formatCellNumber(12, "@")).toBe("12");
    expect(generalNumber(10)).toBe("10");
  });

  it("renders dates in Chinese and built-in formats, in either date system", () => {
    expect(formatCellNumber(44936, 'yyyy"年"m"月"d"日"')).toBe("2023年1月10日");
    expect(formatCellNumber(44936, "yyyy\\年m\\月d\\日")).toBe("2023年1月10日");
    expect(formatCellNumber(44936, builtinFormat(14))).toBe("2023/1/10");
    // 1904 system: the same day is 1462 smaller.
    expect(formatCellNumber(44936 - 1462, "yyyy-mm-dd", true)).toBe("2023-01-10");
    expect(formatCellNumber(44936 - 1462, "0.00", true)).toBe("43474.00");
  });

  it("falls back to the number when a format code cannot be read or a date is out of range", () => {
    expect(formatCellNumber(12.5, "0.00[[[")).toBe("12.5");
    expect(formatCellNumber(-5, "yyyy-mm-dd")).toBe("-5");
  });

  it("maps built-in format ids as a Chinese Excel shows them", () => {
    expect(builtinFormat(0)).toBeNull();
    expect(builtinFormat(2)).toBe("0.00");
    expect(builtinFormat(4)).toBe("#,##0.00");
    expect(builtinFormat(10)).toBe("0.00%");
    expect(builtinFormat(14)).toBe("yyyy/m/d");
  });
});
