/**
 * A disclosure figure as a Candidate (candidate.ts): the amount a 公开表 cell or a 情况说明 sentence prints, bound to
 * a key (and to one of the two totals, "key#current" or "key#grand"), for the report's fiscal year unless the text
 * names another. Money in 元 exact to the 分; 人员编制 in people.
 */
import type { Amount } from "../amount.js";
import type { Candidate, Confidence } from "../candidate.js";
import { METRIC_BY_KEY } from "../metric-catalog.js";
import type { FigureProvenance } from "../provenance.js";
import type { Scope } from "../vocab/disclosure-tables.js";
import { isRestated } from "../years.js";

export interface Binding {
  /** "key" or "key#scope". */
  id: string;
  amount: Amount;
  /** The unit the figure is printed in ("万元"). */
  printedUnit: string;
  prov: FigureProvenance;
  quote: string;
  confidence: Confidence;
  priority?: number;
  /** The year the text names, or null for the fiscal year. */
  year: number | null;
}

/** The digits as printed when the quote ends with them ("17,981.68"), else the value in the printed unit. */
function printed(quote: string, a: Amount): string {
  const m = /([\d,]+(?:\.\d+)?)\s*\D*$/.exec(quote);
  const v = Number(a.hundredths) / 100 / a.scale;
  return m && Number(m[1].replace(/,/g, "")) === v ? m[1] : v.toFixed(a.decimals);
}

export function disclosureCandidate(b: Binding, fiscalYear: number): Candidate | null {
  const [key, scope] = b.id.split("#") as [string, Scope | undefined];
  const def = METRIC_BY_KEY.get(key);
  if (!def) return null;
  const unit = def.unitKind === "count" ? "人" : "元";
  const year = b.year ?? fiscalYear;
  return {
    key,
    year,
    value: b.amount.value,
    unit,
    text: unit === "人" ? `${b.amount.value}人` : `${printed(b.quote, b.amount)}${b.printedUnit}`,
    precision: { decimals: b.amount.decimals, scale: b.amount.scale },
    prov: b.prov,
    quote: b.quote,
    restated: isRestated(year, fiscalYear),
    confidence: b.confidence,
    // Set by the extractor once all figures are in (emission order breaks ties).
    order: 0,
    scope: scope ?? null,
    priority: b.priority,
  };
}
