/**
 * Figures from the standard 公开表. A table runs from its title line to the next title (so it may cross pages).
 * Row tables (收支总表, 收入总表, 财政拨款收支总表) pair each amount with the nearest label on its left, on its own
 * line or a wrapped neighbour line; column tables (支出总表, "三公"经费表, 决算 收入/支出表) map the amounts of the
 * first data row to the headers above them by horizontal position.
 */
import { centsOf, parseAmountIn } from "../amount.js";
import { MONEY_UNITS, unitAlternation } from "../vocab/units.js";
import type { Candidate } from "../candidate.js";
import { disclosureCandidate } from "./figure.js";
import { atomProvenance } from "./locate.js";
import { centre, type Atom, type Line } from "./layout.js";
import { claimedBetween, claims, isAmount, sameBand, totalRow } from "./table-atoms.js";
import { KEY_OF, LABEL_OF, solveThreePublic } from "./three-public.js";
import { matchRowLabel } from "./templates.js";
import { BLANK_FIRST, type ColumnHeader } from "../vocab/disclosure-tables.js";
import type { Section } from "./sections.js";
import { printedRowLabel } from "../label-text.js";
import { downCells, oneCellPerLine } from "./down-cells.js";

export type { Section } from "./sections.js";

const RE_SECTION_UNIT = new RegExp(`单位[:：]?(${unitAlternation(MONEY_UNITS.map((u) => u.unit))})`);

/** The table's 单位 as printed under its title (万元 when it states none). */
export function sectionUnit(s: Section): string {
  for (const l of [{ text: s.title } as Line, ...s.lines.slice(0, 8)]) {
    const m = RE_SECTION_UNIT.exec(l.text);
    if (m) return m[1];
  }
  return "万元";
}

/** What every figure of one table shares: the table's priority and the report's year. */
interface TableContext {
  priority: number;
  fiscalYear: number;
}

function candidate(id: string, num: Atom, unit: string, line: Line, quote: string, ctx: TableContext): Candidate | null {
  const amount = parseAmountIn(num.text, unit);
  if (!amount) return null;
  return disclosureCandidate({ id, amount, printedUnit: unit, prov: atomProvenance(line, num), quote, confidence: "table-template", priority: ctx.priority, year: null }, ctx.fiscalYear);
}

/** Row tables: each amount takes the nearest label on its left (own line first, wrapped neighbour lines second). */
function rowTable(s: Section, ctx: TableContext): Candidate[] {
  const defs = s.template.rows;
  if (defs.length === 0) return [];
  const unit = sectionUnit(s);
  const out: Candidate[] = [];
  s.lines.forEach((line, i) => {
    for (const num of line.atoms) {
      if (!isAmount(num)) continue;
      let best: { atom: Atom; score: number } | null = null;
      for (const j of [i - 1, i, i + 1]) {
        const other = s.lines[j];
        if (!other || (j !== i && !sameBand(line, other))) continue;
        for (const a of other.atoms) {
          if (a.kind !== "text") continue;
          let gap: number;
          if (num.x0 !== null && a.x1 !== null && a.x0 !== null) {
            if (a.x0 >= num.x0) continue;
            // Text above or below the figure, reaching over it or right of another figure of the row, is a column
            // header (or the other half's label), not this row's label.
            if (j !== i && (a.x1 > num.x0 + 2 || line.atoms.some((b) => claims(b, num) && b.x1 !== null && b.x1 <= a.x0!))) continue;
            gap = Math.max(0, num.x0 - a.x1);
          } else {
            if (j !== i || a.order >= num.order) continue;
            gap = (num.order - a.order) * 10;
          }
          if (claimedBetween(a, num, line, other)) continue;
          const score = gap + (j === i ? 0 : 30);
          if (!best || score < best.score) best = { atom: a, score };
        }
      }
      if (!best) continue;
      const key = matchRowLabel(best.atom.text, defs);
      if (!key) continue;
      const c = candidate(key, num, unit, line, `${s.title}：${printedRowLabel(best.atom.text)} ${num.text}`, ctx);
      if (c) out.push(c);
    }
  });
  // A table kept one cell a line pairs each lone amount with the label line above it (without geometry, or when most
  // lines are one cell: the label's line, reaching over the amount's, is no row of its own).
  if (s.lines.every((l) => l.atoms.every((a) => a.x0 === null)) || oneCellPerLine(s.lines)) {
    for (const p of downCells(s.lines)) {
      const key = matchRowLabel(p.label, defs);
      const c = key ? candidate(key, p.num, unit, p.line, `${s.title}：${printedRowLabel(p.label)} ${p.num.text}`, ctx) : null;
      if (c) out.push(c);
    }
  }
  return out;
}

