import type { Report } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { JxDocument } from "../document/model.js";
import type { CrossFinding, ReportWithId, Rule, SeverityConfig } from "./lib/types.js";
import { crossContext, messageSeverity, ruleContext } from "./lib/context.js";
import { noteOcr, noteOcrCross } from "./lib/ocr-note.js";
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
import { scoreWeights } from "./score-weights.js";
import { scoreGrade } from "./score-grade.js";
import { executionScore } from "./execution-score.js";
import { indicatorShortfall } from "./indicator-shortfall.js";
import { templateResidue } from "./template-residue.js";
import { yearConsistency } from "./year-consistency.js";
import { directionWord } from "./direction-word.js";
import { lineProseAmount } from "./line-prose-amount.js";
import { executionRows } from "./execution-rows.js";
import { lineRowSum } from "./line-row-sum.js";
import { lineColumnSum } from "./line-column-sum.js";
import { lineHierarchy } from "./line-hierarchy.js";
import { lineCrossTable } from "./line-cross-table.js";
import { requiredParts } from "./required-parts.js";
import { typography } from "./typography.js";
import { subjectCodeName } from "./subject-code-name.js";
import { lineThreePublic } from "./line-three-public.js";
import { lineThreePublicProse } from "./line-three-public-prose.js";
import { prosePartsSum } from "./prose-parts-sum.js";
import { staffParts } from "./staff-parts.js";
import { proseSharesSum } from "./prose-shares-sum.js";
import { proseChangeParts } from "./prose-change-parts.js";
import { statedCompletion } from "./stated-completion.js";
import { sameItemTwoAmounts } from "./same-item-two-amounts.js";
import { procurementShare } from "./procurement-share.js";
import { procurementTable } from "./procurement-table.js";

export type { ReportWithId, CrossFinding, Rule, RuleMeta, MessageSpec, SeverityConfig, SeverityLevel } from "./lib/types.js";
export type { RuleContext, CrossContext, FindingSpec } from "./lib/types.js";
export { severityFromArgs, severityFromConfig, mergeSeverity, SeverityConfigError } from "./lib/severity-config.js";

/** Every rule, ESLint style: id = file name, Chinese and English description, default severity, scope, messages. */
export const RULES: Rule[] = [sumOfParts, statedChange, changeOfParts, statedRatio, statedShare, unitSlip, range, restatedDifferently, yoyOutlier, reconcileFinalVsSelf, reconcileBudgetVsFinal, reconcileBudgetPriorYear, scoreWeights, scoreGrade, executionScore, indicatorShortfall, yearConsistency, templateResidue, directionWord, executionRows, lineRowSum, lineColumnSum, lineHierarchy, lineCrossTable, lineThreePublic, lineProseAmount, lineThreePublicProse, prosePartsSum, proseChangeParts, proseSharesSum, staffParts, procurementShare, procurementTable, statedCompletion, sameItemTwoAmounts, requiredParts, typography, subjectCodeName];

export const RULE_IDS: string[] = RULES.map((r) => r.meta.id);

export interface RunOptions {
  /** Only these rule ids (default: all). */
  rules?: string[];
  /** Per-rule severity (error | warning | info | off) instead of each rule's default. */
  severity?: SeverityConfig;
  /**
   * The document the report was read from. Rules that read the text (meta.needsDocument) run only with it; without
   * it (a stored report) their findings are the ones stored in report.findings, at the configured severity.
   */
  doc?: JxDocument | null;
}

function selected(opts: RunOptions): Rule[] {
  const chosen = opts.rules?.length ? RULES.filter((r) => opts.rules!.includes(r.meta.id)) : RULES;
  return chosen.filter((r) => opts.severity?.[r.meta.id] !== "off");
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A finding stored when the document was at hand, at the severity configured now. */
function restored(rule: Rule, f: Finding, opts: RunOptions): Finding {
  const level = opts.severity?.[rule.meta.id];
  if (!f.messageId || !rule.meta.messages[f.messageId]) return f;
  return { ...f, severity: messageSeverity(rule.meta, f.messageId, level && level !== "off" ? level : undefined) };
}

/** In-report rules on one extracted report; findings are data, sorted by severity then rule order. */
export function runReportRules(report: Report, opts: RunOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of selected(opts)) {
    if (!rule.check) continue;
    if (rule.meta.needsDocument && !opts.doc) {
      for (const f of report.findings ?? []) if (f.rule === rule.meta.id) out.push(restored(rule, f, opts));
      continue;
    }
    // A loop, not push(...): a pathological report can yield more findings than a call takes arguments.
    for (const f of rule.check(ruleContext(rule.meta, report, opts.doc ?? null, opts.severity?.[rule.meta.id]))) out.push(f);
  }
  return noteOcr(out, report).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Cross-report rules over stored reports (any departments and years; grouped by departmentId, else department name,
 * and kind). Each finding names the report it is filed under (reportId) and the report it compares with. In-report
 * findings are not included: run runReportRules on each report for those.
 */
export function runCrossRules(reports: ReportWithId[], opts: RunOptions = {}): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const rule of selected(opts)) if (rule.checkCross) for (const f of rule.checkCross(reports, crossContext(rule.meta, opts.severity?.[rule.meta.id]))) out.push(f);
  return noteOcrCross(out, reports).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Run one rule on one report (tests, benchmarks): its in-report findings at its default severity. */
export function checkRule(rule: Rule, report: Report, doc: JxDocument | null = null): Finding[] {
  return rule.check ? rule.check(ruleContext(rule.meta, report, doc)) : [];
}

/** Run one rule's cross-report check at its default severity. */
export function checkRuleCross(rule: Rule, reports: ReportWithId[]): CrossFinding[] {
  return rule.checkCross ? rule.checkCross(reports, crossContext(rule.meta)) : [];
}
