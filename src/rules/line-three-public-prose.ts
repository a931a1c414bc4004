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
 * not this year's claim; an amount after a comparison (比上年增加 X 万元) is not the label's.
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
    zh: "“三公”经费情况说明与“三公”经费表一致：说明中“三公”经费合计、因公出国（境）费、公务用车购置及运行费（购置费、运行费）、公务接待费及机关运行经费的本年金额，应为表中同一项目的数（预算数、决算数栏均可），按两处打印位数容许四舍五入",
    en: "The \"three public expenses\" prose agrees with its table: the year's total, overseas travel, official vehicles (purchase, operation), official reception and 机关运行经费 amounts stated in the text are ones the table prints for the same part (budget or actual column), within the rounding of both",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-line-three-public-prose" },
  messages: {
    proseDiffersFromTable: { zh: "情况说明写“{stated}”，而{table}中为 {printed}" },
  },
};

export const lineThreePublicProse: Rule = { meta, check };
