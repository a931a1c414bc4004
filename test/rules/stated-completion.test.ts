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
