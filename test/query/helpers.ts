import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { openDb, type Db } from "../../src/store/db.js";
import { saveReport } from "../../src/store/save.js";
import { ReportSchema, type Metric, type Report } from "../../src/extract/schema.js";
import type { Finding } from "../../src/extract/finding.js";

/** A fresh database in a temp folder, written through the real store (openDb + saveReport). */
export function tempDb(): { db: Db; file: string; dir: string; reopenReadonly: () => Db; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-query-"));
  const file = path.join(dir, "test.db");
  const db = openDb(file);
  return {
    db,
    file,
    dir,
    reopenReadonly: () => openDb(file, { readonly: true }),
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Money from exact 分, as the extractor gives it: 元 value, printed in 万元. */
export function money(key: string, year: number, cents: number, o: { restated?: boolean; page?: number } = {}): Metric {
  const wan = (cents / 1_000_000).toFixed(6).replace(/0+$/, "").replace(/\.$/, ".00");
  return {
    key,
    year,
    value: cents / 100,
    unit: "元",
    text: `${wan}万元`,
    precision: { decimals: 6, scale: 10000 },
    page: o.page ?? 1,
    quote: `${o.restated ? "上年" : ""}${key}为${wan}万元`,
    restated: o.restated ?? false,
  };
}

export function plain(key: string, year: number, value: number, unit: Metric["unit"], page = 1): Metric {
  return { key, year, value, unit, text: `${value}${unit}`, precision: null, page, quote: `${key}：${value}${unit}`, restated: false };
}

export interface RepOpts {
  department: string | null;
  year: number;
  kind?: Report["kind"];
  metrics: Metric[];
  findings?: Finding[];
  projects?: Report["projects"];
  indicators?: Report["indicators"];
  path?: string;
  /** Distinguishes two versions of the same report (a re-published one supersedes the older). */
  version?: string;
}

export function report(o: RepOpts): Report {
  const kind = o.kind ?? "department";
  const p = o.path ?? `/data/${o.department ?? "unknown"}/${o.year}-${kind}${o.version ? `-${o.version}` : ""}.pdf`;
  return ReportSchema.parse({
    schemaVersion: 1,
    source: { path: p, sha256: createHash("sha256").update(p + JSON.stringify(o.metrics)).digest("hex"), format: "pdf", pages: 3 },
    department: o.department,
    region: null,
    fiscalYear: o.year,
    kind,
    title: `${o.year}年度${o.department ?? ""}${kind === "budget" ? "部门预算" : kind === "final-accounts" ? "部门决算" : "整体支出绩效自评报告"}`,
    filledDate: null,
    metrics: o.metrics,
    projects: o.projects ?? [],
    indicators: o.indicators ?? [],
    findings: o.findings ?? [],
    warnings: [],
  });
}

export function save(db: Db, r: Report, sections: Array<{ heading: string | null; level: number | null; page: number | null; text: string }> = []) {
  return saveReport(db, {
    path: r.source.path,
    sha256: r.source.sha256,
    format: r.source.format,
    pages: r.source.pages,
    size: 1234,
    report: r,
    sections,
  });
}

export function finding(year: number, quote: string, page = 2): Finding {
  return {
    rule: "sum-of-parts",
    severity: "warning",
    message: "基本支出与项目支出之和不等于总支出",
    metrics: [{ key: "expenditure.total", year }],
    expected: 1000,
    actual: 1100,
    tolerance: null,
    evidence: [{ source: null, page, quote }],
    project: null,
  };
}
