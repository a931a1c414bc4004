/**
 * Builds small BIFF8 workbooks for reader tests, record by record ([MS-XLS]), inside an OLE container written by cfb:
 * the cases LibreOffice's own small files never produce (a shared string split across CONTINUE records with a change of
 * character width, MULRK, formula string results, 1904 dates, FILEPASS).
 */
import CFB from "cfb";

export function rec(type: number, data: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const f64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return b;
};

/** XLUnicodeString: 16-bit length, flags, UTF-16 or Latin-1 characters. */
export function xlString(s: string, wide = /[^\x00-\xff]/.test(s)): Buffer {
  return Buffer.concat([u16(s.length), Buffer.from([wide ? 1 : 0]), Buffer.from(s, wide ? "utf16le" : "latin1")]);
}

export const bof = (dt: number, vers = 0x0600) => rec(0x0809, Buffer.concat([u16(vers), u16(dt), Buffer.alloc(12)]));
export const eof = () => rec(0x000a, Buffer.alloc(0));
export const xf = (fmt: number) => rec(0x00e0, Buffer.concat([u16(0), u16(fmt), Buffer.alloc(16)]));
export const format = (id: number, code: string) => rec(0x041e, Buffer.concat([u16(id), xlString(code)]));
export const datemode = (is1904: boolean) => rec(0x0022, u16(is1904 ? 1 : 0));
export const filepass = () => rec(0x002f, Buffer.alloc(6));
export const labelSst = (r: number, c: number, x: number, i: number) => rec(0x00fd, Buffer.concat([u16(r), u16(c), u16(x), u32(i)]));
export const label = (r: number, c: number, x: number, s: string) => rec(0x0204, Buffer.concat([u16(r), u16(c), u16(x), xlString(s)]));
export const number = (r: number, c: number, x: number, v: number) => rec(0x0203, Buffer.concat([u16(r), u16(c), u16(x), f64(v)]));
/** An RK holding an integer (×100 when `cents`). */
export function rkInt(v: number, cents = false): number {
  return ((v << 2) | 0x02 | (cents ? 0x01 : 0)) >>> 0;
}
export const rk = (r: number, c: number, x: number, v: number) => rec(0x027e, Buffer.concat([u16(r), u16(c), u16(x), u32(v)]));
export const mulrk = (r: number, c0: number, cells: Array<[number, number]>) =>
  rec(0x00bd, Buffer.concat([u16(r), u16(c0), ...cells.map(([x, v]) => Buffer.concat([u16(x), u32(v)])), u16(c0 + cells.length - 1)]));
/** A FORMULA record whose cached result is a number, or (with `text`) a string that a STRING record carries. */
export function formula(r: number, c: number, x: number, result: number | { text: string }): Buffer {
  const val = typeof result === "number" ? f64(result) : Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
  const f = rec(0x0006, Buffer.concat([u16(r), u16(c), u16(x), val, u16(0), u32(0), u16(0)]));
  return typeof result === "number" ? f : Buffer.concat([f, rec(0x0207, xlString(result.text))]);
}
export const mergeCells = (ranges: Array<[number, number, number, number]>) =>
  rec(0x00e5, Buffer.concat([u16(ranges.length), ...ranges.map(([r0, r1, c0, c1]) => Buffer.concat([u16(r0), u16(r1), u16(c0), u16(c1)]))]));

/**
 * SST records for `strings`; `splitAt` cuts the record body at that byte into a CONTINUE record, and the string that
 * the cut falls in continues with the given width flag byte (as Excel writes it) when the cut is inside its characters.
 */
export function sst(strings: string[], split?: { at: number; flag: number }): Buffer {
  const body = Buffer.concat([u32(strings.length), u32(strings.length), ...strings.map((s) => xlString(s))]);
  if (!split) return rec(0x00fc, body);
  return Buffer.concat([rec(0x00fc, body.subarray(0, split.at)), rec(0x003c, Buffer.concat([Buffer.from([split.flag]), body.subarray(split.at)]))]);
}

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  records: Buffer[];
}

/** A Workbook stream: globals (with BOUNDSHEETs pointing at each sheet's BOF) then the sheets. */
export function workbookStream(globals: Buffer[], sheets: SheetSpec[]): Buffer {
  const bodies = sheets.map((s) => Buffer.concat([bof(0x0010), ...s.records, eof()]));
  const boundsheet = (s: SheetSpec, offset: number) => {
    const name = Buffer.from(s.name, "utf16le");
    return rec(0x0085, Buffer.concat([u32(offset), Buffer.from([s.hidden ? 1 : 0, 0, s.name.length, 1]), name]));
  };
  // BOUNDSHEET sizes do not depend on the offsets, so lay the globals out once with zeros, then with the real offsets.
  const head = (offsets: number[]) => Buffer.concat([bof(0x0005), ...globals, ...sheets.map((s, i) => boundsheet(s, offsets[i])), eof()]);
  let at = head(sheets.map(() => 0)).length;
  const offsets = bodies.map((b) => {
    const o = at;
    at += b.length;
    return o;
  });
  return Buffer.concat([head(offsets), ...bodies]);
}

/** An OLE file with the given root streams (and storages, by path). */
export function oleFile(streams: Record<string, Buffer>): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, data);
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}
