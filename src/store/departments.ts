import { stmt, type Db } from "./db.js";
import { completeness, deptSimilarity, MATCH_THRESHOLD, normalizeDeptName, splitRegion } from "./dept-names.js";
import { resolveDepartmentGroups } from "./supersede.js";

export { MATCH_THRESHOLD, deptSimilarity, normalizeDeptName, splitRegion } from "./dept-names.js";

export interface DeptMatch {
  departmentId: number;
  /** The normalised name as recorded in department_aliases. */
  alias: string;
  score: number;
  rule: string;
  created: boolean;
}

interface DeptRow {
  id: number;
  name: string;
  region: string | null;
  user_named: number;
}

/**
 * Find or create the department a report names. A known alias (including a user's correction) wins outright;
 * otherwise the best fuzzy match at or above MATCH_THRESHOLD joins it, recorded as an automatic alias with its score.
 * Must run inside the caller's transaction.
 */
export function resolveDepartment(db: Db, raw: string | null, region: string | null = null): DeptMatch | null {
  if (!raw || !raw.trim()) return null;
  const alias = normalizeDeptName(raw);
  if (!alias) return null;
  const known = stmt(db, "SELECT department_id, score, source FROM department_aliases WHERE alias = ?").get(alias) as
    | { department_id: number; score: number; source: string }
    | undefined;
  if (known) return { departmentId: known.department_id, alias, score: known.score, rule: known.source === "user" ? "user" : "alias", created: false };

  const best = bestCandidate(db, alias, region);
  const insertAlias = stmt(db, "INSERT INTO department_aliases (alias, department_id, score, source) VALUES (?, ?, ?, 'auto')");
  if (best && best.score >= MATCH_THRESHOLD) {
    insertAlias.run(alias, best.dept.id, best.score);
    maybePromoteName(db, best.dept, alias);
    if (!best.dept.region) {
      const r = splitRegion(alias).region ?? region;
      if (r) stmt(db, "UPDATE departments SET region = ? WHERE id = ?").run(r, best.dept.id);
    }
    return { departmentId: best.dept.id, alias, score: best.score, rule: best.rule, created: false };
  }
  const id = Number(
    stmt(db, "INSERT INTO departments (name, region) VALUES (?, ?)").run(alias, splitRegion(alias).region ?? region).lastInsertRowid,
  );
  insertAlias.run(alias, id, 1);
  return { departmentId: id, alias, score: 1, rule: "new", created: true };
}

interface Candidate {
  dept: DeptRow;
  score: number;
  rule: string;
}

function bestCandidate(db: Db, alias: string, region: string | null): Candidate | null {
  const rows = stmt(
    db,
    `SELECT d.id, d.name, d.region, d.user_named, a.alias FROM departments d
     JOIN department_aliases a ON a.department_id = d.id`,
  ).all() as Array<DeptRow & { alias: string }>;
  const byDept = new Map<number, Candidate>();
  for (const r of rows) {
    const s = deptSimilarity(alias, r.alias, region, r.region);
    const cur = byDept.get(r.id);
    if (!cur || s.score > cur.score) byDept.set(r.id, { dept: r, score: s.score, rule: s.rule });
  }
  const ranked = [...byDept.values()].sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return null;
  // Two departments equally close: refuse to guess; the user can merge.
  if (ranked.length > 1 && ranked[1].score === ranked[0].score && ranked[0].score < 1) return null;
  return ranked[0];
}

/** Prefer the most complete name (region prefix, 全称) as canonical unless the user has named the department. */
function maybePromoteName(db: Db, dept: DeptRow, alias: string): void {
  if (dept.user_named || completeness(alias) <= completeness(dept.name)) return;
  const taken = stmt(db, "SELECT 1 FROM departments WHERE name = ? AND id <> ?").get(alias, dept.id);
  if (!taken) stmt(db, "UPDATE departments SET name = ? WHERE id = ?").run(alias, dept.id);
}

