/**
 * Finding the summary table (收支预算总表) in a read PDF and pairing its labels with the amounts beside them, for the
 * comparison with the peer CSV of the budget-pdfs corpus.
 */
import type { Block, JxDocument, TableBlock } from "../../src/document/model.js";

const RE_TITLE = /^(?:公开\s*\d+\s*表[:：]?)?(?:[^\s财]{0,20}?)收支(?:预算)?总表$/;
const RE_AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Tables that follow a 收支预算总表 title (not 财政拨款收支预算总表) on the same page. */
export function summaryTables(doc: JxDocument): TableBlock[][] {
  const out: TableBlock[][] = [];
  doc.pages.forEach((page, i) => {
    let titled = false;
    const blocks = page.blocks as Block[];
    blocks.forEach((b, k) => {
      if (b.kind !== "table") {
        const t = b.norm.replace(/\s/g, "");
        titled = RE_TITLE.test(t) && !t.includes("财政拨款");
        if (titled || /单位[:：]/.test(t)) titled = titled || (k > 0 && RE_TITLE.test((blocks[k - 1].norm ?? "").replace(/\s/g, "")));
        return;
      }
      if (!titled) return;
      titled = false;
      // A table that ends its page continues in a table opening the next page.
      const parts = [b];
      const next = doc.pages[i + 1]?.blocks[0];
      if (k === blocks.length - 1 && next?.kind === "table") parts.push(next);
      out.push(parts);
    });
  });
  return out;
}

export function cleanLabel(s: string): string {
  return s
    .replace(/\s/g, "")
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])/, "")
    .replace(/[（(][类款项][)）]$/, "");
}

/** Label → amount in 分 for every label cell followed (in its row) by an amount before the next label. */
export function labelAmounts(tables: TableBlock[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of tables.flatMap((t) => t.rows)) {
    let label: string | null = null;
    for (const c of row.cells) {
      const v = c.norm.trim();
      if (!v) continue;
      if (RE_AMOUNT.test(v)) {
        if (label && !out.has(label)) out.set(label, Math.round(Number(v.replace(/,/g, "")) * 100));
        label = null;
      } else label = cleanLabel(v);
    }
  }
  return out;
}

/** Parse the peer CSV: header row of labels, then one row per year (first column a date). Values in 分. */
export function parsePeerCsv(csv: string): Map<number, Map<string, number>> {
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const out = new Map<number, Map<string, number>>();
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const year = Number(cells[0].slice(0, 4));
    const m = new Map<string, number>();
    header.forEach((h, i) => {
      if (i > 0 && cells[i] !== undefined && cells[i].trim() !== "") m.set(h.trim(), Math.round(Number(cells[i]) * 100));
    });
    out.set(year, m);
  }
  return out;
}
