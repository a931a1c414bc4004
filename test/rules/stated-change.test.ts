import { describe, expect, it } from "vitest";
import { checkRule, checkRuleCross } from "../../src/rules/index.js";
import { statedChange } from "../../src/rules/stated-change.js";
import { changesFromQuotes } from "../../src/rules/lib/quote-figures.js";
import { m, report, seedReport } from "./helpers.js";
import { docFromLines } from "../extract/helpers.js";
import { extract } from "../../src/extract/extract.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const Q1 = "一是某某配套资金项目，项目预算资金 674.19 万元，比上年 758.02 万元减少 83.83 万元；";

function project(quote: string, cur: string, prior: string | null) {
  const ms = [m("budget.initial", 2023, cur, { quote })];
  if (prior) ms.push(m("budget.initial", 2022, prior, { quote, restated: true }));
  return report([], { projects: [{ name: "某某配套资金", metrics: ms }] });
}

describe("stated-change", () => {
  describe("reading changes back from quotes", () => {
    it("takes 减少 B after the metric and its prior-year figure, signed", () => {
      const ms = [m("budget.initial", 2023, "674.19万元", { quote: Q1 }), m("budget.initial", 2022, "758.02万元", { quote: Q1, restated: true })];
      const c = changesFromQuotes(ms);
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ key: "budget.initial.change", year: 2023, value: -838300, unit: "元" });
    });
    it("follows the figure into a sentence that opens with the comparison, and a label with no figure of its own", () => {
      const q = "项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少13.22%。";
      const c = changesFromQuotes([m("expenditure.project", 2019, "4335.3万元", { quote: q })]);
      expect(c.map((x) => [x.key, x.value])).toEqual([["expenditure.project.change", -12377000], ["expenditure.project.change_pct", -13.22]]);
      const row = "2021年 35040400.00 12737600.00 22302800.00 2021年度支出合计比上年增加5754100.00元，增长26.12%。";
      const ms = [m("expenditure.total", 2021, "35040400.00元", { quote: row }), m("expenditure.project", 2021, "22302800.00元", { quote: row })];
      expect(changesFromQuotes(ms).map((x) => x.key)).toEqual(["expenditure.total.change", "expenditure.total.change_pct"]);
    });
    it("ignores a change not about the prior year, or after another figure", () => {
      const q = "项目支出 300.00 万元，其中新增项目增加 50.00 万元。";
      expect(changesFromQuotes([m("expenditure.project", 2023, "300.00万元", { quote: q })])).toEqual([]);
      const q2 = "项目支出 300.00 万元，主要用于办公楼维修 120.00 万元，比上年增加 20.00 万元。";
      expect(changesFromQuotes([m("expenditure.project", 2023, "300.00万元", { quote: q2 })])).toEqual([]);
    });
  });

  describe("valid", () => {
    it("the seed's two project changes add up", () => {
      expect(checkRule(statedChange, seedReport())).toEqual([]);
      expect(checkRule(statedChange, project(Q1, "674.19万元", "758.02万元"))).toEqual([]);
    });
    it("a growth rate rounded from the figures", () => {
      const q = "2017 年收入预算总计 9146.79 万元，与上年相比增加 498.72 万元，增长 5.77%。";
      expect(checkRule(statedChange, report([m("income.total", 2017, "9146.79万元", { quote: q })]))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a change that does not match both figures is an error with both numbers", () => {
      const q = "项目预算资金 674.19 万元，比上年 758.02 万元减少 93.83 万元；";
      const f = checkRule(statedChange, project(q, "674.19万元", "758.02万元"));
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].project).toBe("某某配套资金");
      expect(f[0].expected).toBe(-838300);
      expect(f[0].actual).toBe(-938300);
      expect(f[0].message).toContain("按两数计算应为减少 83.83 万元");
    });
    it("增加 where the figures show a decrease", () => {
      const q = "项目预算资金 674.19 万元，比上年 758.02 万元增加 83.83 万元；";
      const f = checkRule(statedChange, project(q, "674.19万元", "758.02万元"));
      expect(f[0].message).toContain("增减方向相反");
    });
    it("a growth rate against the stated change (the prior figure implied)", () => {
      const q = "收入预算总计 21955.35 万元，与上年相比增加 3958.67 万元，增长 21.95%。";
      const f = checkRule(statedChange, report([m("income.total", 2018, "21955.35万元", { quote: q })], { fiscalYear: 2018 }));
      expect(f).toHaveLength(1);
      expect(f[0].metrics).toContainEqual({ key: "income.total.change_pct", year: 2018 });
      expect(f[0].expected).toBeCloseTo(22.0, 1);
    });
    it("a truncated rate, one unit off, is a warning", () => {
      const q = "一般公共预算收入 24169.74 万元，比上年增加 2228.78 万元，增长 10.15%。";
      const f = checkRule(statedChange, report([m("income.general_budget", 2019, "24169.74万元", { quote: q })], { fiscalYear: 2019 }));
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("warning");
    });
  });

  describe("across reports", () => {
    const base = (id: number, year: number, ms: ReturnType<typeof m>[]): ReportWithId => ({ ...report(ms, { fiscalYear: year }), id, departmentId: 7 });
    it("year N+1's change against year N's own figure", () => {
      const q = "本年基本支出 520.00 万元，比上年增加 40.00 万元。";
      const ok = checkRuleCross(statedChange, [base(1, 2022, [m("expenditure.basic", 2022, "480.00万元")]), base(2, 2023, [m("expenditure.basic", 2023, "520.00万元", { quote: q })])]);
      expect(ok).toEqual([]);
      const bad = checkRuleCross(statedChange, [base(1, 2022, [m("expenditure.basic", 2022, "470.00万元")]), base(2, 2023, [m("expenditure.basic", 2023, "520.00万元", { quote: q })])]);
      expect(bad).toHaveLength(1);
      expect(bad[0]).toMatchObject({ reportId: 2, otherReportId: 1, severity: "error" });
      expect(bad[0].evidence.length).toBe(2);
    });
    it("a growth rate already wrong within its own report is reported once, not again across reports", () => {
      // 增加 40.00 implies a prior 480.00, which year N also states; the 10.00% is wrong against both (should be 8.33%).
      const q = "本年基本支出 520.00 万元，比上年增加 40.00 万元，增长 10.00%。";
      const reports = [base(1, 2022, [m("expenditure.basic", 2022, "480.00万元")]), base(2, 2023, [m("expenditure.basic", 2023, "520.00万元", { quote: q })])];
      const inReport = checkRule(statedChange, reports[1]);
      expect(inReport).toHaveLength(1);
      expect(checkRuleCross(statedChange, reports)).toEqual([]);
    });
  });
});

