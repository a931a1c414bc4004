/**
 * The words line items are read by (schemas/line-items.json): which national table a title names, which header cells
 * mark 科目 code columns, what an amount column holds, and which row labels are totals.
 */
import { z } from "zod";
import { loadVocabulary } from "./load.js";

const Regexes = z.array(z.string().min(1)).min(1);

export const LineItemsVocabSchema = z.object({
  $comment: z.string().optional(),
  tables: z.array(z.object({ id: z.string().regex(/^[a-zA-Z]+$/), titles: Regexes })).min(1),
  codeHeaders: Regexes,
  indexHeaders: Regexes,
  columns: z.array(z.object({ role: z.string().regex(/^[a-zA-Z]+$/), patterns: Regexes })).min(1),
  partHeaders: Regexes,
  totalLabels: Regexes,
  subtotalLabels: Regexes,
  carryLines: Regexes,
});

const FILE = loadVocabulary("line-items.json", LineItemsVocabSchema);
const any = (xs: string[]) => new RegExp(xs.map((x) => `(?:${x})`).join("|"));

export const LINE_TABLES: ReadonlyArray<{ id: string; titles: RegExp[] }> = FILE.tables.map((t) => ({ id: t.id, titles: t.titles.map((s) => new RegExp(s)) }));
export const CODE_HEADER = any(FILE.codeHeaders);
export const INDEX_HEADER = any(FILE.indexHeaders);
export const COLUMN_ROLES: ReadonlyArray<{ role: string; patterns: RegExp[] }> = FILE.columns.map((c) => ({ role: c.role, patterns: c.patterns.map((s) => new RegExp(s)) }));
export const PART_HEADER = any(FILE.partHeaders);
export const TOTAL_LABEL = any(FILE.totalLabels);
export const SUBTOTAL_LABEL = any(FILE.subtotalLabels);
export const CARRY_LINE = any(FILE.carryLines);
