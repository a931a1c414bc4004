import type { Metric } from "../extract/schema.js";

/**
 * Exact storage of metric values. Money goes to integer 分 (`cents`) and every value to a decimal string
 * (`value_exact`) derived from the precision the figure was printed with, so no float noise reaches the database.
 */

/** Decimal places a value carries in base units, from the printed precision (2 decimals of 万元 → 0 decimals of 元). */
function baseDecimals(m: Pick<Metric, "precision">): number | null {
  const p = m.precision;
  if (!p || !(p.scale > 0)) return null;
  const shift = Math.round(Math.log10(p.scale));
  if (10 ** shift !== p.scale) return null;
  return Math.max(0, p.decimals - shift);
}

/** Shortest decimal text of a float without binary noise (0.1+0.2 → "0.3"). */
function cleanDecimal(v: number): string {
  return String(Number(v.toPrecision(15)));
}

export function exactDecimal(m: Pick<Metric, "value" | "precision">): string | null {
  if (m.value === null || !Number.isFinite(m.value)) return null;
  const d = baseDecimals(m);
  if (d !== null && d <= 10) {
    const s = m.value.toFixed(d);
    // Only trust the printed precision when it agrees with the value (an extractor may round differently).
    if (Math.abs(Number(s) - m.value) <= Math.abs(m.value) * 1e-12 + 1e-9) return s.includes(".") ? s.replace(/\.?0+$/, "") || "0" : s;
  }
  return cleanDecimal(m.value);
}

/** Integer 分 from a decimal string, or null when the amount has a fraction of a 分 or exceeds safe integers. */
export function centsFromDecimal(dec: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(dec);
  if (!m) return null;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > 2) return null;
  const cents = Number(m[2]) * 100 + Number(frac.padEnd(2, "0") || "0");
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] === "-" ? -cents : cents;
}

export interface StoredValue {
  cents: number | null;
  valueExact: string | null;
  value: number | null;
}

export function storedValue(m: Pick<Metric, "value" | "precision" | "unit">): StoredValue {
  const valueExact = exactDecimal(m);
  const cents = m.unit === "元" && valueExact !== null ? centsFromDecimal(valueExact) : null;
  return { cents, valueExact, value: m.value };
}