describe("stated changes in quotes: attribution", () => {
  it("a label in an earlier sentence does not take the change", () => {
    const q = "单位预留机动经费预算数为2938.21万元，主要是用于弥补人员经费不足和不可预见事项。与上年相比增加964.35万元，增长48.86%。";
    const ms = [m("expenditure.reserve", 2019, "2938.21万元", { quote: q }), m("expenditure.personnel", 2019, "9467.72万元", { quote: "人员经费9467.72万元。" })];
    expect(changesFromQuotes(ms)).toEqual([]);
  });
});

describe("stated-change: a change the text states by the metric's label, in a paragraph no metric quotes", () => {
  /** A 2021 "三公" 决算 说明: the total in one paragraph (its metric's quote), its change in another. */
  const run = (changeLine: string) =>
    checkRule(
      statedChange,
      report([m("three_public.total", 2021, "8.6万元", { quote: "2021年度“三公”经费决算8.6万元。" })], { kind: "final-accounts", fiscalYear: 2021 }),
      docFromLines(["某镇2021年度“三公”经费决算情况说明", "2021年度“三公”经费决算8.6万元。", changeLine]),
    );

  it("valid: a rate that follows from the total and its stated change; a comparison with the budget is not one with the year before", () => {
    expect(run("经比较，2021年度“三公”经费较上年减少1.4万元，下降14%，较年初预算数减少2.2万元。")).toEqual([]);
    expect(run("经比较，2021年度“三公”经费较年初预算数减少2.2万元，下降20.37%。")).toEqual([]);
  });

  it("invalid: a rate that does not follow from the total and its change is an error; one off by the rounding, information", () => {
    const f = run("经比较，2021年度“三公”经费较上年减少1.4万元，下降19%。");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("应为下降 14.00%");
    const g = run("经比较，2021年度“三公”经费较上年减少1.4万元，下降14.3%。");
    expect(g.map((x) => x.severity)).toEqual(["info"]);
  });
});

describe("stated-change: a 三公 part of two years, its change told in a paragraph of its own", () => {
  /** A 2023 三公 budget page: this year's parts, last year's outturn with its parts, then the changes (texts written here). */
  const run = (changeLine: string) => {
    const doc = docFromLines([
      "某市第五中学2023年“三公”经费预算说明",
      "一、2023年“三公”经费预算安排情况",
      "2023年度“三公”经费预算总计9.60万元,其中:因公出国(境)经费0万元,公务接待2.40万元,公务用车运行费用7.20万元。",
      "二、2022年“三公”经费决算情况",
      "2022年度“三公”经费合计支出8.35万元,其中:因公出国(境)经费0万元,公务接待2.95万元,公务用车运行费用5.40万元。",
      changeLine,
    ]);
    return checkRule(statedChange, extract(doc), doc);
  };

  it("valid: part changes that follow from the two years' parts", () => {
    expect(run("2023年度“三公”经费预算较2022年度增加1.25万元,其中公务接待较上年同期减少0.55万元,减少18.64%。")).toEqual([]);
  });

  it("invalid: a part's change and rate that the two years' parts do not give", () => {
    const f = run("2023年度“三公”经费预算较2022年度增加1.25万元,其中公务接待较上年同期减少0.35万元,减少11.86%。");
    expect(f.map((x) => x.metrics[0].key)).toEqual(["three_public.reception.change", "three_public.reception.change_pct"]);
    expect(f.every((x) => x.severity === "error")).toBe(true);
  });
});

describe("stated-change: a rate against the year's own budget (较年初预算数减少 D，下降 P%)", () => {
  const run = (line: string) =>
    checkRule(
      statedChange,
      report([m("three_public.total", 2021, "12.4万元", { quote: "2021年度“三公”经费决算12.4万元。" })], { kind: "final-accounts", fiscalYear: 2021 }),
      docFromLines(["某镇2021年度“三公”经费决算情况说明", "2021年度“三公”经费决算12.4万元。", line]),
    );

  it("valid: the rate follows from the figure and the change (D ÷ (figure − change))", () => {
    expect(run("经比较，2021年度“三公”经费较年初预算数减少3.6万元，下降22.5%。")).toEqual([]);
    expect(run("经比较，2021年度“三公”经费较年初预算数增加2.4万元，增长24%。")).toEqual([]);
  });

  it("invalid: a rate computed on the figure itself rather than on the budget", () => {
    const f = run("经比较，2021年度“三公”经费较年初预算数减少3.6万元，下降29.03%。");
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("percentVsBudgetDiffers");
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("应为下降 22.50%");
    expect(f[0].metrics.map((x) => x.key)).toContain("three_public.total");
  });
});
