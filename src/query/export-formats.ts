import path from "node:path";

export const EXPORT_FORMATS = ["csv", "json", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format from --format, else from the --out extension, else CSV. */
export function exportFormat(out: string, asked?: string): ExportFormat | null {
  if (asked) return (EXPORT_FORMATS as readonly string[]).includes(asked) ? (asked as ExportFormat) : null;
  const ext = path.extname(out).slice(1).toLowerCase();
  return (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : "csv";
}
