/**
 * The funds block of the national 转移支付区域绩效自评表 (and the provinces' copies of it): columns named by letters,
 * 行次 全年预算数(A) | 统筹整合资金数(B) | 扣除统筹整合资金后预算金额(C) | 全年到位资金(D) | 预算到位(D/C×100%) |
 * 全年执行资金(E) | 预算执行(E/C×100%), a 列次 row numbering them, then 年度资金总额 with its 行次 and figures. Most of its
 * headers are no metric labels, and a reader that flattens it puts each header and marker on a line of its own, so it is
 * read here by its letters: A the year's budget, D what arrived, E what was spent, E/C the execution rate. The
 * 统筹整合 column (B) is filled only where a county pooled funds: a row one figure short has left it blank; a row
 * short in any other way is not read.
 */
import { scanFigures, type FigureHit } from "./figures.js";
import { unitInText } from "./cells.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import type { FigureProvenance } from "./provenance.js";

const RE_HEAD = /全年预算数\s*[(（]\s*A\s*[)）]/;
/** A header and its letter marker: "全年到位资金 (D)", "预算执行 (E/C×100%)". */
const RE_COLUMN = /([\u4e00-\u9fa5]{2,16}?)\s*[(（]\s*([A-H])(?:\s*[/／]\s*([A-H]))?\s*(?:[×*]\s*100\s*%)?\s*[)）]/g;
const RE_ROW = /年度资金总额\s*(?:[(（](?:单位[:：])?(万元|元|亿元)[)）])?\s*[:：]?\s*/;
const HEAD_REACH = 400;
const ROW_REACH = 300;

interface Column {
  letter: string;
  /** The letter it is divided by (a rate column), or null. */
  over: string | null;
  header: string;
}

/** What each column of the template states. */
function keyOf(c: Column): { key: string; kind: "money" | "percent" } | null {
  if (!c.over && c.letter === "A" && /预算/.test(c.header)) return { key: "budget.adjusted", kind: "money" };
  if (!c.over && /到位/.test(c.header)) return { key: "budget.received", kind: "money" };
  if (!c.over && /执行/.test(c.header)) return { key: "budget.executed", kind: "money" };
  if (c.over && /执行/.test(c.header)) return { key: "budget.execution_rate", kind: "percent" };
  return null;
}

/** Candidates of the template's 年度资金总额 row in `text` (a passage stream), placed by `where`. */
export function bindTransferTable(text: string, where: (start: number, end: number) => FigureProvenance, ctx: { fiscalYear: number | null; projectName?: string }): Candidate[] {
  const out: Candidate[] = [];
  const head = RE_HEAD.exec(text);
  if (!head) return out;
  const cols: Column[] = [];
  const headEnd = Math.min(text.length, head.index + HEAD_REACH);
  let lastEnd = head.index;
  RE_COLUMN.lastIndex = head.index;
  for (let m = RE_COLUMN.exec(text); m && m.index < headEnd; m = RE_COLUMN.exec(text)) {
    cols.push({ letter: m[2], over: m[3] ?? null, header: m[1] });
    lastEnd = m.index + m[0].length;
  }
  if (cols.length < 3 || cols[0].letter !== "A") return out;
  const row = RE_ROW.exec(text.slice(lastEnd, lastEnd + ROW_REACH));
  if (!row) return out;
  const unit = row[1] ?? unitInText(text.slice(Math.max(0, head.index - 60), head.index + 20));
  if (!unit) return out;
  const rowStart = lastEnd + row.index;
  let at = rowStart + row[0].length;
  // The row's 行次 ("1") before its figures, when the form numbers its rows.
  const serial = /^1\s+/.exec(text.slice(at, at + 4));
  if (serial && /行次/.test(text.slice(Math.max(0, head.index - 10), head.index + 10))) at += serial[0].length;
  const figures: FigureHit[] = [];
  let from = at;
  for (const h of scanFigures(text.slice(at, at + 200), unit)) {
    if (text.slice(from, at + h.start).trim() !== "") break;
    figures.push({ ...h, start: at + h.start, end: at + h.end });
    from = at + h.end;
  }
  let used = cols;
  if (figures.length === cols.length - 1 && cols.some((c) => c.letter === "B" && !c.over)) used = cols.filter((c) => !(c.letter === "B" && !c.over));
  else if (figures.length !== cols.length) return out;
  used.forEach((c, k) => {
    const target = keyOf(c);
    const h = figures[k];
    if (!target || !h) return;
    if (target.kind === "percent" ? h.amount.kind !== "percent" : h.amount.kind !== "money") return;
    const prov = where(h.start, h.end);
    out.push(
      candidateFromHit(
        { key: target.key, year: ctx.fiscalYear, prov, quote: text.slice(rowStart, Math.min(text.length, from + 1)).replace(/\s+/g, " ").slice(0, 200), restated: false, confidence: "table-template", order: (prov.block ?? 0) * 100000 + k, project: ctx.projectName },
        target.kind,
        h,
      ),
    );
  });
  return out;
}
