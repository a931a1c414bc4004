import { documentFromText } from "../../src/formats/txt.js";
import type { JxDocument } from "../../src/document/model.js";

/** A TXT document from lines (the reader under test elsewhere; here it only builds the model). */
export function docFromLines(lines: string[], path = "test.txt"): JxDocument {
  return documentFromText(lines.join("\n"), path);
}
