/**
 * Amounts, percentages, counts and scores as printed in Chinese reports, parsed with exact decimal arithmetic.
 * A value is kept as its printed digits plus a power-of-ten shift; conversion to base units (元, %, 人, 分) goes
 * through BigInt integer 分 so "70.183715万元" becomes exactly 701837.15 元 and no float ever sums money.
 */
import { parseChineseNumber, RE_CN_NUM_CHARS } from "./cn-numerals.js";
import type { ParsedNumber } from "./parsed-number.js";
import { MONEY_UNITS, UNITS, type UnitDef } from "./vocab/units.js";

export type FigureUnitKind = UnitDef["kind"] | "plain";

export interface UnitInfo {
  kind: FigureUnitKind;
  /** Base-unit symbol used in Metric.unit. */
  base: UnitDef["base"];
  /** Power of ten from the printed unit to the base unit (万元 → 4, 亿元 → 8, 元 → 0). */
  shift: number;
}

/** Units a number can carry (schemas/units.json), in the file's order: at one position the first that fits wins. */
const UNIT_TABLE: ReadonlyArray<{ unit: string; info: UnitInfo; notBefore: string | null }> = UNITS.units.map((u) => ({
  unit: u.unit,
  info: { kind: u.kind, base: u.base, shift: u.shift },
  notBefore: u.notBefore ?? null,
}));

/** The unit at the start of `s` (after optional spaces), or null. `亿`/`万` alone stay unit-less multipliers. */
export function unitAt(s: string): { unit: string; info: UnitInfo; length: number } | null {
  const m = /^\s?/.exec(s)!;
  const rest = s.slice(m[0].length);
  for (const u of UNIT_TABLE) {
    if (rest.startsWith(u.unit)) {
      // "分" is a score only when it is not the start of a word (分别, 分值, 分配 …: the unit's notBefore characters).
      if (u.notBefore !== null && rest.length > u.unit.length && u.notBefore.includes(rest[u.unit.length])) return null;
      return { unit: u.unit, info: u.info, length: m[0].length + u.unit.length };
    }
  }
  return null;
}

/** Parse "12,345.678", "0.65", "-5.2" (a number as printed, already width-folded). */
export function parseNumberText(s: string): ParsedNumber | null {
  const m = /^([-−﹣])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return null;
  const intPart = m[2].replace(/,/g, "");
  const frac = m[3] ?? "";
  return { digits: (intPart + frac).replace(/^0+(?=\d)/, ""), decimals: frac.length, negative: !!m[1] };
}

/** Exact integer 分 (hundredths of the base unit) for digits × 10^(shift − decimals), rounding half away from zero. */
export function toHundredths(n: ParsedNumber, shift: number): bigint {
  const e = shift - n.decimals + 2;
  let v = BigInt(n.digits || "0");
  if (e >= 0) v *= 10n ** BigInt(e);
  else {
    const d = 10n ** BigInt(-e);
    v = (v * 2n + d) / (2n * d);
  }
  return n.negative ? -v : v;
}

/** Base-unit value as a JS number with at most two decimals (the public Metric.value). */
export function baseValue(n: ParsedNumber, shift: number): number {
  const h = toHundredths(n, shift);
  return Number(h) / 100;
}

export interface Amount {
  /** Value in base units (元, percent points, people, points). */
  value: number;
  /** Exact hundredths of the base unit. */
  hundredths: bigint;
  unit: string;
  kind: FigureUnitKind;
  base: UnitInfo["base"];
  decimals: number;
  /** Size of the printed unit in base units (10000 for 万元). */
  scale: number;
}

function scaleOf(shift: number): number {
  return shift >= 0 ? 10 ** shift : 1 / 10 ** -shift;
}

const RE_CN_AMOUNT = new RegExp(`^([${RE_CN_NUM_CHARS}]+?)([万亿]?元|[^${RE_CN_NUM_CHARS}].*|)$`);

