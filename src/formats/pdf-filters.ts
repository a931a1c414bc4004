/**
 * Stream filters the ruling scanner needs: Flate (with PNG predictors, as xref and object streams use), ASCIIHex and
 * ASCII85. Anything else throws, and the reader falls back to pdf.js.
 */
import { inflateSync, constants as zlibConstants } from "node:zlib";

/** A numeric /DecodeParms entry, NaN when absent. */
type Parm = (key: string) => number;

export function applyFilter(name: string, data: Buffer, parm: Parm): Buffer {
  if (name === "FlateDecode" || name === "Fl") return predict(inflate(data), parm);
  if (name === "ASCIIHexDecode" || name === "AHx") {
    const hex = data.toString("latin1").replace(/>.*$/s, "").replace(/[^0-9a-fA-F]/g, "");
    return Buffer.from(hex.length % 2 ? hex + "0" : hex, "hex");
  }
  if (name === "ASCII85Decode" || name === "A85") return ascii85(data);
  throw new Error(`unsupported filter ${name}`);
}

/**
 * The most one stream may inflate to. A dense page's content is well under 1 MB and an embedded font a few MB; a
 * stream past this is a compression bomb (1 MB of zeros inflates to 1 GB), and inflating it whole is what exhausted
 * memory: Buffers live outside the V8 heap, where a worker's heap limit does not reach.
 */
export const MAX_DECODED_STREAM = 64 * 1024 * 1024;

/** A stream that inflates past MAX_DECODED_STREAM. */
export class StreamTooLarge extends Error {
  constructor() {
    super(`stream inflates past ${MAX_DECODED_STREAM / 1024 / 1024} MB`);
    this.name = "StreamTooLarge";
  }
}

function inflate(data: Buffer): Buffer {
  const maxOutputLength = MAX_DECODED_STREAM;
  try {
    return inflateSync(data, { maxOutputLength });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new StreamTooLarge();
    try {
      // Truncated or trailing-garbage streams: take what inflates.
      return inflateSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength });
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new StreamTooLarge();
      throw e2;
    }
  }
}

/** PNG predictors (xref and object streams use them); TIFF predictor 2 is not supported. */
function predict(data: Buffer, parm: Parm): Buffer {
  const or = (v: number, d: number) => (Number.isNaN(v) ? d : v);
  const pred = or(parm("Predictor"), 1);
  if (pred < 2) return data;
  if (pred === 2) throw new Error("TIFF predictor");
  const colors = or(parm("Colors"), 1);
  const bpc = or(parm("BitsPerComponent"), 8);
  const cols = or(parm("Columns"), 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * cols) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = Buffer.alloc(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)];
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const left = i >= bpp ? out[dst + i - bpp] : 0;
      const up = r > 0 ? out[dst - rowLen + i] : 0;
      const ul = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp] : 0;
      let v = data[src + i];
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) {
        const pa = Math.abs(up - ul), pb = Math.abs(left - ul), pc = Math.abs(left + up - 2 * ul);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : ul;
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function ascii85(data: Buffer): Buffer {
  const s = data.toString("latin1").replace(/\s/g, "").replace(/^<~/, "").replace(/~>.*$/, "");
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    out.push(...bytes.slice(0, n));
    group = [];
  };
  for (const ch of s) {
    if (ch === "z" && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    group.push(ch.charCodeAt(0) - 33);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

