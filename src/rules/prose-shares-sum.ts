import type { Finding } from "../extract/finding.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence, type TextUnit } from "./lib/doc-text.js";
import { memberSplits } from "./lib/parts-list.js";
import { grade } from "./lib/tolerance.js";
import { subjectRefs } from "./lib/subject-keys.js";

/**
 * Shares of one whole told part by part in the text — “1.基本支出 X 元，占一般公共预算支出的 P%… 2.项目支出 Y 元，占一般
 * 公共预算支出的 Q%”, “工资福利支出 A 元，占基本支出 a%；商品和服务支出 B 元，占基本支出 b%…” — need no figure of the
 * whole: parts of a known split of it (schemas/parts-splits.json) are disjoint, so their shares never add up to more than
 * 100 %, within the rounding of every printed share. Short of 100 % is not judged: the parts told may be a subset, and
 * even a whole split may leave out a use the text does not share out (单位预留机动经费). Only shares of a whole named in
 * the same words, told within a few paragraphs of each other, are added.
 */
const RE_SHARE = /占([^，,。；;:\d%]{2,20}?)的?(?:比重|比例)?(?:为|是)?\s*(\d+(?:\.\d+)?)\s*%/g;
const ITEM_NO = /^\s*(?:\(?\d{1,2}\)|\d{1,2}\s*[.、．](?!\d)|[①-⑳]|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,3}\s*[、.．])\s*/;
const LEAD = /^(?:[\s:]|其中|主要是|包括|(?:19|20)\d{2}\s*年度?|本年度?)+/;
/** How many text units apart two shares of one whole may be told. */
const WINDOW = 12;

interface Share {
  part: string;
  whole: string;
  pct: number;
  half: number;
  text: string;
  unit: TextUnit;
  index: number;
}

/** The part a share is told of: the words that open its clause, before its amount. */
function partBefore(text: string, at: number): string | null {
  const from = Math.max(...["。", "；", ";", "，", ","].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  let clause = text.slice(from, at);
  // The part's amount ends the clause before 占 (基本支出 X 元，占…): its label is the clause before that.
  if (!/[\u4e00-\u9fa5]/.test(clause.replace(/[\d.,\s元万亿]/g, "")) && from > 0) {
    const prev = Math.max(...["。", "；", ";", "，", ","].map((c) => text.lastIndexOf(c, from - 2))) + 1;
    clause = text.slice(prev, from - 1);
  }
  const label = clause.replace(ITEM_NO, "").replace(LEAD, "").split(/\d/)[0].replace(/(?:为|是|共|计)$/, "").trim();
  return label.length >= 2 && label.length <= 20 ? label : null;
}

function sharesIn(units: readonly TextUnit[]): Share[] {
  const out: Share[] = [];
  units.forEach((u, index) => {
    if (u.table || !u.text.includes("占")) return;
    for (const m of u.text.matchAll(RE_SHARE)) {
      const part = partBefore(u.text, m.index);
      if (!part) continue;
      const decimals = m[2].split(".")[1]?.length ?? 0;
      const whole = m[1].replace(/^(?:本年|年度|当年)/, "").trim();
      out.push({ part, whole, pct: Number(m[2]), half: 0.5 / Math.pow(10, decimals), text: `${m[2]}%`, unit: u, index });
    }
  });
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const year = ctx.report.fiscalYear ?? 0;
  const out: Finding[] = [];
  const all = sharesIn(textUnits(doc));
  const done = new Set<Share>();
  for (const first of all) {
    if (done.has(first)) continue;
    // The shares of this whole told near each other; a part told twice starts another telling.
    const group: Share[] = [];
    for (const s of all) {
      if (s.index < first.index || s.index - first.index > WINDOW || s.whole !== first.whole || done.has(s)) continue;
      if (group.some((g) => g.part === s.part)) break;
      group.push(s);
    }
    group.forEach((s) => done.add(s));
    if (group.length < 2) continue;
    for (const { split } of memberSplits(first.whole, [])) {
      const members = group.filter((s) => memberSplits(first.whole, [s.part]).some((x) => x.split.id === split.id));
      if (members.length < 2) continue;
      const fit = memberSplits(first.whole, members.map((s) => s.part)).find((x) => x.split.id === split.id);
      if (!fit) continue;
      const sum = members.reduce((a, s) => a + s.pct, 0);
      const tol = members.reduce((a, s) => a + s.half, 0);
      const unit = 2 * Math.max(...members.map((s) => s.half));
      const gap = sum - 100;
      // Short of 100 %: a subset leaves parts out, and even the whole split may leave out a use the text does not
      // share out (单位预留机动经费 beside 基本支出 and 项目支出). Only the excess is certain.
      if (gap <= 0) continue;
      const verdict = grade(gap, tol, unit);
      if (verdict === "ok" || verdict === "rounding") continue;
      const units = [...new Set(members.map((s) => s.unit))];
      const quote = units.map((u) => u.text).join(" ").slice(0, 600);
      out.push(
        ctx.finding({
          messageId: fit.complete ? "wholeSplitExceeds" : "sharesExceedWhole",
          data: { whole: first.whole, parts: members.map((s) => `${s.part} ${s.text}`).join(" + "), sum: `${sum.toFixed(Math.max(...members.map((s) => Math.round(-Math.log10(2 * s.half)))))}%` },
          verdict,
          refs: members.flatMap((s) => subjectRefs(s.part, year, ctx.report.kind)).filter((r, i, xs) => xs.findIndex((x) => x.key === r.key) === i),
          expected: 100,
          actual: sum,
          tolerance: tol,
          evidence: [unitEvidence(doc, units[0], quote)],
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "prose-shares-sum",
  description: {
    zh: "正文中逐项写出的同一整体的占比（“基本支出X元，占一般公共预算支出的P%……项目支出Y元，占一般公共预算支出的Q%”）：各项为该整体已知构成（支出 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费或按经济分类）中互不重叠的部分，占比之和不得超过 100%（不足 100% 不判断：所列可能不全）；按各占比打印位数容许四舍五入",
    en: "Shares of one whole told part by part in the text (基本支出 X，占一般公共预算支出的 P% … 项目支出 Y，占…的 Q%): parts of a known split of that whole (spending = basic + project; basic = personnel + public, or by economic class) do not overlap, so their shares never add up to more than 100 % (short of it is not judged: the parts told may be a subset); within the rounding of every printed share",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-prose-shares-sum" },
  messages: {
    sharesExceedWhole: { zh: "{parts} = {sum}，超过 100%（同属{whole}、互不重叠的各部分，占比之和不应大于 100%）{note}" },
    wholeSplitExceeds: { zh: "{parts} = {sum}，超过 100%（这些部分即{whole}的全部构成，占比之和应为 100%）{note}" },
  },
};

export const proseSharesSum: Rule = { meta, check };
