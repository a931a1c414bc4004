/**
 * A minimal zip writer for tests: stored or deflated entries, with the option to declare sizes other than the real ones
 * (a zip that lies about its inflated size) and to deflate a long run of zeros without holding it in memory.
 */
import { crc32, deflateRawSync, createDeflateRaw } from "node:zlib";

export interface ZipInput {
  name: string;
  data?: Buffer;
  /** Inflated size for a zero-filled entry, deflated in chunks (a zip bomb's payload). */
  zeros?: number;
  /** Declare this uncompressed size instead of the real one. */
  declaredSize?: number;
  /** Store without compression (an OpenDocument's leading mimetype entry). */
  stored?: boolean;
}

async function deflateZeros(n: number): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1 << 20);
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((r) => d.on("end", () => r()));
  let crc = 0;
  for (let left = n; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!d.write(part)) await new Promise((r) => d.once("drain", r));
  }
  d.end();
  await done;
  return { data: Buffer.concat(out), crc };
}

/** The run of fields the local and central headers share (version needed … name length), starting at `at`. */
function writeEntryFields(b: Buffer, at: number, f: { crc: number; compSize: number; size: number; nameLen: number; stored?: boolean }): void {
  b.writeUInt16LE(20, at); // version needed
  b.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  b.writeUInt16LE(f.stored ? 0 : 8, at + 4); // stored or deflate
  b.writeUInt32LE(f.crc >>> 0, at + 10);
  b.writeUInt32LE(f.compSize, at + 14);
  b.writeUInt32LE(f.size, at + 18);
  b.writeUInt16LE(f.nameLen, at + 22);
}

export async function makeZip(entries: ZipInput[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    let comp: Buffer;
    let crc: number;
    let size: number;
    if (e.zeros !== undefined) {
      const z = await deflateZeros(e.zeros);
      comp = z.data;
      crc = z.crc;
      size = e.zeros;
    } else {
      const data = e.data ?? Buffer.alloc(0);
      comp = e.stored ? data : deflateRawSync(data);
      crc = crc32(data);
      size = data.length;
    }
    const declared = e.declaredSize ?? size;
    const name = Buffer.from(e.name, "utf8");
    const fields = { crc, compSize: comp.length, size: declared, nameLen: name.length, stored: e.stored };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += local.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const MINIMAL_DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、部门概况</w:t></w:r></w:p></w:body></w:document>`;
