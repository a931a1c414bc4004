import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { proseSharesSum } from "../../src/rules/prose-shares-sum.js";
import { docFromLines } from "../extract/helpers.js";
import { report } from "./helpers.js";

/** A 2024 unit budget whose body is `lines` (texts written here, figures made up). */
const run = (lines: string[]) => checkRule(proseSharesSum, report([], { kind: "budget", fiscalYear: 2024 }), docFromLines(["某县文化馆2024年单位预算", ...lines]));

describe("prose-shares-sum", () => {
  it("valid: shares of one whole by its parts that add up to 100 %, or to less for a subset, within rounding", () => {
    expect(
      run([
        "1.基本支出预算1530200.50元，占一般公共预算支出的90.12%，同比减少2300元。其中：",
        "工资福利支出预算1200100.25元，占基本支出预算78.43%。",
        "商品和服务支出预算300100.25元，占基本支出预算19.61%。",
        "对个人和家庭补助支出预算30000元，占基本支出预算1.96%。",
        "2.项目支出167700元，占一般公共预算支出的9.88%。",
      ]),
    ).toEqual([]);
    // Two of the three economic classes, one unit over from rounding (50.01 + 50.00).
    expect(run(["工资福利支出预算500.10元，占基本支出预算50.01%。", "商品和服务支出预算500元，占基本支出预算50.00%。"])).toEqual([]);
  });

  it("valid: shares of different wholes, of parts outside a known split, or told far apart are not added", () => {
    expect(run(["基本支出预算900元，占一般公共预算支出的90%。", "项目支出100元，占政府性基金支出的40%。"])).toEqual([]);
    expect(run(["教育支出60万元，占一般公共预算支出的60%。", "卫生健康支出50万元，占一般公共预算支出的50%。"])).toEqual([]);
  });

  it("invalid: basic and project spending shares of one whole adding up past 100 % is an error naming both", () => {
    const f = run(["1.基本支出预算1530200.50元，占一般公共预算支出的90.12%，同比减少2300元。", "2.项目支出167700元，占一般公共预算支出的12.88%，同比增加1000元。"]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].messageId).toBe("wholeSplitExceeds");
    expect(f[0].actual).toBeCloseTo(103, 6);
    expect(f[0].message).toContain("基本支出预算 90.12% + 项目支出 12.88% = 103.00%");
    expect(f[0].metrics.map((x) => x.key).sort()).toEqual(["expenditure.basic", "expenditure.project"]);
  });

  it("invalid: a subset of the economic classes already past 100 %", () => {
    const f = run(["工资福利支出预算800元，占基本支出预算80.00%。", "商品和服务支出预算300元，占基本支出预算30.00%。"]);
    expect(f.map((x) => x.messageId)).toEqual(["sharesExceedWhole"]);
  });
});
