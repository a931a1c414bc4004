/**
 * A reader of the BIFF8 Workbook stream of an Excel 97–2003 .xls ([MS-XLS]): only what a sheet shows — sheet names and
 * visibility, shared strings, cell values (strings, numbers, RK numbers, formula results, booleans, errors), number
 * formats through the cells' XF records, the 1904 date flag and merged ranges. Charts, drawings, comments, formulas
 * themselves and styles beyond number formats are skipped. Excel 95 and older (BIFF5 and before) are refused.
 */
import { InputError } from "../errors.js";
import { builtinFormat, formatCellNumber } from "./cell-format.js";
import { CellBudget, type SheetCell, type SheetData, type SheetMerge } from "./sheet-pieces.js";

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGECELLS: 0x00e5,
} as const;

const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A" };

interface Rec {
  type: number;
  data: Buffer;
  /** Offset of the record header in the stream. */
  at: number;
}

/** Records from `offset` on, each with the CONTINUE records that follow it (their data kept apart: strings restart in them). */
function* records(stream: Buffer, offset: number): Generator<Rec & { continues: Buffer[] }> {
  let pos = offset;
  let pending: (Rec & { continues: Buffer[] }) | null = null;
  while (pos + 4 <= stream.length) {
    const type = stream.readUInt16LE(pos);
    const len = stream.readUInt16LE(pos + 2);
    if (pos + 4 + len > stream.length) break;
    const data = stream.subarray(pos + 4, pos + 4 + len);
    if (type === R.CONTINUE && pending) pending.continues.push(data);
    else {
      if (pending) yield pending;
      pending = { type, data, at: pos, continues: [] };
    }
    pos += 4 + len;
  }
  if (pending) yield pending;
}

