/**
 * Table rows that reached us as one run of text: a header run of column labels glued together, a row label, then
 * the row's numbers ("(万元)资金来源年初预算数全年预算数全年执行数分值权重执行率得分年度资金总额5.28 1.96 1.96 10 100.00% 10").
 * This is what flattened web tables and PDF text layers look like once their cells lose their separators.
 */
import { labelOccurrences, type LabelEntry } from "./labels.js";
import { scanFigures, type FigureHit } from "./figures.js";
import { parseAmount } from "./amount.js";
import { RE_CN_NUM_CHARS } from "./cn-numerals.js";
import { MONEY_UNITS, UNITS } from "./vocab/units.js";
import { unitInText } from "./cells.js";
import { candidateFromHit, compatible, type Candidate, type Confidence } from "./candidate.js";
import { locate, type FigureProvenance } from "./provenance.js";
import { newWordHits, WordList, WordOccurrences } from "./words.js";
import type { Passage, ProseContext } from "./prose.js";
import { RE_BOND_KIND_CELL } from "./bond-table.js";
import { alignedByRate, rowWithBlanks, unglueRow } from "./glued-cells.js";

/** Column words that are not metric labels, in the order a regex alternation of them would try them. */
const ROLE_WORDS = new WordList([
  "年度指标值", "指标值", "实际完成值", "完成值", "分值权重", "指标分值", "分值", "权重", "指标得分", "得分",
  "偏差原因分析及改进措施", "原因", "资金来源", "机构名称", "项目名称",
]);
/** Role words from this index on head a row (资金来源, 机构名称, 项目名称); the last one names projects. */
const FIRST_ROW_HEADER = 12;
const PROJECT_NAME = 14;

/** A text whose label and column-word occurrences are found once, for every window bindRows reads of it. */
export interface RowText {
  text: string;
  labels: WordOccurrences;
  entries: LabelEntry[];
  roles: WordOccurrences;
  /** numbersAfter answers by position, end of the scanned slice and unit: overlapping runs read the same rows. */
  numbers: Map<number, FigureHit[]>;
  /** Where text[start, end) was printed. */
  where: (start: number, end: number) => FigureProvenance;
}

export function rowText(text: string, project: boolean, where: RowText["where"]): RowText {
  const { occurrences, entries } = labelOccurrences(text, { project });
  return { text, labels: occurrences, entries, roles: new WordOccurrences(ROLE_WORDS, text), numbers: new Map(), where };
}

/**
 * Per code unit, whether a one-character regex class accepts it, filled on first sight (the classes hold \s, whose
 * members are easier to ask the regex about than to list).
 */
function charClass(re: RegExp): (code: number) => boolean {
  const known = new Int8Array(65536);
  return (code) => {
    const k = known[code];
    if (k) return k > 0;
    const yes = re.test(String.fromCharCode(code));
    known[code] = yes ? 1 : -1;
    return yes;
  };
}

const isGlue = charClass(/^[\s|:：]$/);
const isGap = charClass(/^[\s|]$/);
/**
 * Every character a run of figures separated by spaces or pipes can hold: digits, separators, signs, the units of
 * scanFigures and Chinese numerals. The run after `from` ends before the first other character, so scanning a few
 * characters past it (scanFigures looks at most five ahead of a figure) finds the same run as scanning the whole
 * rest of a long passage, which made this quadratic.
 */
const UNIT_CHARS = [...new Set([...UNITS.units, ...UNITS.multipliers.map((m) => ({ unit: m.word }))].flatMap((u) => [...u.unit]))].join("");
const isRunChar = charClass(new RegExp(`^[\\s|0-9,.，\\-−+%‰${RE_CN_NUM_CHARS}${UNIT_CHARS}]$`));
const RUN_LOOKAHEAD = 8;

