/**
 * Chinese numerals as reports use them for amounts and dates: "一千二百万", "三万", "十二", "二〇二四" (digit by digit),
 * "三点五". Results are exact decimal digits (no float), the same shape the Arabic parser returns.
 */
import type { ParsedNumber } from "./parsed-number.js";

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, "○": 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n };
const BIG: Record<string, bigint> = { 万: 10000n, 亿: 100000000n };

export const RE_CN_NUM_CHARS = "零〇○一二两三四五六七八九十百千万亿点";

function parseInteger(s: string): bigint | null {
  if (!s) return null;
  // Positional form ("二〇二四"): only digits, no multipliers.
  if ([...s].every((c) => c in DIGIT) && s.length > 1) {
    return BigInt([...s].map((c) => DIGIT[c]).join(""));
  }
  let total = 0n;
  let section = 0n;
  let digit: bigint | null = null;
  for (const c of s) {
    if (c in DIGIT) {
      digit = BigInt(DIGIT[c]);
    } else if (c in SMALL) {
      section += (digit ?? 1n) * SMALL[c];
      digit = null;
    } else if (c in BIG) {
      section += digit ?? 0n;
      total = (total + (section === 0n ? 1n : section)) * BIG[c];
      section = 0n;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0n);
}

/**
 * Parse a run of Chinese numeral characters. A trailing 万/亿 is left to the caller only when it belongs to a unit
 * (万元), so the caller passes the numeral part alone; here 万/亿 inside the run are multipliers.
 */
export function parseChineseNumber(s: string): ParsedNumber | null {
  const [intPart, fracPart] = s.split("点");
  if (s.split("点").length > 2) return null;
  const i = parseInteger(intPart);
  if (i === null) return null;
  let frac = "";
  if (fracPart !== undefined) {
    if (![...fracPart].every((c) => c in DIGIT) || !fracPart) return null;
    frac = [...fracPart].map((c) => DIGIT[c]).join("");
  }
  return { digits: (i.toString() + frac).replace(/^0+(?=\d)/, ""), decimals: frac.length, negative: false };
}

/** Integer value of a short Chinese numeral (years, months, days in dates), or null. */
export function chineseInt(s: string): number | null {
  const v = parseInteger(s);
  return v === null ? null : Number(v);
}
