import type Database from "better-sqlite3";
import { METRIC_BY_KEY } from "../extract/metric-catalog.js";
import type { Column } from "./column.js";
import { selectMetricRows, UNKNOWN_DEPARTMENT } from "./metric-rows.js";
import { REPORT_KINDS, trendFromRows } from "./trend.js";
import { displayUnit, kindLabel, zhCompare } from "./units.js";
import { severityZh } from "./severity.js";

/** One exported table: a file name stem, a Chinese sheet name, Chinese headers and plain rows (numbers stay numbers). */
export interface ExportTable {
  name: string;
  sheet: string;
  columns: Column[];
  rows: Array<Record<string, string | number | null>>;
}

/** The unit money is exported in: 万元 by default (what reports print and readers expect), or 元. */
export type ExportUnit = "元" | "万元";
export const EXPORT_UNITS: readonly ExportUnit[] = ["万元", "元"];

export interface ExportOptions {
  unit?: ExportUnit;
}

/**
 * Money in the export unit from exact 分: 元 = cents / 100, 万元 = cents / 1,000,000 — six decimals, which a double holds
 * exactly as printed for any realistic amount; other values as stored.
 */
function moneyValue(cents: number | null, value: number | null, unit: ExportUnit): number | null {
  if (cents === null) return value;
  return unit === "万元" ? cents / 1_000_000 : cents / 100;
}

export function metricsLong(db: Database.Database, opts: ExportOptions = {}): ExportTable {
  const unit = opts.unit ?? "万元";
  const rows = db
    .prepare(
      `SELECT COALESCE(department, '${UNKNOWN_DEPARTMENT}') AS department, fiscal_year, COALESCE(kind, 'department') AS kind,
              key, year, value, cents, unit, restated, source, page, quote
       FROM metric_values ORDER BY department, fiscal_year, kind, key, year, metric_id`,
    )
    .all() as Array<{ department: string; fiscal_year: number | null; kind: string; key: string; year: number; value: number | null; cents: number | null; unit: string; restated: number; source: string; page: number | null; quote: string }>;
  return {
    name: "metrics-long",
    sheet: "指标（长表）",
    columns: [
      { key: "department", header: "部门" },
      { key: "year", header: "年度" },
      { key: "key", header: "指标键" },
      { key: "name", header: "指标名称" },
      { key: "value", header: "数值" },
      { key: "unit", header: "单位" },
      // 万元 has six decimals for an exact 分; the 元 column keeps the figure exact for anyone who sums it.
      ...(unit === "万元" ? [{ key: "exact", header: "精确值（元）" }] : []),
      { key: "kind", header: "报告类型" },
      { key: "fiscalYear", header: "报告年度" },
      { key: "restated", header: "上年数" },
      { key: "source", header: "来源文件" },
      { key: "page", header: "页码" },
      { key: "quote", header: "原文" },
    ],
    rows: rows.map((r) => ({
      department: r.department,
      year: r.year,
      key: r.key,
      name: METRIC_BY_KEY.get(r.key)?.name ?? r.key,
      value: moneyValue(r.cents, r.value, unit),
      unit: r.cents !== null ? unit : r.unit,
      ...(unit === "万元" ? { exact: r.cents !== null ? r.cents / 100 : null } : {}),
      kind: kindLabel(r.kind),
      fiscalYear: r.fiscal_year,
      restated: r.restated ? "是" : null,
      source: r.source,
      page: r.page,
      quote: r.quote,
    })),
  };
}

/** Department × year, one row per department, kind and metric; the year's own figure, else a later restatement. */
export function metricsWide(db: Database.Database, opts: ExportOptions = {}): ExportTable {
  const unit = opts.unit ?? "万元";
  const keys = (db.prepare("SELECT DISTINCT key FROM metrics WHERE project_id IS NULL ORDER BY key").all() as Array<{ key: string }>).map((r) => r.key);
  const trends = keys.flatMap((key) => {
    const def = METRIC_BY_KEY.get(key);
    return def ? [trendFromRows(def, selectMetricRows(db, { key, kinds: [...REPORT_KINDS] }))] : [];
  });
  const years = [...new Set(trends.flatMap((t) => t.years))].sort((a, b) => a - b);
  const rows: ExportTable["rows"] = [];
  for (const t of trends)
    for (const s of t.series) {
      const row: ExportTable["rows"][number] = {
        department: s.department,
        kind: s.kindLabel,
        key: t.metric.key,
        name: t.metric.name,
        unit: t.metric.unitKind === "money" ? unit : t.metric.unit,
      };
      const restated: number[] = [];
      for (const y of years) {
        const p = s.points[t.years.indexOf(y)];
        row[`y${y}`] = p ? (t.metric.unitKind === "text" ? p.display : moneyValue(p.cents, p.value, unit)) : null;
        if (p?.restated) restated.push(y);
      }
      // A year known only from a later report's 上年数 is marked, as trend marks it with *.
      row.restated = restated.length ? restated.map((y) => `${y}*`).join("、") : null;
      rows.push(row);
    }
  rows.sort((a, b) => zhCompare(String(a.department), String(b.department)) || String(a.key).localeCompare(String(b.key)));
  return {
    name: "metrics-wide",
    sheet: "指标（宽表）",
    columns: [
      { key: "department", header: "部门" },
      { key: "kind", header: "报告类型" },
      { key: "key", header: "指标键" },
      { key: "name", header: "指标名称" },
      { key: "unit", header: "单位" },
      ...years.map((y) => ({ key: `y${y}`, header: String(y) })),
      { key: "restated", header: "取自后续报告上年数的年度" },
    ],
    rows,
  };
}

