import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

// Invented texts in the shape of a department's performance report that names its budget without a catalogue label.
const metricsOf = (lines: string[]) => Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

describe("a budget and its outlay named only by the rate they make", () => {
  it("the pair whose ratio is the printed rate is the whole-year budget and what was executed", () => {
    const m = metricsOf(["某市档案馆2022年度部门整体支出绩效自评报告", "2022年度某市档案馆批复支出预算420.50万元,实际执行支出预算399.10万元,部门整体预算执行率为94.91%。"]);
    expect(m).toMatchObject({ "budget.adjusted@2022": 4205000, "budget.executed@2022": 3991000, "budget.execution_rate@2022": 94.91 });
  });
  it("is nothing when no pair fits the rate, or when the rate is 100% (any amount told twice fits it)", () => {
    const off = metricsOf(["某市档案馆2022年度部门整体支出绩效自评报告", "2022年度某市档案馆批复支出预算420.50万元,实际执行支出预算380.00万元,部门整体预算执行率为94.91%。"]);
    expect(off["budget.adjusted@2022"]).toBeUndefined();
    const full = metricsOf(["某市档案馆2022年度部门整体支出绩效自评报告", "2022年度某市档案馆批复支出预算420.50万元,实际执行支出预算420.50万元,部门整体预算执行率为100%。"]);
    expect(full["budget.adjusted@2022"]).toBeUndefined();
  });
});

describe("a budget told in a sentence of its own, named only by the outlay's rate", () => {
  const report = (budgetLine: string) =>
    metricsOf(["某县农业农村局关于2022年度项目绩效自评工作的报告", budgetLine, "全年项目执行金额512.40万元,执行率85.12%。"]);
  it("is the whole-year budget when the reported outlay is the rate of it", () => {
    expect(report("2022年预算安排我局专项项目共计40个,财政资金601.97万元。")).toMatchObject({ "budget.adjusted@2022": 6019700, "budget.executed@2022": 5124000 });
  });
  it("is nothing when the amount does not make the rate, or is a part", () => {
    expect(report("2022年预算安排我局专项项目共计40个,财政资金650.00万元。")["budget.adjusted@2022"]).toBeUndefined();
    expect(report("2022年预算安排的项目中,其中省级资金601.97万元。")["budget.adjusted@2022"]).toBeUndefined();
  });
});

