import { describe, expect, it } from "vitest";
import { foldTraditionalDocument } from "../../src/document/fold-traditional.js";
import type { JxDocument } from "../../src/document/model.js";

function doc(lines: string[]): JxDocument {
  return {
    schemaVersion: 1,
    source: { path: "t.pdf", sha256: "x", format: "pdf", pages: 1, size: 1 },
    paged: true,
    warnings: [],
    pages: [
      {
        number: 1, width: 595, height: 842, scanned: false,
        blocks: lines.map((t, index) => ({
          kind: "paragraph" as const, index, text: t, norm: t,
          prov: { page: 1, bbox: { x0: 0, top: 0, x1: 1, bottom: 1 }, span: null },
        })),
      },
    ],
  };
}

describe("foldTraditionalDocument (PDF path)", () => {
  it("folds a Traditional-script document's norm text and keeps the printed text", async () => {
    const d = await foldTraditionalDocument(doc(["臨江縣統計局2023年度部門整體支出績效自評報告", "本年總收入為120.50萬元，其中財政撥款收入100.00萬元。"]));
    const b = d.pages[0].blocks;
    expect(b[0].norm).toContain("临江县统计局");
    expect(b[1].norm).toContain("总收入");
    expect(b[1].norm).toContain("财政拨款");
    expect(b[1].text).toContain("總收入");
    expect(d.warnings.map((w) => w.code)).toContain("traditional-script");
  });

  it("leaves a Simplified document untouched", async () => {
    const input = doc(["本局2023年度总收入120.50万元，其中财政拨款收入100.00万元。"]);
    const d = await foldTraditionalDocument(input);
    expect(d).toBe(input);
  });
});
