/**
 * The summary table of a special-bond self-evaluation (新增地方政府专项债券项目绩效评价表, a provincial template that
 * units publish each year): 序号 | 项目名称 | 债券性质 | 债券规模 (截至…已发债券规模) | 自评分数 | 自评等级, then 总计. Its
 * amount column is the bond money raised for each project (what reached it: budget.received), its score the project's
 * self-evaluation score. None of its headers is a metric label, and its text columns (the name, 债券性质) break the row
 * binders, so it is read here by its headers, as a real table or one cell per line.
 */
import { parseAmount } from "./amount.js";
import { cellProvenance, unitInText, type StreamCell } from "./cells.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { sentenceAround, type FigureHit } from "./figures.js";
import { locate } from "./provenance.js";
import type { Passage, ProseContext } from "./prose.js";

const RE_NAME_HEAD = /^项目名称$/;
const RE_AMOUNT_HEAD = /债券(?:规模|资金|金额|额度)|发行规模|发债规模/;
const RE_SCORE_HEAD = /^(?:自评|评价)(?:分数|得分|总分)$/;
/** Headers the template may carry besides the three it needs. */
const RE_OTHER_HEAD = /^(?:序号|债券(?:性质|类型|种类)|自评等级|评价等级|等级|备注)$/;
const RE_GRADE = /^(优秀|良好|合格|不合格|优|良|中|差)$/;
const RE_TOTAL = /^(?:总计|合计)$/;
/** A 债券性质 cell (棚改专项债券, 其他项目收益专项债券): a kind, never a row's name. */
export const RE_BOND_KIND_CELL = /^[\u4e00-\u9fa5]{0,10}债券$/;
/** How far above its header a table declares its unit (its title "…绩效评价表(单位:亿元)", a 单位 line). */
const UNIT_REACH = 6;

interface Row {
  name: StreamCell;
  amount: { cell: StreamCell; hit: FigureHit } | null;
  score: { cell: StreamCell; value: number } | null;
  grade: StreamCell | null;
}

/** A cell's figure in `unit` (the table's), or null. */
function money(c: StreamCell, unit: string): FigureHit | null {
  const t = c.text.trim();
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  const amount = parseAmount(t, unit);
  return amount && amount.kind === "money" ? { start: 0, end: t.length, text: t, amount, change: null } : null;
}

function score(c: StreamCell): number | null {
  const t = c.text.trim();
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(t)) return null;
  const v = Number(t);
  return v <= 100 ? v : null;
}

/** The table's unit: in its headers, or in the lines just above them. */
function tableUnit(cells: StreamCell[], head: number, end: number): string | null {
  for (let k = head; k < end; k++) {
    const u = unitInText(cells[k].text);
    if (u) return u;
  }
  for (let k = head - 1; k >= 0 && k >= head - UNIT_REACH; k--) {
    const u = unitInText(cells[k].text);
    if (u) return u;
  }
  return null;
}

/** Cells of text lines from `from`, split where a reader joined them with spaces ("1.5 95"); empty ones left out. */
function tokens(cells: StreamCell[], from: number): StreamCell[] {
  const out: StreamCell[] = [];
  for (let k = from; k < cells.length && k < from + 200 && cells[k].table === null; k++) {
    if (cells[k].empty) continue;
    for (const t of cells[k].text.split(/\s+/)) if (t) out.push({ ...cells[k], text: t, figure: null, at: null });
  }
  return out;
}

/** Rows of one cell per line: name, an optional 债券性质 cell, amount, score, an optional grade; 总计 ends them. */
function flatRows(cells: StreamCell[], from: number, unit: string, serial: boolean): { rows: Row[]; total: { cell: StreamCell; hit: FigureHit } | null } {
  const toks = tokens(cells, from);
  const rows: Row[] = [];
  let total: { cell: StreamCell; hit: FigureHit } | null = null;
  let k = 0;
  const next = () => (k < toks.length ? toks[k] : null);
  while (k < toks.length) {
    let c = next()!;
    if (serial && /^\d{1,3}$/.test(c.text)) {
      k++;
      c = next()!;
      if (!c) break;
    }
    if (RE_TOTAL.test(c.text)) {
      k++;
      const t = next();
      const hit = t && money(t, unit);
      if (t && hit) total = { cell: t, hit };
      break;
    }
    // A name: text, not a figure, short enough to be a cell.
    if (money(c, unit) || c.text.length < 4 || c.text.length > 60 || /[。；;]/.test(c.text)) break;
    const row: Row = { name: c, amount: null, score: null, grade: null };
    k++;
    let d = next();
    if (d && /债券/.test(d.text) && !money(d, unit)) {
      k++;
      d = next();
    }
    const hit = d && money(d, unit);
    if (!d || !hit) break;
    row.amount = { cell: d, hit };
    k++;
    const s = next();
    const v = s && score(s);
    if (s && v !== null) {
      row.score = { cell: s, value: v };
      k++;
      const g = next();
      if (g && RE_GRADE.test(g.text)) {
        row.grade = g;
        k++;
      }
    }
    rows.push(row);
  }
  return { rows, total };
}

