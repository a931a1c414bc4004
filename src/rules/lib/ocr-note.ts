/**
 * Findings that rest on a figure read by OCR say so: the figure may be a misread (0/O, 1/l, a lost or extra decimal
 * point, 万) rather than the report's error. When one of its characters was read with low confidence the finding is
 * at most a warning and asks for the original to be checked.
 */
import type { Finding } from "../../extract/finding.js";
import type { Metric, MetricOcr, Report } from "../../extract/schema.js";
import type { CrossFinding, ReportWithId } from "./types.js";

function metricsOf(report: Report, project: string | null): Metric[] {
  if (!project) return report.metrics;
  return report.projects.find((p) => p.name === project)?.metrics ?? report.metrics;
}

/** The weakest OCR reading among the finding's metrics in these reports, or null when none was read by OCR. */
function weakest(f: Finding, reports: Report[]): MetricOcr | null {
  let worst: MetricOcr | null = null;
  for (const r of reports) {
    for (const m of metricsOf(r, f.project)) {
      if (!m.ocr || !f.metrics.some((x) => x.key === m.key && x.year === m.year)) continue;
      if (!worst || (m.ocr.doubtful && !worst.doubtful) || (m.ocr.doubtful === worst.doubtful && m.ocr.confidence < worst.confidence)) worst = m.ocr;
    }
  }
  return worst;
}

function note<F extends Finding>(f: F, ocr: MetricOcr): F {
  if (f.ocr) return f; // a stored finding, noted when it was made
  const doubt = ocr.doubtful;
  const message = doubt
    ? `${f.message}（所涉数字由 OCR 识别，有字符置信度低（${ocr.confidence.toFixed(2)}），可能是识别错误，请核对原件）`
    : `${f.message}（所涉数字由 OCR 识别）`;
  return { ...f, message, severity: doubt && f.severity === "error" ? "warning" : f.severity, ocr };
}

export function noteOcr(findings: Finding[], report: Report): Finding[] {
  return findings.map((f) => {
    const o = weakest(f, [report]);
    return o ? note(f, o) : f;
  });
}

export function noteOcrCross(findings: CrossFinding[], reports: ReportWithId[]): CrossFinding[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  return findings.map((f) => {
    const rs = [byId.get(f.reportId), f.otherReportId === null ? undefined : byId.get(f.otherReportId)].filter((r): r is ReportWithId => r !== undefined);
    const o = weakest(f, rs);
    return o ? note(f, o) : f;
  });
}
