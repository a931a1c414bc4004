/**
 * 公开表 that a web page keeps one cell a line and prints down: each row's label on its line, its amount on the next
 * (a "|" after each cell, rules between rows). Read without geometry, a lone amount belongs to the label line above
 * it; a 行次 column's row number is not a figure; of 预算数 | 决算数 the 决算数 is a 决算's own. Also the title run
 * into its unit line, a table numbered 表1, and totals told as 本单位收入为 / 部门预算总收入 (texts written here,
 * figures and names invented).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { tableKindOfTitle } from "../../src/extract/disclosure/templates.js";
import { docFromLines } from "../extract/helpers.js";
import type { Block, JxDocument } from "../../src/document/model.js";
import { extractDisclosure } from "../../src/extract/disclosure/index.js";

const run = (lines: string[]) => extract(docFromLines(lines));
const value = (r: ReturnType<typeof run>, key: string) => r.metrics.find((m) => m.key === key && m.year === r.fiscalYear)?.value;
/** Each cell on its own line followed by a "|" line; a "|" rule after each row. */
const cells = (rows: string[][]) => rows.flatMap((r) => [...r.flatMap((c) => [c, "|"]), "|"]);

describe("tables printed down one cell a line", () => {
  it("a 三公 budget table: each part's amount is on the line after its label", () => {
    const r = run([
      "东河县档案馆2025年“三公”经费预算",
      "一、2025年“三公”经费支出预算表",
      ...cells([["项 目", "预 算 数"], ["合 计", "9.6"], ["因公出国(境)费", "0.00"], ["公务接待费", "3.10"], ["公务用车购置及运行费", "6.50"], ["其中:公务用车运行费", "6.50"], ["公务用车购置费", "0.00"]]),
      "二、2025年“三公”经费支出预算情况说明",
      "东河县档案馆2025年度“三公”经费支出预算为9.6万元,比2024年预算减少0.4万元,下降4%。",
    ]);
    expect(value(r, "three_public.total")).toBe(96000);
    expect(value(r, "three_public.vehicle_operation")).toBe(65000);
    expect(value(r, "three_public.vehicle_purchase")).toBe(0);
    expect(value(r, "three_public.reception")).toBe(31000);
  });

  it("a 决算 三公 table with 预算数 and 决算数: a full row gives its 决算数, a row short of a cell nothing", () => {
    const r = run([
      "一、2023年度一般公共预算财政拨款“三公”经费支出决算表",
      "单位:万元",
      "项 目 |",
      "预 算 数 |",
      "决 算 数 |",
      ...["合 计", "30", "12.5", "因公出国(境)费", "8", "公务接待费", "10", "4.2", "公务用车购置及运行维护费", "12", "8.3", "其中:公务用车运行维护费", "12", "8.3"].map((c) => `${c} |`),
      "二、2023年度一般公共预算财政拨款“三公”经费支出情况说明",
      "西岭区农业农村局2023年度一般公共预算财政拨款“三公”经费支出决算为12.5万元。",
    ]);
    expect(r.kind).toBe("final-accounts");
    expect(value(r, "three_public.total")).toBe(125000);
    expect(value(r, "three_public.vehicle_operation")).toBe(83000);
    expect(value(r, "three_public.overseas")).toBeUndefined();
  });

  it("a 收支总表 with a 行次 column: the row number is not the amount", () => {
    const r = run([
      "西岭区妇幼保健院2023年度部门决算",
      "表1 收入支出决算总表",
      ...["金额单位:万元", "收入", "支出", "项 目", "行次", "决算数", "项 目", "行次", "决算数"].map((c) => `${c} |`),
      ...["一、一般公共预算财政拨款收入", "1", "812.40", "一、一般公共服务支出", "32", "0.00", "二、上级补助收入", "2", "三、事业收入", "3", "2,306.75"].map((c) => `${c} |`),
    ]);
    expect(value(r, "income.general_budget")).toBe(8124000);
    expect(value(r, "income.business")).toBe(23067500);
    expect(value(r, "income.superior")).toBeUndefined();
  });

  it("the same table printed to PDF, one cell a line with geometry, reads the same", () => {
    const texts = ["东河县档案馆2025年“三公”经费预算", "一、2025年“三公”经费支出预算表", "项目", "预算数", "合计", "9.6", "因公出国(境)费", "0.00", "公务接待费", "3.10", "公务用车购置及运行费", "6.50", "其中:公务用车运行费", "6.50", "公务用车购置费", "0.00"];
    const blocks: Block[] = texts.map((t, i) => ({ kind: "paragraph", index: i, text: t, norm: t, prov: { page: 1, bbox: { x0: 72, top: 72 + i * 16, x1: 72 + t.length * 10, bottom: 84 + i * 16 }, span: null } }));
    const doc: JxDocument = { schemaVersion: 1, source: { path: "down.pdf", sha256: "0", format: "pdf", pages: 1, size: 0 }, paged: true, pages: [{ number: 1, width: 595, height: 842, scanned: false, blocks }], warnings: [] };
    const r = extractDisclosure(doc)!;
    const v = (key: string) => r.metrics.find((m) => m.key === key)?.value;
    expect(v("three_public.vehicle_operation")).toBe(65000);
    expect(v("three_public.vehicle_purchase")).toBe(0);
    expect(v("three_public.total")).toBe(96000);
  });

  it("a title numbered 表1 or run into its unit line still names its table", () => {
    expect(tableKindOfTitle("表1收入支出决算总表")).toBe(tableKindOfTitle("收入支出决算总表"));
    expect(tableKindOfTitle("一、2023年度一般公共预算财政拨款“三公”经费支出决算表单位:万元")).toBe("threePublic");
  });
});