export interface DepartmentInfo {
  id: number;
  name: string;
  region: string | null;
  userNamed: boolean;
  aliases: Array<{ alias: string; score: number; source: string }>;
  reports: number;
  years: number[];
}

export function listDepartments(db: Db): DepartmentInfo[] {
  const depts = db.prepare("SELECT id, name, region, user_named FROM departments ORDER BY name").all() as DeptRow[];
  const aliases = db
    .prepare("SELECT alias, department_id, score, source FROM department_aliases ORDER BY score DESC, alias")
    .all() as Array<{ alias: string; department_id: number; score: number; source: string }>;
  const counts = db
    .prepare(
      `SELECT department_id, COUNT(*) AS n, GROUP_CONCAT(DISTINCT fiscal_year) AS years FROM active_reports
       WHERE department_id IS NOT NULL GROUP BY department_id`,
    )
    .all() as Array<{ department_id: number; n: number; years: string | null }>;
  const countBy = new Map(counts.map((c) => [c.department_id, c]));
  return depts.map((d) => {
    const c = countBy.get(d.id);
    return {
      id: d.id,
      name: d.name,
      region: d.region,
      userNamed: d.user_named === 1,
      aliases: aliases.filter((a) => a.department_id === d.id).map(({ alias, score, source }) => ({ alias, score, source })),
      reports: c?.n ?? 0,
      years: c?.years ? [...new Set(c.years.split(",").map(Number))].sort((a, b) => a - b) : [],
    };
  });
}

/** A department command the user must correct (unknown name, a rename onto another department's name). */
export class DepartmentError extends Error {
  override name = "DepartmentError";
}

export class DepartmentNotFound extends DepartmentError {
  constructor(
    readonly query: string,
    readonly candidates: string[],
  ) {
    super(
      `找不到部门“${query}”` + (candidates.length ? `，是否是：${candidates.join("、")}？` : "") + ` (no such department)`,
    );
  }
}

/** A department by id, canonical name or any alias; otherwise DepartmentNotFound with the closest names. */
export function findDepartment(db: Db, query: string): DeptRow {
  const q = query.trim();
  if (/^\d+$/.test(q)) {
    const byId = db.prepare("SELECT id, name, region, user_named FROM departments WHERE id = ?").get(Number(q)) as DeptRow | undefined;
    if (byId) return byId;
  }
  const n = normalizeDeptName(q);
  const row = db
    .prepare(
      `SELECT d.id, d.name, d.region, d.user_named FROM departments d
       WHERE d.name = ? OR d.id = (SELECT department_id FROM department_aliases WHERE alias = ?)`,
    )
    .get(n, n) as DeptRow | undefined;
  if (row) return row;
  const all = db.prepare("SELECT name FROM departments").all() as Array<{ name: string }>;
  const candidates = all
    .map((d) => ({ name: d.name, s: deptSimilarity(n, d.name).score }))
    .filter((c) => c.s >= 0.5)
    .sort((a, b) => b.s - a.s)
    .slice(0, 5)
    .map((c) => c.name);
  throw new DepartmentNotFound(query, candidates);
}

/**
 * `departments merge A B`: A's reports and names move to B and A disappears. Its names become user aliases of B,
 * so re-importing A's files lands in B. Returns B's id (its cross-report findings need recomputing).
 */
export function mergeDepartments(db: Db, from: string, into: string): { from: DeptRow; into: DeptRow; superseded: number } {
  return db
    .transaction(() => {
      const a = findDepartment(db, from);
      const b = findDepartment(db, into);
      if (a.id === b.id) return { from: a, into: b, superseded: 0 };
      db.prepare("UPDATE reports SET department_id = ? WHERE department_id = ?").run(b.id, a.id);
      db.prepare("UPDATE department_aliases SET department_id = ?, source = 'user' WHERE department_id = ?").run(b.id, a.id);
      db.prepare("DELETE FROM departments WHERE id = ?").run(a.id);
      db.prepare("UPDATE departments SET user_named = 1, region = COALESCE(region, ?) WHERE id = ?").run(a.region, b.id);
      const superseded = resolveDepartmentGroups(db, b.id).length;
      return { from: a, into: b, superseded };
    })
    .immediate();
}

