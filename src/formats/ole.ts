/**
 * OLE compound files (Word 97 .doc, Excel 97 .xls, WPS .et, encrypted OOXML) opened with cfb. What a file is follows
 * from the streams at its root: a .doc with an Excel table pasted in holds a Workbook stream too, but inside
 * ObjectPool, not at the root.
 */
import CFB from "cfb";

export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Streams directly under the root storage, by name; null when the container cannot be parsed. */
export function oleRootStreams(bytes: Buffer): Map<string, Buffer> | null {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: "buffer" });
  } catch {
    return null;
  }
  const root = cfb.FullPaths[0] ?? "Root Entry/";
  const out = new Map<string, Buffer>();
  cfb.FullPaths.forEach((p, i) => {
    const e = cfb.FileIndex[i];
    if (e?.type !== 2 || !p.startsWith(root)) return;
    const rest = p.slice(root.length);
    if (rest && !rest.includes("/") && e.content) out.set(rest, Buffer.from(e.content as Uint8Array));
  });
  return out;
}
