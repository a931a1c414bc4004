/**
 * The 公开表 templates of 部门预算/决算 disclosures (schemas/disclosure-tables.json): which table a title names, which
 * row labels and column headers give which metric key, the "三公"经费 column template and the 情况说明 sentence labels.
 * Ids: a metric column or row is "key" or "key#scope" (scope current = 本年 total, grand = 总计 total); a column that is
 * not a metric is its role ("all", "sub", "ignore", "meeting", "training").
 */
import { z } from "zod";
import { loadVocabulary } from "./load.js";
import { normaliseLabel } from "../label-text.js";

const ScopeSchema = z.enum(["current", "grand"]);
export type Scope = z.infer<typeof ScopeSchema>;
const KeySchema = z.string().regex(/^[a-z_]+\.[a-z_]+$/);

const RowDefSchema = z.object({ key: KeySchema, scope: ScopeSchema.optional(), labels: z.array(z.string().min(1)).min(1) });
const RowEntrySchema = z.union([RowDefSchema, z.object({ include: z.string() })]);
const ColumnDefSchema = z.union([
  z.object({ key: KeySchema, scope: ScopeSchema.optional(), patterns: z.array(z.string().min(1)).min(1) }),
  z.object({ role: z.enum(["all", "sub", "ignore", "meeting", "training"]), patterns: z.array(z.string().min(1)).min(1) }),
]);

export const TableTemplateSchema = z.object({
  kind: z.string().min(1),
  titles: z.array(z.string()),
  priority: z.number().int().min(1),
  read: z.array(z.enum(["rows", "columns"])).min(1),
  rows: z.array(RowEntrySchema).optional(),
  columns: z.array(ColumnDefSchema).optional(),
  groupHeaders: z.array(z.string().min(1)).optional(),
});

const ThreePublicColumnSchema = z.object({
  id: z.string().min(1),
  key: KeySchema.optional(),
  label: z.string().optional(),
  when: z.string().optional(),
});

export const DisclosureTablesSchema = z.object({
  $comment: z.string().optional(),
  groups: z.record(z.string(), z.array(RowDefSchema)),
  tables: z.array(TableTemplateSchema).min(1),
  blankFirst: z.array(z.string()),
  threePublic: z.object({
    columns: z.array(ThreePublicColumnSchema).min(1),
    sums: z.array(z.object({ total: z.string(), parts: z.array(z.string()).min(1) })),
    blankFirst: z.array(z.string()),
    budgetAndFinal: z.object({ when: z.array(z.string()).min(1), budgetPrefix: z.string().min(1) }),
  }),
  fragments: z.object({
    $comment: z.string().optional(),
    minSignals: z.number().int().min(1),
    signals: z.array(z.string().min(1)).min(1),
    finalMarkers: z.array(z.string().min(1)).min(1),
    budgetMarkers: z.array(z.string().min(1)).min(1),
    pageChrome: z.array(z.string().min(1)),
  }),
  prose: z.object({
    parts: z.record(z.string(), z.string()),
    labels: z
      .array(z.object({ keys: z.array(KeySchema).min(1), scope: ScopeSchema.optional(), pattern: z.string().min(1), asOf: z.boolean().optional() }))
      .min(1),
    counts: z.object({ $comment: z.string().optional(), tail: z.string(), units: z.array(z.string().min(1)).min(1) }),
  }),
});

const FILE = loadVocabulary("disclosure-tables.json", DisclosureTablesSchema);

export interface RowLabels {
  id: string;
  /** Normalised (label-text.ts), in the file's order. */
  labels: string[];
}
export interface ColumnHeader {
  id: string;
  patterns: string[];
}
export interface TableTemplate {
  kind: string;
  titles: RegExp[];
  priority: number;
  read: Array<"rows" | "columns">;
  rows: RowLabels[];
  columns: ColumnHeader[];
  /** Header cells naming a group of columns (nested 小计 columns belong to them), or null. */
  groupHeaders: RegExp | null;
}

const idOf = (key: string, scope: Scope | undefined) => (scope ? `${key}#${scope}` : key);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function rowsOf(entries: z.infer<typeof RowEntrySchema>[]): RowLabels[] {
  return entries.flatMap((e) => {
    if ("include" in e) {
      const group = FILE.groups[e.include];
      if (!group) throw new Error(`schemas/disclosure-tables.json: no group ${e.include}`);
      return rowsOf(group);
    }
    return [{ id: idOf(e.key, e.scope), labels: [...new Set(e.labels.map(normaliseLabel))] }];
  });
}

export const TABLE_TEMPLATES: TableTemplate[] = FILE.tables.map((t) => ({
  kind: t.kind,
  titles: t.titles.map((s) => new RegExp(s)),
  priority: t.priority,
  read: t.read,
  rows: rowsOf(t.rows ?? []),
  columns: (t.columns ?? []).map((c) => ({ id: "role" in c ? c.role : idOf(c.key, c.scope), patterns: c.patterns })),
  groupHeaders: t.groupHeaders ? new RegExp(t.groupHeaders.map(escape).join("|")) : null,
}));

const BY_KIND = new Map(TABLE_TEMPLATES.map((t) => [t.kind, t]));

export function tableTemplate(kind: string): TableTemplate {
  const t = BY_KIND.get(kind);
  if (!t) throw new Error(`no disclosure table template ${kind}`);
  return t;
}

/** The template for a title that names none of the others (titles: []). */
export const FALLBACK_TABLE = TABLE_TEMPLATES.find((t) => t.titles.length === 0)!;
if (!FALLBACK_TABLE) throw new Error("schemas/disclosure-tables.json: no fallback table (titles: [])");

/** Column ids most often left blank in practice, most often first (budgets plan no 结转下年; offices have no 经营收入). */
export const BLANK_FIRST: readonly string[] = FILE.blankFirst;

export const THREE_PUBLIC = FILE.threePublic;

/** How a disclosure's page without its title is recognised, compiled (see the file's `fragments.$comment`). */
export const FRAGMENTS = {
  minSignals: FILE.fragments.minSignals,
  signals: FILE.fragments.signals.map((s) => new RegExp(s)),
  final: new RegExp(FILE.fragments.finalMarkers.join("|"), "g"),
  budget: new RegExp(FILE.fragments.budgetMarkers.join("|"), "g"),
  chrome: new RegExp(FILE.fragments.pageChrome.join("|")),
};

/** Sentence labels of the 情况说明, compiled; `ids` are the keys each names ("key#scope"). */
export const PROSE_LABELS: ReadonlyArray<{ ids: string[]; source: string; asOf: boolean }> = FILE.prose.labels.map((l) => ({
  ids: l.keys.map((k) => idOf(k, l.scope)),
  asOf: l.asOf ?? false,
  source: l.pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const part = FILE.prose.parts[name];
    if (part === undefined) throw new Error(`schemas/disclosure-tables.json: no prose part ${name}`);
    return part;
  }),
}));

/** How a head count follows its staff label in the 情况说明 (see the file's `prose.counts.$comment`). */
export const PROSE_COUNTS = { tail: FILE.prose.counts.tail, units: FILE.prose.counts.units };
