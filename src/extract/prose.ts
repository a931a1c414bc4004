/**
 * Binding figures to metrics in running text. A figure takes the label right before it when only filler words stand
 * between them ("总收入 12222.51 万元", "固定资产利用率为 94.32%"); "比上年 Y 万元" after a bound figure is the same
 * metric's prior-year value; figures after 增加/减少/增长 are changes; figures in target wording (目标, ≥, 以上) are
 * not metrics. The year is the one written before the label in the same sentence, else the fiscal year.
 */
import { findLabels, type LabelHit } from "./labels.js";
import { bareMultiplierMoney, scanFigures, sentenceAround, SENTENCE_REACH, type FigureHit } from "./figures.js";
import { fieldFigure, RE_FIELD_UNIT } from "./form-unit.js";
import { candidateFromHit, compatible, type Candidate } from "./candidate.js";
import { charTable } from "./words.js";
import { locate, type Segment } from "./provenance.js";
import { comparesToPrior, isRestated, priorYear, yearNamed } from "./years.js";

/** A stretch of text binders read: a paragraph, a heading, a table cell, or paragraphs a break cut, joined. */
export interface Passage {
  text: string;
  page: number;
  block: number;
  /** Where each part of `text` was printed (provenance.ts). */
  segs: Segment[];
}

export interface ProseContext {
  /** Null when the document masks its years. */
  fiscalYear: number | null;
  /** Project-only labels (已使用, 项目预算资金) are active. */
  project: boolean;
  projectName?: string;
  /** Offset added to the order of candidates (so project items order after their block). */
  orderBase?: number;
  /** The money unit a form declared shortly before this passage (金额单位：万元), for its label-figure pairs. */
  formUnit?: string | null;
}

