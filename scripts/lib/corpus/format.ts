/**
 * How a report prints figures. Each report draws one NumStyle so its habits stay consistent inside the report
 * (real offices have habits), while the corpus as a whole covers the variety extraction must handle.
 */
import type { Rng } from "./prng.js";

export type MoneyUnit = "万元" | "元";

export interface NumStyle {
  unit: MoneyUnit;
  thousands: boolean;
  /** Space between number and unit ("674.19 万元"), as text lifted from PDFs often has. */
  space: boolean;
  fullWidth: boolean;
  /** Decimals printed for 元 amounts (every amount is on the 100 元 grid, so 0 is exact too). */
  yuanDecimals: 0 | 2;
  /** Print 0 as "0" rather than "0.00". */
  bareZero: boolean;
  percentSign: "%" | "％";
  /** Print prose amounts of 1 亿元 and more in 亿元 (exact: "1.222251亿元"). */
  yi: boolean;
  /** Print small whole-元 prose amounts in Chinese numerals ("四万三千四百元"), as some offices still do. */
  cnNumerals: boolean;
}

export function drawNumStyle(rng: Rng): NumStyle {
  const fullWidth = rng.chance(0.08);
  return {
    unit: rng.chance(0.75) ? "万元" : "元",
    thousands: !fullWidth && rng.chance(0.3),
    space: rng.chance(0.35),
    fullWidth,
    yuanDecimals: rng.chance(0.6) ? 2 : 0,
    bareZero: rng.chance(0.5),
    percentSign: rng.chance(0.15) ? "％" : "%",
    yi: rng.chance(0.35),
    cnNumerals: rng.chance(0.08),
  };
}

/** An amount in 分 as an exact 亿元 number: at least two decimals, more when the amount needs them. */
export function yiNumber(fen: number): { num: string; decimals: number } {
  const digits = String(Math.abs(fen)).padStart(11, "0");
  const intPart = digits.slice(0, -10).replace(/^0+(?=\d)/, "");
  let frac = digits.slice(-10).replace(/0+$/, "");
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  return { num: `${fen < 0 ? "-" : ""}${intPart}.${frac}`, decimals: frac.length };
}

const CN_DIGIT = "零一二三四五六七八九";

function cnSection(n: number): string {
  const units = ["千", "百", "十", ""];
  const ds = String(n).padStart(4, "0").split("").map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += CN_DIGIT[d] + units[i];
  });
  return out;
}

/** A positive integer below 10⁸ in Chinese numerals: 43400 → 四万三千四百, 15 → 十五, 40015 → 四万零一十五. */
export function cnNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1e8) throw new Error(`cnNumeral: ${n}`);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let s = high ? (high >= 10 && high < 20 ? cnSection(high).replace(/^一十/, "十") : cnSection(high)) + "万" : "";
  if (low) s += (high && low < 1000 ? "零" : "") + cnSection(low);
  return n < 20 && n >= 10 ? s.replace(/^一十/, "十") : s;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Number part of an amount in 分, printed in `unit` (no unit suffix). */
export function moneyNumber(fen: number, unit: MoneyUnit, style: Pick<NumStyle, "thousands" | "yuanDecimals" | "bareZero">): string {
  if (!Number.isInteger(fen)) throw new Error(`money must be integer 分: ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  if (abs === 0 && style.bareZero) return "0";
  let intPart: string;
  let frac: string;
  if (unit === "万元") {
    if (abs % 100 !== 0) throw new Error(`amount ${fen} 分 is not printable exactly in 万元 with 4 decimals`);
    intPart = String(Math.floor(abs / 1_000_000));
    const rem = abs % 1_000_000;
    // Two decimals unless the amount needs more (a unit slip or a project amount off the 100 元 grid).
    frac = rem % 10000 === 0 ? String(rem / 10000).padStart(2, "0") : String(rem / 100).padStart(4, "0");
  } else {
    intPart = String(Math.floor(abs / 100));
    const cents = abs % 100;
    frac = style.yuanDecimals === 0 && cents === 0 ? "" : String(cents).padStart(2, "0");
  }
  const body = (style.thousands ? group(intPart) : intPart) + (frac ? "." + frac : "");
  return (neg ? "-" : "") + body;
}

/** An amount with its unit, in the report's style. */
export function money(fen: number, style: NumStyle, unit: MoneyUnit = style.unit): string {
  const n = moneyNumber(fen, unit, style);
  const s = n + (style.space ? " " : "") + unit;
  return style.fullWidth ? toFullWidth(s) : s;
}

/** Basis points of a percent → "98.76%". */
export function percent(bp: number, style: NumStyle, forceDecimals = false): string {
  const whole = Math.floor(Math.abs(bp) / 100);
  const frac = Math.abs(bp) % 100;
  const num = (bp < 0 ? "-" : "") + (frac === 0 && !forceDecimals ? String(whole) : `${whole}.${String(frac).padStart(2, "0")}`);
  const s = num + (style.space ? " " : "") + style.percentSign;
  return style.fullWidth ? toFullWidth(s) : s;
}

/** Bare percent number for a table cell whose header carries the % sign. */
export function percentNumber(bp: number): string {
  const whole = Math.floor(Math.abs(bp) / 100);
  const frac = Math.abs(bp) % 100;
  return (bp < 0 ? "-" : "") + `${whole}.${String(frac).padStart(2, "0")}`;
}

/** Score in tenths → "96.5"; with decimals 2 → "96.50". */
export function scoreNumber(tenths: number, decimals: 1 | 2 = 1): string {
  const s = (tenths / 10).toFixed(1);
  return decimals === 2 ? s + "0" : s.endsWith(".0") && tenths % 10 === 0 ? s.slice(0, -2) : s;
}

export type DateStyle = "dot" | "cn" | "cn-pad" | "iso" | "slash";

export function drawDateStyle(rng: Rng): DateStyle {
  return rng.pick(["dot", "cn", "cn-pad", "iso", "slash"] as const);
}

/** Print an ISO date (YYYY-MM-DD) the way the report writes dates. */
export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split("-").map(Number);
  const p2 = (n: number) => String(n).padStart(2, "0");
  switch (style) {
    case "dot": return `${y}.${m}.${d}`;
    case "cn": return `${y}年${m}月${d}日`;
    case "cn-pad": return `${y}年${p2(m)}月${p2(d)}日`;
    case "iso": return `${y}-${p2(m)}-${p2(d)}`;
    case "slash": return `${y}/${m}/${d}`;
  }
}

const CN_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

export interface Numbering {
  l1: (n: number) => string;
  l2: (n: number) => string;
  l3: (n: number) => string;
  l4: (n: number) => string;
}

export function drawNumbering(rng: Rng): Numbering {
  const l2Full = rng.chance(0.6);
  const l3 = rng.pick(["dot", "comma", "fwdot"] as const);
  const l4Full = rng.chance(0.6);
  return {
    l1: (n) => `${CN_NUM[n]}、`,
    l2: (n) => (l2Full ? `（${CN_NUM[n]}）` : `(${CN_NUM[n]})`),
    l3: (n) => (l3 === "dot" ? `${n}.` : l3 === "comma" ? `${n}、` : `${n}．`),
    l4: (n) => (l4Full ? `（${n}）` : `(${n})`),
  };
}
