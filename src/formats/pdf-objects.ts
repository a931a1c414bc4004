/**
 * A minimal PDF object reader, just enough to reach each page's content streams and form XObjects: cross-reference
 * tables and streams (with /Prev chains, hybrid /XRefStm, object streams, and a full-file scan when the xref is broken),
 * the object syntax, and the Flate/ASCIIHex/ASCII85 filters. pdf.js keeps its parsed objects to itself, and its
 * operator list (the public way to see paths) costs as much as text extraction; reading the few streams ourselves costs
 * a few milliseconds. Anything unsupported (encryption, exotic filters) throws: callers fall back to pdf.js.
 */
import { allDigits, bytesAre, DELIM, skipLiteral, WS, xrefEntry } from "./pdf-bytes.js";
import { applyFilter } from "./pdf-filters.js";

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}
export interface PdfStream {
  dict: PdfDict;
  start: number;
  end: number;
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfStream;


export const isStream = (v: PdfValue | undefined): v is PdfStream => typeof v === "object" && v !== null && "dict" in v && "start" in v;
export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;

/** Object syntax over one buffer (the file, or a decoded object stream). */
class Parser {
  constructor(readonly buf: Buffer, private file: PdfFile | null) {}

  skipWs(p: number): number {
    const b = this.buf;
    for (;;) {
      while (p < b.length && WS[b[p]]) p++;
      if (b[p] !== 0x25) return p; // %
      while (p < b.length && b[p] !== 10 && b[p] !== 13) p++;
    }
  }

  word(p: number): [string, number] {
    const e = this.wordEnd(p);
    return [this.buf.toString("latin1", p, e), e];
  }

  /** Where the word (run of regular characters) at p ends. */
  wordEnd(p: number): number {
    const b = this.buf;
    while (p < b.length && !WS[b[p]] && !DELIM[b[p]]) p++;
    return p;
  }

  /** Parse one object at p; returns [value, position after it]. */
  parse(p: number): [PdfValue, number] {
    p = this.skipWs(p);
    const b = this.buf;
    const c = b[p];
    if (c === 0x2f) {
      const [w, q] = this.word(p + 1);
      return [new PdfName(w.includes("#") ? w.replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))) : w), q];
    }
    if (c === 0x3c && b[p + 1] === 0x3c) {
      const dict: PdfDict = new Map();
      p += 2;
      for (;;) {
        p = this.skipWs(p);
        if (p >= b.length) throw new Error("unterminated dict");
        if (b[p] === 0x3e && b[p + 1] === 0x3e) {
          p += 2;
          break;
        }
        const [k, q] = this.parse(p);
        if (!(k instanceof PdfName)) throw new Error("bad dict key");
        const [v, r] = this.parse(q);
        dict.set(k.name, v);
        p = r;
      }
      const q = this.skipWs(p);
      if (bytesAre(b, q, "stream")) return [this.stream(dict, q + 6), q + 6];
      return [dict, p];
    }
    if (c === 0x5b) {
      const arr: PdfValue[] = [];
      p++;
      for (;;) {
        p = this.skipWs(p);
        if (p >= b.length) throw new Error("unterminated array");
        if (b[p] === 0x5d) return [arr, p + 1];
        const [v, q] = this.parse(p);
        arr.push(v);
        p = q;
      }
    }
    if (c === 0x28) return ["", skipLiteral(b, p)];
    if (c === 0x3c) {
      const e = b.indexOf(0x3e, p);
      return ["", e < 0 ? b.length : e + 1];
    }
    const [w, q] = this.word(p);
    if (w === "") throw new Error(`unexpected byte ${c} at ${p}`);
    if (w === "true" || w === "false") return [w === "true", q];
    if (w === "null") return [null, q];
    const n = Number(w);
    if (Number.isNaN(n)) return [w, q]; // a keyword (endobj, R handled below)
    // "n g R" is a reference.
    if (Number.isInteger(n) && n >= 0) {
      const p2 = this.skipWs(q);
      const q2 = this.wordEnd(p2);
      if (q2 > p2 && allDigits(b, p2, q2)) {
        const p3 = this.skipWs(q2);
        if (b[p3] === 0x52 && (p3 + 1 >= b.length || WS[b[p3 + 1]] || DELIM[b[p3 + 1]])) return [new PdfRef(n, Number(b.toString("latin1", p2, q2))), p3 + 1];
      }
    }
    return [n, q];
  }

  private stream(dict: PdfDict, p: number): PdfStream {
    const b = this.buf;
    if (b[p] === 13) p++;
    if (b[p] === 10) p++;
    let len = dict.get("Length");
    if (len instanceof PdfRef) len = this.file?.get(len) ?? null;
    let end = typeof len === "number" ? p + len : -1;
    const ok = end > p && end <= b.length && /^\s*endstream/.test(b.toString("latin1", end, end + 20));
    if (!ok) {
      const e = b.indexOf("endstream", p, "latin1");
      end = e < 0 ? b.length : e;
      while (end > p && (b[end - 1] === 10 || b[end - 1] === 13)) end--;
    }
    return { dict, start: p, end };
  }

}