function all(text: string, from: number, to: number, accept: (code: number) => boolean): boolean {
  for (let i = from; i < to; i++) if (!accept(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A column's marker after its header: the formula letters of the national 自评表 templates ("年初预算数(A)",
 * "执行率(B/A)", "预算执行(E/C×100%)") or the column's unit ("(万元)"). It belongs to the header before it, so it
 * does not end a run of headers.
 */
const RE_COLUMN_MARKER = /^[(（](?:[A-Z](?:\s*[/×*÷+\-－＋／]\s*[A-Z])?(?:\s*[×*]\s*100\s*%)?|(?:单位[:：])?(?:万元|元|亿元|%))[)）]/;
const MARKER_MAX = 16;

/** Length of the column marker at `at`, 0 when there is none. */
function markerAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c !== 0x28 && c !== 0xff08) return 0;
  const m = RE_COLUMN_MARKER.exec(text.slice(at, at + MARKER_MAX));
  return m ? m[0].length : 0;
}

/**
 * A header's noun ending that no label carries (全年实际支出数, 年初预算金额, 全年执行金额): part of the header before it,
 * so it does not end a run of headers.
 */
const RE_HEADER_SUFFIX = /^(?:数|金额|额)/;

/** Whether text[from, to) only glues two headers: separators and column markers. */
function glued(text: string, from: number, to: number): boolean {
  const suffix = RE_HEADER_SUFFIX.exec(text.slice(from, Math.min(to, from + 2)));
  if (suffix) from += suffix[0].length;
  for (let i = from; i < to; ) {
    if (isGlue(text.charCodeAt(i))) i++;
    else {
      const n = markerAt(text, i);
      if (n === 0 || i + n > to) return false;
      i += n;
    }
  }
  return true;
}

/** The end of the separators and column markers from `at` (the row label starts there). */
function pastMarkers(text: string, at: number, to: number): number {
  for (let i = at; i < to; ) {
    if (isGlue(text.charCodeAt(i))) i++;
    else {
      const n = markerAt(text, i);
      if (n === 0) return i;
      i += n;
    }
  }
  return to;
}

/** Units a row may declare (money), as indices for the numbersAfter cache key. */
const ROW_UNITS: Array<string | null> = [null, ...MONEY_UNITS.map((u) => u.unit)];

/** Numbers right after `from` (and before `end`), separated by spaces or pipes only. */
function numbersAfter(rt: RowText, from: number, end: number, unit: string | null): FigureHit[] {
  const text = rt.text;
  let e = from;
  while (e < end && isRunChar(text.charCodeAt(e))) e++;
  const to = Math.min(end, e + RUN_LOOKAHEAD);
  const u = ROW_UNITS.indexOf(unit);
  const key = u >= 0 && to - from < 4096 ? (from * 4096 + to - from) * 8 + u : -1;
  const cached = rt.numbers.get(key);
  if (cached) return cached;
  const out: FigureHit[] = [];
  let at = from;
  for (const h of scanFigures(text.slice(from, to), unit)) {
    if (!all(text, at, from + h.start, isGap)) break;
    h.start += from;
    h.end += from;
    out.push(h);
    at = h.end;
  }
  if (key >= 0) rt.numbers.set(key, out);
  return out;
}

