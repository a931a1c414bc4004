import type { Finding } from "../extract/finding.js";
import type { Metric } from "../extract/schema.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence, type TextUnit } from "./lib/doc-text.js";
import { completeSplit, partsBySegment } from "./lib/parts-list.js";
import { halfCents, cents } from "./lib/line-items.js";
import { grade } from "./lib/tolerance.js";
import { subjectRefs } from "./lib/subject-keys.js";
import { MONEY_FIGURE } from "./lib/money-figure.js";

/**
 * A total told in prose with its parts after 其中 — “共投入资金 X 万元。其中中央资金 A 万元，省级资金 B 万元，地方资金 C
 * 万元”, “项目资金总预算 X 万元，其中部门预算项目支出 A 万元，专项预算支出 B 万元” — without a table to hold it. Parts of
 * one whole never add up to more than it; when the text says the list is complete (the count it announces — 二类支出,
 * 三个项目 — is the number of parts listed, the last part is the catch-all 其他, or the parts are a split known to be
 * complete, schemas/parts-splits.json), they add up to it. Within the rounding of every printed amount. Parts may also
 * be told one a sentence or one a line after 其中： (lib/parts-list.ts); where such a list ends is less certain, so it
 * is judged only when complete. A part may count its items (优的项目79个资金 a 万元); when the counts make the whole's own
 * count, the list is the whole. 具体是/具体为 itemise the whole rather than name some of it (其中): such a list that
 * ends with its sentence, and not with 等, is complete; 具体包括 may name the main items only.
 */
const NUM = MONEY_FIGURE;
const RE_NUM = new RegExp(NUM, "g");
// A comparison or a share: the amount that follows is a change, not a part.
const CHANGE = /比|较|增|减|下降|上升|同比|环比|持平|占|节约|超/;
// Parts counted on another basis than the whole (paid, executed, to date) may overlap it.
const OTHER_BASIS = /已|累计|实际|执行|完成|拨付|到位|支付|兑付|结余|剩余|未/;
// Quantities that are not money, and amounts that are thresholds: such a list is not one of money parts.
const NOT_MONEY = /\d\s*(?:平方米|辆|台|套|人|名|户|亩|公里|千米|所|件)|\d\s*(?:亿元|万元|元)\s*(?:以上|以下|以内)/;
// How far around 其中 a claim is read (characters).
const REACH = 300;
const COUNT = /([两二三四五六七八九十]|\d)\s*(?:类|项|个方面|个部分|部分|大类|个项目|笔)/g;
// How many items a part or the whole counts (项目79个, 12个项目): a count beside the money, not part of its label.
const ITEM_COUNT = /(\d+)\s*个(?:项目)?/;
const ITEM_COUNTS = new RegExp(ITEM_COUNT.source, "g");
// Words that open a list: 其中 may name some of the whole; 具体是/具体为 itemise it, 具体包括 its main items (see claimsOf).
const OPENER = /其中|具体(?:是|为|包括)/g;
const CN: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

interface Claim {
  /** `whole`: the clause the total ends, as printed (支出总计, where the label drops 总计). */
  total: { amount: Amount; printed: string; label: string; whole: string; owner?: string };
  parts: Array<{ amount: Amount; printed: string; label: string; count?: number }>;
  complete: boolean;
  quote: string;
}

/** What a part went to, after its amount: 用于产业发展, 投入基础设施建设. */
const RE_USE_AFTER = /^\s*(?:主要)?(?:用于|投入|安排用于|安排)\s*([^\d，,；;。]{2,24})$/;

const stripParens = (s: string) => s.replace(/\([^()]*\)/g, "").replace(/\[[^[\]]*\]/g, "");

/** The last amount of a clause that ends with it, and the words before it (its label), unless it is a change. */
function lastAmount(text: string): Claim["total"] | null {
  const ms = [...text.matchAll(RE_NUM)];
  const m = ms[ms.length - 1];
  if (!m || text.slice(m.index + m[0].length).replace(/[\s:，,]/g, "").length > 0) return null;
  const clauses = text.slice(0, m.index).split(/[，,；;:]/);
  const clause = clauses.pop() ?? "";
  if (CHANGE.test(clause) || OTHER_BASIS.test(clause)) return null;
  const a = parseAmountIn(m[1], m[2]);
  // The label as a message names it: its last words, without the verb before the amount.
  const label = clause.trim().replace(/(?:为|是|共计|合计|总计|达)+$/, "").slice(-24);
  const owner = ownerOf(clauses.pop()?.split("。").pop() ?? "");
  return a ? { amount: a, printed: m[0], label, whole: clause.trim(), ...(owner ? { owner } : {}) } : null;
}

