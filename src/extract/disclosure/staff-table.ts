/**
 * The 人员情况 table of a disclosure's 概况 (单位：人 | 项目 | 合计 | 行政单位 | 事业单位 …; 编制数 | 34 | 34; 在职人数 |
 * 32 | 32; 离退休人数 | 25 | 25): head counts with no 人 beside them, so the 概况's sentence reading (prose-counts.ts)
 * does not see them. A table row whose first cell is a staff label of the catalogue (schemas/metrics.json) gives its
 * first figure, the 合计 column — only under a 单位：人 line or a 人员情况 heading, so that no money table's row is
 * taken for a count. A 其中 row is a part of the row above, not the unit's number; a partial label (行政编制) is one
 * kind of post among others.
 */
import { parseAmountIn } from "../amount.js";
import type { Candidate } from "../candidate.js";
import { matchLabel } from "../labels.js";
import { disclosureCandidate } from "./figure.js";
import type { Line } from "./layout.js";
import { atomProvenance } from "./locate.js";

/** The staff count a row label names exactly (a partial label such as 行政编制 names one kind of post only). */
function staffKey(label: string): string | null {
  const m = matchLabel(label, { project: false });
  return m?.exact && !m.entry.partial && m.entry.key.startsWith("staff.") && m.entry.unitKind === "count" ? m.entry.key : null;
}

const RE_STAFF_TABLE = /单位[:：]\s*人(?:$|[^民])|人员(?:基本)?情况/;
/** How many lines after its 单位：人 line or heading a row may stand. */
const REACH = 12;

export function staffTableCandidates(lines: Line[], fiscalYear: number): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  let opened = -Infinity;
  lines.forEach((l, i) => {
    if (RE_STAFF_TABLE.test(l.text)) opened = i;
    if (!l.fromTable || i - opened > REACH) return;
    const [label, num] = l.atoms;
    if (label?.kind !== "text" || num?.kind !== "num" || !/^\d{1,6}$/.test(num.text)) return;
    const key = staffKey(label.text.replace(/[\s|]/g, ""));
    if (!key || seen.has(key)) return;
    const amount = parseAmountIn(num.text, "人");
    if (!amount) return;
    seen.add(key);
    const c = disclosureCandidate({ id: key, amount, printedUnit: "人", prov: atomProvenance(l, num), quote: `${label.text} ${num.text}`, confidence: "table-template", year: null }, fiscalYear);
    if (c) out.push(c);
  });
  return out;
}
