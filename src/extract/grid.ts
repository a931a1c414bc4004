/**
 * Binding figures in tables: a header row's labels give the columns of the value row under it (年初预算数 | 全年预算数 |
 * 全年执行数 … over 年度资金总额 | 43.2 | 43.2 | 37.24), and a label cell gives the value cell right of it (人员编制 | 21).
 * Works on real tables (row/column known) and on flattened ones (one cell per line, pipes, space-separated rows), where
 * header cells cut in two ("年初" / "预算数") are joined back when only the join is a known header.
 */
import { parseAmount } from "./amount.js";
import type { StreamCell } from "./cells.js";
import { cellProvenance, unitInText } from "./cells.js";
import { columnRole, LEXICON, matchLabel, type ColumnRole, type LabelEntry } from "./labels.js";
import { candidateFromHit, compatible, type Candidate, type Confidence } from "./candidate.js";
import { isRestated } from "./years.js";
import type { FigureHit } from "./figures.js";
import { scanFigures } from "./figures.js";
import { isAmountHeader } from "./vocab/project-names.js";
import { isTargetFigure } from "./prose.js";
import { RE_BOND_KIND_CELL } from "./bond-table.js";
import { outturnColumn } from "./outturn-column.js";

export interface Header {
  text: string;
  role: ColumnRole | null;
  entry: LabelEntry | null;
  cells: number[];
  col: number | null;
}

export interface GridContext {
  fiscalYear: number | null;
  project: boolean;
}

function recognise(text: string, ctx: GridContext, exactOnly = false): Pick<Header, "role" | "entry"> | null {
  const role = columnRole(text);
  if (role) return { role, entry: null };
  const m = matchLabel(text, { project: ctx.project });
  if (m && (m.exact || !exactOnly)) return { role: null, entry: m.entry };
  return null;
}

/** A project's score, as a table of projects prints it in a 得分/自评分 column. */
const PROJECT_SCORE: LabelEntry = LEXICON.find((e) => e.key === "score.total")!;
/** A project's budget, as a table of projects or allocations prints it under 金额/下达资金. */
const PROJECT_BUDGET: LabelEntry = LEXICON.find((e) => e.key === "budget.initial")!;

/** A grade as a cell prints it. */
const RE_GRADE_CELL = /^\s*(优秀|良好|合格|不合格|优|良|中|差|较差|一般)\s*$/;

function isPartRow(label: string): boolean {
  return /^(其中|[（(]?\d+[)）]|财政专户|单位资金|其他资金|上年结转资金|地方财政资金|中央财政资金|当年财政拨款|财政资金)/.test(label);
}

/** A row's 序号 cell: a bare whole number of at most three digits. */
function isSerial(c: StreamCell): boolean {
  return !!c.figure && c.figure.amount.kind === "plain" && /^\d{1,3}$/.test(c.text.trim());
}

/** Header cells before index `end`, walking back over a flattened header, with split cells joined. */
function headerRunBefore(cells: StreamCell[], end: number, ctx: GridContext): { headers: Header[]; unit: string | null; rowHeader: string | null } {
  const run: number[] = [];
  let unit: string | null = null;
  for (let i = end - 1; i >= 0 && run.length < 18; i--) {
    const c = cells[i];
    // The row's 序号 ("1" before "农机购置补贴") stands between the header and the row's name.
    if (i === end - 1 && isSerial(c) && i > 0 && !cells[i - 1].figure) continue;
    if (c.figure) break;
    if (c.empty) continue;
    if (c.text.length > 25 || /[。；]/.test(c.text)) break;
    const u = unitInText(c.text);
    if (u) {
      unit = u;
      if (!recognise(c.text, ctx)) break;
    }
    if (/^其中[:：]?$/.test(c.text)) continue;
    run.unshift(i);
  }
  const headers: Header[] = [];
  for (let k = 0; k < run.length; k++) {
    const a = cells[run[k]].text;
    const ra = recognise(a, ctx);
    const b = k + 1 < run.length ? cells[run[k + 1]].text : null;
    if (b !== null) {
      const rab = recognise(a + b, ctx, true);
      if (rab && (!ra || (ra.role === null && ra.entry && rab.entry && rab.entry.key !== ra.entry.key && !recognise(b, ctx)))) {
        headers.push({ text: a + b, ...rab, cells: [run[k], run[k + 1]], col: null });
        k++;
        continue;
      }
    }
    headers.push({ text: a, role: ra?.role ?? null, entry: ra?.entry ?? null, cells: [run[k]], col: null });
  }
  let rowHeader: string | null = null;
  while (headers.length && (headers[0].role === "rowHeader" || (!headers[0].role && !headers[0].entry && !/^(合计|小计|总计)$/.test(headers[0].text)))) {
    if (headers[0].role === "rowHeader") rowHeader = headers[0].text;
    headers.shift();
  }
  if (unit === null) {
    for (let i = end - 1; i >= Math.max(0, end - 60); i--) {
      const u = unitInText(cells[i].text);
      if (u) {
        unit = u;
        break;
      }
    }
  }
  return { headers, unit, rowHeader };
}

