/**
 * Text normalisation shared by every reader. `norm` text is what extraction reads; `text` keeps the original.
 * Full-width ASCII (digits, letters, punctuation used in numbers) is folded to half-width, but Chinese
 * punctuation that carries meaning in prose (，。；：（）) is folded only where it is ASCII's twin.
 */

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_PUNCT = "\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2018-\\u201f\\u2026";
const RE_SPACE_BETWEEN_CJK = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=[${CJK}${CJK_PUNCT}])`, "g");
const RE_SPACE_CJK_DIGIT = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=[0-9.%])`, "g");
const RE_SPACE_DIGIT_CJK = new RegExp(`([0-9%])[ \\t\\u00a0\\u3000]+(?=[${CJK}${CJK_PUNCT}])`, "g");

/** Fold full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function foldWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x3000) out += " ";
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCodePoint(c - 0xfee0); // digits
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0xff0e) out += "."; // ． full stop used as a decimal point
    else if (c === 0xff05) out += "%";
    else if (c === 0xff0b) out += "+";
    else if (c === 0xff0d) out += "-";
    else if (c === 0xff0f) out += "/";
    else if (c === 0xff1d) out += "=";
    else if (c === 0xff1c) out += "<";
    else if (c === 0xff1e) out += ">";
    else out += ch;
  }
  return out;
}

/** Remove spaces inside a number ("1 , 2 3 4 . 5 6" → "1,234.56") without touching spaces between two numbers in prose. */
export function joinSpacedDigits(s: string): string {
  // Only a run where single digits/separators alternate with single spaces is one number spread glyph by glyph.
  return s.replace(/(?<![\d.,])\d(?: [\d.,])+(?![\d.,])/g, (m) => {
    const compact = m.replace(/ /g, "");
    return /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(compact) ? compact : m;
  });
}

/** Normalise one line or cell of text: width folding, whitespace, and the spaces justified CJK text puts between glyphs. */
export function normalizeText(s: string): string {
  let t = foldWidth(s).replace(/[\u00a0\u2002-\u200b\u3000\t]/g, " ").replace(/\r/g, "");
  t = t.replace(/ {2,}/g, " ");
  t = t.replace(RE_SPACE_BETWEEN_CJK, "$1");
  t = t.replace(RE_SPACE_CJK_DIGIT, "$1");
  t = t.replace(RE_SPACE_DIGIT_CJK, "$1");
  t = joinSpacedDigits(t);
  return t.trim();
}
