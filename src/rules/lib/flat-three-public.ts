/**
 * A "三公" table that a stored web page keeps one cell a line — its header cells first ("“三公”经费合计 |", "因公出国
 * (境)费 |", … "小计 |", "公务用车购置费 |", "公务用车运行费 |"), then its amounts ("79 |", "0 |", …) — is no table to
 * the reader, so the report holds no line items for it. Its amounts follow the national template's column order
 * (extract/disclosure/three-public.ts lays them onto it, choosing blank columns by the template's sums), so the
 * table can be read back here as line items for the rules that compare it with its 情况说明. Read only when the
 * header names the parts in the template's order (出国, 购置及运行, 接待 on the first row; 购置费 before 运行费 under
 * it): a header printed in another order would put the amounts under other parts. A table printed down keeps each
 * part's label before its amount (合计 | 40.20 | 因公出国(境)费 | 0 | …): read as rows by their labels.
 */
import type { JxDocument } from "../../document/model.js";
import type { LineItem } from "../../extract/line-item.js";
import { parseAmountIn, type Amount } from "../../extract/amount.js";
import { KEY_OF, LABEL_OF, solveThreePublic } from "../../extract/disclosure/three-public.js";
import { textUnits, type TextUnit } from "./doc-text.js";
import { cents, halfCents } from "./line-items.js";

// A line that is one cell of a flattened table: its text, then the cell mark (or only marks, a spanned cell).
const CELL = /^\s*([^|]*?)\s*(?:\|\s*)+$/;
const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const UNIT = /单位\s*[:：]?\s*(万元|元)/;
// Table numbers of their own, past any the reader gives a document's tables.
const TABLE_NO_BASE = 100000;

/** Does the header name the parts in the template's order? */
function templateOrder(header: string): boolean {
  const at = (re: RegExp) => header.search(re);
  const [ov, veh, rec] = [at(/因公出国/), at(/公务用车购置及运行/), at(/公务接待/)];
  if (ov < 0 || veh < 0 || rec < 0 || !(ov < veh && veh < rec)) return false;
  const rest = header.replace(/公务用车购置及运行(?:维护)?费?/g, "");
  const [buy, run] = [rest.search(/购置/), rest.search(/运行/)];
  return buy < 0 || run < 0 || buy < run;
}

/** The 单位 and the title printed in the lines before the table (a heading holds both when the page runs them together). */
function before(units: readonly TextUnit[], i: number): { unit: string; title: string } | null {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const m = UNIT.exec(units[k].text);
    if (!m) continue;
    // The title runs into the 单位 line, or is the line before it.
    const head = units[k].text.slice(0, m.index).trim() || (k > 0 ? units[k - 1].text : "");
    return { unit: m[1], title: head.replace(/^.*?([^、]*“?三公”?经费[^、]*表)$/, "$1").trim() || "“三公”经费表" };
  }
  return null;
}

type Cell = { u: TextUnit; text: string };
type Where = { unit: string; title: string };

function item(where: Where, tableNo: number, row: number, name: string, column: string, c: Cell, a: Amount): LineItem {
  return {
    table: "threePublic",
    title: where.title,
    tableNo,
    row,
    side: 0,
    code: null,
    name,
    level: /^(?:合计|总计)$/.test(name) ? "total" : "line",
    column,
    role: null,
    value: a.value,
    text: c.text,
    scale: a.scale,
    decimals: a.decimals,
    prov: { page: c.u.page, block: c.u.block.index, bbox: null, span: null, cell: null },
  };
}

/** Printed across: header cells, then the amounts in the template's column order. */
function across(cells: Cell[], first: number, where: Where, tableNo: number): LineItem[] {
  const header = cells.slice(0, first).map((c) => c.text).filter(Boolean).join(" ");
  const data = cells.slice(first).filter((c) => c.text);
  if (data.some((c) => !NUMBER.test(c.text)) || data.length < 4 || !templateOrder(header)) return [];
  const amounts = data.map((c) => parseAmountIn(c.text, where.unit));
  if (amounts.some((a) => !a)) return [];
  const solved = solveThreePublic(header, amounts.map((a) => a!));
  if (!solved) return [];
  return [...solved].filter(([col]) => KEY_OF[col]).map(([col, k]) => item(where, tableNo, 0, "", LABEL_OF[col], data[k], amounts[k]!));
}

/**
 * Printed down (项目 | 预算数 | 合计 | 40.20 | 因公出国(境)费 | 0 | …): a label then its amount, each part a row; the
 * header cells before the first pair name the column.
 */
function down(cells: Cell[], first: number, where: Where, tableNo: number): LineItem[] {
  const filled = cells.filter((c) => c.text);
  const p = filled.findIndex((c, k) => !NUMBER.test(c.text) && NUMBER.test(filled[k + 1]?.text ?? ""));
  if (p < 0 || first <= 0) return [];
  const columns = filled.slice(0, p).map((c) => c.text).filter((t) => !/^项目$/.test(t));
  if (columns.length >= 2 && columns.every((c) => /预算|决算|年/.test(c))) return downColumns(filled.slice(p), columns, where, tableNo);
  const column = columns.join("/");
  const out: LineItem[] = [];
  for (let k = p; k + 1 < filled.length; k += 2) {
    const [label, amount] = [filled[k], filled[k + 1]];
    if (NUMBER.test(label.text) || !NUMBER.test(amount.text)) return [];
    const a = parseAmountIn(amount.text, where.unit);
    if (!a) return [];
    out.push(item(where, tableNo, out.length, label.text, column, amount, a));
  }
  const names = out.map((x) => x.name).join(" ");
  return /因公出国/.test(names) && /公务接待/.test(names) && /公务用车/.test(names) && (p + out.length * 2 === filled.length) ? out : [];
}

