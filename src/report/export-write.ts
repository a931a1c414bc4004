// exceljs takes most of a second to load: import it only when an XLSX is asked for.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toCsv } from "../query/csv.js";
import type { ExportTable } from "../query/export-data.js";
import { displayWidth } from "../query/text-width.js";
import type { ExportFormat } from "../query/export-formats.js";

export interface Written {
  file: string;
  table: string;
  rows: number;
}

/** A path with the format's extension is the file; anything else is a directory to write into. */
function target(out: string, ext: string, stem: string): string {
  if (path.extname(out).toLowerCase() === `.${ext}`) {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    return out;
  }
  mkdirSync(out, { recursive: true });
  return path.join(out, `${stem}.${ext}`);
}

/** Wide enough for the header and the widest of the first rows (CJK counted double), within reason. */
function columnWidth(t: ExportTable, key: string, header: string): number {
  let w = displayWidth(header);
  for (const r of t.rows.slice(0, 500)) {
    const v = r[key];
    if (v !== null && v !== undefined) w = Math.max(w, displayWidth(typeof v === "number" ? v.toLocaleString("en-US") : String(v)));
  }
  return Math.min(60, Math.max(6, w + 2));
}

export async function writeExport(tables: ExportTable[], out: string, format: ExportFormat): Promise<Written[]> {
  if (format === "json") {
    const file = target(out, "json", "jixiao-export");
    const payload = Object.fromEntries(tables.map((t) => [t.name, t.rows]));
    writeFileSync(file, JSON.stringify(payload, null, 2) + "\n");
    return tables.map((t) => ({ file, table: t.sheet, rows: t.rows.length }));
  }
  if (format === "xlsx") {
    const file = target(out, "xlsx", "jixiao-export");
    const { default: ExcelJS } = await import("exceljs");
    // Streamed, rows committed as written, and one style object shared by every money cell: a style per cell and the
    // whole workbook in memory are what exceljs spends its time and memory on.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
    wb.creator = "jixiao";
    const money: Partial<import("exceljs").Style> = { numFmt: "#,##0.00" };
    const bold: Partial<import("exceljs").Style> = { font: { bold: true } };
    for (const t of tables) {
      const ws = wb.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: columnWidth(t, c.key, c.header) }));
      const header = ws.getRow(1);
      header.eachCell((c) => (c.style = bold));
      header.commit();
      const valueKeys = t.columns.map((c) => c.key).filter((k) => k === "value" || k === "expected" || k === "actual" || /^y\d{4}$/.test(k));
      const hasExact = t.columns.some((c) => c.key === "exact");
      for (const r of t.rows) {
        const row = ws.addRow(r);
        // Money shows as Excel users expect, 1,234,567.89, still a number (万元 keeps its six decimals in the cell).
        if (r.unit === "元" || r.unit === "万元") for (const k of valueKeys) if (typeof r[k] === "number") row.getCell(k).style = money;
        if (hasExact && typeof r.exact === "number") row.getCell("exact").style = money;
        row.commit();
      }
      ws.commit();
    }
    await wb.commit();
    return tables.map((t) => ({ file, table: t.sheet, rows: t.rows.length }));
  }
  // CSV: one file per table. A BOM lets Excel open the UTF-8 Chinese text correctly.
  const single = path.extname(out).toLowerCase() === ".csv";
  const base = single ? out.slice(0, -4) : "";
  if (!single) mkdirSync(out, { recursive: true });
  else mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  return tables.map((t, i) => {
    const file = single ? (i === 0 ? out : `${base}-${t.name}.csv`) : path.join(out, `${t.name}.csv`);
    writeFileSync(file, "\ufeff" + toCsv(t.columns, t.rows));
    return { file, table: t.sheet, rows: t.rows.length };
  });
}
