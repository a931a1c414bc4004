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
import { isTargetFigure, maskText, sentenceSpans, type Passage, type ProseContext } from "./prose.js";

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

/** Half a unit of a rate's last printed digit: how far a ratio may stand from the rate it is printed as. */
const rateTolerance = (decimals: number) => 0.5 * 10 ** -decimals + 1e-9;

/** Whether part ÷ whole is the rate printed as `rateText` (in percent), to the rate's printed precision. */
export function ratioGivesRate(part: number, whole: number, rateText: string): boolean {
  return whole > 0 && Math.abs((part / whole) * 100 - Number(rateText.replace(/[%,\s]/g, ""))) <= rateTolerance(decimals(rateText));
}

/**
 * `budgets`: the report's budget figures (adjusted first, then initial) for a sentence that tells the rate and the outlay
 * but not the budget ("资金执行总量29675万元，预算执行率为98.67%" after the budget's own sentence).
 */
export function bindConfirmedOutlay(p: Passage, ctx: ProseContext, budgets: readonly number[] = []): Candidate[] {
  if (!p.text.includes("率")) return [];
  const text = maskText(p.text);
  const out: Candidate[] = [];
  for (const { s, at: from } of sentenceSpans(text)) {
    if (s.length > MAX_SENTENCE || !s.includes("率") || RE_PART.test(s)) continue;
    const hits = scanFigures(s).filter((h) => !h.change && !isTargetFigure(s, h));
    const labels = findLabels(s, { project: ctx.project });
    const of = hits.map((h) => labelOf(s, labels, h));
    const rates = hits.filter((h, i) => h.amount.kind === "percent" && of[i]?.entry.key === "budget.execution_rate");
    if (rates.length !== 1) continue;
    const rate = rates[0];
    // The rate is of the year's budget, or of what arrived where the text tells no budget (a transfer's E/D).
    const stated = ["budget.adjusted", "budget.initial", "budget.received"].map((k) => hits.filter((h, i) => h.amount.kind === "money" && of[i]?.entry.key === k));
    const budget = stated.find((list) => list.length === 1)?.[0];
    if (!budget && stated.some((list) => list.length > 0)) continue;
    const bases = budget ? [budget.amount.value] : budgets.filter((b) => b > 0);
    if (bases.length === 0) {
      for (const c of budgetAndOutlay(s, hits, of, rate, from, p, ctx)) out.push(c);
      continue;
    }
    const tol = rateTolerance(decimals(rate.text));
    const fitsRate = (v: number) => bases.some((b) => Math.abs((v / b) * 100 - rate.amount.value) <= tol);
    // A bare figure under the outlay's own word ("执行数1032849.44(含…万元…)") is in the unit of the budget it is a
    // rate of: the sentence's budget, printed with its unit.
    const unit = budget?.amount.unit ?? null;
    const fits: FigureHit[] = [];
    hits.forEach((h, i) => {
      if (h === budget) return;
      // An outlay's own word (a project's 执行) may stand too far from its figure for prose to bind it (执行总量 X).
      if (h.amount.kind === "money" && (of[i] === null || of[i]!.entry.key === "budget.executed") && fitsRate(h.amount.value)) fits.push(h);
      else if (h.amount.kind === "plain" && unit && (of[i] === null || of[i]!.entry.key === "budget.executed")) {
        const inUnit = scanFigures(h.text, unit)[0];
        if (inUnit && inUnit.amount.kind === "money" && fitsRate(inUnit.amount.value)) fits.push({ ...inUnit, start: h.start, end: h.end });
      }
    });
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

/**
 * A sentence that tells a budget and its outlay in words no label names, then the rate ("批复支出预算1824万元，实际执行
 * 支出预算1711万元，部门整体预算执行率为93.8%"), where the report states no budget elsewhere: the one pair of amounts
 * whose ratio is the printed rate is the rate's base and what was executed of it. The base of an execution rate is the
 * year's whole budget (全年预算数, the national 自评表's column), budget.adjusted.
 */
function budgetAndOutlay(s: string, hits: FigureHit[], of: Array<LabelHit | null>, rate: FigureHit, from: number, p: Passage, ctx: ProseContext): Candidate[] {
  const tol = rateTolerance(decimals(rate.text));
  const money = hits.map((h, i) => ({ h, l: of[i] })).filter(({ h, l }) => h.amount.kind === "money" && h.amount.value > 0 && h.start < rate.start && (l === null || l.entry.key === "budget.executed"));
  const pairs: Array<[FigureHit, FigureHit]> = [];
  for (let i = 0; i < money.length; i++) {
    for (let j = i + 1; j < money.length; j++) {
      const [a, b] = [money[i], money[j]];
      if (a.l !== null) continue;
      if (Math.abs((b.h.amount.value / a.h.amount.value) * 100 - rate.amount.value) <= tol) pairs.push([a.h, b.h]);
    }
  }
  // The rate of 100% fits any amount told twice (收入100万元…支出100万元): only a rate below it names its pair.
  if (pairs.length !== 1 || rate.amount.value >= 100) return [];
  const year = yearNamed(s.slice(0, pairs[0][0].start), ctx.fiscalYear);
  if (year === undefined || year !== ctx.fiscalYear) return [];
  return pairs[0].map((h, k) =>
    candidateFromHit(
      { key: k === 0 ? "budget.adjusted" : "budget.executed", year, prov: locate(p.segs, from + h.start, from + h.end), quote: sentenceAround(p.text, from + h.start, from + h.end), restated: false, confidence: "pattern", order: p.block * 100000 + from + h.start, project: ctx.projectName },
      "money",
      h,
    ),
  );
}

/** Words that tell a sentence states a budget (预算安排…项目共计113个，财政资金X万元). */
const RE_BUDGET_SENTENCE = /预算|安排|下达|批复/;

/**
 * The budget a report tells in words no label names, in a sentence of its own ("2023年预算安排我局专项资金项目共计
 * 113个，财政资金X万元"), when the report states its outlay and the execution rate but no budget: the one amount of a
 * budget sentence that the outlay is the rate of, to the rate's printed precision, is the rate's base, the year's whole
 * budget (budget.adjusted). Parts (其中…) and comparisons are passed over as bindConfirmedOutlay does.
 */
export function bindConfirmedBudget(ps: Passage[], ctx: ProseContext, cands: readonly Candidate[]): Candidate[] {
  const own = (key: string) => cands.filter((c) => c.key === key && !c.project && c.year === ctx.fiscalYear && c.value !== null);
  if (ctx.fiscalYear === null || own("budget.adjusted").length + own("budget.initial").length > 0) return [];
  const outlays = [...new Set(own("budget.executed").map((c) => c.value!))];
  const rates = own("budget.execution_rate");
  if (outlays.length !== 1 || new Set(rates.map((c) => c.value)).size !== 1 || rates[0].value! >= 100 || rates[0].value! <= 0) return [];
  const rate = rates[0];
  const tol = rateTolerance(rate.precision?.decimals ?? decimals(rate.text));
  const found: Candidate[] = [];
  for (const p of ps) {
    const text = maskText(p.text);
    for (const { s, at: from } of sentenceSpans(text)) {
      if (s.length > MAX_SENTENCE || !RE_BUDGET_SENTENCE.test(s)) continue;
      for (const h of scanFigures(s)) {
        if (h.amount.kind !== "money" || h.change || h.amount.value <= outlays[0] || isTargetFigure(s, h)) continue;
        if (Math.abs((outlays[0] / h.amount.value) * 100 - rate.value!) > tol) continue;
        const before = s.slice(0, h.start);
        if (RE_PART.test(before) || !RE_BUDGET_SENTENCE.test(before)) continue;
        const year = yearNamed(before, ctx.fiscalYear);
        if (year === undefined || year !== ctx.fiscalYear) continue;
        found.push(
          candidateFromHit(
            { key: "budget.adjusted", year, prov: locate(p.segs, from + h.start, from + h.end), quote: sentenceAround(p.text, from + h.start, from + h.end), restated: false, confidence: "pattern", order: p.block * 100000 + from + h.start, project: ctx.projectName },
            "money",
            h,
          ),
        );
      }
    }
  }
  // One amount (told once or more) fits; two different ones leave the budget unstated.
  return new Set(found.map((c) => c.value)).size === 1 ? found : [];
}
