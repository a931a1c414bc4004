/**
 * How project money is told in running text when no catalogue label stands before the figure: the allocation
 * ("县财政共下达我局…资金8010万元") and the arrival stated after the figure ("项目资金8010万元均已到位",
 * "…资金30万元,资金已到位"). Both are weak shapes (confidence `pattern`): a labelled figure always wins. What was
 * allocated is the year's whole budget (全年预算数, budget.adjusted): a 下达 total includes the money added during the
 * year, and the national 自评表 prints it in that column; a labelled 年初预算 stays its own figure.
 */
import { bareMultiplierMoney, scanFigures, SENTENCE_REACH, type FigureHit } from "./figures.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate } from "./provenance.js";
import { maskText, sentenceSpans, type Passage, type ProseContext } from "./prose.js";
import { yearNamed } from "./years.js";

/** Titles of documents (《关于下达…的通知》) name other acts: their verbs and figures are not this passage's. */
const RE_TITLE = /《[^《》]{0,120}》/g;
const blank = (m: string) => " ".repeat(m.length);

/** A verb that allocates money to the project (or by which the project obtained it: 获得…资金), not inside a title. */
const RE_ALLOCATE = /(?:共|累计|合计|已|现|再)?(?:下达|安排|批复|下拨|获得)/g;
/**
 * The words right before the allocated figure: the money's noun, then only filler — a short note on the money
 * ("资金(水利部分)") and a clause that sums it ("…资金，共计6800万元") included.
 */
const RE_MONEY_NOUN = /(?:资金|经费|补助|预算)(?:[(（][^()（）]{1,12}[)）])?(?:[，,]\s*(?=共计|合计|总计))?(?:共计|合计|总额|总计|共|计|为|:|：|\s)*$/;
/** The sum clause a comma may open between the verb and its figure. */
const RE_SUM_CLAUSE = /[，,]\s*(?:共计|合计|总计)\s*$/;
/** How many batches came (下达3批…, 2次下达, 分两批, 其中第一批…): counts, not amounts, between the verb and its figure. */
const RE_BATCH_COUNT = /(?:\d+|[两二三四五六七八九十])\s*(?:批|次)/g;
/** The recipient of an allocation, the reporting body itself: 我区, 给我局, 本单位. */
const RE_RECIPIENT = /^\s*(?:给|向|到)?(?:我|本)(?:省|市|州|区|县|旗|镇|乡|局|委|厅|办|馆|院|校|站|所|中心|单位|部门)\s*$/;
/** A year between a verb and its figure, its 年 sometimes dropped (下达我县2023老年人生活保健补贴资金). */
const RE_YEAR_WORD = /(?:19|20)\d{2}(?:\s*年度?|(?=[\u4e00-\u9fa5]))/g;
/** To the reporting body (我市, 我县), then one works' name right before the figure. */
const RE_TO_US_FOR_WORKS = /^\s*(?:给|向|到)?(?:我|本)(?:省|市|州|区|县|旗|镇|乡)[^，,。；;、\d]{2,30}(?:工程|项目)\s*$/;
/** The money's noun after the figure, before the clause ends: "…万元2021年省级旅游发展资金". */
const RE_NOUN_AFTER = /^[^，,。；;！？!?]{0,24}?(?:资金|经费|补助)/;
/** The level of government whose money a clause names. */
const RE_SOURCE_WORD = /(中央|省级|省|市级|市县|县级|地方|区级)(?:财政)?/;
const RE_SOURCE_WORDS = new RegExp(RE_SOURCE_WORD.source, "g");
const RE_SOURCES = /(中央|省级|省|市级|市县|县级|地方|区级)(?:财政)?[^，,。；;]{0,20}?\d+(?:\.\d+)?\s*(?:亿元|万元|元)/g;

const level = (w: string) => (w === "省" ? "省级" : w === "市县" || w === "县级" || w === "区级" || w === "市级" ? "地方" : w);
/** The level of government an allocation candidate names, for settleAllocations. */
const LEVEL = new WeakMap<Candidate, string>();

/** Whether the text states money of a level other than `source` (省级下达804万元 beside 中央下达9056万元). */
function otherSource(text: string, source: string): boolean {
  for (const m of text.matchAll(RE_SOURCES)) if (level(m[1]) !== level(source)) return true;
  return false;
}

/** How far an allocation verb reaches to its figure ("下达…2022年中央财政林业改革发展转移支付资金921.25万元"). */
const ALLOCATE_REACH = 60;

