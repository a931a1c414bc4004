/**
 * Exact amounts for the disclosure extractor: printed digits → integer 分, never through a float product.
 * "17,981.68" in 万元 → 17981.68 × 10000 元 = 1,798,168,000 分.
 * Digit parsing and rounding are the extractor's (extract/amount.ts); this keeps the 分-integer shape the disclosure code uses.
 */
import { parseNumberText, toHundredths } from "../amount.js";

export interface Amount {
  /** Value in base units (元 for money, rounded to 分). */
  value: number;
  cents: number;
  decimals: number;
  /** Size of the printed unit in 元 (10000 for 万元). */
  scale: number;
}

export const UNIT_SCALE: Record<string, number> = { 元: 1, 万元: 10000, 亿元: 100000000, 千元: 1000 };

/** Parse "1,234.56" printed in a unit of `scale` 元 (a power of ten). Returns null for anything that is not a plain decimal. */
export function parseAmount(printed: string, scale: number): Amount | null {
  // Separators are dropped wherever they sit: PDF cells split and rejoin digit groups irregularly.
  const n = parseNumberText(printed.replace(/[,，\s]/g, ""));
  if (!n) return null;
  const cents = Number(toHundredths(n, Math.round(Math.log10(scale))));
  return { value: cents / 100, cents, decimals: n.decimals, scale };
}
