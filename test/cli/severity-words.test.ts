/** extract's table printed severities in English while check printed Chinese: one vocabulary everywhere people read. */
import { describe, expect, it } from "vitest";
import { renderReportTable } from "../../src/cli/render-report.js";
import { SEVERITY_ZH } from "../../src/cli/check-output.js";
import { ReportSchema } from "../../src/extract/schema.js";

describe("severity words", () => {
  it("extract's table says 错误/警告/提示, the words check uses", () => {
    const base = { rule: "sum-of-parts", message: "合计不等于各部分之和", metrics: [], expected: 1, actual: 2, tolerance: null, evidence: [] };
    const report = ReportSchema.parse({
      schemaVersion: 1, source: { path: "x.txt", sha256: "0", format: "txt", pages: 1 }, department: "北川县财政局", region: null, fiscalYear: 2023,
      kind: "department", title: null, filledDate: null, metrics: [], projects: [], indicators: [], warnings: [],
      findings: [{ ...base, severity: "error" }, { ...base, severity: "warning" }, { ...base, severity: "info" }],
    });
    const out = renderReportTable(report);
    for (const s of ["error", "warning", "info"] as const) expect(out).toContain(SEVERITY_ZH[s]);
    expect(out).not.toMatch(/\b(error|warning|info)\b/);
  });
});
