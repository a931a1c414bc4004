import type { Finding } from "../extract/finding.js";
import type { Cell, TableBlock } from "../document/model.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { parseAmount } from "../extract/amount.js";
import { cornerRange, grade } from "./lib/tolerance.js";

const HEAD_ADJUSTED = /^(全年预算数|调整后预算数?|调整预算数?|全年预算)$/;
const HEAD_EXECUTED = /^(全年执行数|执行数|实际执行数|预算执行数|全年实际支出|实际支出数?)$/;
const HEAD_RATE = /^(预算)?执行率$/;

interface Num {
  value: number;
  half: number;
  text: string;
}

/** A cell's number as printed (its own unit, no table unit: the ratio needs none), with half a unit of its last digit. */
function num(c: Cell | undefined): Num | null {
  const t = c?.norm.replace(/[\s,，]/g, "").replace(/％/g, "%") ?? "";
  if (!/^\d+(\.\d+)?%?$/.test(t)) return null;
  const a = parseAmount(t);
  if (!a) return null;
  const decimals = /\.(\d+)/.exec(t)?.[1].length ?? 0;
  return { value: a.kind === "percent" ? a.value : Number(t), half: 0.5 / Math.pow(10, decimals), text: t };
}

// A header's bracketed note (全年预算数(A), 预算执行率(B/A×100%), (万元)) names no other column.
const label = (c: Cell) => c.norm.replace(/\([^()]*\)|（[^（）]*）/g, "").replace(/[\s（）()万元]/g, "");

/**
 * Each row of a 自评表's 资金 block (年度资金总额, 其中：财政拨款, 上年结转, 其他资金) states 全年预算数, 全年执行数 and
 * 执行率: the rate is the two amounts' ratio, up to their rounding.
 */
function tableRows(t: TableBlock): Array<{ row: Cell[]; adjusted: Num; executed: Num; rate: Num }> {
  const out: Array<{ row: Cell[]; adjusted: Num; executed: Num; rate: Num }> = [];
  let cols: { adjusted: number; executed: number; rate: number } | null = null;
  for (const r of t.rows) {
    const at = (re: RegExp) => r.cells.find((c) => re.test(label(c)))?.col;
    const [a, e, k] = [at(HEAD_ADJUSTED), at(HEAD_EXECUTED), at(HEAD_RATE)];
    if (a !== undefined && e !== undefined && k !== undefined) {
      cols = { adjusted: a, executed: e, rate: k };
      continue;
    }
    if (!cols) continue;
    const cell = (col: number) => r.cells.find((c) => c.col === col);
    // Rows sit one column off their header where the header has a merged cell of its own (年度预算数(万元) above the
    // row labels) or none above them: the offset at which the rate column holds a percentage.
    for (const off of [0, -1, 1]) {
      const [adjusted, executed, rate] = [num(cell(cols.adjusted + off)), num(cell(cols.executed + off)), num(cell(cols.rate + off))];
      // A row without all three (a heading row, 目标 rows below the block) ends nothing: blocks are short.
      if (!adjusted || !executed || !rate || !rate.text.endsWith("%") || adjusted.value === 0 || adjusted.text.endsWith("%") || executed.text.endsWith("%")) continue;
      out.push({ row: r.cells, adjusted, executed, rate });
      break;
    }
  }
  return out;
}

/** A row whose rate and execution extraction read as metrics is stated-ratio's to judge: report it once. */
function judgedElsewhere(ctx: RuleContext, rate: Num, executed: Num): boolean {
  const all = [...ctx.report.metrics, ...ctx.report.projects.flatMap((p) => p.metrics)];
  const digits = (t: string) => t.replace(/[^\d.]/g, "");
  return all.some((m) => m.key === "budget.execution_rate" && m.value === rate.value) && all.some((m) => m.key === "budget.executed" && digits(m.text) === digits(executed.text));
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  for (const page of doc.pages) {
    for (const b of page.blocks) {
      if (b.kind !== "table") continue;
      for (const { row, adjusted, executed, rate } of tableRows(b)) {
        const f = (x: number, y: number) => (x / y) * 100;
        const e = f(executed.value, adjusted.value);
        const [lo, hi] = cornerRange(f, [[executed.value - executed.half, executed.value + executed.half], [adjusted.value - adjusted.half, adjusted.value + adjusted.half]]);
        const tol = Math.max(e - lo, hi - e) + rate.half;
        const verdict = grade(rate.value - e, tol, 2 * rate.half);
        if (verdict === "ok" || verdict === "rounding" || judgedElsewhere(ctx, rate, executed)) continue;
        const name = row.map((c) => c.norm).find((x) => x && !/^[\d.,%\s—/-]+$/.test(x)) ?? "资金";
        out.push(
          ctx.finding({
            messageId: "rowRateDiffers",
            data: { name, rate: rate.text, executed: executed.text, adjusted: adjusted.text, computed: `${e.toFixed(2)}%` },
            verdict,
            refs: [{ key: "budget.execution_rate", year: ctx.report.fiscalYear ?? 0 }],
            expected: e,
            actual: rate.value,
            tolerance: tol,
            evidence: [{ source: doc.source.path, page: doc.paged ? page.number : null, quote: row.map((c) => c.norm).filter(Boolean).join(" | ") }],
          }),
        );
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "execution-rows",
  description: {
    zh: "自评表资金情况各行（年度资金总额、其中财政拨款、上年结转、其他资金）的执行率 = 全年执行数 ÷ 全年预算数，按打印位数容许四舍五入",
    en: "Every row of a score table's funding block (total, of which fiscal, carried over, other) states its execution rate as 全年执行数 / 全年预算数, within the printed figures' rounding",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-execution-rows" },
  messages: {
    rowRateDiffers: { zh: "「{name}」执行率 {rate}，而全年执行数 {executed} ÷ 全年预算数 {adjusted} = {computed}{note}" },
  },
};

export const executionRows: Rule = { meta, check };