/** Reads across a record and its CONTINUE records; character data takes a fresh option byte at each boundary. */
class Cursor {
  private seg = 0;
  private pos = 0;
  constructor(private readonly segs: Buffer[]) {}
  private ensure(): boolean {
    while (this.seg < this.segs.length && this.pos >= this.segs[this.seg].length) {
      this.seg++;
      this.pos = 0;
    }
    return this.seg < this.segs.length;
  }
  get done(): boolean {
    return !this.ensure();
  }
  u8(): number {
    if (!this.ensure()) throw new RangeError("read past the end of a record");
    return this.segs[this.seg][this.pos++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      if (!this.ensure()) throw new RangeError("read past the end of a record");
      const take = Math.min(left, this.segs[this.seg].length - this.pos);
      this.pos += take;
      left -= take;
    }
  }
  /** `cch` characters, 1 or 2 bytes each as `high` says; a CONTINUE boundary inside restates the width in its first byte. */
  chars(cch: number, high: boolean): string {
    let out = "";
    let wide = high;
    let left = cch;
    while (left > 0) {
      if (!this.ensure()) throw new RangeError("string past the end of a record");
      if (this.pos === 0 && out.length > 0) wide = (this.u8() & 1) === 1;
      const buf = this.segs[this.seg];
      const avail = Math.floor((buf.length - this.pos) / (wide ? 2 : 1));
      const n = Math.min(left, avail);
      if (n === 0) throw new RangeError("string past the end of a record");
      out += wide ? buf.toString("utf16le", this.pos, this.pos + n * 2) : buf.toString("latin1", this.pos, this.pos + n);
      this.pos += n * (wide ? 2 : 1);
      left -= n;
    }
    return out;
  }
  /** XLUnicodeRichExtendedString (SST items) or XLUnicodeString (cch 16-bit, flags). */
  string(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const s = this.chars(cch, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return s;
  }
}

/** An RK number: 30 bits of an integer or of a double's high word, optionally ×100. */
function rk(v: number): number {
  const n = v & 0x02 ? v >> 2 : Buffer.from([0, 0, 0, 0, v & 0xfc, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]).readDoubleLE(0);
  return v & 0x01 ? n / 100 : n;
}

interface Globals {
  sheets: Array<{ name: string; hidden: boolean; offset: number; worksheet: boolean }>;
  sst: string[];
  formats: Map<number, string>;
  /** Number format id of each XF, in record order. */
  xfFormat: number[];
  date1904: boolean;
}

function readGlobals(stream: Buffer, file: string): Globals {
  const g: Globals = { sheets: [], sst: [], formats: new Map(), xfFormat: [], date1904: false };
  let first = true;
  for (const rec of records(stream, 0)) {
    const d = rec.data;
    if (first) {
      first = false;
      const vers = rec.type === R.BOF && d.length >= 4 ? d.readUInt16LE(0) : -1;
      if (vers !== 0x0600) {
        const what = rec.type === R.BOF || (rec.type & 0xff) === 0x09 ? "Excel 95 或更早版本的表格" : "无法识别的工作簿数据";
        throw new InputError(file, "unsupported", `${what}，仅支持 Excel 97–2003 及以后的格式 (not a BIFF8 workbook)`);
      }
      continue;
    }
    switch (rec.type) {
      case R.FILEPASS:
        throw new InputError(file, "encrypted", "表格已加密（设有打开密码），无法读取 (password-protected XLS)");
      case R.DATEMODE:
        g.date1904 = d.readUInt16LE(0) === 1;
        break;
      case R.FORMAT: {
        const c = new Cursor([d, ...rec.continues]);
        const id = c.u16();
        g.formats.set(id, c.string());
        break;
      }
      case R.XF:
        g.xfFormat.push(d.readUInt16LE(2));
        break;
      case R.BOUNDSHEET: {
        const c = new Cursor([d.subarray(6)]);
        const cch = c.u8();
        const flags = c.u8();
        g.sheets.push({ name: c.chars(cch, (flags & 1) === 1), hidden: (d[4] & 0x03) !== 0, offset: d.readUInt32LE(0), worksheet: d[5] === 0 });
        break;
      }
      case R.SST: {
        const c = new Cursor([d, ...rec.continues]);
        c.skip(4);
        const unique = c.u32();
        for (let i = 0; i < unique && !c.done; i++) g.sst.push(c.string());
        break;
      }
      case R.EOF:
        return g;
    }
  }
  return g;
}

function readWorksheet(stream: Buffer, sheet: Globals["sheets"][number], g: Globals, budget: CellBudget): SheetData {
  const cells: SheetCell[] = [];
  const merges: SheetMerge[] = [];
  const num = (row: number, col: number, xf: number, v: number) => {
    const id = g.xfFormat[xf] ?? 0;
    push(row, col, formatCellNumber(v, g.formats.get(id) ?? builtinFormat(id), g.date1904));
  };
  const push = (row: number, col: number, text: string) => {
    if (!text.trim()) return;
    budget.take();
    cells.push({ row, col, text: text.replace(/\r\n?/g, "\n") });
  };
  let formulaAt: { row: number; col: number } | null = null;
  let first = true;
  let nested = 0;
  for (const rec of records(stream, sheet.offset)) {
    const d = rec.data;
    if (first) {
      first = false;
      if (rec.type !== R.BOF) break;
      continue;
    }
    // An embedded substream (a chart on the sheet) runs from its BOF to its EOF: nothing of it is cell text.
    if (rec.type === R.BOF) nested++;
    if (nested > 0) {
      if (rec.type === R.EOF) nested--;
      continue;
    }
    switch (rec.type) {
      case R.LABELSST:
        push(d.readUInt16LE(0), d.readUInt16LE(2), g.sst[d.readUInt32LE(6)] ?? "");
        break;
      case R.LABEL:
      case R.RSTRING: {
        const c = new Cursor([d.subarray(6), ...rec.continues]);
        const cch = c.u16();
        const flags = c.u8();
        push(d.readUInt16LE(0), d.readUInt16LE(2), c.chars(cch, (flags & 1) === 1));
        break;
      }
      case R.NUMBER:
        num(d.readUInt16LE(0), d.readUInt16LE(2), d.readUInt16LE(4), d.readDoubleLE(6));
        break;
      case R.RK:
        num(d.readUInt16LE(0), d.readUInt16LE(2), d.readUInt16LE(4), rk(d.readInt32LE(6)));
        break;
      case R.MULRK: {
        const row = d.readUInt16LE(0);
        const col0 = d.readUInt16LE(2);
        for (let i = 0, at = 4; at + 6 <= d.length - 2; i++, at += 6) num(row, col0 + i, d.readUInt16LE(at), rk(d.readInt32LE(at + 2)));
        break;
      }
      case R.FORMULA: {
        const row = d.readUInt16LE(0);
        const col = d.readUInt16LE(2);
        formulaAt = null;
        if (d.readUInt16LE(12) !== 0xffff) num(row, col, d.readUInt16LE(4), d.readDoubleLE(6));
        else if (d[6] === 0x00) formulaAt = { row, col }; // the text result follows in a STRING record
        else if (d[6] === 0x01) push(row, col, d[8] ? "TRUE" : "FALSE");
        else if (d[6] === 0x02) push(row, col, ERRORS[d[8]] ?? "#N/A");
        break;
      }
      case R.STRING:
        if (formulaAt) push(formulaAt.row, formulaAt.col, new Cursor([d, ...rec.continues]).string());
        formulaAt = null;
        break;
      case R.BOOLERR:
        push(d.readUInt16LE(0), d.readUInt16LE(2), d[7] ? ERRORS[d[6]] ?? "#N/A" : d[6] ? "TRUE" : "FALSE");
        break;
      case R.MERGECELLS: {
        const n = d.readUInt16LE(0);
        for (let i = 0, at = 2; i < n && at + 8 <= d.length; i++, at += 8) {
          merges.push({ row: d.readUInt16LE(at), lastRow: d.readUInt16LE(at + 2), col: d.readUInt16LE(at + 4), lastCol: d.readUInt16LE(at + 6) });
        }
        break;
      }
      case R.EOF:
        return { name: sheet.name, hidden: sheet.hidden, cells, merges };
    }
  }
  return { name: sheet.name, hidden: sheet.hidden, cells, merges };
}

/** The sheets of a BIFF8 Workbook stream; hidden sheets come back without their cells. */
export function readBiffWorkbook(stream: Buffer, file: string): SheetData[] {
  try {
    const g = readGlobals(stream, file);
    const budget = new CellBudget(file);
    return g.sheets.map((s) =>
      s.hidden || !s.worksheet || s.offset >= stream.length ? { name: s.name, hidden: s.hidden, cells: [], merges: [] } : readWorksheet(stream, s, g, budget),
    );
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, "corrupt", `XLS 文件已损坏 (${(e as Error).message})`, { cause: e });
  }
}
