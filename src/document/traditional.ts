/**
 * Traditional → Simplified folding for `norm` text. Some reports circulate as Traditional-script copies (re-hosted on
 * document-sharing sites); extraction matches Simplified labels, so their `norm` is folded while `text` keeps the original.
 * Folding is applied only to documents that read as Traditional: OpenCC's phrase tables are tuned for Traditional input,
 * and running them over Simplified text buys nothing but risk.
 */
import * as OpenCC from "opencc-js/t2cn";

let converter: ((s: string) => string) | null = null;

function convert(s: string): string {
  // Taiwan tables cover the characters Mainland-origin copies use; built lazily (≈20 ms) on the first Traditional document.
  const c = (converter ??= OpenCC.Converter({ from: "tw", to: "cn" }));
  return c(s);
}

const RE_CJK = /[\u3400-\u9fff]/g;

/**
 * Whether a text sample is written in Traditional script: enough of its CJK characters change under conversion.
 * A handful of shared glyphs can change in Simplified text too, so both an absolute and a relative floor apply.
 */
export function looksTraditional(sample: string): boolean {
  const s = sample.length > 20000 ? sample.slice(0, 20000) : sample;
  const cjk = s.match(RE_CJK)?.length ?? 0;
  if (cjk < 4) return false;
  const out = convert(s);
  if (out.length !== s.length) return true;
  let changed = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== out.charCodeAt(i)) changed++;
  return changed >= 3 && changed / cjk >= 0.02;
}

/**
 * Pinyin glosses that document-sharing sites insert after rarer characters in converted copies ("繼續(xù)"): a parenthesised
 * Latin syllable with a tone mark right after a CJK character. Never part of a report's wording.
 */
const RE_PINYIN_GLOSS = /(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[)）]/g;

export function stripPinyinGlosses(s: string): string {
  return s.replace(RE_PINYIN_GLOSS, "");
}

/** Fold a Traditional-script string to Simplified (and drop pinyin glosses). */
export function toSimplified(s: string): string {
  return convert(stripPinyinGlosses(s));
}
