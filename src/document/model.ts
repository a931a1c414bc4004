import { z } from "zod";

/**
 * The one document model every reader produces (docling style). Coordinates follow pdfplumber:
 * PDF points, origin at the page's top-left corner, y growing downwards.
 */
export const BBoxSchema = z.object({
  x0: z.number(),
  top: z.number(),
  x1: z.number(),
  bottom: z.number(),
});
export type BBox = z.infer<typeof BBoxSchema>;

/** Character span into the reader's original text stream (non-paged formats). */
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });
export type Span = z.infer<typeof SpanSchema>;

/** A spreadsheet cell as the workbook names it: sheet, 1-based row and column, and its address ("C6"). */
export const SheetCellRefSchema = z.object({
  name: z.string(),
  row: z.number().int().min(1),
  col: z.number().int().min(1),
  address: z.string(),
});
export type SheetCellRef = z.infer<typeof SheetCellRefSchema>;

/**
 * Text read by OCR: the mean confidence of its characters (0–1) and the words holding a character read below the
 * confidence the reader trusts, each with its weakest character's confidence. Absent for text from a text layer.
 */
export const OcrProvenanceSchema = z.object({
  confidence: z.number().min(0).max(1),
  weak: z.array(
    z.object({
      text: z.string(),
      confidence: z.number().min(0).max(1),
      /** Offsets in `text` (UTF-16) of the characters read below the trusted confidence. */
      at: z.array(z.number().int().min(0)),
    }),
  ),
});
export type OcrProvenance = z.infer<typeof OcrProvenanceSchema>;

export const ProvenanceSchema = z.object({
  /**
   * 1-based page number; non-paged formats (DOCX, TXT, HTML) put everything on page 1; spreadsheets use the sheet's
   * position in the workbook (hidden sheets count, so the number is the same whether or not they are read).
   */
  page: z.number().int().min(1),
  bbox: BBoxSchema.nullable(),
  span: SpanSchema.nullable(),
  /** Spreadsheets only: the cell (the top-left one of a merged range) or, for a sheet's heading, its first cell. */
  sheet: SheetCellRefSchema.optional(),
  /** Text read by OCR (a scanned page or an image). */
  ocr: OcrProvenanceSchema.optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const CellSchema = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  rowSpan: z.number().int().min(1).default(1),
  colSpan: z.number().int().min(1).default(1),
  text: z.string(),
  norm: z.string(),
  prov: ProvenanceSchema,
});
export type Cell = z.infer<typeof CellSchema>;

export const RowSchema = z.object({ cells: z.array(CellSchema) });
export type Row = z.infer<typeof RowSchema>;

const blockBase = {
  /** Position of the block in document order, 0-based, unique across the document. */
  index: z.number().int().min(0),
  prov: ProvenanceSchema,
  text: z.string(),
  norm: z.string(),
};

export const HeadingBlockSchema = z.object({
  ...blockBase,
  kind: z.literal("heading"),
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, 5 = ①; 0 = document title. */
  level: z.number().int().min(0).max(6),
  numbering: z.string().nullable(),
});
export const ParagraphBlockSchema = z.object({ ...blockBase, kind: z.literal("paragraph") });
export const TableBlockSchema = z.object({
  ...blockBase,
  kind: z.literal("table"),
  rows: z.array(RowSchema),
  /** Unit declared for the table's cells ("单位：万元"), as written; null when none was found. */
  unit: z.string().nullable(),
});
export const BlockSchema = z.discriminatedUnion("kind", [HeadingBlockSchema, ParagraphBlockSchema, TableBlockSchema]);
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;
export type Block = z.infer<typeof BlockSchema>;

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().int().min(1).nullable().default(null),
});
export type DocWarning = z.infer<typeof WarningSchema>;

export const PageSchema = z.object({
  number: z.number().int().min(1),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** No text layer at all: an image-only (scanned) page waiting for OCR. */
  scanned: z.boolean(),
  /** The page's text was read by OCR (from its image, not a text layer). */
  ocr: z.boolean().optional(),
  blocks: z.array(BlockSchema),
});
export type Page = z.infer<typeof PageSchema>;

export const FormatSchema = z.enum(["pdf", "docx", "doc", "txt", "html", "xlsx", "xls", "ods", "image"]);
export type Format = z.infer<typeof FormatSchema>;

export const SourceSchema = z.object({
  path: z.string(),
  sha256: z.string(),
  format: FormatSchema,
  pages: z.number().int().min(0),
  size: z.number().int().min(0),
});
export type Source = z.infer<typeof SourceSchema>;

export const DocumentSchema = z.object({
  schemaVersion: z.literal(1),
  source: SourceSchema,
  /** True for PDF, where page numbers are real, and for spreadsheets (a page is a sheet); false where the format has no pages. */
  paged: z.boolean(),
  pages: z.array(PageSchema),
  warnings: z.array(WarningSchema),
});
export type JxDocument = z.infer<typeof DocumentSchema>;

/** All blocks in document order, across pages. */
export function allBlocks(doc: JxDocument): Block[] {
  return doc.pages.flatMap((p) => p.blocks);
}
