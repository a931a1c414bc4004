import type { Finding, Severity } from "../extract/finding.js";
import { METRIC_BY_KEY } from "../extract/metric-catalog.js";
import { baseKey } from "../rules/lib/metric-access.js";
import { textTable } from "./text-table.js";
import { displayWidth } from "../query/text-width.js";
import { render, type OutputFormat } from "./output.js";
import type { Column } from "../query/column.js";
import { SEVERITY_ZH as SEVERITY_WORDS } from "../query/severity.js";

/** One checked report and its findings, as `jixiao check` prints them. */
export interface CheckedReport {
  id: number | string | null;
  path: string;
  department: string | null;
  fiscalYear: number | null;
  kind: string | null;
  findings: Array<Finding & { scope: "report" | "cross"; otherReportId?: number | string | null }>;
}

export const SEVERITY_ZH: Record<Severity, string> = { error: SEVERITY_WORDS.error, warning: SEVERITY_WORDS.warning, info: SEVERITY_WORDS.info };
const KIND_ZH: Record<string, string> = { department: "部门整体支出自评", project: "项目支出自评", budget: "部门预算", "final-accounts": "部门决算" };
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A base-unit number as people read it: money in 万元, others plain. */
export function showNumber(f: Finding, v: number | null): string {
  if (v === null || v === undefined) return "";
  const key = f.metrics[0] ? baseKey(f.metrics[0].key) : "";
  const kind = METRIC_BY_KEY.get(key)?.unitKind;
  const pct = f.metrics[0] && /change_pct|pct_change|growth_pct/.test(f.metrics[0].key);
  if (kind === "money" && !pct) return `${trim((v / 1e4).toFixed(6))} 万元`;
  if (kind === "percent" || pct) return `${trim(v.toFixed(4))}%`;
  return trim(v.toFixed(4));
}

const TOKEN_CHAR = /[0-9A-Za-z.,%+-]/;

/**
 * Wrap to a display width (CJK counts two columns). A break never falls inside a number or a Latin word: "3958.67 万元"
 * split as "3958.6" / "7 万元" reads as two wrong figures.
 */
export function wrapWidth(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    let w = 0;
    for (const ch of para) {
      const cw = displayWidth(ch);
      if (w + cw > width && line.length > 0) {
        let carry = "";
        if (TOKEN_CHAR.test(ch)) {
          const m = /[0-9A-Za-z.,%+-]+$/.exec(line);
          if (m && m[0].length < line.length && m[0].length < width / 2) carry = m[0];
        }
        out.push(line.slice(0, line.length - carry.length));
        line = carry;
        w = displayWidth(carry);
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out.join("\n");
}

function trim(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

function numbers(f: Finding): string {
  if (f.expected === null && f.actual === null) return "";
  const tol = f.tolerance ? `（容差 ±${showNumber(f, f.tolerance)}）` : "";
  return `应为 ${showNumber(f, f.expected)}\n实为 ${showNumber(f, f.actual)}${tol}`;
}

function quotes(f: Finding, width = 90): string {
  return f.evidence
    .map((e) => {
      const q = e.quote.length > width ? `${e.quote.slice(0, width)}…` : e.quote;
      const where = [e.source && e.source !== "" ? e.source.split("/").pop() : null, e.page ? `第 ${e.page} 页` : null].filter(Boolean).join(" ");
      return `${where ? `[${where}] ` : ""}「${q}」`;
    })
    .join("\n");
}

const FLAT_COLUMNS: Column[] = [
  { key: "path", header: "文件" },
  { key: "department", header: "部门" },
  { key: "fiscalYear", header: "年度" },
  { key: "severity", header: "级别" },
  { key: "rule", header: "规则" },
  { key: "scope", header: "范围" },
  { key: "project", header: "项目" },
  { key: "message", header: "说明" },
  { key: "metrics", header: "指标" },
  { key: "expected", header: "应为" },
  { key: "actual", header: "实为" },
  { key: "tolerance", header: "容差" },
  { key: "evidence", header: "依据" },
];

function flatRows(reports: CheckedReport[]): Array<Record<string, unknown>> {
  return reports.flatMap((r) =>
    r.findings.map((f) => ({
      path: r.path,
      department: r.department,
      fiscalYear: r.fiscalYear,
      severity: f.severity,
      rule: f.rule,
      scope: f.scope,
      project: f.project,
      message: f.message,
      metrics: f.metrics.map((m) => `${m.key}@${m.year}`).join(" "),
      expected: f.expected,
      actual: f.actual,
      tolerance: f.tolerance,
      evidence: f.evidence.map((e) => `${e.page ? `p${e.page} ` : ""}${e.quote}`).join(" | "),
    })),
  );
}

export function counts(reports: CheckedReport[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of r.findings) c[f.severity]++;
  return c;
}

/** Findings grouped by report: a heading per report, then severity, rule, message, numbers and quotes. */
export function renderCheck(format: OutputFormat, reports: CheckedReport[]): string {
  if (format === "json") return JSON.stringify({ reports, counts: counts(reports) }, null, 2) + "\n";
  if (format === "csv") return render("csv", FLAT_COLUMNS, flatRows(reports));
  const out: string[] = [];
  for (const r of reports) {
    const title = `${r.path}${r.department ? ` — ${r.department}` : ""}${r.fiscalYear ? ` ${r.fiscalYear} 年度` : ""}${r.kind && KIND_ZH[r.kind] ? ` ${KIND_ZH[r.kind]}` : ""}`;
    if (r.findings.length === 0) {
      out.push(`✓ ${title}：未发现问题\n`);
      continue;
    }
    out.push(`■ ${title}（${r.findings.length} 项）\n`);
    // Fixed widths so long Chinese messages and quotes wrap inside their cells (CJK glyphs count double).
    const widths = [6, 22, 48, 26, 48];
    const columns = ["级别", "规则", "说明", "数值", "依据"].map((header, i) => ({ key: String(i), header }));
    const rows = r.findings.map((f) => {
      const cells = [SEVERITY_ZH[f.severity], f.scope === "cross" ? `${f.rule}\n(跨报告)` : f.rule, f.message, numbers(f), quotes(f)];
      return Object.fromEntries(cells.map((c, i) => [String(i), wrapWidth(c, widths[i] - 2)]));
    });
    out.push(textTable(columns, rows));
  }
  const c = counts(reports);
  out.push(`共检查 ${reports.length} 份报告：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}\n`);
  return out.join("");
}
