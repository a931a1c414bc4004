import type { Format, JxDocument } from "../document/model.js";

export interface SourceInfo {
  path: string;
  sha256: string;
  size: number;
}

/** One reader per format; each throws InputError for bad input and returns the shared document model. */
export type Reader = (bytes: Buffer, source: SourceInfo) => Promise<JxDocument>;

export interface ReaderEntry {
  format: Format;
  read: Reader;
}
