/**
 * Occurrences of a fixed list of words in a text, the way a greedy scanner (or a regex alternation of literals) finds
 * them: leftmost first, at one position the first word of the list that fits, the scan going on after it.
 *
 * Why an index: the flattened-table runs of extract.ts are overlapping windows of the same passages (up to 24 each),
 * and scanning every window again made extraction quadratic. `WordOccurrences` records, once per text, every position
 * where some word starts and which words do; a window [a, b) is then read by replaying the greedy walk over those
 * positions only. A word running past the window's end does not fit there, so the walk takes the next word of the
 * list that does, exactly as a scan of text.slice(a, b) would.
 */

export class WordList {
  /** Per first code unit: 1 + index into `byFirst`, 0 when no word starts with it. */
  private readonly firstIdx = new Uint16Array(65536);
  private readonly byFirst: number[][] = [[]];
  readonly lengths: Int32Array;

  /** `words` in priority order: at one position the first one that matches wins. */
  constructor(readonly words: readonly string[]) {
    this.lengths = Int32Array.from(words, (w) => w.length);
    words.forEach((w, i) => {
      if (!w) throw new Error("WordList: empty word");
      const c = w.charCodeAt(0);
      if (!this.firstIdx[c]) this.firstIdx[c] = this.byFirst.push([]) - 1;
      this.byFirst[this.firstIdx[c]].push(i);
    });
  }

  /** Indices of the words that may start with this code unit, in priority order (often empty). */
  startingWith(code: number): readonly number[] {
    // `| 0`: a position past the end reads NaN, which indexes nothing.
    return this.byFirst[this.firstIdx[code] | 0];
  }

  /** The first word of the list matching `s` at `i`, or -1. */
  matchAt(s: string, i: number): number {
    const ids = this.startingWith(s.charCodeAt(i));
    for (let j = 0; j < ids.length; j++) if (s.startsWith(this.words[ids[j]], i)) return ids[j];
    return -1;
  }
}

/** Hits appended by `WordOccurrences.window`: parallel arrays, reused between calls to spare allocation. */
export interface WordHits {
  start: number[];
  end: number[];
  word: number[];
  n: number;
}

export function newWordHits(): WordHits {
  return { start: [], end: [], word: [], n: 0 };
}

const NONE: readonly number[] = [];

export class WordOccurrences {
  /** Positions (in the scanned string) where at least one word matches, ascending. */
  private readonly at: number[] = [];
  /** Per entry of `at`: every word matching there, in priority order. */
  private readonly ids: (readonly number[])[] = [];

  /**
   * `scanned` is the string matched against; when it is a folded copy of the text (characters removed), `map` gives
   * each of its positions' index in the text (plus a final entry, the text's length) and windows are given in text
   * positions.
   */
  constructor(
    private readonly list: WordList,
    scanned: string,
    private readonly map: ArrayLike<number> | null = null,
  ) {
    for (let i = 0; i < scanned.length; i++) {
      const cand = list.startingWith(scanned.charCodeAt(i));
      if (cand.length === 0) continue;
      let found: number[] | null = null;
      let single = -1;
      for (let j = 0; j < cand.length; j++) {
        if (!scanned.startsWith(list.words[cand[j]], i)) continue;
        if (single < 0 && !found) single = cand[j];
        else (found ??= [single]).push(cand[j]);
      }
      if (single < 0) continue;
      this.at.push(i);
      this.ids.push(found ?? (cand.length === 1 ? cand : [single]));
    }
  }

  /** Scanned position of text position `x` (the first scanned character at or after it). */
  private scannedPos(x: number): number {
    const map = this.map;
    if (!map) return x;
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Append the occurrences a greedy scan of text.slice(a, b) finds, in text positions (not relative to a). */
  window(a: number, b: number, out: WordHits): void {
    const A = this.scannedPos(a);
    const B = this.scannedPos(b);
    const at = this.at;
    const lengths = this.list.lengths;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < A) lo = mid + 1;
      else hi = mid;
    }
    let from = A;
    for (let k = lo; k < at.length; k++) {
      const q = at[k];
      if (q >= B) break;
      if (q < from) continue;
      const ids = this.ids[k] ?? NONE;
      let w = -1;
      for (let j = 0; j < ids.length; j++) {
        if (q + lengths[ids[j]] <= B) {
          w = ids[j];
          break;
        }
      }
      if (w < 0) continue;
      const last = q + lengths[w] - 1;
      out.start[out.n] = this.map ? this.map[q] : q;
      out.end[out.n] = (this.map ? this.map[last] : last) + 1;
      out.word[out.n] = w;
      out.n++;
      from = last + 1;
    }
  }
}

/** A lookup table of code units: table[code] is 1 for the characters given (cheaper per character than a Set). */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
