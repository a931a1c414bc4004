/** Summing per-report scores into per-field precision / recall / F1 and findings recall, and printing them. */
import Table from "cli-table3";
import { METRICS } from "../../../src/extract/metric-catalog.js";
import { META_FIELDS, type Counts, type ReportScore } from "./score.js";

export interface FieldRow extends Counts { field: string; precision: number; recall: number; f1: number }

export interface DocResult {
  gold: string;
  document: string;
  format: string;
  error?: string;
  score: ReportScore;
  /** What the extraction yielded, as comparable strings (consistency.ts); null when it failed. */
  extracted?: string[] | null;
}

export interface Summary {
  documents: number;
  errors: number;
  fields: FieldRow[];
  metricsMicro: FieldRow;
  overall: FieldRow;
  byFormat: { format: string; documents: number; overall: FieldRow; metrics: FieldRow }[];
  findings: {
    expected: number;
    found: number;
    recall: number | null;
    crossExpected: number;
    crossFound: number;
    crossRecall: number | null;
    falseFindings: number;
    falseFindingsNonInfo: number;
    falsePerReport: number;
    cleanReports: number;
    falseOnClean: number;
    /** Warnings and errors among them: what the acceptance bar (≤ 0.05 per clean report) counts. */
    falseOnCleanNonInfo: number;
  };
}

export function prf(field: string, c: Counts): FieldRow {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { field, ...c, precision, recall, f1 };
}

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

function fieldOrder(f: string): number {
  const meta = (META_FIELDS as readonly string[]).indexOf(f);
  if (meta >= 0) return meta;
  const key = f.replace(/^projects\./, "");
  const i = METRICS.findIndex((m) => m.key === key);
  return (f.startsWith("projects") ? 1000 : 100) + (f === "projects" ? -1 : i < 0 ? 999 : i);
}

export function summarize(results: DocResult[]): Summary {
  const totals = new Map<string, Counts>();
  const formats = new Map<string, { documents: number; counts: Counts; metricCounts: Counts }>();
  const isMetric = (f: string) => !(META_FIELDS as readonly string[]).includes(f) && f !== "projects";
  const fnd = { expected: 0, found: 0, crossExpected: 0, crossFound: 0, falseFindings: 0, falseFindingsNonInfo: 0, cleanReports: 0, falseOnClean: 0, falseOnCleanNonInfo: 0 };
  for (const r of results) {
    const fm = formats.get(r.format) ?? { documents: 0, counts: { ...ZERO }, metricCounts: { ...ZERO } };
    fm.documents++;
    for (const [f, c] of Object.entries(r.score.fields)) {
      totals.set(f, add(totals.get(f) ?? ZERO, c));
      fm.counts = add(fm.counts, c);
      if (isMetric(f)) fm.metricCounts = add(fm.metricCounts, c);
    }
    formats.set(r.format, fm);
    const s = r.score.findings;
    fnd.expected += s.expected;
    fnd.found += s.found;
    fnd.crossExpected += s.crossExpected;
    fnd.crossFound += s.crossFound;
    fnd.falseFindings += s.falseFindings.length;
    fnd.falseFindingsNonInfo += s.falseFindings.filter((f) => f.severity !== "info").length;
    if (s.expected + s.crossExpected === 0) {
      fnd.cleanReports++;
      fnd.falseOnClean += s.falseFindings.length;
      fnd.falseOnCleanNonInfo += s.falseFindings.filter((f) => f.severity !== "info").length;
    }
  }
  const fields = [...totals].sort((a, b) => fieldOrder(a[0]) - fieldOrder(b[0]) || a[0].localeCompare(b[0])).map(([f, c]) => prf(f, c));
  const metricCounts = fields.filter((f) => isMetric(f.field)).reduce(add, ZERO);
  const all = fields.reduce(add, ZERO);
  return {
    documents: results.length,
    errors: results.filter((r) => r.error).length,
    fields,
    metricsMicro: prf("metrics (micro)", metricCounts),
    overall: prf("ALL", all),
    byFormat: [...formats].sort().map(([format, v]) => ({
      format, documents: v.documents, overall: prf(format, v.counts), metrics: prf(format, v.metricCounts),
    })),
    findings: {
      ...fnd,
      recall: fnd.expected ? fnd.found / fnd.expected : null,
      crossRecall: fnd.crossExpected ? fnd.crossFound / fnd.crossExpected : null,
      falsePerReport: results.length ? fnd.falseFindings / results.length : 0,
    },
  };
}

const pct = (x: number | null) => (x === null ? "—" : (x * 100).toFixed(1) + "%");

export function renderSummary(s: Summary): string {
  const style = { compact: true, head: process.stdout.isTTY ? ["cyan"] : [], border: process.stdout.isTTY ? ["grey"] : [] };
  const t = new Table({ head: ["字段 Field", "精确率 P", "召回率 R", "F1", "TP", "FP", "FN"], style });
  for (const r of [...s.fields, s.metricsMicro, s.overall]) {
    t.push([r.field, pct(r.precision), pct(r.recall), pct(r.f1), r.tp, r.fp, r.fn]);
  }
  const f = new Table({ head: ["发现项 Findings", "值 Value"], style });
  f.push(
    ["报告内预期 / 找到 expected / found (in-report)", `${s.findings.found} / ${s.findings.expected}  召回 recall ${pct(s.findings.recall)}`],
    ["跨报告预期 / 找到 expected / found (cross-report)", `${s.findings.crossFound} / ${s.findings.crossExpected}  召回 recall ${pct(s.findings.crossRecall)}`],
    ["误报 false findings (non-info)", `${s.findings.falseFindings} (${s.findings.falseFindingsNonInfo}), ${s.findings.falsePerReport.toFixed(2)} / 报告 report`],
    ["无预期的报告上的误报 false findings on clean reports (non-info)", `${s.findings.falseOnClean} (${s.findings.falseOnCleanNonInfo}) on ${s.findings.cleanReports} reports`],
  );
  const perFormat = new Table({ head: ["格式 Format", "文档 docs", "精确率 P", "召回率 R", "F1", "指标 F1 metrics"], style });
  for (const b of s.byFormat) {
    perFormat.push([b.format, b.documents, pct(b.overall.precision), pct(b.overall.recall), pct(b.overall.f1), pct(b.metrics.f1)]);
  }
  const byFormat = s.byFormat.map((b) => `${b.format}: F1 ${pct(b.overall.f1)} (${b.documents} 份 docs)`).join("  ");
  return [
    t.toString(), f.toString(), ...(s.byFormat.length > 1 ? [perFormat.toString()] : []),
    `文档 documents: ${s.documents}, 出错 errors: ${s.errors}; 按格式 by format: ${byFormat}`,
  ].join("\n");
}
