/**
 * Scores told for several named subjects in one sentence, each with its own score label: "A绩效自评分数为73.18分、
 * B绩效自评分数为89.03分、C绩效自评得分86.89分" — the funds or projects a unit's report scores one by one. The label
 * repeated after each name is what makes each name a subject of its own; one such pair alone is the report's score
 * (self-score.ts and the label binders read that), and a score table's dimensions (投入得分13.1分、过程得分25.41分) are
 * no subjects.
 */
import { scanFigures } from "./figures.js";
import { candidateFromHit } from "./candidate.js";
import { locate } from "./provenance.js";
import { matchLabel } from "./labels.js";
import type { Passage, ProseContext } from "./prose.js";
import type { ProjectItem } from "./projects.js";
import { hasVerb, isPlace } from "./vocab/project-names.js";
import { orgSuffix } from "./department/org-name.js";
import { isIndicatorDimension } from "./indicators.js";

/** A name, its score label (绩效自评分数为, 自评得分, 评价得分是), and the points. */
const RE_SCORED = /([\u4e00-\u9fa5（）()“”"—-]{2,40}?(?:项目)?)(?:绩效)?(?:自评|评价)?(?:得分|分数|评分)\s*(?:为|是|:|：)?\s*(\d{1,3}(?:\.\d+)?)\s*分/g;
/** A sentence without a score word holds no scored pair: checked first, as the pair's pattern is slow to fail. */
const RE_SCORE_WORD = /得分|分数|评分/;
/** What may stand between one scored pair and the next: a list separator, with 和/及 before the last. */
const RE_BETWEEN = /^\s*(?:[、，,；;]|和|及|以及)\s*$/;
/** Words opening a name that belong to the sentence, not the name (其中, 全区, 经评价). */
const RE_LEAD = /^(?:其中|另外|此外|以及|和|及|经评价|经评定|全区|全市|全县|全省)/;

export function scoredProjects(p: Passage, ctx: ProseContext): ProjectItem[] {
  const out: ProjectItem[] = [];
  let at = 0;
  for (const s of p.text.split(/(?<=[。！？!?\n])/)) {
    if (!RE_SCORE_WORD.test(s)) {
      at += s.length;
      continue;
    }
    const pairs: Array<{ name: string; start: number; end: number; figure: number }> = [];
    let run: typeof pairs = [];
    const flush = () => {
      if (run.length >= 2 && new Set(run.map((r) => r.name)).size === run.length) pairs.push(...run);
      run = [];
    };
    for (const m of s.matchAll(RE_SCORED)) {
      const prev = run[run.length - 1];
      // The first name starts after the sentence's last clause break; the next ones right after the previous score.
      let name = m[1];
      if (prev && !RE_BETWEEN.test(s.slice(prev.end, m.index))) flush();
      if (run.length === 0) name = name.split(/[，,；;：:]/).pop() ?? name;
      name = name.replace(RE_LEAD, "").trim();
      const figure = m.index + m[0].lastIndexOf(m[2]);
      const ok = name.length >= 2 && !isIndicatorDimension(name) && !hasVerb(name) && !isPlace(name) && !orgSuffix(name) && !matchLabel(name, { project: false })?.exact;
      if (!ok) {
        flush();
        continue;
      }
      run.push({ name, start: m.index + m[0].indexOf(name), end: m.index + m[0].length, figure });
    }
    flush();
    for (const r of pairs) {
      const h = scanFigures(s.slice(r.figure, r.end))[0];
      if (!h || h.amount.kind !== "score" || h.amount.value > 100) continue;
      const start = at + r.figure + h.start;
      out.push({
        name: r.name,
        start: at + r.start,
        end: at + r.end,
        candidates: [
          candidateFromHit(
            { key: "score.total", year: ctx.fiscalYear, prov: locate(p.segs, start, start + h.end - h.start), quote: s.trim().slice(0, 200), restated: false, confidence: "pattern", order: p.block * 100000 + start, project: r.name },
            "score",
            { ...h, start, end: start + h.end - h.start },
          ),
        ],
      });
    }
    at += s.length;
  }
  return out;
}
