import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";

/** A 科目 name compared without the printing's variations: brackets' width, spaces, quotes, a leading 其中. */
function nameKey(name: string): string {
  return name
    .replace(/[（(]/g, "(")
    .replace(/[）)]/g, ")")
    .replace(/[\s“”"'‘’]/g, "")
    .replace(/^其中[:：]?/, "");
}

/** A cell cut short by its column (一般公共服务 / 一般公共服务支出) names the same 科目. */
const sameName = (a: string, b: string) => a === b || a.includes(b) || b.includes(a);

/**
 * One 科目 code names one 科目 in a year's classification, so a report printing the same code under two names (one
 * table 2080505 机关事业单位基本养老保险缴费支出, another 2080505 机关事业单位职业年金缴费支出) has mistyped a code or
 * a name in one of its tables.
 */
function check(ctx: RuleContext): Finding[] {
  const byCode = new Map<string, Map<string, LineItem>>();
  for (const x of ctx.report.lineItems ?? []) {
    if (!x.code || !/^\d{3,7}$/.test(x.code) || !x.name) continue;
    const names = byCode.get(x.code) ?? byCode.set(x.code, new Map()).get(x.code)!;
    const key = nameKey(x.name);
    if (!names.has(key)) names.set(key, x);
  }
  const out: Finding[] = [];
  for (const [code, names] of byCode) {
    // Variants that are cut-offs of one another are one name; what is left after folding them is a conflict.
    const distinct: LineItem[] = [];
    for (const [key, x] of names) if (!distinct.some((d) => sameName(nameKey(d.name), key))) distinct.push(x);
    if (distinct.length < 2) continue;
    out.push(
      ctx.finding({
        messageId: "codeWithTwoNames",
        data: { code, names: distinct.map((d) => `「${d.name}」（${d.title}）`).join("、") },
        refs: [{ key: "document.text", year: ctx.report.fiscalYear ?? 0 }],
        expected: null,
        actual: null,
        evidence: distinct.slice(0, 3).map((d) => ({ source: ctx.report.source.path, page: d.prov.page, quote: `${d.title}：${code} ${d.name}`, prov: d.prov })),
      }),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "subject-code-name",
  description: {
    zh: "科目编码与名称一致：同一报告中同一科目编码只能对应一个科目名称（各表之间不一致说明编码或名称有误）",
    en: "One 科目 code, one name: a report that prints the same 科目 code under two different names (in two tables, or two rows) has mistyped a code or a name",
  },
  defaultSeverity: "warning",
  scope: "report",
  docs: { url: "README.md#rule-subject-code-name" },
  messages: {
    codeWithTwoNames: { zh: "科目编码 {code} 在报告中对应不同的科目名称：{names}" },
  },
};

export const subjectCodeName: Rule = { meta, check };
