/**
 * Layout classes of 部门预算 disclosures printed from spreadsheets, built as a document model with page geometry
 * (what the PDF reader delivers): the year before each table's name, a 财务收支预算总表, 科目 rows first with the
 * 合计 row last and alone on a headerless continuation page, and two-sided tables whose 支出 half prints figures
 * under 合计/一般公共预算 column headers beside its own labels. Department, figures and pages are invented.
 */
import { describe, expect, it } from "vitest";
import type { Block, JxDocument, Page } from "../../src/document/model.js";
import { extractDisclosure } from "../../src/extract/disclosure/index.js";
import { tableKindOfTitle } from "../../src/extract/disclosure/templates.js";
import { documentLines } from "../../src/extract/disclosure/layout.js";
import { splitSections } from "../../src/extract/disclosure/sections.js";
import { tableCandidates } from "../../src/extract/disclosure/tables.js";
import { docFromLines } from "../extract/helpers.js";

type Spec = string | { t: string; cols: number };
let index = 0;

function para(page: number, top: number, text: string): Block {
  return { kind: "paragraph", index: index++, text, norm: text, prov: { page, bbox: { x0: 60, top, x1: 780, bottom: top + 14 }, span: null } };
}

/** A table whose columns start at `edges` (the last edge closes the table); each row 20 points high. */
function table(page: number, top: number, edges: number[], rows: Spec[][]): Block {
  return {
    kind: "table",
    index: index++,
    text: "",
    norm: "",
    unit: null,
    prov: { page, bbox: { x0: edges[0], top, x1: edges[edges.length - 1], bottom: top + rows.length * 20 }, span: null },
    rows: rows.map((r, ri) => {
      let col = 0;
      const cells = r.map((spec) => {
        const { t, cols } = typeof spec === "string" ? { t: spec, cols: 1 } : spec;
        const bbox = { x0: edges[col], top: top + ri * 20, x1: edges[col + cols], bottom: top + ri * 20 + 18 };
        const cell = { row: ri, col, rowSpan: 1, colSpan: cols, text: t, norm: t, prov: { page, bbox, span: null } };
        col += cols;
        return cell;
      });
      return { cells: cells.filter((c) => c.text !== "") };
    }),
  };
}

function doc(pages: Block[][]): JxDocument {
  const ps: Page[] = pages.map((blocks, i) => ({ number: i + 1, width: 842, height: 595, scanned: false, blocks }));
  return { schemaVersion: 1, source: { path: "layouts.pdf", sha256: "0", format: "pdf", pages: ps.length, size: 0 }, paged: true, pages: ps, warnings: [] };
}

const DEPT = "临川区河西街道办事处";
const unitLine = (page: number) => para(page, 100, `编制部门：${DEPT}单位：元`);
const KM = [60, 100, 130, 160, 360, 460, 540, 620, 700, 780];
const KM3 = [60, 100, 130, 160, 360, 500, 640, 780];