export function findingsTable(db: Database.Database, opts: ExportOptions = {}): ExportTable {
  const unit = opts.unit ?? "万元";
  const rows = db
    .prepare(
      `SELECT COALESCE(dep.name, dep2.name, r.department_raw, '${UNKNOWN_DEPARTMENT}') AS department, r.fiscal_year AS fiscalYear,
              COALESCE(r.kind, 'department') AS kind, f.scope, f.rule, f.severity, f.message, f.project, f.expected, f.actual,
              f.metrics_json, f.evidence_json, d.path AS source
       FROM findings f
       LEFT JOIN reports r ON r.id = f.report_id
       LEFT JOIN documents d ON d.id = r.document_id
       LEFT JOIN departments dep ON dep.id = r.department_id
       LEFT JOIN departments dep2 ON dep2.id = f.department_id
       -- Findings of active reports, and cross-report findings (stored against a department, not one report).
       WHERE (r.id IS NOT NULL AND r.superseded_by IS NULL AND d.status = 'ok') OR f.report_id IS NULL
       ORDER BY department, r.fiscal_year, f.id`,
    )
    .all() as Array<Record<string, string | number | null> & { evidence_json: string; metrics_json: string; kind: string }>;
  return {
    name: "findings",
    sheet: "问题",
    columns: [
      { key: "department", header: "部门" },
      { key: "fiscalYear", header: "年度" },
      { key: "kind", header: "报告类型" },
      { key: "severity", header: "级别" },
      { key: "rule", header: "规则" },
      { key: "message", header: "说明" },
      { key: "project", header: "项目" },
      { key: "expected", header: "应为" },
      { key: "actual", header: "实际" },
      { key: "unit", header: "单位" },
      { key: "source", header: "来源文件" },
      { key: "pages", header: "页码" },
      { key: "quotes", header: "原文" },
    ],
    rows: rows.map(({ evidence_json, metrics_json, kind, scope, ...f }) => {
      const ev = JSON.parse(evidence_json) as Array<{ source?: string | null; page: number | null; quote: string }>;
      // 应为 and 实际 are in the unit of the figures the finding is about (money in the export unit).
      const def = METRIC_BY_KEY.get((JSON.parse(metrics_json) as Array<{ key: string }>)[0]?.key ?? "");
      const money = def?.unitKind === "money";
      const scale = (v: string | number | null) => (typeof v === "number" && money ? (unit === "万元" ? v / 10_000 : v) : v);
      return {
        ...f,
        severity: severityZh(String(f.severity)),
        expected: scale(f.expected),
        actual: scale(f.actual),
        unit: money ? unit : def ? displayUnit(def.unitKind) || null : null,
        kind: scope === "cross" && f.source === null ? "跨报告" : kindLabel(kind),
        source: f.source ?? ([...new Set(ev.map((e) => e.source).filter(Boolean))].join("、") || null),
        pages: ev.map((e) => e.page).filter((p) => p !== null).join("、"),
        quotes: ev.map((e) => e.quote).join(" | "),
      };
    }),
  };
}

export function departmentsTable(db: Database.Database): ExportTable {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.region,
              (SELECT group_concat(alias, '、') FROM department_aliases a WHERE a.department_id = d.id AND a.alias <> d.name) AS aliases,
              (SELECT COUNT(*) FROM active_reports r WHERE r.department_id = d.id) AS reports,
              (SELECT group_concat(DISTINCT fiscal_year) FROM (SELECT fiscal_year FROM active_reports r WHERE r.department_id = d.id ORDER BY fiscal_year)) AS years
       FROM departments d ORDER BY d.name`,
    )
    .all() as ExportTable["rows"];
  return {
    name: "departments",
    sheet: "部门",
    columns: [
      { key: "id", header: "编号" },
      { key: "name", header: "部门" },
      { key: "region", header: "地区" },
      { key: "aliases", header: "别名" },
      { key: "reports", header: "报告数" },
      { key: "years", header: "年度" },
    ],
    rows,
  };
}

export function exportTables(db: Database.Database, opts: ExportOptions = {}): ExportTable[] {
  return [metricsLong(db, opts), metricsWide(db, opts), findingsTable(db, opts), departmentsTable(db)];
}
