/**
 * Provenance to the box (issue 16 item 2): every extracted figure, indicator and finding evidence says where it was
 * printed — block, cell, box and the figure's characters — so a viewer can box it on the page or highlight it.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { readdirSync } from "node:fs";
import { readDocument } from "../../src/formats/index.js";
import { allBlocks, type Block, type JxDocument } from "../../src/document/model.js";
import { extract } from "../../src/extract/extract.js";
import { ReportSchema, type Metric } from "../../src/extract/schema.js";
import type { FigureProvenance } from "../../src/extract/provenance.js";
import { runReportRules } from "../../src/rules/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const reports = path.join(root, "fixtures/reports");

/** The text the provenance points into: the cell's norm text when it names a cell, else the block's. */
function placeText(blocks: Block[], p: FigureProvenance): string | null {
  const b = blocks.find((x) => x.index === p.block);
  if (!b) return null;
  if (!p.cell) return b.norm;
  if (b.kind !== "table") return null;
  const cell = b.rows[p.cell.row]?.cells.find((c) => c.col === p.cell!.col);
  return cell ? cell.norm : null;
}

const digits = (s: string) => s.replace(/[^\d.]/g, "");

function allMetrics(doc: JxDocument): Metric[] {
  const r = extract(doc);
  return [...r.metrics, ...r.projects.flatMap((p) => p.metrics)];
}

describe("figure provenance", () => {
  const files = readdirSync(reports).filter((f) => /\.(pdf|docx|txt)$/.test(f));

  it.each(files)("%s: each figure's span in its block or cell is the figure as printed", async (f) => {
    const doc = await readDocument(path.join(reports, f));
    const blocks = allBlocks(doc);
    const metrics = allMetrics(doc);
    expect(metrics.length).toBeGreaterThan(5);
    for (const m of metrics) {
      expect(m.prov, `${m.key} ${m.text}`).toBeTruthy();
      const p = m.prov!;
      expect(p.page).toBe(m.page);
      const text = placeText(blocks, p);
      expect(text, `${m.key}: block ${p.block} cell ${JSON.stringify(p.cell)}`).not.toBeNull();
      expect(p.span, `${m.key} ${m.text}`).not.toBeNull();
      expect(digits(text!.slice(p.span!.start, p.span!.end))).toBe(digits(m.text));
      if (doc.source.format === "pdf") {
        const page = doc.pages[p.page! - 1];
        expect(p.bbox).not.toBeNull();
        expect(p.bbox!.x0).toBeLessThan(p.bbox!.x1);
        expect(p.bbox!.top).toBeLessThan(p.bbox!.bottom);
        expect(p.bbox!.bottom).toBeLessThanOrEqual(page.height ?? Infinity);
      } else {
        expect(p.bbox).toBeNull();
      }
    }
  });

  it("a PDF table figure names its cell, and the cell's box lies inside the table's", async () => {
    const doc = await readDocument(path.join(reports, "dept01-2023.pdf"));
    const blocks = allBlocks(doc);
    const inCells = allMetrics(doc).filter((m) => m.prov?.cell);
    expect(inCells.length).toBeGreaterThan(0);
    for (const m of inCells) {
      const table = blocks.find((b) => b.index === m.prov!.block)!;
      expect(table.kind).toBe("table");
      const box = m.prov!.bbox!;
      const outer = table.prov.bbox!;
      expect(box.x0).toBeGreaterThanOrEqual(outer.x0 - 0.5);
      expect(box.x1).toBeLessThanOrEqual(outer.x1 + 0.5);
      expect(box.top).toBeGreaterThanOrEqual(outer.top - 0.5);
      expect(box.bottom).toBeLessThanOrEqual(outer.bottom + 0.5);
    }
  });

  it("score-table indicators name the cell of their label", async () => {
    const doc = await readDocument(path.join(root, "fixtures/formats/self-eval-form.xlsx"));
    const r = extract(doc);
    expect(r.indicators.length).toBeGreaterThan(0);
    const blocks = allBlocks(doc);
    for (const i of r.indicators) {
      expect(i.prov?.block, JSON.stringify(i)).not.toBeNull();
      const text = placeText(blocks, i.prov!);
      const name = i.level3 ?? i.level2 ?? i.level1 ?? "";
      expect(text).toContain(name.slice(0, 4));
    }
  });

  it("finding evidence carries the figure's provenance, and the report round-trips through its schema", async () => {
    const doc = await readDocument(path.join(reports, "dept01-2023.pdf"));
    const report = extract(doc);
    const findings = runReportRules(report);
    const sum = findings.find((f) => f.rule === "sum-of-parts");
    expect(sum).toBeDefined();
    expect(sum!.evidence.length).toBeGreaterThan(0);
    for (const e of sum!.evidence) {
      expect(e.prov?.page).toBe(e.page);
      expect(e.prov?.bbox).not.toBeNull();
    }
    const parsed = ReportSchema.parse(JSON.parse(JSON.stringify({ ...report, findings })));
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.metrics[0].prov).toEqual(report.metrics[0].prov);
  });

  it("a schema-1 report (no provenance) is still read", async () => {
    const doc = await readDocument(path.join(reports, "dept01-2021.txt"));
    const report = JSON.parse(JSON.stringify(extract(doc))) as Record<string, unknown> & { metrics: Array<Record<string, unknown>> };
    report.schemaVersion = 1;
    for (const m of report.metrics) delete m.prov;
    const parsed = ReportSchema.parse(report);
    expect(parsed.metrics.every((m) => m.prov === undefined)).toBe(true);
  });
});
