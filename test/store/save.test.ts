import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../src/store/db.js";
import { saveReport, saveFailure, findDocument } from "../../src/store/save.js";
import { checkConsistency } from "../../src/store/consistency.js";
import { centsFromDecimal, storedValue } from "../../src/store/money.js";
import { makeReport, money, saveInputOf } from "./make-report.js";

function fresh(): Db {
  return openDb(path.join(mkdtempSync(path.join(os.tmpdir(), "jx-save-")), "t.db"));
}

describe("money storage", () => {
  it("stores 万元 amounts as exact integer 分 and a decimal string", () => {
    expect(storedValue(money("x", 2023, "12222.51"))).toEqual({ cents: 12222510000, valueExact: "122225100", value: 122225100 });
    expect(storedValue(money("x", 2023, "43.104"))).toMatchObject({ cents: 43104000, valueExact: "431040" });
    // 0.07 元 × 100 is 7.000000000000001 in floats; the stored 分 must still be 7.
    expect(storedValue({ value: 0.07, unit: "元", precision: { decimals: 2, scale: 1 } })).toMatchObject({ cents: 7, valueExact: "0.07" });
    expect(storedValue({ value: 769.6, unit: "元", precision: { decimals: 2, scale: 1 } })).toMatchObject({ cents: 76960, valueExact: "769.6" });
    expect(storedValue({ value: 0.1 + 0.2, unit: "%", precision: null })).toMatchObject({ cents: null, valueExact: "0.3" });
  });
  it("refuses fractions of a 分 rather than rounding them silently", () => {
    expect(centsFromDecimal("1.005")).toBeNull();
    expect(centsFromDecimal("-12.5")).toBe(-1250);
    expect(centsFromDecimal("100")).toBe(10000);
  });
});