/** Rows of a real table: columns by the header cells' positions. */
function tableRows(cells: StreamCell[], head: number, cols: Map<string, number>, unit: string): { rows: Row[]; total: { cell: StreamCell; hit: FigureHit } | null } {
  const table = cells[head].table;
  const headRow = cells[head].row;
  const byRow = new Map<number, StreamCell[]>();
  for (let k = head; k < cells.length && cells[k].table === table; k++) {
    const c = cells[k];
    if (c.row === null || c.row === headRow) continue;
    (byRow.get(c.row) ?? byRow.set(c.row, []).get(c.row)!).push(c);
  }
  const rows: Row[] = [];
  let total: { cell: StreamCell; hit: FigureHit } | null = null;
  const at = (row: StreamCell[], role: string) => row.find((c) => c.col === cols.get(role));
  for (const row of byRow.values()) {
    const name = at(row, "name");
    const amountCell = at(row, "amount");
    const hit = amountCell ? money(amountCell, unit) : null;
    if (row.some((c) => RE_TOTAL.test(c.text.trim()))) {
      if (amountCell && hit) total = { cell: amountCell, hit };
      continue;
    }
    if (!name || name.empty || !amountCell || !hit) continue;
    const s = at(row, "score");
    const v = s ? score(s) : null;
    const g = at(row, "grade");
    rows.push({ name, amount: { cell: amountCell, hit }, score: s && v !== null ? { cell: s, value: v } : null, grade: g && RE_GRADE.test(g.text.trim()) ? g : null });
  }
  return { rows, total };
}

/**
 * Candidates of the bond tables in the cell stream: a table of one project gives the report's own figures, a table of
 * several gives each project's, and its 总计 the report's amount.
 */
export function bindBondTables(cells: StreamCell[], ctx: { fiscalYear: number | null }): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!RE_NAME_HEAD.test(cells[i].text.trim())) continue;
    // The header: 项目名称 and the cells after it that are headers, with 序号 just before it.
    const roles = new Map<string, number>();
    let serial = i > 0 && /序号$/.test(cells[i - 1].text.trim());
    let end = i + 1;
    const col = (k: number) => cells[k].col ?? k;
    roles.set("name", col(i));
    for (; end < cells.length && end < i + 8; end++) {
      const t = cells[end].text.trim();
      if (cells[end].empty && cells[end].table !== null) continue;
      if (cells[end].table !== cells[i].table || (cells[i].table !== null && cells[end].row !== cells[i].row)) break;
      if (RE_AMOUNT_HEAD.test(t) && !roles.has("amount")) roles.set("amount", col(end));
      else if (RE_SCORE_HEAD.test(t)) roles.set("score", col(end));
      else if (/等级$/.test(t)) roles.set("grade", col(end));
      else if (t === "序号") serial = true;
      else if (!RE_OTHER_HEAD.test(t)) break;
    }
    if (!roles.has("amount") || !roles.has("score")) continue;
    const unit = tableUnit(cells, i, end);
    if (!unit) continue;
    const { rows, total } = cells[i].table !== null ? tableRows(cells, i, roles, unit) : flatRows(cells, end, unit, serial);
    if (rows.length === 0) continue;
    const one = rows.length === 1;
    const push = (key: string, cell: StreamCell, hit: FigureHit, project: string | undefined, kind: "money" | "score") => {
      out.push(
        candidateFromHit(
          { key, year: ctx.fiscalYear, prov: cellProvenance(cell, null), quote: [cells[i].text, cell.text].join(" … ").slice(0, 200), restated: false, confidence: "table-cell", order: cell.block * 100000, project },
          kind,
          hit,
        ),
      );
    };
    for (const r of rows) {
      const project = one ? undefined : r.name.text.trim();
      if (r.amount) push("budget.received", r.amount.cell, r.amount.hit, project, "money");
      if (r.score) {
        const t = r.score.cell.text.trim();
        const amount = parseAmount(t);
        if (amount) push("score.total", r.score.cell, { start: 0, end: t.length, text: t, amount, change: null }, project, "score");
      }
      if (r.grade) {
        const g = r.grade.text.trim();
        out.push({ key: "score.grade", year: ctx.fiscalYear, value: null, unit: "text", text: g, precision: null, prov: cellProvenance(r.grade, null), quote: g, restated: false, confidence: "table-cell", order: r.grade.block * 100000, project });
      }
    }
    if (!one && total) push("budget.received", total.cell, total.hit, undefined, "money");
  }
  return out;
}

