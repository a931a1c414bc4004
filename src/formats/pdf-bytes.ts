/**
 * Byte-level PDF lexing shared by the object reader (pdf-objects.ts) and the content-stream scanner (pdf-content.ts):
 * character classes, literal strings, and the fixed-width cross-reference entry. Bytes are compared directly, since a
 * string per token is what reading a file's objects and streams would otherwise cost.
 */

/** PDF whitespace and delimiter characters. */
export const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
export const DELIM = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIM[c.charCodeAt(0)] = 1;

export function allDigits(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] < 0x30 || b[i] > 0x39) return false;
  return true;
}

/** Whether the bytes at p spell `word` (ASCII). */
export function bytesAre(b: Uint8Array, p: number, word: string): boolean {
  if (p < 0 || p + word.length > b.length) return false;
  for (let i = 0; i < word.length; i++) if (b[p + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * One 18-byte xref table entry at p, "oooooooooo ggggg n" (or f): the offset of an in-use object, -1 for a free one.
 * Read by bytes: a file has an entry per object, and a string and a regex match each add up.
 */
export function xrefEntry(b: Uint8Array, p: number): number {
  if (p + 18 > b.length) throw new Error("bad xref entry");
  let offset = 0;
  for (let i = 0; i < 16; i++) {
    const c = b[p + i];
    if (i === 10) {
      if (c !== 0x20) throw new Error("bad xref entry");
    } else if (c < 0x30 || c > 0x39) throw new Error("bad xref entry");
    else if (i < 10) offset = offset * 10 + (c - 0x30);
  }
  if (b[p + 16] !== 0x20) throw new Error("bad xref entry");
  if (b[p + 17] === 0x6e) return offset; // n
  if (b[p + 17] === 0x66) return -1; // f
  throw new Error("bad xref entry");
}

/** Position after a literal string starting at p ("(" … ")" with nesting and backslash escapes). */
export function skipLiteral(b: Uint8Array, p: number): number {
  let depth = 0;
  for (; p < b.length; p++) {
    const c = b[p];
    if (c === 0x5c) p++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return p + 1;
  }
  return b.length;
}
