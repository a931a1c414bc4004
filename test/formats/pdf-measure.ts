/**
 * Quality measures of a PDF reading, shared by the acceptance tests on real PDFs and the fixture tests: spaces left
 * between CJK characters, numbers broken apart, and YoY sentences cut across blocks.
 */
import type { JxDocument } from "../../src/document/model.js";

const CJK = "\\u3400-\\u9fff";
const RE_CJK_SPACE = new RegExp(`[${CJK}] +[${CJK}]`);
/** A printed number broken by a space: a thousands group or decimal part cut off ("1,2 34", "12 345.67", "1 .5"). */
const RE_SPLIT_NUMBER = /\d,\s+\d|\d\s+,\d{3}|\d\s+\.\d|\d\.\s+\d|(?<![\d.,])\d{1,3}\s+\d{3}(?:,\d{3})*\.\d{1,2}(?![\d])/;

export interface Measures {
  lines: number;
  cjkSpaceLines: number;
  splitNumbers: string[];
  yoyTotal: number;
  yoyCut: string[];
}

/** Every line of text the reading yields: paragraph/heading lines and table cells. */
export function textUnits(doc: JxDocument, field: "text" | "norm" = "norm"): string[] {
  const out: string[] = [];
  for (const p of doc.pages)
    for (const b of p.blocks) {
      if (b.kind === "table") for (const r of b.rows) for (const c of r.cells) { if (c[field]) out.push(c[field]); }
      else out.push(b[field]);
    }
  return out;
}

const RE_YOY = /与上年相比[^。；]{0,80}?(?:增加|减少)[^。；]{0,40}?万元[^。；]{0,30}?(?:增长|下降|减少|降幅|增幅)[^。；]{0,20}?%/g;

export function measure(doc: JxDocument, field: "text" | "norm" = "norm"): Measures {
  const units = textUnits(doc, field);
  const splitNumbers: string[] = [];
  let cjkSpaceLines = 0;
  for (const u of units) {
    if (RE_CJK_SPACE.test(u)) cjkSpaceLines++;
    const m = RE_SPLIT_NUMBER.exec(u);
    if (m) splitNumbers.push(u.slice(Math.max(0, m.index - 10), m.index + m[0].length + 10));
  }
  // A YoY sentence found when blocks are glued must also be found inside one block.
  const glued = units.join("\n");
  const whole = [...glued.replace(/\n/g, "").matchAll(RE_YOY)].map((m) => m[0]);
  const inBlocks = new Set(units.flatMap((u) => [...u.matchAll(RE_YOY)].map((m) => m[0])));
  const yoyCut = whole.filter((s) => !inBlocks.has(s));
  return { lines: units.length, cjkSpaceLines, splitNumbers, yoyTotal: whole.length, yoyCut };
}
