/**
 * Changes a 决算 states against the year's own budget, with their rate (…“三公”经费较年初预算数减少 6.3 万元，下降
 * 58.3%): the budget is rarely printed, but the rate still follows from the figure and the change, rate = D ÷ (figure
 * − D). Read from the text for stated-change, as metrics `<key>.change` and `<key>.change_pct` that are never set
 * against the year before. The figure is the metric the nearest catalogue label before the comparison names, in
 * its sentence.
 */
import type { JxDocument } from "../../document/model.js";
import type { Metric, Report } from "../../extract/schema.js";
import { parseAmountIn } from "../../extract/amount.js";
import { labelsIn } from "../../extract/yoy-changes.js";
import { textUnits } from "./doc-text.js";
import { MONEY_FIGURE } from "./money-figure.js";
import { scopesOf } from "./metric-access.js";

const UP = /增加|增长|上升/;
const RE_VS_BUDGET = new RegExp(
  String.raw`(?:较|比|与)\s*(?:年初|调整后?的?)?预算数?(?:相比)?[\s,，]*(增加|增长|减少|下降|降低)\s*${MONEY_FIGURE}[\s,，]*(增长|增加|上升|下降|减少|降低)(?:了|幅度?为?|率为?)?\s*(\d+(?:\.\d+)?)\s*%`,
  "g",
);

export interface BudgetChange {
  current: Metric;
  abs: Metric;
  pct: Metric;
}

export function budgetChanges(doc: JxDocument, report: Pick<Report, "metrics" | "projects" | "fiscalYear">): BudgetChange[] {
  const fy = report.fiscalYear;
  if (fy === null) return [];
  const metrics = scopesOf(report)[0].metrics;
  const out: BudgetChange[] = [];
  for (const u of textUnits(doc)) {
    if (u.table || !u.text.includes("预算")) continue;
    let labels: ReturnType<typeof labelsIn> | null = null;
    for (const m of u.text.matchAll(RE_VS_BUDGET)) {
      labels ??= labelsIn(u.text);
      const from = u.text.lastIndexOf("。", m.index) + 1;
      const l = labels.filter((x) => x.start >= from && x.end <= m.index).pop();
      if (!l) continue;
      const named = [...u.text.slice(from, l.start).matchAll(/((?:19|20)\d{2})\s*年/g)].pop()?.[1];
      const year = named ? Number(named) : fy;
      const current = metrics.find((x) => x.key === l.key && x.year === year && !x.restated && x.value !== null && x.unit === "元");
      const a = parseAmountIn(m[2], m[3]);
      if (!current || !a) continue;
      const quote = u.text.slice(from, m.index + m[0].length).trim();
      const base = { year, page: u.page, quote, restated: false };
      const absSign = UP.test(m[1]) ? 1 : -1;
      const pctSign = UP.test(m[4]) ? 1 : -1;
      out.push({
        current,
        abs: { ...base, key: `${l.key}.change`, value: absSign * a.value, unit: "元", text: `${m[2]}${m[3]}`, precision: { decimals: a.decimals, scale: a.scale } },
        pct: { ...base, key: `${l.key}.change_pct`, value: pctSign * Number(m[5]), unit: "%", text: `${m[5]}%`, precision: { decimals: (m[5].split(".")[1] ?? "").length, scale: 1 } },
      });
    }
  }
  return out;
}
