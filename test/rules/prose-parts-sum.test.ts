import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { prosePartsSum } from "../../src/rules/prose-parts-sum.js";
import { docFromLines } from "../extract/helpers.js";
import { m, report } from "./helpers.js";

/** A 2022 project self-evaluation whose body is `lines` (texts written here). */
const run = (lines: string[], metrics = [] as ReturnType<typeof m>[]) => checkRule(prosePartsSum, report(metrics, { kind: "project", fiscalYear: 2022 }), docFromLines(["白沙镇道路养护项目绩效自评报告", ...lines]));

describe("prose-parts-sum", () => {
  it("valid: parts that add up to the total, within the rounding of the printed amounts", () => {
    expect(run(["项目总投资120.5万元，其中市级补助80万元，镇级配套40.5万元。", "全年到位资金33.3万元。其中：省级资金11.1万元，市级资金11.1万元，县级资金11.1万元。"])).toEqual([]);
  });

  it("valid: a list that need not be complete may fall short; changes, shares and paid amounts are no parts", () => {
    expect(
      run([
        "年度预算安排300万元，其中人员经费120万元，比上年增加10万元，占40%，公用经费60万元。",
        "下达资金200万元，其中已拨付150万元，已支付120万元。",
        "固定资产500万元，其中：房屋1200平方米，车辆3辆，单价50万元以上设备2台。",
      ]),
    ).toEqual([]);
  });

  it("valid: a list that runs on past its total (its sibling after a ；) is not judged by the whole list", () => {
    expect(run(["公务用车购置及运行费25.40万元，其中公务用车购置费0万元，公务用车运行维护费25.40万元；公务接待费9.72万元。"])).toEqual([]);
  });

  it("invalid: parts that add up to more than the total are an error naming the figure the report states", () => {
    const total = m("budget.adjusted", 2022, "1506.3万元", { quote: "全年共投入资金1506.3万元。" });
    const f = run(["全年共投入资金1506.3万元。其中中央资金投入700.2万元，省级资金投入320.1万元，县级资金投入556万元。"], [total]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].messageId).toBe("partsExceedTotal");
    expect(f[0].expected).toBe(15763000);
    expect(f[0].actual).toBe(15063000);
    expect(f[0].metrics.map((x) => x.key)).toEqual(["budget.adjusted"]);
    expect(f[0].message).toContain("1576.3万元");
  });

  it("invalid: a list the text calls complete (二类, 其他) that falls short of the total", () => {
    const f = run(["本单位项目支出分为日常运转项目、专项业务项目两类，项目资金总额为980万元，其中日常运转项目150万元，专项业务项目820万元。"]);
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("partsShortOfTotal");
    // A project's 资金总额 is its budget (schemas/claim-subjects.json), set at the start of the year or adjusted.
    expect(f[0].metrics.map((x) => `${x.key}@${x.year}`)).toEqual(["budget.initial@2022", "budget.adjusted@2022"]);
    const g = run(["本年收入合计412.6万元，其中财政拨款收入390万元，其他收入12.6万元。"]);
    expect(g.map((x) => x.expected)).toEqual([4026000]);
    // The total's label names its metric when the catalogue knows the words.
    expect(g[0].metrics.map((x) => x.key)).toEqual(["income.total"]);
  });
});

