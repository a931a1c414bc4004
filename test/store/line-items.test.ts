/**
 * Migration 8 stores a disclosure's line items beside its report, and a stored report re-read from the database keeps
 * them, so the line-* rules re-check it without the document (`check --db`).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../../src/store/db.js";
import { saveReport } from "../../src/store/save.js";
import { loadReports } from "../../src/store/load-reports.js";
import { checkConsistency } from "../../src/store/consistency.js";
import { readDocument } from "../../src/formats/index.js";
import { extract } from "../../src/extract/extract.js";
import { runReportRules } from "../../src/rules/index.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("line items in the database", () => {
  it("one row per line item with its code, column, exact 分 and cell; the stored report re-checks from its line items", async () => {
    const db = openDb(path.join(mkdtempSync(path.join(os.tmpdir(), "jx-lines-")), "j.db"));
    try {
      const file = "fixtures/disclosures/qingxi-final-accounts-2023.pdf";
      const doc = await readDocument(path.join(root, file));
      const report = extract(doc);
      // A typo in the 支出决算表's 基本支出: its row no longer adds up.
      const basic = report.lineItems!.find((x) => x.table === "expenditure" && x.role === "basic")!;
      const typo = { ...report, lineItems: report.lineItems!.map((x) => (x === basic ? { ...x, value: x.value + 1000, text: "typo" } : x)) };
      saveReport(db, { path: file, sha256: doc.source.sha256, format: doc.source.format, pages: doc.source.pages, size: doc.source.size, report: typo });
      const rows = db.prepare("SELECT table_kind, level, column_header, role, cents, page, cell_row, x0 FROM line_items ORDER BY id").all() as Array<Record<string, string | number | null>>;
      expect(rows).toHaveLength(report.lineItems!.length);
      const stored = rows.find((r) => r.table_kind === "expenditure" && r.role === "basic")!;
      expect(stored.cents).toBe(Math.round(basic.value * 100) + 100000);
      expect(stored.page).toBe(basic.prov.page);
      expect(stored.x0).toBe(basic.prov.bbox!.x0);
      expect(checkConsistency(db)).toEqual([]);
      const { reports } = loadReports(db);
      const findings = runReportRules(reports[0]).filter((f) => f.rule === "line-row-sum");
      expect(findings).toHaveLength(1);
      expect(findings[0].evidence[0].page).toBe(basic.prov.page);
    } finally {
      db.close();
    }
  });
});
