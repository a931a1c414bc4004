import { subjectRefs } from "./lib/subject-keys.js";
import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { cellEvidence, halfCents, cents, inTableUnit } from "./lib/line-items.js";
import { threePublicSets, type Part } from "./lib/three-public.js";
import { flatThreePublicItems } from "./lib/flat-three-public.js";

/**
 * The "三公" 情况说明 restates the "三公" table: “三公”经费预算数为 22.91 万元，其中因公出国（境）费 0 万元，公务用车
 * 购置及运行费 21.56 万元（购置费 0 万元，运行费 21.56 万元），公务接待费 1.35 万元; and 机关运行经费预算为 X 万元. Each
 * amount said right after its label should be one the table prints for that part (this year's column groups: 预算数
 * and 决算数 alike), within the rounding of both. A label whose amount is another year's (2022年公务接待费, 上年) is
 * not this year's claim; an amount after a comparison (比上年增加 X 万元) is not the label's. A 决算 explains each part
 * against its own year's 预算 (因公出国（境）费支出0万元，与2021年度预算相比无增减): the change said must be the one the
 * table's 预算数 cell gives.
 */
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)`;
// Words that may stand between a label and its amount: whose money, which figure, a verb.
const FILL = String.raw`(?:财政拨款|一般公共预算)?(?:年初)?(?:预算|支出|决算|开支|安排)*(?:数|额|总额|合计)?(?:安排|共计|合计|总计|为|是|:|\s)*`;
const LABELS: Array<[Part, string]> = [
  ["total", String.raw`[“"]?三公[”"]?经费`],
  ["overseas", String.raw`因公出国\(境\)费?`],
  ["vehicle", String.raw`公务用车购置及运行(?:维护)?费`],
  ["purchase", String.raw`公务用车购置费`],
  ["operation", String.raw`公务用车运行(?:维护)?费`],
  ["reception", String.raw`公务接待费`],
  ["operating", String.raw`机关运行经费`],
];
const RE = LABELS.map(([part, label]) => [part, new RegExp(`${label}${FILL}${NUM}`, "g")] as const);
// Another year's figure: a year or 上年 right before the label.
const OTHER_YEAR = /(?:((?:19|20)\d{2})\s*年度?|上年|上一年|去年|上年度)[^，。；;]{0,6}$/;

function agrees(a: Amount, x: LineItem): boolean {
  return Math.abs(cents(a) - cents(x)) <= halfCents(a) + halfCents(x);
}

const PART_NAMES = /因公出国|公务接待|公务用车购置(?!及)|公务用车运行|公务用车购置及运行/g;

/**
 * The table's cells for one part in this year's column groups (a header naming another year is left out), from sets
 * read whole: every part there, and no header naming two parts (header cells the reading ran together). A 决算 table
 * prints 预算数 beside 决算数: unless a set's header says which is which, the prose cannot be matched to one.
 */
function cellsOf(items: readonly LineItem[], part: Part, fy: number, final: boolean): LineItem[] {
  const out: LineItem[] = [];
  for (const set of threePublicSets(items)) {
    const all = [...set.values()].flat();
    const whole = set.has("overseas") && set.has("reception") && (set.has("vehicle") || (set.has("purchase") && set.has("operation")));
    const sane = all.every((x) => (`${x.column}/${x.name}`.match(PART_NAMES) ?? []).length <= 1);
    if (part !== "operating" && (!whole || !sane)) continue;
    if (final && part !== "operating" && !all.some((x) => /决算|实际|支出数/.test(x.column))) continue;
    for (const x of set.get(part) ?? []) out.push(x);
  }
  const otherYear = (x: LineItem) => [...`${x.column}/${x.name}`.matchAll(/((?:19|20)\d{2})\s*年/g)].some((m) => Number(m[1]) !== fy) || /上年/.test(x.column);
  // The 机关运行经费 table's 合计 row says the same as a "三公" table column of that name.
  if (part === "operating") out.push(...items.filter((x) => x.table === "operating" && x.level === "total"));
  return out.filter((x) => !otherYear(x));
}

// A 决算's part compared with its own year's 预算 (与2021年度预算相比无增减, 较预算数减少0.1万元): the change the table's
// 预算数 cell gives. A year other than the fiscal year (or 上年) names another figure.
const VS_BUDGET = new RegExp(String.raw`^\s*[,，]?\s*(?:与|较|比)\s*(?:((?:19|20)\d{2})\s*年度?)?(年初)?(?:部门)?预算(?:数)?(?:相比|比较)?\s*[,，]?\s*(无增减|无变化|没有变化|持平|增加|增长|超支|减少|下降|降低|节约)(?:\s*${NUM})?`);
const LEVEL = /无增减|无变化|没有变化|持平/;
const UP = /增加|增长|超支/;

/** The 预算数 cells of a part in a 决算 "三公" table that prints 预算数 beside 决算数, from sets read whole. */
function budgetCellsOf(items: readonly LineItem[], part: Part): LineItem[] {
  const out: LineItem[] = [];
  for (const set of threePublicSets(items)) {
    const all = [...set.values()].flat();
    const whole = set.has("overseas") && set.has("reception") && (set.has("vehicle") || (set.has("purchase") && set.has("operation")));
    if (!whole || !all.every((x) => /预算/.test(x.column) && !/决算|上年/.test(x.column))) continue;
    out.push(...(set.get(part) ?? []));
  }
  return out;
}

/** A 决算 part said to equal, exceed or fall short of its 预算 by what the table's 预算数 cell does not give. */
function budgetComparison(ctx: RuleContext, items: readonly LineItem[], part: Part, a: Amount, rest: string): { data: Record<string, string>; messageId: string; expected: number; actual: number; cell: LineItem } | null {
  const v = VS_BUDGET.exec(rest);
  const fy = ctx.report.fiscalYear;
  if (!v || (v[1] && Number(v[1]) !== fy) || part === "operating") return null;
  const [cell] = budgetCellsOf(items, part);
  // 年初预算 is the table's 预算数 only when its column says so: a 决算's 预算数 is often the adjusted budget.
  if (!cell || (v[2] && !/年初/.test(cell.column))) return null;
  const diff = cents(a) - cents(cell);
  const tol = halfCents(a) + halfCents(cell);
  const word = v[3];
  const stated = v[4] ? parseAmountIn(v[4], v[5]) : null;
  const show = (c: number) => inTableUnit(Math.abs(c) / 100, { ...cell, decimals: Math.max(cell.decimals, a.decimals) });
  const data = { stated: `${v[0].replace(/^[\s,，]+/, "")}`, table: cell.title, budget: inTableUnit(cell.value, cell), diff: `${diff >= 0 ? "多" : "少"} ${show(diff)}` };
  if (LEVEL.test(word)) return Math.abs(diff) <= tol ? null : { data, messageId: "levelButBudgetDiffers", expected: diff / 100, actual: 0, cell };
  const sign = UP.test(word) ? 1 : -1;
  const wrongWay = sign * diff < -tol;
  if (!stated && !wrongWay) return null;
  if (stated && Math.abs(sign * cents(stated) - diff) <= tol + halfCents(stated)) return null;
  return { data, messageId: "changeVsBudgetDiffers", expected: diff / 100, actual: stated ? (sign * stated.value) : sign, cell };
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  const read = ctx.report.lineItems ?? [];
  // A "三公" table a web page keeps one cell a line is no table to the reader: read it back from the text.
  const items = doc && !read.some((x) => x.table === "threePublic") ? [...read, ...flatThreePublicItems(doc)] : read;
  const fy = ctx.report.fiscalYear;
  if (!doc || fy === null || !items.some((x) => x.table === "threePublic" || x.table === "operating")) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  const cellCache = new Map<Part, LineItem[]>();
  const cellsFor = (part: Part) => cellCache.get(part) ?? cellCache.set(part, cellsOf(items, part, fy, ctx.report.kind === "final-accounts")).get(part)!;
  for (const u of textUnits(doc)) {
    if (u.table) continue;
    for (const [part, re] of RE) {
      for (const m of u.text.matchAll(re)) {
        const before = u.text.slice(Math.max(0, m.index - 12), m.index);
        const y = OTHER_YEAR.exec(before);
        if (y && (!y[1] || Number(y[1]) !== fy)) continue;
        // 公务用车购置及运行费 holds the words of 公务用车购置费's label only as its own: each label matched once.
        if (part === "total" && /(?:会议|培训)费/.test(u.text.slice(m.index, m.index + m[0].length))) continue;
        const a = parseAmountIn(m[1], m[2]);
        if (!a) continue;
        const vs = ctx.report.kind === "final-accounts" ? budgetComparison(ctx, items, part, a, u.text.slice(m.index + m[0].length, m.index + m[0].length + 60)) : null;
        if (vs && !seen.has(`vs|${m[0]}|${vs.messageId}`)) {
          seen.add(`vs|${m[0]}|${vs.messageId}`);
          out.push(
            ctx.finding({
              messageId: vs.messageId,
              data: { ...vs.data, stated: `${m[0].replace(/\s+/g, "")}，${vs.data.stated}` },
              expected: vs.expected,
              actual: vs.actual,
              refs: subjectRefs(m[0].slice(0, m[0].search(/\d/)), fy, ctx.report.kind),
              evidence: [unitEvidence(doc, u, u.text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 40).trim()), cellEvidence(ctx.report, vs.cell)],
            }),
          );
        }
        const cells = cellsFor(part);
        if (cells.length === 0 || cells.some((x) => agrees(a, x))) continue;
        const x = cells[0];
        const key = `${part}|${m[0]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          ctx.finding({
            messageId: "proseDiffersFromTable",
            data: { stated: m[0].replace(/\s+/g, ""), table: x.title, printed: `${inTableUnit(x.value, x)}（${x.column || x.name}）` },
            expected: x.value,
            actual: a.value,
            // The part's own words name its metric (公务接待费 → three_public.reception); 机关运行经费 has none.
            refs: subjectRefs(m[0].slice(0, m[0].search(/\d/)), fy, ctx.report.kind),
            evidence: [unitEvidence(doc, u, u.text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20).trim()), ...cells.map((c) => cellEvidence(ctx.report, c))],
          }),
        );
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-three-public-prose",
  description: {
    zh: "“三公”经费情况说明与“三公”经费表一致：说明中“三公”经费合计、因公出国（境）费、公务用车购置及运行费（购置费、运行费）、公务接待费及机关运行经费的本年金额，应为表中同一项目的数（预算数、决算数栏均可），按两处打印位数容许四舍五入；决算说明中某项“与（本年度）预算相比无增减/增加/减少 D”，应与表中该项预算数所给的增减相符（“无增减”而两数不同为警告，增减额或方向不符为错误）",
    en: "The \"three public expenses\" prose agrees with its table: the year's total, overseas travel, official vehicles (purchase, operation), official reception and 机关运行经费 amounts stated in the text are ones the table prints for the same part (budget or actual column), within the rounding of both; in a 决算, a part said to compare with its own year's 预算 (无增减, 增加/减少 D) agrees with the table's 预算数 cell (no change said of different figures is a warning, a wrong change or direction an error)",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-line-three-public-prose" },
  messages: {
    proseDiffersFromTable: { zh: "情况说明写“{stated}”，而{table}中为 {printed}" },
    levelButBudgetDiffers: { zh: "情况说明写“{stated}”，而{table}中预算数为 {budget}，决算数比预算数{diff}", severity: "warning", when: "a 决算 part said to equal its 预算 (无增减, 持平) differs from the table's 预算数" },
    changeVsBudgetDiffers: { zh: "情况说明写“{stated}”，而{table}中预算数为 {budget}，决算数比预算数{diff}{note}" },
  },
};

export const lineThreePublicProse: Rule = { meta, check };
