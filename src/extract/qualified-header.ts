/**
 * A form whose column header says which budget its 预算数 is: "预算安排情况(调整后) | 资金到位情况 | 资金执行情况 |
 * 预算执行进度(%)" over the row "预算数 6.84 到位数 6.84 执行数 6.50 95.03" (the 预算项目绩效自评表 of Hebei's counties).
 * The row's bare 预算数, read alone, is the opening budget; under that header it is the adjusted one. The row's last
 * bare figure sits under the rate column; it is read as the rate only when executed ÷ budget confirms it.
 */
import { scanFigures, type FigureHit } from "./figures.js";
import type { Candidate } from "./candidate.js";
import { candidateFromHit } from "./candidate.js";
import type { FigureProvenance } from "./provenance.js";
import type { ProseContext } from "./prose.js";
import { declaredUnit } from "./form-unit.js";
import { ratioGivesRate } from "./rate-confirmed.js";

const RE_HEADER = /预算(?:安排)?(?:情况|数)?\s*[(（]\s*调整后\s*[)）]/g;
/** The rate column closing such a header. */
const RE_RATE_COLUMN = /执行(?:进度|率)\s*[(（]\s*%\s*[)）]/;
/** How far below its header the row starts. */
const ROW_REACH = 120;
const RE_ROW = /(?<![年初全])预算数\s*[:：]?\s*([\d,.]+)\s*(?:万元|元)?\s*到位数\s*[:：]?\s*[\d,.]+\s*(?:万元|元)?\s*执行数\s*[:：]?\s*([\d,.]+)(?:\s*(?:万元|元))?(?:\s+(\d{1,3}(?:\.\d+)?)(?![\d.%]))?/d;

export interface QualifiedRow {
  candidates: Candidate[];
  /** The adjusted budget's value: the same figure read alone as the opening budget is dropped. */
  adjusted: number | null;
}

export function bindQualifiedHeader(text: string, where: (start: number, end: number) => FigureProvenance, ctx: ProseContext): QualifiedRow {
  const out: Candidate[] = [];
  let adjusted: number | null = null;
  for (const h of text.matchAll(RE_HEADER)) {
    const from = h.index + h[0].length;
    const window = text.slice(from, from + ROW_REACH + 120);
    const m = RE_ROW.exec(window);
    if (!m || m.index > ROW_REACH) continue;
    // The form's declared unit (金额单位：万元), else the 万元 these forms print in.
    const u = declaredUnit(text, h.index) ?? "万元";
    const figure = (g: number): FigureHit | null => {
      const start = from + m.indices![g]![0];
      const hit = scanFigures(m[g], u)[0];
      return hit && hit.amount.kind === "money" ? { ...hit, start, end: start + m[g].length } : null;
    };
    const budget = figure(1);
    const executed = figure(2);
    if (!budget) continue;
    const bind = (key: string, hit: FigureHit, kind: "money" | "percent") => {
      const prov = where(hit.start, hit.end);
      out.push(
        candidateFromHit(
          { key, year: ctx.fiscalYear, prov, quote: text.slice(h.index, from + m.index + m[0].length).slice(0, 200), restated: false, confidence: "table-cell", order: (prov.block ?? 0) * 100000 + hit.start, project: ctx.projectName },
          kind,
          hit,
        ),
      );
    };
    bind("budget.adjusted", budget, "money");
    adjusted = budget.amount.value;
    // The rate column: the row's last bare figure, kept only when the row's own arithmetic gives it.
    if (m[3] && executed && RE_RATE_COLUMN.test(text.slice(from, from + m.index)) && ratioGivesRate(executed.amount.value, budget.amount.value, m[3])) {
      const start = from + m.indices![3]![0];
      const hit = scanFigures(`${m[3]}%`)[0];
      if (hit) bind("budget.execution_rate", { ...hit, text: m[3], start, end: start + m[3].length }, "percent");
    }
  }
  return { candidates: out, adjusted };
}
