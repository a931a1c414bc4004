/**
 * A number cell as the spreadsheet displays it. Explicit number formats (0.00, #,##0.00, 0.00%, dates in Chinese) are
 * rendered by numfmt, which rounds the way Excel does (to 15 significant digits first, so 498.34999999999997 with 0.00 is
 * "498.35"). The General format differs on purpose: Excel shows as many digits as the column is wide (often 11), which
 * would drop 分 from a large amount in 元, so General prints the shortest text of the value at Excel's own 15-digit
 * precision — the float noise of a computed cell goes, every real digit stays.
 */
import { format, getFormatFromId, isDateFormat } from "numfmt";

/** Days between the 1900 and the 1904 date systems (Mac workbooks count from 1904-01-01). */
const DAYS_1904 = 1462;
const OPTIONS = { locale: "zh-CN", throws: false, leap1900: true, dateSpanLarge: false, invalid: "\u0000", overflow: "\u0000", nbsp: false } as const;

/** A built-in format id's code as a Chinese Excel shows it (14 → yyyy/m/d); null for General and unknown ids. */
export function builtinFormat(id: number): string | null {
  if (id === 0) return null;
  const code = getFormatFromId(id, "zh-CN");
  return code && code !== "General" ? code : null;
}

/** The value at 15 significant digits, as short as it reads: 0.30000000000000004 → "0.3", 12345678.9 → "12345678.9". */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const v = Number(value.toPrecision(15));
  return Object.is(v, -0) ? "0" : String(v);
}

/**
 * Text of a numeric cell under its format code (null or "General" for none; "@" is text, shown as General). `date1904`
 * is the workbook's date system.
 */
export function formatCellNumber(value: number, code: string | null, date1904 = false): string {
  if (code === null || /^(general|@|常规|通用格式|G\/通用格式)$/i.test(code.trim())) return generalNumber(value);
  const v = date1904 && isDateFormat(code) ? value + DAYS_1904 : value;
  const out = format(code, v, OPTIONS);
  // A code numfmt cannot parse, or a date out of range: the number itself says more than "######".
  if (out.includes("\u0000")) return generalNumber(value);
  return out.trim();
}
