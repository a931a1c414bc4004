import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { directionWord } from "../../src/rules/direction-word.js";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

function run(...body: string[]) {
  const doc = docFromLines(["北岭县林业局2023年度部门决算", "", ...body]);
  return checkRule(directionWord, extract(doc), doc);
}

describe("direction-word", () => {
  describe("valid", () => {
    it("a 科目 line whose change and percentage follow from its two figures", () => {
      expect(run("林业和草原支出（类）2023年度决算数为520.00万元，比2022年度决算数400.00万元增加120.00万元，增长30.00%。")).toEqual([]);
    });
    it("持平 of equal figures; 决算数小于预算数 when it is smaller", () => {
      expect(run("公务接待费2023年度决算数为1.20万元，与2022年度决算数1.20万元持平。")).toEqual([]);
      expect(run("年初预算数为86.00万元，决算数为80.50万元，决算数小于预算数，主要原因是压减会议。")).toEqual([]);
    });
    it("a 科目 line comparing with a figure it stated earlier under that year, when the percentage follows", () => {
      expect(run("“林业和草原支出（类）林业和草原（款）森林管护（项）”88.00万元。2022年当年预算执行数为80.00万元，2023年预算安排88.00万元，比2022年预算执行数增加10.00%。")).toEqual([]);
    });
    it("a change told against a year is not that year's figure", () => {
      expect(run("因公出国（境）费预算60万元，与2022年预算相比增加60万元，公务接待费预算20万元，与2022年预算持平。")).toEqual([]);
    });
    it("one figure compared with two others in turn (较上年B…，较预算数D…): both comparisons are of the first figure", () => {
      expect(run("“三公”经费决算数为850万元，较上年900万元减少50万元，下降6%，较预算数1000万元减少150万元，下降15%。")).toEqual([]);
      expect(run("因公出国（境）费为0万元，较上年5万元减少5万元，下降100%，较预算数0万元无增减。")).toEqual([]);
    });
    it("比例 and 比重 are not comparisons", () => {
      expect(run("基本支出300.00万元，占总支出比重60.00%，比例增加。")).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a 科目 line whose percentage does not follow from the earlier figure of the year it names (an error)", () => {
      const f = run("2022年当年预算执行数为11.50万元，2023年预算安排46.00万元，比2022年预算执行数增加250.00%。");
      expect(f.map((x) => x.messageId)).toEqual(["changePercentDiffers"]);
      expect(f[0].expected).toBeCloseTo(300, 2);
      expect(f[0].actual).toBe(250);
      expect(f[0].severity).toBe("error");
    });
    it("a 科目 line saying 增加 of a smaller figure than the year it names (a warning)", () => {
      const f = run("2022年当年预算执行数为60.00万元，2023年预算安排25.00万元，比2022年预算执行数增加12.40%。");
      expect(f.map((x) => x.messageId)).toEqual(["directionContradicts"]);
      expect(f[0].severity).toBe("warning");
    });
    it("增加 where the later figure is smaller (a warning)", () => {
      const f = run("林业和草原支出2023年度决算数为320.00万元，比2022年度决算数400.00万元增加80.00万元。");
      expect(f.map((x) => x.messageId)).toEqual(["directionContradicts"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message).toContain("减少 80.00万元");
    });
    it("a stated percentage the two figures do not give: 增长 12.40% where they give 85 %", () => {
      const f = run("森林资源管理支出2023年度决算数为370.00万元，比2022年度决算数200.00万元增加170.00万元，增长12.40%。");
      expect(f.map((x) => x.messageId)).toEqual(["changePercentDiffers"]);
      expect(f[0].severity).toBe("error");
      expect(f[0].expected).toBe(85);
    });
    it("a stated amount the two figures do not give", () => {
      expect(run("森林资源管理支出2023年度决算数为370.00万元，比2022年度决算数200.00万元增加70.00万元。").map((x) => x.messageId)).toEqual(["changeAmountDiffers"]);
    });
    it("the second comparison of a chain judged against the first figure: 较预算数D减少E where A and D differ by another amount", () => {
      const f = run("“三公”经费决算数为850万元，较上年900万元减少50万元，下降6%，较预算数1000万元减少120万元，下降15%。");
      expect(f.map((x) => [x.messageId, x.expected])).toEqual([["changeAmountDiffers", 1500000]]);
    });
    it("持平 of two different figures", () => {
      expect(run("公务接待费2023年度决算数为1.60万元，与2022年度决算数1.20万元持平。").map((x) => x.messageId)).toEqual(["levelButDiffer"]);
    });
    it("决算数大于预算数 where it is smaller", () => {
      const f = run("年初预算数为86.00万元，决算数为80.50万元，决算数大于预算数，主要原因是追加项目。");
      expect(f.map((x) => x.messageId)).toEqual(["comparativeContradicts"]);
    });
  });
});

describe("direction-word: an increase larger than the figure", () => {
  it("0万元 that grew by 1421.25万元 (the prior year would be negative), bound to the metric its clause names", () => {
    const doc = docFromLines(["西湾街道办事处2023年部门预算", "", "财政拨款支出预算中，一般公共预算拨款支出预算2,480.00万元，比2022年预算增加126.30万元；政府性基金拨款支出预算0万元，比2022年预算增加126.30万元。"]);
    const f = checkRule(directionWord, extract(doc), doc);
    expect(f.map((x) => x.messageId)).toEqual(["increaseExceedsFigure"]);
    expect(f[0].severity).toBe("error");
    expect(f[0].metrics).toEqual([{ key: "income.gov_fund", year: 2023 }]);
  });
});

describe("direction-word: a change told as an amount and a percentage, the prior figure unstated", () => {
  it("valid: the percentage is the change over the prior figure (this year's + a decrease)", () => {
    expect(run("2023年“三公”经费支出共计12.50万元，较上年减少2.50万元，下降16.67%。")).toEqual([]);
    expect(run("行政运行（项）支出820.00万元，与上年相比增加20.00万元，增长2.50%。")).toEqual([]);
  });
  it("invalid: the percentage taken over this year's figure (C ÷ A) is an error that says so", () => {
    const f = run("2023年“三公”经费支出共计12.50万元，较上年减少2.50万元，下降20.00%。");
    expect(f.map((x) => x.messageId)).toEqual(["changePercentOverCurrent"]);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBeCloseTo(16.667, 2);
    expect(f[0].message).toContain("15.00万元");
  });
  it("a change told of a subject whose figure the sentence does not print is judged against the report's own figure", () => {
    const body = (p: string) => [
      "2023年财政拨款“三公”经费预算总额为5.00万元，其中，公务接待费支出2.00万元，公务用车运行维护费3.00万元。",
      `2023年“三公”经费预算数比2022年预算数减少0.50万元，减幅${p}。`,
    ];
    const budget = (...lines: string[]) => {
      const doc = docFromLines(["北岭县林业局2023年部门预算", "", ...lines]);
      return checkRule(directionWord, extract(doc), doc);
    };
    expect(budget(...body("9.09%"))).toEqual([]);
    const f = budget(...body("0.09%"));
    expect(f.map((x) => x.messageId)).toEqual(["changePercentOfChangeDiffers"]);
    expect(f[0].metrics.map((m) => m.key)).toEqual(["three_public.total"]);
  });
  it("与上年相比，各增加: the comma after 相比 opens the change, and the finding names every total it is told of", () => {
    expect(run("2023年度收入总计800.00万元，支出总计800.00万元，与2022年度相比，各增加40.00万元，增长5.26%。")).toEqual([]);
    const f = run("2023年度收入总计800.00万元，支出总计800.00万元，与2022年度相比，各增加40.00万元，增长5.00%。");
    expect(f.map((x) => x.messageId)).toEqual(["changePercentOverCurrent"]);
    expect(f[0].metrics.map((m) => m.key).sort()).toEqual(["expenditure.total", "income.total"]);
  });
  it("invalid: a percentage out by more than half its size; a few hundredths off is left alone", () => {
    expect(run("行政运行（项）支出820.00万元，与上年相比增加20.00万元，增长0.25%。").map((x) => x.messageId)).toEqual(["changePercentOfChangeDiffers"]);
    expect(run("行政运行（项）支出820.00万元，与上年相比增加20.00万元，增长2.53%。")).toEqual([]);
  });
  it("同比: a change and rate told after a figure and its share (A 元，占…P%，同比增加 C 元，增长 Q%) are judged over the prior figure", () => {
    // Made-up figures: prior = 60000 − 15000 = 45000, so +15000 is 33.33 %.
    expect(run("办公费支出预算60000元，占基本支出预算12.50%，同比增加15000元，增长33.33%。")).toEqual([]);
    expect(run("办公费支出预算60000元，占基本支出预算12.50%，同比增加15000元，增长25.00%。").map((x) => x.messageId)).toEqual(["changePercentOverCurrent"]);
    expect(run("办公费支出预算60000元，占基本支出预算%，同比增加15000元，增长8.10%。").map((x) => x.messageId)).toEqual(["changePercentOfChangeDiffers"]);
    // 同比 with no figure before it in reach is no claim.
    expect(run("本年度各项支出同比增加15000元，增长8.10%。")).toEqual([]);
  });
});
