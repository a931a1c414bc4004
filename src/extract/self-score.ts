/**
 * Score and grade that no catalogue label reads. The score told right after the word 自评 with no score word of its
 * own: "我局2021年度专项支出绩效自评 98分", "项目自评为92.5分". 自评 cannot be a catalogue label (it opens every title,
 * 绩效自评报告), so only a points figure right after it, with at most a copula between, is read, and only a total that a
 * score can be (≤ 100). A score under its own heading ("（一）自评得分" / "100分。", the 自评结论 section of the
 * provincial report templates). And a grade in the cell after its label's, where a form is printed one cell per line.
 */
import { scanFigures, sentenceAround } from "./figures.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate } from "./provenance.js";
import { maskText, type Passage, type ProseContext } from "./prose.js";
import { yearNamed } from "./years.js";
import { matchLabel } from "./labels.js";
import { matchNumbering } from "../document/headings.js";

const RE_SELF_SCORE = /自评\s*(?:为|是|结果为)?\s*(?=\d{1,3}(?:\.\d+)?\s*分(?![值数]))/g;

export function bindSelfScore(p: Passage, ctx: ProseContext): Candidate[] {
  if (!/自评/.test(p.text)) return [];
  const text = maskText(p.text);
  for (const m of text.matchAll(RE_SELF_SCORE)) {
    const at = m.index + m[0].length;
    const h = scanFigures(text.slice(at, at + 12))[0];
    if (!h || h.start !== 0 || h.amount.kind !== "score" || h.amount.value <= 0 || h.amount.value > 100) continue;
    const sentence = text.slice(Math.max(0, m.index - 60), m.index).split(/[。；;！？!?]/).pop() ?? "";
    const year = yearNamed(sentence, ctx.fiscalYear);
    if (year === undefined || (year !== null && ctx.fiscalYear !== null && year !== ctx.fiscalYear)) continue;
    return [
      candidateFromHit(
        { key: "score.total", year, prov: locate(p.segs, at + h.start, at + h.end), quote: sentenceAround(p.text, m.index, at + h.end), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + at, project: ctx.projectName },
        "score",
        { ...h, start: at + h.start, end: at + h.end },
      ),
    ];
  }
  return [];
}

/** A paragraph that opens with a score: "100分。", "95.5分，等级为优". */
const RE_SCORE_OPENING = /^\s*(\d{1,3}(?:\.\d+)?)\s*分(?![值数])/;

/**
 * A heading that is only a score label (自评得分, 综合评分 …, under its section number) and the paragraph after it
 * opening with the score. The label and its figure are two blocks, so no label binder sees them together.
 */
export function bindScoreHeading(heading: Passage, next: Passage | undefined, ctx: ProseContext): Candidate[] {
  if (!next) return [];
  const label = (matchNumbering(heading.text)?.title ?? heading.text).trim().replace(/[:：\s]+$/, "");
  if (label.length === 0 || label.length > 8) return [];
  const entry = matchLabel(label, { project: false });
  if (!entry?.exact || entry.entry.key !== "score.total") return [];
  const m = RE_SCORE_OPENING.exec(next.text);
  if (!m) return [];
  const start = m.index + m[0].indexOf(m[1]);
  const h = scanFigures(next.text.slice(start, m.index + m[0].length))[0];
  if (!h || h.start !== 0 || h.amount.kind !== "score" || h.amount.value <= 0 || h.amount.value > 100) return [];
  return [
    candidateFromHit(
      { key: "score.total", year: ctx.fiscalYear, prov: locate(next.segs, start + h.start, start + h.end), quote: `${heading.text.trim()} ${next.text.trim()}`.slice(0, 120), restated: false, confidence: "exact-label", order: next.block * 100000 + start, project: ctx.projectName },
      "score",
      { ...h, start: start + h.start, end: start + h.end },
    ),
  ];
}

/** A grade label alone in its cell (自评等级), and a grade word alone in the next: a form printed one cell per line. */
const RE_GRADE_LABEL_CELL = /^\s*(?:自评等级|评价等级|绩效等级|自评结果|评价结果|等级)\s*[:：]?\s*$/;
const RE_GRADE_CELL = /^\s*[“"]?(优秀|良好|合格|不合格|优|良|中|差)[”"]?\s*$/;

export function bindGradeCell(label: Passage, cell: Passage | undefined, ctx: ProseContext): Candidate[] {
  if (!cell || !RE_GRADE_LABEL_CELL.test(label.text)) return [];
  const m = RE_GRADE_CELL.exec(cell.text);
  if (!m) return [];
  const start = m.index + m[0].indexOf(m[1]);
  return [
    {
      key: "score.grade",
      year: ctx.fiscalYear,
      value: null,
      unit: "text",
      text: m[1],
      precision: null,
      prov: locate(cell.segs, start, start + m[1].length),
      quote: `${label.text.trim()} ${cell.text.trim()}`,
      restated: false,
      confidence: "exact-label",
      order: cell.block * 100000 + start,
      project: ctx.projectName,
    },
  ];
}
