import { describe, expect, it } from "vitest";
import { checkRuleCross } from "../../src/rules/index.js";
import path from "node:path";
import { m, report } from "./helpers.js";
import { reconcileFinalVsSelf } from "../../src/rules/reconcile-final-vs-self.js";
import { readDocument } from "../../src/formats/index.js";
import { extract } from "../../src/extract/extract.js";
import type { ReportWithId } from "../../src/rules/lib/types.js";

const self = (metrics: ReturnType<typeof m>[], id = 1): ReportWithId => ({ ...report(metrics), id, source: { path: "self.txt", sha256: "1", format: "txt", pages: 1 } });
const fin = (metrics: ReturnType<typeof m>[], id = 2): ReportWithId => ({ ...report(metrics, { kind: "final-accounts" }), id, source: { path: "final.pdf", sha256: "2", format: "pdf", pages: 3 } });

describe("reconcile-final-vs-self", () => {
  it("valid: equal figures, rounding-level gaps and a 收入总计 that includes 年初结转 stay quiet", () => {
    const out = checkRuleCross(reconcileFinalVsSelf, [
      self([m("expenditure.total", 2023, "3390.5万元"), m("income.total", 2023, "3497.97万元"), m("expenditure.basic", 2023, "1905.36万元")]),
      fin([m("expenditure.total", 2023, "3390.52万元"), m("income.total", 2023, "3412.77万元"), m("income.carryover", 2023, "85.20万元"), m("expenditure.basic", 2023, "1905.36万元")]),
    ]);
    expect(out).toEqual([]);
  });

  it("invalid: a non-rounding gap in 总支出 is an error quoting both documents", () => {
    const out = checkRuleCross(reconcileFinalVsSelf, [
      self([m("expenditure.total", 2023, "3398.52万元", { quote: "总支出3,398.52万元" })]),
      fin([m("expenditure.total", 2023, "3390.52万元", { quote: "本年支出合计 3,390.52" })]),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: "error", expected: 33905200, actual: 33985200, reportId: 1, otherReportId: 2 });
    expect(out[0].evidence.map((e) => e.source)).toEqual(["self.txt", "final.pdf"]);
    expect(out[0].message).toContain("部门决算");
  });

  it("does not compare different departments or years", () => {
    const other = { ...fin([m("expenditure.total", 2023, "1.00万元")]), department: "另一个局" };
    const lastYear = { ...fin([m("expenditure.total", 2022, "1.00万元")], 3), fiscalYear: 2022 };
    expect(checkRuleCross(reconcileFinalVsSelf, [self([m("expenditure.total", 2023, "3398.52万元")]), other, lastYear])).toEqual([]);
  });

  it("flags the fixture self-evaluation against its final accounts, with both quotes", async () => {
    const dir = path.resolve(import.meta.dirname, "../../fixtures/disclosures");
    const s = { ...extract(await readDocument(path.join(dir, "qingxi-self-evaluation-2023.txt"))), id: 1 };
    const f = { ...extract(await readDocument(path.join(dir, "qingxi-final-accounts-2023.pdf"))), id: 2 };
    const out = checkRuleCross(reconcileFinalVsSelf, [s, f]);
    const total = out.find((x) => x.metrics.some((k) => k.key === "expenditure.total"));
    expect(total?.severity).toBe("error");
    expect(total?.evidence).toHaveLength(2);
    expect(total?.evidence[0].quote).toContain("3,398.52");
    expect(total?.evidence[1].quote).toContain("3,390.52");
    expect(out.map((x) => x.metrics[0].key).sort()).toEqual(["expenditure.project", "expenditure.total"]);
  });
});