// An item of an enumeration (一是、二是、其一、第一、1.、（一）) that names whose money the next clause tells.
const ENUMERATOR = /^\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，,、]?|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,2}[)）])\s*/;
// 一是/其一 read where a line break ran the item into the text before it (…自评报告二是某处).
const ENUMERATED_AFTER = /(?<![一二三四五六七八九十])(?:[一二三四五六七八九十]是|其[一二三四五六七八九十])/g;
// The name of a unit or project: what such a name ends with.
const OWNER_NAME = /^[^\d%，,。；;:：、]{2,30}(?:处|局|馆|院|所|站|中心|委员会|办公室|公司|学校|小学|中学|大学|项目|工程)$/;

/**
 * “一是布达拉宫管理处，下达预算资金 X 万元。具体是：…”: the clause before the total's, an enumerated item that is only
 * a unit's or project's name, says whose total it is — so a finding about it names that unit or project.
 */
function ownerOf(clause: string): string | null {
  const m = ENUMERATOR.exec(clause) ?? [...clause.matchAll(ENUMERATED_AFTER)].pop();
  if (!m) return null;
  const name = clause.slice(m.index! + m[0].length).trim();
  return OWNER_NAME.test(name) ? name : null;
}

/**
 * The parts after 其中: one amount a clause, labelled; null when the list is not a plain list of money parts (counts,
 * areas, thresholds such as 单价50万元以上, a part with two amounts). A clause that names a new total (共计, 合计) or
 * another year ends the list.
 */
function partsOf(text: string, maxLabel = 16): Claim["parts"] | null {
  const out: Claim["parts"] = [];
  for (const clause of text.split(/[，,；;、]/)) {
    if (/其中|具体(?:是|为|包括)/.test(clause) || NOT_MONEY.test(clause)) return null;
    const ms = [...clause.matchAll(RE_NUM)];
    if (ms.length === 0) continue;
    const before = clause.slice(0, ms[0].index).replace(/^[\s:]+/, "").trim();
    // "124.23万元用于产业发展": a part told by its amount, then what it went to.
    const use = before ? null : RE_USE_AFTER.exec(clause.slice(ms[0].index + ms[0][0].length));
    const printedLabel = use ? use[1].trim() : before;
    if (CHANGE.test(printedLabel)) continue;
    if (/共计|合计|总计|(?:19|20)\d{2}\s*年/.test(printedLabel)) break;
    // 绩效自评"优"的项目79个财政资金 a 万元: the count is the group's size, the words around it its label.
    const n = ITEM_COUNT.exec(printedLabel);
    const label = n ? printedLabel.replace(ITEM_COUNT, "") : printedLabel;
    if (OTHER_BASIS.test(label) || !label || label.length > maxLabel || ms.length > 1) return null;
    const a = parseAmountIn(ms[0][1], ms[0][2]);
    if (!a) return null;
    out.push({ amount: a, printed: ms[0][0], label, ...(n ? { count: Number(n[1]) } : {}) });
  }
  const labels = out.map((p) => p.label);
  return out.length >= 2 && new Set(labels).size === labels.length ? out : null;
}

/**
 * The count the text announces for the whole (主要有……二类支出), the last part a catch-all, a part of nothing listed in
 * a list that ends with its sentence, or a known complete split.
 */
