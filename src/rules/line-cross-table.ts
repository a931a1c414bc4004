import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Report } from "../extract/schema.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { balance, sumFinding, cellName, inTableUnit, type Balance } from "./lib/line-items.js";
import { CARRY_LINE, COLUMN_ROLES } from "../extract/vocab/line-items.js";
import { classRows, grandTotal, lines, sameName, sideTotals, sides, tablesOf, totals } from "./lib/line-tables.js";

/**
 * One identity between the national tables: `a` must equal one of `candidates` (several rows may print the figure:
 * 收入总计 and 本年收入合计 of a 收支总表), or the sum of `parts`.
 */
export interface Identity {
  what: string;
  a: LineItem;
  candidates?: LineItem[];
  parts?: LineItem[];
}

function slippedUnit(a: number, b: number): boolean {
  if (a === 0 || b === 0) return false;
  const r = Math.abs(a / b);
  return Math.abs(r / 1e4 - 1) < 1e-3 || Math.abs(r * 1e4 - 1) < 1e-3;
}

/** The largest total of each table of a kind: its grand total. */
function grand(items: readonly LineItem[], table: string, role = "total"): LineItem[] {
  return tablesOf(items, table).flatMap((t) => {
    const xs = totals(t, role);
    return xs.length ? [xs.reduce((a, b) => (b.value > a.value ? b : a))] : [];
  });
}

/** 收入总计 = 支出总计 on every 收支总表 and 财政拨款收支总表; each side's total = its 本年 total + 结转 lines. */
function summaryIdentities(items: readonly LineItem[]): Identity[] {
  const out: Identity[] = [];
  for (const kind of ["summary", "fiscal"]) {
    for (const t of tablesOf(items, kind)) {
      const ss = sides(t);
      const first = grandTotal(t, ss[0]);
      for (const s of ss.slice(1)) {
        const g = grandTotal(t, s);
        if (first && g) out.push({ what: `${kind === "fiscal" ? "财政拨款收支总表" : "收支总表"}收入总计 = 支出总计`, a: g, candidates: [first] });
      }
      for (const s of ss) {
        const g = grandTotal(t, s);
        const current = g ? sideTotals(t, s).filter((x) => x !== g && x.row < g.row) : [];
        if (!g || current.length !== 1) continue;
        // Between the 本年 total and the 总计 only 结转/结余 lines may print an amount (a blank one is nothing): another
        // line there is a part this identity does not know.
        const between = lines(t, /./, "total", s).filter((x) => x.row > current[0].row && x.row < g.row);
        if (between.some((x) => !CARRY_LINE.test(x.name))) continue;
        out.push({ what: "总计 = 本年合计 + 结转结余各行", a: g, parts: [current[0], ...between] });
      }
    }
  }
  return out;
}

