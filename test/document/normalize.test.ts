import { describe, expect, it } from "vitest";
import { foldWidth, normalizeText } from "../../src/document/normalize.js";
import { detectHeading, matchNumbering } from "../../src/document/headings.js";

describe("normalizeText", () => {
  it("reads the over-equal comparison signs CJK input offers (≧ ≦) as ≥ ≤", () => {
    expect(normalizeText("满意度≧90%")).toBe("满意度≥90%");
    expect(normalizeText("成本≦12万元")).toBe("成本≤12万元");
  });

  it("leaves text with nothing to fold and no whitespace as it is", () => {
    expect(normalizeText("部门整体支出")).toBe("部门整体支出");
    expect(normalizeText("1,234.56万元")).toBe("1,234.56万元");
    expect(normalizeText("")).toBe("");
  });

  it("folds full-width figures and drops the spaces justified CJK text and spaced digits leave", () => {
    expect(normalizeText("１２３．４５％")).toBe("123.45%");
    expect(normalizeText("江 苏 省")).toBe("江苏省");
    expect(normalizeText("1 , 2 3 4 . 5 6 万元")).toBe("1,234.56万元");
    expect(normalizeText("共 3 项，2 0 1 9 年")).toBe("共3项，2019年");
    expect(normalizeText("预算\t\t 100 万元")).toBe("预算100万元");
    expect(normalizeText("合计：\u30001,234.00")).toBe("合计：1,234.00");
    // A space before a percent sign is not between a figure and CJK text: it stays.
    expect(normalizeText("  增长 21.95 %  ")).toBe("增长21.95 %");
  });

  it("treats every kind of space the same, trims the ends and drops carriage returns", () => {
    expect(normalizeText("\u3000\u3000一、概况")).toBe("一、概况");
    expect(normalizeText("a\u200bb")).toBe("a b");
    expect(normalizeText("\ufeff标题")).toBe("标题");
    expect(normalizeText("x\r\ny")).toBe("x\ny");
  });

  it("folds width by code point and keeps characters outside the BMP", () => {
    expect(foldWidth("ＡＢ😀１－／\u3000ｚ")).toBe("AB😀1-/ z");
    expect(foldWidth("（一）")).toBe("（一）");
  });
});

describe("heading numbering", () => {
  it("recognises each numbering style and nothing that merely starts like one", () => {
    expect(matchNumbering("一、部门概况")?.level).toBe(1);
    expect(matchNumbering("（二）项目情况")?.level).toBe(2);
    expect(matchNumbering("3.绩效目标")?.level).toBe(3);
    expect(matchNumbering("(4)资金使用")?.level).toBe(4);
    expect(matchNumbering("⑤其他")?.level).toBe(5);
    expect(matchNumbering("部门概况")).toBeNull();
    expect(matchNumbering("")).toBeNull();
    expect(detectHeading("1.5万元用于设备购置")).toBeNull();
    expect(detectHeading("（四）部门整体支出情况。本中心全年支出")?.title).toBe("部门整体支出情况");
  });
});
