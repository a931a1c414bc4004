/**
 * A table row whose cells a reader ran together: PDF text layers and web pages drop the space between adjacent cells
 * ("预算数 执行数 执行率 / 40004000100%" is 4000 | 4000 | 100%, "320.50318.00301.25" is three figures). Where to cut is
 * not printed, so a cut is taken only when the row's own arithmetic confirms it: the executed figure over a budget
 * figure is the rate the row prints (执行数 ÷ 预算数 = 执行率), and exactly one way of cutting says so.
 */
import { scanFigures, type FigureHit } from "./figures.js";
import type { LabelEntry } from "./labels.js";

/** One printed number: no leading zero but "0" and "0.x", thousands groups well formed, a % only at its end. */
const RE_PIECE = /^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?%?$/;
/** A blank cell of such a row. */
const RE_BLANK = /^[-—–－/]+$/;
/** A token no single cell prints: two decimal points, a % inside, or a rate beyond any execution (glued to a budget). */
function looksGlued(tok: string): boolean {
  if ((tok.match(/\./g)?.length ?? 0) >= 2) return true;
  if (/%./.test(tok)) return true;
  if (/%$/.test(tok) && Number(tok.replace(/[,%]/g, "")) > 1000) return true;
  return false;
}

/** How many cuttings of one token are worth weighing; past it the token is too ambiguous to cut. */
const MAX_CUTS = 2000;

/**
 * The ways a glued token cuts into 2..`max` well-formed pieces that `accept` allows; null when there are more than
 * MAX_CUTS (a partial list could make a wrong cutting look like the only one).
 */
export function cuts(tok: string, max: number, accept: (piece: string) => boolean = () => true): string[][] | null {
  const out: string[][] = [];
  let overflow = false;
  const walk = (at: number, acc: string[]) => {
    if (overflow) return;
    if (at === tok.length) {
      if (acc.length >= 2) out.push([...acc]);
      overflow = out.length > MAX_CUTS;
      return;
    }
    if (acc.length >= max) return;
    for (let e = at + 1; e <= tok.length; e++) {
      const piece = tok.slice(at, e);
      // A % ends its cell; what follows it is the next cell.
      if (piece.includes("%") && !piece.endsWith("%")) break;
      if (RE_PIECE.test(piece) && accept(piece)) walk(e, [...acc, piece]);
    }
  };
  walk(0, []);
  return overflow ? null : out;
}

const num = (s: string) => Number(s.replace(/[,%]/g, ""));
const decimals = (s: string) => s.replace(/%$/, "").split(".")[1]?.length ?? 0;

/**
 * Whether a row's cells, in column order, agree with themselves: an executed figure over a budget figure (adjusted
 * first, else initial) is the printed rate, to its printed precision.
 */
function confirmed(cells: Array<string | null>, cols: ReadonlyArray<LabelEntry | null>): boolean {
  const at = (key: string) => {
    const i = cols.findIndex((c) => c?.key === key);
    return i >= 0 && i < cells.length ? cells[i] : null;
  };
  const executed = at("budget.executed");
  const rate = at("budget.execution_rate");
  // Nothing spent at a 0% rate agrees with any budget: it confirms no cut.
  if (executed === null || rate === null || executed.endsWith("%") || !rate.endsWith("%") || num(executed) === 0 || num(rate) === 0) return false;
  const tol = 0.5 * 10 ** -decimals(rate) + 1e-9;
  for (const key of ["budget.adjusted", "budget.initial", "budget.received"]) {
    const b = at(key);
    if (b === null || b.endsWith("%") || num(b) === 0) continue;
    if (Math.abs((num(executed) / num(b)) * 100 - num(rate)) <= tol) return true;
  }
  return false;
}

/** The precisions money columns are printed to, most usual first. */
const FIXED_PLACES = [2, 4, 1, 3];

/** A piece of such a run: a rate (at most 1000 %, two decimals), an amount to `places` decimals, or a 分值/得分. */
function fixedPiece(p: string, places: number): boolean {
  if (p.endsWith("%")) return num(p) <= 1000 && decimals(p) <= 2;
  return decimals(p) === places || (num(p) <= 100 && decimals(p) <= 2);
}

/** Whether every money cell of a cutting has `places` decimals and every cell under no metric label is at most 100. */
function regular(cells: ReadonlyArray<string>, cols: ReadonlyArray<LabelEntry | null>, places: number): boolean {
  return cells.every((c, i) => RE_BLANK.test(c) || (cols[i]?.unitKind === "money" ? decimals(c) === places : cols[i] || num(c) <= 100));
}

/** The one cutting of a row's readings that its arithmetic confirms and `keep` allows; null when none or several. */
function onlyConfirmed(options: Array<string[][] | null>, cols: ReadonlyArray<LabelEntry | null>, keep: (cells: string[]) => boolean): string[][] | null {
  if (options.some((o) => o === null || o.length === 0)) return null;
  const opts = options as string[][][];
  let found: string[][] | null = null;
  let count = 0;
  const walk = (i: number, acc: string[][]) => {
    if (count > 1) return;
    const flat = acc.flat();
    if (flat.length > cols.length) return;
    if (i === opts.length) {
      if (confirmed(flat.map((s) => (RE_BLANK.test(s) ? null : s)), cols) && keep(flat)) {
        found = [...acc];
        count++;
      }
      return;
    }
    for (const o of opts[i]) walk(i + 1, [...acc, o]);
  };
  walk(0, []);
  return count === 1 ? found : null;
}