function withUnit(h: FigureHit, unit: string | null, text: string): FigureHit | null {
  // A money cell with its own bare multiplier ("3359.62万" under 全年预算数): 万元 as printed, whatever the table declares.
  if (h.amount.kind === "plain" && h.amount.scale > 1) {
    const amount = parseAmount(`${h.text}元`);
    return amount && amount.kind === "money" ? { ...h, amount } : h;
  }
  if (h.amount.kind !== "plain" || !unit) return h;
  return scanFigures(text, unit)[0] ?? null;
}

/** A rate under a money column, or money printed with its unit under a rate column. */
function misplaced(entry: LabelEntry | null, f: FigureHit | null): boolean {
  if (!entry || !f) return false;
  return entry.unitKind === "percent" ? f.amount.kind === "money" && /[元万亿]/.test(f.text) : entry.unitKind === "money" && f.amount.kind === "percent";
}

/** Whether every rate a row prints falls under a rate column, where the header has one. */
function ratesPlaced(figs: StreamCell[], entryOf: (c: StreamCell) => LabelEntry | null, hasRate: boolean): boolean {
  const rates = figs.filter((c) => c.figure!.amount.kind === "percent");
  return !hasRate || rates.length === 0 || rates.every((c) => entryOf(c)?.unitKind === "percent");
}

/** A cell telling how far a target was met (已完成100%, 完成, 基本完成): the figure before it was the target. */
const RE_COMPLETION_CELL = /^(?:已|均已|全部|基本)?(?:完成|达成|实现)/;