export class PdfFile {
  private offsets = new Map<number, number>();
  private inStream = new Map<number, [number, number]>();
  private cache = new Map<number, PdfValue>();
  private objStms = new Map<number, { data: Buffer; offsets: Map<number, number> }>();
  trailer: PdfDict = new Map();
  private pageList: Array<{ dict: PdfDict; resources: PdfDict | null }> | null = null;

  private main: Parser;

  constructor(readonly buf: Buffer) {
    this.main = new Parser(buf, this);
    try {
      this.readXref();
    } catch {
      this.scanObjects();
    }
    if (this.trailer.has("Encrypt")) throw new Error("encrypted");
  }

  // ---- cross-reference ----
  private readXref(): void {
    const b = this.buf;
    const tail = b.toString("latin1", Math.max(0, b.length - 2048));
    const m = /startxref\s+(\d+)/g;
    let last: RegExpExecArray | null = null;
    for (let x; (x = m.exec(tail)); ) last = x;
    if (!last) throw new Error("no startxref");
    const seen = new Set<number>();
    let at: number | null = Number(last[1]);
    let first = true;
    while (at !== null && !seen.has(at) && at < b.length) {
      seen.add(at);
      const dict = this.xrefSection(at);
      if (first) this.trailer = dict;
      first = false;
      const stm = dict.get("XRefStm");
      if (typeof stm === "number" && !seen.has(stm)) this.xrefSection(stm);
      const prev = dict.get("Prev");
      at = typeof prev === "number" ? prev : null;
    }
    if (!this.trailer.has("Root")) throw new Error("no root");
  }

  /** One xref section (table or stream); entries already known (from later sections) win. */
  private xrefSection(at: number): PdfDict {
    const b = this.buf;
    const p0 = this.main.skipWs(at);
    if (bytesAre(b, p0, "xref")) {
      let p = p0 + 4;
      for (;;) {
        p = this.main.skipWs(p);
        const [w, q] = this.main.word(p);
        if (w === "trailer") {
          const [t] = this.main.parse(q);
          if (!isDict(t)) throw new Error("bad trailer");
          return t;
        }
        const start = Number(w);
        const [cw, q2] = this.main.word(this.main.skipWs(q));
        const count = Number(cw);
        if (!Number.isInteger(start) || !Number.isInteger(count)) throw new Error("bad xref");
        p = q2;
        for (let k = 0; k < count; k++) {
          p = this.main.skipWs(p);
          const offset = xrefEntry(b, p);
          const num = start + k;
          if (offset >= 0 && !this.offsets.has(num) && !this.inStream.has(num)) this.offsets.set(num, offset);
          p += 18;
        }
      }
    }
    const [, q] = this.main.word(p0); // object number
    const [, q2] = this.main.word(this.main.skipWs(q)); // generation
    const [kw, q3] = this.main.word(this.main.skipWs(q2));
    if (kw !== "obj") throw new Error("bad xref stream");
    const [s] = this.main.parse(q3);
    if (!isStream(s) || (s.dict.get("Type") as PdfName)?.name !== "XRef") throw new Error("not an xref stream");
    const data = this.decode(s);
    const w = (s.dict.get("W") as number[]).map(Number);
    const size = Number(s.dict.get("Size"));
    const index = (s.dict.get("Index") as number[] | undefined) ?? [0, size];
    const rowLen = w[0] + w[1] + w[2];
    let r = 0;
    const field = (off: number, n: number, dflt: number) => {
      if (n === 0) return dflt;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[off + k];
      return v;
    };
    for (let i = 0; i + 1 < index.length; i += 2) {
      for (let k = 0; k < index[i + 1]; k++, r++) {
        const off = r * rowLen;
        if (off + rowLen > data.length) break;
        const type = field(off, w[0], 1);
        const a = field(off + w[0], w[1], 0);
        const c = field(off + w[0] + w[1], w[2], 0);
        const num = index[i] + k;
        if (this.offsets.has(num) || this.inStream.has(num)) continue;
        if (type === 1) this.offsets.set(num, a);
        else if (type === 2) this.inStream.set(num, [a, c]);
      }
    }
    return s.dict;
  }

