import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import { parseAmountIn } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { cellEvidence, halfCents, cents, inTableUnit } from "./lib/line-items.js";

/**
 * The 科目 lines of a 情况说明 name a 科目 by its path and state its amount: “教育支出（类）普通教育（款）小学教育（项）”
 * 25.77万元 … 2024年预算安排25.77万元. The table prints the same 科目 under its code; the prose amount should be one the
 * table prints for it (any of its tables, its 合计 column), within the rounding of both.
 */
// A name may hold its own brackets (政府办公厅（室）及相关机构事务), never (类)/(款)/(项).
const NAME = String.raw`((?:[^“”"()（）\d，。；]|\([^()类款项]{1,4}\)){2,40}?)`;
const RE_PATH = new RegExp(String.raw`[“"]?${NAME}\(类\)${NAME}\(款\)(?:${NAME}\(项\))?[”"]?\s*(?:科目)?(?:预算数?为?|为)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*(万元|元)`, "g");
const NUM = "(\\d+(?:\\.\\d+)?)\\s*(万元|元)";

const norm = (s: string) => s.replace(/[\s“”"]/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")");

/** The line items of the 科目 a path names: its 类 by name, the 款 of that 类 by name, the 项 of that 款 by name. */
function itemsOf(items: readonly LineItem[], path: string[]): LineItem[] {
  let code = "";
  for (const [i, name] of path.entries()) {
    const len = [3, 5, 7][i];
    const found = items.find((x) => x.code && x.code.length === len && x.code.startsWith(code) && norm(x.name) === norm(name));
    if (!found?.code) return [];
    code = found.code;
  }
  return items.filter((x) => x.code === code && x.role === "total");
}

/** Does a prose amount (its own rounding) equal a table cell (its own rounding)? */
function agrees(value: number, half: number, x: LineItem): boolean {
  return Math.abs(Math.round(value * 100) - cents(x)) <= half + halfCents(x);
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  const items = ctx.report.lineItems ?? [];
  const fy = ctx.report.fiscalYear;
  if (!doc || items.length === 0 || fy === null) return [];
  const out: Finding[] = [];
  const rePlanned = new RegExp(`${fy}\\s*年(?:度)?(?:预算安排|预算数为|决算数为|支出决算为)\\s*${NUM}`, "g");
  for (const u of textUnits(doc)) {
    if (u.table) continue;
    for (const m of u.text.matchAll(RE_PATH)) {
      const path = [m[1], m[2], m[3]].filter((x): x is string => Boolean(x));
      const cells = itemsOf(items, path);
      if (cells.length === 0) continue;
      // The head figure, and this year's figure the same line states again before the next 科目 line.
      const rest = u.text.slice(m.index + m[0].length);
      const stop = rest.search(/\d+[.、]\s*[“"]|[“"][^”"]{2,30}\(类\)/);
      const claims = [{ num: m[4], unit: m[5] }, ...[...(stop < 0 ? rest : rest.slice(0, stop)).matchAll(rePlanned)].map((x) => ({ num: x[1], unit: x[2] }))];
      for (const c of claims) {
        const a = parseAmountIn(c.num, c.unit);
        if (!a) continue;
        const half = a.value === 0 ? 0 : Math.round((50 * a.scale) / Math.pow(10, a.decimals));
        if (cells.some((x) => agrees(a.value, half, x))) continue;
        const x = cells[0];
        out.push(
          ctx.finding({
            messageId: "proseDiffersFromTable",
            data: { subject: path.join("/"), stated: `${c.num}${c.unit}`, table: x.title, code: x.code ?? "", printed: inTableUnit(x.value, x) },
            expected: x.value,
            actual: a.value,
            refs: [{ key: "document.claim", year: fy }],
            evidence: [unitEvidence(doc, u, u.text.slice(m.index, m.index + m[0].length + Math.min(stop < 0 ? 120 : stop, 160)).trim()), cellEvidence(ctx.report, x)],
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
    zh: "情况说明中按“类/款/项”列出的科目金额（及其“某年预算安排”数）应与公开表中同一科目（按编码定位）的合计数一致，按两处打印位数容许四舍五入",
    en: "A 科目 line of the 情况说明 (named by its 类/款/项 path, with its amount and the year's 预算安排) states an amount the tables print for that 科目 (found by code, its 合计 column), within the rounding of both",
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
