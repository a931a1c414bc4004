/**
 * The score told right after the word 自评 with no score word of its own: "我局2021年度专项支出绩效自评 98分", "项目自评为
 * 92.5分". 自评 cannot be a catalogue label (it opens every title, 绩效自评报告), so only a points figure right after it,
 * with at most a copula between, is read, and only a total that a score can be (≤ 100).
 */
import { scanFigures, sentenceAround } from "./figures.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate } from "./provenance.js";
import { maskText, type Passage, type ProseContext } from "./prose.js";
import { yearNamed } from "./years.js";

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
