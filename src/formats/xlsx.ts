/**
 * XLSX reader (Office Open XML workbooks from Excel, WPS, LibreOffice and the systems that export 自评表). The parts are
 * read by us, over the same zip guard as DOCX, with htmlparser2 as a streaming XML tokenizer: exceljs (which jixiao uses
 * to write XLSX) loads a whole workbook into objects through JSZip with no size check, stops with a TypeError on files
 * other writers make (no docProps/app.xml, `x:`-prefixed elements), and does not render number formats anyway. Here
 * element names are taken without their prefix, the cell count is capped while parsing, and numbers are rendered with
 * their number format (cell-format.ts).
 */
import { Parser } from "htmlparser2";
import { InputError } from "../errors.js";
import { builtinFormat, formatCellNumber } from "./cell-format.js";
import { assembleWorkbook, CellBudget, parseAddress, parseRange, type SheetCell, type SheetData, type SheetMerge } from "./sheet-pieces.js";
import type { Reader } from "./types.js";
import { inspectZip } from "./zip-guard.js";

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

type Attrs = Record<string, string>;
interface XmlHandlers {
  open?: (name: string, attrs: Attrs) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

const local = (name: string) => name.slice(name.lastIndexOf(":") + 1);

/** Stream an XML part through handlers, names and attribute names without their namespace prefix. */
export function walkXml(xml: string, h: XmlHandlers): void {
  const parser = new Parser(
    {
      onopentag: (name, attribs) => {
        if (!h.open) return;
        const attrs: Attrs = {};
        for (const [k, v] of Object.entries(attribs)) attrs[local(k)] = v;
        h.open(local(name), attrs);
      },
      ontext: (t) => h.text?.(t),
      onclosetag: (name) => h.close?.(local(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes a cell's carriage return as _x000D_). */
function unescapeOoxml(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\r\n?/g, "\n");
}

/** Text of <si>/<is> runs, leaving out phonetic guides (<rPh>), which are not shown in the cell. */
function richTextCollector() {
  let depthRph = 0;
  let inT = false;
  let buf = "";
  return {
    open(name: string) {
      if (name === "rPh") depthRph++;
      else if (name === "t" && depthRph === 0) inT = true;
    },
    text(t: string) {
      if (inT) buf += t;
    },
    close(name: string) {
      if (name === "rPh") depthRph--;
      else if (name === "t") inT = false;
    },
    take(): string {
      const s = unescapeOoxml(buf);
      buf = "";
      return s;
    },
  };
}

function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const rich = richTextCollector();
  walkXml(xml, {
    open: (n) => rich.open(n),
    text: (t) => rich.text(t),
    close: (n) => {
      rich.close(n);
      if (n === "si") out.push(rich.take());
    },
  });
  return out;
}

/** Number format code of each cell style (index = the cell's s attribute); null for General. */
function cellFormats(xml: string | undefined): Array<string | null> {
  const custom = new Map<number, string>();
  const out: Array<string | null> = [];
  if (!xml) return out;
  let inXfs = false;
  walkXml(xml, {
    open: (n, a) => {
      if (n === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (n === "cellXfs") inXfs = true;
      else if (n === "xf" && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        out.push(custom.get(id) ?? builtinFormat(id));
      }
    },
    close: (n) => {
      if (n === "cellXfs") inXfs = false;
    },
  });
  return out;
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string | null;
}

function workbook(xml: string, rels: string | undefined): { sheets: SheetEntry[]; date1904: boolean } {
  const targets = new Map<string, string>();
  if (rels) {
    walkXml(rels, {
      open: (n, a) => {
        if (n !== "Relationship" || !a.Id || !a.Target) return;
        // Targets are relative to xl/ unless absolute ("/xl/worksheets/sheet1.xml").
        const t = a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`;
        targets.set(a.Id, t.replace(/\/\.\//g, "/").toLowerCase());
      },
    });
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  walkXml(xml, {
    open: (n, a) => {
      if (n === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (n === "sheet") {
        const state = (a.state ?? "visible").toLowerCase();
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, hidden: state === "hidden" || state === "veryhidden", part: a.id ? targets.get(a.id) ?? null : null });
      }
    },
  });
  return { sheets, date1904 };
}

function numberText(v: string, t: string, code: string | null, date1904: boolean): string {
  if (t === "d") {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? v : formatCellNumber(ms / 86400000 + 25569, code ?? "yyyy-mm-dd", false);
  }
  const n = Number(v);
  return v.trim() === "" || Number.isNaN(n) ? v : formatCellNumber(n, code, date1904);
}

function readSheet(xml: string, entry: SheetEntry, ctx: { sst: string[]; formats: Array<string | null>; date1904: boolean; budget: CellBudget }): SheetData {
  const cells: SheetCell[] = [];
  const merges: SheetMerge[] = [];
  let row = -1;
  let col = -1;
  let cell: { t: string; s: number; v: string; inV: boolean } | null = null;
  const rich = richTextCollector();
  walkXml(xml, {
    open: (n, a) => {
      if (n === "row") {
        row = a.r ? Number(a.r) - 1 : row + 1;
        col = -1;
      } else if (n === "c") {
        const at = a.r ? parseAddress(a.r) : null;
        if (at) {
          row = at.row;
          col = at.col;
        } else col++;
        cell = { t: a.t ?? "n", s: Number(a.s ?? 0), v: "", inV: false };
      } else if (n === "v" && cell) cell.inV = true;
      else if (n === "mergeCell" && a.ref) {
        const m = parseRange(a.ref);
        if (m) merges.push(m);
      }
      if (cell) rich.open(n);
    },
    text: (t) => {
      if (cell?.inV) cell.v += t;
      else if (cell) rich.text(t);
    },
    close: (n) => {
      if (!cell) return;
      rich.close(n);
      if (n === "v") cell.inV = false;
      if (n !== "c") return;
      const c: { t: string; s: number; v: string } = cell;
      cell = null;
      let text: string;
      if (c.t === "s") text = ctx.sst[Number(c.v)] ?? "";
      else if (c.t === "inlineStr") text = rich.take();
      else if (c.t === "str" || c.t === "e") text = unescapeOoxml(c.v);
      else if (c.t === "b") text = c.v.trim() === "1" ? "TRUE" : "FALSE";
      else text = numberText(c.v, c.t, ctx.formats[c.s] ?? null, ctx.date1904);
      rich.take();
      if (row < 0 || col < 0 || !text.trim()) return;
      ctx.budget.take();
      cells.push({ row, col, text });
    },
  });
  return { name: entry.name, hidden: entry.hidden, cells, merges };
}

const WANTED = /^(_rels\/\.rels|xl\/[^/]+\.xml|xl\/_rels\/[^/]+\.rels|xl\/worksheets\/[^/]+\.xml)$/i;

export const readXlsx: Reader = async (bytes, source) => {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new InputError(source.path, "encrypted", "表格已加密（设有打开密码），无法读取 (password-protected XLSX)");
  }
  const parts = await inspectZip(bytes, source.path, {
    label: "XLSX",
    required: (n) => /^xl\/workbook\.xml$/i.test(n),
    missing: "不是 Excel 表格：压缩包中没有 xl/workbook.xml (zip without xl/workbook.xml)",
    wanted: (n) => WANTED.test(n),
  });
  const xml = new Map([...parts.xml].map(([k, v]) => [k.toLowerCase(), v]));
  let sheets: SheetData[];
  try {
    const wb = workbook(xml.get("xl/workbook.xml") ?? "", xml.get("xl/_rels/workbook.xml.rels"));
    const ctx = { sst: sharedStrings(xml.get("xl/sharedstrings.xml")), formats: cellFormats(xml.get("xl/styles.xml")), date1904: wb.date1904, budget: new CellBudget(source.path) };
    sheets = wb.sheets.map((s) => {
      const part = s.part ? xml.get(s.part) : undefined;
      return part === undefined || s.hidden ? { name: s.name, hidden: s.hidden, cells: [], merges: [] } : readSheet(part, s, ctx);
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(source.path, "corrupt", `XLSX 文件无法解析 (${(e as Error).message})`, { cause: e });
  }
  return assembleWorkbook(sheets, source, "xlsx");
};
