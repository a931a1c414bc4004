import Table from "cli-table3";

/** The same output flags on every command (sqlite-utils style). */
export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface Column {
  key: string;
  /** Chinese header shown to people in table and CSV output; JSON keeps `key`. */
  header: string;
  align?: "left" | "right";
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: Column[], rows: Array<Record<string, unknown>>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key])).join(","));
  return lines.join("\n") + "\n";
}

export function toTable(columns: Column[], rows: Array<Record<string, unknown>>): string {
  const t = new Table({
    head: columns.map((c) => c.header),
    colAligns: columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const r of rows) t.push(columns.map((c) => (r[c.key] === null || r[c.key] === undefined ? "" : String(r[c.key]))));
  return t.toString() + "\n";
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

export function parseFormat(value: string, allowed: readonly string[] = OUTPUT_FORMATS): string {
  if (!allowed.includes(value)) throw new Error(`--format must be one of ${allowed.join(", ")}, not "${value}"`);
  return value;
}
