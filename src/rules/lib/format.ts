import type { Metric, Report } from "../../extract/schema.js";
import { METRIC_BY_KEY } from "../../extract/metric-catalog.js";
import type { Evidence } from "../../extract/finding.js";
import { precisionOf, type Precision, type Verdict } from "./tolerance.js";
import { baseKey, changeKind } from "./metric-access.js";

/** Chinese name of a metric key for messages; change keys read "基本支出增减额" / "基本支出增减幅度". */
export function metricName(key: string): string {
  const kind = changeKind(key);
  if (kind) return `${metricName(baseKey(key))}${kind === "abs" ? "增减额" : "增减幅度"}`;
  return METRIC_BY_KEY.get(key)?.name ?? EXTRA_NAMES[key] ?? key;
}

/** Figures the rules read beside catalogue metrics (quote-figures.ts) that have no catalogue key of their own. */
const EXTRA_NAMES: Record<string, string> = {
  "assets.fixed_in_use": "在用固定资产",
  "expenditure.reserve": "单位预留机动经费",
};

function unitLabel(m: Pick<Metric, "unit">, scale: number): string {
  if (m.unit === "元") return scale >= 1e8 ? "亿元" : scale >= 1e4 ? "万元" : "元";
  if (m.unit === "%") return "%";
  if (m.unit === "text") return "";
  return m.unit;
}

/** A number in a unit of `scale` base units with fixed decimals, computed without float drift. */
export function fixed(value: number, p: Precision): string {
  const x = value / p.scale;
  return (Math.round(Number((x * Math.pow(10, p.decimals)).toPrecision(15))) / Math.pow(10, p.decimals)).toFixed(
    p.decimals,
  );
}

/** "488.21 万元": the figure as printed, rebuilt from value and precision so spacing is uniform. */
export function showMetric(m: Metric): string {
  if (m.value === null) return m.text;
  const p = precisionOf(m);
  const u = unitLabel(m, p.scale);
  return u === "%" ? `${fixed(m.value, p)}%` : `${fixed(m.value, p)} ${u}`;
}

/** A computed value shown like a reference figure (its unit), with `decimals` places. */
export function showLike(ref: Metric, value: number, decimals?: number): string {
  const p = precisionOf(ref);
  const q = { scale: p.scale, decimals: decimals ?? p.decimals };
  const u = unitLabel(ref, p.scale);
  return u === "%" ? `${fixed(value, q)}%` : `${fixed(value, q)} ${u}`;
}

export function evidenceOf(report: Pick<Report, "source">, metrics: Metric[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const m of metrics) {
    const id = `${m.page}|${m.quote}`;
    if (seen.has(id) || !m.quote) continue;
    seen.add(id);
    out.push({ source: report.source?.path ?? null, page: m.page ?? null, quote: m.quote, ...(m.prov ? { prov: m.prov } : {}) });
  }
  return out;
}

export const VERDICT_NOTE: Record<Verdict, string> = {
  ok: "",
  rounding: "（在四舍五入范围内）",
  near: "（仅差末位一个单位，可能为截尾或凑整）",
  off: "",
};

/** "项目「X」" before a message about a project inside the report; nothing for the report's own figures. */
export function projectPrefix(project: string | null): string {
  return project ? `项目「${project}」` : "";
}
