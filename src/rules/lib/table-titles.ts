/**
 * The 公开表 titles a disclosure lists in its 目录 and the ones its body prints, compared after cutting numbering, years
 * and notes (schemas/document-checks.json, requiredParts).
 */
import type { JxDocument } from "../../document/model.js";
import { textUnits, type TextUnit } from "./doc-text.js";
import { DOC_VOCAB } from "./doc-vocab.js";

const V = DOC_VOCAB.requiredParts;
const RE_TOC = new RegExp(V.tocMarker);
const STRIP = V.titleStrip.map((p) => new RegExp(p, "g"));
const RE_GENERIC = new RegExp(V.genericTitles);
export const TABLE_KINDS = V.disclosureTables.map((t) => ({ ...t, res: t.patterns.map((p) => new RegExp(p)), none: t.noneStated.map((p) => new RegExp(p)) }));

export interface Title {
  /** The title as cut for comparison. */
  key: string;
  unit: TextUnit;
  /** Which national table it is, if any. */
  kind: string | null;
}

/** The title cut to its comparable core: 2023年部门“三公”经费预算表（单位：万元） → 三公经费预算表. */
export function cutTitle(text: string): string {
  let t = text.replace(/[【】[\]]/g, "").trim();
  for (const re of STRIP) t = t.replace(re, "");
  return t;
}

/** A line that reads as a table's title: short, no sentence, ending in 表 once a bracketed note is cut. */
function asTitle(u: TextUnit): string | null {
  if (u.text.length > 60 || /[。；;，,]/.test(u.text)) return null;
  const key = cutTitle(u.text);
  if (key.length < 3 || key.length > 40 || !/表$/.test(key) || RE_GENERIC.test(key)) return null;
  return key;
}

export function kindOf(key: string): string | null {
  return TABLE_KINDS.find((k) => k.res.some((re) => re.test(key)))?.id ?? null;
}

/** Titles of the 目录 (its entries ending in 表) and of the body, apart. */
export function tableTitles(doc: JxDocument): { toc: Title[]; body: Title[]; hasToc: boolean } {
  const units = textUnits(doc);
  const toc: Title[] = [];
  const body: Title[] = [];
  const at = units.findIndex((u) => RE_TOC.test(u.text.replace(/\s+/g, "")));
  let end = at;
  if (at >= 0) {
    const seen = new Set<string>();
    // The 目录 runs until the body's first sentence, the page after next, or an entry printed again (the body's heading).
    for (end = at + 1; end < units.length && end - at < 150; end++) {
      const u = units[end];
      if (!u.table && u.text.length > 40 && /[。；]/.test(u.text)) break;
      if (doc.paged && u.page > units[at].page + 1) break;
      const t = u.text.replace(/\s+/g, "");
      if (seen.has(t)) break;
      seen.add(t);
      const key = asTitle(u);
      if (key) toc.push({ key, unit: u, kind: kindOf(key) });
    }
  }
  const keys = units.map((u, i) => (at >= 0 && i >= at && i < end ? null : asTitle(u)));
  keys.forEach((key, i) => {
    if (!key) return;
    const t = { key, unit: units[i], kind: kindOf(key) };
    // A printed table has rows or a note under its title; titles one after another are a list of tables (a 目录 the
    // heading did not mark, "决算报表（见附表）" followed by the tables' names), which says what is published, not that
    // this file prints it.
    if (keys[i - 1] || keys[i + 1]) toc.push(t);
    else body.push(t);
  });
  return { toc, body, hasToc: at >= 0 };
}

/** Characters two titles share (as multisets) over the longer one's length. */
function overlap(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const c of a) count.set(c, (count.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of b) {
    const n = count.get(c) ?? 0;
    if (n > 0) {
      shared++;
      count.set(c, n - 1);
    }
  }
  return shared / Math.max(a.length, b.length);
}

/**
 * One table named two ways: a 目录 entry and a body title differ in word order (政府性基金财政拨款支出预算表 /
 * 财政拨款政府性基金支出预算表), in a qualifier (一般公共预算“三公”经费…表 / “三公”经费…表) or a word (支出).
 */
export function sameTable(a: Title, b: Title): boolean {
  if (a.kind && b.kind) return a.kind === b.kind;
  return a.key === b.key || a.key.includes(b.key) || b.key.includes(a.key) || overlap(a.key, b.key) >= 0.75;
}
