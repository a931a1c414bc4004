import { z } from "zod";
import type { Block, JxDocument } from "../document/model.js";

/** The text under one heading, as stored for full-text search (FTS5 trigram). */
export const SectionTextSchema = z.object({
  heading: z.string().nullable(),
  level: z.number().int().nullable(),
  page: z.number().int().nullable(),
  text: z.string(),
});
export type SectionText = z.infer<typeof SectionTextSchema>;

function blockText(b: Block): string {
  if (b.kind === "table") return b.rows.map((r) => r.cells.map((c) => c.norm).join("\t")).join("\n");
  return b.norm;
}

/**
 * Split the document at every heading: search results then point at a section ("（四）部门整体支出情况") rather than
 * the whole report. Text before the first heading (title, preamble) is a section without a heading.
 */
export function sectionsFromDocument(doc: JxDocument): SectionText[] {
  const out: SectionText[] = [];
  let cur: SectionText | null = null;
  const lines: string[] = [];
  const flush = () => {
    if (cur && (cur.heading || lines.length)) out.push({ ...cur, text: lines.join("\n") });
    lines.length = 0;
  };
  for (const page of doc.pages) {
    for (const b of page.blocks) {
      if (b.kind === "heading" && b.level > 0) {
        flush();
        cur = { heading: b.norm, level: b.level, page: b.prov.page, text: "" };
        continue;
      }
      if (!cur) cur = { heading: null, level: null, page: b.prov.page, text: "" };
      const t = blockText(b).trim();
      if (t) lines.push(t);
    }
  }
  flush();
  return out;
}