describe("saveReport", () => {
  it("stores document, department, report JSON, metrics, projects, indicators, sections and findings", () => {
    const db = fresh();
    const report = makeReport();
    const r = saveReport(db, saveInputOf(report));
    expect(r.active).toBe(true);
    const row = db.prepare("SELECT * FROM reports WHERE id = ?").get(r.reportId) as Record<string, unknown>;
    expect(row.fiscal_year).toBe(2023);
    expect(row.score).toBe(92.5);
    expect(JSON.parse(row.json as string)).toEqual(report);
    const dept = db.prepare("SELECT name FROM departments WHERE id = ?").get(r.departmentId) as { name: string };
    expect(dept.name).toBe("仁化县社会保险基金管理中心");
    const total = db
      .prepare("SELECT cents, value, unit, restated FROM metric_values WHERE key = 'expenditure.total' AND year = 2023")
      .get() as Record<string, unknown>;
    expect(total).toEqual({ cents: 12222510000, value: 122225100, unit: "元", restated: 0 });
    const restated = db.prepare("SELECT restated FROM metric_values WHERE key = 'expenditure.total' AND year = 2022").get() as { restated: number };
    expect(restated.restated).toBe(1);
    const proj = db.prepare("SELECT project, key, cents FROM project_metric_values ORDER BY key").all();
    expect(proj).toEqual([
      { project: "社保经办项目", key: "budget.executed", cents: 640500000 },
      { project: "社保经办项目", key: "budget.initial", cents: 674190000 },
    ]);
    const hit = db.prepare("SELECT heading FROM sections_fts WHERE sections_fts MATCH ?").all("预算执行率") as Array<{ heading: string }>;
    expect(hit.map((h) => h.heading)).toEqual(["（四）部门整体支出情况"]);
    const dy = db.prepare("SELECT department, year, expenditure_total, score, findings FROM department_years").all();
    expect(dy).toEqual([{ department: "仁化县社会保险基金管理中心", year: 2023, expenditure_total: 122225100, score: 92.5, findings: 1 }]);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("re-saving the same document replaces its rows and keeps the report id", () => {
    const db = fresh();
    const report = makeReport();
    const first = saveReport(db, saveInputOf(report));
    const second = saveReport(db, saveInputOf(report), "9.9.9+p9");
    expect(second.reportId).toBe(first.reportId);
    expect(second.replaced).toBe(true);
    expect((db.prepare("SELECT COUNT(*) AS n FROM metrics").get() as { n: number }).n).toBe(10);
    expect(findDocument(db, report.source.sha256)?.parser_version).toBe("9.9.9+p9");
    expect(checkConsistency(db)).toEqual([]);
  });

  it("a re-published report (same department, year, kind; new hash) supersedes the old one, which is kept", () => {
    const db = fresh();
    const v1 = makeReport({ total: "12222.51" });
    const v2 = makeReport({ total: "12222.50" });
    const a = saveReport(db, saveInputOf(v1));
    const b = saveReport(db, saveInputOf(v2));
    expect(b.superseded).toEqual([a.reportId]);
    expect(db.prepare("SELECT superseded_by FROM reports WHERE id = ?").get(a.reportId)).toEqual({ superseded_by: b.reportId });
    expect(findDocument(db, v1.source.sha256)?.status).toBe("superseded");
    expect((db.prepare("SELECT COUNT(*) AS n FROM active_reports").get() as { n: number }).n).toBe(1);
    const cents = db.prepare("SELECT cents FROM metric_values WHERE key = 'expenditure.total' AND year = 2023").all();
    expect(cents).toEqual([{ cents: 12222500000 }]);
    // Another year of the same department is not a re-publication.
    const y24 = saveReport(db, saveInputOf(makeReport({ year: 2024 })));
    expect(y24.superseded).toEqual([]);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("a budget's prose file and its 公开表 file (same department, year, kind; different text) both stay active", () => {
    const db = fresh();
    const prose = makeReport({ kind: "budget", total: "17996.68", seed: "prose" });
    const tables = makeReport({ kind: "budget", total: "17996.68", seed: "tables" });
    const text = (t: string) => [{ heading: null, level: null, page: 1, text: t }];
    const a = saveReport(db, {
      ...saveInputOf(prose),
      sections: text("一、收支预算总体情况说明：本部门收入、支出预算总计17996.68万元，与上年相比增加，主要原因是人员增加和项目调整。"),
    });
    const b = saveReport(db, {
      ...saveInputOf(tables),
      sections: text("公开01表 收支预算总表 单位：万元 收入 支出 一般公共预算拨款 17,981.68 一般公共服务支出 当年收入小计 17,996.68"),
    });
    expect(b.superseded).toEqual([]);
    expect((db.prepare("SELECT COUNT(*) AS n FROM active_reports").get() as { n: number }).n).toBe(2);
    // A re-published edition of the prose file (a figure corrected) still supersedes its own earlier edition.
    const prose2 = makeReport({ kind: "budget", total: "17996.69", seed: "prose-v2" });
    const c = saveReport(db, {
      ...saveInputOf(prose2),
      sections: text("一、收支预算总体情况说明：本部门收入、支出预算总计17996.69万元，与上年相比增加，主要原因是人员增加和项目调整。"),
    });
    expect(c.superseded).toEqual([a.reportId]);
    expect((db.prepare("SELECT id FROM active_reports ORDER BY id").all() as Array<{ id: number }>).map((r) => r.id)).toEqual([b.reportId, c.reportId]);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("a later filing date wins even when the older version is imported last", () => {
    const db = fresh();
    const newer = saveReport(db, saveInputOf(makeReport({ total: "1.00", filledDate: "2024-06-01" })));
    const older = saveReport(db, saveInputOf(makeReport({ total: "2.00", filledDate: "2024-05-01" })));
    expect(older.active).toBe(false);
    expect(older.superseded).toEqual([]);
    expect((db.prepare("SELECT id FROM active_reports").all() as Array<{ id: number }>).map((r) => r.id)).toEqual([newer.reportId]);
    expect(checkConsistency(db)).toEqual([]);
  });

  it("project reports of one department and year are told apart by title", () => {
    const db = fresh();
    saveReport(db, saveInputOf(makeReport({ kind: "project", title: "甲项目支出绩效自评报告" })));
    saveReport(db, saveInputOf(makeReport({ kind: "project", title: "乙项目支出绩效自评报告" })));
    expect((db.prepare("SELECT COUNT(*) AS n FROM active_reports").get() as { n: number }).n).toBe(2);
  });

  it("records failures as documents with the reason and no report", () => {
    const db = fresh();
    const id = saveFailure(db, { path: "/x/bad.pdf", sha256: "ab".repeat(32), format: "unknown", pages: 0, size: 5 }, "文件已损坏");
    expect(db.prepare("SELECT status, error FROM documents WHERE id = ?").get(id)).toEqual({ status: "failed", error: "文件已损坏" });
    expect(checkConsistency(db)).toEqual([]);
  });

  it("a report without a department or year is stored but never supersedes", () => {
    const db = fresh();
    saveReport(db, saveInputOf(makeReport({ department: null, total: "1.00" })));
    saveReport(db, saveInputOf(makeReport({ department: null, total: "2.00" })));
    expect((db.prepare("SELECT COUNT(*) AS n FROM active_reports WHERE department_id IS NULL").get() as { n: number }).n).toBe(2);
    expect(checkConsistency(db)).toEqual([]);
  });
});
