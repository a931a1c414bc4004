import type { Indicator } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { foldWidth } from "../document/normalize.js";
import { toMilli } from "./lib/tolerance.js";
import { indicatorEvidence, indicatorName } from "./lib/score-table.js";
import { SCORE_VOCAB } from "./lib/score-vocab.js";

interface Reading {
  value: number;
  unit: string;
}

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const COMPARATORS = new RegExp([...SCORE_VOCAB.atLeast, ...SCORE_VOCAB.atMost].map(esc).join("|"), "g");

/**
 * A target or result that is one number with at most a short unit ("≥620公里", "95%以上", "86.5%"); dates and times
 * ("12月", "2023年") and prose ("明显改善", "≤预算数") are not read.
 */
function reading(text: string | null): Reading | null {
  if (!text) return null;
  const t = foldWidth(text).replace(/\s/g, "").replace(/,/g, "").replace(COMPARATORS, "");
  const m = /^(\d+(?:\.\d+)?)(%|[^\d.%]{0,6})$/.exec(t);
  if (!m || /[年月日时天号]|前|底|内/.test(m[2])) return null;
  return { value: Number(m[1]), unit: m[2] };
}

/** Which way the target is met: its own comparator, else a ceiling for cost/time indicators, else a floor. */
function direction(i: Indicator): "atLeast" | "atMost" {
  const t = foldWidth(i.target ?? "");
  if (SCORE_VOCAB.atMost.some((w) => t.includes(w))) return "atMost";
  if (SCORE_VOCAB.atLeast.some((w) => t.includes(w))) return "atLeast";
  const name = `${i.level2 ?? ""}${i.level3 ?? ""}`;
  return SCORE_VOCAB.lowerIsBetter.some((w) => name.includes(w)) ? "atMost" : "atLeast";
}

/** Units that allow a comparison: the same, or one side printed without its unit (never % against a count). */
function comparable(a: Reading, b: Reading): boolean {
  if (a.unit === b.unit) return true;
  if (a.unit === "%" || b.unit === "%") return false;
  return a.unit === "" || b.unit === "";
}

function noReason(d: string | null): boolean {
  if (d === null) return false;
  const t = d.replace(/\s/g, "");
  return t === "" || SCORE_VOCAB.noReason.includes(t);
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const i of ctx.report.indicators ?? []) {
    const target = reading(i.target);
    const actual = reading(i.actual);
    if (!target || !actual || !comparable(target, actual)) continue;
    const dir = direction(i);
    const short = dir === "atLeast" ? actual.value < target.value : actual.value > target.value;
    if (!short) continue;
    const full = i.weight !== null && i.score !== null && i.weight > 0 && toMilli(i.score) === toMilli(i.weight);
    if (!full && !noReason(i.deviation)) continue;
    out.push(
      ctx.finding({
        messageId: full ? "shortWithFullMarks" : "shortWithoutReason",
        data: { name: indicatorName(i), target: i.target ?? "", actual: i.actual ?? "", weight: String(i.weight ?? ""), score: String(i.score ?? "") },
        refs: [{ key: "indicator.actual", year: ctx.report.fiscalYear ?? 0 }],
        expected: target.value,
        actual: actual.value,
        evidence: indicatorEvidence(ctx.report, [i]),
      }),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "indicator-shortfall",
  description: {
    zh: "实际完成值未达年度指标值的指标：仍得满分，或未说明偏差原因",
    en: "An indicator whose result falls short of its annual target yet gets full marks, or gives no reason for the shortfall",
  },
  defaultSeverity: "warning",
  scope: "report",
  docs: { url: "README.md#rule-indicator-shortfall" },
  messages: {
    shortWithFullMarks: { zh: "指标「{name}」年度指标值 {target}，实际完成值 {actual}，未达目标却得满分（{score}/{weight} 分）" },
    shortWithoutReason: { zh: "指标「{name}」年度指标值 {target}，实际完成值 {actual}，未达目标而未说明偏差原因" },
  },
};

export const indicatorShortfall: Rule = { meta, check };