/** Words allowed between a label and its figure. */
const RE_FILLER =
  /^(?:\s|[为是达到共计约的了有在:："“”'’()（）]|(?:财政)?资金|项目资金|经费|费用|决算数?|人员|参公|在编|职工|数额|总额|金额|实际|累计|全年|本年度?|年度|安排|合计|总计|分别|仅|全部|人数|达到)*$/;
/** Words right before a label that make it about something else (在用固定资产总额, 人均…). */
const RE_QUALIFIER = /(在用|闲置|出租|出借|新增|处置|报废|人均|每月|月均|目标|计划|预计|上级下达)$/;
const RE_TARGET_BEFORE = /(≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过|高于|低于|超过|力争|确保|控制在|保持在|争取)\s*$/;
const RE_TARGET_AFTER = /^\s*(以上|以下|以内|及以上)/;
/**
 * Target wording. "目标" in a form's title or a section heading about the outcome ("绩效目标自评表",
 * "绩效目标完成情况") speaks of achievement: a flattened form whose fields run on without stops keeps its title in
 * every field's clause, and its 自评总分 is no target.
 */
const RE_TARGET_CLAUSE = /目标(?!(?:执行情况|完成情况|实现情况)?自评表|完成情况|实现情况)|预期|计划(?!生育)|指标值|标准为|控制数/;
const RE_PAREN_NOTE = /[(（](?:含|不含|包括|包含|其中含)[^()（）]*[)）]/g;
const RE_DOC_NUMBER = /[〔【[(（]\s*(?:19|20)\d{2}\s*[〕】\])）]\s*\d*\s*号?|第\s*\d+\s*号/g;

/** The sentences of a text with where each starts: cut after 。；;！？!? and line ends. */
export function sentenceSpans(text: string): Array<{ s: string; at: number }> {
  const out: Array<{ s: string; at: number }> = [];
  let at = 0;
  for (const s of text.split(/(?<=[。；;！？!?\n])/)) {
    out.push({ s, at });
    at += s.length;
  }
  return out;
}

/** Blank out notes and document numbers, keeping offsets, so their figures bind to nothing. */
export function maskText(s: string): string {
  // The binders of one passage each mask it: the last answer is usually the one asked for again.
  if (s === lastMask.in) return lastMask.out;
  const out = s.replace(RE_PAREN_NOTE, blank).replace(RE_DOC_NUMBER, blank);
  lastMask.in = s;
  lastMask.out = out;
  return out;
}

const blank = (m: string) => " ".repeat(m.length);
const lastMask = { in: "", out: "" };

const SENTENCE_STOPS = charTable("。；;！？!?\n");
const CLAUSE_STOPS = charTable("，,。；;！？!?\n");

function clauseStart(text: string, at: number): number {
  const floor = Math.max(0, at - SENTENCE_REACH);
  let a = at;
  while (a > floor && !CLAUSE_STOPS[text.charCodeAt(a - 1)]) a--;
  return a;
}

function sentenceStart(text: string, at: number): number {
  const floor = Math.max(0, at - SENTENCE_REACH);
  let a = at;
  while (a > floor && !SENTENCE_STOPS[text.charCodeAt(a - 1)]) a--;
  return a;
}

export function isTargetFigure(text: string, hit: FigureHit): boolean {
  const before = text.slice(clauseStart(text, hit.start), hit.start);
  if (RE_TARGET_BEFORE.test(before)) return true;
  if (RE_TARGET_AFTER.test(text.slice(hit.end, hit.end + 4))) return true;
  return RE_TARGET_CLAUSE.test(before);
}


/** A field figure is a target when its label is preceded by target wording (目标, ≥ …) in the same clause. */
function isFieldTarget(text: string, labelStart: number, h: FigureHit): boolean {
  const from = Math.max(clauseStart(text, labelStart), labelStart - 6);
  return RE_TARGET_CLAUSE.test(text.slice(from, labelStart)) || RE_TARGET_AFTER.test(text.slice(h.end, h.end + 4));
}

function gapOk(label: LabelHit, gap: string): boolean {
  const g = gap.replace(RE_FIELD_UNIT, "").replace(/^\s*[(（]分[)）]/, "").replace(/\d+个项目?/g, "").replace(/\s+/g, "");
  if (label.entry.loose) return g.length <= 30 && !/[，,。；;！？]/.test(g);
  return g.length <= 12 && RE_FILLER.test(g);
}

/**
 * A score word right before a bare figure ("自评得分：95.5", "综合得分92", a form's "自评总分(分)97.93"); a figure after it
 * opens a row instead.
 */
const RE_BARE_SCORE = /(?:得分|总分|评分|分数)\s*(?:[(（]分[)）])?[\s:：为是]*$/;

/** Between a subject and its actual: the subject's budget ("预算12.00万元，"), then the actual's word. */
const RE_BUDGET_THEN = /^(?:支出|经费)?(?:年初)?预算(?:数|安排)?(?:为|是)?\s*[\d.,]+\s*(?:亿元|万元|元)\s*[，,]\s*(?:全年|当年|年度)?$/;

/**
 * A budget word (预算数, 实际支出 …) after a "三公" label speaks of that line: "“三公”经费预算数 12 万元" is
 * the 三公 budget (not the report's budget: nothing), "“三公”经费预算12万元，实际支出9.5万元" states the 三公 actual.
 * Returns the subject's label for an actual, "none" for a budget, null when the word stands for itself.
 */
function budgetWordSubject(text: string, labels: LabelHit[], li: number, sStart: number, outturn = false): LabelHit | "none" | null {
  const label = labels[li];
  if (!label.entry.key.startsWith("budget.") || label.entry.unitKind !== "money") return null;
  const actual = outturn || label.entry.key === "budget.executed";
  for (let k = li - 1; k >= 0 && labels[k].start >= sStart; k--) {
    const subject = labels[k];
    if (subject.entry.key.startsWith("budget.")) continue;
    // Only the "三公" lines are told as budget and actual this way; "项目支出预算数" is a project's budget.
    if (!subject.entry.key.startsWith("three_public.")) return null;
    const between = text.slice(subject.end, label.start);
    if (between.length <= 2 && /^(?:支出|经费)?$/.test(between)) return actual ? subject : "none";
    return actual && RE_BUDGET_THEN.test(between) ? subject : null;
  }
  return null;
}

/**
 * Between a plan word (预算数) and a figure: the plan's own amount, then the outturn's word (决算数, 实际支出, 实际发生额),
 * which no catalogue label of a department names ("预算数12.00万元，决算数9.50万元").
 */
const RE_PLAN_THEN_OUTTURN =
  /^(?:为|是|:|：)?\s*[\d.,]+\s*(?:亿元|万元|元)\s*[，,、]\s*(?:全年|当年|本年|年度)?(?:实际)?(?:支出决算|决算支出|决算|实际支出|支出|发生|执行|使用)(?:数|额|金额)?(?:为|是|共|:|：)?\s*$/;

/** Right after an amount: its split into the parts of a year's expenditure (其中基本支出…, 其中：人员经费…). */
const RE_SPLIT_INTO_EXPENDITURE = /^\s*[，,;；]?\s*其中\s*[:：]?\s*(?:基本支出|人员经费|人员支出)/;

/** Keys a report also tells per source of its money (中央/省级/地方资金): such a figure is a part, not the whole. */
const RE_PER_SOURCE_KEY = /^budget\.(execution_rate|executed)$/;
const RE_SOURCE = /(?:中央|省级|省|市级|市|县级|县|区级|区|地方|本级|其他|上级)(?:财政)?(?:资金|补助资金|专项资金|配套资金)|当年财政拨款|上年结转(?:资金)?|其中[:：]?/;

/** Candidates from one passage of prose. */
export function bindProse(p: Passage, ctx: ProseContext): Candidate[] {
  const text = maskText(p.text);
  const hits = scanFigures(text);
  const labels = findLabels(text, { project: ctx.project });
  const out: Candidate[] = [];
  const used = new Set<LabelHit>();
  let last: { key: string; year: number | null; sentence: number; kind: Candidate["unit"] } | null = null;
  let prevEnd = 0;
  let next = 0;
  for (const hit of hits) {
    const field = hit.amount.kind === "plain" ? fieldFigure(text, hit, ctx.formUnit ?? null) : null;
    // "资金350万": a bare 万 is money only under a money label (compatible() below holds it to that).
    const h = field ?? (hit.amount.kind === "plain" ? bareMultiplierMoney(text, hit) : null) ?? hit;
    const sStart = sentenceStart(text, h.start);
    const boundary = Math.max(prevEnd, sStart);
    // "8个项目 985万元": a count of items between a label and its amount does not end the label's reach.
    if (!(h.amount.kind === "count" && h.amount.unit === "个")) prevEnd = h.end;
    // "自评得分：95.5": a score label may stand right before a bare figure (checked against the label below).
    const bareScore = h.amount.kind === "plain" && RE_BARE_SCORE.test(text.slice(Math.max(0, h.start - 8), h.start)) && !/^\s*\d/.test(text.slice(h.end, h.end + 3));
    if ((h.amount.kind === "plain" && !bareScore) || h.amount.kind === "points") continue;
    if (h.change) continue;
    // A field's target words stand in its own label (checked below), not in the fields flattened before it.
    if (!field && isTargetFigure(text, h)) continue;
    const before = text.slice(clauseStart(text, h.start), h.start);
    const order = (ctx.orderBase ?? p.block * 100000) + h.start;
    if (comparesToPrior(before) && last && last.sentence === sStart && h.amount.kind === "money" && last.kind === "元") {
      // The year before an unknown year is unknown: such a figure states no year.
      const prior = priorYear(last.year);
      if (prior !== null) {
        const prov = locate(p.segs, h.start, h.end);
        out.push(candidateFromHit({ key: last.key, year: prior, prov, quote: sentenceAround(p.text, h.start, h.end), restated: true, confidence: "exact-label", order, project: ctx.projectName }, "money", h));
      }
      continue;
    }
    // The label nearest before the figure, with nothing but filler in between. Labels are in order of start, so the
    // search walks back from the first label at or past the figure and stops at the boundary: from the end of the list
    // it was hits × labels, minutes for a 1 MB paragraph.
    while (next < labels.length && labels[next].start < h.start) next++;
    let li = next - 1;
    while (li >= 0 && labels[li].start >= boundary && labels[li].end > h.start) li--;
    // "“三公”经费预算数12.00万元，决算数9.50万元": the outturn told after the line's budget is the line's figure; its
    // plan word stands before the budget's amount, which ends the reach of ordinary labels.
    const outturn = li >= 0 && labels[li].start >= sStart && RE_PLAN_THEN_OUTTURN.test(text.slice(labels[li].end, h.start)) ? budgetWordSubject(text, labels, li, sStart, true) : null;
    const outturnOf = outturn && outturn !== "none" && !used.has(outturn) ? outturn : null;
    if (!outturnOf && (li < 0 || labels[li].start < boundary || used.has(labels[li]))) continue;
    let label = labels[li];
    const gapFrom = label;
    // "调整预算后项目预算 X": the first of two abutting labels names the figure, the second is its noun.
    const head = labels[li - 1];
    // Not "在职人员编制 23人": 编制 after a staff noun is that staff's quota (staff.authorized), the noun qualifies it.
    if (head && head.start >= boundary && label.start - head.end <= 2 && head.entry.key.split(".")[0] === label.entry.key.split(".")[0] && label.entry.key !== "staff.authorized" && !used.has(head)) label = head;
    if (outturnOf) label = outturnOf;
    else if (!gapOk(gapFrom, text.slice(gapFrom.end, h.start))) continue;
    if (field && isFieldTarget(text, label.start, h)) continue;
    // "“三公”经费预算12万元，实际支出9.5万元": 预算/实际支出 qualify the subject before them.
    const subject = outturnOf ? null : budgetWordSubject(text, labels, labels.indexOf(label), sStart);
    if (subject === "none") continue;
    if (subject) label = subject;
    if (RE_QUALIFIER.test(text.slice(Math.max(0, label.start - 4), label.start))) continue;
    if (label.entry.standalone && /[\u4e00-\u9fa5]$/.test(text.slice(Math.max(0, label.start - 3), label.start)) && !/资金$/.test(text.slice(Math.max(0, label.start - 3), label.start))) continue;
    if (!compatible(label.entry.unitKind, h, bareScore && label.entry.unitKind === "score" && /^\s*(?:[(（]分[)）])?[\s:：为是]*$/.test(text.slice(gapFrom.end, h.start)))) continue;
    used.add(label);
    const year = yearNamed(text.slice(sStart, label.start), ctx.fiscalYear);
    // A year after the report's is a target; with the report's year unknown, any written year or 上年 is another year.
    if (year === undefined || (year !== null && (ctx.fiscalYear === null || year > ctx.fiscalYear))) continue;
    const prov = locate(p.segs, h.start, h.end);
    // Project words (预算资金, 已使用, 实际支付) say less than a catalogue label (年初预算, 全年执行数): where both
    // state a figure, the catalogue label's wins.
    // "中央资金完成636.75万元，预算执行率81.97%，省级资金…": a rate or outlay told per source of money is a part's.
    const partial = label.entry.partial || (RE_PER_SOURCE_KEY.test(label.entry.key) && RE_SOURCE.test(text.slice(clauseStart(text, Math.max(0, clauseStart(text, label.start) - 1)), label.start)));
    // "全年实际支出1595.59万元，其中基本支出…": an outlay split into the expenditure's parts is the year's total expenditure.
    const key = !ctx.project && label.entry.key === "budget.executed" && RE_SPLIT_INTO_EXPENDITURE.test(text.slice(h.end, h.end + 24)) ? "expenditure.total" : label.entry.key;
    const c = candidateFromHit(
      { key, year, prov, quote: sentenceAround(p.text, h.start, h.end), restated: isRestated(year, ctx.fiscalYear), confidence: label.entry.projectOnly ? "fuzzy-label" : "exact-label", order, project: ctx.projectName, partial },
      label.entry.unitKind,
      h,
    );
    out.push(c);
    last = { key: c.key, year, sentence: sStart, kind: c.unit };
  }
  return out;
}

/**
 * "下达…资金 X 万元…全部到位": the allocated amount arrived in full, so it is the received amount. Looks at the
 * passage and the one after it (the 到位 remark often stands alone).
 */
export function bindArrivedInFull(p: Passage, next: Passage | null, ctx: ProseContext): Candidate[] {
  const text = maskText(p.text);
  const sentences = text.split(/(?<=[。；;])/);
  let offset = 0;
  const out: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const follow = (sentences[i + 1] ?? "") + (i + 1 >= sentences.length && next ? next.text.slice(0, 40) : "");
    if (/下达|拨付|安排/.test(s) && /(全部|足额|全额)(到位|拨付到位)/.test(s + follow.slice(0, 30))) {
      const money = scanFigures(s).filter((h) => h.amount.kind === "money" && !h.change);
      const h = money[money.length - 1];
      if (h && money.length <= 2) {
        out.push(
          candidateFromHit(
            { key: "budget.received", year: ctx.fiscalYear, prov: locate(p.segs, offset + h.start, offset + h.end), quote: p.text.slice(offset, offset + s.length).trim(), confidence: "pattern", order: p.block * 100000 + offset + h.start, restated: false, project: ctx.projectName },
            "money",
            h,
          ),
        );
      }
    }
    offset += s.length;
  }
  return out;
}

/** score.grade: "等级为优", "评价结果：良好". */
/**
 * A grade told after the score it earns, with no grade word before it: "自评得分96分，属于优秀等级", "得分98分，评定为优秀".
 * Only the two-character grades after 为/属于: a lone 优/良 there starts too many words (为优化, 为良性); a lone grade
 * counts after 自评为/评定为/评为 when the clause ends right after it (绩效评分100分，自评为优。).
 */
const RE_GRADE_AFTER_SCORE = /(?:得分|评分|总分)[^。；;！？]{0,12}?\d+(?:\.\d+)?分[^。；;！？\d]{0,8}?(?:(?:评定为|评为|定为|属于|为|达到)\s*[“"「]?(优秀|良好|合格|不合格)(?:等级|等次|档次)?(?![\u4e00-\u9fa5]{0,1}[质好化势])|(?:自评为|评定为|评为)\s*[“"「]?([优良中差])[”"」]?(?:等级|等次|级)?(?=[。，,；;！!]|$))/;

export function bindGrade(p: Passage, ctx: ProseContext): Candidate[] {
  const g = gradeMatch(p.text);
  if (!g) return [];
  const { index, text: word, end } = g;
  return [
    {
      key: "score.grade",
      year: ctx.fiscalYear,
      value: null,
      unit: "text",
      text: word,
      precision: null,
      prov: locate(p.segs, end - word.length, end),
      quote: sentenceAround(p.text, index, end),
      restated: false,
      confidence: "exact-label",
      order: p.block * 100000 + index,
      project: ctx.projectName,
    },
  ];
}

/** The grade a passage states: after a grade word (等级为优), else after its score (得分96分，属于优秀等级). */
function gradeMatch(text: string): { index: number; text: string; end: number } | null {
  const labelled = gradeAfterLabel(text);
  if (labelled) return labelled;
  const m = RE_GRADE_AFTER_SCORE.exec(text);
  if (!m || RE_TARGET_CLAUSE.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
  if (RE_GRADE_SCALE.test(sentenceAround(text, m.index, m.index + m[0].length))) return null;
  const grade = m[1] ?? m[2];
  return { index: m.index, text: grade, end: m.index + m[0].lastIndexOf(grade) + grade.length };
}

function gradeAfterLabel(text: string): { index: number; text: string; end: number } | null {
  const m = /(自评等级|评价等级|绩效等级|等级|自评等次|评价等次|绩效等次|等次|评价结果|自评结果)\s*(?:均为|均是|为|是|评定为|确定为)?\s*[:：]?\s*[“"「]?(优秀|良好|合格|不合格|优|良|中|差)(?![\u4e00-\u9fa5]{0,1}[质好化势秀])/.exec(text);
  if (!m || RE_TARGET_CLAUSE.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
  // A grading scale states no grade ("90分以上为优，80-89分为良").
  if (RE_GRADE_SCALE.test(sentenceAround(text, m.index, m.index + m[0].length))) return null;
  return { index: m.index, text: m[2], end: m.index + m[0].length };
}

/** A grade statement in a sentence ("等级为优", "评价结果为“良”"). */
const RE_GRADE_CLAUSE = /(?:等级|等次|评价结果|自评结果)\s*(?:均为|为|是|评定为|确定为)?\s*[:：]?\s*[“"「]?(?:优秀|良好|合格|不合格|优|良|中|差)(?![\u4e00-\u9fa5]{0,1}[质好化势秀])/;
/** Words before a score that make it a part's (分值, 权重, an indicator's 得分 with its name) or a bound. */
const RE_PART_SCORE = /(分值|权重|满分|总分值|扣|减|加|指标|率|[≥≤]|不低于|以上)[^，,。；;]{0,6}$/;
/** A grading scale, not a result: "90分以上为优，80-89分为良", "评分标准". */
export const RE_GRADE_SCALE = /(?:评分|评价|等级|划分|评定)标准|分(?:及)?以[上下]|\d\s*[-—～~至]\s*\d+\s*分|分为[优良中差]/;

/**
 * The score told beside the grade it earns, without a catalogue label: "经综合评定，得分为92分，等级为优",
 * "评价结果为“良”，得分85分". One sentence that states a grade and exactly one score (X分, at most 100, not a
 * 分值 or 满分) states the report's total.
 */
export function bindScoreWithGrade(p: Passage, ctx: ProseContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/分/.test(p.text) || !RE_GRADE_CLAUSE.test(p.text)) return out;
  const text = maskText(p.text);
  let at = 0;
  for (const s of text.split(/(?<=[。；;！？!?\n])/)) {
    if (RE_GRADE_CLAUSE.test(s) && !RE_TARGET_CLAUSE.test(s) && !RE_GRADE_SCALE.test(s)) {
      const scores = scanFigures(s).filter((h) => h.amount.kind === "score");
      const h = scores[0];
      if (scores.length === 1 && h.amount.value <= 100 && h.amount.value > 0 && !RE_PART_SCORE.test(s.slice(0, h.start))) {
        const year = yearNamed(s.slice(0, h.start), ctx.fiscalYear);
        if (year !== undefined && (year === null || ctx.fiscalYear === null || year === ctx.fiscalYear)) {
          out.push(
            candidateFromHit(
              { key: "score.total", year, prov: locate(p.segs, at + h.start, at + h.end), quote: s.trim().slice(0, 200), restated: false, confidence: "pattern", order: p.block * 100000 + at + h.start, project: ctx.projectName },
              "score",
              h,
            ),
          );
        }
      }
    }
    at += s.length;
  }
  return out;
}
