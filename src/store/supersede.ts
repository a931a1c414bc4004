import { stmt, type Db } from "./db.js";

/**
 * One report counts per department × fiscal year × kind (and project — its name, else its title — for project reports): when a report is
 * re-published with changes, the newer one wins and the older stays in the database, marked superseded.
 * "Newer" = later filing date when both state one, else imported later.
 *
 * Only editions of the same document compete. A budget or final-accounts disclosure is often published as two files —
 * the prose 情况说明 and the 公开表 tables — with the same department, year and kind: they complement each other, and
 * superseding one would silently drop its figures. Editions are told apart by their text (see SAME_DOCUMENT_SIMILARITY).
 */

/**
 * Character-trigram Jaccard similarity at or above which two reports are editions of one document. Measured on the
 * shared corpus: one report as TXT, DOCX and PDF 0.96–1.00; a budget's prose file vs its 公开表 file 0.08–0.11.
 */
export const SAME_DOCUMENT_SIMILARITY = 0.5;

/** Enough text to recognise a document, bounded so a 200-page report costs no more than a short one. */
const SAMPLE_CHARS = 30_000;

export function reportTrigrams(db: Db, reportId: number): Set<string> {
  const rows = stmt(db, "SELECT heading, text FROM sections WHERE report_id = ? ORDER BY id").all(reportId) as Array<{ heading: string | null; text: string }>;
  let s = "";
  for (const r of rows) {
    s += (r.heading ?? "") + r.text;
    if (s.length > SAMPLE_CHARS * 2) break;
  }
  s = s.replace(/\s+/g, "").slice(0, SAMPLE_CHARS);
  const g = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) g.add(s.slice(i, i + 3));
  return g;
}

/** Jaccard of two trigram sets; a report without stored text cannot be told apart, so it counts as the same document. */
export function textSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 1;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

/** Members grouped into editions of one document (connected by similarity), each group newest first as given. */
function editions<T extends { id: number }>(db: Db, members: T[]): T[][] {
  if (members.length < 2) return [members];
  const grams = members.map((m) => reportTrigrams(db, m.id));
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++)
      if (find(i) !== find(j) && textSimilarity(grams[i], grams[j]) >= SAME_DOCUMENT_SIMILARITY) parent[find(j)] = find(i);
  const out = new Map<number, T[]>();
  members.forEach((m, i) => {
    const root = find(i);
    const list = out.get(root);
    if (list) list.push(m);
    else out.set(root, [m]);
  });
  return [...out.values()];
}

export interface GroupKey {
  departmentId: number;
  fiscalYear: number;
  kind: string;
  /** Normalised title; only project reports are grouped by it (a department files many project reports a year). */
  title: string | null;
}

export function groupTitle(kind: string | null, title: string | null): string | null {
  if (kind !== "project" || !title) return null;
  return title.replace(/\s+/g, "");
}

/** A project report is grouped by its project when it names one (two projects' reports often share one template title). */
function memberTitle(r: { title: string | null; project?: string | null }): string | null {
  return r.project || r.title;
}

export function groupKeyOf(r: {
  department_id: number | null;
  fiscal_year: number | null;
  kind: string | null;
  title: string | null;
  project?: string | null;
}): GroupKey | null {
  if (r.department_id === null || r.fiscal_year === null || r.kind === null) return null;
  const title = memberTitle(r);
  if (r.kind === "project" && !title) return null; // an untitled project report cannot be told apart from others
  return { departmentId: r.department_id, fiscalYear: r.fiscal_year, kind: r.kind, title: groupTitle(r.kind, title) };
}

interface Member {
  id: number;
  title: string | null;
  project: string | null;
  filled_date: string | null;
  superseded_by: number | null;
  status: string;
}

/**
 * Recompute which report of a group is active. Returns the ids of reports that became superseded by this call.
 * Must run inside the caller's transaction.
 */
export function resolveGroup(db: Db, key: GroupKey): number[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.title, r.project, r.filled_date, r.superseded_by, d.status FROM reports r JOIN documents d ON d.id = r.document_id
       WHERE r.department_id = ? AND r.fiscal_year = ? AND r.kind = ? AND d.status IN ('ok', 'superseded')`,
    )
    .all(key.departmentId, key.fiscalYear, key.kind) as Member[];
  const members = rows.filter((r) => groupTitle(key.kind, memberTitle(r)) === key.title);
  if (members.length === 0) return [];
  members.sort((a, b) => {
    if (a.filled_date && b.filled_date && a.filled_date !== b.filled_date) return a.filled_date < b.filled_date ? 1 : -1;
    return b.id - a.id;
  });
  const setReport = stmt(db, "UPDATE reports SET superseded_by = ? WHERE id = ?");
  const setDoc = stmt(db, "UPDATE documents SET status = ? WHERE id = (SELECT document_id FROM reports WHERE id = ?)");
  const newlySuperseded: number[] = [];
  for (const edition of editions(db, members)) {
    const winner = edition[0];
    if (winner.superseded_by !== null || winner.status !== "ok") {
      setReport.run(null, winner.id);
      setDoc.run("ok", winner.id);
    }
    for (const m of edition.slice(1)) {
      if (m.superseded_by !== winner.id || m.status !== "superseded") {
        if (m.status === "ok") newlySuperseded.push(m.id);
        setReport.run(winner.id, m.id);
        setDoc.run("superseded", m.id);
      }
    }
  }
  return newlySuperseded;
}

/** All groups a department's reports fall in (after a merge, two departments' reports may now compete). */
export function resolveDepartmentGroups(db: Db, departmentId: number): number[] {
  const rows = db
    .prepare("SELECT DISTINCT department_id, fiscal_year, kind, title, project FROM reports WHERE department_id = ?")
    .all(departmentId) as Array<{ department_id: number; fiscal_year: number | null; kind: string | null; title: string | null; project: string | null }>;
  const seen = new Set<string>();
  const out: number[] = [];
  for (const r of rows) {
    const key = groupKeyOf(r);
    if (!key) continue;
    const k = JSON.stringify(key);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(...resolveGroup(db, key));
  }
  return out;
}
