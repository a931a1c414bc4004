import type Database from "better-sqlite3";
import { distance } from "fastest-levenshtein";
import { QueryError } from "./errors.js";
// 简称 keep the characters of the full name in order (人社局 ⊂ 人力资源和社会保障局).
import { isSubsequence } from "../store/dept-names.js";

export interface DepartmentRef {
  id: number;
  name: string;
}

interface NameRow {
  id: number;
  name: string;
  /** The string matched: the canonical name or one of its aliases. */
  label: string;
}

/** NFKC folds full-width letters and brackets; spaces never matter in Chinese names. */
function norm(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function ratio(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - distance(a, b) / len;
}

function allNames(db: Database.Database): NameRow[] {
  return db
    .prepare(
      `SELECT id, name, name AS label FROM departments
       UNION ALL
       SELECT d.id, d.name, a.alias AS label FROM department_aliases a JOIN departments d ON d.id = a.department_id`,
    )
    .all() as NameRow[];
}

const FUZZY_MIN = 0.7;
/** Below this Levenshtein ratio a name is not offered as "相近" when nothing matched. */
const CLOSE_MIN = 0.4;

/**
 * Finds the department a user meant: exact name or alias, then a name containing what was typed (or contained in
 * it), then a 简称 whose characters appear in order, then a typo (Levenshtein ratio ≥ 0.7). The first tier with
 * any hit decides; two departments in it make the query ambiguous and the candidates are listed.
 */
export function resolveDepartment(db: Database.Database, query: string): DepartmentRef {
  const q = norm(query);
  if (!q) throw new QueryError("部门名称为空 (empty department name)");
  const rows = allNames(db).map((r) => ({ ...r, n: norm(r.label) }));
  const tiers: Array<(r: (typeof rows)[number]) => number | null> = [
    (r) => (r.n === q ? 1 : null),
    (r) => (r.n.includes(q) || q.includes(r.n) ? 1 - Math.abs(r.n.length - q.length) / Math.max(r.n.length, q.length) : null),
    (r) => (q.length >= 2 && isSubsequence(q, r.n) ? q.length / r.n.length : null),
    (r) => {
      const s = ratio(q, r.n);
      return s >= FUZZY_MIN ? s : null;
    },
  ];
  for (const [tier, score] of tiers.entries()) {
    const best = new Map<number, { ref: DepartmentRef; score: number }>();
    for (const r of rows) {
      const s = score(r);
      if (s === null) continue;
      const prev = best.get(r.id);
      if (!prev || s > prev.score) best.set(r.id, { ref: { id: r.id, name: r.name }, score: s });
    }
    if (best.size === 0) continue;
    const ranked = [...best.values()].sort((a, b) => b.score - a.score);
    // A typo match may pick the clear winner; containment and 简称 tiers never guess between departments.
    if (ranked.length === 1 || (tier === 3 && ranked[0].score - ranked[1].score >= 0.1)) return ranked[0].ref;
    throw new QueryError(
      `部门“${query}”不唯一，可能是 (ambiguous department; candidates):`,
      ranked.slice(0, 10).map((c) => c.ref.name),
    );
  }
  const close = rows
    .map((r) => ({ name: r.name, s: ratio(q, r.n) }))
    .sort((a, b) => b.s - a.s)
    .filter((c, i, a) => c.s >= CLOSE_MIN && a.findIndex((x) => x.name === c.name) === i)
    .slice(0, 5)
    .map((c) => c.name);
  // Listing unrelated departments as "close" misleads; with nothing close, point at the full list instead.
  throw new QueryError(
    `未找到部门“${query}” (no such department)${close.length ? "；相近的有：" : "；用 jixiao departments 查看全部部门 (see jixiao departments)"}`,
    close,
  );
}

export function resolveDepartments(db: Database.Database, queries: string[] | undefined): DepartmentRef[] | null {
  if (!queries || queries.length === 0) return null;
  const out = new Map<number, DepartmentRef>();
  for (const q of queries) {
    const d = resolveDepartment(db, q);
    out.set(d.id, d);
  }
  return [...out.values()];
}
