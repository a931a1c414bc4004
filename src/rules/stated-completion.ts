import { subjectRefs } from "./lib/subject-keys.js";
import type { Finding } from "../extract/finding.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { grade } from "./lib/tolerance.js";

/**
 * The 决算 情况说明 says how much of the budget was spent as a percentage: “年初预算为 A 万元，支出决算为 B 万元，完成年初
 * 预算的 P%”, “决算数 B 万元，占预算数的 P%”. Within one sentence the percentage is B ÷ A: recomputed from the two
 * amounts the sentence states (the budget the one its label calls 预算, the spending the one it calls 决算/支出/执行),
 * within the rounding of all three printed figures.
 */
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元)`;
const RE_NUM = new RegExp(NUM, "g");
// 完成(年初/调整)预算的 P%, 为/占(年初)预算(数)的 P%.
const RE_RATE = /(?:完成|为|占|达到?)(?:全?年|年初|调整后?|全年)?预算(?:数|额)?的?\s*(\d+(?:\.\d+)?)\s*%/g;

interface Labelled {
  amount: Amount;
  printed: string;
  label: string;
}

/** The amounts of a stretch of text, each with the words since the previous amount or clause mark (its label). */
function amountsOf(text: string): Labelled[] {
  const out: Labelled[] = [];
  let from = 0;
  for (const m of text.matchAll(RE_NUM)) {
    const label = text.slice(from, m.index).split(/[，,；;]/).pop() ?? "";
    from = m.index + m[0].length;
    const a = parseAmountIn(m[1], m[2]);
    if (a) out.push({ amount: a, printed: m[0], label });
  }
  return out;
}

const BUDGET = /预算/;
const SPENT = /决算|实际支出|执行|支出数|完成数/;
// A change or another base: the amount after it is not the figure itself.
const CHANGE = /比|较|增|减|下降|上升|结余|结转|占/;

/** Half a unit of the last printed digit, in the amount's base units. */
const half = (a: Pick<Amount, "scale" | "decimals">) => (0.5 * a.scale) / Math.pow(10, a.decimals);

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  const year = ctx.report.fiscalYear ?? 0;
  for (const u of textUnits(doc)) {
    if (u.table || !u.text.includes("预算")) continue;
    for (const m of u.text.matchAll(RE_RATE)) {
      // The sentence up to the rate: its amounts, the nearest budget and spending before it.
      const start = Math.max(u.text.lastIndexOf("。", m.index), u.text.lastIndexOf("\n", m.index)) + 1;
      const amounts = amountsOf(u.text.slice(start, m.index)).filter((x) => !CHANGE.test(x.label));
      const budget = [...amounts].reverse().find((x) => BUDGET.test(x.label) && !SPENT.test(x.label));
      const spent = [...amounts].reverse().find((x) => SPENT.test(x.label) && !/预算/.test(x.label.replace(/决算/g, "")));
      if (!budget || !spent || budget.amount.value <= 0) continue;
      const rate = Number(m[1]);
      const decimals = m[1].split(".")[1]?.length ?? 0;
      const computed = (spent.amount.value / budget.amount.value) * 100;
      // Tolerance: the rate's own rounding, and how far the two amounts' rounding can move the quotient.
      const [b, s] = [budget.amount.value, spent.amount.value];
      const spread = Math.max(Math.abs((s + half(spent.amount)) / Math.max(b - half(budget.amount), 1e-9) * 100 - computed), Math.abs((s - half(spent.amount)) / (b + half(budget.amount)) * 100 - computed));
      const tol = 0.5 / Math.pow(10, decimals) + spread;
      const gap = rate - computed;
      const verdict = grade(gap, tol, 1 / Math.pow(10, decimals));
      if (verdict === "ok" || verdict === "rounding") continue;
      out.push(
        ctx.finding({
          messageId: "rateDiffers",
          data: { rate: `${m[1]}%`, spent: `${spent.label.trim().slice(-12)}${spent.printed}`, budget: `${budget.label.trim().slice(-12)}${budget.printed}`, computed: `${computed.toFixed(Math.max(decimals, 2))}%` },
          verdict,
          expected: Number(computed.toFixed(4)),
          actual: rate,
          tolerance: Number(tol.toFixed(4)),
          // The spending's subject names the metric when it is a canonical one (一般公共预算财政拨款支出).
          refs: subjectRefs(spent.label, year, ctx.report.kind),
          evidence: [unitEvidence(doc, u, u.text.slice(start, m.index + m[0].length).trim())],
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "stated-completion",
  description: {
    zh: "“完成（年初）预算的P%”“占预算数的P%”：按同一句中的决算（支出、执行）数 ÷ 预算数重算，按三个数的打印位数容许四舍五入",
    en: "“完成预算的 P%” (share of the budget spent) recomputed as the spending ÷ the budget the same sentence states, within the rounding of the three printed figures",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-stated-completion" },
  messages: {
    rateDiffers: { zh: "称完成预算的 {rate}，而{spent} ÷ {budget} = {computed}{note}" },
  },
};

export const statedCompletion: Rule = { meta, check };
