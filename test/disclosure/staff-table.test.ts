/**
 * The 人员情况 table of a 概况: head counts printed without 人, read from the 合计 column under a 单位：人 line; a 其中
 * row is a part, and a money table's row is no count (texts written here, figures and names invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "../extract/helpers.js";

const run = (lines: string[]) => extract(docFromLines(lines));
const value = (r: ReturnType<typeof run>, key: string) => r.metrics.find((m) => m.key === key && m.year === r.fiscalYear)?.value;

describe("人员情况 table", () => {
  it("gives 编制数, 在职人数 and 离退休人数 from the 合计 column", () => {
    const r = run([
      "东河区政协办公室2025年部门预算说明",
      "一、机构及人员情况",
      "政协办公室属一级行政预算单位,人员情况如下表:",
      "单位:人",
      "项 目 | 合 计 | 行政单位 | 事业单位 |",
      "编制数 | 21 | 18 | 3 |",
      "在职人数 | 19 | 17 | 2 |",
      "其中:在岗人数 | 18 | 16 | 2 |",
      "离退休人数 | 12 | 12 | |",
      "二、2025年部门收入预算总体情况",
      "2025年收入预算400.5万元,基本支出350.5万元,项目支出50万元。",
    ]);
    expect(value(r, "staff.authorized")).toBe(21);
    expect(value(r, "staff.actual")).toBe(19);
    expect(value(r, "staff.retired")).toBe(12);
  });

  it("reads no count from a money table", () => {
    const r = run([
      "东河区政协办公室2025年部门预算说明",
      "单位:万元",
      "项 目 | 合 计 | 基本支出 | 项目支出 |",
      "在职人数 | 300 | 300 | |",
      "2025年收入预算400.5万元。",
    ]);
    expect(value(r, "staff.actual")).toBeUndefined();
  });
});

describe("head counts and the signature of a 概况", () => {
  it("在编教职工 is the staff in post; a signature above its date line names the unit", () => {
    const r = run([
      "一、学校概况",
      "东河县城关第二小学现有在编教职工48人(其中:专任教师45人,工勤3人);退休教职工20人。",
      "二、2024年部门收入预算总体情况",
      "2024年收入预算500.2万元,基本支出480.2万元,项目支出20万元。",
      "东河县城关第二小学",
      "2024年2月18日",
    ]);
    expect(value(r, "staff.actual")).toBe(48);
    expect(value(r, "staff.retired")).toBe(20);
    expect(r.department).toBe("东河县城关第二小学");
  });
});
