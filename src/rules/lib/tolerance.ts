import type { Metric } from "../../extract/schema.js";
import { foldWidth } from "../../document/normalize.js";

/**
 * Rounding tolerance from the precision a figure is printed with: "12222.51万元" is any value in
 * [12222.505, 12222.515) 万元, so it carries ± half a unit of its last digit (± 50 元). A relation between printed
 * figures can only be judged up to the accumulated half-units of its operands.
 *
 * All arithmetic is done on integers of 1/1000 base unit ("milli"): money has at most two decimals in 元, rates and
 * scores at most three in practice, and 1e12 元 × 1000 is still far below 2^53.
 */

export interface Precision {
  decimals: number;
  /** Size of the printed unit in base units: 1 for 元/%/人/分, 10 000 for 万元, 1e8 for 亿元. */
  scale: number;
}

export const MILLI = 1000;

export function toMilli(v: number): number {
  return Math.round(v * MILLI);
}

function scaleFromText(t: string): number | null {
  if (/亿元|亿/.test(t)) return 1e8;
  if (/万元|万/.test(t)) return 1e4;
  if (/千元/.test(t)) return 1e3;
  if (/元|%|％|人|分|个|辆|名/.test(t)) return 1;
  return null;
}

/** Nearest power of ten to a positive ratio (value / printed number gives the unit size). */
function powerOfTen(x: number): number {
  return Math.pow(10, Math.round(Math.log10(x)));
}

/** Precision of a printed figure: the extraction's when given, else read from its text, else from its value. */
export function precisionOf(m: Pick<Metric, "precision" | "text" | "value">): Precision {
  if (m.precision) return m.precision;
  const t = foldWidth(m.text ?? "").replace(/,/g, "");
  const num = /-?\d+(?:\.(\d+))?/.exec(t);
  if (num) {
    const decimals = num[1]?.length ?? 0;
    let scale = scaleFromText(t.slice(num.index + num[0].length));
    const printed = Math.abs(Number(num[0]));
    // A table cell "12222.51" under 单位：万元 has no unit in its text: the value tells the unit size.
    if (scale === null) scale = printed > 0 && m.value ? powerOfTen(Math.abs(m.value) / printed) : 1;
    return { decimals, scale };
  }
  // Chinese numerals (一千二百万元): whole units of the printed unit.
  return { decimals: 0, scale: scaleFromText(t) ?? 1 };
}

/** Half a unit of the last printed digit, in base units. */
export function halfUnit(m: Pick<Metric, "precision" | "text" | "value">): number {
  // "0 万元" states that nothing was spent: exact, not anything below 0.5 万元.
  if (m.value === 0) return 0;
  const p = precisionOf(m);
  return withStorage((0.5 * p.scale) / Math.pow(10, p.decimals));
}

/**
 * Values are kept exact to the hundredth of their base unit (integer 分; a rate in hundredths of a point), so a figure
 * printed finer ("下降20.1876%") is stored rounded ("20.19"): it carries that rounding too.
 */
function withStorage(half: number): number {
  return half < 0.005 ? half + 0.005 : half;
}

/**
 * Half a unit of the last printed digit of a figure read from the text (an Amount: its value, printed decimals and the
 * size of its unit), in base units; a printed 0 is exact, as for halfUnit.
 */
export function amountHalfUnit(a: { value: number; scale: number; decimals: number }): number {
  return a.value === 0 ? 0 : withStorage((0.5 * a.scale) / Math.pow(10, a.decimals));
}

/** One unit of the last printed digit, in base units. */
export function lastDigitUnit(m: Pick<Metric, "precision" | "text" | "value">): number {
  return 2 * halfUnit(m);
}

/** Round x to `decimals` places half away from zero, on the decimal string to avoid 1.005 → 1.00. */
export function roundTo(x: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  const y = Math.abs(x) * f;
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) * r) / f;
}

/** A closed interval [lo, hi] of the true value behind a printed figure. */
export type Interval = [number, number];

/** Range of f over a box of intervals, taken at its corners: exact for functions monotone in each argument. */
export function cornerRange(f: (...xs: number[]) => number, boxes: Interval[]): Interval {
  let lo = Infinity;
  let hi = -Infinity;
  const n = boxes.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const args = boxes.map((b, i) => (mask & (1 << i) ? b[1] : b[0]));
    const y = f(...args);
    if (!Number.isFinite(y)) continue;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return [lo, hi];
}

export type Verdict = "ok" | "rounding" | "near" | "off";

/**
 * Grade a gap between a printed figure and what its relation implies: zero → ok; inside the accumulated tolerance →
 * rounding (info at most); within one more unit of the last digit (truncated instead of rounded, shares forced to sum
 * to 100) → near (warning); beyond → off (error).
 */
export function grade(gap: number, tolerance: number, unit: number): Verdict {
  const g = Math.abs(gap);
  // Compare in milli so float noise in inputs cannot turn a tie into a finding.
  const gm = toMilli(g);
  if (gm === 0) return "ok";
  if (gm <= toMilli(tolerance)) return "rounding";
  if (gm <= toMilli(tolerance + unit)) return "near";
  return "off";
}
