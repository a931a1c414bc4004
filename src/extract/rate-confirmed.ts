/**
 * The outlay a sentence tells in words no label names ("全年预算1350.4万元，实际使用资金1302.16万元，预算执行率96.43%"):
 * with the budget and the execution rate labelled in the same sentence, the one unlabelled amount that is the rate of the
 * budget, to the rate's printed precision, is what was executed. The arithmetic, not a word, names it, so it binds as a
 * pattern: any labelled statement of the outlay wins over it.
 */
import { findLabels, type LabelHit } from "./labels.js";
import { scanFigures, sentenceAround, type FigureHit } from "./figures.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate } from "./provenance.js";
import { yearNamed } from "./years.js";
import { isTargetFigure, maskText, type Passage, type ProseContext } from "./prose.js";

/** Sentences longer than this are flattened tables or run-on text, not a statement of one budget's execution. */
const MAX_SENTENCE = 300;
/** A part's statement (per source of money, 其中) or a comparison: its figures are not the whole's outlay. */
const RE_PART = /其中|中央|省级|市级|县级|区级|本级|配套|比上年|较上年|同比/;
const RE_CLAUSE_STOP = /[，,；;：:、]/;

/** The label whose reach a figure is in: the last one before it in its clause. */
function labelOf(s: string, labels: LabelHit[], h: FigureHit): LabelHit | null {
  let found: LabelHit | null = null;
  for (const l of labels) if (l.end <= h.start) found = l;
  if (!found || RE_CLAUSE_STOP.test(s.slice(found.end, h.start))) return null;
  return found;
}

function decimals(text: string): number {
  return /\.(\d+)/.exec(text)?.[1].length ?? 0;
}

export function bindConfirmedOutlay(p: Passage, ctx: ProseContext): Candidate[] {
  if (!p.text.includes("率")) return [];
  const text = maskText(p.text);
  const out: Candidate[] = [];
  let at = 0;
  for (const s of text.split(/(?<=[。；;！？!?\n])/)) {
    const from = at;
    at += s.length;
    if (s.length > MAX_SENTENCE || !s.includes("率") || RE_PART.test(s)) continue;
    const hits = scanFigures(s).filter((h) => !h.change && !isTargetFigure(s, h));
    const labels = findLabels(s, { project: ctx.project });
    const of = hits.map((h) => labelOf(s, labels, h));
    const rates = hits.filter((h, i) => h.amount.kind === "percent" && of[i]?.entry.key === "budget.execution_rate");
    if (rates.length !== 1) continue;
    const rate = rates[0];
    if (hits.some((h, i) => of[i]?.entry.key === "budget.executed")) continue;
    const budgets = ["budget.adjusted", "budget.initial"].map((k) => hits.filter((h, i) => h.amount.kind === "money" && of[i]?.entry.key === k));
    const budget = budgets.find((list) => list.length === 1)?.[0];
    if (!budget || budget.amount.value <= 0) continue;
    const tol = 0.5 * 10 ** -decimals(rate.text) + 1e-9;
    const fits = hits.filter(
      (h, i) => h !== budget && h.amount.kind === "money" && of[i] === null && Math.abs((h.amount.value / budget.amount.value) * 100 - rate.amount.value) <= tol,
    );
    if (fits.length !== 1) continue;
    const h = fits[0];
    const year = yearNamed(s.slice(0, h.start), ctx.fiscalYear);
    if (year === undefined || year !== ctx.fiscalYear) continue;
    out.push(
      candidateFromHit(
        { key: "budget.executed", year, prov: locate(p.segs, from + h.start, from + h.end), quote: sentenceAround(p.text, from + h.start, from + h.end), restated: false, confidence: "pattern", order: p.block * 100000 + from + h.start, project: ctx.projectName },
        "money",
        h,
      ),
    );
  }
  return out;
}
