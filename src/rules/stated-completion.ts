import { subjectRefs } from "./lib/subject-keys.js";
import type { Finding } from "../extract/finding.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { amountHalfUnit, grade } from "./lib/tolerance.js";
import { MONEY_FIGURE } from "./lib/money-figure.js";

/**
 * The 决算 情况说明 says how much of the budget was spent as a percentage: “年初预算为 A 万元，支出决算为 B 万元，完成年初
 * 预算的 P%”, “决算数 B 万元，占预算数的 P%”. Within one sentence the percentage is B ÷ A: recomputed from the two
 * amounts the sentence states (the budget the one its label calls 预算, the spending the one it calls 决算/支出/执行),
 * within the rounding of all three printed figures.
 */
const NUM = MONEY_FIGURE;
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
const half = amountHalfUnit;

// A rate named for its money (预算执行率, 资金使用率, 支付率 P%) after the two figures it is made of, in one claim.
const RE_NAMED_RATE = /(?:预算|资金)?(?:执行|完成|使用|支付)率\s*(?:为|是|达到?)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*%/g;
// The spending of such a claim: paid, used, spent or executed.
const SPENT_NAMED = /支出|支付|拨付|使用|执行|完成|决算/;

interface Candidate {
  budget: Labelled;
  spent: Labelled;
  rate: string;
  /** The words the claim is about, for its metric: the rate's name, else the spending's label. */
  subject: string;
  /** The rate's own name (执行率), when it has one. */
  name?: string;
  start: number;
  end: number;
}

/** “完成预算的 P%”: the nearest budget and spending before it in its sentence. */
function completionClaims(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!text.includes("预算")) return out;
  for (const m of text.matchAll(RE_RATE)) {
    const start = Math.max(text.lastIndexOf("。", m.index), text.lastIndexOf("\n", m.index)) + 1;
    const amounts = amountsOf(text.slice(start, m.index)).filter((x) => !CHANGE.test(x.label));
    const budget = [...amounts].reverse().find((x) => BUDGET.test(x.label) && !SPENT.test(x.label));
    const spent = [...amounts].reverse().find((x) => SPENT.test(x.label) && !/预算/.test(x.label.replace(/决算/g, "")));
    if (budget && spent) out.push({ budget, spent, rate: m[1], subject: spent.label, start, end: m.index + m[0].length });
  }
  return out;
}

/**
 * “预算 A 万元，…已支付 B 万元，执行率 P%”: a claim (since its sentence's start or the percentage before it) that states
 * exactly two amounts, the second its spending and the first not, before a rate named for money. A claim of more
 * amounts (several budgets, a per-source split) is left alone: which two the rate divides is not said.
 */
function namedRateClaims(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(RE_NAMED_RATE)) {
    const from = Math.max(0, m.index - 150);
    const prev = [...text.slice(from, m.index).matchAll(/[%％。；;\n]/g)].pop();
    const start = prev ? from + (prev.index ?? 0) + 1 : from;
    // A change or a balance right before an amount (结余0万元, 比上年增加); a name that holds such a word (教育结余用于
    // 项目建设经费) still labels a figure.
    const amounts = amountsOf(text.slice(start, m.index)).filter((x) => !CHANGE.test(x.label.slice(-6)));
    if (amounts.length !== 2) continue;
    const [budget, spent] = amounts;
    // The budget's words may name spending only as what it is for (项目支出预算); the spending names no budget.
    if ((SPENT_NAMED.test(budget.label) && !/预算|下达|安排/.test(budget.label)) || !SPENT_NAMED.test(spent.label) || /预算(?!执行)/.test(spent.label)) continue;
    const name = m[0].slice(0, m[0].search(/\d/));
    out.push({ budget, spent, rate: m[1], subject: name, name: name.replace(/[为是达到:：\s]+$/, ""), start, end: m.index + m[0].length });
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  const year = ctx.report.fiscalYear ?? 0;
  for (const u of textUnits(doc)) {
    if (u.table) continue;
    for (const { budget, spent, rate: printed, subject, name, start, end } of [...completionClaims(u.text), ...namedRateClaims(u.text)]) {
      if (budget.amount.value <= 0) continue;
      const rate = Number(printed);
      const decimals = printed.split(".")[1]?.length ?? 0;
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
          messageId: name ? "namedRateDiffers" : "rateDiffers",
          data: { name: name ?? "", rate: `${printed}%`, spent: `${spent.label.trim().slice(-12)}${spent.printed}`, budget: `${budget.label.trim().slice(-12)}${budget.printed}`, computed: `${computed.toFixed(Math.max(decimals, 2))}%` },
          verdict,
          expected: Number(computed.toFixed(4)),
          actual: rate,
          tolerance: Number(tol.toFixed(4)),
          // The claim's subject names the metric when it is a canonical one (预算执行率, 一般公共预算财政拨款支出).
          refs: subjectRefs(subject, year, ctx.report.kind),
          evidence: [unitEvidence(doc, u, u.text.slice(start, end).trim())],
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "stated-completion",
  description: {
    zh: "“完成（年初）预算的P%”“占预算数的P%”，以及紧随其两个金额之后的“执行率/完成率/使用率/支付率 P%”（“预算 A 万元，已支付 B 万元，执行率 P%”）：按同一句中的决算（支出、执行、支付）数 ÷ 预算数重算，按三个数的打印位数容许四舍五入",
    en: "“完成预算的 P%” (share of the budget spent), and a rate named for money (执行率, 完成率, 使用率, 支付率) right after the two amounts it is made of (预算 A, 已支付 B, 执行率 P%), recomputed as the spending ÷ the budget the same sentence states, within the rounding of the three printed figures",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-stated-completion" },
  messages: {
    rateDiffers: { zh: "称完成预算的 {rate}，而{spent} ÷ {budget} = {computed}{note}" },
    namedRateDiffers: { zh: "称{name} {rate}，而{spent} ÷ {budget} = {computed}{note}" },
  },
};

export const statedCompletion: Rule = { meta, check };
