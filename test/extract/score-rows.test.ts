/**
 * The score a project's self-evaluation ends with: the 自评表's 总分 row printed as table cells (the weights' total 100,
 * then the score, then the grade) and the conclusion's 自评分 line. Figures and wording are made up.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const metricsOf = (lines: string[]) =>
  Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

const form = ["2023年度项目支出绩效自评表", "项目名称：乡村图书室维护"];

describe("a self-evaluation's total score", () => {
  it("reads the score after the weights' total in a 总分 row of cells", () => {
    expect(metricsOf([...form, "| 其他需要说明事项 | 无 | 总分 | 100 | 91.5 | 优 |"])["score.total@2023"]).toBe(91.5);
    expect(metricsOf([...form, "| 总分 | 100 | 87 | 良 |"])["score.total@2023"]).toBe(87);
  });
  it("reads the grade printed after the score in that row", () => {
    const r = extract(docFromLines([...form, "| 总分 | 100 | 85 | 良 |"]));
    expect(r.metrics.find((m) => m.key === "score.grade")?.text).toBe("良");
  });
  it("keeps a 总分 cell's only figure", () => {
    expect(metricsOf([...form, "| 总分 | 94 | 优 |"])["score.total@2023"]).toBe(94);
  });
  it("reads the conclusion's 自评分 line", () => {
    expect(metricsOf(["2023年度项目支出绩效自评报告", "三、绩效自评结论", "项目自评分:96分", "自评结论:完成年度目标。"])["score.total@2023"]).toBe(96);
  });
});

describe("a grade told after the score it earns", () => {
  const report = ["2023年度乡村图书室维护项目支出绩效自评报告", "一、项目基本情况", "项目年初预算40万元，全年执行36.5万元。"];
  const gradeOf = (line: string) => extract(docFromLines([...report, line])).metrics.find((m) => m.key === "score.grade")?.text;
  it("reads 属于优秀等级 and 评定为良好 after the score", () => {
    expect(gradeOf("经综合评价，本项目自评得分93分，属于优秀等级。")).toBe("优秀");
    expect(gradeOf("项目绩效自评得分84分，评定为良好。")).toBe("良好");
  });
  it("reads no grade from a grading scale", () => {
    expect(gradeOf("按评分标准，得分90分以上为优秀，80至89分为良好。")).toBeUndefined();
  });
  it("reads a one-character grade only where the clause ends with it (自评为优。)", () => {
    expect(gradeOf("本项目绩效评分96分，自评为优。")).toBe("优");
    expect(gradeOf("本项目绩效评分96分，评为良等级，")).toBe("良");
    expect(gradeOf("本项目绩效评分96分，自评为优化服务提供了依据。")).toBeUndefined();
  });
  it("reads a grade after its label and a colon behind 为 (评价结果为：优秀)", () => {
    expect(gradeOf("经过客观公正的评价，得出综合评价结果为：优秀。")).toBe("优秀");
  });
  it("reads 绩效评分 as the total score", () => {
    const score = extract(docFromLines([...report, "本项目绩效评分96分，自评为优。"])).metrics.find((m) => m.key === "score.total");
    expect(score?.value).toBe(96);
  });
});

describe("the grade at the end of a flattened 总分 row", () => {
  const read = (lines: string[]) => extract(docFromLines([...form, ...lines])).metrics;
  const gradeOf = (lines: string[]) => read(lines).find((m) => m.key === "score.grade")?.text;
  it("is read after the score, a row a line or one cell a line", () => {
    expect(gradeOf(["总分 100 91.5 优"])).toBe("优");
    expect(gradeOf(["总分", "100", "84", "良"])).toBe("良");
    expect(read(["总分", "100", "84", "良"]).find((m) => m.key === "score.total")?.value).toBe(84);
  });
  it("is no grade where a word goes on (优化)", () => {
    expect(gradeOf(["总分 100 91.5 优化管理"])).toBeUndefined();
  });
});

describe("an indicator cell that carries its weight", () => {
  it("is a score table's row: the figure after it is the points scored, not the metric its words name", () => {
    const lines = ["某乡2021年度部门整体支出绩效评价结果公示", "本次评价总得分为81.30分。", "绩效评价指标体系明细表", "三级指标", "得分", "预算完成率(4分)", "3.20", "公用经费控制率(2分)", "2"];
    const m = metricsOf(lines);
    expect(m["budget.execution_rate@2021"]).toBeUndefined();
    expect(m["score.total@2021"]).toBe(81.3);
  });
});
