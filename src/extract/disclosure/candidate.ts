import type { Amount } from "../amount.js";

/**
 * A figure found for a metric key before the choice between sources. `scope` separates the two totals disclosures
 * print: "current" = 本年/当年 (this year's income or spending only), "grand" = 收入总计/支出合计 (which may include
 * 上年结转 or 结转下年). The current-year total is what a self-evaluation's 总收入/总支出 means, so it wins.
 */
export interface Candidate {
  key: string;
  /** Year the figure is about; null = the document's fiscal year. */
  year: number | null;
  amount: Amount;
  /** Printed unit ("万元", "元"). */
  unit: string;
  page: number;
  quote: string;
  /** Lower is better: summary tables first, then other tables, then prose. */
  rank: number;
  scope: "current" | "grand" | null;
  /** "table" candidates carry the table's title in their quote. */
  source: "table" | "prose";
}