function isComplete(lead: string, totalLabel: string, parts: Claim["parts"], closed: boolean): boolean {
  const counts = [...lead.matchAll(COUNT)].map((c) => CN[c[1]] ?? Number(c[1]));
  // Every part counts its items and they make the count the whole announces (共计113个 = 79 + 11 + 3 + 20).
  const itemsOfWhole = [...lead.matchAll(ITEM_COUNTS)].map((c) => Number(c[1]));
  const itemsOfParts = parts.every((p) => p.count !== undefined) ? parts.reduce((s, p) => s + (p.count ?? 0), 0) : -1;
  if (itemsOfParts > 0 && itemsOfWhole.includes(itemsOfParts)) return true;
  // A list that names a part of nothing (单位资金收入0万元) enumerates the template's categories rather than the main
  // ones — when it ends with its sentence: a list the page cuts off may have more parts.
  const zero = closed && parts.length >= 3 && parts.some((p) => p.amount.value === 0);
  return counts.includes(parts.length) || zero || /其他|其它/.test(parts[parts.length - 1].label) || completeSplit(totalLabel, parts.map((p) => p.label)) !== null;
}

/**
 * Every 其中 list of a paragraph whose total ends the clause (or the sentence) right before it. `next` are the
 * paragraphs after it, read when the paragraph ends in a list told one sentence or one line a part.
 */
function claimsOf(paragraph: string, next: readonly string[] = []): Claim[] {
  const text = stripParens(paragraph);
  const out: Claim[] = [];
  for (const m of text.matchAll(OPENER)) {
    // 具体是：a list that itemises the whole rather than naming some of it; its items are often projects, whose names
    // run longer than a fund's. Complete when it ends with its sentence and not with 等 (具体包括 never).
    const itemised = m[0] !== "其中";
    const at = m.index + m[0].length;
    // Read within a sentence's reach of 其中 on either side: a paragraph of a megabyte holds thousands of them.
    const from = Math.max(0, m.index - REACH);
    // The total ends the clause right before 其中, or the sentence before it (…共投入资金 X 万元。其中…).
    const before = text.slice(from, m.index).replace(/[\s:，,。]*$/, "");
    const total = lastAmount(before);
    if (!total) continue;
    // The count the text announces for the whole: in the total's sentence or the one before.
    const sentenceStart = before.lastIndexOf("。") + 1;
    const lead = before.slice(before.lastIndexOf("。", sentenceStart - 2) + 1);
    const head = text.slice(from + Math.max(sentenceStart, before.length - 60), at);
    const after = text.slice(at, at + REACH);
    const stop = after.indexOf("。");
    const listed = stop < 0 ? after : after.slice(0, stop);
    const parts = partsOf(listed, itemised ? 32 : 16);
    if (parts) {
      const quote = head + after.slice(0, stop < 0 ? 160 : stop + 1);
      // 具体包括 ("including") may name the main items only: it bounds the whole from above but does not state it.
      const whole = itemised && m[0] !== "具体包括" && stop >= 0 && !/等\s*$/.test(listed);
      out.push({ total, parts, complete: whole || isComplete(lead, total.whole, parts, stop >= 0), quote: quote.trim() });
      continue;
    }
    if (itemised) continue;
    // One part a sentence (其中：A a 万元，占…。B b 万元，…。), running on to the next paragraphs when the list ends
    // this one (…合计 X 万元，其中：/ 1.A a 万元…): only a list the text states whole is judged, as the end of a list
    // told so is not always clear.
    const end = at + 2 * REACH;
    const sentences = text.slice(at, end).replace(/^[\s:，,]+/, "").split(/(?<=。)/).filter((x) => x.trim());
    // A paragraph longer than the reach: its last sentence read is cut, and the paragraphs after are out of reach.
    if (end < text.length) sentences.pop();
    const tail = end >= text.length ? next.map(stripParens) : [];
    const list = partsBySegment([...sentences, ...tail]);
    const used = [...sentences, ...tail].slice(0, list?.used ?? 0);
    if (!list || !isComplete(lead, total.whole, list.parts, /。\s*$/.test(used[used.length - 1] ?? "") && used.length < sentences.length + tail.length)) continue;
    const quote = [head, ...used].join(" ");
    out.push({ total, parts: list.parts, complete: true, quote: quote.trim() });
  }
  return out;
}

/** A total's bracketed itemisation right after it: “中央资金279万元(A 81万元，B 161万元)”. */
const RE_BRACKETED = /[(（]([^()（）]{4,200})[)）]/g;

