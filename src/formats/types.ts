import type { Format, JxDocument } from "../document/model.js";

export interface SourceInfo {
  path: string;
  sha256: string;
  size: number;
}

/** When text is read from page images: pages without a text layer (auto), never (off), or every page (force). */
export type OcrMode = "auto" | "off" | "force";

export interface ReaderOptions {
  /** Default "auto". */
  ocr?: OcrMode;
  /** onnxruntime's threads per OCR run; 0 or absent: its default (every core). */
  ocrThreads?: number;
  /** Called before each page is OCR'd (a deadline counts OCR'd pages; see ingest/pool.ts). */
  onOcrPage?: (page: number) => void;
}

/** One reader per format; each throws InputError for bad input and returns the shared document model. */
export type Reader = (bytes: Buffer, source: SourceInfo, opts?: ReaderOptions) => Promise<JxDocument>;

export interface ReaderEntry {
  format: Format;
  read: Reader;
}
