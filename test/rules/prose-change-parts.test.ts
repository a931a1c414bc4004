import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { proseChangeParts } from "../../src/rules/prose-change-parts.js";
import { docFromLines } from "../extract/helpers.js";
import { m, report } from "./helpers.js";

/** A 2019 budget disclosure whose body is `lines` (texts written here, figures made up). */
const run = (lines: string[]) => checkRule(proseChangeParts, report([], { kind: "budget", fiscalYear: 2019 }), docFromLines(["某县农业技术推广中心2019年部门预算", ...lines]));

describe("prose-change-parts", () => {
  it("valid: parts' changes that add up to the total's, in one sentence or one a line", () => {
    expect(run(["支出预算较上年增加210.40万元，主要是基本支出增加60.15万元，项目支出增加150.25万元。"])).toEqual([]);
    expect(
      run([
        "2019年基本支出预算较上年增32.6万元，增幅12%。主要变动原因如下：",
        "1.工资福利支出较上年增30.5万元，增15%。主要原因是：调整工资标准。",
        "2.商品和服务支出较上年减1.2万元。主要原因是：压减办公经费。",
        "3.对个人和家庭的补助较上年(增加)3.3万元。主要原因是：新增退休人员。",
        "(二)项目支出预算收支增减情况",
      ]),
    ).toEqual([]);
  });

  it("valid: a list that is no known complete split, or that a section ends before it is whole, is not judged", () => {
    expect(run(["支出较上年增加80万元，主要是教育支出增加50万元，农林水支出增加10万元。"])).toEqual([]);
    expect(run(["2019年基本支出预算较上年增32.6万元。", "1.工资福利支出较上年增40.5万元。", "(二)项目支出预算收支增减情况", "2.商品和服务支出较上年减1.2万元。"])).toEqual([]);
  });

  it("invalid: economic classes of basic spending whose changes do not make the total's change", () => {
    const f = run([
      "2019年基本支出预算较上年增32.6万元，增幅12%。主要变动原因如下：",
      "1.工资福利支出较上年增40.5万元，增20%。",
      "2.商品和服务支出较上年减1.2万元。",
      "3.对个人和家庭的补助较上年(减少)3.3万元。",
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(360000);
    expect(f[0].actual).toBe(326000);
    expect(f[0].metrics.map((x) => x.key)).toEqual(["expenditure.basic"]);
    expect(f[0].message).toContain("合计增加 36.0万元，相差 3.4万元");
    expect(f[0].evidence[0].quote).toContain("工资福利支出较上年增40.5万元");
  });

  it("invalid: a one-unit gap inside the rounding of the printed changes is information", () => {
    const f = run(["支出预算较2018年减少1302.46万元，主要是基本支出预算减少102.5万元，项目支出预算减少1199.97万元。"]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("info");
    // 支出预算 is the split's bare whole: the department's spending.
    expect(f[0].metrics.map((x) => `${x.key}@${x.year}`)).toEqual(["expenditure.total@2019"]);
  });
});

describe("prose-change-parts: changes against the year before and against the year's budget, side by side", () => {
  /** A 2021 "三公" 决算 说明 whose report states `metrics` (texts written here, figures made up). */
  const final = (lines: string[], zeroOverseas = true) =>
    checkRule(
      proseChangeParts,
      report(zeroOverseas ? [m("three_public.overseas", 2021, "0万元")] : [], { kind: "final-accounts", fiscalYear: 2021 }),
      docFromLines(["某镇人民政府2021年度“三公”经费决算情况说明", ...lines]),
    );

  it("valid: each basis adds up on its own, and a part left out is judged only when it is nothing this year", () => {
    expect(
      final([
        "2021年度“三公”经费较上年减少6.40万元，下降20.13%，较年初预算数减少1.10万元。主要是压减一般性支出。其中：公务用车购置及运行维护费较上年减少4.20万元，较年初预算数减少0.70万元，主要是车辆减少；公务接待费较上年减少2.20万元，较年初预算数减少0.40万元，主要是接待批次减少。",
      ]),
    ).toEqual([]);
    // 因公出国（境）费 not stated as nothing: it may have risen against its budget.
    expect(
      final(["2021年度“三公”经费较年初预算数减少0.50万元。其中：公务用车购置及运行维护费较年初预算数减少0.70万元；公务接待费较年初预算数减少0.40万元。"], false),
    ).toEqual([]);
    // Listed parts that fall by more than the total: the part left out (nothing now) may have fallen by the rest.
    expect(final(["2021年度“三公”经费较年初预算数减少1.50万元。其中：公务用车购置及运行维护费较年初预算数减少0.70万元；公务接待费较年初预算数减少0.40万元。"])).toEqual([]);
  });

  it("invalid: the parts' changes against the budget exceed the total's while the part left out is nothing this year", () => {
    const f = final([
      "2021年度“三公”经费较上年减少6.40万元，下降20.13%，较年初预算数减少0.70万元。主要是压减一般性支出。其中：公务用车购置及运行维护费较上年减少4.20万元，较年初预算数减少0.70万元，主要是车辆减少；公务接待费较上年减少2.20万元，较年初预算数减少0.40万元，主要是接待批次减少。",
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("partsChangeBeyondListed");
    expect(f[0].message).toContain("较年初预算减少 0.70万元");
    expect(f[0].expected).toBe(-11000);
    expect(f[0].metrics.map((x) => `${x.key}@${x.year}`)).toEqual(["three_public.total@2021"]);
  });

  it("invalid: a complete split against the year's budget, each part naming its basis", () => {
    const f = run(["2019年基本支出决算较年初预算增加12.00万元，其中人员经费较年初预算增加9.00万元，公用经费较年初预算增加5.00万元。"]);
    expect(f.map((x) => x.messageId)).toEqual(["partsChangeDiffer"]);
    expect(f[0].message).toContain("较年初预算增加 12.00万元");
  });
});
