import type { UnitKind } from "../extract/metric-catalog.js";

/**
 * Display helpers. Money is handled as integer 分 (cents) end to end: formatting goes through integer
 * arithmetic so 12222.51 万元 never turns into 12222.509999.
 */

const CENTS_PER_WAN = 1_000_000; // 1 万元 = 10,000 元 = 1,000,000 分

/** 分 → "12222.51" (万元), exact: as many decimals as needed, at least two. */
export function centsToWan(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const int = Math.floor(abs / CENTS_PER_WAN);
  let frac = String(abs % CENTS_PER_WAN).padStart(6, "0").replace(/0+$/, "");
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  return `${sign}${int}.${frac}`;
}

/** 元 (a JS number with at most two decimals) → integer 分. */
export function yuanToCents(value: number): number {
  return Math.round(value * 100);
}

/** The unit people read for a kind of metric: 万元 for money, the stored unit otherwise. */
export function displayUnit(unitKind: UnitKind, storedUnit?: string): string {
  switch (unitKind) {
    case "money":
      return "万元";
    case "percent":
      return "%";
    case "count":
      return storedUnit && storedUnit !== "text" ? storedUnit : "人";
    case "score":
      return "分";
    default:
      return "";
  }
}

/** A number trimmed of float noise (percent, people, points): at most 4 decimals, no trailing zeros. */
export function plainNumber(v: number): string {
  return String(Math.round(v * 10_000) / 10_000);
}

/** The figure in its display unit, without the unit. */
export function formatValue(unitKind: UnitKind, value: number | null, cents: number | null, text?: string | null): string {
  if (unitKind === "money") {
    const c = cents ?? (value === null ? null : yuanToCents(value));
    return c === null ? "" : centsToWan(c);
  }
  if (value === null) return text ?? "";
  return plainNumber(value);
}

/** The figure in its display unit as a number (万元 for money), for charts; exact text comes from formatValue. */
export function displayNumber(unitKind: string, value: number, cents: number | null): number {
  return unitKind === "money" ? (cents ?? yuanToCents(value)) / CENTS_PER_WAN : value;
}

/** Year-on-year change: absolute (in display units) and percent, or nulls when either side is missing. */
export interface Change {
  /** Change in base units (元 for money), exact to 分. */
  delta: number;
  /** Change in 分 for money, null otherwise. */
  deltaCents: number | null;
  /** Percent change rounded to 0.01, null when the earlier value is 0. */
  pct: number | null;
  display: string;
}

export function yearChange(unitKind: UnitKind, prev: number, cur: number): Change {
  // Work in hundredths so money (元 with 2 decimals) and rates subtract exactly.
  const p = Math.round(prev * 100);
  const c = Math.round(cur * 100);
  const d = c - p;
  const pct = p === 0 ? null : Math.round((d / Math.abs(p)) * 10_000) / 100;
  const sign = d > 0 ? "+" : "";
  const abs = unitKind === "money" ? centsToWan(d) : plainNumber(d / 100);
  const pctText = pct === null ? "" : ` (${pct > 0 ? "+" : ""}${pct.toFixed(2)}%)`;
  return { delta: d / 100, deltaCents: unitKind === "money" ? d : null, pct, display: `${sign}${abs}${pctText}` };
}

export const KIND_LABELS: Record<string, string> = {
  department: "自评",
  project: "项目自评",
  budget: "预算",
  "final-accounts": "决算",
};

export function kindLabel(kind: string | null): string {
  return KIND_LABELS[kind ?? "department"] ?? kind ?? "自评";
}

// One collator for every sort: localeCompare(x, "zh-CN") builds a new one per call, which dominates large sorts.
const ZH = new Intl.Collator("zh-CN");
export function zhCompare(a: string, b: string): number {
  return ZH.compare(a, b);
}