interface HeaderHit {
  id: string;
  x: number;
  label: string;
}

/** Where each column's header sits: pattern hits in the header cells, wrapped fragments of one header merged. */
function headerHits(header: Line[], defs: ColumnHeader[], skip: RegExp | null): HeaderHit[] {
  const hits: HeaderHit[] = [];
  const patterns = defs.flatMap((d) => d.patterns.map((p) => ({ id: d.id, p }))).sort((a, b) => b.p.length - a.p.length);
  for (const line of header) {
    for (const a of line.atoms) {
      if (a.kind !== "text" || (skip && skip.test(a.text))) continue;
      const used = new Array(a.text.length).fill(false);
      for (const { id, p } of patterns) {
        let from = 0;
        for (;;) {
          const i = a.text.indexOf(p, from);
          if (i < 0) break;
          from = i + 1;
          if (used.slice(i, i + p.length).some(Boolean)) continue;
          for (let k = i; k < i + p.length; k++) used[k] = true;
          const frac = (i + p.length / 2) / a.text.length;
          const x = a.x0 !== null && a.x1 !== null ? a.x0 + (a.x1 - a.x0) * frac : centre(a) + frac;
          hits.push({ id, x, label: p });
        }
      }
    }
  }
  hits.sort((a, b) => a.x - b.x);
  const merged: HeaderHit[] = [];
  for (const h of hits) {
    const prev = merged.find((m) => m.id === h.id && Math.abs(m.x - h.x) < 14);
    if (prev) prev.x = (prev.x + h.x) / 2;
    else merged.push({ ...h });
  }
  return merged.sort((a, b) => a.x - b.x);
}

/** Pair amounts with header columns, closest pairs first, each used once. */
function assignColumns(nums: Atom[], cols: HeaderHit[]): Array<{ num: Atom; col: HeaderHit }> {
  const geometric = nums.every((n) => n.x0 !== null) && cols.length > 0;
  if (!geometric) {
    return nums.length === cols.length ? nums.map((num, i) => ({ num, col: cols[i] })) : [];
  }
  const gaps = cols.slice(1).map((c, i) => c.x - cols[i].x).sort((a, b) => a - b);
  const limit = Math.max(25, (gaps[Math.floor(gaps.length / 2)] ?? 60) * 0.75);
  const pairs = nums.flatMap((num) => cols.map((col) => ({ num, col, d: Math.abs(centre(num) - col.x) })));
  pairs.sort((a, b) => a.d - b.d);
  const usedN = new Set<Atom>();
  const usedC = new Set<HeaderHit>();
  const out: Array<{ num: Atom; col: HeaderHit }> = [];
  for (const p of pairs) {
    if (p.d > limit || usedN.has(p.num) || usedC.has(p.col)) continue;
    usedN.add(p.num);
    usedC.add(p.col);
    out.push({ num: p.num, col: p.col });
  }
  return out;
}

/**
 * Columns in header order with fewer amounts than columns: which are blank? A 合计 column first must equal the sum
 * of the others (支出总表: 合计 = 基本 + 项目 + 机动经费 …). Positions inside a merged header cell are only estimates,
 * so among the layouts that add up, the one leaving the most commonly blank columns empty wins; position breaks ties.
 */
