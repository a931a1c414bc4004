/**
 * "2022年支出76.36万元,其中基本支出76.36万元…": a bare 收入 or 支出 names no metric, but a figure after it that the
 * sentence goes on to split (其中 + parts of the same family) is that family's total. Weak (pattern): a labelled
 * total (总支出, 支出合计) wins.
 */
import { scanFigures, type FigureHit } from "./figures.js";
import { findLabels } from "./labels.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate, type FigureProvenance } from "./provenance.js";
import { maskText, type Passage, type ProseContext } from "./prose.js";
import { yearNamed } from "./years.js";

/**
 * The bare word, at a sentence's or clause's start, after an optional year: its family and total key. A sentence run on
 * without its stop (…其他资金859.6万元2023年支出…) starts again at a year right after a money unit.
 */
const RE_BARE_TOTAL = /(?:^|[。；;，,\s]|元(?=(?:19|20)\d{2}\s*年))((?:(?:19|20)\d{2}\s*年度?|全年|当年)?)(?:共|全年|实际)?(收入|支出)(?:共计|合计|总额|为|是|:|：|\s)*$/;
const FAMILY: Record<string, { total: string; prefix: string }> = {
  收入: { total: "income.total", prefix: "income." },
  支出: { total: "expenditure.total", prefix: "expenditure." },
};
/** A part named by the level of government (or other source) its money came from: 中央资金, 省级财政补助, 自筹资金. */
const RE_SOURCE_PART = /^(?:中央|省级|省|市级|市|县级|县|区级|地方|本级|上级|财政|其他|自筹)(?:财政)?(?:资金|补助|拨款|专项)/;
/** One source's money (中央资金共计…) is a part, not the project's sum. */
const RE_SOURCE_WORD_BEFORE = /(?:中央|省级|省|市级|县级|区级|地方|本级|上级|其他|自筹)(?:财政)?(?:专项)?资金[^，,。；;]{0,6}$/;
/** How the sentence goes on to split the figure. */
const RE_PARTS_NEXT = /^\s*[，,]?\s*其中\s*[:：]?\s*/;

/**
 * "1、收入:512.30万元" / "（二）支出：498.77万元": a department's 收入 or 支出 as a numbered field (or a line's own
 * label), its figure alone in the clause.
 */
