/**
 * Table rows that reached us as one run of text: a header run of column labels glued together, a row label, then
 * the row's numbers ("(万元)资金来源年初预算数全年预算数全年执行数分值权重执行率得分年度资金总额5.28 1.96 1.96 10 100.00% 10").
 * This is what flattened web tables and PDF text layers look like once their cells lose their separators.
 */
import { findLabels, type LabelEntry } from "./labels.js";
import { scanFigures, type FigureHit } from "./figures.js";
import { RE_CN_NUM_CHARS } from "./cn-numerals.js";
import { unitInText } from "./cells.js";
import { candidateFromHit, compatible, type Candidate } from "./candidate.js";
import type { Passage, ProseContext } from "./prose.js";

const RE_ROLE = /年度指标值|指标值|实际完成值|完成值|分值权重|指标分值|分值|权重|指标得分|得分|偏差原因分析及改进措施|原因|资金来源|机构名称|项目名称/g;

interface Tok {
  start: number;
  end: number;
  entry: LabelEntry | null;
  rowHeader: boolean;
}

function tokens(text: string, project: boolean): Tok[] {
  const toks: Tok[] = findLabels(text, { project }).map((l) => ({ start: l.start, end: l.end, entry: l.entry, rowHeader: false }));
  for (const m of text.matchAll(RE_ROLE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (toks.some((t) => t.start < end && start < t.end)) continue;
    toks.push({ start, end, entry: null, rowHeader: /资金来源|机构名称|项目名称/.test(m[0]) });
  }
  return toks.sort((a, b) => a.start - b.start);
}

/**
 * Every character a run of figures separated by spaces or pipes can hold: digits, separators, signs, the units of
 * scanFigures and Chinese numerals. The run after `from` ends before the first other character, so scanning a few
 * characters past it (scanFigures looks at most five ahead of a figure) finds the same run as scanning the whole
 * rest of a long passage, which made this quadratic.
 */
const RE_RUN_CHAR = new RegExp(`[\\s|0-9,.，\\-−+%‰${RE_CN_NUM_CHARS}亿万千元人次名辆个百分点]`);
const RUN_LOOKAHEAD = 8;

function runEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length && RE_RUN_CHAR.test(text[e])) e++;
  return Math.min(text.length, e + RUN_LOOKAHEAD);
}

/** Numbers right after `from`, separated by spaces or pipes only. */
function numbersAfter(text: string, from: number, unit: string | null): FigureHit[] {
  const out: FigureHit[] = [];
  let at = from;
  for (const h of scanFigures(text.slice(from, runEnd(text, from)), unit)) {
    const gap = text.slice(at, from + h.start);
    if (!/^[\s|]*$/.test(gap)) break;
    out.push({ ...h, start: from + h.start, end: from + h.end });
    at = from + h.end;
  }
  return out;
}

export function bindInlineRows(p: Passage, ctx: ProseContext): Candidate[] {
  const text = p.text;
  // A row needs a figure after its labels (see `lab` below): without a digit there is nothing to find.
  if (!/[-\d]/.test(text)) return [];
  const toks = tokens(text, ctx.project);
  const out: Candidate[] = [];
  let k = 0;
  while (k < toks.length) {
    let e = k;
    while (e + 1 < toks.length && /^[\s|:：]*$/.test(text.slice(toks[e].end, toks[e + 1].start))) e++;
    let run = toks.slice(k, e + 1);
    k = e + 1;
    const last = run[run.length - 1];
    const projectRow = run.some((t) => t.rowHeader && /项目名称/.test(text.slice(t.start, t.end)));
    run = run.filter((t) => !t.rowHeader);
    if (run.filter((t) => t.entry).length < 1 || run.length < 2) continue;
    const after = text.slice(last.end);
    const lab = /^[\s|:：]*((?:[(（]\d{1,2}[)）]|[^\d\s|。，,；;(（]){0,20}?)[\s|:：]*(?=[-\d])/.exec(after);
    if (!lab || /^其中|[≥≤<>＜＞]|目标|以上|不低于/.test(lab[1])) continue;
    const project = projectRow && lab[1].length >= 3 && !/^(合计|总计|小计)/.test(lab[1]) ? lab[1] : ctx.projectName;
    const unit = unitInText(text.slice(Math.max(0, run[0].start - 40), run[0].start)) ?? unitInText(lab[1]);
    const nums = numbersAfter(text, last.end + lab[0].length, unit);
    const bind = (t: Tok, h: FigureHit) => {
      if (!t.entry || !compatible(t.entry.unitKind, h, true)) return;
      if (t.entry.unitKind === "money" && h.amount.kind !== "money") return;
      out.push(
        candidateFromHit(
          { key: t.entry.key, year: ctx.fiscalYear, page: p.page, quote: text.slice(run[0].start, Math.min(text.length, (nums[nums.length - 1]?.end ?? 0) + 1)).slice(0, 200), restated: false, confidence: 2, order: p.block * 100000 + h.start, project, partial: t.entry.partial },
          t.entry.unitKind,
          h,
        ),
      );
    };
    if (nums.length >= 2) run.forEach((t, j) => nums[j] && bind(t, nums[j]));
    else if (nums.length === 1) {
      // One figure under several columns: only a column whose unit kind alone fits it (a lone rate under 执行率).
      const fits = run.filter((t) => t.entry && t.entry.unitKind === "percent" && nums[0].amount.kind === "percent");
      if (fits.length === 1) bind(fits[0], nums[0]);
    }
  }
  return out;
}
