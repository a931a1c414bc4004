/**
 * Line items of a disclosure's 公开表: every amount cell of a table section (sections.ts) printed as a document table
 * becomes one LineItem with its table, 科目 code, row label, level, column header and provenance. Tables the reader
 * did not give as table blocks (text laid out with spaces) yield none: a row/column check needs the grid.
 */
import type { Block, Cell, JxDocument, TableBlock } from "../../document/model.js";
import { parseAmountIn } from "../amount.js";
import { printedRowLabel } from "../label-text.js";
import type { LineItem, LineLevel } from "../line-item.js";
import { LINE_TABLES, SUBTOTAL_LABEL, TOTAL_LABEL } from "../vocab/line-items.js";
import { cellText, isDataRow, isNumberText, modelOf, placeCells, type ColumnModel } from "./line-columns.js";
import type { Section } from "./sections.js";
import { sectionUnit } from "./tables.js";

/** The national table a title names: the first of schemas/line-items.json whose pattern matches; other when none. */
export function lineTableOf(title: string): string {
  const s = title
    .replace(/[\s【】[\]]/g, "")
    .replace(/^(?:公开\d+表[:：]?|表[一二三四五六七八九十]+[:：]?|[一二三四五六七八九十]+[、.．]|\d+[、.．]|附表\d*[:：]?)/, "")
    .replace(/^20\d{2}年度?/, "")
    .replace(/[（(](?:(?:功能|经济)(?:分类)?(?:科目)?|公开\d+表)[)）]$/, "");
  for (const t of LINE_TABLES) if (t.titles.some((re) => re.test(s))) return t.id;
  return "other";
}

/** 类/款/项 by code length (功能分类 3/5/7 digits, 经济分类 3/5), else what the label says. */
export function levelOf(code: string | null, name: string): LineLevel {
  if (code?.length === 3) return "class";
  if (code?.length === 5) return "section";
  if (code?.length === 7) return "item";
  const bare = name.replace(/[/:：]/g, "");
  if (TOTAL_LABEL.test(bare)) return "total";
  if (SUBTOTAL_LABEL.test(bare)) return "subtotal";
  return "line";
}

/** A code and a name printed in one cell ("2010101 行政运行", "30201办公费"). */
const RE_CODE_NAME = /^(\d{3}|\d{5}|\d{7})(?!\d)([^\d].*)$/;

interface RowLabel {
  code: string | null;
  name: string;
  mark: string | null;
}

/** List numbering opening a label: 一、 (a top line), 1. or （一） (a line under it). */
const RE_MARK = /^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）])/;

/** Code parts of split 类/款/项 columns left blank repeat the row above's (per side, per code column). */
type CodeMemory = Map<number, string>;

function rowLabel(model: ColumnModel, placed: Map<number, Cell>, side: number, memory: CodeMemory, at: number): RowLabel | null {
  const cols = model.columns;
  const codeCols = cols.map((c, i) => i).filter((i) => cols[i].side === side && cols[i].kind === "code");
  const names: string[] = [];
  let last = -1;
  codeCols.forEach((i, k) => {
    const t = placed.has(i) ? cellText(placed.get(i)!) : "";
    if (/^\d+$/.test(t)) {
      memory.set(i, t);
      last = k;
      for (const j of codeCols.slice(k + 1)) if (!placed.has(j)) memory.delete(j);
    } else if (t) names.push(t);
  });
  // Spreadsheets drop a 款/项 part's leading zero ("2" for 02): split parts after the 类 are two digits.
  let code = last >= 0 ? codeCols.slice(0, last + 1).map((i, k) => (k > 0 ? (memory.get(i) ?? "").padStart(2, "0") : (memory.get(i) ?? ""))).join("") : null;
  for (const [i, c] of placed) if (cols[i].side === side && cols[i].kind === "label") names.push(cellText(c));
  if (!code && names.length === 1) {
    const m = RE_CODE_NAME.exec(names[0]);
    if (m) {
      code = m[1];
      names[0] = m[2];
    }
  }
  const mark = names.length ? (RE_MARK.exec(names[names.length - 1].replace(/^其中[:：]?/, ""))?.[0] ?? null) : null;
  let name = names.map(printedRowLabel).filter(Boolean).join("/");
  if (!name && !code) {
    // A label printed in another side's label column (收支总表: 当年支出小计 left of an empty 支出用途 label).
    for (let i = at - 1; i >= 0; i--) {
      const c = placed.get(i);
      if (c && (cols[i].kind === "label" || cols[i].kind === "code") && !isNumberText(cellText(c))) {
        name = printedRowLabel(cellText(c));
        break;
      }
    }
  }
  const labelled = cols.some((c) => c.side === side && (c.kind === "label" || c.kind === "code"));
  return name || code || !labelled ? { code, name, mark } : null;
}

