/**
 * Query benchmark: builds a database of 10,000 reports through the real write path (saveReport, all in one
 * transaction), then times `trend` for one metric across every department in-process — query, series building and
 * table rendering — next to a plain SELECT of the same metric rows measured in the same run.
 *
 *   npx tsx scripts/bench-query.ts [--reports 10000] [--runs 30] [--keep FILE]
 * --keep FILE keeps the generated database; an existing FILE is reused (migrated, not rebuilt).
 * Target: trend end to end < 100 ms.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { openDb } from "../src/store/db.js";
import { saveReport } from "../src/store/save.js";
import { ReportSchema, type Metric, type Report } from "../src/extract/schema.js";
import { trend } from "../src/query/trend.js";
import { compare } from "../src/query/compare.js";
import { trendTable } from "../src/cli/commands/trend.js";
import { renderOut } from "../src/cli/support.js";

const { values: args } = parseArgs({
  options: { reports: { type: "string", default: "10000" }, runs: { type: "string", default: "30" }, keep: { type: "string" } },
});
const REPORTS = Number(args.reports);
const RUNS = Number(args.runs);
const YEARS = 10;
const FIRST_YEAR = 2015;

// Distinct places (different regions never merge) × distinct offices: one department per combination.
const CHARS = "安宝昌德东丰福广海和华化怀嘉建江金乐临龙平青清仁山盛泰通文武西祥新兴阳永玉远云长镇中";
const OFFICES = ["财政局", "教育局", "卫生健康局", "民政局", "交通运输局", "自然资源局", "农业农村局", "水务局", "司法局", "审计局"];

function departmentName(i: number): string {
  const office = OFFICES[i % OFFICES.length];
  const r = Math.floor(i / OFFICES.length);
  return `${CHARS[r % CHARS.length]}${CHARS[Math.floor(r / CHARS.length) % CHARS.length]}县${office}`;
}

let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

function money(key: string, year: number, cents: number, restated = false): Metric {
  return { key, year, value: cents / 100, unit: "元", text: `${cents / 1e6}万元`, precision: { decimals: 6, scale: 10000 }, page: 1, quote: `${key} ${cents / 1e6}万元`, restated };
}

/** A department's total for a year: deterministic, so a later report's 上年 figure can restate it exactly. */
function totalOf(d: number, base: number, year: number): number {
  const noise = ((d * 7919 + year * 104729) % 1000) / 5000; // 0 … 0.2
  return Math.round(base * (1 + 0.08 * (year - FIRST_YEAR)) * (0.9 + noise));
}

