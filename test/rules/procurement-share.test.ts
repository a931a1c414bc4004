import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { procurementShare } from "../../src/rules/procurement-share.js";
import { prosePartsSum } from "../../src/rules/prose-parts-sum.js";
import { docFromLines } from "../extract/helpers.js";
import { report } from "./helpers.js";

/** A 2023 final-accounts disclosure whose body is `lines` (texts written here). */
const doc = (lines: string[]) => docFromLines(["东岭镇农业服务中心2023年度部门决算公开", "八、政府采购支出情况说明", ...lines]);
const r = report([], { kind: "final-accounts", fiscalYear: 2023 });

describe("procurement-share", () => {
  it("valid: SME shares that follow from the amounts the paragraph prints, within rounding", () => {
    const d = doc([
      "2023年度本单位政府采购支出总额128.6万元，其中：政府采购货物支出40.25万元、政府采购工程支出52万元、政府采购服务支出36.35万元。授予中小企业合同金额110.4万元，占政府采购支出总额的85.85%，其中：授予小微企业合同金额92.1万元，占授予中小企业合同金额的83.42%。",
      "本单位预留中小企业采购份额30万元，占采购项目预算的40%。",
    ]);
    expect(checkRule(procurementShare, r, d)).toEqual([]);
    expect(checkRule(prosePartsSum, r, d)).toEqual([]);
  });

  it("invalid: a share that does not follow from the part and the whole printed before it", () => {
    const f = checkRule(procurementShare, r, doc(["2023年度本单位政府采购支出总额128.6万元。授予中小企业合同金额110.4万元，占政府采购支出总额的88.85%，其中：授予小微企业合同金额92.1万元，占授予中小企业合同金额的73.42%。"]));
    expect(f).toHaveLength(2);
    expect(f.map((x) => x.severity)).toEqual(["error", "error"]);
    expect(f[0].actual).toBe(88.85);
    expect(f[0].expected).toBeCloseTo(85.85, 2);
    expect(f[1].message).toContain("授予小微企业合同金额92.1万元");
  });

  it("invalid: 货物 + 工程 + 服务 that do not make the 政府采购 total (prose-parts-sum with the procurement split)", () => {
    const f = checkRule(prosePartsSum, r, doc(["2023年度本单位政府采购支出总额128.6万元，其中：政府采购货物支出40.25万元、政府采购工程支出52万元、政府采购服务支出26.35万元。"]));
    expect(f.map((x) => x.messageId)).toEqual(["partsShortOfTotal"]);
    // Procurement names no canonical metric, though its words hold 支出总额.
    expect(f[0].metrics.map((x) => x.key)).toEqual(["document.claim"]);
    // A list of 货物 and 服务 alone leaves out a zero 工程; 货物 alone is no split.
    expect(checkRule(prosePartsSum, r, doc(["2024年政府采购预算210万元，其中：拟采购货物支出60万元、拟购买服务支出140万元。"])).map((x) => x.messageId)).toEqual(["partsShortOfTotal"]);
    expect(checkRule(prosePartsSum, r, doc(["2024年政府采购预算210万元，其中：拟采购货物支出60万元、拟采购工程支出140万元。"]))).toEqual([]);
  });
});