/**
 * A section's line items. A block bringing a header unlike the one before starts another table (a title the section
 * split missed), so two tables never share a column or an outline.
 */
function sectionItems(s: Section, nextTable: () => number, blocks: Map<number, Block>): LineItem[] {
  const table = lineTableOf(s.title);
  const unit = sectionUnit(s);
  // The rows of each table block inside the section, in order.
  const rowsOf = new Map<number, Set<number>>();
  for (const l of s.lines) {
    const row = l.cells[0]?.cell?.row;
    if (!l.fromTable || row === undefined) continue;
    if (!rowsOf.has(l.block)) rowsOf.set(l.block, new Set());
    rowsOf.get(l.block)!.add(row);
  }
  const out: LineItem[] = [];
  let model: ColumnModel | null = null;
  let rowNo = 0;
  let tableNo = -1;
  const memory: CodeMemory = new Map();
  const signature = (m: ColumnModel) => m.columns.map((c) => c.header).join("|");
  for (const [index, rowSet] of rowsOf) {
    const block = blocks.get(index);
    if (!block || block.kind !== "table") continue;
    const rows = block.rows.filter((_, i) => rowSet.has(i)).map((r) => r.cells);
    const first = rows.findIndex(isDataRow);
    if (first < 0) continue;
    const own = modelOf(block, rows.slice(0, first), rows.slice(first));
    if (own && (!model || signature(own) !== signature(model))) {
      tableNo = nextTable();
      rowNo = 0;
      memory.clear();
    }
    model = own ?? model;
    if (!model) continue;
    for (const cells of rows.slice(first)) {
      const placed = placeCells(model, block as TableBlock, cells);
      for (const [i, cell] of placed) {
        const col = model.columns[i];
        if (col.kind !== "amount") continue;
        const t = cellText(cell);
        const amount = isNumberText(t) ? parseAmountIn(t, unit) : null;
        if (!amount) continue;
        const label = rowLabel(model, placed, col.side, memory, i);
        if (!label) continue;
        const start = Math.max(0, cell.norm.search(/\S/));
        out.push({
          table,
          title: s.title,
          tableNo,
          row: rowNo,
          side: col.side,
          code: label.code,
          name: label.name,
          mark: label.mark,
          level: levelOf(label.code, label.name),
          column: col.header,
          role: col.role,
          value: amount.value,
          text: t,
          scale: amount.scale,
          decimals: amount.decimals,
          prov: { page: cell.prov.page, block: block.index, bbox: cell.prov.bbox, span: { start, end: start + cell.norm.trim().length }, cell: { row: cell.row, col: cell.col } },
        });
      }
      // Every data row counts, blank or not: a gap in a column's rows is a line printed there without an amount.
      rowNo++;
    }
  }
  return out;
}

export function lineItems(doc: JxDocument, sections: Section[]): LineItem[] {
  const blocks = new Map<number, Block>();
  for (const p of doc.pages) for (const b of p.blocks) blocks.set(b.index, b);
  let count = 0;
  const items = sections.flatMap((s) => sectionItems(s, () => count++, blocks));
  const byTable = new Map<number, LineItem[]>();
  for (const x of items) byTable.set(x.tableNo, [...(byTable.get(x.tableNo) ?? []), x]);
  // A table of amount columns only (支出总表 printed as one row under its headers): that row is the table's total.
  for (const t of byTable.values()) if (t.every((x) => x.row === 0 && !x.name && !x.code)) for (const x of t) Object.assign(x, { name: "合计", level: "total" });
  return items;
}
