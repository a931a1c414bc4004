import { describe, expect, it } from "vitest";
import type { Report } from "../../src/extract/schema.js";
import { runReportRules } from "../../src/rules/index.js";

/** A report whose total does not add up; `ocr` marks how its total was read. */
function report(ocr?: { confidence: number; doubtful: boolean }): Report {
  const m = (key: string, value: number, text: string) => ({
    key, year: 2023, value, unit: "元" as const, text, precision: { decimals: 2, scale: 10000 }, page: 1, quote: `${text}`, prov: null, restated: false,
  });
  return {
    schemaVersion: 2,
    source: { path: "scan.pdf", sha256: "0".repeat(64), format: "pdf", pages: 1 },
    department: "某局", region: null, fiscalYear: 2023, kind: "department", title: null, filledDate: null, filer: null, phone: null,
    metrics: [{ ...m("expenditure.total", 17802000, "1780.20万元"), ...(ocr ? { ocr } : {}) }, m("expenditure.basic", 1000000, "100.00万元"), m("expenditure.project", 800000, "80.00万元")],
    projects: [], indicators: [], findings: [], warnings: [],
  };
}

describe("findings on figures read by OCR", () => {
  const sum = (r: Report) => runReportRules(r, { rules: ["sum-of-parts"] }).filter((f) => f.rule === "sum-of-parts");

  it("say so, and a doubtful character makes an error a warning that asks for the original", () => {
    const plain = sum(report());
    expect(plain.length).toBeGreaterThan(0);
    expect(plain[0].severity).toBe("error");
    expect(plain[0].ocr).toBeUndefined();
    const read = sum(report({ confidence: 0.97, doubtful: false }));
    expect(read[0].severity).toBe("error");
    expect(read[0].message).toContain("由 OCR 识别");
    const doubtful = sum(report({ confidence: 0.62, doubtful: true }));
    expect(doubtful[0].severity).toBe("warning");
    expect(doubtful[0].message).toMatch(/OCR.*0\.62.*核对原件/);
    expect(doubtful[0].ocr).toEqual({ confidence: 0.62, doubtful: true });
  });
});
