import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { changeOfParts } from "../../src/rules/change-of-parts.js";
import { analyzeFile } from "../../src/ingest/pipeline.js";
import { m, report } from "./helpers.js";
import { describeIfExists } from "../helpers/skip.js";

const Y = 2023;
const chg = (key: string, text: string) => m(`${key}.change`, Y, text);

describe("change-of-parts", () => {
  describe("valid", () => {
    it("a total equal to its only part states the same change", () => {
      const r = report([m("income.fiscal", Y, "500.00万元"), m("income.general_budget", Y, "500.00万元"), chg("income.fiscal", "20.00万元"), chg("income.general_budget", "20.00万元")]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("the total's change is the sum of its parts' changes", () => {
      const r = report([
        m("expenditure.total", Y, "1200.00万元"), m("expenditure.basic", Y, "300.00万元"), m("expenditure.project", Y, "900.00万元"),
        chg("expenditure.total", "-50.00万元"), chg("expenditure.basic", "15.00万元"), chg("expenditure.project", "-65.00万元"),
      ]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("a part that is 0 now and stated last year has shrunk by its last-year figure", () => {
      const r = report([
        m("income.fiscal", Y, "500.00万元"), m("income.general_budget", Y, "500.00万元"), m("income.gov_fund", Y, "0万元"),
        m("income.gov_fund", Y - 1, "30.00万元", { restated: true }),
        chg("income.fiscal", "-10.00万元"), chg("income.general_budget", "20.00万元"),
      ]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("a part without a stated change or last-year figure leaves nothing to check", () => {
      const r = report([m("expenditure.total", Y, "1200.00万元"), m("expenditure.basic", Y, "300.00万元"), m("expenditure.project", Y, "900.00万元"), chg("expenditure.total", "-50.00万元"), chg("expenditure.basic", "15.00万元")]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("a stated change its own two figures contradict is left to stated-change", () => {
      const r = report([
        m("income.fiscal", Y, "500.00万元"), m("income.general_budget", Y, "500.00万元"),
        m("income.general_budget", Y - 1, "480.00万元", { restated: true }),
        chg("income.fiscal", "20.00万元"), chg("income.general_budget", "25.00万元"),
      ]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("a gap within the changes' printed rounding is information at most", () => {
      const r = report([
        m("expenditure.total", Y, "1200.00万元"), m("expenditure.basic", Y, "300.00万元"), m("expenditure.project", Y, "900.00万元"),
        chg("expenditure.total", "10.01万元"), chg("expenditure.basic", "5.00万元"), chg("expenditure.project", "5.00万元"),
      ]);
      expect(checkRule(changeOfParts, r).map((f) => f.severity)).toEqual(["info"]);
    });
    it("changes read from the quotes", () => {
      const q1 = "财政拨款收入 500.00 万元，比上年增加 20.00 万元。";
      const q2 = "一般公共预算财政拨款收入 500.00 万元，比上年增加 20.00 万元。";
      const r = report([m("income.fiscal", Y, "500.00万元", { quote: q1 }), m("income.general_budget", Y, "500.00万元", { quote: q2 })]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
  });

  describe("parts stated as unchanged, and parts that are nothing this year", () => {
    // A 三公 paragraph told one part a clause, with 较上年无增减 for the parts that did not change (figures made up).
    const q = "其中：因公出国（境）费0万元，较上年无增减；公务接待费1.20万元，与上年持平；公务用车运行维护费8.00万元，比上年减少2.00万元。";
    const parts = (opChange: string) => [
      m("three_public.overseas", Y, "0万元", { quote: q }),
      m("three_public.reception", Y, "1.20万元", { quote: q }),
      m("three_public.vehicle_operation", Y, "8.00万元", { quote: q }),
      chg("three_public.vehicle_operation", opChange),
    ];
    it("valid: the total's change is the one changed part's; 无增减/持平 parts add nothing", () => {
      const r = report([m("three_public.total", Y, "9.20万元"), chg("three_public.total", "-2.00万元"), ...parts("-2.00万元")]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("valid: a total fallen by more than its parts may owe it to an unstated part now nothing (购置费 bought last year)", () => {
      const r = report([m("three_public.total", Y, "9.20万元"), chg("three_public.total", "-12.00万元"), ...parts("-2.00万元")]);
      expect(checkRule(changeOfParts, r)).toEqual([]);
    });
    it("invalid: a total fallen by less than its parts, which no part now nothing can explain, is an error", () => {
      const r = report([m("three_public.total", Y, "9.20万元"), chg("three_public.total", "-1.00万元"), ...parts("-2.00万元")]);
      const f = checkRule(changeOfParts, r);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].expected).toBe(-20000);
      expect(f[0].actual).toBe(-10000);
      expect(f[0].message).toContain("公务接待费称无增减");
      expect(f[0].message).toContain("公务用车购置费本年为零");
      expect(f[0].metrics.map((x) => x.key)).toContain("three_public.reception.change");
    });
  });

  describe("invalid", () => {
    it("equal figures with different changes: a warning, since a part absent this year may have existed last year", () => {
      const r = report([m("income.fiscal", Y, "500.00万元"), m("income.general_budget", Y, "500.00万元"), chg("income.fiscal", "19.70万元"), chg("income.general_budget", "20.00万元")]);
      const f = checkRule(changeOfParts, r);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message).toContain("同为 500.00 万元");
      expect(f[0].message).toContain("相差 0.30 万元");
      expect(f[0].metrics).toEqual(expect.arrayContaining([{ key: "income.fiscal.change", year: Y }, { key: "income.general_budget.change", year: Y }]));
    });
    it("a total growing more than all its parts together is an error (parts cannot be negative)", () => {
      const r = report([m("income.fiscal", Y, "500.00万元"), m("income.general_budget", Y, "500.00万元"), chg("income.fiscal", "20.30万元"), chg("income.general_budget", "20.00万元")]);
      const f = checkRule(changeOfParts, r);
      expect(f.map((x) => x.severity)).toEqual(["error"]);
      expect(f[0].expected).toBe(200000);
      expect(f[0].actual).toBe(203000);
    });
    it("a total's change that is not the sum of its parts' changes", () => {
      const r = report([
        m("expenditure.total", Y, "1200.00万元"), m("expenditure.basic", Y, "300.00万元"), m("expenditure.project", Y, "900.00万元"),
        chg("expenditure.total", "50.00万元"), chg("expenditure.basic", "20.00万元"), chg("expenditure.project", "20.00万元"),
      ]);
      const f = checkRule(changeOfParts, r);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].message).toContain("合计应增加 40.00 万元");
    });
    it("a budget's income and expenditure totals are equal, so are their changes", () => {
      const ms = [m("income.total", Y, "800.00万元"), m("expenditure.total", Y, "800.00万元"), chg("income.total", "12.00万元"), chg("expenditure.total", "21.00万元")];
      expect(checkRule(changeOfParts, report(ms, { kind: "budget" }))).toHaveLength(1);
      expect(checkRule(changeOfParts, report(ms, { kind: "department" }))).toEqual([]);
    });
  });
});

describe("change-of-parts: parts that come and go", () => {
  it("income equal to 财政拨款 this year says nothing of last year's other income: not checked", () => {
    const r = report([m("income.total", Y, "600.00万元"), m("income.fiscal", Y, "600.00万元"), chg("income.total", "40.00万元"), chg("income.fiscal", "45.00万元")]);
    expect(checkRule(changeOfParts, r)).toEqual([]);
  });
});

const budgets = path.resolve(__dirname, "../../../shared/corpus/budget-pdfs/江苏省人民检察院");

describeIfExists(budgets, "change-of-parts on the shared corpus budget PDFs")("change-of-parts on real budget disclosures", () => {
  it("2018: 财政拨款 and 一般公共预算 print the same figure with two different changes; 2017 and 2019 agree", async () => {
    const f = async (name: string) => checkRule(changeOfParts, await analyzeFile(path.join(budgets, name))).filter((x) => x.severity !== "info");
    const y2018 = await f("2018年省检察院部门预算公开.pdf");
    expect(y2018).toHaveLength(1);
    expect(y2018[0].metrics).toEqual(expect.arrayContaining([{ key: "income.fiscal.change", year: 2018 }, { key: "income.general_budget.change", year: 2018 }]));
    expect(await f("2017年省检察院部门预算.pdf")).toEqual([]);
    expect(await f("2019年度部门预算公开.pdf")).toEqual([]);
  }, 60_000);
});
