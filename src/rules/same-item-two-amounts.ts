import { subjectRefs } from "./lib/subject-keys.js";
import type { Finding } from "../extract/finding.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import { amountHalfUnit } from "./lib/tolerance.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { MONEY_FIGURE } from "./lib/money-figure.js";

/**
 * One item given two different amounts in one sentence, where no table holds it: “公务接待费支出 5.20 万元，主要用于
 * ……，公务接待费支出 5.02 万元”. An item is the words that label an amount (from the clause mark or the amount before
 * it), so another year (2022年公务接待费), another basis (预算/决算) or a change (比上年增加) is another item. Only a
 * label said exactly twice is judged (a list that repeats one label for many rows is a flattened table, not a claim).
 */
const NUM = MONEY_FIGURE;
const RE_NUM = new RegExp(NUM, "g");
const CHANGE = /比|较|增|减|下降|上升|同比|持平|占|超|节约|其中|分别/;
// Words around an amount that say nothing of which item it is.
// 计 only as part of 共计/合计/总计: alone it opens 计划生育….
const FILLER = /^(?:[\s:，,、和及与]|共计|合计|总计|为|是|共|达|约)+|(?:为|是|共计|合计|总计|达到?|约|:|\s)+$/g;

interface Said {
  label: string;
  amount: Amount;
  printed: string;
  /** Where the amount sits in its sentence. */
  at: number;
}

// Between two mentions, words that move the second to another year or basis (2021年…、中央资金 A，2022年…、中央资金 B).
const CONTEXT = /(?:19|20)\d{2}\s*年|上年|本年|去年|今年|预算|决算|调整|年初|年末|项目|分别/;

function saidIn(sentence: string): Said[] {
  const out: Said[] = [];
  let from = 0;
  for (const m of sentence.matchAll(RE_NUM)) {
    // A bracket closed right before the amount annotates the item before it (工资福利支出(人员支出) X元, 对个人和家庭补助
    // 支出(人员支出) Y元): the item is the words with their note, not the note alone.
    const seg = sentence.slice(from, m.index);
    const raw = seg.split(/[)）]\s*$/.test(seg) ? /[，,；;、:]/ : /[，,；;、:(（]/).pop() ?? "";
    from = m.index + m[0].length;
    // The sentence's own year in front of a label names no other item (CONTEXT tells a second year apart).
    const label = raw.replace(FILLER, "").replace(/^(?:(?:19|20)\d{2}\s*年度?|本年度?|全年)/, "");
    // A label names an item: a few words, none a change or a share, at least one CJK character.
    if (label.length < 3 || label.length > 20 || CHANGE.test(label) || !/[\u4e00-\u9fff]/.test(label)) continue;
    const a = parseAmountIn(m[1], m[2]);
    if (a) out.push({ label, amount: a, printed: m[0], at: m.index });
  }
  return out;
}

const half = amountHalfUnit;

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  const year = ctx.report.fiscalYear ?? 0;
  for (const u of textUnits(doc)) {
    if (u.table || /\t| \| /.test(u.text)) continue;
    for (const sentence of u.text.split(/[。；;!?！？\n]/)) {
      const said = saidIn(sentence);
      const byLabel = new Map<string, Said[]>();
      for (const s of said) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
      for (const [label, xs] of byLabel) {
        if (xs.length !== 2) continue;
        const [a, b] = xs;
        if (Math.abs(a.amount.value - b.amount.value) <= half(a.amount) + half(b.amount)) continue;
        const between = sentence.slice(a.at + a.printed.length, b.at - label.length);
        if (CONTEXT.test(between)) continue;
        // Each in the bracketed breakdown of a different total (中央资金279万元(A 81万元…)，自治区资金85万元(A 13万元…)):
        // the same item's share of two sources, two items.
        if (/[)）][^(（]*[(（]/.test(between)) continue;
        out.push(
          ctx.finding({
            messageId: "twoAmounts",
            data: { label, first: a.printed, second: b.printed },
            expected: a.amount.value,
            actual: b.amount.value,
            refs: subjectRefs(label, year, ctx.report.kind),
            evidence: [unitEvidence(doc, u, sentence.trim().slice(0, 240))],
          }),
        );
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "same-item-two-amounts",
  description: {
    zh: "同一句中同一事项（同一标签，如“公务接待费支出”）前后写了两个不同金额；年度、预算/决算、增减等不同的说法视为不同事项",
    en: "One item (the same label, e.g. 公务接待费支出) given two different amounts in one sentence; another year, budget vs actual or a change is another item",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-same-item-two-amounts" },
  messages: {
    twoAmounts: { zh: "同一句中“{label}”先写 {first}，后写 {second}" },
  },
};

export const sameItemTwoAmounts: Rule = { meta, check };
