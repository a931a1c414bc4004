/**
 * Reading the 公开表 templates (schemas/disclosure-tables.json, loaded by vocab/disclosure-tables.ts): which template a
 * title line names, and which metric a (possibly wrapped) row label names.
 */
import { FALLBACK_TABLE, TABLE_TEMPLATES, type RowLabels } from "../vocab/disclosure-tables.js";
import { partRowLabel } from "../label-text.js";

/** Recognise a 公开表 title line (numbering and "公开01表" stripped): the template's kind, or null for a non-title. */
export function tableKindOfTitle(line: string): string | null {
  const s = line
    .replace(/\s+/g, "")
    .replace(/^(?:公开\d+表[:：]?|表(?:[一二三四五六七八九十]+|\d{1,2}(?!\d))[:：]?|[一二三四五六七八九十]+[、.．]|\d+[、.．]|附表\d*[:：]?)/, "")
    // Many issuers print the year before the table's name ("2024年部门收入预算总表"): the name is what follows.
    .replace(/^20\d{2}年度?/, "")
    // "（一般公共预算）", "（公开05表）", "（功能科目）", "（经济分类）": a note after the name.
    .replace(/[（(](?:一般公共预算|公开\d+表|(?:功能|经济)(?:分类)?(?:科目)?)[)）]$/, "")
    .replace(/\d+$/, "")
    // A page that runs the title into its unit line ("…决算表单位:万元"): the unit is no part of the name.
    .replace(/(?:金额)?单位[:：](?:亿元|万元|元)$/, "");
  if (s.length > 42 || /[。，；]/.test(s) || !/表$/.test(s)) return null;
  for (const t of TABLE_TEMPLATES) if (t.titles.some((re) => re.test(s))) return t.kind;
  return FALLBACK_TABLE.kind;
}

/** The id a row label names: an exact label, or a cut-off label (4+ characters) that only one key's labels start with. */
export function matchRowLabel(label: string, rows: RowLabels[]): string | null {
  const l = partRowLabel(label);
  if (!l) return null;
  for (const r of rows) if (r.labels.includes(l)) return r.id;
  if (l.length < 4) return null;
  const hits = new Set<string>();
  for (const r of rows) for (const lab of r.labels) if (lab.startsWith(l)) hits.add(r.id);
  return hits.size === 1 ? [...hits][0] : null;
}
