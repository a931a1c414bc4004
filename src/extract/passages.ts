/**
 * The text binders read, as passages: headings and paragraphs (a sentence a page or line break cut is joined back into
 * one passage), and each table cell on its own. Sections stating targets (绩效目标) are left out. The passages joined
 * into one stream are what flattened-table runs read; every position of a passage or of the stream maps back to where
 * it was printed (provenance.ts).
 */
import type { Block } from "../document/model.js";
import type { Passage } from "./prose.js";
import { blockSegment, locate, type FigureProvenance } from "./provenance.js";

/** Sections that state targets, not results (绩效目标, 目标设定): their figures are not metrics. */
const RE_TARGET_SECTION = /(绩效目标|预期目标|年度目标|目标任务)[。.]?$|目标(设定|设立)|设立情况/;
const RE_NOT_TARGET_SECTION = /预算|资金|完成|实现|达成/;

export function passages(blocks: Block[]): Passage[] {
  const out: Passage[] = [];
  let skipLevel: number | null = null;
  let prevKind: Block["kind"] | null = null;
  for (const b of blocks) {
    if (b.kind === "heading") {
      prevKind = "heading";
      if (skipLevel !== null && b.level <= skipLevel) skipLevel = null;
      if (skipLevel === null && RE_TARGET_SECTION.test(b.norm) && !RE_NOT_TARGET_SECTION.test(b.norm) && b.level > 0) skipLevel = b.level;
      if (skipLevel === null) out.push({ text: b.norm, page: b.prov.page, block: b.index, segs: [blockSegment(b)] });
      continue;
    }
    if (skipLevel !== null) continue;
    const prev = out[out.length - 1];
    // A sentence a page or line break cut ("年初预算数" / "5601.94万元，比上年…") that the reader left in two blocks.
    // A numbered line "二、部门整体支出绩效自评得分：92分" the reader cut at its colon into a heading and a figure.
    const labelCut = b.kind === "paragraph" && prev && prevKind === "heading" && prev.block === b.index - 1 && /[：:]$/.test(prev.text) && /^\s*\d/.test(b.norm);
    if (labelCut || (b.kind === "paragraph" && prev && prevKind === "paragraph" && prev.text.length >= 8 && !/[。；;！？!?：:|]$/.test(prev.text) && (/^[-\d，,、）)%万元]/.test(b.norm) || (prev.text.length >= 20 && /[\u4e00-\u9fa5]$/.test(prev.text) && /[，。；]/.test(b.norm) && !/^[（(]?[一二三四五六七八九十\d]{1,2}[、.．)）]/.test(b.norm))))) {
      // Two figures meeting at the join are two cells ("1 52.800000" / "52.800000 …"), never one number.
      const sep = joinSep(prev.text, b.norm);
      prev.segs.push(blockSegment(b, prev.text.length + sep.length));
      prev.text += sep + b.norm;
      continue;
    }
    prevKind = b.kind;
    if (b.kind === "paragraph") out.push({ text: b.norm, page: b.prov.page, block: b.index, segs: [blockSegment(b)] });
    else {
      for (const r of b.rows) {
        for (const c of r.cells) {
          if (!c.norm) continue;
          const cell = { row: c.row, col: c.col };
          out.push({ text: c.norm, page: c.prov.page, block: b.index, segs: [{ at: 0, length: c.norm.length, base: 0, page: c.prov.page, block: b.index, bbox: c.prov.bbox, cell }] });
        }
      }
    }
  }
  return out;
}

/** A space joins a passage starting with a figure to text ending with one ("43.2" "43.2"), as a table row reads. */
function joinSep(before: string, next: string): string {
  return /[\d%]$/.test(before) && /^[-\d]/.test(next) ? " " : "";
}

export interface Stream {
  text: string;
  /** Where passage k starts in `text`. */
  starts: Int32Array;
  where: (start: number, end: number) => FigureProvenance;
}

/** Where [start, end) of a joined text was printed, `starts[k]` being where passage `first + k` starts in it. */
function streamLocator(ps: Passage[], first: number, starts: ArrayLike<number>, count: number): Stream["where"] {
  return (start, end) => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    const p = ps[first + lo];
    return locate(p.segs, start - starts[lo], end - starts[lo]);
  };
}

/**
 * All passages joined as flattened-table runs join them, and where each starts: a run from a non-empty passage i to
 * passage k is then the stream between starts[i] and the end of k (the separator only depends on the last character
 * before it), so the runs' labels are found once instead of once per run (up to 24 times).
 */
export function passageStream(ps: Passage[]): Stream {
  const parts: string[] = [];
  const starts = new Int32Array(ps.length);
  let length = 0;
  let tail = "";
  for (let k = 0; k < ps.length; k++) {
    const t = ps[k].text;
    const sep = joinSep(tail, t);
    parts.push(sep, t);
    length += sep.length;
    starts[k] = length;
    length += t.length;
    if (t) tail = t.slice(-1);
  }
  return { text: parts.join(""), starts, where: streamLocator(ps, 0, starts, ps.length) };
}

/** The run of passage i built literally (only for an empty passage i, which the stream cannot stand for). */
export function literalRun(ps: Passage[], i: number): { text: string; where: Stream["where"] } {
  let run = ps[i].text;
  const starts = [0];
  for (let k = i + 1; k < ps.length && k <= i + 24 && run.length < 400; k++) {
    run += joinSep(run, ps[k].text);
    starts.push(run.length);
    run += ps[k].text;
    if (ps[k].text.length > 120) break;
  }
  return { text: run, where: streamLocator(ps, i, starts, starts.length) };
}
