/**
 * Extraction: document model → Report. Metadata first (the fiscal year and kind steer binding), then every binder
 * proposes candidates — table structure, prose labels, project items, score tables — and one candidate per
 * (key, year, project) is kept. Missing means absent: nothing is computed or guessed.
 */
import { allBlocks, type Block, type JxDocument } from "../document/model.js";
import type { Metric, Report } from "./schema.js";
import { extractMetadata } from "./metadata.js";
import { bindArrivedInFull, bindGrade, bindProse, type Passage, type ProseContext } from "./prose.js";
import { extractProjectItems } from "./projects.js";
import { bindRows, rowText } from "./inline-rows.js";
import { cellStream } from "./cells.js";
import { bindCells, bindTables } from "./grid.js";
import { extractIndicators } from "./indicators.js";
import { pickCandidates, toMetric, type Candidate } from "./candidate.js";
import { extractDisclosure } from "./disclosure/index.js";
import { attachChanges } from "./attach-changes.js";

/** Sections that state targets, not results (绩效目标, 目标设定): their figures are not metrics. */
const RE_TARGET_SECTION = /(绩效目标|预期目标|年度目标|目标任务)[。.]?$|目标(设定|设立)|设立情况/;
const RE_NOT_TARGET_SECTION = /预算|资金|完成|实现|达成/;

function passages(blocks: Block[]): Passage[] {
  const out: Passage[] = [];
  let skipLevel: number | null = null;
  let prevKind: Block["kind"] | null = null;
  for (const b of blocks) {
    if (b.kind === "heading") {
      prevKind = "heading";
      if (skipLevel !== null && b.level <= skipLevel) skipLevel = null;
      if (skipLevel === null && RE_TARGET_SECTION.test(b.norm) && !RE_NOT_TARGET_SECTION.test(b.norm) && b.level > 0) skipLevel = b.level;
      if (skipLevel === null) out.push({ text: b.norm, page: b.prov.page, block: b.index });
      continue;
    }
    if (skipLevel !== null) continue;
    const prev = out[out.length - 1];
    // A sentence a page or line break cut ("年初预算数" / "5601.94万元，比上年…") that the reader left in two blocks.
    if (b.kind === "paragraph" && prev && prevKind === "paragraph" && prev.text.length >= 8 && !/[。；;！？!?：:|]$/.test(prev.text) && (/^[-\d，,、）)%万元]/.test(b.norm) || (prev.text.length >= 20 && /[\u4e00-\u9fa5]$/.test(prev.text) && /[，。；]/.test(b.norm) && !/^[（(]?[一二三四五六七八九十\d]{1,2}[、.．)）]/.test(b.norm)))) {
      prev.text += b.norm;
      continue;
    }
    prevKind = b.kind;
    if (b.kind === "paragraph") out.push({ text: b.norm, page: b.prov.page, block: b.index });
    else for (const r of b.rows) for (const c of r.cells) if (c.norm) out.push({ text: c.norm, page: c.prov.page, block: b.index });
  }
  return out;
}

/** A space joins a passage starting with a figure to text ending with one ("43.2" "43.2"), as a table row reads. */
function joinSep(before: string, next: string): string {
  return /[\d%]$/.test(before) && /^[-\d]/.test(next) ? " " : "";
}

/**
 * All passages joined as flattened-table runs join them, and where each starts: a run from a non-empty passage i to
 * passage k is then the stream between starts[i] and the end of k (the separator only depends on the last character
 * before it), so the runs' labels are found once instead of once per run (up to 24 times).
 */
function passageStream(ps: Passage[]): { text: string; starts: Int32Array } {
  const parts: string[] = [];
  const starts = new Int32Array(ps.length);
  let length = 0;
  let tail = "";
  for (let k = 0; k < ps.length; k++) {
    const t = ps[k].text;
    const sep = joinSep(tail, t);
    parts.push(sep, t);
    length += sep.length;
    starts[k] = length;
    length += t.length;
    if (t) tail = t.slice(-1);
  }
  return { text: parts.join(""), starts };
}

/** The run of passage i built literally (only for an empty passage i, which the stream cannot stand for). */
function literalRun(ps: Passage[], i: number): string {
  let run = ps[i].text;
  for (let k = i + 1; k < ps.length && k <= i + 24 && run.length < 400; k++) {
    run += joinSep(run, ps[k].text) + ps[k].text;
    if (ps[k].text.length > 120) break;
  }
  return run;
}

