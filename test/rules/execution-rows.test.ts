import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { executionRows } from "../../src/rules/execution-rows.js";
import { extract } from "../../src/extract/extract.js";
import { DocumentSchema, type JxDocument } from "../../src/document/model.js";

/** A 项目支出绩效自评表's funding block as a one-table document; `rows` are 名称, 年初, 全年预算, 全年执行, 分值, 执行率, 得分. */
function run(rows: string[][], head = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]) {
  const all = [head, ...rows];
  const prov = { page: 1, bbox: null, span: null };
  const table = {
    kind: "table" as const, index: 1, prov, unit: null, text: "", norm: "",
    rows: all.map((cells, row) => ({ cells: cells.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, norm: text, prov })) })),
  };
  const title = { kind: "heading" as const, index: 0, level: 0, numbering: null, prov, text: "北河堤防加固工程2024年度项目支出绩效自评表", norm: "北河堤防加固工程2024年度项目支出绩效自评表" };
  const doc: JxDocument = DocumentSchema.parse({
    schemaVersion: 1, source: { path: "form.docx", sha256: "0", format: "docx", pages: 1, size: 1 }, paged: false,
    pages: [{ number: 1, width: null, height: null, scanned: false, blocks: [title, table] }], warnings: [],
  });
  return checkRule(executionRows, extract(doc), doc);
}

const total = ["年度资金总额", "300.00", "320.00", "304.00", "10", "95.00%", "9.5"];

describe("execution-rows", () => {
  it("valid: every row's rate is its execution over its full-year budget, as rounded", () => {
    expect(run([total, ["其中：当年财政拨款", "280.00", "290.00", "277.13", "—", "95.56%", "—"], ["上年结转资金", "20.00", "30.00", "26.87", "—", "89.57%", "—"]])).toEqual([]);
  });
  it("invalid: a 其中 row whose rate does not follow from its own two amounts", () => {
    const f = run([total, ["其中：当年财政拨款", "280.00", "290.00", "277.13", "—", "98.56%", "—"]]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("其中：当年财政拨款");
    expect(f[0].expected).toBeCloseTo(95.56, 2);
  });
  it("rows one column off their header (a merged cell over the labels, or none), headers with bracketed notes", () => {
    // The header has a cell of its own above the row labels: the rows' figures sit one column left of their headers.
    const merged = ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"];
    expect(run([["总额", "0.00", "8.40", "8.40", "100.00%", "10", "10"], ["其中:财政资金", "0.00", "8.40", "8.40", "100.00%", "/", "/"]], merged)).toEqual([]);
    const f = run([["总额", "0.00", "8.40", "8.40", "100.00%", "10", "10"], ["其中:财政资金", "0.00", "8.40", "8.40", "97.00%", "/", "/"]], merged);
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining("其中:财政资金")]);
    // No cell above the labels: the figures sit one column right.
    const bare = ["全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"];
    expect(run([["年度资金总额:", "500.5", "420.42", "84%"], ["其中:中央财政资金", "500.5", "420.42", "84%"]], bare)).toEqual([]);
    expect(run([["年度资金总额:", "500.5", "420.42", "84%"], ["其中:中央财政资金", "500.5", "420.42", "87%"]], bare)).toHaveLength(1);
  });
});
