/**
 * Extraction: document model → Report. Metadata first (the fiscal year and kind steer binding), then every binder
 * proposes candidates — table structure, prose labels, project items, score tables — and one candidate per
 * (key, year, project) is kept. Missing means absent: nothing is computed or guessed.
 */
import { proseCounts } from "./disclosure/prose-counts.js";
import { allBlocks, type JxDocument } from "../document/model.js";
import type { Metric, Report, ReportForm, ReportKind } from "./schema.js";
import { extractMetadata, metadataLines } from "./metadata.js";
import { reportForm, reportParties } from "./report-form.js";
import { bindArrivedInFull, bindGrade, bindProse, bindScoreWithGrade, type Passage, type ProseContext } from "./prose.js";
import { literalRun, passages, passageStream } from "./passages.js";
import { locate } from "./provenance.js";
import { bindRows, rowText } from "./inline-rows.js";
import { cellProvenance, cellStream } from "./cells.js";
import { bindCells, bindTables } from "./grid.js";
import { extractIndicators } from "./indicators.js";
import { toMetric, type Candidate } from "./candidate.js";
import { markOcrFigures } from "./ocr-figures.js";
import { chooseCandidates } from "./choose.js";
import { extractDisclosure } from "./disclosure/index.js";
import { attachChanges } from "./attach-changes.js";
import { notReportReason } from "./not-a-report.js";
import { formProjectNames, listedFormCount, projectName } from "./project-name.js";
import { bindFundFlow, bindFundTotal, settleAllocations } from "./fund-flow.js";
import { bindSubjectAmount, subjectNames, subjectPattern } from "./subject-amount.js";
import { bindGradeCell, bindScoreHeading, bindSelfScore } from "./self-score.js";
import { declaredUnit } from "./form-unit.js";
import { bindScoreRows, bindTotalBeforeParts } from "./total-parts.js";
import { bindBondTables, bindBondText } from "./bond-table.js";
import { bindTransferTable } from "./transfer-table.js";
import { bindConfirmedBudget, bindConfirmedOutlay } from "./rate-confirmed.js";
import { bindProjectsTotal } from "./projects-total.js";
import { distinctProjects, projectItems } from "./project-items.js";
import { bindSatisfactionRows } from "./indicator-rows.js";
import { bindQualifiedHeader } from "./qualified-header.js";

/** What a project's 自评表 states of its project. */
const RE_FORM_KEY = /^(budget\.|score\.|satisfaction\.)/;
/** The unit's income lines, which a project's report does not state (its 上年结转 aside). */
const RE_UNIT_INCOME = /^income\.(?!carryover$)/;

/**
 * Whether the run of flattened cells that starts at the passage before i (below: a short passage, then short ones) reads
 * passage i too, so that a header run going on from that passage into this one is read there, from its first cell.
 */
function coveredByRun(ps: Passage[], i: number): boolean {
  return i > 0 && ps[i - 1].text.length > 0 && ps[i - 1].text.length <= 60 && ps[i].text.length <= 120;
}

/** The text with the ranges (items bound to their projects) blanked, offsets kept; built once, not per range. */
function maskRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    parts.push(text.slice(at, start), " ".repeat(r.end - start));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/**
 * A project self-evaluation that reports on two or more projects with figures of their own covers a unit's projects
 * (项目支出绩效自评总报告), whatever its title calls it.
 */
function summaryForm(form: ReportForm | null, kind: ReportKind | null, projects: ReadonlyArray<{ metrics: readonly Metric[] }>): ReportForm | null {
  if (kind === "project" && form === "self-evaluation" && projects.filter((p) => p.metrics.length > 0).length >= 2) return "projects-summary";
  return form;
}