const RE_FIELD_TOTAL = /(?:^|[。；;\n]|\d{1,2}[、．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\s*(?:本年|全年|年度)?(收入|支出)\s*[:：]\s*$/;

/**
 * A project's money told as one sum then split by its sources: "2023年项目资金共计1280万元，其中中央资金900万元…". The
 * sum of what every level put in is the year's budget of the project (budget.adjusted, as an allocation is); money
 * that arrived, was spent or carried over has its own words, which a catalogue label reads.
 */
const RE_FUND_SUM = /(?:^|[。；;，,\s])((?:(?:19|20)\d{2}\s*年度?)?)[\u4e00-\u9fa5]{0,16}?(?:项目)?资金(?:共计|合计|总额|总计|共|为|:|：|\s)*$/;
const RE_NOT_BUDGET = /到位|支出|使用|拨付|结余|结转|执行|兑付|发放|收到/;

export function bindTotalBeforeParts(p: Passage, ctx: ProseContext): Candidate[] {
  const text = maskText(p.text);
  const out: Candidate[] = [];
  const fundTotal = (t: string, h: FigureHit, before: string): Candidate | null => {
    const m = RE_FUND_SUM.exec(t.slice(Math.max(0, h.start - 30), h.start));
    if (!m || RE_NOT_BUDGET.test(m[0]) || RE_SOURCE_WORD_BEFORE.test(before.slice(-12))) return null;
    const next = RE_PARTS_NEXT.exec(t.slice(h.end, h.end + 8));
    if (!next || !RE_SOURCE_PART.test(t.slice(h.end + next[0].length, h.end + next[0].length + 20))) return null;
    const year = m[1] ? yearNamed(m[1], ctx.fiscalYear) : ctx.fiscalYear;
    if (year === undefined || year !== ctx.fiscalYear) return null;
    return candidateFromHit(
      { key: "budget.adjusted", year, prov: locate(p.segs, h.start, h.end), quote: p.text.slice(Math.max(0, h.start - 30), h.end + 40).trim(), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + h.start, project: ctx.projectName },
      "money",
      h,
    );
  };
  for (const h of scanFigures(text)) {
    if (h.amount.kind !== "money" || h.change) continue;
    const before = text.slice(Math.max(0, h.start - 16), h.start);
    const field = ctx.project ? null : RE_FIELD_TOTAL.exec(before);
    if (field && /^\s*(?:$|[，,。；;])/.test(text.slice(h.end, h.end + 2))) {
      out.push(
        candidateFromHit(
          { key: FAMILY[field[1]].total, year: ctx.fiscalYear, prov: locate(p.segs, h.start, h.end), quote: p.text.slice(Math.max(0, h.start - 16), h.end + 40).trim(), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + h.start, project: ctx.projectName },
          "money",
          h,
        ),
      );
      continue;
    }
    const fund = ctx.project ? fundTotal(text, h, before) : null;
    if (fund) {
      out.push(fund);
      continue;
    }
    const m = RE_BARE_TOTAL.exec(before);
    if (!m) continue;
    const next = RE_PARTS_NEXT.exec(text.slice(h.end, h.end + 8));
    if (!next) continue;
    const family = FAMILY[m[2]];
    const rest = text.slice(h.end + next[0].length, h.end + next[0].length + 20);
    // A project's 支出 split by where its money came from (其中中央资金…, 省级资金…) is the project's outlay.
    const outlay = ctx.project && m[2] === "支出" && RE_SOURCE_PART.test(rest);
    // The first label after 其中 must be a part of the same family (其中基本支出, 其中财政拨款收入).
    const first = findLabels(rest, { project: false })[0];
    if (!outlay && (!first || first.start > 2 || !first.entry.key.startsWith(family.prefix) || first.entry.key === family.total)) continue;
    const year = m[1] ? yearNamed(m[1], ctx.fiscalYear) : ctx.fiscalYear;
    if (year === undefined || year !== ctx.fiscalYear) continue;
    out.push(
      candidateFromHit(
        { key: outlay ? "budget.executed" : family.total, year, prov: locate(p.segs, h.start, h.end), quote: p.text.slice(Math.max(0, h.start - 16), h.end + 40).trim(), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + h.start, project: ctx.projectName },
        "money",
        h,
      ),
    );
  }
  return out;
}

/**
 * A score table's last row as flattened text: "总分 100 95.6", "合计 | 100 | 92.50", or one cell a line ("总分" "100"
 * "95.6", read from the passages' stream): the weights' total (exactly 100) and then the score. 合计/总计 only open a
 * row (收入合计 100 95 is no score row).
 */
const RE_SCORE_ROW = /(?:总分|总得分|(?<![\u4e00-\u9fa5])(?:合计|总计))\s*[:：|│]?\s*100(?:\.0{1,2})?\s*[|│]?\s+(\d{1,2}(?:\.\d{1,2})?|100(?:\.0{1,2})?)\s*分?(?![\d.%％万亿元])/dg;

/**
 * The grade the 总分 row prints after its score ("总分 100 93 优", one cell a line or a row a line), as the table
 * reader takes it from the cell after the score: a grade word standing alone.
 */
const RE_GRADE_AFTER = /^[\s|│]*(优秀|良好|合格|不合格|较差|一般|优|良|中|差)(?![\u4e00-\u9fa5])/;

/** Score rows of a text; `where` places a span of it (a passage's segments, or the passages' stream). */
export function bindScoreRows(text: string, where: (start: number, end: number) => FigureProvenance, ctx: ProseContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(RE_SCORE_ROW)) {
    const [start, end] = m.indices![1];
    const prov = where(start, end);
    out.push({
      key: "score.total", year: ctx.fiscalYear, value: Number(m[1]), unit: "分", text: m[1], precision: { decimals: m[1].split(".")[1]?.length ?? 0, scale: 1 },
      prov, quote: m[0].trim(), restated: false, confidence: "exact-label", order: (prov.block ?? 0) * 100000 + (prov.span?.start ?? 0), project: ctx.projectName,
    });
    const after = m.index + m[0].length;
    const g = RE_GRADE_AFTER.exec(text.slice(after, after + 12));
    if (!g) continue;
    const gEnd = after + g[0].length;
    const gProv = where(gEnd - g[1].length, gEnd);
    out.push({
      key: "score.grade", year: ctx.fiscalYear, value: null, unit: "text", text: g[1], precision: null,
      prov: gProv, quote: (m[0] + g[0]).trim(), restated: false, confidence: "pattern", order: (gProv.block ?? 0) * 100000 + (gProv.span?.start ?? 0), project: ctx.projectName,
    });
  }
  return out;
}
