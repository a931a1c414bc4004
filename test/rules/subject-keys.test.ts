import { describe, expect, it } from "vitest";
import { subjectKeys, subjectRefs } from "../../src/rules/lib/subject-keys.js";
import { checkRule } from "../../src/rules/index.js";
import { sameItemTwoAmounts } from "../../src/rules/same-item-two-amounts.js";
import { directionWord } from "../../src/rules/direction-word.js";
import { docFromLines } from "../extract/helpers.js";
import { report } from "./helpers.js";

describe("subject-keys: the canonical metric a prose claim's subject names", () => {
  it("binds catalogue labels and the claim-subject words, per report kind", () => {
    expect(subjectKeys("2023年本年收入合计", "budget")).toEqual(["income.total"]);
    expect(subjectKeys("一般公共预算基本支出", "budget")).toEqual(["expenditure.basic"]);
    expect(subjectKeys("公务接待费", "final-accounts")).toEqual(["three_public.reception"]);
    expect(subjectKeys("河道清淤工程项目资金总预算为", "project")).toEqual(["budget.initial", "budget.adjusted"]);
    // A disclosure's 资金总额 is no self-evaluation budget.
    expect(subjectKeys("资金总额", "budget")).toEqual([]);
  });

  it("leaves a subject that names no canonical metric a document claim, and an exact subject whole", () => {
    expect(subjectRefs("农村道路建设", 2023, "budget")).toEqual([{ key: "document.claim", year: 2023 }]);
    expect(subjectKeys("机关事业单位基本养老保险缴费支出", "budget", { exact: true })).toEqual([]);
    expect(subjectKeys("基本支出", "budget", { exact: true })).toEqual(["expenditure.basic"]);
  });

  it("files prose findings under the metric their subject names", () => {
    const r = report([], { kind: "final-accounts", fiscalYear: 2023 });
    const two = checkRule(sameItemTwoAmounts, r, docFromLines(["青石乡卫生院2023年部门决算公开", "2023年“三公”经费支出中，公务接待费2.35万元，主要用于上级检查接待，公务接待费3.35万元。"]));
    expect(two.map((f) => f.metrics.map((x) => x.key))).toEqual([["three_public.reception"]]);
    const dir = checkRule(directionWord, r, docFromLines(["青石乡卫生院2023年部门决算公开", "2023年基本支出186.4万元，比2022年的201.3万元增加14.9万元。", "2023年乡村医生培训支出12.6万元，比2022年的10.2万元减少2.4万元。"]));
    expect(dir.map((f) => f.metrics.map((x) => x.key))).toEqual([["expenditure.basic"], ["document.claim"]]);
  });

  it("files a claim about a member of a known split under the whole its sentence gives its share of", () => {
    // 商品和服务支出 is a 经济分类 class of 基本支出: a claim that states its share of 基本支出 is about the basic spending.
    expect(subjectKeys("商品和服务支出预算", "budget", { sentence: "商品和服务支出预算 64000 元，占基本支出预算 5.20%，同比增加 4000 元。" })).toEqual(["expenditure.basic"]);
    expect(subjectKeys("2.对个人和家庭的补助支出", "final-accounts", { sentence: "2.对个人和家庭的补助支出 18.5 万元，占基本支出的 3.1%。" })).toEqual(["expenditure.basic"]);
    // Without the share, or with the share of another whole, it stays a document claim.
    expect(subjectKeys("商品和服务支出预算", "budget", { sentence: "商品和服务支出预算 64000 元，同比增加 4000 元。" })).toEqual([]);
    expect(subjectKeys("商品和服务支出", "budget", { sentence: "商品和服务支出 64000 元，占项目支出的 12.00%。" })).toEqual([]);
    const r = report([], { kind: "budget", fiscalYear: 2024 });
    const dir = checkRule(directionWord, r, docFromLines(["南溪镇文化站2024年单位预算", "商品和服务支出预算 64000 元，占基本支出预算 5.20%，同比增加 44000 元，增长 12.00%。"]));
    expect(dir.map((f) => f.metrics.map((x) => x.key))).toEqual([["expenditure.basic"]]);
  });
});
