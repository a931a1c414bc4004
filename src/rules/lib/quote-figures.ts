import type { Metric } from "../../extract/schema.js";
import { parseAmount } from "../../extract/amount.js";
import { scanFigures } from "../../extract/figures.js";
import { labelsIn } from "../../extract/yoy-changes.js";

import { changesFromQuotes } from "../../extract/yoy-changes.js";

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
        // The change sits in the metric's sentence or the next: the block is known only in the first case.
        ...(m.prov && c.quote === m.quote ? { prov: { ...m.prov, span: null, cell: null } } : {}),
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
      // Same sentence as its parent metric: same block, the figure's own span unknown.
      ...(m.prov ? { prov: { ...m.prov, span: null, cell: null } } : {}),
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

/**
 * A share of a whole stated beside a figure ("因公出国（境）费支出110万元，占“三公”经费的18.85%", "基本支出 X 万元，
 * 占 63.75%", "占比 …"): `share` is a derived metric `<part key>.share` in percent points; `wholeKey` is the metric the
 * text names as the whole (null: not named, the part's enclosing total is meant). `parts` holds every metric the
 * figure may be (two metrics may share a value: 财政拨款 = 一般公共预算).
 */
export interface ShareStatement {
  parts: Metric[];
  share: Metric;
  wholeKey: string | null;
  /** The whole as the text names it (一般公共预算支出), "" when not named. */
  wholeText: string;
}

/** "，占“三公”经费的" / "，占比" / "，所占比重为" between a money figure and a percentage; group 1 names the whole. */
const RE_SHARE_WORDS = /^\s*(?:万元|元|亿元)?\s*[，,]?\s*(?:其中\s*)?所?占(?!用)(.{0,24}?)\s*(?:的)?\s*(?:比例|比重|份额)?\s*(?:为|是|达到?|约)?\s*$/;
const RE_NOT_SHARE = /[增减提降升上下]|比上|同比|上年|百分点|\d/;

/** Income keys that name one source of funds: a whole qualified by one is that fund's part, not the department's. */
const FUND_KEYS = new Set(["income.fiscal", "income.general_budget", "income.gov_fund", "income.state_capital"]);

/** Shares stated in the quotes of a scope's metrics, each tied to the metric whose figure it follows. */
export function sharesFromQuotes(metrics: Metric[]): ShareStatement[] {
  const out: ShareStatement[] = [];
  const seen = new Set<string>();
  const money = metrics.filter((m) => m.unit === "元" && m.value !== null && !/[.:](change|change_pct|delta|yoy|share)$/.test(m.key));
  for (const owner of metrics) {
    const quote = owner.quote ?? "";
    if (!quote.includes("占") || seen.has(quote)) continue;
    seen.add(quote);
    const hits = scanFigures(quote);
    const labels = labelsIn(quote);
    for (let i = 1; i < hits.length; i++) {
      const h = hits[i];
      const fig = hits[i - 1];
      if (h.amount.kind !== "percent" || !h.amount.unit.includes("%") || fig.amount.kind !== "money" || fig.change !== null) continue;
      const w = RE_SHARE_WORDS.exec(quote.slice(fig.end, h.start));
      if (!w || RE_NOT_SHARE.test(w[1])) continue;
      const whole = w[1].replace(/^比$/, "").trim();
      let wholeKey: string | null = null;
      if (whole) {
        // 收入预算总额, 支出决算合计: the whole of a budget or final accounts, named as the catalogue names it (收入总额).
        const named = labelsIn(whole.replace(/(收入|支出)(?:预算|决算)(总额|合计|总计)/, "$1$2"));
        // A whole the catalogue cannot name (占全县的, 占项目总额的) gives no denominator to check against.
        if (!named.length) continue;
        wholeKey = named[named.length - 1].key;
        // 占一般公共预算财政拨款总支出的: one fund's spending, which no metric holds (it is not 支出合计).
        if (wholeKey.startsWith("expenditure.") && named.some((l) => FUND_KEYS.has(l.key))) continue;
      }
      const same = money.filter((m) => Math.abs(m.value ?? NaN) === Math.abs(fig.amount.value));
      if (!same.length) continue;
      // The label written before the figure in its clause decides between metrics of one value; a label naming
      // another metric means the figure is that one's (a coincidence of values).
      const clauseStart = Math.max(...["，", ",", "。", "；", ";", "："].map((c) => quote.lastIndexOf(c, fig.start - 1)));
      const near = labels.filter((l) => l.end <= fig.start && l.start > clauseStart).map((l) => l.key);
      const named = same.filter((m) => near.includes(m.key));
      const parts = named.length ? named : near.length ? [] : same;
      if (!parts.length) continue;
      const first = parts[0];
      out.push({
        parts,
        wholeKey,
        wholeText: whole,
        share: {
          key: `${first.key}.share`,
          year: first.year,
          value: h.amount.value,
          unit: "%",
          text: h.text.replace(/\s+/g, ""),
          precision: { decimals: h.amount.decimals, scale: 1 },
          page: owner.page,
          quote,
          restated: first.restated,
        },
      });
    }
  }
  return out;
}