/** More tokens than any 自评表 row has columns: the run is no row. */
const MAX_TOKENS = 16;

/** The run of figure tokens from `from` (gaps: spaces and pipes); stops at the first other character. */
function runTokens(text: string, from: number, to: number): Array<{ tok: string; start: number }> {
  const out: Array<{ tok: string; start: number }> = [];
  const re = /[\s|]*([\d.,%]+|[-—–－/]+(?![\d.]))/y;
  re.lastIndex = from;
  for (let m = re.exec(text); m && re.lastIndex <= to && out.length < MAX_TOKENS; m = re.exec(text)) {
    out.push({ tok: m[1], start: re.lastIndex - m[1].length });
    // A figure run into a word ("9.47按执行率计分") ends the row there.
    if (re.lastIndex < to && !/[\s|]/.test(text[re.lastIndex]) && !/[\d.,%\-—–－/]/.test(text[re.lastIndex])) break;
  }
  return out;
}

/**
 * The row's figures with glued cells cut, when exactly one cutting is confirmed by the row's arithmetic; null when no
 * token looks glued or no single cutting is confirmed. `unit` is the row's declared unit for bare figures.
 */
export function unglueRow(text: string, from: number, to: number, cols: ReadonlyArray<LabelEntry | null>, unit: string | null): FigureHit[] | null {
  const toks = runTokens(text, from, to);
  // Blank cells after the figures are trailing columns left empty; a blank between figures hides which column it is.
  while (toks.length && RE_BLANK.test(toks[toks.length - 1].tok)) toks.pop();
  if (toks.some((t) => RE_BLANK.test(t.tok))) return null;
  if (!toks.some((t) => !RE_BLANK.test(t.tok) && looksGlued(t.tok))) return null;
  const readings = (accept?: (piece: string) => boolean) =>
    toks.map((t) => (RE_BLANK.test(t.tok) ? [[t.tok]] : looksGlued(t.tok) ? cuts(t.tok, cols.length, accept) : RE_PIECE.test(t.tok) ? [[t.tok]] : []));
  // Every token's readings: itself, or its cuts when it looks glued; exactly one cutting the arithmetic confirms.
  let found = onlyConfirmed(readings(), cols, () => true);
  // Long glued runs (2456.182456.182456.1810100%10) cut too many ways, several of them confirmed (2456.18 | 2456.18 |
  // 2456.1810 …). A form prints its money columns to one precision and its 分值/得分 cells at most 100: read the run
  // so, precisions tried most usual first (a 3-place reading of a 2-place run can confirm too: 456.181 ÷ 456.182 is
  // 100 % to the printed digit).
  for (const d of FIXED_PLACES) {
    if (found) break;
    found = onlyConfirmed(readings((p) => fixedPiece(p, d)), cols, (c) => regular(c, cols, d));
  }
  if (!found) return null;
  const out: FigureHit[] = [];
  (found as string[][]).forEach((pieces, i) => {
    let at = toks[i].start;
    for (const piece of pieces) {
      if (!RE_BLANK.test(piece)) {
        const h = scanFigures(piece, unit)[0];
        if (h && h.start === 0 && h.end === piece.length) out.push({ ...h, start: at, end: at + piece.length });
      }
      at += piece.length;
    }
  });
  return out;
}

/**
 * A row that marks its empty cells (年度资金总额 320.50 — 301.25 10 94.00% 9.40): each figure with its place, null for a
 * marked blank. Null when the row marks no blank before its last figure (it reads as printed) or a token is not one
 * figure.
 */
export function rowWithBlanks(text: string, from: number, to: number, unit: string | null): Array<FigureHit | null> | null {
  const toks = runTokens(text, from, to);
  while (toks.length && RE_BLANK.test(toks[toks.length - 1].tok)) toks.pop();
  if (!toks.some((t) => RE_BLANK.test(t.tok))) return null;
  const out: Array<FigureHit | null> = [];
  for (const t of toks) {
    if (RE_BLANK.test(t.tok)) {
      out.push(null);
      continue;
    }
    if (!RE_PIECE.test(t.tok) || looksGlued(t.tok)) return null;
    const h = scanFigures(t.tok, unit)[0];
    if (!h || h.start !== 0 || h.end !== t.tok.length) return null;
    out.push({ ...h, start: t.start, end: t.start + t.tok.length });
  }
  return out;
}

/**
 * A row a cell or more short whose rate prints left of the rate column (387664.62 | 387664.62 | 10 | 100% | 10 under
 * 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): forms leave leading cells empty (年初预算数 of a fund
 * arranged during the year) and pages drop empty cells, so the figures align right — the rate under 执行率. Which cell
 * was empty is not printed: the placing is taken only when its executed ÷ budget is the printed rate. Null otherwise.
 */
export function alignedByRate<T extends FigureHit>(row: readonly T[], cols: ReadonlyArray<LabelEntry | null>): Array<T | null> | null {
  const pc = cols.findIndex((c) => c?.unitKind === "percent");
  const pn = row.findIndex((h) => h.amount.kind === "percent");
  if (pc < 0 || pn < 0 || pn >= pc) return null;
  const placed: Array<T | null> = [...new Array<null>(pc - pn).fill(null), ...row];
  if (placed.length > cols.length) return null;
  return confirmed(placed.map((h) => h?.text ?? null), cols) ? placed : null;
}
