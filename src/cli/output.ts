import type { Column } from "../query/column.js";
import { toCsv } from "../query/csv.js";
import { textTable } from "./text-table.js";

/** The same output flags on every command (sqlite-utils style). */
export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Box-drawn table. Drawn by textTable (one pass, CJK counted double) rather than cli-table3, which looks the same but
 * measures every cell many times: seconds for a few thousand rows, and ~100 ms just to load.
 */
export function toTable(columns: Column[], rows: Array<Record<string, unknown>>): string {
  return textTable(columns, rows);
}

/** Render rows in the requested format; `json` may pass a richer payload than the flat rows. */
export function render(
  format: OutputFormat,
  columns: Column[],
  rows: Array<Record<string, unknown>>,
  json?: unknown,
): string {
  if (format === "json") return JSON.stringify(json ?? rows, null, 2) + "\n";
  if (format === "csv") return toCsv(columns, rows);
  return toTable(columns, rows);
}

/** The one line a user reads for a bad --format (the CLI turns it into exit code 2). */
export function formatErrorText(value: string, allowed: readonly string[]): string {
  return `--format 须为 ${allowed.join("|")}，而不是“${value}” (--format must be one of ${allowed.join(", ")})`;
}

export function parseFormat(value: string, allowed: readonly string[] = OUTPUT_FORMATS): string {
  if (!allowed.includes(value)) throw new Error(formatErrorText(value, allowed));
  return value;
}
