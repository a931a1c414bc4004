/**
 * TXT reader: detect the encoding, then build blocks from lines. Form feeds are page breaks; blank lines and page-number
 * lines are the marks a PDF-to-text conversion leaves, so cut sentences are joined across them.
 */
import type { JxDocument } from "../document/model.js";
import { assembleDocument } from "../document/assemble.js";
import { sha256Hex } from "../document/sha256.js";
import { linesFromText } from "../document/text-lines.js";
import { InputError } from "../errors.js";
import { decodeText } from "./decode.js";
import type { Reader, SourceInfo } from "./types.js";

function build(text: string, source: SourceInfo): JxDocument {
  const pieces = linesFromText(text);
  const pageCount = text.includes("\f") ? Math.max(1, ...pieces.map((p) => p.page)) : null;
  return assembleDocument({
    path: source.path,
    format: "txt",
    sha256: source.sha256,
    size: source.size,
    pieces,
    joinCutLines: true,
    pageCount,
  });
}

/**
 * The document for a text already decoded (pure; used by tests and scripts). Spans index into `text` as given.
 * Form feeds make the document paged.
 */
export function documentFromText(text: string, path: string): JxDocument {
  const bytes = Buffer.from(text, "utf8");
  return build(text, { path, sha256: sha256Hex(bytes), size: bytes.length });
}

export const readTxt: Reader = async (bytes, source) => {
  if (bytes.length === 0) throw new InputError(source.path, "empty", "文件为空 (empty file)");
  const { text } = decodeText(bytes);
  if (text.trim() === "") throw new InputError(source.path, "empty", "文件没有文字内容 (no text in file)");
  return build(text, source);
};