/** The template's header when a reader fused its cells into one line (TXT paragraphs glue short lines). */
const RE_FUSED_HEAD = /项目名称\s*(?:债券(?:性质|类型|种类))?\s*(?:截[至止](?:19|20)\d{2}年[底末]?)?\s*(?:已发(?:行)?)?债券(?:规模|资金|金额|额度)\s*(?:[(（](?:单位[:：])?(亿元|万元|元)[)）])?\s*(?:自评|评价)(?:分数|得分|总分)\s*(?:(?:自评|评价)?等级)?/;
/** Bond kinds of the 债券性质 column, the longest first; a lazy name stops before the first that fits. */
const BOND_KIND = "(?:其他项目收益专项债券|其他自平衡专项债券|土地储备专项债券|收费公路专项债券|棚改专项债券|一般债券|专项债券)";
const RE_FUSED_ROW = new RegExp(`^\\s*(?:\\d{1,3}\\s*)?([^\\d\\s。；;，,:：]{4,60}?)\\s*(?:${BOND_KIND})?\\s*(\\d+(?:\\.\\d+)?)\\s+(\\d{1,3}(?:\\.\\d{1,2})?)(?![\\d.])\\s*(优秀|良好|合格|不合格|优|良|中|差)?`);
const RE_FUSED_TOTAL = /^\s*(?:总计|合计)\s*(\d+(?:\.\d+)?)(?![\d.])/;
/** The report's bond money in the template's opening sentence: "新增地方政府专项债券项目3个,争取债券资金1.69亿元". */
const RE_BOND_SECURED = /专项债券项目\s*\d+\s*个\s*[,，]\s*(?:争取|获得|发行|落实)(?:专项)?债券资金\s*(\d+(?:\.\d+)?\s*(?:亿元|万元))/;

/** The same table fused into a passage's text, and the opening sentence of such a report. */
export function bindBondText(p: Passage, ctx: ProseContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/债券/.test(p.text)) return out;
  const push = (key: string, at: number, text: string, unit: string | null, project: string | undefined, kind: "money" | "score", confidence: Candidate["confidence"]) => {
    const amount = parseAmount(text, unit);
    if (!amount || (kind === "money" && amount.kind !== "money")) return;
    const hit: FigureHit = { start: at, end: at + text.length, text, amount, change: null };
    out.push(candidateFromHit({ key, year: ctx.fiscalYear, prov: locate(p.segs, at, at + text.length), quote: sentenceAround(p.text, at, at + text.length), restated: false, confidence, order: p.block * 100000 + at, project }, kind, hit));
  };
  const secured = RE_BOND_SECURED.exec(p.text);
  if (secured) push("budget.received", secured.index + secured[0].length - secured[1].length, secured[1], null, undefined, "money", "pattern");
  const head = RE_FUSED_HEAD.exec(p.text);
  if (!head) return out;
  const unit = head[1] ?? unitInText(p.text.slice(Math.max(0, head.index - 20), head.index));
  if (!unit) return out;
  const rows: Array<{ name: string; amount: [number, string]; score: [number, string]; grade: [number, string] | null }> = [];
  let at = head.index + head[0].length;
  let total: [number, string] | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const rest = p.text.slice(at, at + 400);
    const t = RE_FUSED_TOTAL.exec(rest);
    if (t) {
      total = [at + t[0].length - t[1].length, t[1]];
      break;
    }
    const m = RE_FUSED_ROW.exec(rest);
    if (!m || Number(m[3]) > 100) break;
    const amountAt = at + m.index + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
    const scoreAt = amountAt + m[2].length + p.text.slice(amountAt + m[2].length).indexOf(m[3]);
    rows.push({ name: m[1], amount: [amountAt, m[2]], score: [scoreAt, m[3]], grade: m[4] ? [at + m[0].length - m[4].length, m[4]] : null });
    at += m[0].length;
  }
  const one = rows.length === 1;
  for (const r of rows) {
    const project = one ? undefined : r.name;
    push("budget.received", r.amount[0], r.amount[1], unit, project, "money", "table-cell");
    push("score.total", r.score[0], r.score[1], null, project, "score", "table-cell");
    if (r.grade) {
      out.push({ key: "score.grade", year: ctx.fiscalYear, value: null, unit: "text", text: r.grade[1], precision: null, prov: locate(p.segs, r.grade[0], r.grade[0] + r.grade[1].length), quote: r.grade[1], restated: false, confidence: "table-cell", order: p.block * 100000 + r.grade[0], project });
    }
  }
  if (!one && rows.length > 0 && total) push("budget.received", total[0], total[1], unit, undefined, "money", "table-cell");
  return out;
}