describe("totals told of the unit itself", () => {
  it("本单位收入为 and 本单位支出为 are the year's totals", () => {
    const r = run([
      "南川市实验幼儿园2022年度部门决算公开",
      "(一)收入决算情况。",
      "2022年度,本单位收入为820.50万元,其中:财政拨款收入760.50万元,事业收入60万元。",
      "(二)支出决算情况",
      "2022年度,本单位支出为845.20万元。其中:基本支出700.20万元,项目支出145万元。",
    ]);
    expect(value(r, "income.total")).toBe(8205000);
    expect(value(r, "expenditure.total")).toBe(8452000);
  });

  it("部门预算总收入 / 总支出, and a school's 支出预算总额", () => {
    const r = run([
      "北岗乡中心小学2024年部门预算",
      "2024年部门预算总收入310.40万元,其中财政拨款收入310.40万元。",
      "2024年北岗乡中心小学支出预算总额为310.40万元,其中基本支出300.40万元,项目支出10万元。",
    ]);
    expect(value(r, "income.total")).toBe(3104000);
    expect(value(r, "expenditure.total")).toBe(3104000);
  });
  it("收入安排 / 支出安排, 预算收入 / 预算支出 and 收支预算总额 are a budget's totals; a part's 预算支出 is not", () => {
    const a = run(["西岭县第二中学2023年部门预算", "2023年预算内收入安排420.30万元,支出420.30万元。", "2022年预算内收入安排400.10万元,支出400.10万元。"]);
    expect(value(a, "income.total")).toBe(4203000);
    expect(value(a, "expenditure.total")).toBe(4203000);
    expect(a.metrics.find((m) => m.key === "income.total" && m.year === 2022)?.value).toBe(4001000);
    const b = run(["西岭县林业站2024年部门预算", "2024年单位预算收入88万元,预算支出88万元。"]);
    expect(value(b, "income.total")).toBe(880000);
    expect(value(b, "expenditure.total")).toBe(880000);
    const c = run(["西岭县林业站2024年部门预算", "2024年收支预算总额88万元。"]);
    expect(value(c, "expenditure.total")).toBe(880000);
    const d = run(["西岭县林业站2024年“三公”经费预算", "(一)因公出国(境)费。2024年预算支出为0万元,本年度无出国计划。", "(二)公务接待费。2024年支出安排2万元。"]);
    expect(value(d, "expenditure.total")).toBeUndefined();
  });
  it("a prior figure compared by the year's number (比2023年X增加) is the year before's, and only that year's", () => {
    const r = run(["西岭县林业站2024年部门预算", "2024年收入预算安排88万元,比2023年80万元增加8万元。", "本单位支出预算安排88万元,比2022年70万元增加18万元。"]);
    const of = (key: string, year: number) => r.metrics.find((m) => m.key === key && m.year === year)?.value;
    expect(of("income.total", 2023)).toBe(800000);
    expect(of("expenditure.total", 2024)).toBe(880000);
    expect(of("expenditure.total", 2022)).toBeUndefined();
    expect(of("expenditure.total", 2023)).toBeUndefined();
  });
});

