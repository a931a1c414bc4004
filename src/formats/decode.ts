/**
 * Decoding text bytes whose encoding nobody declared. Chinese government text files are often GBK/GB18030, sometimes
 * UTF-16 from Windows Notepad, sometimes Big5; detect rather than assume.
 */
import chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: string;
}

/** Map chardet's names onto a decoder; GB2312 and GBK are subsets of GB18030, so decode all three as GB18030. */
function decoderFor(name: string | null): string {
  const n = (name ?? "").toLowerCase();
  if (/gb|euc-cn|hz/.test(n)) return "gb18030";
  if (/big5|euc-tw/.test(n)) return "big5";
  if (n === "utf-16le" || n === "utf-16be" || n === "utf-8") return n;
  if (/shift_jis|euc-jp|euc-kr|iso-2022/.test(n) && iconv.encodingExists(n)) return n;
  // ISO-8859/windows-125x guesses on CJK bytes are almost always GBK text chardet misread.
  return "gb18030";
}

/** Whether bytes look like UTF-16 without a BOM: ASCII-range text leaves every other byte zero. */
function utf16Guess(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

export function decodeText(bytes: Buffer): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding: "utf-16be" };
  }
  const u16 = utf16Guess(bytes);
  if (u16) return { text: iconv.decode(bytes, u16), encoding: u16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // not UTF-8: fall through to detection
  }
  const enc = decoderFor(chardet.detect(bytes));
  return { text: iconv.decode(bytes, enc), encoding: enc };
}

/**
 * Whether bytes are plausibly text in some encoding: no NULs (outside UTF-16) and almost no C0 control characters.
 * Random bytes fail this (an eighth of them are control bytes); GBK, Big5 and UTF-8 Chinese pass.
 */
export function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return true;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  if (utf16Guess(bytes)) return true;
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
  }
  return bad <= n * 0.01;
}