const RE_WEIGHTED_INDICATOR = /[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$/;

/** Candidates from header/value alignment and label→value pairs in one stream of cells. */
export function bindCells(cells: StreamCell[], ctx: GridContext): { candidates: Candidate[]; consumed: Set<number> } {
  const out: Candidate[] = [];
  const consumed = new Set<number>();
  const emit = (entry: LabelEntry, cellIdx: number, h: FigureHit, confidence: Confidence, unit: string | null, year = ctx.fiscalYear, project?: string) => {
    const c = cells[cellIdx];
    const hit = entry.unitKind === "money" ? withUnit(h, unit ?? c.unit, c.text) : h;
    if (!hit || !compatible(entry.unitKind, hit, true)) return;
    if (entry.unitKind === "money" && hit.amount.kind !== "money") return;
    out.push(
      candidateFromHit(
        { key: entry.key, year, prov: cellProvenance(c, hit), quote: c.line.slice(0, 200), restated: isRestated(year, ctx.fiscalYear), confidence, order: c.block * 100000 + cellIdx, partial: entry.partial, project },
        entry.unitKind,
        hit,
      ),
    );
    consumed.add(cellIdx);
  };

  // Header → value rows. Rows right after a header's first row (year rows, project rows) reuse that header.
  let last: { headers: Header[]; unit: string | null; rowHeader: string | null; end: number } | null = null;
  for (let i = 0; i < cells.length; i++) {
    const r = cells[i];
    if (r.figure || r.empty || r.text.length > 24) continue;
    const values: number[] = [];
    let j = i + 1;
    for (; j < cells.length && (cells[j].figure || cells[j].empty) && values.length < 12; j++) {
      if (cells[j].rowStart && j > i + 1) break;
      values.push(j);
    }
    if (values.filter((k) => cells[k].figure).length < 2) continue;
    let found: { headers: Header[]; unit: string | null; rowHeader: string | null } = headerRunBefore(cells, i, ctx);
    const fresh = found.headers.filter((h) => h.entry || (h.role && h.role !== "rowHeader")).length >= 2;
    if (!fresh) {
      if (!last || last.end !== i) continue;
      found = last;
    }
    const { headers, unit } = found;
    last = { ...found, end: j };
    if (headers.some((h) => h.role === "level3")) continue; // score tables are read as indicators
    const ym = /((?:19|20)\d{2})\s*年度?/.exec(r.text);
    const rowYear = ym ? Number(ym[1]) : null;
    if ((rowYear !== null && (ctx.fiscalYear === null || rowYear > ctx.fiscalYear)) || (!fresh && isPartRow(r.text))) continue;
    if (fresh && isPartRow(r.text)) continue;
    // A bond table's 债券性质 cell stands between a project's name and its figures: the row is read by bond-table.ts.
    if (RE_BOND_KIND_CELL.test(r.text)) continue;
    // A name that opens or ends with a figure is cells a reader ran together ("2耕地地力保护补贴860"), not a name.
    const project = !rowYear && found.rowHeader && /项目/.test(found.rowHeader) && !/^(合计|总计|小计|总额|年度资金总额)/.test(r.text) && !/^\d|[\d%]$/.test(r.text) ? r.text : undefined;
    if (!fresh && !rowYear && !project) continue;
    const rowEntry = matchLabel(ym ? r.text.replace(ym[0], "") : r.text, { project: ctx.project })?.entry;
    // A rate under a money column or money under a rate column: a header cell went unread and the columns are off.
    const hasRate = headers.some((h) => h.entry?.unitKind === "percent");
    const misaligned =
      headers.some((h, k) => misplaced(h.entry, values[k] === undefined ? null : cells[values[k]].figure)) ||
      (hasRate && headers.some((h, k) => values[k] !== undefined && cells[values[k]].figure?.amount.kind === "percent" && h.entry?.unitKind !== "percent"));
    if (misaligned) continue;
    headers.forEach((h, k) => {
      h.cells.forEach((x) => consumed.add(x));
      const v = values[k];
      let entry = h.entry;
      if (!entry && /^(合计|小计|总计)$/.test(h.text) && rowEntry) entry = rowEntry;
      // A table of projects scores each project in its 得分 column: that is the project's total, not an indicator's.
      if (!entry && h.role === "score" && project) entry = PROJECT_SCORE;
      if (v === undefined || !entry || !cells[v].figure) return;
      if (isTargetFigure(cells[v].line, cells[v].figure!)) return;
      const fig = entry === PROJECT_SCORE ? (scanFigures(cells[v].text)[0] ?? cells[v].figure!) : cells[v].figure!;
      emit(entry, v, fig, "table-cell", unit, rowYear ?? ctx.fiscalYear, project);
    });
    i = j - 1;
  }

  // Label cell → the value cell after it.
  for (let i = 0; i + 1 < cells.length; i++) {
    if (consumed.has(i) || cells[i].figure || cells[i].empty) continue;
    // An indicator cell carrying its weight ("预算完成率(3分)") heads a score table's row: the figure after it is the
    // points the indicator scored, not the value of the metric its words name.
    if (RE_WEIGHTED_INDICATOR.test(cells[i].text)) continue;
    const m = matchLabel(cells[i].text, { project: ctx.project });
    if (!m) continue;
    let at = i + 1;
    let unit: string | null = null;
    if (m.entry.key.startsWith("three_public.")) {
      // A 三公 line's budget and outturn side by side: the outturn is the line's figure.
      let n = 0;
      while (i + 1 + n < cells.length && cells[i + 1 + n].figure && (cells[i].table === null || (cells[i + 1 + n].table === cells[i].table && cells[i + 1 + n].row === cells[i].row))) n++;
      const col = outturnColumn(cells, i, n);
      if (col !== null && col < 0) continue;
      if (col !== null) {
        at = i + 1 + col;
        // Such a table declares its unit once above (单位：万元), as a flattened header does.
        for (let k = i - 1; k >= Math.max(0, i - 60) && !unit; k--) unit = unitInText(cells[k].text);
      }
    }
    // The 自评表's 总分 row prints the weights' total (100) before the score ("总分 | 100 | 93 | 优"), as RE_SCORE_ROW
    // reads it in flattened text: the figure after the 100, in the same row, is the score.
    const after = cells[at + 1];
    if (m.entry.key === "score.total" && cells[at].figure?.amount.value === 100 && after?.figure && after.table === cells[at].table && after.row === cells[at].row && after.figure.amount.value <= 100 && after.figure.amount.kind !== "percent") at++;
    const next = cells[at];
    if (!next.figure || consumed.has(at)) continue;
    if (cells[i].table !== null && (next.table !== cells[i].table || next.row !== cells[i].row)) continue;
    // A 绩效目标 row (群众满意度 | 90% | 已完成100%): a rate followed by a completion statement is the indicator's target.
    if (m.entry.unitKind === "percent" && RE_COMPLETION_CELL.test(cells[at + 1]?.text ?? "")) continue;
    emit(m.entry, at, next.figure, m.exact ? "table-cell" : "fuzzy-label", unit);
    // The 总分 row ends with the grade the score earns ("总分 | 100 | 93 | 优"): the cell right after the score.
    const grade = cells[at + 1];
    if (m.entry.key === "score.total" && grade && !grade.figure && grade.table === next.table && grade.row === next.row && RE_GRADE_CELL.test(grade.text)) {
      out.push({ key: "score.grade", year: ctx.fiscalYear, value: null, unit: "text", text: grade.text.trim(), precision: null, prov: cellProvenance(grade, null), quote: grade.line.slice(0, 200), restated: false, confidence: "table-cell", order: grade.block * 100000 + at + 1 });
    }
  }
  return { candidates: out, consumed };
}

/** Header cells of real tables by column: the last header row before each value row. */
export function bindTables(cells: StreamCell[], ctx: GridContext): Candidate[] {
  const out: Candidate[] = [];
  const byTable = new Map<number, StreamCell[]>();
  cells.forEach((c) => c.table !== null && (byTable.get(c.table) ?? byTable.set(c.table, []).get(c.table)!).push(c));
  for (const tcells of byTable.values()) {
    const rows = new Map<number, StreamCell[]>();
    for (const c of tcells) (rows.get(c.row!) ?? rows.set(c.row!, []).get(c.row!)!).push(c);
    let header = new Map<number, Header>();
    let used = false;
    let produced = false;
    for (const row of [...rows.keys()].sort((a, b) => a - b).map((k) => rows.get(k)!)) {
      // A year split over two cells ("2023" | "年") labels the row; it is not a figure.
      const yearCell = row.length > 1 && /^(19|20)\d\d$/.test(row[0].text) && /^年/.test(row[1].text) ? row[0] : null;
      const figs = row.filter((c) => c.figure && c !== yearCell);
      const recog = row.map((c) => ({ c, r: c.empty ? null : recognise(c.text, ctx) }));
      if (figs.length === 0 && header.size && !used && !produced) {
        // A header cut over two rows ("一般公共预算财政拨款" / "收入"): join each column's text and read it again.
        const merged = new Map(header);
        let changed = false;
        for (const c of row) {
          if (c.empty) continue;
          const h = merged.get(c.col!);
          const text = (h?.text ?? "") + c.text;
          const r = recognise(text, ctx);
          if (r) {
            merged.set(c.col!, { text, role: r.role, entry: r.entry, cells: [], col: c.col });
            changed = true;
          }
        }
        if (changed) {
          header = merged;
          continue;
        }
      }
      // A header of projects and their money (项目名称 | 下达金额) is one too.
      const projectsHeader = recog.some((x) => x.r?.role === "rowHeader" && /项目/.test(x.c.text)) && recog.some((x) => !x.c.empty && isAmountHeader(x.c.text));
      if (figs.length === 0 && (projectsHeader || recog.filter((x) => x.r && (x.r.entry || x.r.role !== "rowHeader")).length >= 2)) {
        const next = new Map(used || produced ? [] : header);
        produced = false;
        for (const { c, r } of recog) if (!c.empty) next.set(c.col!, { text: c.text, role: r?.role ?? null, entry: r?.entry ?? null, cells: [], col: c.col });
        header = next;
        used = false;
        continue;
      }
      if (header.size === 0 || figs.length === 0 || [...header.values()].some((h) => h.role === "level3")) continue;
      // A table of allocations names the place first (县区 | 项目名称 | 下达金额): the row is named by its project column.
      const projectCol = [...header.values()].find((h) => h.role === "rowHeader" && /项目/.test(h.text))?.col;
      const inProjectCol = projectCol === undefined ? undefined : row.find((c) => c.col === projectCol && !c.figure && !c.empty);
      const labelCell = inProjectCol ?? row.find((c) => !c.figure && !c.empty);
      const label = labelCell?.text ?? "";
      const ym = /((?:19|20)\d{2})\s*年度?/.exec(row.filter((c) => !c.figure || /^(19|20)\d\d$/.test(c.text)).slice(0, 2).map((c) => c.text).join(""));
      const rowYear = ym ? Number(ym[1]) : null;
      const rest = ym ? label.replace(ym[0], "") : label;
      const labelHead = labelCell ? header.get(labelCell.col!) : undefined;
      const isProjectRow =
        !rowYear && !!labelHead && labelHead.role === "rowHeader" && /项目/.test(labelHead.text) && !/^(合计|总计|小计|总额|年度资金总额)/.test(label) && label.length >= 3;
      if (!rowYear && !isProjectRow && used && !/^(合计|总计|总额|年度资金总额)/.test(label)) continue;
      if (isPartRow(label)) continue;
      const rowEntry = rest ? matchLabel(rest, { project: ctx.project })?.entry : undefined;
      // A header row without the row-label column (its caption sat on the line above): shift by one.
      const h0 = header.get(0);
      const printed = h0 && (h0.entry || (h0.role && h0.role !== "rowHeader")) && labelCell?.col === 0 ? 1 : 0;
      // A rate printed where the header has no rate column (or money under one): the header's columns are not the row's.
      // A header cell merged over two columns (项目资金（万元） over the row names and an empty cell) puts the row one
      // column off: the other offsets are tried, and taken only when the row's rate then falls under the rate column.
      const hasRate = [...header.values()].some((h) => h.entry?.unitKind === "percent");
      const fits = (s: number) => figs.every((c) => !misplaced(header.get(c.col! - s)?.entry ?? null, c.figure!)) && ratesPlaced(figs, (c) => header.get(c.col! - s)?.entry ?? null, hasRate);
      const shift = [printed, printed - 1, printed + 1].find((s, k) => fits(s) && (k === 0 || figs.some((c) => c.figure!.amount.kind === "percent")));
      if (shift === undefined) continue;
      for (const c of figs) {
        const h = header.get(c.col! - shift);
        let entry = h?.entry ?? null;
        // A 合计 column takes the metric its row names ("2022年三公经费 | 合计 2.25").
        if (!entry && h && /^(合计|小计|总计)$/.test(h.text) && rowEntry) entry = rowEntry;
        // A table of projects scores each project in its 得分 column: that is the project's total, not an indicator's.
        if (!entry && h?.role === "score" && isProjectRow) entry = PROJECT_SCORE;
        // Its 金额/下达资金 column is what each project was given.
        if (!entry && h && isProjectRow && isAmountHeader(h.text)) entry = PROJECT_BUDGET;
        if (!entry) continue;
        // The table's 万元 scales its money cells, not a bare score beside them ("95" under 自评分).
        const hit = entry.unitKind === "money" ? withUnit(c.figure!, c.unit, c.text) : entry === PROJECT_SCORE ? (scanFigures(c.text)[0] ?? c.figure!) : c.figure!;
        if (!hit || !compatible(entry.unitKind, hit, true)) continue;
        if (entry.unitKind === "money" && hit.amount.kind !== "money") continue;
        const year = rowYear ?? ctx.fiscalYear;
        out.push(
          candidateFromHit(
            { key: entry.key, year, prov: cellProvenance(c, hit), quote: c.line.slice(0, 200), restated: isRestated(year, ctx.fiscalYear), confidence: "table-structure", order: c.block * 100000 + (c.row ?? 0) * 100 + (c.col ?? 0), partial: entry.partial, project: isProjectRow ? label : undefined },
            entry.unitKind,
            hit,
          ),
        );
      }
      // A table of projects grades each project in its 等级 column (优, 良好).
      for (const c of isProjectRow ? row : []) {
        if (c.figure || c.empty || c === labelCell || header.get(c.col! - shift)?.entry?.key !== "score.grade" || !RE_GRADE_CELL.test(c.text)) continue;
        const order = c.block * 100000 + (c.row ?? 0) * 100 + (c.col ?? 0);
        out.push({ key: "score.grade", year: ctx.fiscalYear, value: null, unit: "text", text: c.text.trim(), precision: null, prov: cellProvenance(c, null), quote: c.line.slice(0, 200), restated: false, confidence: "table-structure", order, project: label });
      }
      if (!rowYear && !isProjectRow) used = true;
      produced = true;
    }
  }
  return out;
}
