/**
 * The total a unit's report over its projects tells before listing them: "2023年项目支出安排预算为900.00万元，其中：一是
 * A 600.00万元…；二是 B 300.00万元…", "批复项目3个，项目资金450万元。分别为：A 200万元；B 150万元；C 100万元". The list's
 * items are the projects (project-lists.ts); the figure that opens the list is the report's own budget. Its words
 * (安排预算, 项目资金) name no catalogue label, so the list's arithmetic says it: its items add up to the figure, or to
 * twice it when the list names groups and then each group's parts. Weak (pattern): a labelled budget wins.
 */
import { scanFigures, type FigureHit } from "./figures.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate } from "./provenance.js";
import { maskText, type Passage, type ProseContext } from "./prose.js";
import type { ProjectItem } from "./projects.js";
import { yearNamed } from "./years.js";

/** A budget's words in the figure's clause: what was arranged, approved or allocated for the projects. */
const RE_BUDGET_WORDS = /预算|资金|经费|批复|安排|下达/;
/** Between the figure and the first item: only the words that open a list. */
const RE_LIST_OPENING = /^[\s，,。：:；;]*(?:其中|分别为|分别是|具体为|具体是|包括|主要为|如下)?(?:下达|安排|用于)?[\s，,。：:；;]*(?:一是|[1１][.．、]|[(（][一1][)）]|[一1]、)?\s*$/;

/** The money of a project item: its first budget figure. */
function itemMoney(it: ProjectItem): number | null {
  const c = it.candidates.find((x) => x.key.startsWith("budget.") && x.unit === "元" && x.value !== null);
  return c ? c.value : null;
}

/** Whether two amounts in 元 agree to the cent. */
const same = (a: number, b: number) => Math.abs(a - b) < 0.005 * Math.max(1, b / 1e6);

export function bindProjectsTotal(p: Passage, items: readonly ProjectItem[], ctx: ProseContext): Candidate[] {
  if (items.length < 2) return [];
  const first = [...items].sort((a, b) => a.start - b.start)[0];
  const text = maskText(p.text);
  const lead = text.slice(Math.max(0, first.start - 200), first.start);
  const offset = first.start - lead.length;
  const hits = scanFigures(lead).filter((h) => h.amount.kind === "money" && !h.change);
  const h: FigureHit | undefined = hits[hits.length - 1];
  if (!h || !RE_LIST_OPENING.test(lead.slice(h.end))) return [];
  const clause = lead.slice(0, h.start).split(/[，,。；;]/).pop() ?? "";
  if (!RE_BUDGET_WORDS.test(clause)) return [];
  const amounts = items.map(itemMoney);
  if (amounts.some((v) => v === null)) return [];
  const sum = (amounts as number[]).reduce((s, v) => s + v, 0);
  const total = h.amount.value;
  if (!same(sum, total) && !same(sum, 2 * total)) return [];
  const sentence = lead.slice(0, h.start).split(/[。；;]/).pop() ?? "";
  const year = yearNamed(sentence, ctx.fiscalYear);
  if (year === undefined || year !== ctx.fiscalYear) return [];
  const start = offset + h.start;
  return [
    candidateFromHit(
      { key: "budget.initial", year, prov: locate(p.segs, start, offset + h.end), quote: p.text.slice(Math.max(0, start - 60), Math.min(p.text.length, offset + h.end + 40)).trim(), restated: false, confidence: "pattern", order: (ctx.orderBase ?? p.block * 100000) + start },
      "money",
      { ...h, start, end: offset + h.end },
    ),
  ];
}