function betweenTables(items: readonly LineItem[], kind: Report["kind"]): Identity[] {
  const out: Identity[] = [];
  const summary = tablesOf(items, "summary");
  const fiscal = tablesOf(items, "fiscal");
  const incomeSide = summary.flatMap((t) => sideTotals(t, sides(t)[0]));
  const outflowSides = summary.flatMap((t) => sides(t).slice(1).flatMap((s) => sideTotals(t, s)));
  for (const a of grand(items, "income")) if (incomeSide.length) out.push({ what: "收入总表合计 = 收支总表收入合计", a, candidates: incomeSide });
  for (const a of grand(items, "expenditure")) if (outflowSides.length) out.push({ what: "支出总表合计 = 收支总表支出合计", a, candidates: outflowSides });
  const fiscalOut = fiscal.flatMap((t) => sides(t).slice(1).flatMap((s) => sideTotals(t, s)));
  for (const a of grand(items, "fiscalExpenditure")) if (fiscalOut.length) out.push({ what: "财政拨款支出表合计 = 财政拨款收支总表支出合计", a, candidates: fiscalOut });
  // The 一般公共预算 share of the 财政拨款收支总表: its 一般公共预算 column, or (budgets, where income = spending) its
  // 一般公共预算 income line.
  const generalInFiscal = fiscal.flatMap((t) => [...totals(t, "general"), ...(kind === "budget" ? lines(t, /^一般公共预算/, "total", sides(t)[0]) : [])]);
  for (const a of grand(items, "general")) if (generalInFiscal.length) out.push({ what: "一般公共预算支出表合计 = 财政拨款收支总表一般公共预算", a, candidates: generalInFiscal });
  const generalBasic = tablesOf(items, "general").flatMap((t) => totals(t, "basic"));
  for (const a of grand(items, "generalBasic")) if (generalBasic.length) out.push({ what: "一般公共预算基本支出表合计 = 一般公共预算支出表基本支出", a, candidates: generalBasic });
  // A 决算 基本支出表 printed as an 人员经费 side and a 公用经费 side, each closed by its own 合计 and no overall total.
  for (const t of tablesOf(items, "generalBasic")) {
    if (totals(t).length || generalBasic.length !== 1) continue;
    const sums = lines(t, /^(?:人员经费|公用经费)(?:合计|小计)$/);
    if (sums.length === 2 && sums[0].name !== sums[1].name) out.push({ what: "一般公共预算支出表基本支出 = 人员经费合计 + 公用经费合计", a: generalBasic[0], parts: sums });
  }
  const fiscalBasic = fiscal.flatMap((t) => lines(t, /^基本支出$/));
  for (const a of grand(items, "fiscalBasic")) if (fiscalBasic.length) out.push({ what: "财政拨款基本支出表合计 = 财政拨款收支总表基本支出", a, candidates: fiscalBasic });
  for (const [name, role] of [[/^基本支出$/, "basic"], [/^项目支出$/, "project"]] as const) {
    const inExpenditure = tablesOf(items, "expenditure").flatMap((t) => totals(t, role));
    if (!inExpenditure.length) continue;
    for (const a of summary.flatMap((t) => lines(t, name))) out.push({ what: `收支总表${a.name} = 支出总表${a.name}`, a, candidates: inExpenditure });
  }
  out.push(...functionLines(items), ...incomeSources(items));
  return out;
}

/** Income sources: the roles of the income columns (schemas/line-items.json columns), which name a source line too. */
const SOURCE_ROLES = new Set(["fiscalIncome", "general", "govFund", "stateCapital", "business", "operatingIncome", "otherIncome", "superior", "affiliated"]);

function sourceRole(name: string): string | null {
  const bare = name.replace(/[\s()（）]/g, "").replace(/\/(?:小计|合计)$/, "");
  const role = COLUMN_ROLES.find((c) => c.patterns.some((re) => re.test(bare)))?.role ?? null;
  return role && SOURCE_ROLES.has(role) ? role : null;
}

/**
 * One source of income split two ways: a 收支总表's income line (一、财政拨款收入, 事业收入, 其他收入) is the 收入总表's
 * total of that source — its 合计 row under the source's column, or the source's own (sub)total row where the table
 * lists sources down the page (一般公共预算资金/小计).
 */
function incomeSources(items: readonly LineItem[]): Identity[] {
  const income = tablesOf(items, "income");
  if (!income.length) return [];
  const out: Identity[] = [];
  for (const t of tablesOf(items, "summary")) {
    for (const a of lines(t, /./, "total", sides(t)[0])) {
      const role = sourceRole(a.name);
      if (!role || CARRY_LINE.test(a.name)) continue;
      const candidates = income.flatMap((u) => [
        ...totals(u, role),
        ...u.filter((x) => (x.level === "subtotal" || x.level === "total") && (x.role === "amount" || x.role === "total") && sourceRole(x.name) === role),
      ]);
      if (candidates.length) out.push({ what: `收支总表${a.name} = 收入总表同一来源合计`, a, candidates });
    }
  }
  return out;
}