function makeReport(d: number, dept: string, year: number, base: number): Report {
  const total = totalOf(d, base, year);
  // Restatements agree with the year's own report, except about 1 in 50 (a corrected figure), as in real series.
  const restatedPrev = totalOf(d, base, year - 1) + ((d + year) % 50 === 0 ? 1_000_00 : 0);
  const basic = Math.round(total * 0.3);
  const p = `/bench/${dept}/${year}.pdf`;
  return ReportSchema.parse({
    schemaVersion: 1,
    source: { path: p, sha256: createHash("sha256").update(p).digest("hex"), format: "pdf", pages: 8 },
    department: dept, region: null, fiscalYear: year, kind: "department", title: `${year}年度${dept}部门整体支出绩效自评报告`, filledDate: null,
    metrics: [
      money("income.total", year, total + 1_000_000),
      money("expenditure.total", year, total),
      money("expenditure.basic", year, basic),
      money("expenditure.project", year, total - basic),
      money("expenditure.personnel", year, Math.round(basic * 0.8)),
      money("expenditure.public", year, basic - Math.round(basic * 0.8)),
      money("three_public.total", year, Math.round(total * 0.002)),
      money("expenditure.total", year - 1, restatedPrev, true),
      money("income.total", year - 1, restatedPrev + 1_000_000, true),
      { key: "budget.execution_rate", year, value: 90 + Math.round(rand() * 1000) / 100, unit: "%", text: "", precision: null, page: 2, quote: "执行率", restated: false },
      { key: "score.total", year, value: 80 + Math.round(rand() * 200) / 10, unit: "分", text: "", precision: null, page: 5, quote: "自评得分", restated: false },
    ],
    projects: [{ name: "专项业务经费", metrics: [money("budget.initial", year, Math.round(total * 0.1)), money("budget.executed", year, Math.round(total * 0.095))] }],
    indicators: [],
    findings: [],
    warnings: [],
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number[] {
  const out: number[] = [];
  fn(); // warm-up: statement compile, page cache
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), "jixiao-bench-query-"));
const file = args.keep ?? path.join(dir, "bench.db");
const departments = Math.ceil(REPORTS / YEARS);
const reuse = !!args.keep && existsSync(file);
if (!reuse) console.log(`building ${REPORTS} reports (${departments} departments × ${YEARS} years) through saveReport in one transaction…`);
const w = openDb(file);
const t0 = Date.now();
if (!reuse) w.transaction(() => {
  for (let d = 0; d < departments; d++) {
    const name = departmentName(d);
    const base = 10_000_000_00 + Math.round(rand() * 50_000_000_00);
    for (let y = 0; y < YEARS && d * YEARS + y < REPORTS; y++) {
      const r = makeReport(d, name, FIRST_YEAR + y, base);
      saveReport(w, { path: r.source.path, sha256: r.source.sha256, format: "pdf", pages: 8, size: 100_000, report: r, sections: [] });
    }
  }
})();
const buildMs = Date.now() - t0;
const counts = w.prepare("SELECT (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM departments) AS departments, (SELECT COUNT(*) FROM metrics) AS metrics").get() as Record<string, number>;
w.close();
if (reuse) console.log(`reused ${file}: ${JSON.stringify(counts)}`);
else console.log(`built in ${(buildMs / 1000).toFixed(1)} s (${Math.round((REPORTS / buildMs) * 1000)} reports/s): ${JSON.stringify(counts)}`);

const db = openDb(file, { readonly: true });
const key = "expenditure.total";
const baseline = time(() => db.prepare("SELECT m.cents, m.year, m.report_id FROM metrics m WHERE m.key = ? AND m.project_id IS NULL").all(key));
const baselineJoin = time(() =>
  db.prepare(
    `SELECT m.cents, m.year, r.department_id, r.fiscal_year FROM metrics m JOIN reports r ON r.id = m.report_id
     JOIN documents d ON d.id = r.document_id WHERE m.key = ? AND m.project_id IS NULL AND d.status = 'ok' AND r.superseded_by IS NULL`,
  ).all(key),
);
let series = 0;
const trendOnly = time(() => (series = trend(db, { metric: key }).series.length));
const endToEnd = time(() => {
  const t = trend(db, { metric: key });
  const { columns, rows } = trendTable(t, false);
  return renderOut("table", columns, rows).length;
});
const json = time(() => {
  const t = trend(db, { metric: key });
  const { columns, rows } = trendTable(t, false);
  return renderOut("json", columns, rows, t).length;
});
const cmp = time(() => compare(db, { metric: key, year: 2020 }));
// The machine is shared: a fixed CPU loop timed in the same run shows how loaded it was (≈10 ms on an idle core).
const cpu = time(() => {
  let x = 0;
  for (let i = 0; i < 1e7; i++) x += i % 7;
  return x;
});
db.close();

const b = median(baseline);
const rows = [
  ["plain SELECT of the metric rows (baseline)", b],
  ["SELECT with the report/document joins", median(baselineJoin)],
  [`trend() → ${series} series`, median(trendOnly)],
  ["trend end to end (query + table text)", median(endToEnd)],
  ["trend end to end (query + pretty JSON)", median(json)],
  ["compare --year 2020", median(cmp)],
  ["CPU reference loop (load indicator)", median(cpu)],
] as const;
console.log(`\nmedian of ${RUNS} runs, ${key}, ${counts.reports} reports:`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms   ×${(ms / b).toFixed(1)} baseline`);
const e2e = median(endToEnd);
console.log(`\ntarget trend end to end < 100 ms: ${e2e < 100 ? "met" : "MISSED"} (${e2e.toFixed(1)} ms)`);
if (!args.keep) rmSync(dir, { recursive: true, force: true });