/** The line items of every "三公" table the document prints one cell a line. */
export function flatThreePublicItems(doc: JxDocument): LineItem[] {
  const units = textUnits(doc).filter((u) => !u.table);
  const out: LineItem[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!CELL.test(units[i].text)) continue;
    let j = i;
    while (j < units.length && CELL.test(units[j].text)) j++;
    const cells = units.slice(i, j).map((u) => ({ u, text: CELL.exec(u.text)![1].replace(/\s+/g, "") }));
    const start = i;
    i = j;
    const first = cells.findIndex((c) => NUMBER.test(c.text));
    const where = first > 0 ? before(units, start) : null;
    if (!where) continue;
    const read = cells.slice(first).some((c) => c.text && !NUMBER.test(c.text)) ? down(cells, first, where, TABLE_NO_BASE + start) : across(cells, first, where, TABLE_NO_BASE + start);
    out.push(...read);
  }
  return out;
}

type Row = { label: Cell; values: Cell[] };
// The rows that make the "三公" total (its parts); a 其中 row or a vehicle's 购置费/运行费 is inside one of them.
const TOP_PART = /^(?:因公出国|公务接待|公务用车购置及运行)/;
const TOTAL_ROW = /^(?:合计|总计|“?三公”?经费(?:合计)?)$/;

/** Every way to put `k` values, in their order, into `n` columns (the others blank). */
function placements(k: number, n: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let c = 0; c <= n - k; c++) for (const rest of placements(k - 1, n - c - 1)) out.push([c, ...rest.map((r) => r + c + 1)]);
  return out;
}

/**
 * Printed down with a column per stage or year (项目 | 预算数 | 决算数 | 合计 | 49.9 | 7.69 | 因公出国(境)费 | 20 | …): a
 * page that keeps one cell a line drops the blank cells, so a part with fewer amounts than columns does not say which
 * column each is in. The total row, printed whole, decides: the placement under which every column's parts add up to
 * its total, when there is exactly one. A row it cannot place (a 其中 row short of amounts) is left out; a last label
 * with no amount (the page cut there) too.
 */
function downColumns(cells: Cell[], columns: string[], where: Where, tableNo: number): LineItem[] {
  const n = columns.length;
  const rows: Row[] = [];
  for (const c of cells) {
    if (!NUMBER.test(c.text)) rows.push({ label: c, values: [] });
    else if (rows.length && rows[rows.length - 1].values.length < n) rows[rows.length - 1].values.push(c);
    else return [];
  }
  if (rows.length && rows[rows.length - 1].values.length === 0) rows.pop();
  if (rows.some((r) => r.values.length === 0)) return [];
  const name = (r: Row) => r.label.text.replace(/^其中[:：]?/, "");
  const total = rows.find((r) => TOTAL_ROW.test(name(r)));
  const parts = rows.filter((r) => TOP_PART.test(r.label.text));
  const names = rows.map(name).join(" ");
  if (!total || total.values.length !== n || parts.length !== 3 || !/因公出国/.test(names) || !/公务接待/.test(names)) return [];
  const amount = (c: Cell) => parseAmountIn(c.text, where.unit);
  if (rows.some((r) => r.values.some((v) => !amount(v)))) return [];
  // Place the parts short of amounts: the one placement that makes every column's total.
  const short = parts.filter((r) => r.values.length < n);
  const makesTotals = (at: Map<Row, number[]>) =>
    columns.every((_, col) => {
      const t = amount(total.values[col])!;
      let sum = 0;
      let tol = halfCents(t);
      for (const r of parts) {
        const k = (at.get(r) ?? r.values.map((_, j) => j)).indexOf(col);
        if (k < 0) continue;
        const a = amount(r.values[k])!;
        sum += cents(a);
        tol += halfCents(a);
      }
      return Math.abs(sum - cents(t)) <= tol;
    });
  const solutions: Map<Row, number[]>[] = [];
  const search = (i: number, acc: Map<Row, number[]>): void => {
    if (solutions.length > 1) return;
    if (i === short.length) {
      if (makesTotals(acc)) solutions.push(acc);
      return;
    }
    for (const pl of placements(short[i].values.length, n)) search(i + 1, new Map([...acc, [short[i], pl]]));
  };
  search(0, new Map());
  if (solutions.length !== 1) return [];
  const placed = solutions[0];
  const out: LineItem[] = [];
  rows.forEach((r, row) => {
    const pl = placed.get(r) ?? (r.values.length === n ? r.values.map((_, k) => k) : null);
    if (!pl) return;
    r.values.forEach((v, k) => out.push(item(where, tableNo, row, r.label.text, columns[pl[k]], v, amount(v)!)));
  });
  return out;
}
