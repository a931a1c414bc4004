/**
 * Head counts in a self-evaluation's 基本情况 told with a noun between the staff label and the count (在职教师, 在职职工),
 * read with the disclosure 概况's vocabulary (prose-counts.ts). Sentences are made up; only their shape follows reports.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const metricsOf = (lines: string[]) =>
  Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

const head = ["某县第二小学2023年度部门整体支出绩效自评报告", "一、部门基本情况"];

describe("head counts told in a self-evaluation's prose", () => {
  it("reads a count with a noun between the label and the figure", () => {
    expect(metricsOf([...head, "本校设有教学班18个，现有在职教师63名，在校学生1020人。", "2023年度部门决算支出总额1250.00万元。"])).toMatchObject({ "staff.actual@2023": 63 });
    expect(metricsOf([...head, "我校共有在职教职工47人(含代课教师5人)，退休人员12人。"])).toMatchObject({ "staff.actual@2023": 47, "staff.retired@2023": 12 });
  });
  it("leaves a count the labelled binders read as they read it", () => {
    expect(metricsOf([...head, "本单位编制数30人，在职人员28人。其中在职教师25名。"])).toMatchObject({ "staff.authorized@2023": 30, "staff.actual@2023": 28 });
  });
  it("counts no students, classes or beneficiaries as staff", () => {
    const m = metricsOf([...head, "本校有教学班18个，在校学生1020人，受益群众3000人。"]);
    expect(m["staff.actual@2023"]).toBeUndefined();
  });
});

describe("head counts told as a quota fixed (核定数) and the staff of one kind a unit has", () => {
  const unit = ["某市图书馆2023年度整体支出绩效评价报告", "一、基本情况"];
  it("reads 编制核定数 as the authorised number and 实有事业人员 as the actual staff", () => {
    expect(metricsOf([...unit, "2023年,市图书馆事业编制核定数 41 名。实有事业人员 38 名、离退休人员 17 名。"])).toMatchObject({
      "staff.authorized@2023": 41,
      "staff.actual@2023": 38,
      "staff.retired@2023": 17,
    });
  });
  it("states no total from two different kinds' counts", () => {
    const m = metricsOf([...unit, "2023年,实有行政人员 6 名，实有事业人员 38 名。"]);
    expect(m["staff.actual@2023"]).toBeUndefined();
  });
});
