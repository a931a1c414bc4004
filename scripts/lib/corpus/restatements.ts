/**
 * Cross-report labels: when year N+1's report restates a year-N figure differently from year N's own report, the
 * later report's gold gets a restated-differently finding for year N, whatever edit caused the gap.
 */
import type { GoldFinding, GoldMetric } from "./compose.js";

export interface ReportFacts {
  fiscalYear: number;
  metrics: GoldMetric[];
  projects: { name: string; metrics: GoldMetric[] }[];
  findings: GoldFinding[];
  /** Size of the last printed digit per "key@year", in base units. */
  lastDigit: (key: string, year: number) => number | undefined;
}

export function labelRestatements(byYear: Map<number, ReportFacts>): void {
  for (const [year, later] of byYear) {
    const own = byYear.get(year - 1);
    if (!own) continue;
    const prior = year - 1;
    const changed: string[] = [];
    let rounding = true;
    for (const m of later.metrics) {
      if (m.year !== prior) continue;
      const o = own.metrics.find((x) => x.key === m.key && x.year === prior);
      if (!o || o.value === m.value) continue;
      changed.push(m.key);
      const unit = Math.max(later.lastDigit(m.key, prior) ?? 0, own.lastDigit(m.key, prior) ?? 0);
      if (typeof m.value !== "number" || typeof o.value !== "number" || Math.abs(m.value - o.value) > unit + 1e-9) rounding = false;
    }
    if (changed.length > 0) {
      later.findings.push({ rule: "restated-differently", year: prior, about: changed, crossReport: true, ...(rounding ? { roundingLevel: true } : {}) });
    }
    for (const p of later.projects) {
      const op = own.projects.find((q) => q.name === p.name);
      if (!op) continue;
      for (const m of p.metrics) {
        if (m.year !== prior) continue;
        const o = op.metrics.find((x) => x.key === m.key && x.year === prior);
        if (o && o.value !== m.value) {
          later.findings.push({ rule: "restated-differently", year: prior, about: [m.key], project: p.name, crossReport: true });
        }
      }
    }
  }
}
