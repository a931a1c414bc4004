/**
 * Pages of a 预算/决算 disclosure that sites print without the disclosure's title or tables: a 三公 notice, one part
 * of the 情况说明. They are disclosures of the kind their statements say, not self-evaluations (texts written here,
 * figures invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

const run = (lines: string[]) => extract(docFromLines(lines));
const metric = (r: ReturnType<typeof run>, key: string) => r.metrics.find((m) => m.key === key);

describe("a disclosure page without its title", () => {
  it("a 三公 决算 notice is final-accounts, and its outturn (not the plan beside it) is the year's figure", () => {
    const r = run([
      "一、“三公”经费财政拨款支出决算总体情况说明",
      "青川县档案馆2023年度“三公”经费财政拨款支出预算为6万元,支出决算为4.20万元,完成预算的70%。其中:公务接待费支出决算1.05万元,占25%;公务用车购置及运行维护费支出决算3.15万元,占75%。",
    ]);
    expect(r.kind).toBe("final-accounts");
    expect(r.fiscalYear).toBe(2023);
    expect(metric(r, "three_public.total")?.value).toBe(42000);
    expect(metric(r, "three_public.reception")?.value).toBe(10500);
    expect(r.metrics.some((m) => m.value === 60000)).toBe(false);
  });

  it("an outturn told with its 年初预算 makes a 决算 page; one fund's 财政拨款收入 is that fund's income, not all fiscal income", () => {
    const r = run([
      "一、收入决算情况说明",
      "2023年本年收入合计812.40万元,其中:一般公共预算财政拨款收入790.10万元,占97.26%;政府性基金预算财政拨款收入0万元;其他收入22.30万元。",
      "二、“三公”经费支出情况",
      "公务接待费支出1.20万元,年初预算为1.50万元,差值为0.30万元。",
    ]);
    expect(r.kind).toBe("final-accounts");
    expect(metric(r, "income.general_budget")?.value).toBe(7901000);
    expect(metric(r, "income.gov_fund")?.value).toBe(0);
    expect(metric(r, "income.fiscal")).toBeUndefined();
  });

  it("every income part a 收入决算 sentence lists is read, so the parts add up to the total", () => {
    const r = run([
      "东河区实验小学2023年度部门决算",
      "2023年度收入总计560.20万元，支出总计560.20万元。",
      "其中：财政拨款收入540.00万元，占96.39%；上级补助收入4.00万元；事业收入12.20万元，占2.18%；经营收入0.00万元；附属单位上缴收入1.00万元；其他收入3.00万元。",
    ]);
    expect(r.kind).toBe("final-accounts");
    const parts = ["income.fiscal", "income.superior", "income.business", "income.operating", "income.affiliated", "income.other"].map((k) => metric(r, k)?.value);
    expect(parts).toEqual([5400000, 40000, 122000, 0, 10000, 30000]);
    expect(parts.reduce((a, b) => a! + b!, 0)).toBe(metric(r, "income.total")?.value);
  });

  it("a budget page is budget; a 决算 of the year before it quotes does not make it final-accounts", () => {
    const r = run([
      "一、2024年“三公”经费预算安排情况",
      "2024年度“三公”经费预算总计12.5万元,其中:因公出国(境)经费0万元,公务接待6.5万元,公务用车运行费用6万元。",
      "二、2023年“三公”经费决算情况",
      "2023年度“三公”经费合计支出11.2万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.fiscalYear).toBe(2024);
  });

  it("a year a figure is compared with is not the document's year", () => {
    const r = run([
      "九、机关运行经费",
      "2025年,青川县文化馆机关运行经费财政拨款预算为30.5万元,较2024年度决算数减少2.1万元,下降6.44%。",
      "十、政府采购情况",
      "2025年,青川县文化馆安排政府采购预算8万元。",
    ]);
    expect(r.kind).toBe("budget");
    expect(r.fiscalYear).toBe(2025);
  });

  it("a self-evaluation that speaks of 三公经费 and 财政拨款 stays a self-evaluation", () => {
    const r = run([
      "青川县档案馆2023年度部门整体支出绩效自评报告",
      "2023年财政拨款收入120万元,“三公”经费支出4.2万元,机关运行经费18万元。",
      "自评得分92分,等级为优。",
    ]);
    expect(r.kind).toBe("department");
  });

  it("a department's performance page without its title, which tells its 部门整体 execution rate, is no disclosure", () => {
    const r = run([
      "一、部门基本情况",
      "(二)部门预决算情况",
      "2022年初某市档案馆收入预算为310.20万元,经调整,全年预算安排收入为355.00万元,其中财政拨款收入350.00万元。2022年度批复支出预算360.50万元,实际执行支出预算342.40万元,部门整体预算执行率为94.98%。",
      "“三公”经费支出1.20万元,机关运行经费20.10万元。",
    ]);
    expect(r.kind).toBe("department");
  });

  it("a site's 责任部门 field run into its value (责任部门 / 预算股) names no 部门预算", () => {
    const r = run([
      "索引号",
      "000000000/2020-00001",
      "文号",
      "发布机构",
      "某区财政局",
      "责任部门",
      "预算股",
      "公开方式",
      "主动公开",
      "某区某乡人民政府部门整体支出绩效评价报告结果公示",
      "本次评价等级为“良好”,总得分为84.50分。",
    ]);
    expect(r.kind).toBe("department");
  });

  it("text with one disclosure word only is not taken for a disclosure", () => {
    const r = run(["2023年度“三公”经费支出4.2万元,较上年减少0.3万元。"]);
    expect(r.kind === "budget" || r.kind === "final-accounts").toBe(false);
  });
});