/** `departments rename OLD NEW`: a new canonical name, kept from then on; both names stay aliases. */
export function renameDepartment(db: Db, old: string, newName: string): DeptRow {
  return db
    .transaction(() => {
      const d = findDepartment(db, old);
      const n = normalizeDeptName(newName);
      if (!n) throw new DepartmentError("新名称不能为空 (new name is empty)");
      const clash = db
        .prepare(
          `SELECT name FROM departments WHERE id <> ? AND (name = ? OR id = (SELECT department_id FROM department_aliases WHERE alias = ?))`,
        )
        .get(d.id, n, n) as { name: string } | undefined;
      if (clash) throw new DepartmentError(`“${n}”已是另一个部门（${clash.name}）的名称，请使用 departments merge (name belongs to another department)`);
      db.prepare("UPDATE departments SET name = ?, user_named = 1, region = COALESCE(?, region) WHERE id = ?").run(
        n,
        splitRegion(n).region,
        d.id,
      );
      db.prepare(
        `INSERT INTO department_aliases (alias, department_id, score, source) VALUES (?, ?, 1, 'user')
         ON CONFLICT(alias) DO UPDATE SET department_id = excluded.department_id, score = 1, source = 'user'`,
      ).run(n, d.id);
      db.prepare("UPDATE department_aliases SET source = 'user' WHERE alias = ? AND department_id = ?").run(d.name, d.id);
      return { ...d, name: n, user_named: 1 };
    })
    .immediate();
}

/**
 * `departments split ALIAS`: undo a wrong automatic match. The alias becomes its own department (a user decision,
 * kept on re-import) and takes the reports that were filed under that name.
 */
export function splitAlias(db: Db, aliasName: string): { department: DeptRow; reports: number } {
  return db
    .transaction(() => {
      const alias = normalizeDeptName(aliasName);
      const row = db.prepare("SELECT department_id FROM department_aliases WHERE alias = ?").get(alias) as
        | { department_id: number }
        | undefined;
      if (!row) throw new DepartmentNotFound(aliasName, []);
      const others = db.prepare("SELECT COUNT(*) AS n FROM department_aliases WHERE department_id = ?").get(row.department_id) as {
        n: number;
      };
      const current = db.prepare("SELECT id, name, region, user_named FROM departments WHERE id = ?").get(row.department_id) as DeptRow;
      if (others.n <= 1) return { department: current, reports: 0 };
      if (current.name === alias) {
        // The department keeps its other names; its canonical name moves to the best remaining alias.
        const next = db
          .prepare("SELECT alias FROM department_aliases WHERE department_id = ? AND alias <> ? ORDER BY score DESC, length(alias) DESC LIMIT 1")
          .get(current.id, alias) as { alias: string };
        db.prepare("UPDATE departments SET name = ? WHERE id = ?").run(next.alias, current.id);
      }
      const id = Number(
        db.prepare("INSERT INTO departments (name, region, user_named) VALUES (?, ?, 1)").run(alias, splitRegion(alias).region ?? current.region).lastInsertRowid,
      );
      db.prepare("UPDATE department_aliases SET department_id = ?, source = 'user', score = 1 WHERE alias = ?").run(id, alias);
      const reports = db.prepare("SELECT id, department_raw FROM reports WHERE department_id = ?").all(row.department_id) as Array<{
        id: number;
        department_raw: string | null;
      }>;
      const move = db.prepare("UPDATE reports SET department_id = ? WHERE id = ?");
      let moved = 0;
      for (const r of reports) {
        if (r.department_raw && normalizeDeptName(r.department_raw) === alias) {
          move.run(id, r.id);
          moved++;
        }
      }
      resolveDepartmentGroups(db, row.department_id);
      resolveDepartmentGroups(db, id);
      return { department: { id, name: alias, region: splitRegion(alias).region ?? current.region, user_named: 1 }, reports: moved };
    })
    .immediate();
}
