/**
 * "The same metrics in every format": a report counts when every rendering of it yields the same department, fiscal
 * year, kind and the same set of (key, year, value), its projects' figures included. Whether those are right is the
 * scorer's business; this only compares the renderings with each other.
 */
import type { DocResult } from "./aggregate.js";

interface Extracted {
  department: string | null;
  fiscalYear: number | null;
  kind: string | null;
  metrics: { key: string; year: number | null; value: number | null; text?: string }[];
  projects: { name: string; metrics: Extracted["metrics"] }[];
}

const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

function item(m: Extracted["metrics"][number]): string {
  const v = m.value === null || !Number.isFinite(m.value) ? JSON.stringify(m.text ?? null) : String(Math.round(m.value * 100) / 100);
  return `${m.key}@${m.year ?? "-"}=${v}`;
}

/** What one rendering extracted, as a sorted list of comparable strings. */
export function signature(r: Extracted): string[] {
  const out = new Set<string>([`department=${r.department === null ? "-" : squash(r.department)}`, `fiscalYear=${r.fiscalYear ?? "-"}`, `kind=${r.kind ?? "-"}`]);
  for (const m of r.metrics) out.add(item(m));
  for (const p of r.projects) for (const m of p.metrics) out.add(`[${squash(p.name)}] ${item(m)}`);
  return [...out].sort();
}

export interface FormatDiff { item: string; in: string[]; notIn: string[] }
export interface ReportConsistency { gold: string; formats: string[]; same: boolean; errors: string[]; diffs: FormatDiff[] }
export interface Consistency { reports: number; same: number; differing: ReportConsistency[] }

/** Compare the renderings of each report (reports scored in one format only are left out). */
export function compareFormats(results: DocResult[]): Consistency {
  const byGold = new Map<string, DocResult[]>();
  for (const r of results) byGold.set(r.gold, [...(byGold.get(r.gold) ?? []), r]);
  const out: Consistency = { reports: 0, same: 0, differing: [] };
  for (const [gold, rs] of byGold) {
    if (rs.length < 2) continue;
    out.reports++;
    const formats = rs.map((r) => r.format);
    const errors = rs.filter((r) => r.error || !r.extracted).map((r) => `${r.format}: ${r.error ?? "nothing extracted"}`);
    const sets = rs.map((r) => new Set(r.extracted ?? []));
    const all = [...new Set(sets.flatMap((s) => [...s]))].sort();
    const diffs: FormatDiff[] = [];
    for (const it of all) {
      const has = formats.filter((_, i) => sets[i].has(it));
      if (has.length < formats.length) diffs.push({ item: it, in: has, notIn: formats.filter((f) => !has.includes(f)) });
    }
    const same = errors.length === 0 && diffs.length === 0;
    if (same) out.same++;
    else out.differing.push({ gold, formats, same, errors, diffs });
  }
  return out;
}

export function renderConsistency(c: Consistency, details: boolean): string {
  const lines = [`同一报告各格式指标一致 same metrics in every format: ${c.same} of ${c.reports} reports`];
  if (!details) return lines.join("\n");
  for (const d of c.differing) {
    lines.push(`  ${d.gold.replace(/\.gold\.json$/, "")} (${d.formats.join(",")})`);
    for (const e of d.errors) lines.push(`    出错 error ${e}`);
    for (const x of d.diffs) lines.push(`    ${x.item}  有 in ${x.in.join(",") || "—"}; 无 not in ${x.notIn.join(",")}`);
  }
  return lines.join("\n");
}