/** Extract a Report from a document; findings stay empty (the pipeline fills them with the rules). */
export function extract(doc: JxDocument): Report {
  const blocks = allBlocks(doc);
  const lines = metadataLines(blocks);
  const disclosure = extractDisclosure(doc);
  if (disclosure) return { ...disclosure, form: reportForm(disclosure.title, lines, disclosure.kind), parties: reportParties(lines) };
  const meta = extractMetadata(blocks, lines);
  const fiscalYear = meta.fiscalYear;
  const ps = passages(blocks);
  const items = projectItems(ps, { fiscalYear, project: meta.kind === "project" });
  // A report of several projects: its project words (已使用, 实际支付) speak of one of them, not of the whole. A project
  // whose outlay is spelled out per sub-project is still one project's report.
  const isProject = meta.kind === "project" && !items.some((list) => list.some((item) => !item.part));
  const ctx: ProseContext = { fiscalYear, project: isProject };
  const cands: Candidate[] = [];
  const projects = new Map<string, Candidate[]>();

  const { text: streamText, starts, where } = passageStream(ps);
  const stream = rowText(streamText, isProject, where);
  const maskedPassages: Passage[] = [];
  const ownProject = meta.kind === "project" ? projectName(blocks, meta.title, meta.department) : null;
  const subject = isProject ? subjectPattern(subjectNames(ownProject)) : null;
  ps.forEach((p, i) => {
    for (const item of items[i]) {
      const list = projects.get(item.name) ?? projects.set(item.name, []).get(item.name)!;
      for (const c of item.candidates) list.push(c);
    }
    // A unit's report over its projects: the figure its list of projects adds up to is the report's budget.
    if (meta.kind === "project") for (const c of bindProjectsTotal(p, items[i], ctx)) cands.push(c);
    const text = maskRanges(p.text, items[i]);
    const masked = { ...p, text };
    const proseCtx = { ...ctx, formUnit: declaredUnit(streamText, starts[i]) };
    maskedPassages.push(masked);
    // Loops, not push(...list): a list of 100,000 candidates as arguments overflows the stack.
    for (const c of bindProse(masked, proseCtx)) cands.push(c);
    for (const c of bindGrade(masked, ctx)) cands.push(c);
    for (const c of bindGradeCell(masked, ps[i + 1], ctx)) cands.push(c);
    for (const c of bindScoreHeading(masked, ps[i + 1], ctx)) cands.push(c);
    for (const c of bindScoreWithGrade(masked, ctx)) cands.push(c);
    for (const c of bindSelfScore(masked, ctx)) cands.push(c);
    for (const c of bindArrivedInFull(masked, ps[i + 1] ?? null, ctx)) cands.push(c);
    for (const c of bindFundFlow(masked, ctx)) cands.push(c);
    for (const c of bindFundTotal(masked, ctx)) cands.push(c);
    for (const c of bindSubjectAmount(masked, ctx, subject)) cands.push(c);
    for (const c of bindTotalBeforeParts(masked, ctx)) cands.push(c);
    for (const c of bindBondText(masked, ctx)) cands.push(c);
    // Inline rows: an unmasked passage is read as its own window of the stream (same text, labels found once).
    if (/[-\d]/.test(text)) {
      if (text === p.text) bindRows(stream, starts[i], starts[i] + text.length, masked, ctx, "exact-label", cands, coveredByRun(ps, i));
      else bindRows(rowText(text, isProject, (s, e) => locate(p.segs, s, e)), 0, text.length, masked, ctx, "exact-label", cands);
    }
    // Flattened tables: short cells on consecutive lines read as one run ("年初" "预算数" … "年度资金总额" "43.2 43.2 …").
    if (p.text.length <= 60 && i + 1 < ps.length && ps[i + 1].text.length <= 120) {
      if (!p.text) {
        const run = literalRun(ps, i);
        bindRows(rowText(run.text, isProject, run.where), 0, run.text.length, p, ctx, "pattern", cands);
        return;
      }
      // The run is stream[starts[i], end): the stream joins passages the way a run does, and p.text is not empty.
      let end = starts[i] + p.text.length;
      for (let k = i + 1; k < ps.length && k <= i + 24 && end - starts[i] < 400; k++) {
        end = starts[k] + ps[k].text.length;
        if (ps[k].text.length > 120) break;
      }
      bindRows(stream, starts[i], end, p, ctx, "pattern", cands, coveredByRun(ps, i));
    }
  });

  // The outlay a sentence tells in words no label names, confirmed by its rate of the budget (rate-confirmed.ts); a
  // sentence without its budget uses the report's own.
  const budgets = ["budget.adjusted", "budget.initial"].flatMap((k) => cands.filter((c) => c.key === k && !c.project && c.year === fiscalYear && c.value !== null).map((c) => c.value!));
  for (const masked of maskedPassages) for (const c of bindConfirmedOutlay(masked, ctx, [...new Set(budgets)])) cands.push(c);
  // The converse: the outlay and its rate told, the budget in a sentence of its own that only the arithmetic names.
  for (const c of bindConfirmedBudget(maskedPassages, ctx, cands)) cands.push(c);
  for (const c of bindScoreRows(streamText, where, ctx)) cands.push(c);
  for (const c of bindSatisfactionRows(streamText, where, ctx)) cands.push(c);
  const qualified = bindQualifiedHeader(streamText, where, ctx);
  for (const c of qualified.candidates) cands.push(c);
  // Under a 预算(调整后) header the row's 预算数 is the adjusted budget, not also the opening one.
  if (qualified.adjusted !== null) {
    const kept = cands.filter((c) => !(c.key === "budget.initial" && !c.project && c.value === qualified.adjusted));
    cands.length = 0;
    for (const c of kept) cands.push(c);
  }
  // Head counts told in the 基本情况's prose, read as a disclosure's 概况 is (one vocabulary: prose-counts.ts), for a
  // count no self-evaluation binder read: they read the labelled counts already, and these sentences (在职教师60名,
  // a noun between label and count) only fill what they miss.
  if (fiscalYear !== null) {
    const read = new Set(cands.filter((c) => !c.project && c.key.startsWith("staff.")).map((c) => c.key));
    for (const c of proseCounts(streamText, where, fiscalYear)) {
      if (read.has(c.key)) continue;
      c.order = (c.prov.block ?? 0) * 100000 + (c.prov.span?.start ?? 0);
      cands.push(c);
    }
  }
  for (const c of bindTransferTable(streamText, where, ctx)) cands.push(c);

  const cells = cellStream(blocks);
  const gridCtx = { fiscalYear, project: isProject };
  for (const c of bindCells(cells, gridCtx).candidates) cands.push(c);
  for (const c of bindTables(cells, gridCtx)) cands.push(c);
  for (const c of bindBondTables(cells, gridCtx)) cands.push(c);

  const ind = extractIndicators(cells);
  if (ind.total) {
    const c = ind.total.cell;
    cands.push({
      key: "score.total", year: fiscalYear, value: ind.total.value, unit: "分", text: c.text, precision: { decimals: c.figure?.amount.decimals ?? 0, scale: 1 },
      prov: cellProvenance(c, c.figure), quote: c.line.slice(0, 200), restated: false, confidence: "table-structure", order: c.block * 100000,
    });
  }
  for (const it of ind.indicators) {
    if (!/满意/.test(`${it.level3 ?? ""}`) || it.actual === null) continue;
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(it.actual.trim());
    if (!m || Number(m[1]) > 100) continue;
    const src = ind.sources.get(it)!;
    cands.push({
      key: "satisfaction.rate", year: fiscalYear, value: Number(m[1]), unit: "%", text: it.actual, precision: { decimals: m[1].split(".")[1]?.length ?? 0, scale: 1 },
      prov: cellProvenance(src.actual ?? src.label, null), quote: [it.level3, it.target, it.actual].filter(Boolean).join(" "), restated: false, confidence: "pattern", order: Number.MAX_SAFE_INTEGER,
    });
  }

  // Several projects' forms filed in one document: each form's figures are its project's, not the report's.
  const forms = formProjectNames(blocks);
  if (distinctProjects(forms.map((f) => f.name)) >= 2 || (forms.length > 0 && listedFormCount(blocks) >= 2)) {
    for (const c of cands) {
      if (c.project || c.prov.block === null || !RE_FORM_KEY.test(c.key)) continue;
      let form: (typeof forms)[number] | undefined;
      for (const f of forms) if (f.block <= c.prov.block) form = f;
      if (form) c.project = form.name;
    }
  }
  for (const c of cands.filter((x) => x.project)) {
    // Project rows of a department's tables join the projects named in its prose.
    const list = projects.get(c.project!) ?? projects.set(c.project!, []).get(c.project!)!;
    if (!list.includes(c)) list.push(c);
  }
  // A project's report tells its money by source (中央资金…（一般公共预算X万元，彩票公益金Y万元）): the project's
  // funding, not the unit's income, which only a department's report or a disclosure states. What was carried over
  // from last year (上年结转资金) is the project's own too.
  const own = cands.filter((x) => !x.project && !(meta.kind === "project" && RE_UNIT_INCOME.test(x.key)));
  const metrics: Metric[] = chooseCandidates(settleAllocations(own)).map(toMetric);
  const projectList = [...projects.entries()].map(([name, list]) => ({ name, metrics: chooseCandidates(list).map(toMetric) }));
  attachChanges(metrics, projectList, maskedPassages);
  markOcrFigures(doc, [metrics, ...projectList.map((p) => p.metrics)]);
  const warnings = [...doc.warnings];
  for (const p of doc.pages) if (p.scanned && !p.ocr) warnings.push({ code: "scanned-page", message: `第 ${p.number} 页为扫描图像，未识别文字`, page: p.number });
  if (!meta.fiscalYear) warnings.push({ code: "no-fiscal-year", message: "未能识别报告年度", page: null });
  const metricCount = metrics.length + projectList.reduce((n, p) => n + p.metrics.length, 0);
  const notReport = notReportReason({ blocks, title: meta.title, metrics: metricCount, indicators: ind.indicators.length });
  if (notReport) warnings.push({ code: "not-a-report", message: notReport, page: null });

  return {
    schemaVersion: 2,
    source: { path: doc.source.path, sha256: doc.source.sha256, format: doc.source.format, pages: doc.source.pages },
    department: meta.department,
    region: meta.region,
    fiscalYear: meta.fiscalYear,
    kind: meta.kind,
    form: summaryForm(reportForm(meta.title, lines, meta.kind), meta.kind, projectList),
    parties: reportParties(lines),
    title: meta.title,
    ...(meta.kind === "project" ? { project: ownProject } : {}),
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