/**
 * Parse one amount as written: "12222.51万元", "1,234.56 万元", "1.2亿元", "769.60元", "95.45%", "20人", "99.40分",
 * full-width digits, Chinese numerals ("一千二百万元", "三万元"). `defaultUnit` applies when no unit is printed
 * (a table's 单位：万元). Returns null for anything that is not one amount.
 */
export function parseAmount(raw: string, defaultUnit: string | null = null): Amount | null {
  const s = foldDigits(raw).trim();
  const m = /^([-−﹣]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$/.exec(s);
  let num: ParsedNumber | null;
  let tail: string;
  if (m) {
    num = parseNumberText(m[1].replace(/\s/g, ""));
    tail = m[2];
  } else {
    const c = RE_CN_AMOUNT.exec(s);
    if (!c) return null;
    const v = parseChineseNumber(c[1]);
    if (v === null) return null;
    num = v;
    tail = c[2];
  }
  if (!num) return null;
  // A bare multiplier before the unit: "1.2亿元" is caught by the table, "3万" (no 元) stays a plain 10^4.
  let extraShift = 0;
  let multiplier = "";
  for (const x of UNITS.multipliers) {
    if (tail.startsWith(x.word) && !MONEY_UNITS.some((u) => tail.startsWith(u.unit))) {
      extraShift = x.shift;
      multiplier = x.word;
      tail = tail.slice(x.word.length);
      break;
    }
  }
  let u = tail ? unitAt(tail) : null;
  if (tail && (!u || tail.slice(u.length).trim() !== "")) return null;
  if (!u && defaultUnit) u = unitAt(defaultUnit);
  const info: UnitInfo = u ? u.info : { kind: "plain", base: "", shift: 0 };
  const shift = info.shift + extraShift;
  const hundredths = toHundredths(num, shift);
  return {
    value: Number(hundredths) / 100,
    hundredths,
    unit: u ? u.unit : multiplier,
    kind: info.kind,
    base: info.base,
    decimals: num.decimals,
    scale: scaleOf(shift),
  };
}

/**
 * A table cell's number printed in `unit` (the table's 单位, e.g. 万元): separators are dropped wherever they sit, since
 * PDF cells split and rejoin digit groups irregularly. "17,981.68" in 万元 → 179816800 元 exactly. Null for anything
 * that is not a plain decimal, or a unit the units file does not know.
 */
export function parseAmountIn(printed: string, unit: string): Amount | null {
  const n = parseNumberText(printed.replace(/[,，\s]/g, ""));
  const u = UNIT_TABLE.find((x) => x.unit === unit);
  if (!n || !u) return null;
  const hundredths = toHundredths(n, u.info.shift);
  return { value: Number(hundredths) / 100, hundredths, unit, kind: u.info.kind, base: u.info.base, decimals: n.decimals, scale: scaleOf(u.info.shift) };
}

/** Exact hundredths of the base unit as a number (分 for money): safe up to 2^53 分, 90 万亿元. */
export function centsOf(a: Amount): number {
  return Number(a.hundredths);
}

/** Full-width digits and separators to ASCII (norm text already has this; `text` may not). */
export function foldDigits(s: string): string {
  return s.replace(/[０-９．，％－]/g, (c) => {
    if (c === "．") return ".";
    if (c === "，") return ",";
    if (c === "％") return "%";
    if (c === "－") return "-";
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** Format exact hundredths of 元 as 万元 text ("12222.51"), trimming only trailing zeros beyond the printed decimals. */
export function formatWan(hundredths: bigint): string {
  const neg = hundredths < 0n;
  const h = neg ? -hundredths : hundredths;
  const s = h.toString().padStart(7, "0");
  const int = s.slice(0, -6);
  const frac = s.slice(-6).replace(/0+$/, "").padEnd(2, "0");
  return `${neg ? "-" : ""}${int}.${frac}`;
}