/** A figure printed with its own unit (not the row's declared one). */
const RE_OWN_UNIT = /[元%％‰万亿分人]/;
const RE_ROW_LABEL = /^[\s|:：]*((?:[(（]\d{1,2}[)）]|[^\d\s|。，,；;(（]){0,20}?)[\s|:：]*(?=[-\d])/;
/** Not a row's name: a part (其中), a target, or the 债券性质 cell of a bond table (its name stands before it). */
const RE_NOT_ROW = /^其中|[≥≤<>＜＞]|目标|以上|不低于/;

/** A form's declared unit ("单位：万元" in the header of a 自评表), the last one before a row's headers. */
const RE_FORM_UNIT = new RegExp(`单位\\s*[:：]\\s*(${MONEY_UNITS.map((u) => u.unit).sort((x, y) => y.length - x.length).join("|")})`, "g");
/** How far above its rows a form declares its unit: the form's title block and its first fields. */
const FORM_UNIT_REACH = 800;

function formUnit(text: string, at: number): string | null {
  let unit: string | null = null;
  for (const m of text.slice(Math.max(0, at - FORM_UNIT_REACH), at).matchAll(RE_FORM_UNIT)) unit = m[1];
  return unit;
}

/**
 * A money unit marked between the last header and the row label ("… 执行率 得分\n(万元) 年度资金总额 29 29 …"): the
 * header column of the national 自评表 (项目资金 / (万元)) flattened after the column headers. After a money header it may
 * be that column's own marker, which the row's money columns share in these forms anyway; after a rate or score
 * column it can only be the row's.
 */
function unitBetween(text: string, from: number, to: number): string | null {
  return to > from ? unitInText(text.slice(from, to)) : null;
}

/**
 * An execution rate printed as a fraction (0.958 under 执行率, meaning 95.8 %), read as percent only when the row's own
 * figures confirm it: executed ÷ budget (全年预算数, else 年初预算数) equals it within one unit of its last printed digit
 * (forms truncate as often as they round). A bare figure the arithmetic does not confirm stays as printed.
 */
function asPercentWhereConfirmed<T extends FigureHit | null>(row: T[], cols: Array<LabelEntry | null>): T[] {
  if (row.length !== cols.length) return row;
  const at = (key: string) => {
    const i = cols.findIndex((c) => c?.key === key && !c.partial);
    const h = i >= 0 ? row[i] : null;
    return h && h.amount.kind === "money" ? h.amount.value : null;
  };
  const executed = at("budget.executed");
  const bases = [at("budget.adjusted"), at("budget.initial")].filter((v): v is number => v !== null && v > 0);
  if (executed === null || bases.length === 0) return row;
  return row.map((h, i) => {
    if (!h || cols[i]?.key !== "budget.execution_rate" || !/^[\d.]+$/.test(h.text)) return h;
    // A bare figure in a row declared in 万元 was read as money, and amounts keep hundredths: the printed digits count.
    const v = Number(h.text);
    const d = h.text.split(".")[1]?.length ?? 0;
    if (!(v > 0 && v <= 1) || (d < 2 && v !== 1)) return h;
    const tol = d < 2 ? 1e-9 : 10 ** -d + 1e-9;
    if (!bases.some((base) => Math.abs(executed / base - v) <= tol)) return h;
    const pct = parseAmount(`${(v * 100).toFixed(Math.max(0, d - 2))}%`);
      return pct ? { ...h, amount: pct } : h;
  });
}

/** Tokens of one window (labels, and column words no label overlaps), by start: reused between calls. */
const toks = { start: [] as number[], end: [] as number[], entry: [] as (LabelEntry | null)[], role: [] as number[], n: 0 };
const labelHits = newWordHits();
const roleHits = newWordHits();

function windowTokens(rt: RowText, a: number, b: number): void {
  labelHits.n = 0;
  roleHits.n = 0;
  rt.labels.window(a, b, labelHits);
  rt.roles.window(a, b, roleHits);
  toks.n = 0;
  const push = (start: number, end: number, entry: LabelEntry | null, role: number) => {
    toks.start[toks.n] = start;
    toks.end[toks.n] = end;
    toks.entry[toks.n] = entry;
    toks.role[toks.n] = role;
    toks.n++;
  };
  let li = 0;
  let over = 0;
  for (let r = 0; r < roleHits.n; r++) {
    const rs = roleHits.start[r];
    // Labels are sorted and disjoint: the first one ending after rs is the only one that can overlap this word.
    while (over < labelHits.n && labelHits.end[over] <= rs) over++;
    if (over < labelHits.n && labelHits.start[over] < roleHits.end[r]) continue;
    for (; li < labelHits.n && labelHits.start[li] < rs; li++) push(labelHits.start[li], labelHits.end[li], rt.entries[labelHits.word[li]], -1);
    push(rs, roleHits.end[r], null, roleHits.word[r]);
  }
  for (; li < labelHits.n; li++) push(labelHits.start[li], labelHits.end[li], rt.entries[labelHits.word[li]], -1);
}

const beforeHits = newWordHits();
/** How far back a header word before a window is looked for (the longest column word, with its marker). */
const HEADER_REACH = 40;

/** Whether a label or column word ends right before `at`, separators and column markers aside. */
function headerEndsAt(rt: RowText, at: number): boolean {
  const from = Math.max(0, at - HEADER_REACH);
  for (const occ of [rt.labels, rt.roles]) {
    beforeHits.n = 0;
    occ.window(from, at, beforeHits);
    for (let i = 0; i < beforeHits.n; i++) if (beforeHits.end[i] <= at && glued(rt.text, beforeHits.end[i], at)) return true;
  }
  return false;
}

/**
 * Candidates of the rows in rt.text[a, b), appended to `out`, exactly as if that window were the whole passage
 * (a passage, or a run of flattened cells starting at passage `p`). `confidence` is the candidates' confidence.
 */
export function bindRows(rt: RowText, a: number, b: number, p: Passage, ctx: ProseContext, confidence: Confidence, out: Candidate[], covered = false): void {
  const text = rt.text;
  // A window that starts inside a header run ("项目名称" "全年预算数" … read from its second cell) would bind the rows
  // to the wrong columns and lose the row headers; when the caller says a window starting before it reads this one too
  // (`covered`), that window reads the run from its first cell.
  const continued = covered && a > 0 && headerEndsAt(rt, a);
  windowTokens(rt, a, b);
  const n = toks.n;
  let k = 0;
  while (k < n) {
    let e = k;
    while (e + 1 < n && glued(text, toks.end[e], toks.start[e + 1])) e++;
    const first = k;
    k = e + 1;
    if (first === 0 && continued && glued(text, a, toks.start[0])) continue;
    // The row's columns: its tokens but the row headers (资金来源, 项目名称 …).
    let columns = 0;
    let labelled = 0;
    let head = -1;
    let projectRow = false;
    for (let j = first; j <= e; j++) {
      if (toks.role[j] >= FIRST_ROW_HEADER) {
        if (toks.role[j] === PROJECT_NAME) projectRow = true;
        continue;
      }
      if (head < 0) head = j;
      columns++;
      if (toks.entry[j]) labelled++;
    }
    if (labelled < 1 || columns < 2) continue;
    const lastEnd = pastMarkers(text, toks.end[e], b);
    const lab = RE_ROW_LABEL.exec(text.slice(lastEnd, b));
    if (!lab || RE_NOT_ROW.test(lab[1]) || RE_BOND_KIND_CELL.test(lab[1])) continue;
    const project = projectRow && lab[1].length >= 3 && !/^(合计|总计|小计)/.test(lab[1]) ? lab[1] : ctx.projectName;
    const headStart = toks.start[head];
    // The table's unit may stand before its headers, inside the row label, between the header run and the row label
    // (a form's left column "项目资金(万元)" printed as its own cell after the headers), or above the form.
    const unit =
      unitInText(text.slice(Math.max(a, headStart - 40), headStart)) ?? unitInText(lab[1]) ?? unitBetween(text, toks.end[e], lastEnd) ?? formUnit(text, headStart);
    const numStart = lastEnd + lab[0].length;
    const rowCols: Array<LabelEntry | null> = [];
    for (let j = head; j <= e; j++) if (toks.role[j] < FIRST_ROW_HEADER) rowCols.push(toks.entry[j]);
    // Cells run together ("40004000100%") are cut where the row's own arithmetic says; otherwise read as printed.
    const nums = asPercentWhereConfirmed(unglueRow(text, numStart, b, rowCols, unit) ?? numbersAfter(rt, numStart, b, unit), rowCols);
    if (nums.length === 0) continue;
    const bind = (entry: LabelEntry | null, found: FigureHit, project: string | undefined, quote: string) => {
      // A bare figure under a rate or score column is not in the row's money unit ("单位：万元" … 自评得分 95).
      const h = entry && entry.unitKind !== "money" && found.amount.kind === "money" && !RE_OWN_UNIT.test(found.text) ? { ...found, amount: parseAmount(found.text) ?? found.amount } : found;
      if (!entry || !compatible(entry.unitKind, h, true)) return;
      if (entry.unitKind === "money" && h.amount.kind !== "money") return;
      out.push(
        candidateFromHit(
          { key: entry.key, year: ctx.fiscalYear, prov: rt.where(h.start, h.end), quote, restated: false, confidence, order: p.block * 100000 + h.start - a, project, partial: entry.partial },
          entry.unitKind,
          h,
        ),
      );
    };
    const bindRow = (row: FigureHit[], project: string | undefined) => {
      const quote = text.slice(headStart, Math.min(b, row[row.length - 1].end + 1)).slice(0, 200);
      const cols = rowCols;
      // More figures than columns: the header run read is not the row's whole header (a header word went unread). Its
      // columns hold only when each rate the row prints falls under a rate column and each rate column gets a rate.
      if (row.length > cols.length && !row.every((h, col) => col >= cols.length || (h.amount.kind === "percent") === (cols[col]?.unitKind === "percent") || (cols[col] === null && h.amount.kind !== "percent"))) return;
      if (row.length < cols.length) {
        // A blank cell: which one is not printed. Trailing blanks (分值, 得分 left empty) keep the leading columns in
        // place; a rate printed with its % sign shows where the rate column is, and when it is not where the figures
        // before it would put it, a blank came earlier: no column can be trusted unless the row's arithmetic places
        // them (alignedByRate). A bare figure is no rate here.
        const pc = cols.findIndex((c) => c?.unitKind === "percent");
        const pn = row.findIndex((h) => h.amount.kind === "percent");
        if (pn >= 0 && pn !== pc) {
          alignedByRate(row, cols)?.forEach((h, col) => h && bind(cols[col], h, project, quote));
          return;
        }
        for (let col = 0; col < row.length; col++) if (!(cols[col]?.unitKind === "percent" && row[col].amount.kind !== "percent")) bind(cols[col], row[col], project, quote);
        return;
      }
      for (let col = 0; col < row.length; col++) bind(cols[col], row[col], project, quote);
    };
    // Empty cells marked (—, /) keep the columns of the figures after them in place.
    const blanks = rowWithBlanks(text, numStart, b, unit);
    const marked = blanks && asPercentWhereConfirmed(blanks, rowCols);
    if (marked && marked.length <= rowCols.length) {
      const quote = text.slice(headStart, Math.min(b, nums[nums.length - 1].end + 1)).slice(0, 200);
      const fits = (h: FigureHit | null, col: number) => !h || (h.amount.kind === "percent" ? rowCols[col]?.unitKind === "percent" : rowCols[col]?.unitKind !== "percent" || h.amount.kind === "plain");
      if (marked.every(fits)) marked.forEach((h, col) => h && bind(rowCols[col], h, project, quote));
      continue;
    }
    if (nums.length >= 2) {
      bindRow(nums, project);
      // A table of projects goes on row by row ("A项目 50 48 96% 95 B项目 30 30 100% 98"): each row is its project's.
      let at = nums[nums.length - 1].end;
      while (projectRow) {
        const next = RE_ROW_LABEL.exec(text.slice(at, b));
        if (!next || next[1].length < 3 || RE_NOT_ROW.test(next[1]) || /^(合计|总计|小计)/.test(next[1])) break;
        const row = numbersAfter(rt, at + next[0].length, b, unit);
        if (row.length < 2) break;
        bindRow(row, next[1]);
        at = row[row.length - 1].end;
      }
    } else if (nums[0].amount.kind === "percent") {
      // One figure under several columns: only a column whose unit kind alone fits it (a lone rate under 执行率).
      let fit: LabelEntry | null = null;
      let fits = 0;
      for (let j = head; j <= e; j++) {
        const entry = toks.entry[j];
        if (entry && entry.unitKind === "percent") {
          fit = entry;
          fits++;
        }
      }
      if (fits === 1) bind(fit, nums[0], project, text.slice(headStart, Math.min(b, nums[0].end + 1)).slice(0, 200));
    }
  }
}

export function bindInlineRows(p: Passage, ctx: ProseContext): Candidate[] {
  const out: Candidate[] = [];
  // A row needs a figure after its labels (see RE_ROW_LABEL): without a digit there is nothing to find.
  if (/[-\d]/.test(p.text)) bindRows(rowText(p.text, ctx.project, (s, e) => locate(p.segs, s, e)), 0, p.text.length, p, ctx, "exact-label", out);
  return out;
}