function assignOrdered(nums: Atom[], cols: HeaderHit[], unit: string): Array<{ num: Atom; col: HeaderHit }> | null {
  if (!cols[0]?.id.includes("#current") || nums.length > cols.length || nums.length < 2) return null;
  const cents = nums.map((n) => { const a = parseAmountIn(n.text, unit); return a ? centsOf(a) : NaN; });
  if (cents.slice(1).reduce((a, b) => a + b, 0) !== cents[0]) return null;
  const blankCost = (id: string) => {
    const i = BLANK_FIRST.indexOf(id);
    return i < 0 ? BLANK_FIRST.length : i;
  };
  type Pairs = Array<{ num: Atom; col: HeaderHit }>;
  let best: { pairs: Pairs; prior: number; cost: number } | null = null;
  const pick = (start: number, chosen: number[]): void => {
    if (chosen.length === nums.length) {
      const pairs = chosen.map((c, i) => ({ num: nums[i], col: cols[c] }));
      const prior = cols.reduce((s, c, i) => s + (chosen.includes(i) ? 0 : blankCost(c.id)), 0);
      const cost = pairs.reduce((s, p) => s + Math.abs(centre(p.num) - p.col.x), 0);
      if (!best || prior < best.prior || (prior === best.prior && cost < best.cost)) best = { pairs, prior, cost };
      return;
    }
    for (let c = start; c < cols.length; c++) pick(c + 1, [...chosen, c]);
  };
  pick(1, [0]);
  return best ? (best as { pairs: Pairs }).pairs : null;
}

/** Column tables: headers are the lines before the first line with amounts; the 合计 row is the total row, else that line. */
function columnTable(s: Section, ctx: TableContext): Candidate[] {
  const defs = s.template.columns;
  if (defs.length === 0) return [];
  const dataIdx = s.lines.findIndex((l) => l.atoms.filter(isAmount).length >= 2);
  if (dataIdx < 0) return [];
  let header = s.lines.slice(0, dataIdx);
  const unit = sectionUnit(s);
  const data = s.kind === "threePublic" ? s.lines[dataIdx] : totalRow(s.lines.slice(dataIdx)) ?? s.lines[dataIdx];
  if (s.kind === "threePublic") {
    const byTemplate = threePublicByTemplate(s, header, data, unit, ctx);
    if (byTemplate.length) return byTemplate;
  }
  // 决算 "三公" tables print 预算数 and 决算数 side by side: a final-accounts figure is the 决算数.
  const split = splitBudgetActual(header);
  let nums = data.atoms.filter(isAmount);
  if (split !== null) {
    nums = nums.filter((n) => centre(n) > split);
    header = header.map((l) => ({ ...l, atoms: l.atoms.filter((a) => centre(a) > split) }));
  }
  const cols = headerHits(header, defs, s.template.groupHeaders);
  if (new Set(cols.map((c) => c.id)).size < 2) return [];
  const pairs = assignOrdered(nums, cols, unit) ?? assignColumns(nums, cols);
  const byId = resolveSubtotals(s.kind, pairs);
  const out: Candidate[] = [];
  for (const [id, { num, label }] of byId) {
    if (!id.includes(".")) continue;
    const c = candidate(id, num, unit, data, `${s.title}：${label} ${num.text}`, ctx);
    if (c) out.push(c);
  }
  return out;
}

function threePublicByTemplate(s: Section, header: Line[], data: Line, unit: string, ctx: TableContext): Candidate[] {
  const nums = data.atoms.filter(isAmount);
  const amounts = nums.map((n) => parseAmountIn(n.text, unit));
  if (amounts.some((a) => a === null)) return [];
  const solved = solveThreePublic(header.map((l) => l.text).join(" "), amounts as NonNullable<(typeof amounts)[number]>[]);
  if (!solved) return [];
  const out: Candidate[] = [];
  for (const [col, i] of solved) {
    const key = KEY_OF[col];
    if (!key) continue;
    const c = candidate(key, nums[i], unit, data, `${s.title}：${LABEL_OF[col]} ${nums[i].text}`, ctx);
    if (c) out.push(c);
  }
  return out;
}

