import { describe, expect, it } from "vitest";
import { parseAmount, formatWan } from "../../src/extract/amount.js";
import { scanFigures } from "../../src/extract/figures.js";

describe("parseAmount", () => {
  const cases: Array<[string, number, string, number, number]> = [
    // text, base value, base unit, decimals, scale
    ["12222.51万元", 122225100, "元", 2, 10000],
    ["1,234.56 万元", 12345600, "元", 2, 10000],
    ["12,345.678万元", 123456780, "元", 3, 10000],
    ["1.2亿元", 120000000, "元", 1, 100000000],
    ["769.60元", 769.6, "元", 2, 1],
    ["43.104万元", 431040, "元", 3, 10000],
    ["70.183715万元", 701837.15, "元", 6, 10000],
    ["１２３．４５万元", 1234500, "元", 2, 10000],
    ["一千二百万元", 12000000, "元", 0, 10000],
    ["三万元", 30000, "元", 0, 10000],
    ["95.45%", 95.45, "%", 2, 1],
    ["0.0738‰", 0.01, "%", 4, 0.1],
    ["20人", 20, "人", 0, 1],
    ["99.40分", 99.4, "分", 2, 1],
    ["21辆", 21, "辆", 0, 1],
  ];
  for (const [text, value, base, decimals, scale] of cases) {
    it(`parses ${text}`, () => {
      const a = parseAmount(text)!;
      expect(a.value).toBe(value);
      expect(a.base).toBe(base);
      expect(a.decimals).toBe(decimals);
      expect(a.scale).toBeCloseTo(scale);
    });
  }
  it("keeps exact hundredths where floats would drift", () => {
    const parts = ["488.21万元", "11734.29万元"].map((t) => parseAmount(t)!.hundredths);
    expect(parts[0] + parts[1]).toBe(12222500000n);
    expect(formatWan(parseAmount("12222.51万元")!.hundredths)).toBe("12222.51");
  });
  it("applies a table's declared unit to bare numbers", () => {
    expect(parseAmount("238.93", "万元")!.value).toBe(2389300);
    expect(parseAmount("238.93")!.kind).toBe("plain");
  });
  it("rejects what is not one amount", () => {
    expect(parseAmount("约100万元以上")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
  });
});

describe("scanFigures", () => {
  it("signs changes from 增加/减少 and the 增加（减少） template", () => {
    const hits = scanFigures("比上年758.02万元减少83.83万元，增长7.07%，增加（减少）-5.20万元");
    expect(hits.map((h) => [h.text, h.change])).toEqual([
      ["758.02万元", null],
      ["83.83万元", "down"],
      ["7.07%", "up"],
      ["-5.20万元", "down"],
    ]);
  });
  it("skips years and dates, keeps percentage points and counts", () => {
    const hits = scanFigures("2023年12月31日，提高0.3个百分点，参保1518人");
    expect(hits.map((h) => [h.text, h.amount.kind])).toEqual([
      ["0.3个百分点", "points"],
      ["1518人", "count"],
    ]);
  });
  it("does not read 万 of 万元 as a Chinese numeral", () => {
    expect(scanFigures("下达资金75.96万元").map((h) => h.amount.value)).toEqual([759600]);
  });
});

describe("a space after the decimal point", () => {
  it("joins the figure when a money or percent unit follows", () => {
    expect(scanFigures("预算35. 3万元，成灾率2. 5%").map((h) => [h.text, h.amount.kind, h.amount.value])).toEqual([
      ["35. 3万元", "money", 353000],
      ["2. 5%", "percent", 2.5],
    ]);
    expect(scanFigures("见第1. 2条").map((h) => h.amount.value)).toEqual([1, 2]);
  });
});
