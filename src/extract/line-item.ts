/**
 * Line items: every amount of a 预算/决算 disclosure's 公开表 as one row of (table, 科目 code, name, level, column,
 * amount, provenance). The rules that check row and column sums, the 类 ⊃ 款 ⊃ 项 hierarchy and the identities between
 * the national tables read these alone, so a stored report is re-checked without its document.
 */
import { z } from "zod";
import { FigureProvenanceSchema } from "./provenance.js";

/**
 * 类/款/项 from the code's length (3, 5, 7 digits; 经济分类 codes 3 and 5), `total` for 合计/总计 rows, `subtotal` for
 * 小计 rows, `line` for any other labelled row (收支总表 lines such as 一、财政拨款收入).
 */
export const LineLevelSchema = z.enum(["class", "section", "item", "total", "subtotal", "line"]);
export type LineLevel = z.infer<typeof LineLevelSchema>;

export const LineItemSchema = z.object({
  /** Which national table (schemas/line-items.json `tables[].id`: summary, income, expenditure, fiscal, general …; other). */
  table: z.string(),
  /** The table's title as printed. */
  title: z.string(),
  /** The table's position among the document's tables read as tables (0-based): two tables of one kind stay apart. */
  tableNo: z.number().int().min(0),
  /** The data row within the table, 0-based, counted across the pages the table runs over. */
  row: z.number().int().min(0),
  /** Which label column group the amount belongs to (two-sided 收支总表: 0 收入, 1 支出 …); 0 in one-sided tables. */
  side: z.number().int().min(0),
  /** The 科目 code as printed, split 类/款/项 cells joined ("2010507"); null for rows without one. */
  code: z.string().nullable(),
  /** The row's label (科目名称 or 项目), printed words without spaces or list numbering. */
  name: z.string(),
  level: LineLevelSchema,
  /** The list numbering the label opens with, as printed ("一、", "1.", "（一）"); absent when none (and before it was read). */
  mark: z.string().nullable().optional(),
  /** The column header, its header cells from top to bottom joined by "/" ("支出预算/基本支出"). */
  column: z.string(),
  /** What the column holds (schemas/line-items.json `columns[].role`: total, basic, project …), null when unknown. */
  role: z.string().nullable(),
  /** Exact amount in 元 (two decimals at most). */
  value: z.number(),
  /** The cell as printed ("2,932,700"). */
  text: z.string(),
  /** The table's 单位 (元, 万元 …): its size in 元 and the printed decimals give the rounding. */
  scale: z.number(),
  decimals: z.number().int().min(0),
  prov: FigureProvenanceSchema,
});
export type LineItem = z.infer<typeof LineItemSchema>;