/** Paid out in full after a figure ("共计152万元资金全部支付到位", a subsidy's "全部发放完毕"): the project's execution, not an arrival. */
const RE_PAID = /^[^，,。；;！？!?\d]{0,8}?(?:[，,]\s*(?:该|项目)?(?:资金)?)?(?:均|已|已经|全部|足额|全额|及时|按时){1,3}(?:支付|发放|兑付)(?:到位|完毕)/;
/** Counts in a clause ("18家企业") are no parts of its money. */
const RE_COUNT = /\d+\s*(?:家|个|户|人|项|名|所|处)/g;

/** A date the money arrived or was paid on: "于2023年5月", "在2023年12月底前" (a year a digit short, "202年", is still one). */
const RE_WHEN = /(?<=^[^，,。；;！？!?\d]{0,6})[于在]?\s*(?:19|20)\d{1,2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*[日号])?(?:前|底|末|之前)?/;

/** The arrival after a figure: "均已到位", "已全部到位", "，资金已到位" (not 未到位). */
const RE_ARRIVED = /^[^，,。；;！？!?\d]{0,8}?(?:[，,]\s*(?:该|项目)?资金)?(?:均|已|已经|全部|足额|全额|及时|按时){1,3}(?:拨付)?到位/;

/** Money figures of a sentence; a bare 万 ("资金350万") counts when a money noun stands right before it. */
function moneyHits(s: string): FigureHit[] {
  const out: FigureHit[] = [];
  for (const hit of scanFigures(s)) {
    const h = hit.amount.kind === "plain" && RE_MONEY_NOUN.test(s.slice(Math.max(0, hit.start - 8), hit.start)) ? bareMultiplierMoney(s, hit) ?? hit : hit;
    if (h.amount.kind === "money" && !h.change && h.amount.value > 0) out.push(h);
  }
  return out;
}

/** Candidates of allocation and arrival sentences in one passage. */
export function bindFundFlow(p: Passage, ctx: ProseContext): Candidate[] {
  const text = maskText(p.text).replace(RE_TITLE, blank);
  const out: Candidate[] = [];
  const push = (key: string, year: number | null, h: FigureHit, at: number, s: string, allocation: boolean) => {
    const c = candidateFromHit(
      { key, year, prov: locate(p.segs, at + h.start, at + h.end), quote: p.text.slice(at, at + Math.min(s.length, 240)).trim().slice(0, 200), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + at + h.start, project: ctx.projectName },
      "money",
      h,
    );
    if (allocation) c.allocation = true;
    out.push(c);
  };
  for (const { s, at } of sentenceSpans(text)) {
    if (!/\d/.test(s)) continue;
    const money = moneyHits(s);
    if (money.length === 0) continue;
    // Windows, not the rest of the sentence: a text without stops is one sentence, and slicing it per figure was quadratic.
    const before = (h: FigureHit) => s.slice(Math.max(0, h.start - SENTENCE_REACH), h.start);
    // Arrival: the figure is the only money of its clause ("其中A万元、B万元均已到位" names parts, not the whole).
    for (const h of money) {
      // "100万元已于2023年5月全部到位": the day it arrived is no part of the arrival's words.
      const after = s.slice(h.end, h.end + 40).replace(RE_WHEN, "");
      const paid = ctx.project && RE_PAID.test(after);
      if (!paid && !RE_ARRIVED.test(after)) continue;
      const back = before(h);
      const clause = back.slice(Math.max(back.lastIndexOf("，"), back.lastIndexOf(",")) + 1);
      if (/\d/.test(clause.replace(/(?:19|20)\d{2}\s*年/g, "").replace(RE_COUNT, ""))) continue;
      const year = yearNamed(back, ctx.fiscalYear);
      if (year === undefined || year !== ctx.fiscalYear) continue;
      push(paid ? "budget.executed" : "budget.received", year, h, at, s, false);
    }
    // Allocation, in project text only: a department's report allocates to many things at once.
    if (!ctx.project) continue;
    let j = 0;
    for (const v of s.matchAll(RE_ALLOCATE)) {
      const from = v.index + v[0].length;
      while (j < money.length && money[j].start < from) j++;
      const h = money[j];
      if (!h || h.start - from > ALLOCATE_REACH) continue;
      const between = s.slice(from, h.start);
      // "下达我区87万元2021年省级旅游发展资金": the recipient alone before the figure, the money's noun after it.
      const nounAfter = RE_RECIPIENT.test(between) && RE_NOUN_AFTER.test(s.slice(h.end, h.end + 30));
      // "下达我市全民健身场地器材补短工程160万元": to the reporting body, for one named works.
      const works = RE_TO_US_FOR_WORKS.test(between);
      if (/[，,]/.test(between.replace(RE_SUM_CLAUSE, "")) || /\d/.test(between.replace(RE_YEAR_WORD, "").replace(RE_BATCH_COUNT, "")) || (!RE_MONEY_NOUN.test(between) && !nounAfter && !works)) continue;
      // One source's share of the money (中央下达…, a 其中 list's part) is no budget when the text tells other sources'.
      if (/其中/.test(s.slice(0, v.index))) continue;
      // The level nearest the figure within its clause: 省财政厅下达我市中央补助资金 is the centre's money.
      const window = s.slice(Math.max(0, v.index - 16), h.start).split(/[，,。；;]/).pop() ?? "";
      const source = [...window.matchAll(RE_SOURCE_WORDS)].pop()?.[1];
      // The allocated figure itself is no other level's money (省财政厅下达…中央补助…资金X万元: the province passes the
      // centre's money on).
      if (source && otherSource(text.slice(0, at + h.start) + blank(h.text) + text.slice(at + h.end), source)) continue;
      const year = yearNamed(before(h), ctx.fiscalYear);
      if (year === undefined || year !== ctx.fiscalYear) continue;
      // What was allocated at the year's start (年初下达) is its opening budget; the year's may change after.
      push(/年初\s*$/.test(s.slice(Math.max(0, v.index - 4), v.index)) ? "budget.initial" : "budget.adjusted", year, h, at, s, true);
      if (source) LEVEL.set(out[out.length - 1], level(source));
      break;
    }
  }
  return out;
}