/**
 * Totals itemised in brackets right after their amount. Complete unless the list ends with 等; a part printed in
 * another unit that makes the sum when read in the total's (72元 among 万元 parts) is a unit slip the unit-slip rule
 * tells, not a sum that fails.
 */
function bracketClaims(paragraph: string): Claim[] {
  const out: Claim[] = [];
  for (const m of paragraph.matchAll(RE_BRACKETED)) {
    const before = stripParens(paragraph.slice(Math.max(0, m.index - REACH), m.index)).replace(/\s+$/, "");
    const found = lastAmount(before);
    if (!found || /其中|具体/.test(m[1])) continue;
    // “其中中央资金279万元(…)”: the total is a part of another whole, named without the 其中 that opens it.
    const total = { ...found, label: found.label.replace(/^其中[:：]?/, "") };
    const parts = partsOf(m[1], 32);
    if (!parts) continue;
    if (parts.some((p) => p.amount.unit !== total.amount.unit)) {
      const asTotal = parts.reduce((sum, p) => sum + (p.amount.value / p.amount.scale) * total.amount.scale, 0);
      if (Math.abs(asTotal - total.amount.value) <= total.amount.scale * 10 ** -total.amount.decimals) continue;
    }
    const head = before.slice(Math.max(0, before.length - 60));
    out.push({ total, parts, complete: !/等\s*$/.test(m[1]), quote: `${head}${m[0]}`.trim() });
  }
  return out;
}

function prefixMakesTotal(c: Claim): boolean {
  let sum = 0;
  let tol = halfCents(c.total.amount);
  for (const p of c.parts.slice(0, -1)) {
    sum += cents(p.amount);
    tol += halfCents(p.amount);
    if (Math.abs(sum - cents(c.total.amount)) <= tol) return true;
  }
  return false;
}

/** A stated metric of the report that is this total (same amount in its quote), to name it in the finding. */
function metricOf(metrics: readonly Metric[], a: Amount, printed: string): Metric[] {
  return metrics.filter((x) => x.value === a.value && x.quote.replace(/\s/g, "").includes(printed.replace(/\s/g, ""))).slice(0, 1);
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  const year = ctx.report.fiscalYear ?? 0;
  const units = textUnits(doc);
  units.forEach((u, i) => {
    if (u.table) return;
    const listed = /其中|具体(?:是|为|包括)/.test(u.text);
    if (!listed && !/[)）]/.test(u.text)) return;
    // The paragraphs after a paragraph that ends in 其中 (up to the next table cell or heading section).
    const next = listed && /其中[:\s]*$/.test(u.text) ? followingParagraphs(units, i) : [];
    for (const c of [...(listed ? claimsOf(u.text, next) : []), ...bracketClaims(u.text)]) {
      const sum = c.parts.reduce((s, p) => s + cents(p.amount), 0);
      const tol = halfCents(c.total.amount) + c.parts.reduce((s, p) => s + halfCents(p.amount), 0);
      const gap = sum - cents(c.total.amount);
      if (Math.abs(gap) <= tol || (gap < 0 && !c.complete)) continue;
      // The first parts already make the total: the list ran on past it (its sibling after a ；), not an error.
      if (gap > 0 && prefixMakesTotal(c)) continue;
      const metrics = metricOf([...ctx.report.metrics, ...ctx.report.projects.flatMap((p) => p.metrics)], c.total.amount, c.total.printed);
      const owned = metrics.length || !c.total.owner ? null : ownedRefs(ctx.report, c, year);
      out.push(
        ctx.finding({
          messageId: gap > 0 ? "partsExceedTotal" : "partsShortOfTotal",
          data: { label: c.total.label, total: c.total.printed, parts: c.parts.map((p) => `${p.label} ${p.printed}`).join(" + "), sum: `${(sum / 100 / c.total.amount.scale).toFixed(Math.max(c.total.amount.decimals, ...c.parts.map((p) => p.amount.decimals)))}${c.total.amount.unit}` },
          verdict: grade(gap / 100, tol / 100, (2 * halfCents(c.total.amount)) / 100),
          metrics,
          // The total's own label names its metric when it is a canonical one (收入合计 → income.total).
          refs: metrics.length ? [] : owned?.refs ?? subjectRefs(c.total.label, year, ctx.report.kind),
          ...(owned ? { project: owned.project } : {}),
          expected: sum / 100,
          actual: c.total.amount.value,
          tolerance: tol / 100,
          evidence: [unitEvidence(doc, u, c.quote)],
        }),
      );
    }
  });
  return out;
}

