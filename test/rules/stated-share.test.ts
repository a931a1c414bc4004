import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { statedShare } from "../../src/rules/stated-share.js";
import { sharesFromQuotes } from "../../src/rules/lib/quote-figures.js";
import { m, report } from "./helpers.js";

const Y = 2023;

function threePublic(sentence: string) {
  return report([
    m("three_public.total", Y, "50.00万元"),
    m("three_public.overseas", Y, "5.00万元", { quote: sentence }),
    m("three_public.vehicle", Y, "15.00万元", { quote: sentence }),
    m("three_public.reception", Y, "30.00万元", { quote: sentence }),
  ]);
}

function spending(sentence: string) {
  return report([
    m("expenditure.total", Y, "1200.00万元", { quote: sentence }),
    m("expenditure.basic", Y, "301.00万元", { quote: sentence }),
    m("expenditure.project", Y, "899.00万元", { quote: sentence }),
  ]);
}

describe("stated-share", () => {
  describe("reading shares from quotes", () => {
    it("names the whole when the text does, and ties each share to the figure before it", () => {
      const q = "本年三公经费中，公务接待费 30.00 万元，占“三公”经费的 60.00%；公务用车费 15.00 万元，占比 30%。";
      const s = sharesFromQuotes(threePublic(q).metrics);
      expect(s.map((x) => [x.parts[0].key, x.share.value, x.wholeKey])).toEqual([
        ["three_public.reception", 60, "three_public.total"],
        ["three_public.vehicle", 30, null],
      ]);
    });
    it("ignores changes of a share and figures of another label", () => {
      const q = "公务接待费 30.00 万元，占比比上年下降 2.00%；项目支出 30.00 万元，占 60.00%。";
      const r = threePublic(q);
      expect(sharesFromQuotes(r.metrics)).toEqual([]);
    });
  });

  describe("valid", () => {
    it("shares that round from the figures, named or implied whole", () => {
      expect(checkRule(statedShare, threePublic("其中公务接待费 30.00 万元，占“三公”经费的 60.00%；出国费 5.00 万元，占 10%。"))).toEqual([]);
      expect(checkRule(statedShare, spending("基本支出 301.00 万元，占 25.08%；项目支出 899.00 万元，占 74.92%。"))).toEqual([]);
    });
    it("a whole the catalogue cannot name is not checked", () => {
      expect(checkRule(statedShare, threePublic("公务接待费 30.00 万元，占全县接待费用的 1.00%。"))).toEqual([]);
    });
    it("a whole that is one fund's spending (占一般公共预算财政拨款总支出的) is not the department's total", () => {
      expect(checkRule(statedShare, spending("项目支出 899.00 万元，占一般公共预算财政拨款总支出的 80.00%。"))).toEqual([]);
      // The same share of the department's own total is checked.
      expect(checkRule(statedShare, spending("项目支出 899.00 万元，占总支出的 80.00%。"))).toHaveLength(1);
    });
    it("a whole named with its budget word (占支出预算总额的) is the catalogue's total", () => {
      const s = sharesFromQuotes(spending("基本支出 301.00 万元，占支出预算总额的 25.08%。").metrics);
      expect(s.map((x) => x.wholeKey)).toEqual(["expenditure.total"]);
      expect(checkRule(statedShare, spending("基本支出 301.00 万元，占支出预算总额的 25.08%。"))).toEqual([]);
      expect(checkRule(statedShare, spending("项目支出 899.00 万元，占支出决算合计的 70.00%。"))).toHaveLength(1);
    });
    it("a figure shared by two metrics is checked against the better fitting whole", () => {
      const q = "一般公共预算 995.00 万元，占 99.50%。";
      const r = report([m("income.total", Y, "1000.00万元"), m("income.fiscal", Y, "995.00万元", { quote: q }), m("income.general_budget", Y, "995.00万元", { quote: q })]);
      expect(checkRule(statedShare, r)).toEqual([]);
    });
    it("shares rounded to add up to 100 %, one unit off, are information", () => {
      // 301 / 1200 = 25.083 %, 899 / 1200 = 74.917 %: printed 25.09 % and 74.91 % still add up to 100.
      const f = checkRule(statedShare, spending("基本支出 301.00 万元，占 25.09%；项目支出 899.00 万元，占 74.91%。"));
      expect(f.map((x) => x.severity)).toEqual(["info", "info"]);
    });
  });

  describe("invalid", () => {
    it("a share that does not match part / whole is an error with both numbers", () => {
      const f = checkRule(statedShare, threePublic("公务接待费 30.00 万元，占“三公”经费的 62.00%。"));
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].expected).toBeCloseTo(60, 6);
      expect(f[0].actual).toBe(62);
      expect(f[0].metrics).toEqual([
        { key: "three_public.reception.share", year: Y },
        { key: "three_public.reception", year: Y },
        { key: "three_public.total", year: Y },
      ]);
      expect(f[0].message).toContain("按两数计算应为 60.00%");
    });
    it("one unit off without the 100 % excuse is a warning", () => {
      const f = checkRule(statedShare, spending("基本支出 301.00 万元，占 25.09%。"));
      expect(f.map((x) => x.severity)).toEqual(["warning"]);
    });
    it("shares of an implied whole that add up to 100 but are far off are warnings (the whole is our reading)", () => {
      const f = checkRule(statedShare, spending("基本支出 301.00 万元，占 26.00%；项目支出 899.00 万元，占 74.00%。"));
      expect(f.map((x) => x.severity)).toEqual(["warning", "warning"]);
      expect(f[0].message).toContain("占总支出 1200.00 万元的比重称 26.00%");
    });
    it("a budget's 人员经费 share is of the 财政拨款 basic spending it does not key: not checked against 基本支出", () => {
      const q = "人员经费 240.00 万元，占 81.00%。";
      const ms = [m("expenditure.basic", Y, "300.00万元"), m("expenditure.personnel", Y, "240.00万元", { quote: q })];
      expect(checkRule(statedShare, report(ms, { kind: "budget" }))).toEqual([]);
      expect(checkRule(statedShare, report(ms)).map((f) => f.severity)).toEqual(["warning"]);
    });
  });

  describe("two shares of one whole the report does not print", () => {
    const q1 = "1.基本支出预算3105220.40元，占一般公共预算支出的86.12%，同比减少2100元。";
    const q2 = "2.项目支出500200元，占一般公共预算支出的13.88%，同比增加3000元。";
    it("valid: both imply the same whole, within the rounding of the shares", () => {
      const r = report([m("expenditure.basic", Y, "3105220.40元", { quote: q1 }), m("expenditure.project", Y, "500200元", { quote: q2 })], { kind: "budget" });
      expect(checkRule(statedShare, r)).toEqual([]);
    });
    it("valid: a whole the report prints is checked share by share instead", () => {
      const bad = q2.replace("13.88%", "16.20%");
      const r = report(
        [m("expenditure.basic", Y, "3105220.40元", { quote: q1 }), m("expenditure.project", Y, "500200元", { quote: bad }), m("income.general_budget", Y, "3605420.40元")],
        { kind: "budget" },
      );
      expect(checkRule(statedShare, r).map((f) => f.messageId)).not.toContain("sharesImplyDifferentWholes");
    });
    it("invalid: shares implying different wholes (adding up past 100 %) are an error naming both parts", () => {
      const bad = q2.replace("13.88%", "16.20%");
      const r = report([m("expenditure.basic", Y, "3105220.40元", { quote: q1 }), m("expenditure.project", Y, "500200元", { quote: bad })], { kind: "budget" });
      const f = checkRule(statedShare, r);
      expect(f).toHaveLength(1);
      expect(f[0].messageId).toBe("sharesImplyDifferentWholes");
      expect(f[0].severity).toBe("error");
      expect(f[0].metrics.map((x) => x.key)).toEqual(["expenditure.project.share", "expenditure.project", "expenditure.basic.share", "expenditure.basic"]);
      expect(f[0].expected).toBeCloseTo(13.87, 2);
      expect(f[0].actual).toBe(16.2);
      expect(f[0].message).toContain("占一般公共预算支出的 16.20%");
    });
  });
});
