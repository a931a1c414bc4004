/**
 * Where a figure was printed, down to the box: page, block, the table cell when it sat in one, the block's (or cell's)
 * bounding box in PDF points with the origin top-left (pdfplumber's convention, null in formats without geometry), and
 * the figure's character span in that block's `norm` text, or in the cell's when `cell` is set. A viewer draws the box
 * (PDF) or highlights the span (any format) from these alone.
 */
import { z } from "zod";
import { BBoxSchema, SpanSchema, type BBox, type Block } from "../document/model.js";

export const CellRefSchema = z.object({ row: z.number().int().min(0), col: z.number().int().min(0) });
export type CellRef = z.infer<typeof CellRefSchema>;

/** Stored with every metric, alternative, stated change, indicator and evidence (report schema 2). */
export const FigureProvenanceSchema = z.object({
  page: z.number().int().min(1).nullable(),
  /** The block's `index` in the document model (document order, 0-based). */
  block: z.number().int().min(0).nullable(),
  /** The block's, or the cell's, box: PDF points, origin top-left; null in formats without geometry. */
  bbox: BBoxSchema.nullable(),
  /** The figure's characters in the block's `norm` text, or in the cell's when `cell` is set. */
  span: SpanSchema.nullable(),
  /** Row and column of the table cell (document-model numbering) when the figure sat in one. */
  cell: CellRefSchema.nullable(),
});
export type FigureProvenance = z.infer<typeof FigureProvenanceSchema>;

export const NO_PROVENANCE: FigureProvenance = Object.freeze({ page: null, block: null, bbox: null, span: null, cell: null });

/**
 * A piece of a passage: passage text from `at` (for `length` characters) is the block's or cell's norm text from
 * `base`. Passages join blocks a break cut ("年初预算数" / "5601.94万元") and read table cells one by one.
 */
export interface Segment {
  at: number;
  length: number;
  base: number;
  page: number;
  block: number;
  bbox: BBox | null;
  cell: CellRef | null;
}

export function blockSegment(b: Block, at = 0): Segment {
  return { at, length: b.norm.length, base: 0, page: b.prov.page, block: b.index, bbox: b.prov.bbox, cell: null };
}

/** The provenance of [start, end) of a passage made of `segs` (sorted by `at`); a span crossing segments ends at the first's end. */
export function locate(segs: readonly Segment[], start: number, end: number): FigureProvenance {
  let s: Segment | undefined;
  for (const x of segs) {
    if (x.at > start) break;
    s = x;
  }
  if (!s) return NO_PROVENANCE;
  const from = start - s.at;
  const to = Math.min(end - s.at, s.length);
  return { page: s.page, block: s.block, bbox: s.bbox, span: from < to ? { start: s.base + from, end: s.base + to } : null, cell: s.cell };
}

/** The segments of [from, to) of a passage, re-based to start at 0 (a project item cut out of its passage). */
export function sliceSegments(segs: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const a = Math.max(s.at, from);
    const b = Math.min(s.at + s.length, to);
    if (a >= b && !(s.length === 0 && s.at >= from && s.at < to)) continue;
    out.push({ ...s, at: a - from, length: Math.max(0, b - a), base: s.base + (a - s.at) });
  }
  return out;
}