/** x dividing 预算数 columns from 决算数 columns, when the header has both groups. */
function splitBudgetActual(header: Line[]): number | null {
  const atoms = header.flatMap((l) => l.atoms);
  const b = atoms.find((a) => /^预算数?$/.test(a.text));
  const f = atoms.find((a) => /^(决算数?|实际(支出)?数?)$/.test(a.text));
  if (!b || !f || b.x0 === null || f.x0 === null) return null;
  return (centre(b) + centre(f)) / 2;
}

/**
 * "三公" tables nest subtotal columns: the outer group's 小计 (三公 total) comes first, the vehicle group's 小计
 * (购置 + 运行) second — each subtotal precedes its parts. Without 小计 columns, 合计 is the 三公 total itself
 * unless the table also carries 会议费/培训费.
 */
function resolveSubtotals(kind: string, pairs: Array<{ num: Atom; col: HeaderHit }>): Map<string, { num: Atom; label: string }> {
  const out = new Map<string, { num: Atom; label: string }>();
  if (kind !== "threePublic") {
    for (const p of pairs) if (!out.has(p.col.id)) out.set(p.col.id, { num: p.num, label: p.col.label });
    return out;
  }
  const subs = pairs.filter((p) => p.col.id === "sub").sort((a, b) => a.col.x - b.col.x);
  for (const p of pairs) if (p.col.id.includes(".")) out.set(p.col.id, { num: p.num, label: p.col.label });
  if (subs.length >= 2) {
    out.set("three_public.total", { num: subs[0].num, label: "“三公”经费小计" });
    out.set("three_public.vehicle", { num: subs[1].num, label: "公务用车购置及运行维护费小计" });
  } else if (subs.length === 1) {
    const overseas = pairs.find((p) => p.col.id === "three_public.overseas");
    const isOuter = !overseas || subs[0].col.x < overseas.col.x;
    out.set(isOuter ? "three_public.total" : "three_public.vehicle", { num: subs[0].num, label: "小计" });
  }
  const all = pairs.find((p) => p.col.id === "all");
  const hasOthers = pairs.some((p) => p.col.id === "meeting" || p.col.id === "training");
  if (all && !out.has("three_public.total") && !hasOthers) out.set("three_public.total", { num: all.num, label: "合计" });
  return out;
}

/** Whether a line opens with a row label of the template (after a list number: 1.公务接待费). */
function rowLabelled(line: Section["lines"][number], defs: Section["template"]["rows"]): boolean {
  const first = line.atoms.find((a) => a.kind === "text");
  return !!first && matchRowLabel(first.text.replace(/^\s*(?:\d{1,2}[.、．]|其中[:：]?\s*(?:[(（]\d{1,2}[)）])?|[(（]\d{1,2}[)）])\s*/, ""), defs) !== null;
}

export function tableCandidates(sections: Section[], fiscalYear: number): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sections) {
    const ctx = { priority: s.template.priority, fiscalYear };
    // The template says how to read its table, in order, until one way yields figures; a table whose lines open with
    // three or more of its row labels is printed down (项目 | 本年预算数: 合计 / 因公出国（境）费 / 公务接待费 …)
    // and is read by rows whatever the template's usual layout.
    const down = s.template.rows.length > 0 && s.lines.filter((l) => rowLabelled(l, s.template.rows)).length >= 3;
    const ways = down && s.template.read.includes("rows") ? ["rows", ...s.template.read.filter((w) => w !== "rows")] : s.template.read;
    for (const way of ways) {
      const found = way === "rows" ? rowTable(s, ctx) : columnTable(s, ctx);
      if (found.length) {
        out.push(...found);
        break;
      }
    }
  }
  return out;
}
