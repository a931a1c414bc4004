/**
 * Migration 4 stores where each figure was printed (block, cell, box, span) beside the metric and the indicator; a
 * database made before it is upgraded in place, and its old rows keep NULLs until their documents are re-parsed.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDb, LATEST_SCHEMA } from "../../src/store/db.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { saveReport } from "../../src/store/save.js";
import { readDocument } from "../../src/formats/index.js";
import { extract } from "../../src/extract/extract.js";
import { checkConsistency } from "../../src/store/consistency.js";

const root = path.resolve(import.meta.dirname, "../..");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "jx-prov-"));

async function save(db: Database.Database, file: string) {
  const doc = await readDocument(path.join(root, file));
  const report = extract(doc);
  saveReport(db, { path: file, sha256: doc.source.sha256, format: doc.source.format, pages: doc.source.pages, size: doc.source.size, report });
  return report;
}

describe("metric and indicator provenance in the database", () => {
  it("a PDF's metrics keep block, cell, box and span; a TXT's keep block and span with no box", async () => {
    const db = openDb(path.join(tmp(), "j.db"));
    try {
      const pdf = await save(db, "fixtures/reports/dept01-2023.pdf");
      await save(db, "fixtures/reports/dept01-2021.txt");
      const rows = db
        .prepare(
          `SELECT d.format, m.key, m.text, m.page, m.block, m.cell_row, m.cell_col, m.x0, m.top, m.x1, m.bottom, m.span_start, m.span_end
           FROM metrics m JOIN reports r ON r.id = m.report_id JOIN documents d ON d.id = r.document_id`,
        )
        .all() as Array<Record<string, number | string | null>>;
      const pdfRows = rows.filter((r) => r.format === "pdf");
      const txtRows = rows.filter((r) => r.format === "txt");
      expect(pdfRows.length).toBe(pdf.metrics.length + pdf.projects.reduce((n, p) => n + p.metrics.length, 0));
      for (const r of pdfRows) {
        expect(r.block, String(r.key)).not.toBeNull();
        expect(Number(r.x0)).toBeLessThan(Number(r.x1));
        expect(Number(r.top)).toBeLessThan(Number(r.bottom));
        expect(Number(r.span_end)).toBeGreaterThan(Number(r.span_start));
      }
      const first = pdf.metrics[0];
      const stored = pdfRows.find((r) => r.key === first.key && r.text === first.text)!;
      expect([stored.x0, stored.top, stored.x1, stored.bottom]).toEqual([first.prov!.bbox!.x0, first.prov!.bbox!.top, first.prov!.bbox!.x1, first.prov!.bbox!.bottom]);
      expect(pdfRows.some((r) => r.cell_row !== null && r.cell_col !== null)).toBe(true);
      expect(txtRows.length).toBeGreaterThan(0);
      for (const r of txtRows) {
        expect(r.block).not.toBeNull();
        expect(r.x0).toBeNull();
        expect(r.span_start).not.toBeNull();
      }
    } finally {
      db.close();
    }
  });

  it("indicators keep the block and cell of their label", async () => {
    const db = openDb(path.join(tmp(), "j.db"));
    try {
      const report = await save(db, "fixtures/formats/self-eval-form.xlsx");
      const rows = db.prepare("SELECT block, cell_row, cell_col FROM indicators").all() as Array<{ block: number | null; cell_row: number | null; cell_col: number | null }>;
      expect(rows.length).toBe(report.indicators.length);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.block !== null && r.cell_row !== null && r.cell_col !== null)).toBe(true);
    } finally {
      db.close();
    }
  });

  it("a schema-3 database with stored rows is upgraded in place, old rows keeping NULL provenance", () => {
    const file = path.join(tmp(), "old.db");
    const old = new Database(file);
    old.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
      old.exec(m.sql);
      old.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(m.version, m.name, "2026-01-01T00:00:00Z");
    }
    old.exec(`INSERT INTO documents (id, path, sha256, format, pages, size, parser_version, imported_at, status)
                VALUES (1, 'a.txt', 'x', 'txt', 1, 10, 'old', '2026-01-01', 'ok');
              INSERT INTO reports (id, document_id, json) VALUES (1, 1, '{}');
              INSERT INTO metrics (report_id, key, year, cents, value, unit, text, page, quote) VALUES (1, 'income.total', 2023, 100, 1, '元', '1元', 1, '收入1元');`);
    old.close();
    const db = openDb(file);
    try {
      expect((db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number }).v).toBe(LATEST_SCHEMA);
      expect(db.prepare("SELECT key, block, x0, span_start FROM metrics").all()).toEqual([{ key: "income.total", block: null, x0: null, span_start: null }]);
      expect(checkConsistency(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
