import type { Db } from "./db.js";
import { reportTrigrams, SAME_DOCUMENT_SIMILARITY, textSimilarity } from "./supersede.js";

/**
 * What "the database is consistent" means for jixiao, checked after crashes and concurrent writers:
 * SQLite's own checks pass, every stored document has exactly its report (failed ones none), every report holds
 * all the metrics, projects, indicators and findings its JSON lists, and supersession links point at active reports.
 * Returns the problems found; an empty list means consistent.
 */
export function checkConsistency(db: Db): string[] {
  const problems: string[] = [];
  const integrity = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
  if (integrity.length !== 1 || integrity[0].integrity_check !== "ok") {
    problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join("; ")}`);
  }
  const fk = db.pragma("foreign_key_check") as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${fk.length} violations`);

  const q = (label: string, sql: string) => {
    const rows = db.prepare(sql).all() as Array<{ id: number }>;
    if (rows.length) problems.push(`${label}: ${rows.map((r) => r.id).slice(0, 10).join(", ")}${rows.length > 10 ? " …" : ""}`);
  };
  q(
    "stored document without exactly one report",
    `SELECT d.id FROM documents d WHERE d.status IN ('ok','superseded') AND (SELECT COUNT(*) FROM reports r WHERE r.document_id = d.id) <> 1`,
  );
  q("failed document with a report or without a reason", `SELECT d.id FROM documents d WHERE d.status = 'failed' AND (d.error IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.document_id = d.id))`);
  q(
    "report missing department metrics",
    `SELECT r.id FROM reports r WHERE json_array_length(r.json, '$.metrics') <> (SELECT COUNT(*) FROM metrics m WHERE m.report_id = r.id AND m.project_id IS NULL)`,
  );
  q(
    "report missing projects",
    `SELECT r.id FROM reports r WHERE json_array_length(r.json, '$.projects') <> (SELECT COUNT(*) FROM projects p WHERE p.report_id = r.id)`,
  );
  q(
    "report missing project metrics",
    `SELECT r.id FROM reports r WHERE COALESCE((SELECT SUM(json_array_length(p.value, '$.metrics')) FROM json_each(r.json, '$.projects') p), 0)
       <> (SELECT COUNT(*) FROM metrics m WHERE m.report_id = r.id AND m.project_id IS NOT NULL)`,
  );
  q(
    "report missing indicators",
    `SELECT r.id FROM reports r WHERE json_array_length(r.json, '$.indicators') <> (SELECT COUNT(*) FROM indicators i WHERE i.report_id = r.id)`,
  );
  q(
    "report missing line items",
    `SELECT r.id FROM reports r WHERE COALESCE(json_array_length(r.json, '$.lineItems'), 0) <> (SELECT COUNT(*) FROM line_items x WHERE x.report_id = r.id)`,
  );
  q(
    "report missing parties",
    `SELECT r.id FROM reports r WHERE COALESCE(json_array_length(r.json, '$.parties'), 0) <> (SELECT COUNT(*) FROM report_parties x WHERE x.report_id = r.id)`,
  );
  q(
    "report form differs from its JSON",
    `SELECT r.id FROM reports r WHERE r.form IS NOT json_extract(r.json, '$.form')`,
  );
  q(
    "report missing findings",
    `SELECT r.id FROM reports r WHERE json_array_length(r.json, '$.findings') <> (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.scope = 'report')`,
  );
  q(
    "superseded status and link disagree",
    `SELECT r.id FROM reports r JOIN documents d ON d.id = r.document_id WHERE (d.status = 'superseded') <> (r.superseded_by IS NOT NULL)`,
  );
  q(
    "superseded by a report that is not active",
    `SELECT r.id FROM reports r WHERE r.superseded_by IS NOT NULL AND r.superseded_by NOT IN (SELECT id FROM active_reports)`,
  );
  // Several active reports of one department, year and kind are fine when they are different documents (a budget's
  // prose file and its 公开表); two editions of one document must not both be active.
  const groups = db
    .prepare(
      `SELECT group_concat(id) AS ids FROM active_reports WHERE department_id IS NOT NULL AND fiscal_year IS NOT NULL AND kind IS NOT NULL AND kind <> 'project'
       GROUP BY department_id, fiscal_year, kind HAVING COUNT(*) > 1`,
    )
    .all() as Array<{ ids: string }>;
  const twins: number[] = [];
  for (const g of groups) {
    const ids = g.ids.split(",").map(Number);
    const grams = ids.map((id) => reportTrigrams(db, id));
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) if (textSimilarity(grams[i], grams[j]) >= SAME_DOCUMENT_SIMILARITY) twins.push(Math.min(ids[i], ids[j]));
  }
  if (twins.length) problems.push(`two active editions of one report (same department, year and kind): ${[...new Set(twins)].slice(0, 10).join(", ")}`);
  return problems;
}
