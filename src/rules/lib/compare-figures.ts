import type { Metric } from "../../extract/schema.js";
import { halfUnit, grade, precisionOf, type Verdict } from "./tolerance.js";
import { isMoney } from "./metric-access.js";

/**
 * Two printings of one figure. Printed with the same digits they must be equal; a coarser printing within rounding
 * is agreement (1.22 亿元 vs 12222.51 万元).
 */
export function compareFigures(a: Metric, b: Metric): Verdict {
  const pa = precisionOf(a);
  const pb = precisionOf(b);
  const gap = (b.value ?? 0) - (a.value ?? 0);
  if (pa.scale === pb.scale && pa.decimals === pb.decimals) return Math.round(gap * 1000) === 0 ? "ok" : "off";
  const v = grade(gap, halfUnit(a) + halfUnit(b), 2 * Math.min(halfUnit(a), halfUnit(b)));
  return v === "rounding" ? "ok" : v;
}

/** A ratio of about 10⁴ between two printings is a unit slip, which unit-slip reports instead. */
export function slipRatio(a: Metric, b: Metric): boolean {
  if (!isMoney(a) || !isMoney(b) || !a.value || !b.value) return false;
  const r = Math.abs(Math.log10(Math.abs(a.value / b.value)));
  return r > 3.5 && r < 4.5;
}

