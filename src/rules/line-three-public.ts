import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { failing, inTableUnit, balance, sumFinding, cellName, type Balance } from "./lib/line-items.js";
import { threePublicSets, type Part } from "./lib/three-public.js";
import { flatThreePublicItems } from "./lib/flat-three-public.js";

/**
 * The "三公" table's own sums, which line-row-sum leaves alone (its 小计 columns nest without the header delimiting them):
 * "三公"经费 合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费, and 公务用车购置及运行费 = 购置费 + 运行费.
 * Read from the line items alone, so a stored report is re-checked without its document; with the document, also a
 * table a web page keeps one cell a line (lib/flat-three-public.ts).
 */

export interface ThreePublicCheck {
  kind: "three-public" | "vehicle";
  total: LineItem;
  parts: LineItem[];
  result: Balance;
}

/** Every identity the "三公" tables of a report state (a set with a part printed twice states none). */
export function threePublicChecks(items: readonly LineItem[]): ThreePublicCheck[] {
  const out: ThreePublicCheck[] = [];
  for (const set of threePublicSets(items)) {
    if ([...set.values()].some((xs) => xs.length > 1)) continue;
    const one = (p: Part): LineItem | null => set.get(p)?.[0] ?? null;
    const [vehicle, purchase, operation] = [one("vehicle"), one("purchase"), one("operation")];
    if (vehicle && purchase && operation) out.push({ kind: "vehicle", total: vehicle, parts: [purchase, operation], result: balance(vehicle, [purchase, operation]) });
    const total = one("total");
    const car = vehicle ? [vehicle] : purchase && operation ? [purchase, operation] : null;
    const [o, r] = [one("overseas"), one("reception")];
    if (total && o && r && car) out.push({ kind: "three-public", total, parts: [o, ...car, r], result: balance(total, [o, ...car, r]) });
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const read = ctx.report.lineItems ?? [];
  // With the document at hand, a table a web page keeps one cell a line (no line items) is read back from the text.
  const items = ctx.doc && !read.some((x) => x.table === "threePublic") ? [...read, ...flatThreePublicItems(ctx.doc)] : read;
  for (const c of failing(threePublicChecks(items), (x) => x.total.tableNo)) {
    const data = { table: c.total.title, total: cellName(c.total), parts: c.parts.map(cellName).join(" + "), sum: inTableUnit(c.result.expected, c.total) };
    out.push(sumFinding(ctx, c.kind === "vehicle" ? "vehicleDoesNotAdd" : "totalDoesNotAdd", data, c.total, c.parts, c.result));
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-three-public",
  description: {
    zh: "“三公”经费表自身的合计：“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费，公务用车购置及运行费 = 购置费 + 运行费（横排、竖排及分年度、预算/决算栏均可），按表内打印位数容许四舍五入",
    en: "The \"three public expenses\" table's own sums: its total equals overseas travel + official reception + official vehicles, and vehicles equal purchase + operation (tables printed across or down, with year or budget/actual column groups), within the printed cells' rounding",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-line-three-public" },
  messages: {
    totalDoesNotAdd: { zh: "{table}：“三公”经费{total}，而 {parts} = {sum}{note}" },
    vehicleDoesNotAdd: { zh: "{table}：公务用车购置及运行费{total}，而 {parts} = {sum}{note}" },
  },
};

export const lineThreePublic: Rule = { meta, check };