/** Extract a Report from a document; findings stay empty (the pipeline fills them with the rules). */
export function extract(doc: JxDocument): Report {
  const disclosure = extractDisclosure(doc);
  if (disclosure) return disclosure;
  const blocks = allBlocks(doc);
  const meta = extractMetadata(blocks);
  const fiscalYear = meta.fiscalYear ?? 0;
  const isProject = meta.kind === "project";
  const ctx: ProseContext = { fiscalYear, project: isProject };
  const cands: Candidate[] = [];
  const projects = new Map<string, Candidate[]>();

  const ps = passages(blocks);
  const { text: streamText, starts } = passageStream(ps);
  const stream = rowText(streamText, isProject);
  const maskedPassages: Passage[] = [];
  ps.forEach((p, i) => {
    let text = p.text;
    if (!isProject) {
      for (const item of extractProjectItems(p, ctx)) {
        const list = projects.get(item.name) ?? projects.set(item.name, []).get(item.name)!;
        for (const c of item.candidates) list.push(c);
        text = text.slice(0, item.start) + " ".repeat(item.end - item.start) + text.slice(item.end);
      }
    }
    const masked = { ...p, text };
    maskedPassages.push(masked);
    // Loops, not push(...list): a list of 100,000 candidates as arguments overflows the stack.
    for (const c of bindProse(masked, ctx)) cands.push(c);
    for (const c of bindGrade(masked, ctx)) cands.push(c);
    for (const c of bindArrivedInFull(masked, ps[i + 1] ?? null, ctx)) cands.push(c);
    // Inline rows: an unmasked passage is read as its own window of the stream (same text, labels found once).
    if (/[-\d]/.test(text)) {
      if (text === p.text) bindRows(stream, starts[i], starts[i] + text.length, masked, ctx, 2, cands);
      else bindRows(rowText(text, isProject), 0, text.length, masked, ctx, 2, cands);
    }
    // Flattened tables: short cells on consecutive lines read as one run ("年初" "预算数" … "年度资金总额" "43.2 43.2 …").
    if (p.text.length <= 60 && i + 1 < ps.length && ps[i + 1].text.length <= 120) {
      if (!p.text) {
        const run = literalRun(ps, i);
        bindRows(rowText(run, isProject), 0, run.length, p, ctx, 1, cands);
        return;
      }
      // The run is stream[starts[i], end): the stream joins passages the way a run does, and p.text is not empty.
      let end = starts[i] + p.text.length;
      for (let k = i + 1; k < ps.length && k <= i + 24 && end - starts[i] < 400; k++) {
        end = starts[k] + ps[k].text.length;
        if (ps[k].text.length > 120) break;
      }
      bindRows(stream, starts[i], end, p, ctx, 1, cands);
    }
  });

  const cells = cellStream(blocks);
  const gridCtx = { fiscalYear, project: isProject };
  for (const c of bindCells(cells, gridCtx).candidates) cands.push(c);
  for (const c of bindTables(cells, gridCtx)) cands.push({ ...c, confidence: 4 });

  const ind = extractIndicators(cells);
  if (ind.total) {
    const c = ind.total.cell;
    cands.push({
      key: "score.total", year: fiscalYear, value: ind.total.value, unit: "分", text: c.text, precision: { decimals: c.figure?.amount.decimals ?? 0, scale: 1 },
      page: c.page, quote: c.line.slice(0, 200), restated: false, confidence: 2, order: c.block * 100000,
    });
  }
  for (const it of ind.indicators) {
    if (!/满意/.test(`${it.level3 ?? ""}`) || it.actual === null) continue;
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(it.actual.trim());
    if (!m || Number(m[1]) > 100) continue;
    cands.push({
      key: "satisfaction.rate", year: fiscalYear, value: Number(m[1]), unit: "%", text: it.actual, precision: { decimals: m[1].split(".")[1]?.length ?? 0, scale: 1 },
      page: it.page, quote: [it.level3, it.target, it.actual].filter(Boolean).join(" "), restated: false, confidence: 1, order: Number.MAX_SAFE_INTEGER,
    });
  }

  for (const c of cands.filter((x) => x.project)) {
    // Project rows of a department's tables join the projects named in its prose.
    const list = projects.get(c.project!) ?? projects.set(c.project!, []).get(c.project!)!;
    if (!list.includes(c)) list.push(c);
  }
  const metrics: Metric[] = pickCandidates(cands.filter((x) => !x.project)).map(toMetric);
  const projectList = [...projects.entries()].map(([name, list]) => ({ name, metrics: pickCandidates(list).map(toMetric) }));
  attachChanges(metrics, projectList, maskedPassages);
  const warnings = [...doc.warnings];
  for (const p of doc.pages) if (p.scanned) warnings.push({ code: "scanned-page", message: `第 ${p.number} 页为扫描图像，未识别文字`, page: p.number });
  if (!meta.fiscalYear) warnings.push({ code: "no-fiscal-year", message: "未能识别报告年度", page: null });

  return {
    schemaVersion: 1,
    source: { path: doc.source.path, sha256: doc.source.sha256, format: doc.source.format, pages: doc.source.pages },
    department: meta.department,
    region: meta.region,
    fiscalYear: meta.fiscalYear,
    kind: meta.kind,
    title: meta.title,
    filledDate: meta.filledDate,
    filer: meta.filer,
    phone: meta.phone,
    metrics,
    projects: projectList,
    indicators: ind.indicators,
    findings: [],
    warnings,
  };
}
