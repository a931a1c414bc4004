import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { statedCompletion } from "../../src/rules/stated-completion.js";
import { docFromLines } from "../extract/helpers.js";
import { report } from "./helpers.js";

/** A 2023 决算 whose 情况说明 says `lines` (texts written here). */
const run = (...lines: string[]) => checkRule(statedCompletion, report([], { kind: "final-accounts", fiscalYear: 2023 }), docFromLines(["石桥镇人民政府2023年度部门决算", "三、一般公共预算财政拨款支出决算情况说明", ...lines]));

describe("stated-completion", () => {
  it("valid: 完成预算的 P% = 决算 ÷ 预算, within the rounding of the three figures", () => {
    expect(
      run(
        "2023年度一般公共预算财政拨款支出年初预算为1,250.40万元，支出决算为1,187.90万元，完成年初预算的95.00%。",
        "教育支出（类）普通教育（款）小学教育（项）。年初预算为80万元，支出决算为79.6万元，完成年初预算的99.5%。",
        "“三公”经费支出决算为18.6万元，占预算数的93%，预算数为20万元。",
      ),
    ).toEqual([]);
  });

  it("valid: a sentence that does not state both figures is not judged; a change is not the spending", () => {
    expect(run("“三公”经费支出决算35.12万元，完成预算的90.98%。", "年初预算为100万元，比上年增加8万元，完成预算的96%。")).toEqual([]);
  });

  it("invalid: the stated percentage does not follow from the sentence's two amounts", () => {
    const f = run("2023年度一般公共预算财政拨款支出年初预算为1,250.40万元，支出决算为1,187.90万元，完成年初预算的105.26%。");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBeCloseTo(95.0016, 3);
    expect(f[0].actual).toBe(105.26);
    expect(f[0].message).toContain("95.00%");
  });

  it("a percentage one unit off its last digit is a warning, not an error", () => {
    const f = run("年初预算为80.00万元，支出决算为79.60万元，完成年初预算的99.4%。");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
  });
});

describe("stated-completion: a rate named for money after its two amounts", () => {
  /** A 2023 project self-evaluation whose body is `lines` (texts written here). */
  const project = (...lines: string[]) => checkRule(statedCompletion, report([], { kind: "project", fiscalYear: 2023 }), docFromLines(["青山村饮水安全巩固提升项目绩效自评报告", ...lines]));

  it("valid: 执行率/使用率/完成率 that follow from the budget and the spending of their claim", () => {
    expect(
      project(
        "项目下达资金64.5万元，截至2023年12月31日已支付58.05万元，资金执行率90%。",
        "一是管网维修经费合计12万元，已于年内支出12万元，预算完成率100%；二是水质检测经费8.4万元，全年使用7.56万元，使用率90%。",
        "项目资金36万元，已拨付30万元，支出28.8万元，执行率80%。",
        "项目结余用于水源保护经费合计6万元，已全部支出6万元，预算完成率100%。",
      ),
    ).toEqual([]);
  });

  it("invalid: a rate its own two figures do not give, filed under the execution rate", () => {
    const f = project("项目下达资金64.5万元，截至2023年12月31日已支付58.05万元，资金执行率95%。");
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("namedRateDiffers");
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBeCloseTo(90, 3);
    expect(f[0].metrics.map((x) => x.key)).toEqual(["budget.execution_rate"]);
    expect(f[0].message).toContain("资金执行率 95%");
    // One part of a list of parts: each item's rate against its own two figures.
    const g = project("一是管网维修经费合计12万元，已于年内支出12万元，预算完成率100%；二是水质检测经费8.4万元，全年使用7.56万元，使用率98%。");
    expect(g.map((x) => x.actual)).toEqual([98]);
  });
});