describe("prose-parts-sum: parts stated as a whole split, and parts on the lines after 其中", () => {
  const budget = (lines: string[]) => checkRule(prosePartsSum, report([], { kind: "budget", fiscalYear: 2024 }), docFromLines(["柳湾街道办事处2024年部门预算公开", ...lines]));

  it("valid: known splits that add up within the rounding of the printed amounts, on one line or over the next lines", () => {
    expect(
      budget([
        "2024年一般公共预算基本支出356.47万元，其中：人员经费301.2万元，公用经费55.27万元。",
        "二、支出预算情况说明",
        "2024年本年支出合计918.65万元，其中：",
        "1.基本支出356.47万元，占38.80%，主要用于保障在职人员工资福利和机构日常运转。",
        "2.项目支出562.18万元，占61.20%，主要用于辖区环境整治和社区服务。",
        "三、财政拨款收支预算总体情况说明",
      ]),
    ).toEqual([]);
  });

  it("valid: a list not stated whole may fall short, and a 总计 that also holds the carry-over is not the split's whole", () => {
    expect(
      budget([
        "2024年本年支出合计918.65万元，其中：",
        "基本支出356.47万元，占38.80%。",
        "社区服务项目支出300万元，主要用于社区服务。",
        "四、其他情况说明",
        "支出总计1018.65万元，其中基本支出356.47万元，项目支出562.18万元。",
        "2024年部门预算中，业务经费共计120万元，其中：培训费30万元。会议费20万元。",
      ]),
    ).toEqual([]);
  });

  it("invalid: 基本支出 told as 人员经费 + 公用经费 that do not make it", () => {
    const f = budget(["2024年一般公共预算基本支出356.47万元，其中：人员经费301.2万元，公用经费45.27万元。"]);
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("partsShortOfTotal");
    expect(f[0].metrics.map((x) => x.key)).toEqual(["expenditure.basic"]);
    expect(f[0].expected).toBe(3464700);
  });

  it("invalid: 本年支出 over the next lines, one part a line, with an optional part the text states", () => {
    const f = budget([
      "2024年本年支出合计918.65万元，其中：",
      "（一）基本支出356.47万元，主要用于保障在职人员工资福利和",
      "机构日常运转。",
      "（二）项目支出542.18万元，主要用于辖区环境整治。",
      "（三）上缴上级支出10万元。",
      "三、财政拨款收支预算总体情况说明",
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("partsShortOfTotal");
    expect(f[0].expected).toBe(9086500);
    expect(f[0].message).toContain("上缴上级支出 10万元");
  });

  it("invalid: parts told one a sentence after 其中 in the same paragraph", () => {
    const f = budget(["2024年一般公共预算基本支出356.47万元，其中：人员经费311.2万元，占87.30%，比上年增加3.1万元。公用经费55.27万元，占12.70%，主要用于办公和差旅。"]);
    expect(f.map((x) => x.messageId)).toEqual(["partsExceedTotal"]);
  });

  it("invalid: a list that names a part of nothing enumerates every category, and must make its total", () => {
    const f = run(["（一）2022年收入预算1520.40万元，其中：", "1、财政拨款1300.40万元；", "2、事业收入200万元；", "3、经营收入0万元。", "（二）2022年支出预算1520.40万元。"]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(15004000);
  });

  it("valid: a list with a part of nothing that makes its total, or that the page cuts off before its sentence ends", () => {
    expect(run(["（一）2022年收入预算1520.40万元，其中：", "1、财政拨款1320.40万元；", "2、事业收入200万元；", "3、经营收入0万元。", "（二）2022年支出预算1520.40万元。"])).toEqual([]);
    expect(run(["收入预算1520.40万元，其中，财政拨款1300.40万元；政府性基金拨款0万元；事业收入200万元；上级补助收入20.0"])).toEqual([]);
    // Two parts only, one of them nothing: the list may name the funds and leave out the rest.
    expect(run(["收入预算1520.40万元，其中：财政拨款1300.40万元，政府性基金拨款0万元。"])).toEqual([]);
  });
});

describe("prose-parts-sum: parts that count their items, and lists that itemise the whole (具体是)", () => {
  it("valid: groups with their item counts that make the whole, and a 具体包括 list ending in 等 or cut by the page", () => {
    expect(
      run([
        "全年实施农业项目共计40个，资金总额860万元。其中评价为优的项目30个资金600万元，评价为良的项目8个资金220万元，评价为中的项目2个资金40万元。",
        "某站下达资金500万元。具体包括：仓储设施改造项目200万元，冷链运输补助项目150万元等。",
        "某站下达资金500万元。具体包括：仓储设施改造项目200万元，冷链运输补助项目150万元。",
        "某站下达资金500万元。具体是：仓储设施改造项目200万元，冷链运输补助项目150万元",
      ]),
    ).toEqual([]);
  });

  it("invalid: groups whose counts make the whole's count but whose money exceeds it", () => {
    const f = run(["全年实施农业项目共计40个，资金总额860万元。其中评价为优的项目30个资金650万元，评价为良的项目8个资金220万元，评价为中的项目2个资金30万元。"]);
    expect(f.map((x) => x.messageId)).toEqual(["partsExceedTotal"]);
    expect(f[0].expected).toBe(9000000);
    expect(f[0].message).toContain("评价为优的项目资金 650万元");
  });

  it("invalid: groups whose counts make the whole's count fall short of its money: the list is complete", () => {
    const f = run(["全年实施农业项目共计40个，资金总额860万元。其中评价为优的项目30个资金580万元，评价为良的项目8个资金220万元，评价为中的项目2个资金40万元。"]);
    expect(f.map((x) => x.messageId)).toEqual(["partsShortOfTotal"]);
  });

  it("invalid: a 具体是 list that ends with its sentence itemises the whole, and must make it", () => {
    const f = run(["一是东山水库管理站，下达预算资金730万元。具体是：东山水库溢洪道除险加固工程项目310万元；东山水库大坝安全监测设施更新改造项目180万元；库区巡查道路维修项目95万元。"]);
    expect(f.map((x) => x.messageId)).toEqual(["partsShortOfTotal"]);
    expect(f[0].expected).toBe(5850000);
    // The enumerated name before the total says whose it is: the finding names that unit.
    expect(f[0].project).toBe("东山水库管理站");
    expect(f[0].message).toContain("东山水库管理站");
    // 具体包括 names the main items: more than the whole is an error, less is not.
    expect(run(["某站下达资金500万元。具体包括：仓储设施改造项目300万元，冷链运输补助项目250万元。"]).map((x) => x.messageId)).toEqual(["partsExceedTotal"]);
    expect(run(["一是东山水库管理站，下达预算资金585万元。具体是：东山水库溢洪道除险加固工程项目310万元；东山水库大坝安全监测设施更新改造项目180万元；库区巡查道路维修项目95万元。"])).toEqual([]);
  });
});

describe("prose-parts-sum: the \"三公\" split", () => {
  const sangong = (line: string) => checkRule(prosePartsSum, report([], { kind: "budget", fiscalYear: 2024 }), docFromLines(["某街道办事处2024年“三公”经费预算情况说明", line]));

  it("valid: the three parts make the total; a total that also holds 会议费 is not the split's whole", () => {
    expect(sangong("2024年“三公”经费预算12.5万元，其中因公出国(境)费0万元，公务用车购置及运行费8.3万元，公务接待费4.2万元。")).toEqual([]);
    expect(sangong("“三公”经费及会议费、培训费预算20万元，其中因公出国（境）费1万元，公务用车购置及运行费8.3万元，公务接待费4.2万元。")).toEqual([]);
  });

  it("invalid: the three parts stated whole fall short of the total", () => {
    const f = sangong("2024年“三公”经费预算12.5万元，其中因公出国(境)费0万元，公务用车购置及运行费8.3万元，公务接待费3.9万元。");
    expect(f.map((x) => x.messageId)).toEqual(["partsShortOfTotal"]);
    expect(f[0].expected).toBe(122000);
  });
});

describe("prose-parts-sum: a total an enumerated unit or project owns", () => {
  const lines = ["二是西岭林场管理处，下达预算资金800万元。具体是：西岭防火通道建设项目420万元；西岭苗圃改造项目260万元。"];
  const projects = [
    { name: "西岭防火通道建设项目", metrics: [m("budget.adjusted", 2022, "420万元")] },
    { name: "西岭苗圃改造项目", metrics: [m("budget.adjusted", 2022, "260万元")] },
  ];
  const withProjects = (ls: string[]) => checkRule(prosePartsSum, report([], { kind: "project", fiscalYear: 2022, projects } as never), docFromLines(["某局中央转移支付2022年度绩效自评报告", "", ...ls]));

  it("invalid: the owner's total is the figure its projects are read with (each item a project's budget)", () => {
    const f = withProjects(lines);
    expect(f.map((x) => [x.project, x.metrics.map((k) => k.key)])).toEqual([["西岭林场管理处", ["budget.adjusted"]]]);
  });

  it("valid: items that make the owner's total; a clause that is no enumerated name owns nothing", () => {
    expect(withProjects(["二是西岭林场管理处，下达预算资金680万元。具体是：西岭防火通道建设项目420万元；西岭苗圃改造项目260万元。"])).toEqual([]);
    const f = withProjects(["经研究同意，下达预算资金800万元。具体是：西岭防火通道建设项目420万元；西岭苗圃改造项目260万元。"]);
    expect(f.map((x) => x.project)).toEqual([null]);
  });
});

describe("prose-parts-sum: a total itemised in brackets right after it", () => {
  it("valid: bracketed parts that make their total, a list ending in 等, a note of one amount, and a part printed in the wrong unit", () => {
    expect(run(["共投入资金90万元，其中中央资金60万元（奖励扶助资金25万元，特别扶助资金35万元），省级资金30万元。"])).toEqual([]);
    expect(run(["中央资金60万元（奖励扶助资金25万元，特别扶助资金20万元等）。"])).toEqual([]);
    expect(run(["中央资金60万元（含提前下达25万元）。"])).toEqual([]);
    // 35元 among 万元 parts: read as 万元 it makes the total, a unit slip (unit-slip tells it), not a failed sum.
    expect(run(["中央资金60万元（奖励扶助资金25万元，特别扶助资金35元）。"])).toEqual([]);
  });
  it("invalid: bracketed parts that fall short of their total, filed under the project's funds", () => {
    const f = run(["共投入资金90万元，其中中央资金60万元（奖励扶助资金25万元，特别扶助资金30万元），省级资金30万元。"]);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("“中央资金”为 60万元");
    expect(f[0].metrics.map((k) => k.key)).toEqual(["budget.adjusted", "budget.received"]);
  });
});

describe("prose-parts-sum: parts told by their amount, then what they went to", () => {
  it("valid: uses that make or fall short of the total", () => {
    expect(run(["全年共获得补助资金300万元，其中120万元用于产业发展，180万元用于基础设施建设。"])).toEqual([]);
    expect(run(["全年共获得补助资金300万元，其中120万元用于产业发展，100万元用于基础设施建设。"])).toEqual([]);
  });
  it("invalid: uses that add up to more than the total", () => {
    const f = run(["全年共获得补助资金300万元，其中120万元用于产业发展，185万元用于基础设施建设。"]);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("产业发展 120万元 + 基础设施建设 185万元");
  });
});
