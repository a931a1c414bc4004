import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineThreePublic } from "../../src/rules/line-three-public.js";
import { budgetReport, table } from "./line-items-fixture.js";
import { docFromLines } from "../extract/helpers.js";

/** A "三公" table printed across: 本年 and 上年 column groups, each 合计 | 出国 | 车辆(小计 | 购置 | 运行) | 接待, then 机关运行经费. */
function across(cells: string[]) {
  const group = (g: string) => [`${g}/合计`, `${g}/因公出国（境）费`, `${g}/公务用车购置及运行费/小计`, `${g}/公务用车购置及运行费/购置费`, `${g}/公务用车购置及运行费/运行费`, `${g}/公务接待费`];
  return table({
    table: "threePublic",
    title: "部门“三公”经费和机关运行经费预算表",
    columns: [...group("2024年“三公”经费预算数"), ...group("2023年“三公”经费预算数"), "2024年机关运行经费预算数"],
    roles: ["total", null, "total", null, null, null, "total", null, "total", null, null, null, null],
    rows: [[null, "合计", ...cells]],
  });
}

/** The same table printed down: one row per part, columns 预算数 and 决算数. */
function down(rows: Array<[string, string, string]>) {
  return table({ table: "threePublic", title: "“三公”经费支出决算表", columns: ["预算数", "决算数"], roles: [null, null], rows: rows.map(([name, a, b]) => [null, name, a, b]) });
}

const CLEAN = ["38.20", "6.00", "27.70", "12.00", "15.70", "4.50", "30.10", "0.00", "25.60", "10.00", "15.60", "4.50", "512.33"];

describe("line-three-public", () => {
  it("valid: 合计 = 出国 + 车辆 + 接待 and 车辆 = 购置 + 运行 in both year groups; 机关运行经费 is no part", () => {
    expect(checkRule(lineThreePublic, budgetReport(across(CLEAN)))).toEqual([]);
  });

  it("invalid: the 合计 of one year group is not the sum of its parts", () => {
    const cells = [...CLEAN];
    cells[0] = "39.20";
    const f = checkRule(lineThreePublic, budgetReport(across(cells)));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(382000);
    expect(f[0].actual).toBe(392000);
    expect(f[0].message).toContain("39.20");
    expect(f[0].evidence).toHaveLength(4);
  });

  it("invalid: 公务用车购置及运行费 is not 购置费 + 运行费 (the 上年 group)", () => {
    const cells = [...CLEAN];
    cells[9] = "11.00";
    const f = checkRule(lineThreePublic, budgetReport(across(cells)));
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("vehicleDoesNotAdd");
    expect(f[0].message).toContain("25.60");
  });

  it("valid: a table printed down, 预算数 and 决算数 columns, the 合计 row first", () => {
    const rows: Array<[string, string, string]> = [
      ["合计", "20.00", "17.35"],
      ["因公出国（境）费", "0.00", "0.00"],
      ["公务用车购置及运行维护费", "15.00", "13.10"],
      ["其中：公务用车购置费", "0.00", "0.00"],
      ["公务用车运行维护费", "15.00", "13.10"],
      ["公务接待费", "5.00", "4.25"],
    ];
    expect(checkRule(lineThreePublic, budgetReport(down(rows)))).toEqual([]);
    rows[5][2] = "4.52";
    const f = checkRule(lineThreePublic, budgetReport(down(rows)));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("17.35");
  });

  it("valid: a grand 合计 that adds 会议费 and 培训费 is not taken for the \"三公\" total", () => {
    const items = table({
      table: "threePublic",
      title: "“三公”经费、会议费、培训费支出预算表",
      columns: ["合计", "“三公”经费/小计", "“三公”经费/因公出国（境）费", "“三公”经费/公务用车购置及运行维护费/小计", "“三公”经费/公务用车购置及运行维护费/公务用车购置费", "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费", "“三公”经费/公务接待费", "会议费", "培训费"],
      roles: ["total", "total", null, "total", null, null, null, null, null],
      rows: [[null, "合计", "95.00", "45.00", "10.00", "30.00", "0.00", "30.00", "5.00", "30.00", "20.00"]],
    });
    expect(checkRule(lineThreePublic, budgetReport(items))).toEqual([]);
  });

  it("valid: a table read without one of the parts states no sum", () => {
    const items = across(CLEAN).filter((x) => !/2024年.*公务接待费/.test(x.column));
    expect(checkRule(lineThreePublic, budgetReport(items))).toEqual([]);
  });
});

describe("line-three-public: a table a web page keeps one cell a line, read from the document", () => {
  const page = (cells: string[]) =>
    checkRule(
      lineThreePublic,
      { ...budgetReport([]), fiscalYear: 2024 },
      docFromLines(["某园区管委会2024年“三公”经费预算", "一、2024年“三公”经费支出预算表", "单位:万元", ...cells.map((c) => `${c} |`), "二、2024年“三公”经费支出预算情况说明"]),
    );
  const cells = (total: string, vehicle: string) => ["项目", "预算数", "合计", total, "因公出国(境)费", "0", "公务接待费", "5.3", "公务用车购置及运行费", vehicle, "其中:公务用车运行费", "11.5", "公务用车购置费", "0"];

  it("valid: the rows add up", () => {
    expect(page(cells("16.8", "11.5"))).toEqual([]);
  });

  it("invalid: the total is not its parts, and the vehicles' subtotal not purchase + operation", () => {
    expect(page(cells("18.8", "11.5")).map((x) => x.messageId)).toEqual(["totalDoesNotAdd"]);
    expect(page(cells("17.8", "12.5")).map((x) => x.messageId)).toEqual(["vehicleDoesNotAdd"]);
  });
});
