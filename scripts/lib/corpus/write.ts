/** Writing a built corpus to disk: TXT and gold directly, DOCX through `docx`, PDF from the DOCX via LibreOffice. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { goldJson, type BuiltReport } from "./generate.js";
import { renderDocx } from "./render-docx.js";
import { convertToPdf, findSoffice } from "./render-pdf.js";
import { renderHtml } from "./render-html.js";
import { Rng } from "./prng.js";

export interface WriteSummary {
  files: Record<"txt" | "docx" | "pdf" | "html" | "gold", number>;
  skippedPdf: number;
  messages: string[];
}

export async function writeCorpus(reports: BuiltReport[], outDir: string, jobs = 1): Promise<WriteSummary> {
  mkdirSync(outDir, { recursive: true });
  const summary: WriteSummary = { files: { txt: 0, docx: 0, pdf: 0, html: 0, gold: 0 }, skippedPdf: 0, messages: [] };
  const wantPdf = reports.some((r) => r.formats.includes("pdf"));
  const soffice = wantPdf ? findSoffice() : null;
  if (wantPdf && !soffice) {
    summary.messages.push("未找到 soffice (LibreOffice)：跳过 PDF，只请求 PDF 的报告改写为 DOCX / soffice not found: PDFs skipped, PDF-only reports written as DOCX");
  }
  const tmp = mkdtempSync(path.join(tmpdir(), "jixiao-corpus-"));
  const toConvert: string[] = [];
  const dates = new Map<string, string>();
  try {
    for (const r of reports) {
      writeFileSync(path.join(outDir, `${r.name}.gold.json`), goldJson(r.gold));
      summary.files.gold++;
      let formats = r.formats;
      if (!soffice && formats.includes("pdf")) {
        summary.skippedPdf++;
        formats = formats.filter((f) => f !== "pdf");
        if (formats.length === 0) formats = ["docx"];
      }
      if (formats.includes("txt")) {
        writeFileSync(path.join(outDir, `${r.name}.txt`), r.txt);
        summary.files.txt++;
      }
      if (formats.includes("html")) {
        // Its own stream (seeded by the report name), so adding HTML leaves the other formats' bytes unchanged.
        writeFileSync(path.join(outDir, `${r.name}.html`), renderHtml(r.blocks, r.gold.department, new Rng(`html:${r.name}`)));
        summary.files.html++;
      }
      if (formats.includes("docx") || formats.includes("pdf")) {
        const bytes = await renderDocx(r.blocks, r.gold.filledDate);
        if (formats.includes("docx")) {
          writeFileSync(path.join(outDir, `${r.name}.docx`), bytes);
          summary.files.docx++;
        }
        if (formats.includes("pdf")) {
          const f = path.join(tmp, `${r.name}.docx`);
          writeFileSync(f, bytes);
          toConvert.push(f);
          dates.set(f, r.gold.filledDate);
        }
      }
    }
    if (toConvert.length > 0) {
      const pdfs = await convertToPdf(toConvert, outDir, dates, jobs);
      summary.files.pdf += pdfs.filter((p) => existsSync(p)).length;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return summary;
}
