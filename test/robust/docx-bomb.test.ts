/** Issue 18, item 4: the zip-bomb guard checked only the parts jixiao reads; mammoth read the others unchecked. */
import { describe, expect, it } from "vitest";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { InputError } from "../../src/errors.js";
import { makeZip, MINIMAL_DOCUMENT_XML } from "../formats/helpers/zip.js";

describe("DOCX parts mammoth reads (issue 18)", () => {
  it("a footnotes.xml declaring 1,709 bytes that inflates to 3 GB (3.24 GB RSS, 'corrupt') is refused as a zip bomb", async () => {
    // An honest document part, and a footnotes part that lies about its size (64 MB of zeros here).
    const bomb = await makeZip([
      { name: "word/document.xml", data: Buffer.from(MINIMAL_DOCUMENT_XML) },
      { name: "word/footnotes.xml", zeros: 64 * 2 ** 20, declaredSize: 1709 },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    let err: unknown = null;
    try {
      await readDocumentFromBuffer(bomb, "bomb.docx");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe("zip-bomb");
    expect((err as InputError).message).toMatch(/条目 word\/footnotes\.xml 解压后超过声明大小，疑似 zip 炸弹/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 2 ** 20);
  }, 30_000);
});