/**
 * The allocation a report states, of the allocation candidates of all its passages in document order: a report
 * that tells its total first and then the parts it was split into (a total ≥ each part) states the total; several
 * allocations otherwise (批次, 追加 — parts whose sum is not printed) state none.
 */
export function settleAllocations(list: Candidate[]): Candidate[] {
  const allocations = list.filter((c) => c.allocation);
  if (allocations.length === 0) return list;
  const [first, ...rest] = allocations;
  // One level's allocation then another's (中央下达…, then 省级下达… in its own section): shares, no total among them.
  const firstLevel = LEVEL.get(first);
  if (firstLevel && rest.some((c) => LEVEL.has(c) && LEVEL.get(c) !== firstLevel)) return list.filter((c) => !allocations.includes(c));
  const kept = rest.every((c) => c.value === first.value || (c.value ?? 0) < (first.value ?? 0)) ? first : null;
  return list.filter((c) => !allocations.includes(c) || c === kept);
}

/**
 * A project form's one money field, printed with its own unit: "年度资金总额: 854万(…)", "资金总额及构成 总额1002.6万元,
 * 其中:中央…". It is the project's budget; a 资金总额 row followed by several figures is a table's row (the row
 * binders read it by its columns), so a second figure right after it leaves the field to them.
 */
const RE_FUND_TOTAL = /(?:年度资金总额|资金总额(?:及构成)?\s*总额|项目资金总额|资金总额)\s*[:：]?\s*(\d+(?:\.\d+)?\s*(?:万元|亿元|元|万(?![\u4e00-\u9fa5])|万(?=[(（，,；;。\s])))/g;

export function bindFundTotal(p: Passage, ctx: ProseContext): Candidate[] {
  if (!ctx.project || !/资金总额/.test(p.text)) return [];
  const text = maskText(p.text);
  for (const m of text.matchAll(RE_FUND_TOTAL)) {
    const at = m.index + m[0].length - m[1].length;
    const hit = scanFigures(m[1])[0];
    const h = hit && (hit.amount.kind === "money" ? hit : bareMultiplierMoney(m[1], hit));
    if (!h || h.amount.kind !== "money") continue;
    // Another figure right after: a row of columns (年度资金总额 43.2 43.2 …), not a field.
    if (/^\s*[\d.]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    const year = yearNamed(text.slice(Math.max(0, m.index - SENTENCE_REACH), m.index).split(/[。；;]/).pop() ?? "", ctx.fiscalYear);
    if (year === undefined || year !== ctx.fiscalYear) continue;
    return [
      candidateFromHit(
        { key: "budget.initial", year, prov: locate(p.segs, at + h.start, at + h.end), quote: p.text.slice(m.index, Math.min(p.text.length, m.index + 120)), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + at, project: ctx.projectName },
        "money",
        { ...h, start: at + h.start, end: at + h.end },
      ),
    ];
  }
  return [];
}
