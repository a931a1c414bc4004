import { describe, expect, it } from "vitest";
import { looksTraditional, stripPinyinGlosses, toSimplified } from "../../src/document/traditional.js";

describe("Traditional → Simplified", () => {
  it("detects Traditional text and leaves Simplified alone", () => {
    expect(looksTraditional("項目績效自評報告表，填報單位：疾病預防控制中心")).toBe(true);
    expect(looksTraditional("项目绩效自评报告表，填报单位：疾病预防控制中心，严格控制“三公”经费，干部着力")).toBe(false);
    expect(looksTraditional("2023 年")).toBe(false);
  });

  it("converts and drops pinyin glosses sites add after rare characters", () => {
    expect(toSimplified("資金總額及構成")).toBe("资金总额及构成");
    expect(stripPinyinGlosses("繼續(xù)閱讀")).toBe("繼續閱讀");
    expect(stripPinyinGlosses("金额(万元)")).toBe("金额(万元)");
  });
});
