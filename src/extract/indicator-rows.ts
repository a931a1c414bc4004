/**
 * A satisfaction indicator's row of the 自评表 as pages flatten it: its name, the target with its comparator, then the
 * achieved value and the row's weight and score ("学生满意度 ≥ 90 % 96 10 10", "群众满意度 | ≥90% | 96% | 10 | 10", one
 * cell a line). The table reader reads such rows only from a table; flattened, the comparator marks the first figure
 * as the target (指标值) and the next one is the achieved value (实际完成值). Weak (pattern): a table's cell wins.
 */
import type { Candidate } from "./candidate.js";
import type { FigureProvenance } from "./provenance.js";
import type { ProseContext } from "./prose.js";

/** Name ending in 满意度/满意率, the target after a comparator, the achieved value, and a figure after it (分值). */
const RE_ROW =
  /[\u4e00-\u9fa5]{0,12}满意(?:度|率)[\s|]*(?:[≥>＞]|不低于|不少于)[\s|]*(\d{1,3}(?:\.\d+)?)[\s|]*[%％]?[\s|]+(\d{1,3}(?:\.\d{1,2})?)[\s|]*[%％]?(?=[\s|]+\d)/dg;

export function bindSatisfactionRows(text: string, where: (start: number, end: number) => FigureProvenance, ctx: ProseContext): Candidate[] {
  if (!text.includes("满意")) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(RE_ROW)) {
    const value = Number(m[2]);
    // An empty 实际完成值 cell leaves the weight (10, 20) where the value stands: no satisfaction survey reads that low.
    if (value > 100 || value < 50) continue;
    const [start, end] = m.indices![2];
    const prov = where(start, end);
    out.push({
      key: "satisfaction.rate", year: ctx.fiscalYear, value, unit: "%", text: m[2], precision: { decimals: m[2].split(".")[1]?.length ?? 0, scale: 1 },
      prov, quote: m[0].trim().slice(0, 120), restated: false, confidence: "pattern", order: (prov.block ?? 0) * 100000 + (prov.span?.start ?? 0), project: ctx.projectName,
    });
  }
  return out;
}
