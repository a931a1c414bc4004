/**
 * Text normalisation shared by every reader. `norm` text is what extraction reads; `text` keeps the original.
 * Full-width ASCII (digits, letters, punctuation used in numbers) is folded to half-width, but Chinese
 * punctuation that carries meaning in prose (，。；：（）) is folded only where it is ASCII's twin.
 */

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_PUNCT = "\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2018-\\u201f\\u2026";
const RE_SPACE_BETWEEN_CJK = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=[${CJK}${CJK_PUNCT}])`, "g");
const RE_SPACE_CJK_DIGIT = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=[0-9.%])`, "g");
const RE_ODD_SPACE = /[\u00a0\u2002-\u200b\u3000\t]/g;
const RE_CR = /\r/g;
const RE_SPACES = / {2,}/g;
const RE_SPACE_DIGIT_CJK = new RegExp(`([0-9%])[ \\t\\u00a0\\u3000]+(?=[${CJK}${CJK_PUNCT}])`, "g");

/** Half-width twin of a full-width code unit, or 0 when foldWidth keeps it. */
function foldedCode(c: number): number {
  if (c === 0x3000) return 0x20;
  // ≧ ≦ (the "over equal" forms CJK fonts and input methods offer) are ≥ ≤ in a form's 指标值 column: one sign for readers.
  if (c === 0x2267) return 0x2265;
  if (c === 0x2266) return 0x2264;
  if (c < 0xff05 || c > 0xff5a) return 0;
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0;
  switch (c) {
    case 0xff0e: return 0x2e; // ． full stop used as a decimal point
    case 0xff05: return 0x25;
    case 0xff0b: return 0x2b;
    case 0xff0d: return 0x2d;
    case 0xff0f: return 0x2f;
    case 0xff1d: return 0x3d;
    case 0xff1c: return 0x3c;
    case 0xff1e: return 0x3e;
    default: return 0;
  }
}

/** Fold full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function foldWidth(s: string): string {
  // Every folded character is in the BMP, so code units stand for code points; most strings fold nothing.
  let i = 0;
  while (i < s.length && foldedCode(s.charCodeAt(i)) === 0) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  let from = i;
  for (; i < s.length; i++) {
    const f = foldedCode(s.charCodeAt(i));
    if (f === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  return out + s.slice(from);
}

/** Remove spaces inside a number ("1 , 2 3 4 . 5 6" → "1,234.56") without touching spaces between two numbers in prose. */
const RE_SPACED_DIGITS = /(?<![\d.,])\d(?: [\d.,])+(?![\d.,])/g;
const RE_ONE_NUMBER = /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/;
const RE_SPACE = / /g;

export function joinSpacedDigits(s: string): string {
  // Only a run where single digits/separators alternate with single spaces is one number spread glyph by glyph.
  return s.replace(RE_SPACED_DIGITS, (m) => {
    const compact = m.replace(RE_SPACE, "");
    // No number is printed with a leading zero but 0.x: "0 0 0" is a row's empty cells, not 000.
    return RE_ONE_NUMBER.test(compact) && !/^0\d/.test(compact) ? compact : m;
  });
}

/**
 * Whether normalizeText would return `s` unchanged: nothing to fold and no whitespace (JavaScript's trim set, which
 * includes every character the steps below turn into a space). Most cells and many lines are like this.
 */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) return false;
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return false;
    if (c === 0x3000 || c === 0xfeff || c === 0x2266 || c === 0x2267 || (c >= 0xff05 && c <= 0xff5a)) return false;
  }
  return true;
}

/**
 * A reading gloss after a Chinese word: pinyin that converted copies insert after rarer characters ("萬(wàn)元",
 * "預(yu suan)算"), or an English gloss bilingual pages print after a label ("全年执行数(Actual)"). Latin letters only,
 * some of them lower case: column markers ("(A)", "(B/A)") and acronyms ("(PPP)") are wording and stay.
 */
const LATIN = "A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ";
const RE_GLOSS = new RegExp(`(?<=[\u3400-\u9fff])[ \t]*[(（](?=[^()（）]*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ])[${LATIN}' ]{2,40}[)）]`, "g");

/** Remove reading glosses (see RE_GLOSS); a text without a parenthesis is returned as it is. */
export function stripGlosses(s: string): string {
  return s.includes("(") || s.includes("（") ? s.replace(RE_GLOSS, "") : s;
}

/** Normalise one line or cell of text: width folding, whitespace, and the spaces justified CJK text puts between glyphs. */
export function normalizeText(raw: string): string {
  const s = stripGlosses(raw);
  if (isPlain(s)) return s;
  let t = foldWidth(s).replace(RE_ODD_SPACE, " ").replace(RE_CR, "");
  // Every step below only removes spaces: without one there is nothing for them to do.
  if (t.includes(" ")) {
    t = t.replace(RE_SPACES, " ");
    t = t.replace(RE_SPACE_BETWEEN_CJK, "$1");
    t = t.replace(RE_SPACE_CJK_DIGIT, "$1");
    t = t.replace(RE_SPACE_DIGIT_CJK, "$1");
    t = joinSpacedDigits(t);
  }
  return t.trim();
}
