import type { Finding } from "../extract/finding.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { amountHalfUnit, grade } from "./lib/tolerance.js";
import { MONEY_FIGURE } from "./lib/money-figure.js";

/**
 * The 政府采购 paragraph of a 预算/决算 情况说明 states shares of amounts it prints itself: “授予中小企业合同金额 Y 万元，
 * 占政府采购支出总额的 P%，其中授予小微企业合同金额 Z 万元，占授予中小企业合同金额的 Q%”. Each P is the amount before it
 * over the amount the paragraph printed earlier under the name it gives (政府采购支出总额 X 万元), within the rounding
 * of the three printed figures. A whole the paragraph names but does not print is left alone. (The 货物/工程/服务 split
 * of the total is prose-parts-sum's, schemas/parts-splits.json.)
 */
const NUM = MONEY_FIGURE;
const RE_NUM = new RegExp(NUM, "g");
// The part's amount, then 占 <whole's name> 的 P%.
const RE_SHARE = new RegExp(`${NUM}\\s*[，,]?\\s*占(?:本部门|本单位)?([^，,。；;%\\d]{2,24}?)的?(?:比例|比重)?(?:为)?\\s*(\\d+(?:\\.\\d+)?)\\s*%`, "g");
// Paragraphs about procurement and the SMEs' share of it.
const TOPIC = /政府采购|中小企业/;

const half = amountHalfUnit;
/** A name as the paragraph may repeat it: without 的 and quotes. */
const bare = (s: string) => s.replace(/[的“”"\s]/g, "");

/** The amount printed right after the whole's name, earlier in the paragraph (the last such, nearest the share). */
function wholeOf(text: string, name: string, before: number): { amount: Amount; printed: string } | null {
  let found: { amount: Amount; printed: string } | null = null;
  const want = bare(name);
  for (const m of text.slice(0, before).matchAll(RE_NUM)) {
    const lead = bare(text.slice(Math.max(0, m.index - want.length - 6), m.index)).replace(/(?:为|是|共计|合计|达)+$/, "");
    const a = parseAmountIn(m[1], m[2]);
    if (a && lead.endsWith(want)) found = { amount: a, printed: m[0] };
  }
  return found;
}

/** The words naming the part: its clause up to the amount (主管预算单位授予中小企业合同金额). */
function labelBefore(text: string, at: number): string {
  return (text.slice(Math.max(0, at - 30), at).split(/[，,；;:。]/).pop() ?? "").trim();
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  const year = ctx.report.fiscalYear ?? 0;
  for (const u of textUnits(doc)) {
    if (u.table || !TOPIC.test(u.text) || !u.text.includes("占")) continue;
    for (const m of u.text.matchAll(RE_SHARE)) {
      const name = m[3].trim();
      if (!TOPIC.test(name) && !/合同金额|采购/.test(name)) continue;
      const part = parseAmountIn(m[1], m[2]);
      const whole = wholeOf(u.text, name, m.index);
      if (!part || !whole || whole.amount.value <= 0) continue;
      const share = Number(m[4]);
      const decimals = m[4].split(".")[1]?.length ?? 0;
      const [p, w] = [part.value, whole.amount.value];
      const computed = (p / w) * 100;
      // Tolerance: the share's own rounding, and how far the two amounts' rounding can move the quotient.
      const spread = Math.max(Math.abs(((p + half(part)) / Math.max(w - half(whole.amount), 1e-9)) * 100 - computed), Math.abs(((p - half(part)) / (w + half(whole.amount))) * 100 - computed));
      const tol = 0.5 / Math.pow(10, decimals) + spread;
      const verdict = grade(share - computed, tol, 1 / Math.pow(10, decimals));
      if (verdict === "ok" || verdict === "rounding") continue;
      const start = Math.max(0, u.text.lastIndexOf("。", m.index) + 1);
      out.push(
        ctx.finding({
          messageId: "shareDiffers",
          data: { part: `${labelBefore(u.text, m.index)}${m[1]}${m[2]}`, whole: `${name} ${whole.printed}`, share: `${m[4]}%`, computed: `${computed.toFixed(Math.max(decimals, 2))}%` },
          verdict,
          expected: Number(computed.toFixed(4)),
          actual: share,
          tolerance: Number(tol.toFixed(4)),
          refs: [{ key: "document.claim", year }],
          evidence: [unitEvidence(doc, u, u.text.slice(start, m.index + m[0].length).trim())],
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "procurement-share",
  description: {
    zh: "政府采购情况说明中“授予中小企业合同金额 Y 万元，占政府采购支出总额的 P%”“授予小微企业合同金额 Z 万元，占授予中小企业合同金额的 Q%”：按同段前文所列该总额重算，按三个数的打印位数容许四舍五入",
    en: "The 政府采购 paragraph's shares (授予中小企业合同金额 Y, 占政府采购支出总额的 P%; 小微企业 Z, 占授予中小企业合同金额的 Q%) recomputed over the whole the same paragraph prints under that name, within the rounding of the three printed figures",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-procurement-share" },
  messages: {
    shareDiffers: { zh: "{part}称占{whole}的 {share}，而两数计算为 {computed}{note}" },
  },
};

export const procurementShare: Rule = { meta, check };