/** A 功能分类 line of a 收支总表 (一、一般公共服务支出) is the 类 row of the same name in the table listing the same money. */
function functionLines(items: readonly LineItem[]): Identity[] {
  const out: Identity[] = [];
  const pairs: Array<[string, string, string, string]> = [
    ["summary", "total", "expenditure", "收支总表与支出总表同名类级科目"],
    ["fiscal", "general", "general", "财政拨款收支总表与一般公共预算支出表同名类级科目"],
    ["fiscal", "total", "fiscalExpenditure", "财政拨款收支总表与财政拨款支出表同名类级科目"],
  ];
  for (const [from, role, to, what] of pairs) {
    const rows = tablesOf(items, to).flatMap((t) => classRows(t));
    if (!rows.length) continue;
    for (const t of tablesOf(items, from)) {
      for (const a of lines(t, /支出$/, role).filter((x) => x.side > 0)) {
        const same = rows.filter((r) => sameName(r.name, a.name));
        if (same.length) out.push({ what, a, candidates: same });
      }
    }
  }
  return out;
}

/** Every identity the report's tables state, with its closest reading (a candidate that agrees, else the nearest). */
export function crossChecks(items: readonly LineItem[], kind: Report["kind"]): Array<{ identity: Identity; with: LineItem[]; result: Balance }> {
  const out: Array<{ identity: Identity; with: LineItem[]; result: Balance }> = [];
  if (!items.length) return out;
  for (const identity of [...summaryIdentities(items), ...betweenTables(items, kind)]) {
    const results = identity.parts ? [{ with: identity.parts, result: balance(identity.a, identity.parts) }] : (identity.candidates ?? []).map((c) => ({ with: [c], result: balance(identity.a, [c]) }));
    if (!results.length) continue;
    // A figure 10^4 away from a reading of the other table is a table unit misread (元 taken for 万元), which
    // unit-slip judges, not a disagreement between the tables.
    if (results.some((x) => slippedUnit(x.result.expected, x.result.actual))) continue;
    const agrees = results.find((x) => x.result.verdict === "ok" || x.result.verdict === "rounding");
    const best = agrees ?? results.reduce((p, q) => (Math.abs(q.result.expected - q.result.actual) < Math.abs(p.result.expected - p.result.actual) ? q : p));
    out.push({ identity, ...best });
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { identity, with: other, result } of crossChecks(ctx.report.lineItems ?? [], ctx.report.kind)) {
    if (result.verdict === "ok" || result.verdict === "rounding") continue;
    out.push(
      sumFinding(ctx, "tablesDisagree", { identity: identity.what, a: `${identity.a.title}${cellName(identity.a)}`, b: other.map((x) => `${x.title}${cellName(x)}`).join(" + "), sum: inTableUnit(result.expected, identity.a) }, identity.a, other, result),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-cross-table",
  description: {
    zh: "公开表之间的勾稽：收支总表收入总计 = 支出总计（总计 = 本年合计 + 结转结余）；收入总表、支出总表合计与收支总表一致，财政拨款支出表合计与财政拨款收支总表一致；一般公共预算支出表与财政拨款收支总表一致；基本支出表合计与一般公共预算支出表基本支出一致；收支总表基本支出、项目支出和各类级科目与支出总表一致；收支总表各项收入来源（财政拨款收入、事业收入、其他收入等）与收入总表同一来源的合计一致",
    en: "Identities between the national disclosure tables: the summary's income total equals its spending total (total = current-year total + carry-over lines); the income and spending tables' totals match the summary, the fiscal spending table's the fiscal summary; the general-budget table matches the fiscal summary; the basic-spending table's total matches the general-budget table's basic column; the summary's basic, project and 类 lines match the spending table; each income source line of the summary (财政拨款收入, 事业收入, 其他收入 …) matches the income table's total of that source",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-line-cross-table" },
  messages: {
    tablesDisagree: { zh: "{identity}：{a}，而 {b}（= {sum}）{note}" },
  },
};

export const lineCrossTable: Rule = { meta, check };
