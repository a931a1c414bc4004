/**
 * ODS reader (OpenDocument spreadsheets from LibreOffice, WPS and 永中, and their flat-XML form .fods). An ODS cell keeps
 * the text it displays in its <text:p> paragraphs, number format applied, so no format is rendered here; only a number
 * cell without paragraphs (some generators write none) falls back to its value. Repeated rows and columns (how ODS
 * stores a run of empty cells up to column 1024 or row 1048576) advance the position without being laid out.
 */
import { InputError } from "../errors.js";
import { generalNumber } from "./cell-format.js";
import { CellBudget, assembleWorkbook, type SheetData } from "./sheet-pieces.js";
import type { Reader } from "./types.js";
import { walkXml } from "./xlsx.js";
import { inspectZip } from "./zip-guard.js";

interface CellState {
  repeat: number;
  cols: number;
  rows: number;
  value: string | null;
  paras: string[];
  buf: string;
  inP: number;
  inNote: number;
}

/** Sheets of an ODS content.xml (or a whole .fods document). */
export function readOdsXml(xml: string, file: string): SheetData[] {
  const hiddenStyles = new Set<string>();
  const sheets: SheetData[] = [];
  const budget = new CellBudget(file);
  let styleName: string | null = null;
  let sheet: (SheetData & { style: string }) | null = null;
  let row = -1;
  let col = 0;
  let rowRepeat = 1;
  let rowCells: Array<{ col: number; text: string }> = [];
  let cell: CellState | null = null;
  walkXml(xml, {
    open: (n, a) => {
      if (n === "style" && a.family === "table") styleName = a.name ?? null;
      else if (n === "table-properties" && styleName && a.display === "false") hiddenStyles.add(styleName);
      else if (n === "table") {
        sheet = { name: a.name ?? `Sheet${sheets.length + 1}`, hidden: false, cells: [], merges: [], style: a["style-name"] ?? "" };
        row = -1;
      } else if (!sheet) return;
      else if (n === "table-row") {
        row++;
        col = 0;
        rowRepeat = Math.max(1, Number(a["number-rows-repeated"] ?? 1) || 1);
        rowCells = [];
      } else if (n === "table-cell" || n === "covered-table-cell") {
        // Shown when a cell has no paragraphs: the value, a percentage ×100 with its sign, a date as written (ISO).
        const type = a["value-type"];
        const num = Number(a.value);
        const value =
          type === "percentage" && a.value ? `${generalNumber(num * 100)}%` : (type === "float" || type === "currency") && a.value ? generalNumber(num) : type === "date" ? a["date-value"] ?? null : null;
        cell = {
          repeat: Math.max(1, Number(a["number-columns-repeated"] ?? 1) || 1),
          cols: n === "table-cell" ? Math.max(1, Number(a["number-columns-spanned"] ?? 1) || 1) : 1,
          rows: n === "table-cell" ? Math.max(1, Number(a["number-rows-spanned"] ?? 1) || 1) : 1,
          value,
          paras: [],
          buf: "",
          inP: 0,
          inNote: 0,
        };
        if (n === "covered-table-cell") cell.inNote = 1; // covered cells' text is not shown
      } else if (cell) {
        if (n === "annotation") cell.inNote++;
        else if (n === "p" || n === "h") cell.inP++;
        else if (n === "s" && cell.inP && !cell.inNote) cell.buf += " ".repeat(Math.min(1000, Number(a.c ?? 1) || 1));
        else if (n === "tab" && cell.inP && !cell.inNote) cell.buf += "\t";
        else if (n === "line-break" && cell.inP && !cell.inNote) cell.buf += "\n";
      }
    },
    text: (t) => {
      if (cell && cell.inP && !cell.inNote) cell.buf += t;
    },
    close: (n) => {
      if (!sheet) return;
      if (cell && (n === "p" || n === "h")) {
        cell.inP--;
        if (!cell.inNote) cell.paras.push(cell.buf);
        cell.buf = "";
      } else if (cell && n === "annotation") cell.inNote--;
      else if (cell && (n === "table-cell" || n === "covered-table-cell")) {
        const c: CellState = cell;
        cell = null;
        const text = c.paras.length ? c.paras.join("\n") : c.value !== null && n === "table-cell" ? c.value : "";
        if (text.trim()) {
          for (let i = 0; i < c.repeat; i++) {
            budget.take();
            rowCells.push({ col: col + i, text });
            if (c.cols > 1 || c.rows > 1) sheet.merges.push({ row, col: col + i, lastRow: row + c.rows - 1, lastCol: col + i + c.cols - 1 });
          }
        } else if (c.cols > 1 || c.rows > 1) {
          sheet.merges.push({ row, col, lastRow: row + c.rows - 1, lastCol: col + c.cols - 1 });
        }
        col += c.repeat;
      } else if (n === "table-row") {
        // A repeated row with text is that text on each row; a repeated empty row only moves the position.
        const times = rowCells.length ? rowRepeat : 1;
        for (let i = 0; i < times; i++) {
          if (i > 0) for (let j = 0; j < rowCells.length; j++) budget.take();
          for (const rc of rowCells) sheet.cells.push({ row: row + i, col: rc.col, text: rc.text });
        }
        row += rowRepeat - 1;
      } else if (n === "table") {
        sheet.hidden = hiddenStyles.has(sheet.style);
        const { style: _style, ...data } = sheet;
        sheets.push(data);
        sheet = null;
      }
    },
  });
  return sheets;
}

const MIME = "application/vnd.oasis.opendocument.spreadsheet";

export const readOds: Reader = async (bytes, source) => {
  let xml: string;
  if (bytes.subarray(0, 2).equals(Buffer.from("PK"))) {
    const parts = await inspectZip(bytes, source.path, {
      label: "ODS",
      required: (n) => n === "content.xml",
      missing: "不是 ODS 表格：压缩包中没有 content.xml (zip without content.xml)",
      wanted: (n) => n === "content.xml" || n === "mimetype",
    });
    const mime = parts.xml.get("mimetype")?.trim();
    if (mime && mime !== MIME) throw new InputError(source.path, "unsupported", `不是 ODS 表格，而是 ${mime} (not a spreadsheet)`);
    xml = parts.xml.get("content.xml") ?? "";
  } else {
    xml = bytes.toString("utf8");
    if (!xml.slice(0, 4096).includes(MIME)) throw new InputError(source.path, "unsupported", "不是 ODS 表格 (flat XML without the spreadsheet mimetype)");
  }
  let sheets: SheetData[];
  try {
    sheets = readOdsXml(xml, source.path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(source.path, "corrupt", `ODS 文件无法解析 (${(e as Error).message})`, { cause: e });
  }
  return assembleWorkbook(sheets, source, "ods");
};
