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
