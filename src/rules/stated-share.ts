import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { metricName, showMetric } from "./lib/format.js";
import { precisionOf } from "./lib/tolerance.js";
import { scopesOf } from "./lib/metric-access.js";
import { checkScope, forcedTo100, impliedWholeConflicts } from "./lib/shares.js";

/**
 * "X 万元，占 Y 的 P%" recomputed as part ÷ whole. The whole is the metric the text names, else the part's enclosing
 * totals (基本支出 → 支出合计; 一般公共预算 → 财政拨款, 收入合计), the best fitting taken. Tolerance comes from the
 * printed digits of the share, the part and the whole. Shares rounded so that they add up to exactly 100 % may each be
 * one unit off (largest-remainder rounding): that is noted as information, not a fault. Against a whole the text does
 * not name, a mismatch is at most a warning: the share may be of a total the report does not print.
 */

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(ctx.report)) {
    const checked = checkScope(scope.metrics, scope.project, ctx.report.kind);
    for (const c of checked) {
      const v = c.ev.verdict;
      if (v === "ok") continue;
      const forced = v === "near" && forcedTo100(checked, c);
      const d = precisionOf(c.share).decimals;
      out.push(
        ctx.finding({
          // A whole the text does not name is our reading (the part's enclosing total): a miss against it is a warning.
          messageId: forced ? "sharesRoundedTo100" : c.named ? "shareDiffers" : "shareOfInferredWholeDiffers",
          data: {
            year: String(c.share.year),
            part: `${metricName(c.part.key)} ${showMetric(c.part)}`,
            whole: `${metricName(c.whole.key)} ${showMetric(c.whole)}`,
            share: showMetric(c.share),
            computed: `${c.ev.expected.toFixed(Math.max(d, 2))}%`,
          },
          verdict: forced ? undefined : v,
          metrics: [c.share, c.part, c.whole],
          expected: c.ev.expected,
          actual: c.ev.actual,
          tolerance: c.ev.tolerance,
          project: scope.project,
        }),
      );
    }
    for (const c of impliedWholeConflicts(scope.metrics, scope.project)) {
      const d = Math.max(precisionOf(c.b.share).decimals, 2);
      out.push(
        ctx.finding({
          messageId: "sharesImplyDifferentWholes",
          data: {
            year: String(c.b.share.year),
            whole: c.wholeText,
            a: `${metricName(c.a.part.key)} ${showMetric(c.a.part)}`,
            aShare: showMetric(c.a.share),
            b: `${metricName(c.b.part.key)} ${showMetric(c.b.part)}`,
            bShare: showMetric(c.b.share),
            computed: `${c.expected.toFixed(d)}%`,
          },
          metrics: [c.b.share, c.b.part, c.a.share, c.a.part],
          expected: c.expected,
          actual: c.b.share.value,
          tolerance: null,
          project: scope.project,
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "stated-share",
  description: {
    zh: "“占 X 的 P%”“占比 P%”按部分 ÷ 整体重算（整体未写明时取其所属合计）；整体未列数时，两项占同一整体的比重各自推得的整体（部分 ÷ 比重）应一致；各项占比凑整为 100% 而差末位一个单位的仅作提示",
    en: "Stated shares (占 X 的 P%, 占比) recomputed as part / whole (the enclosing total when the whole is not named); where the named whole is not printed, two shares of it must imply the same whole (part / share); shares rounded to add up to 100 % and one unit off are information only",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-stated-share" },
  messages: {
    shareDiffers: { zh: "{project}{year} 年{part}占{whole}的比重称 {share}，按两数计算应为 {computed}{note}" },
    shareOfInferredWholeDiffers: {
      zh: "{project}{year} 年{part}占{whole}的比重称 {share}，按两数计算应为 {computed}{note}",
      severity: "warning",
      when: "the text does not name the whole and its enclosing total is taken",
    },
    sharesImplyDifferentWholes: {
      zh: "{project}{year} 年{a}占{whole}的 {aShare}，{b}占{whole}的 {bShare}：两者推得的{whole}不一致，按前者{b}应占 {computed}",
    },
    sharesRoundedTo100: {
      zh: "{project}{year} 年{part}占{whole}的比重称 {share}，按两数计算应为 {computed}（各项占比凑整为合计 100%，仅差末位一个单位）",
      severity: "info",
      when: "shares rounded to add up to exactly 100 % are one unit off",
    },
  },
};

export const statedShare: Rule = { meta, check };
