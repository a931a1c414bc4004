/**
 * A project report's own name, then its money with no label between: the year's budget, a weak reading that any
 * labelled budget outranks (texts written here, figures invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { subjectNames } from "../../src/extract/subject-amount.js";
import { docFromLines } from "./helpers.js";

const budget = (lines: string[]) => {
  const r = extract(docFromLines(lines));
  return Object.fromEntries(r.metrics.filter((m) => m.key.startsWith("budget.")).map((m) => [m.key, m.value]));
};

describe("the project's name, then its money", () => {
  it("reads the amount right after the name the title gives (its 支付 ending left off) as the year's budget", () => {
    expect(
      budget(["草原鼠害防治补助资金支付2023年度绩效自评报告", "一、资金情况", "草原鼠害防治补助资金18万元,全部用于牧户补贴,已发放12.6万元。"]),
    ).toEqual({ "budget.adjusted": 180000, "budget.executed": 126000 });
  });
  it("leaves it to a labelled budget, and reads nothing when a label stands between", () => {
    // The section heading keeps the sentence apart from the title, so the name opens it as in the case above.
    expect(budget(["草原鼠害防治补助资金支付2023年度绩效自评报告", "一、资金情况", "草原鼠害防治补助资金18万元。全年预算数20万元。"])).toEqual({ "budget.adjusted": 200000 });
    expect(budget(["草原鼠害防治补助资金支付2023年度绩效自评报告", "一、资金情况", "草原鼠害防治补助资金累计拨付了9万元。"])["budget.adjusted"]).toBeUndefined();
  });
  it("names a project by its title, not by a short or missing name", () => {
    expect(subjectNames("强制扑杀补助资金支付")).toEqual(["强制扑杀补助资金支付", "强制扑杀补助资金"]);
    expect(subjectNames("项目")).toEqual([]);
    expect(subjectNames(null)).toEqual([]);
  });
});
