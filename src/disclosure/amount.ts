/**
 * Exact amounts for the disclosure extractor: printed digits → integer 分, never through a float product.
 * "17,981.68" in 万元 → 17981.68 × 10000 元 = 1,798,168,000 分.
 */

export interface Amount {
  /** Value in base units (元 for money, rounded to 分). */
  value: number;
  cents: number;
  decimals: number;
  /** Size of the printed unit in 元 (10000 for 万元). */
  scale: number;
}

export const UNIT_SCALE: Record<string, number> = { 元: 1, 万元: 10000, 亿元: 100000000, 千元: 1000 };

/** Parse "1,234.56" printed in a unit of `scale` 元. Returns null for anything that is not a plain decimal. */
export function parseAmount(printed: string, scale: number): Amount | null {
  const s = printed.replace(/[,，\s]/g, "").replace(/−/g, "-");
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? "";
  const digits = BigInt(m[2] + frac);
  const num = digits * BigInt(Math.round(scale * 100));
  const den = 10n ** BigInt(frac.length);
  // Round half away from zero to whole 分 (only matters for 元 amounts printed with more than two decimals).
  const cents = Number((num * 2n + den) / (2n * den));
  const signed = m[1] === "-" ? -cents : cents;
  return { value: signed / 100, cents: signed, decimals: frac.length, scale };
}
