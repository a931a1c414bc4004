import stringWidth from "string-width";

const NARROW_ONLY = /^[\x20-\x7e]*$/;

/**
 * Columns a string takes in a terminal or a fixed-width cell: CJK and full-width forms count two (string-width, which
 * follows Unicode's East Asian Width). Printable ASCII — figures, dates, codes, the common case — skips the
 * per-grapheme work.
 */
export function displayWidth(s: string): number {
  return NARROW_ONLY.test(s) ? s.length : stringWidth(s);
}
