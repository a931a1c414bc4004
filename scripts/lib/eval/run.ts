/** Finding gold files and their documents, and running the real pipeline (read → extract → rules) on them. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { JxDocument } from "../../../src/document/model.js";
import type { Report } from "../../../src/extract/schema.js";
import type { Finding } from "../../../src/extract/finding.js";
import { parseGold, type Gold } from "./gold-schema.js";
import { score, type PredFinding, type PredReport } from "./score.js";
import type { DocResult } from "./aggregate.js";
import { signature } from "./consistency.js";

export const DOC_FORMATS = ["txt", "docx", "pdf", "doc", "html"] as const;

/** A document of a gold file; `label` names it in results when `path` is a generated rendering in a cache. */
export interface GoldDoc { format: string; path: string; label?: string }
export interface GoldEntry { goldPath: string; gold: Gold; docs: GoldDoc[] }

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".gold.json")) out.push(p);
  }
}

/** Every NAME.gold.json under dir (recursively) with the documents beside it named NAME.<format>. */
export function discover(dir: string, formats: readonly string[] = DOC_FORMATS): GoldEntry[] {
  const golds: string[] = [];
  walk(dir, golds);
  return golds.map((goldPath) => {
    const base = goldPath.slice(0, -".gold.json".length);
    const docs = formats.filter((f) => existsSync(`${base}.${f}`)).map((f) => ({ format: f, path: `${base}.${f}` }));
    return { goldPath, gold: parseGold(readFileSync(goldPath, "utf8"), goldPath), docs };
  });
}

/** Corpus excerpts start with "# source: …" lines that are not part of the document. */
export function stripCorpusHeader(text: string): string {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let i = 0;
  while (i < lines.length && lines[i].startsWith("# ")) i++;
  return lines.slice(i).join("\n");
}

export interface Pipeline {
  read(file: string, format: string): Promise<JxDocument>;
  extract(doc: JxDocument): Report;
  /** In-report rules; with the document, the rules that read its text run too. */
  rules(report: Report, doc?: JxDocument): Finding[];
  cross?(reports: (Report & { id: string })[]): (Finding & { reportId: string | number; otherReportId: string | number | null })[];
}

/** The project's own pipeline, loaded lazily so this module compiles while those parts are being written. */
export async function realPipeline(): Promise<Pipeline> {
  const formats = await import("../../../src/formats/index.js");
  const txt = await import("../../../src/formats/txt.js");
  const ex: { extract: (d: JxDocument) => Report } = await import("../../../src/extract/index.js" as string)
    .catch(() => import("../../../src/extract/extract.js"));
  const rules = await import("../../../src/rules/index.js");
  return {
    async read(file, format) {
      if (format === "txt") return txt.documentFromText(stripCorpusHeader(readFileSync(file, "utf8")), file);
      return formats.readDocument(file);
    },
    extract: (doc) => ex.extract(doc),
    rules: (r, doc) => rules.runReportRules(r, { doc }),
    cross: (rs) => rules.runCrossRules(rs),
  };
}

function toPred(r: Report, findings: PredFinding[]): PredReport {
  // A report states an unknown year (a masked "20xx") as 0; gold writes it null.
  const m = (x: Report["metrics"][number]) => ({ key: x.key, year: x.year === 0 ? null : x.year, value: x.value, text: x.text });
  return {
    department: r.department, fiscalYear: r.fiscalYear, kind: r.kind, filledDate: r.filledDate,
    metrics: r.metrics.map(m), projects: r.projects.map((p) => ({ name: p.name, metrics: p.metrics.map(m) })),
    findings: findings.map((f) => ({ ...f, metrics: f.metrics.map((x) => ({ ...x, year: x.year === 0 ? null : x.year })) })),
  };
}

function emptyReport(): PredReport {
  return { department: null, fiscalYear: null, kind: null, filledDate: null, metrics: [], projects: [], findings: [] };
}

export async function evaluate(entries: GoldEntry[], pipeline: Pipeline, onProgress?: (done: number) => void): Promise<DocResult[]> {
  const byFormat = new Map<string, { entry: GoldEntry; path: string; label?: string; report: Report | null; error?: string }[]>();
  let done = 0;
  for (const entry of entries) {
    for (const d of entry.docs) {
      let report: Report | null = null;
      let error: string | undefined;
      try {
        const doc = await pipeline.read(d.path, d.format);
        report = pipeline.extract(doc);
        if (report.findings.length === 0) report = { ...report, findings: pipeline.rules(report, doc) };
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const list = byFormat.get(d.format) ?? [];
      list.push({ entry, path: d.path, label: d.label, report, error });
      byFormat.set(d.format, list);
      onProgress?.(++done);
    }
  }
  const results: DocResult[] = [];
  for (const [format, list] of byFormat) {
    // Cross-report rules see each report once: this format's rendering where there is one, else the report's rendering in
    // another format (a mixed-format folder holds each report in one format only). Two renderings of one report never meet.
    const here = new Set(list.map((x) => x.entry));
    const stand = [...byFormat.values()].flat().filter((x, i, all) => !here.has(x.entry) && all.findIndex((y) => y.entry === x.entry) === i);
    const ok = [...list, ...stand].filter((x) => x.report).map((x) => ({ ...x.report!, id: x.path }));
    let cross: ReturnType<NonNullable<Pipeline["cross"]>>;
    try {
      cross = pipeline.cross ? pipeline.cross(ok) : [];
    } catch {
      cross = [];
    }
    for (const x of list) {
      const mine = cross.filter((f) => f.reportId === x.path || f.otherReportId === x.path);
      const pred = x.report ? toPred(x.report, x.report.findings) : emptyReport();
      results.push({
        gold: x.entry.goldPath, document: x.label ?? x.path, format, error: x.error, score: score(x.entry.gold, pred, mine),
        extracted: x.report ? signature(x.report) : null,
      });
    }
  }
  return results;
}
