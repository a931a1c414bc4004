import type { LineItem } from "../../src/extract/line-item.js";
import { levelOf } from "../../src/extract/disclosure/line-items.js";
import { report } from "./helpers.js";

/**
 * A 公开表 as line items, written the way it is printed: a header (column paths, "支出预算/合计") and rows of
 * [code, name, ...cells as printed] in the table's unit (万元 with two decimals, or 元). A blank cell is no item.
 */
export function table(opts: { table: string; title: string; tableNo?: number; unit?: "元" | "万元"; columns: string[]; roles: Array<string | null>; rows: Array<[string | null, string, ...string[]]> }): LineItem[] {
  const scale = opts.unit === "元" ? 1 : 10000;
  const out: LineItem[] = [];
  opts.rows.forEach(([code, name, ...cells], row) => {
    cells.forEach((text, col) => {
      if (!text) return;
      const decimals = /\.(\d+)/.exec(text)?.[1].length ?? 0;
      const value = Math.round(Number(text.replace(/,/g, "")) * scale * 100) / 100;
      out.push({
        table: opts.table, title: opts.title, tableNo: opts.tableNo ?? 0, row, side: 0, code, name, level: levelOf(code, name),
        mark: /^(?:[一二三四五六七八九十]+、|\d+\.)/.exec(name)?.[0] ?? null,
        column: opts.columns[col], role: opts.roles[col], value, text, scale, decimals,
        prov: { page: row + 1, block: 1, bbox: null, span: null, cell: { row: row + 3, col: col + 2 } },
      });
    });
  });
  return out;
}

export const budgetReport = (lineItems: LineItem[]) => report([], { kind: "budget", lineItems });

/** A 支出预算总表 by 功能分类 (万元): 合计, 基本支出, 项目支出; `edit` changes one printed cell. */
export function expenditureTable(edit: (rows: Array<[string | null, string, ...string[]]>) => void = () => {}): LineItem[] {
  const rows: Array<[string | null, string, ...string[]]> = [
    [null, "合计", "1,530.40", "1,020.15", "510.25"],
    ["201", "一般公共服务支出", "1,120.30", "820.05", "300.25"],
    ["20103", "政府办公厅（室）及相关机构事务", "1,120.30", "820.05", "300.25"],
    ["2010301", "行政运行", "820.05", "820.05", "0.00"],
    ["2010302", "一般行政管理事务", "300.25", "0.00", "300.25"],
    ["208", "社会保障和就业支出", "410.10", "200.10", "210.00"],
    ["20805", "行政事业单位养老支出", "200.10", "200.10", "0.00"],
    ["2080505", "机关事业单位基本养老保险缴费支出", "200.10", "200.10", "0.00"],
    ["20899", "其他社会保障和就业支出", "210.00", "0.00", "210.00"],
    ["2089999", "其他社会保障和就业支出", "210.00", "0.00", "210.00"],
  ];
  edit(rows);
  return table({ table: "expenditure", title: "部门支出预算总表", columns: ["支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"], roles: ["total", "basic", "project"], rows });
}
