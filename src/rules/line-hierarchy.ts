import type { Finding } from "../extract/finding.js";
import type { LineItem } from "../extract/line-item.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { codesAgree, failing, inTableUnit, balance, type Balance, sumFinding, cellName, columnKey, groupBy, leaf } from "./lib/line-items.js";

/** The 科目 outline: a 类 (3 digits) holds the 款 (5) that start with its code, a 款 the 项 (7). */
const CHILD_LENGTH: Record<string, number> = { class: 5, section: 7 };

/**
 * In each column of a 科目 table, a 类 row is the sum of its 款 rows and a 款 row the sum of its 项 rows, when the
 * table prints them. A parent without children printed is a leaf of the outline, not a sum.
 */
/** Every (类 or 款 row, its printed children) pair with its balance. */
export function hierarchyChecks(items: readonly LineItem[]): Array<{ parent: LineItem; children: LineItem[]; result: Balance }> {
  const out: Array<{ parent: LineItem; children: LineItem[]; result: Balance }> = [];
  for (const column of groupBy(items, columnKey).values()) {
    if (!codesAgree(column)) continue;
    const coded = [...new Map(column.filter((x) => x.code).map((x) => [x.code, x] as [string, LineItem])).values()];
    for (const parent of coded) {
      const want = CHILD_LENGTH[parent.level];
      if (!want || parent.code!.length + 2 !== want) continue;
      const children = coded.filter((x) => x.code!.length === want && x.code!.startsWith(parent.code!));
      if (children.length) out.push({ parent, children, result: balance(parent, children) });
    }
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { parent, children, result } of failing(hierarchyChecks(ctx.report.lineItems ?? []), (c) => c.parent.tableNo)) {
    out.push(
      sumFinding(ctx, "parentDoesNotAdd", { table: parent.title, column: leaf(parent) || "金额", parent: cellName(parent), children: children.map(cellName).join(" + "), sum: inTableUnit(result.expected, parent) }, parent, children, result),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "line-hierarchy",
  description: {
    zh: "公开表科目层级：每列中“类”行 = 其下各“款”行之和，“款”行 = 其下各“项”行之和，按表内打印位数容许四舍五入",
    en: "The 科目 outline of a disclosure table: in every column a 类 row equals the sum of its 款 rows and a 款 row the sum of its 项 rows, within the printed cells' rounding",
  },
  defaultSeverity: "error",
  scope: "report",
  docs: { url: "README.md#rule-line-hierarchy" },
  messages: {
    parentDoesNotAdd: { zh: "{table}「{column}」列：{parent}，而其下 {children} = {sum}{note}" },
  },
};

export const lineHierarchy: Rule = { meta, check };
