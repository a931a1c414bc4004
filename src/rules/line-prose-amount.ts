import { subjectRefs } from "./lib/subject-keys.js";
import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { isHeadingLike, textUnits, unitEvidence } from "./lib/doc-text.js";
import { cellEvidence, halfCents, cents, inTableUnit } from "./lib/line-items.js";

/**
 * The 科目 lines of a 情况说明 name a 科目 by its path and state its amount: “教育支出（类）普通教育（款）小学教育（项）”
 * 25.77万元 … 2024年预算安排25.77万元. The table prints the same 科目 under its code; the prose amount should be one the
 * table prints for it (any of its tables, its 合计 column), within the rounding of both.
 */
// A name may hold its own brackets (政府办公厅（室）及相关机构事务), never (类)/(款)/(项).
const NAME = String.raw`((?:[^“”"()（）\d，。；]|\([^()类款项]{1,4}\)){2,40}?)`;
// An amount as printed (12,268.62万元): the digits and the unit.
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)`;
const AMOUNT = String.raw`[”"]?\s*(?:科目)?(?:支出)?(?:预算数?为?|为)?\s*[:：]?\s*${NUM}`;
// “类（类）款（款）项（项）”25.77万元, or a 类 line alone (公共安全（类）支出16,593.12万元).
const RE_PATH = new RegExp(String.raw`[“"]?${NAME}\(类\)(?:${NAME}\(款\)(?:${NAME}\(项\))?)?${AMOUNT}`, "g");
// Under a 类 heading: 检察（款）行政运行（项）支出12,268.62万元.
const RE_SUB = new RegExp(String.raw`[“"]?${NAME}\(款\)(?:${NAME}\(项\))?${AMOUNT}`, "g");
// A heading naming a 类 alone: （一）公共安全（类）.
const RE_CLASS_HEADING = /^\s*(?:[(][一二三四五六七八九十]+[)]|[一二三四五六七八九十]+、|\d+[.、])?\s*([^\d()，。；:]{2,30})\(类\)\s*$/;
// Where the next 科目 line starts: its number and quote, a quoted path, or a numbered 款 line.
const RE_NEXT_LINE = /\d+[.、]\s*[“"]|[“"][^”"]{2,30}\((?:类|款)\)|\d+[.、][^\d，。；]{2,30}\(款\)/;
// A 科目 line restates its year's figure within a sentence or two: no further than this is read for it.
const LINE_REACH = 400;

// Names compared without quotes, spaces, bracket width or the numbering a lazy match may take along (1.检察).
const norm = (s: string) => s.replace(/[\s“”"]/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/^[.、．]+/, "");

/** The prose may drop the 支出 a 类 name ends with (公共安全（类） for 公共安全支出). */
function sameName(printed: string, said: string): boolean {
  const [a, b] = [norm(printed), norm(said)];
  return a === b || a === `${b}支出`;
}

/** The line items of the 科目 a path names: its 类 by name, the 款 of that 类 by name, the 项 of that 款 by name. */
function itemsOf(items: readonly LineItem[], path: string[]): LineItem[] {
  let code = "";
  for (const [i, name] of path.entries()) {
    const len = [3, 5, 7][i];
    const found = items.find((x) => x.code && x.code.length === len && x.code.startsWith(code) && sameName(x.name, name));
    if (!found?.code) return [];
    code = found.code;
  }
  // A table of one amount column calls it 金额 (role amount); others their 合计.
  return items.filter((x) => x.code === code && (x.role === "total" || x.role === "amount"));
}

/** Which tables a section's 科目 lines speak of: 财政拨款/一般公共预算 money, or all funds (支出预算总计 …); null when unsaid. */
const FISCAL_TABLES = new Set(["general", "generalBasic", "fiscal", "fiscalExpenditure", "fiscalBasic"]);
const ALL_FUNDS_TABLES = new Set(["expenditure", "summary"]);
function scopeOf(heading: string): Set<string> | null {
  if (/财政拨款|一般公共预算/.test(heading)) return FISCAL_TABLES;
  if (/支出(?:预算|决算)|(?:预算|决算)支出/.test(heading)) return ALL_FUNDS_TABLES;
  return null;
}

/** Does a prose amount (its own rounding) equal a table cell (its own rounding)? */
function agrees(a: Amount, x: LineItem): boolean {
  return Math.abs(cents(a) - cents(x)) <= halfCents(a) + halfCents(x);
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  const items = ctx.report.lineItems ?? [];
  const fy = ctx.report.fiscalYear;
  if (!doc || items.length === 0 || fy === null) return [];
  const out: Finding[] = [];
  const rePlanned = new RegExp(`${fy}\\s*年(?:度)?(?:预算安排|预算数为|决算数为|支出决算为)\\s*${NUM}`, "g");
  let heading: string | null = null;
  let scope: Set<string> | null = null;
  for (const u of textUnits(doc)) {
    if (u.table) continue;
    const h = RE_CLASS_HEADING.exec(u.text);
    if (h) {
      heading = h[1];
      continue;
    }
    // A section's heading says whose money its 科目 lines count: the prose of 支出预算总计 is not the 财政拨款 table's.
    if (isHeadingLike(u) || /^[(（]?[一二三四五六七八九十]+[)）、]/.test(u.text)) scope = scopeOf(u.text) ?? scope;
    const lines: Array<{ path: string[]; num: string; unit: string; start: number; end: number }> = [];
    for (const m of u.text.matchAll(RE_PATH)) lines.push({ path: [m[1], m[2], m[3]].filter((x): x is string => Boolean(x)), num: m[4], unit: m[5], start: m.index, end: m.index + m[0].length });
    if (heading) {
      for (const m of u.text.matchAll(RE_SUB)) {
        if (lines.some((l) => m.index < l.end && m.index + m[0].length > l.start)) continue;
        lines.push({ path: [heading, m[1], m[2]].filter((x): x is string => Boolean(x)), num: m[3], unit: m[4], start: m.index, end: m.index + m[0].length });
      }
    }
    for (const l of lines) {
      const cells = itemsOf(items, l.path).filter((x) => !scope || scope.has(x.table));
      if (cells.length === 0) continue;
      // The head figure, and this year's figure the same line states again before the next 科目 line.
      const rest = u.text.slice(l.end, l.end + LINE_REACH);
      const stop = rest.search(RE_NEXT_LINE);
      const claims = [{ num: l.num, unit: l.unit }, ...[...(stop < 0 ? rest : rest.slice(0, stop)).matchAll(rePlanned)].map((x) => ({ num: x[1], unit: x[2] }))];
      for (const c of claims) {
        const a = parseAmountIn(c.num, c.unit);
        if (!a) continue;
        if (cells.some((x) => agrees(a, x))) continue;
        const x = cells[0];
        out.push(
          ctx.finding({
            messageId: "proseDiffersFromTable",
            data: { subject: l.path.map((n) => n.replace(/^[.、．\s]+/, "")).join("/"), stated: `${c.num}${c.unit}`, table: x.title, code: x.code ?? "", printed: inTableUnit(x.value, x) },
            expected: x.value,
            actual: a.value,
            // A 科目 line is a canonical metric only when its name is one as a whole (rarely: 科目 are not metrics).
            refs: subjectRefs(l.path[l.path.length - 1], fy, ctx.report.kind, { exact: true }),
            evidence: [unitEvidence(doc, u, u.text.slice(l.start, l.end + Math.min(stop < 0 ? 120 : stop, 160)).trim()), cellEvidence(ctx.report, x)],
          }),
        );
        break;
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-prose-amount",
  description: {
    zh: "情况说明中按“类/款/项”列出的科目金额（及其“某年预算安排”数；“（一）某某（类）”标题下的款/项行亦然）应与公开表中同一科目（按编码定位）的合计数一致：财政拨款/一般公共预算部分对照财政拨款表，支出预算总计部分对照支出总表；按两处打印位数容许四舍五入",
    en: "A 科目 line of the 情况说明 (named by its 类/款/项 path, or its 款/项 under a 类 heading, with its amount and the year's 预算安排) states an amount the tables print for that 科目 (found by code, its 合计 column) — the 财政拨款 tables for a 财政拨款/一般公共预算 section, the 支出总表 for all funds — within the rounding of both",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-line-prose-amount" },
  messages: {
    proseDiffersFromTable: { zh: "情况说明写“{subject}”为 {stated}，而{table}中该科目（{code}）为 {printed}" },
  },
};

export const lineProseAmount: Rule = { meta, check };
