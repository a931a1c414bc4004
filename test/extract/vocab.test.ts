import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadVocabulary } from "../../src/extract/vocab/load.js";
import { METRIC_BY_KEY } from "../../src/extract/metric-catalog.js";
import { PROSE_LABELS, TABLE_TEMPLATES, THREE_PUBLIC } from "../../src/extract/vocab/disclosure-tables.js";
import { UNITS } from "../../src/extract/vocab/units.js";
import { normaliseLabel, partRowLabel, printedRowLabel } from "../../src/extract/label-text.js";

describe("vocabulary files", () => {
  it("fail loudly, naming the file, when they do not fit their schema", () => {
    expect(() => loadVocabulary("units.json", z.object({ units: z.array(z.number()) }))).toThrow(/schemas\/units\.json: units\.0/);
  });

  it("name only catalogue keys in the disclosure templates", () => {
    const ids = [
      ...TABLE_TEMPLATES.flatMap((t) => [...t.rows.map((r) => r.id), ...t.columns.map((c) => c.id)]),
      ...PROSE_LABELS.flatMap((l) => l.ids),
      ...THREE_PUBLIC.columns.flatMap((c) => (c.key ? [c.key] : [])),
    ].filter((id) => id.includes("."));
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.map((id) => id.split("#")[0]).filter((k) => !METRIC_BY_KEY.has(k))).toEqual([]);
  });

  it("list units longest first where one starts another (个百分点 before 个, 万人 before 人)", () => {
    const words = UNITS.units.map((u) => u.unit);
    for (const [i, a] of words.entries()) for (const b of words.slice(i + 1)) expect(b.startsWith(a), `${b} after ${a}`).toBe(false);
  });
});

describe("the label normaliser", () => {
  it("keeps a label's words and drops layout: numbering, spaces, quotes, colons, unit notes", () => {
    expect(normaliseLabel("1、“三公”经费（万元）：")).toBe("三公经费");
    expect(normaliseLabel("（一）、一般公共预算 财政拨款")).toBe("一般公共预算财政拨款");
    expect(normaliseLabel("因公出国（境）费")).toBe("因公出国(境)费");
    expect(normaliseLabel("2023年收入")).toBe("2023年收入");
  });
  it("reads part rows and shows row labels as printed", () => {
    expect(partRowLabel("其中：1.基本支出")).toBe("基本支出");
    expect(partRowLabel("1.其中：基本支出")).toBe("基本支出");
    expect(printedRowLabel("其中： 1.“三公”经费：")).toBe("“三公”经费");
  });
});
