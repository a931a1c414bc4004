import type { Column } from "./column.js";

/** A text cell a spreadsheet would run as a formula: = + - @ first, or a TAB or CR (OWASP's CSV injection advice). */
const RE_FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number written as text ("-12.5", "+3%") is no formula and stays a number for the spreadsheet. */
const RE_PLAIN_NUMBER = /^[-+]?(?:\d[\d,]*)?(?:\.\d+)?%?$/;

/**
 * One CSV cell. Text that would start a formula gets a leading ' (a quote from a report, or a department renamed
 * "=HYPERLINK(…)", landed raw in every CSV); numbers are written as they are.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "object" ? JSON.stringify(v) : String(v);
  if (typeof v === "string" && RE_FORMULA_START.test(s) && !RE_PLAIN_NUMBER.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with the Chinese headers as the first row. */
export function toCsv(columns: Column[], rows: Array<Record<string, unknown>>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key])).join(","));
  return lines.join("\n") + "\n";
}
