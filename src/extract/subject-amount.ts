/**
 * The project's own name, then its money: "强制扑杀补助资金23万元，全部用于…", "2023年农村公路养护项目资金共计120万元".
 * A project report that names what it evaluates and gives an amount right after the name, with no label between,
 * tells the money the project had: its budget for the year (budget.adjusted, as an allocation is). A weak shape
 * (confidence `pattern`): any labelled budget wins.
 */
import { bareMultiplierMoney, scanFigures } from "./figures.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { escapeRe } from "./vocab/load.js";
import { locate } from "./provenance.js";
import { maskText, type Passage, type ProseContext } from "./prose.js";

/** Words a title adds to the project's name that the text leaves off (…资金支付 → …资金; …建设项目 → …建设). */
const RE_NAME_TAIL = /(?:支付|发放|兑付|项目)$/;
/** Only filler between the name and its amount: the money's noun, a word that sums, a copula. */
const FILLER = "(?:资金|经费|专项资金)?(?:共计|合计|总计|总额|共|计|为|是|[:：])*\\s*";
/** Where a clause starts: the name opens it, maybe after its year. */
const RE_OPEN = /(?:^|[。；;，,：:\s])(?:(?:19|20)\d{2}\s*年度?)?$/;

/** The names a project report's text may use for its project: as titled, and without the title's extra ending. */
export function subjectNames(name: string | null): string[] {
  if (!name || name.length < 4) return [];
  const short = name.replace(RE_NAME_TAIL, "");
  return [...new Set([name, short])].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length);
}

/** The pattern of the project's name, then its amount: built once per document, read in every passage. */
export function subjectPattern(names: readonly string[]): RegExp | null {
  if (names.length === 0) return null;
  return new RegExp(`(?:${names.map(escapeRe).join("|")})${FILLER}(\\d[\\d,]*(?:\\.\\d+)?\\s*(?:亿元|万元|元|万(?![\\u4e00-\\u9fa5])))`, "g");
}

export function bindSubjectAmount(p: Passage, ctx: ProseContext, rx: RegExp | null): Candidate[] {
  if (!ctx.project || !rx || ctx.fiscalYear === null) return [];
  const text = maskText(p.text);
  for (const m of text.matchAll(rx)) {
    if (!RE_OPEN.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const at = m.index + m[0].length - m[1].length;
    const hit = scanFigures(m[1])[0];
    const h = hit && (hit.amount.kind === "money" ? hit : bareMultiplierMoney(m[1], hit));
    if (!h || h.amount.kind !== "money") continue;
    return [
      candidateFromHit(
        { key: "budget.adjusted", year: ctx.fiscalYear, prov: locate(p.segs, at + h.start, at + h.end), quote: p.text.slice(m.index, Math.min(p.text.length, m.index + 120)), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + at, project: ctx.projectName },
        "money",
        { ...h, start: at + h.start, end: at + h.end },
      ),
    ];
  }
  return [];
}