  /** Broken cross-reference: find every "n g obj" in the file (later definitions win), and the trailer or catalog. */
  private scanObjects(): void {
    this.offsets.clear();
    this.inStream.clear();
    const text = this.buf.toString("latin1");
    const re = /(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g;
    for (let m; (m = re.exec(text)); ) this.offsets.set(Number(m[1]), m.index + m[0].indexOf(m[1]));
    const t = text.lastIndexOf("trailer");
    if (t >= 0) {
      try {
        const [d] = this.main.parse(t + 7);
        if (isDict(d) && d.has("Root")) {
          this.trailer = d;
          return;
        }
      } catch {
        // fall through to the catalog search
      }
    }
    for (const num of this.offsets.keys()) {
      const v = this.getNum(num);
      if (isDict(v) && (v.get("Type") as PdfName)?.name === "Catalog") {
        this.trailer = new Map([["Root", new PdfRef(num, 0)]]);
        return;
      }
    }
    throw new Error("no catalog");
  }

  get(v: PdfValue | undefined): PdfValue {
    return v instanceof PdfRef ? this.getNum(v.num) : (v ?? null);
  }

  private getNum(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    let v: PdfValue = null;
    const off = this.offsets.get(num);
    if (off !== undefined) {
      const q = this.main.wordEnd(this.main.skipWs(off));
      const q2 = this.main.wordEnd(this.main.skipWs(q));
      const p3 = this.main.skipWs(q2);
      const q3 = this.main.wordEnd(p3);
      if (q3 - p3 === 3 && bytesAre(this.buf, p3, "obj")) v = this.main.parse(q3)[0];
    } else {
      const loc = this.inStream.get(num);
      if (loc) v = this.fromObjStm(loc[0], num);
    }
    this.cache.set(num, v);
    return v;
  }

  private fromObjStm(stmNum: number, num: number): PdfValue {
    let stm = this.objStms.get(stmNum);
    if (!stm) {
      const s = this.getNum(stmNum);
      if (!isStream(s)) return null;
      const data = this.decode(s);
      const n = Number(s.dict.get("N"));
      const first = Number(s.dict.get("First"));
      const head = data.toString("latin1", 0, first).trim().split(/\s+/).map(Number);
      const offsets = new Map<number, number>();
      for (let k = 0; k < n; k++) offsets.set(head[2 * k], first + head[2 * k + 1]);
      stm = { data, offsets };
      this.objStms.set(stmNum, stm);
    }
    const at = stm.offsets.get(num);
    return at === undefined ? null : new Parser(stm.data, this).parse(at)[0];
  }

  // ---- streams ----
  decode(s: PdfStream): Buffer {
    let data = this.buf.subarray(s.start, s.end);
    const f = this.get(s.dict.get("Filter"));
    const filters = (Array.isArray(f) ? f : f ? [f] : []).map((x) => (this.get(x) as PdfName).name);
    const pr = this.get(s.dict.get("DecodeParms") ?? s.dict.get("DP"));
    const parms = Array.isArray(pr) ? pr.map((x) => this.get(x)) : [pr];
    filters.forEach((name, i) => {
      const parm = parms[i];
      data = applyFilter(name, data, (key) => (isDict(parm) ? Number(parm.get(key) ?? NaN) : NaN));
    });
    return data;
  }

  /** Every stream object reachable through the cross-reference, with its object number (streams never sit in object streams). */
  *streams(): Generator<[number, PdfStream]> {
    for (const num of this.offsets.keys()) {
      let v: PdfValue;
      try {
        v = this.getNum(num);
      } catch {
        continue;
      }
      if (isStream(v)) yield [num, v];
    }
  }

  // ---- pages ----
  /** Page dictionaries in document order, each with its (inherited) resources. */
  pages(): Array<{ dict: PdfDict; resources: PdfDict | null }> {
    if (this.pageList) return this.pageList;
    const out: Array<{ dict: PdfDict; resources: PdfDict | null }> = [];
    const root = this.get(this.trailer.get("Root"));
    const seen = new Set<PdfDict>();
    const walk = (node: PdfValue, res: PdfDict | null, depth: number) => {
      if (!isDict(node) || seen.has(node) || depth > 64) return;
      seen.add(node);
      const own = this.get(node.get("Resources"));
      const r = isDict(own) ? own : res;
      const kids = this.get(node.get("Kids"));
      if (Array.isArray(kids)) for (const k of kids) walk(this.get(k), r, depth + 1);
      else out.push({ dict: node, resources: r });
    };
    if (isDict(root)) walk(this.get(root.get("Pages")), null, 0);
    this.pageList = out;
    return out;
  }

  /** The decoded content of page `index` (0-based), its streams joined. */
  pageContent(index: number): { data: Buffer; resources: PdfDict | null } {
    const page = this.pages()[index];
    if (!page) throw new Error(`no page ${index + 1}`);
    const c = this.get(page.dict.get("Contents"));
    const parts = (Array.isArray(c) ? c.map((x) => this.get(x)) : [c]).filter(isStream);
    const bufs: Buffer[] = [];
    for (const s of parts) bufs.push(this.decode(s), Buffer.from("\n"));
    return { data: Buffer.concat(bufs), resources: page.resources };
  }
}
