/**
 * The unit of a form's bare figures: written between a field's label and its figure ("计划投资额(万元)110.00"), or
 * declared once for the form (金额单位：万元) before label-figure pairs. Prose binders read such a figure as money.
 */
import { parseAmount } from "./amount.js";
import type { FigureHit } from "./figures.js";

/**
 * A form field's unit between its label and a bare figure: "计划投资额(万元)110.00", "资金总额（单位：万元）：35". Forms
 * flattened into text print their fields this way, one after another with no stops between them.
 */
export const RE_FIELD_UNIT = /[(（]\s*(?:单位\s*[:：]\s*)?(万元|亿元|元)\s*[)）]\s*[:：]?\s*$/;

/**
 * A bare figure read in the unit its field declares, or null when no unit stands right before it. A form that declares
 * its unit once (金额单位：万元) and then prints its fields as label-figure pairs (预算数 6.84 到位数 6.84 执行数 6.84)
 * gives that unit to a figure that a word, not another figure, stands right before.
 */
export function fieldFigure(text: string, h: FigureHit, formUnit: string | null = null): FigureHit | null {
  const m = RE_FIELD_UNIT.exec(text.slice(Math.max(0, h.start - 16), h.start));
  const unit = m?.[1] ?? (RE_WORD_BEFORE.test(text.slice(Math.max(0, h.start - 4), h.start)) ? (declaredUnit(text, h.start) ?? formUnit) : null);
  if (!unit) return null;
  const amount = parseAmount(h.text, unit);
  return amount && amount.kind === "money" ? { ...h, amount } : null;
}

/** A money field's word right before the figure (预算数, 到位数, 金额, 资金): not a rate's or a score's (执行率, 得分). */
const RE_WORD_BEFORE = /(?:数|额|资金|经费|款)\s*[:：]?\s*$/;
const RE_DECLARED_UNIT = /(?:金额)?单位\s*[:：]\s*(万元|亿元|元)/g;
/** How far before its fields a form declares its unit. */
const DECLARED_REACH = 400;

export function declaredUnit(text: string, at: number): string | null {
  let unit: string | null = null;
  for (const m of text.slice(Math.max(0, at - DECLARED_REACH), at).matchAll(RE_DECLARED_UNIT)) unit = m[1];
  return unit;
}