function disclosure(): JxDocument {
  return doc([
    [para(1, 200, `${DEPT}2026年部门预算`)],
    [
      para(2, 60, "2026年部门财务收支预算总表"),
      unitLine(2),
      table(2, 130, [60, 270, 410, 640, 780], [
        ["本年收入", "", "本年支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "48,500,000", "一、一般公共服务支出", "1,250,000"],
        ["1.一般公共预算资金", "48,500,000", "二、城乡社区支出", "47,250,000"],
        ["2.政府性基金", "", "", ""],
        ["二、事业收入", "", "", ""],
        ["收入总计", "48,500,000", "支出总计", "48,500,000"],
      ]),
    ],
    [
      para(3, 60, "2026年部门收入预算总表"),
      unitLine(3),
      table(3, 130, KM, [
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
        ["201", "", "", "一般公共服务支出", "1,250,000", "1,250,000", "0", "0", "0"],
        ["212", "", "", "城乡社区支出", "47,250,000", "47,250,000", "0", "0", "0"],
      ]),
    ],
    // The table's last row, alone on the next page: no header, same columns.
    [table(4, 80, KM, [[{ t: "合计", cols: 4 }, "48,500,000", "48,500,000", "0", "0", "0"]])],
    [
      para(5, 60, "2026年部门支出预算总表"),
      unitLine(5),
      table(5, 130, KM3, [
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["201", "", "", "一般公共服务支出", "1,250,000", "0", "1,250,000"],
        ["212", "", "", "城乡社区支出", "47,250,000", "30,100,000", "17,150,000"],
      ]),
    ],
    [table(6, 80, KM3, [[{ t: "合计", cols: 4 }, "48,500,000", "30,100,000", "18,400,000"]])],
    [
      para(7, 60, "2026年部门财政拨款收支预算总表"),
      unitLine(7),
      table(7, 130, [60, 170, 260, 410, 500, 600, 700, 780], [
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        ["一、一般公共预算资金", "48,500,000", "一、一般公共服务支出", "1,250,000", "1,250,000", "", ""],
        ["二、政府性基金", "", "二、城乡社区支出", "47,250,000", "47,250,000", "", ""],
        ["收入总计", "48,500,000", "支出总计", "48,500,000", "48,500,000", "", ""],
      ]),
    ],
    [
      para(8, 60, "2026年部门一般公共预算基本支出部门预算经济分类预算表"),
      unitLine(8),
      table(8, 130, [60, 120, 180, 480, 580, 680, 780], [
        ["经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["301", "", "工资福利支出", "26,600,000", "26,600,000", "0"],
        ["302", "", "商品和服务支出", "3,500,000", "0", "3,500,000"],
      ]),
    ],
    [table(9, 80, [60, 120, 180, 480, 580, 680, 780], [[{ t: "合计", cols: 3 }, "30,100,000", "26,600,000", "3,500,000"]])],
    // 三公 with 接待 before 用车, the vehicle group's parts named 购置费/运行费, and a 机关运行经费 column beside it.
    [
      para(10, 60, "2026年部门“三公”经费和机关运行经费预算表"),
      para(10, 100, `编制部门：${DEPT}单位:万元`),
      table(10, 130, [60, 160, 260, 360, 460, 560, 660, 780], [
        [{ t: "2026年“三公”经费预算数", cols: 6 }, "2026年机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", { t: "公务用车购置及运行费", cols: 3 }, ""],
        ["", "", "", "小计", "购置费", "运行费", ""],
        ["32.40", "0", "2.10", "30.30", "18.00", "12.30", "512.75"],
      ]),
    ],
  ]);
}

describe("disclosure table layouts", () => {
  it("names a table after the year printed before it", () => {
    expect(tableKindOfTitle("2026年部门财务收支预算总表")).toBe("summary");
    expect(tableKindOfTitle("2026年度部门收入预算总表")).toBe("income");
    expect(tableKindOfTitle("2026年部门支出预算总表")).toBe("expenditure");
    expect(tableKindOfTitle("2026年部门一般公共预算基本支出部门预算经济分类预算表")).toBe("basic");
  });

  it("reads totals from 合计 rows on headerless continuation pages and keeps each half's figures to its labels", () => {
    const r = extractDisclosure(disclosure());
    expect(r?.kind).toBe("budget");
    expect(r?.fiscalYear).toBe(2026);
    const value = (key: string) => r!.metrics.find((m) => m.key === key && m.year === 2026)?.value;
    expect(value("income.total")).toBe(48_500_000);
    expect(value("income.fiscal")).toBe(48_500_000);
    // Not 1,250,000: the 一般公共预算 column's figure beside 一般公共服务支出 on the other half.
    expect(value("income.general_budget")).toBe(48_500_000);
    expect(value("expenditure.total")).toBe(48_500_000);
    expect(value("expenditure.basic")).toBe(30_100_000);
    expect(value("expenditure.project")).toBe(18_400_000);
    expect(value("expenditure.personnel")).toBe(26_600_000);
    expect(value("expenditure.public")).toBe(3_500_000);
    const project = r!.metrics.find((m) => m.key === "expenditure.project")!;
    expect(project.page).toBe(6);
    expect(value("three_public.total")).toBe(324_000);
    expect(value("three_public.reception")).toBe(21_000);
    expect(value("three_public.vehicle")).toBe(303_000);
    expect(value("three_public.vehicle_purchase")).toBe(180_000);
    expect(value("three_public.vehicle_operation")).toBe(123_000);
  });

  it("reads a 固定资产 balance for the year of the 截至 date before it, and no amount spent on assets", () => {
    const lines = [
      `${DEPT}2026年部门预算`,
      "一、预算编制说明",
      "2026年本部门基本支出中安排购置固定资产50.00万元，主要用于更新办公设备。",
      "二、其他相关情况说明",
      "截至2025年12月31日，本部门共有车辆3辆。固定资产1,234.50万元，其中：房屋2,100平方米；其他固定资产0万元。",
    ];
    const r = extractDisclosure(docFromLines(lines, "layouts.txt"));
    const fixed = r!.metrics.filter((m) => m.key === "assets.fixed_total");
    expect(fixed.map((m) => [m.year, m.value])).toEqual([[2025, 12_345_000]]);
  });

  it("binds a 支出 figure whose own label is blank to no 收入 label across the row", () => {
    const lines = ["收支预算总表", "单位：万元", "收入项目\t金额\t支出项目\t金额", "一、财政拨款\t3,106.40\t一、基本支出\t1,842.15", "二、其他收入\t150.00\t\t1,414.25"];
    const { sections } = splitSections(documentLines(docFromLines(lines, "two-sided.txt")));
    const other = tableCandidates(sections, 2026).filter((c) => c.key === "income.other");
    expect(other.map((c) => c.value)).toEqual([1_500_000]);
  });
});