/**
 * The refs of a total a named unit or project owns: its parts are the report's projects, each read with one and the
 * same key (下达 X 万元。具体是：甲项目 a 万元；乙项目 b 万元 — each a project's budget), so the owner's total is that
 * figure of the owner; else the key its label names.
 */
function ownedRefs(report: RuleContext["report"], c: Claim, year: number): { project: string; refs: Array<{ key: string; year: number }> } {
  const project = c.total.owner!;
  const keysOfPart = (p: Claim["parts"][number]) => {
    const named = report.projects.find((x) => x.name === p.label);
    return new Set((named?.metrics ?? []).filter((m) => m.value === p.amount.value && (m.year ?? year) === year).map((m) => m.key));
  };
  const [first, ...rest] = c.parts.map(keysOfPart);
  const shared = [...first].filter((k) => rest.every((ks) => ks.has(k)));
  const refs = shared.length ? shared.map((key) => ({ key, year })) : subjectRefs(c.total.label, year, report.kind);
  return { project, refs };
}

function followingParagraphs(units: readonly TextUnit[], i: number): string[] {
  const out: string[] = [];
  for (const v of units.slice(i + 1, i + 25)) {
    if (v.table) break;
    out.push(v.text);
  }
  return out;
}

const meta: RuleMeta = {
  id: "prose-parts-sum",
  description: {
    zh: "正文中“总额 X，其中 A a、B b……”（各项列在同一句，或逐句、逐行列在“其中：”之后）或“X。具体是：A a；B b。”：各组成部分之和不得超过总额；已列全（所称“二类”“三个项目”与列出的项数相同，各部分所称个数之和等于总额所称个数，“具体是/具体为”所列以句号结束且不以“等”结尾，末项为“其他”，所列三项以上、含金额为 0 的一项且以句号结束，或所列正是已知的完整构成：基本支出 = 人员经费 + 公用经费，本年支出 = 基本支出 + 项目支出〔+ 写明的上缴上级、经营、对附属单位补助支出〕，“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费）时应等于总额；按各数打印位数容许四舍五入；金额后括号内逐项列出的构成（“中央资金 X 万元（A a 万元，B b 万元）”）不以“等”结尾时视为已列全，某项单位误写（万元写成元）按单位误写处理、不作合计不符；“其中 a 万元用于A，b 万元用于B”按先写金额、后写用途的构成同样核对",
    en: "A total stated in the text with its parts after 其中 (T, of which A a, B b …; in one clause list, or one sentence or line a part after 其中：) or itemised after 具体是 (T. 具体是：A a；B b。): the parts never add up to more than the total, and equal it when the list is complete (the count the text announces matches the parts listed, the item counts of the parts make the whole's count, a 具体是/具体为 list ends with its sentence and not with 等, the last part is 其他, three or more parts name one of nothing and end with their sentence, or the parts are a known complete split: 基本支出 = 人员经费 + 公用经费, 本年支出 = 基本支出 + 项目支出 [+ the 上缴上级/经营/对附属单位补助 支出 stated], \"三公\" = overseas travel + official vehicles + reception); within the rounding of every printed amount. A list told one sentence or line a part is judged only when complete. A total itemised in brackets right after its amount (中央资金 X 万元（A a 万元，B b 万元）) is complete unless the list ends with 等; a part printed in another unit that makes the sum in the total's unit is a unit slip, not a failed sum. Parts told by their amount and then their use (其中 a 万元用于A，b 万元用于B) are read as parts too",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-prose-parts-sum" },
  messages: {
    partsExceedTotal: { zh: "{project}“{label}”为 {total}，而其中所列 {parts} = {sum}，超过总额{note}" },
    partsShortOfTotal: { zh: "{project}“{label}”为 {total}，而其中所列（已列全）{parts} = {sum}{note}" },
  },
};

export const prosePartsSum: Rule = { meta, check };
