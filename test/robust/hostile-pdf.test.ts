/** Issue 18, items 1, 5 and 9: PDFs that stalled pdf.js, exhausted memory, or lost every page to one bad one. */
import { describe, expect, it } from "vitest";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { saveDepth } from "../../src/formats/pdf-guard.js";
import { cjkPdf, flateBombPdf, nestedSaveRestorePdf, rawPdf, streamObject } from "../helpers/hostile.js";
import { InputError } from "../../src/errors.js";

async function failure(bytes: Buffer, name: string): Promise<InputError> {
  try {
    await readDocumentFromBuffer(bytes, name);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("read without error");
}

describe("hostile PDFs (issue 18)", () => {
  it("200,000 nested q/Q (pdf.js walked them for 86 s) are refused before pdf.js, as a damaged page", async () => {
    const e = await failure(nestedSaveRestorePdf(200_000), "nested-q.pdf");
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/嵌套过深（200000 层）/);
  });

  it("one damaged page keeps the other pages, with a warning naming it", async () => {
    const body = ["本单位全年预算执行情况良好，资金使用规范。", "项目实施进度符合计划要求。", "绩效目标基本完成，群众满意度较高。"];
    const pdf = cjkPdf(3, (p) => [body[p]], {
      contents: (p, raw) => streamObject(p === 1 ? Buffer.from("q ".repeat(5000) + raw.toString("latin1")) : raw, { flate: true }),
    });
    const doc = await readDocumentFromBuffer(pdf, "one-bad-page.pdf");
    const text = doc.pages.map((p) => p.blocks.map((b) => b.text).join("")).join("|");
    expect(text).toContain(body[0]);
    expect(text).toContain(body[2]);
    expect(text).not.toContain(body[1]);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: "damaged-page", page: 2 }));
  });

  it("the q depth scanner skips strings, names and inline image data", () => {
    expect(saveDepth(Buffer.from("q q (q q q) Tj /q gs <71> Tj Q q Q Q"))).toBe(2);
    expect(saveDepth(Buffer.from("q BI /W 1 /H 1 ID qqqq EI Q"))).toBe(1);
  });

  it("a 1 MB content stream that inflates to 1 GiB (3.26 GB RSS, imported with exit 0) is refused as a compression bomb", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const e = await failure(flateBombPdf(2 ** 30), "flate-bomb.pdf");
    expect(e.code).toBe("zip-bomb");
    expect(e.message).toMatch(/疑似压缩炸弹/);
    // Inflating stopped at the stream cap: nothing near a gigabyte was ever held.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 2 ** 20);
  });

  it("2,000 blank pages are not called a scan", async () => {
    const kids = Array.from({ length: 2000 }, (_, i) => `${i + 3} 0 R`).join(" ");
    const pages = Array.from({ length: 2000 }, () => "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>");
    const e = await failure(rawPdf(["<</Type/Catalog/Pages 2 0 R>>", `<</Type/Pages/Kids[${kids}]/Count 2000>>`, ...pages]), "blank.pdf");
    expect(e.code).toBe("no-text");
    expect(e.message).toMatch(/2000 页均为空白页/);
    expect(e.message).not.toMatch(/扫描/);
  }, 30_000);
});
