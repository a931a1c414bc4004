import type Database from "better-sqlite3";
import { kindLabel } from "./units.js";
import { UNKNOWN_DEPARTMENT } from "./metric-rows.js";

export interface SearchHit {
  sectionId: number;
  reportId: number;
  department: string;
  fiscalYear: number | null;
  kind: string;
  kindLabel: string;
  heading: string | null;
  page: number | null;
  source: string;
  /** Text around the match, the match itself between 【 and 】. */
  snippet: string;
}

export interface SearchOptions {
  limit?: number;
}

const OPEN = "【";
const CLOSE = "】";
const CONTEXT = 24;

/** Terms the trigram index can answer (three characters or more); shorter ones are matched with LIKE. */
function splitTerms(text: string): { fts: string[]; like: string[] } {
  const terms = text.normalize("NFKC").trim().split(/\s+/).filter(Boolean);
  return { fts: terms.filter((t) => [...t].length >= 3), like: terms.filter((t) => [...t].length < 3) };
}

function likePattern(t: string): string {
  return `%${t.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
}

/** A snippet around the first occurrence of any term, for rows found by LIKE (FTS rows use snippet()). */
function makeSnippet(text: string, terms: string[]): string {
  const flat = text.replace(/\s+/g, " ");
  let at = -1;
  let term = "";
  for (const t of terms) {
    const i = flat.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) [at, term] = [i, t];
  }
  if (at < 0) return flat.slice(0, CONTEXT * 2) + (flat.length > CONTEXT * 2 ? "…" : "");
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(flat.length, at + term.length + CONTEXT);
  return (start > 0 ? "…" : "") + flat.slice(start, at) + OPEN + term + CLOSE + flat.slice(at + term.length, end) + (end < flat.length ? "…" : "");
}

/** `jixiao search`: sections of active reports containing every term, best matches first. */
export function search(db: Database.Database, text: string, opts: SearchOptions = {}): SearchHit[] {
  const { fts, like } = splitTerms(text);
  if (!fts.length && !like.length) return [];
  const limit = Math.max(1, Math.min(opts.limit ?? 20, 1000));
  const where = ["d.status = 'ok'", "r.superseded_by IS NULL"];
  const params: unknown[] = [];
  let from = "sections s";
  let order = "r.fiscal_year DESC, s.id";
  let snippetSql = "NULL";
  if (fts.length) {
    // Each term as a quoted phrase: the user's text is data, never FTS5 syntax.
    from = "sections_fts JOIN sections s ON s.id = sections_fts.rowid";
    where.push("sections_fts MATCH ?");
    params.push(fts.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND "));
    order = "bm25(sections_fts), s.id";
    snippetSql = `snippet(sections_fts, 1, '${OPEN}', '${CLOSE}', '…', 16)`;
  }
  for (const t of like) {
    where.push("(s.text LIKE ? ESCAPE '\\' OR s.heading LIKE ? ESCAPE '\\')");
    params.push(likePattern(t), likePattern(t));
  }
  const rows = db
    .prepare(
      `SELECT s.id AS sectionId, r.id AS reportId, COALESCE(dep.name, r.department_raw, '${UNKNOWN_DEPARTMENT}') AS department,
              r.fiscal_year AS fiscalYear, COALESCE(r.kind, 'department') AS kind, s.heading, s.page, d.path AS source,
              ${snippetSql} AS snippet, s.text AS text
       FROM ${from}
       JOIN reports r ON r.id = s.report_id
       JOIN documents d ON d.id = r.document_id
       LEFT JOIN departments dep ON dep.id = r.department_id
       WHERE ${where.join(" AND ")}
       ORDER BY ${order}
       LIMIT ${limit}`,
    )
    .all(...params) as Array<Omit<SearchHit, "kindLabel"> & { text: string; snippet: string | null }>;
  return rows.map(({ text: body, snippet, ...h }) => ({
    ...h,
    kindLabel: kindLabel(h.kind),
    // A match in the heading alone leaves snippet() without a highlight; fall back to our own.
    snippet: snippet && snippet.includes(OPEN) ? snippet.replace(/\s+/g, " ") : makeSnippet(body, [...fts, ...like]),
  }));
}
