import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { sumOfParts } from "../../src/rules/sum-of-parts.js";
import { m, report, seedReport } from "./helpers.js";

const run = (ms: ReturnType<typeof m>[], extra = {}) => checkRule(sumOfParts, report(ms, extra));

describe("sum-of-parts", () => {
  describe("valid", () => {
    it("exact sums of every relation", () => {
      expect(
        run([
          m("expenditure.total", 2023, "12565.28万元"),
          m("expenditure.basic", 2023, "474.48万元"),
          m("expenditure.project", 2023, "12090.80万元"),
          m("expenditure.personnel", 2023, "400.00万元"),
          m("expenditure.public", 2023, "74.48万元"),
          m("three_public.total", 2023, "2.65万元"),
          m("three_public.reception", 2023, "0.65万元"),
          m("three_public.overseas", 2023, "0万元"),
          m("three_public.vehicle", 2023, "2万元"),
          m("three_public.vehicle_purchase", 2023, "0万元"),
          m("three_public.vehicle_operation", 2023, "2万元"),
          m("income.fiscal", 2023, "12519.02万元"),
          m("income.general_budget", 2023, "12519.02万元"),
          m("income.gov_fund", 2023, "0万元"),
          m("income.state_capital", 2023, "0万元"),
        ]),
      ).toEqual([]);
    });
    it("an absent part is not zero: a total above its stated parts is fine when parts may be a subset", () => {
      expect(run([m("three_public.total", 2023, "2.65万元"), m("three_public.reception", 2023, "0.65万元"), m("three_public.vehicle_operation", 2023, "1万元")])).toEqual([]);
      expect(run([m("income.total", 2023, "100.00万元"), m("income.general_budget", 2023, "60.00万元")])).toEqual([]);
    });
    it("parts in 元 under a total in 万元, and the carry-over counted or not", () => {
      expect(run([m("expenditure.total", 2023, "70.183715万元"), m("expenditure.basic", 2023, "686837.15元"), m("expenditure.project", 2023, "15000元")])).toEqual([]);
      expect(
        run([
          m("income.total", 2023, "110.00万元"),
          m("income.carryover", 2023, "10.00万元"),
          m("income.general_budget", 2023, "90.00万元"),
          m("income.other", 2023, "10.00万元"),
        ]),
      ).toEqual([]);
    });
    it("a 其他收入 catch-all does not complete a list whose text names a source that was not read", () => {
      // The total's list goes on past the parts read (a source with a mistyped label): the parts read are not all of it.
      const q = "本年收入合计300.50万元，其中：财政拨款收入250.20万元，占83.26%；甲政府性基金拨款30.10万元，占10.02%；其他收入20.20万元。";
      expect(
        run([
          m("income.total", 2023, "300.50万元", { quote: q }),
          m("income.general_budget", 2023, "250.20万元", { quote: q }),
          m("income.other", 2023, "20.20万元", { quote: "；甲政府性基金拨款30.10万元，占10.02%；其他收入20.20万元。" }),
        ]),
      ).toEqual([]);
    });
    it("a budget's 支出合计 may include 单位预留机动经费 that has no key", () => {
      expect(run([m("expenditure.total", 2017, "17996.68万元"), m("expenditure.basic", 2017, "12323.48万元"), m("expenditure.project", 2017, "5533.00万元")], { kind: "budget", fiscalYear: 2017 })).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the seed's 0.01 万元 gap is rounding: info, with the Chinese message", () => {
      const f = checkRule(sumOfParts, seedReport());
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("info");
      expect(f[0].message).toBe(
        "2023 年基本支出 488.21 万元 + 项目支出 11734.29 万元 = 12222.50 万元，与总支出 12222.51 万元相差 0.01 万元（在四舍五入范围内）",
      );
      expect(f[0].expected).toBe(122225000);
      expect(f[0].actual).toBe(122225100);
      expect(f[0].tolerance).toBe(150);
      expect(f[0].evidence).toHaveLength(3);
    });
    it("a broken expenditure sum is an error naming total and parts", () => {
      const f = run([m("expenditure.total", 2023, "12222.51万元"), m("expenditure.basic", 2023, "488.21万元"), m("expenditure.project", 2023, "11634.29万元")]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].metrics.map((x) => x.key).sort()).toEqual(["expenditure.basic", "expenditure.project", "expenditure.total"]);
    });
    it("parts exceeding their total, even with a part absent", () => {
      const f = run([m("three_public.total", 2023, "2.65万元"), m("three_public.reception", 2023, "1.65万元"), m("three_public.vehicle_operation", 2023, "2万元")]);
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain("超过");
    });
    it("income parts evidently complete (the same parts add up in the other year) and short of the total", () => {
      const f = run([
        m("income.total", 2023, "12322.51万元"),
        m("income.general_budget", 2023, "12222.51万元"),
        m("income.gov_fund", 2023, "0万元"),
        m("income.total", 2022, "12565.28万元", { restated: true }),
        m("income.general_budget", 2022, "12519.02万元", { restated: true }),
        m("income.gov_fund", 2022, "46.26万元", { restated: true }),
      ]);
      expect(f).toHaveLength(1);
      expect(f[0].metrics).toContainEqual({ key: "income.total", year: 2023 });
    });
    it("a listing that ends with 其他收入 is complete", () => {
      const f = run([m("income.total", 2023, "120.00万元"), m("income.general_budget", 2023, "90.00万元"), m("income.other", 2023, "10.00万元")]);
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
    });
    it("off by one more unit than rounding explains is a warning", () => {
      const f = run([m("three_public.vehicle", 2023, "2.00万元"), m("three_public.vehicle_purchase", 2023, "0.50万元"), m("three_public.vehicle_operation", 2023, "1.48万元")]);
      expect(f[0].severity).toBe("warning");
    });
    it("a total above parts that may be a subset by no more than their rounding: info, not silence", () => {
      // No part left unstated is worth less than half a printed unit: the gap is the parts' rounding.
      const f = run([m("expenditure.total", 2024, "3605.42万元"), m("expenditure.basic", 2024, "2011.35万元"), m("expenditure.project", 2024, "1594.06万元")], { kind: "budget", fiscalYear: 2024 });
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("info");
      expect(f[0].message).toContain("相差 0.01 万元（在四舍五入范围内）");
      // Further off, the parts may be a subset: nothing.
      expect(run([m("expenditure.total", 2024, "3605.52万元"), m("expenditure.basic", 2024, "2011.35万元"), m("expenditure.project", 2024, "1594.06万元")], { kind: "budget", fiscalYear: 2024 })).toEqual([]);
    });
    it("the carry-over that closes a one-sided income sum to its rounding is taken, and the gap told as info", () => {
      const f = run([
        m("income.total", 2021, "640.27万元"),
        m("income.general_budget", 2021, "401.15万元"),
        m("income.superior", 2021, "12.06万元"),
        m("income.carryover", 2021, "227.05万元"),
      ], { kind: "final-accounts", fiscalYear: 2021 });
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("info");
      expect(f[0].metrics.map((x) => x.key)).toContain("income.carryover");
    });
    it("leaves a 元/万元 slip to unit-slip", () => {
      expect(run([m("expenditure.total", 2023, "500.00万元"), m("expenditure.basic", 2023, "100.00元"), m("expenditure.project", 2023, "400.00万元")])).toEqual([]);
    });
  });
});
