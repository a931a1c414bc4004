import type { Metric } from "../extract/schema.js";
import { parseAmount } from "../extract/amount.js";

import { changesFromQuotes } from "../extract/yoy-changes.js";

export { changesFromQuotes };

/**
 * Figures stated beside bound metrics, so rules can check relations the extraction records on the metric rather than
 * as metrics of their own. Stated year-on-year changes become `<key>.change` (signed, base units) and
 * `<key>.change_pct` (signed percent points) for the metric's year: from `metric.change` first (extraction reads the
 * metric's sentence and the ones after it), then from the metric quotes (reports extracted before `change` existed,
 * or stored without it).
 */
export function changesFromFields(metrics: Metric[]): Metric[] {
  const out: Metric[] = [];
  for (const m of metrics) {
    const c = m.change;
    if (!c || m.value === null) continue;
    const mk = (suffix: string, value: number, text: string, unit: Metric["unit"]): Metric => {
      const a = parseAmount(text);
      return {
        key: `${m.key}.${suffix}`,
        year: m.year,
        value,
        unit,
        text,
        precision: a ? { decimals: a.decimals, scale: unit === "元" ? a.scale : 1 } : null,
        page: c.page,
        quote: c.quote,
        restated: m.restated,
      };
    };
    if (c.amount !== null && c.amountText) out.push(mk("change", c.amount, c.amountText, m.unit));
    if (c.percent !== null && c.percentText) out.push(mk("change_pct", c.percent, c.percentText, "%"));
  }
  return out;
}

/** "实际在用固定资产总额是725.88元" beside 固定资产总额/利用率: the numerator of the utilisation rate. */
const RE_IN_USE = /在用固定资产(?:总额|原值|金额|价值)?\s*(?:是|为|达|共|计|合计)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:亿元|万元|元))/;

function inUseFromQuotes(metrics: Metric[]): Metric[] {
  if (metrics.some((m) => m.key === "assets.fixed_in_use")) return [];
  const out: Metric[] = [];
  for (const m of metrics) {
    if (m.key !== "assets.fixed_total" && m.key !== "assets.fixed_utilization") continue;
    const hit = RE_IN_USE.exec(m.quote ?? "");
    const a = hit ? parseAmount(hit[1]) : null;
    if (!a || a.kind !== "money" || out.some((o) => o.year === m.year)) continue;
    out.push({
      key: "assets.fixed_in_use",
      year: m.year,
      value: a.value,
      unit: "元",
      text: hit![1].replace(/\s+/g, ""),
      precision: { decimals: a.decimals, scale: a.scale },
      page: m.page,
      quote: m.quote,
      restated: m.restated,
    });
  }
  return out;
}

/** Figures the quotes of a scope's metrics state beside them: stated changes and the in-use fixed assets. */
export function figuresFromQuotes(metrics: Metric[]): Metric[] {
  const fields = changesFromFields(metrics);
  return [...fields, ...changesFromQuotes([...metrics, ...fields]), ...inUseFromQuotes(metrics)];
}
