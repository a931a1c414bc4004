import type { Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { CrossFinding, ReportWithId, Rule } from "./types.js";
import { sumOfParts } from "./sum-of-parts.js";
import { statedChange } from "./stated-change.js";
import { statedRatio } from "./stated-ratio.js";
import { unitSlip } from "./unit-slip.js";
import { range } from "./range.js";
import { restatedDifferently } from "./restated-differently.js";
import { yoyOutlier } from "./yoy-outlier.js";
import { reconcileFinalVsSelf } from "./reconcile-final-vs-self.js";
import { reconcileBudgetVsFinal } from "./reconcile-budget-vs-final.js";
import { reconcileBudgetPriorYear } from "./reconcile-budget-prior-year.js";
import { changeOfParts } from "./change-of-parts.js";
import { statedShare } from "./stated-share.js";

export type { ReportWithId, CrossFinding, Rule, RuleMeta } from "./types.js";

/** Every rule, ESLint style: id = file name, Chinese and English description, default severity, scope. */
export const RULES: Rule[] = [sumOfParts, statedChange, changeOfParts, statedRatio, statedShare, unitSlip, range, restatedDifferently, yoyOutlier, reconcileFinalVsSelf, reconcileBudgetVsFinal, reconcileBudgetPriorYear];

export const RULE_IDS: string[] = RULES.map((r) => r.meta.id);

export interface RunOptions {
  /** Only these rule ids (default: all). */
  rules?: string[];
}

function selected(opts: RunOptions): Rule[] {
  return opts.rules?.length ? RULES.filter((r) => opts.rules!.includes(r.meta.id)) : RULES;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** In-report rules on one extracted report; findings are data, sorted by severity then rule order. */
export function runReportRules(report: Report, opts: RunOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of selected(opts)) if (rule.check) for (const f of rule.check(report)) out.push(f);
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Cross-report rules over stored reports (any departments and years; grouped by departmentId, else department name,
 * and kind). Each finding names the report it is filed under (reportId) and the report it compares with. In-report
 * findings are not included: run runReportRules on each report for those.
 */
export function runCrossRules(reports: ReportWithId[], opts: RunOptions = {}): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const rule of selected(opts)) if (rule.checkCross) for (const f of rule.checkCross(reports)) out.push(f);
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
