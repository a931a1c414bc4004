import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { balance, cellEvidence, cellName, cents, columnKey, failing, groupBy, halfCents, inTableUnit, leaf, sumFinding, type Balance } from "./lib/line-items.js";
import { MONEY_FIGURE } from "./lib/money-figure.js";

/**
 * The 政府采购(支出)预算表 files every purchase under one of the three categories of 《政府采购品目分类目录》 — 货物 (A),
 * 工程 (B), 服务 (C) — so, column by column, its 合计 is the sum of the category rows. The 情况说明 states the same
 * total and categories in words (政府采购预算总额 X 万元，其中拟采购货物 a 万元、拟购买服务 c 万元): each equals the
 * table's cell. Within the rounding of the printed figures.
 */
const CATEGORY = /^(货物|工程|服务)类?[A-CＡ-Ｃ]?$/;
const NUM = MONEY_FIGURE;
// The total told in words: 政府采购(支出)预算(总额/总金额/合计)(为) X.
const RE_TOTAL = new RegExp(String.raw`政府采购(?:支出)?(?:预算|支出|决算)(?:总额|总金额|合计|总计)?(?:为|共计|是)?\s*${NUM}`, "g");
// A category in the 其中 list after it: (拟)(采购|购买)货物(支出)(预算) a.
const RE_PART = new RegExp(String.raw`(货物|工程|服务)(?:类)?(?:采购)?(?:支出)?(?:预算)?(?:为)?\s*${NUM}`, "g");

type Check = { total: LineItem; parts: LineItem[]; result: Balance };

/** Every (合计, its column's category rows) pair with its balance; a column with fewer than two categories is no split. */
function tableChecks(items: readonly LineItem[]): Check[] {
  const out: Check[] = [];
  for (const column of groupBy(items, columnKey).values()) {
    const byCategory = new Map<string, LineItem>();
    for (const x of column) {
      const m = CATEGORY.exec(x.name);
      if (m && !byCategory.has(m[1])) byCategory.set(m[1], x);
    }
    const parts = [...byCategory.values()];
    if (parts.length < 2) continue;
    for (const total of column.filter((x) => x.level === "total")) out.push({ total, parts, result: balance(total, parts) });
  }
  return out;
}

function agrees(a: Amount, x: LineItem): boolean {
  return Math.abs(Math.round(a.value * 100) - cents(x)) <= Math.round((50 * a.scale) / Math.pow(10, a.decimals)) + halfCents(x);
}

/** The column the 情况说明 speaks of: the first one with a 合计 row (总计, or the table's only amount column). */
function mainColumn(items: readonly LineItem[]): LineItem[] {
  for (const column of groupBy(items, columnKey).values()) if (column.some((x) => x.level === "total")) return column;
  return [];
}

function check(ctx: RuleContext): Finding[] {
  const items = (ctx.report.lineItems ?? []).filter((x) => x.table === "procurement");
  if (items.length === 0) return [];
  const out: Finding[] = [];
  for (const { total, parts, result } of failing(tableChecks(items), (c) => c.total.tableNo)) {
    out.push(sumFinding(ctx, "tableDoesNotAdd", { table: total.title, column: leaf(total) || "金额", total: cellName(total), parts: parts.map(cellName).join(" + "), sum: inTableUnit(result.expected, total) }, total, parts, result));
  }
  const doc = ctx.doc;
  const fy = ctx.report.fiscalYear;
  // One procurement table only: with two (two units, two years) the prose may speak of either.
  if (!doc || fy === null || new Set(items.map((x) => x.tableNo)).size !== 1) return out;
  const column = mainColumn(items);
  const totalCell = column.find((x) => x.level === "total");
  if (!totalCell) return out;
  const cells = new Map<string, LineItem>();
  for (const x of column) {
    const m = CATEGORY.exec(x.name);
    if (m && !cells.has(m[1])) cells.set(m[1], x);
  }
  for (const u of textUnits(doc)) {
    if (u.table || !u.text.includes("政府采购")) continue;
    for (const m of u.text.matchAll(RE_TOTAL)) {
      const start = Math.max(u.text.lastIndexOf("。", m.index) + 1, 0);
      const years = [...u.text.slice(start, m.index).matchAll(/((?:19|20)\d{2})\s*年/g)].map((y) => Number(y[1]));
      if (years.some((y) => y !== fy)) continue;
      // The parts may follow in the next sentence (…总金额为 X 万元。其中拟购买货物 a 万元…).
      const first = u.text.indexOf("。", m.index);
      const stop = first >= 0 && /^\s*其中/.test(u.text.slice(first + 1)) ? u.text.indexOf("。", first + 1) : first;
      const sentence = u.text.slice(m.index, stop < 0 ? u.text.length : stop);
      const said: Array<{ printed: string; amount: Amount; cell: LineItem }> = [];
      const a = parseAmountIn(m[1], m[2]);
      if (a) said.push({ printed: m[0], amount: a, cell: totalCell });
      for (const p of sentence.slice(m[0].length).matchAll(RE_PART)) {
        const b = parseAmountIn(p[2], p[3]);
        const cell = cells.get(p[1]);
        if (b && cell) said.push({ printed: p[0], amount: b, cell });
      }
      for (const s of said) {
        if (agrees(s.amount, s.cell)) continue;
        out.push(
          ctx.finding({
            messageId: "proseDiffersFromTable",
            data: { stated: s.printed.replace(/\s+/g, ""), table: s.cell.title, row: cellName(s.cell), printed: inTableUnit(s.cell.value, s.cell) },
            expected: s.cell.value,
            actual: s.amount.value,
            refs: [{ key: "document.claim", year: fy }],
            evidence: [unitEvidence(doc, u, u.text.slice(start, stop < 0 ? u.text.length : stop + 1).trim()), cellEvidence(ctx.report, s.cell)],
          }),
        );
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "procurement-table",
  description: {
    zh: "政府采购（支出）预算表：各列“合计”等于货物、工程、服务各类之和；情况说明所写政府采购总额及货物、工程、服务金额与该表相符；按打印位数容许四舍五入",
    en: "The 政府采购 budget table: each column's 合计 equals its 货物, 工程 and 服务 category rows, and the 情况说明's procurement total and category amounts equal the table's cells; within the rounding of the printed figures",
  },
  defaultSeverity: "error",
  scope: "report",
  // The table's sum needs no document, but its prose does: a report checked from the store keeps the findings it had.
  needsDocument: true,
  docs: { url: "README.md#rule-procurement-table" },
  messages: {
    tableDoesNotAdd: { zh: "{table}“{column}”列：{total} ≠ {parts} = {sum}{note}" },
    proseDiffersFromTable: { zh: "情况说明写“{stated}”，而{table}中{row}为 {printed}{note}" },
  },
};

export const procurementTable: Rule = { meta, check };
