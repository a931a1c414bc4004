import type { Metric } from "../extract/schema.js";
import type { Finding } from "../extract/finding.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { scopesOf } from "./lib/metric-access.js";
import { showMetric } from "./lib/format.js";
import { SCORE_VOCAB } from "./lib/score-vocab.js";

type Band = (typeof SCORE_VOCAB.grades)[number];

/** The band a printed grade names ("优秀" → 优), or null for a word the vocabulary does not know. */
function bandOfWord(text: string): Band | null {
  const t = text.replace(/[\s“”"'「」【】（）()：:。.]/g, "");
  // Longest word first, so 不合格 is not read as 合格 and 较差 not as 差 of another band.
  const words = SCORE_VOCAB.grades.flatMap((g) => g.words.map((w) => ({ w, g }))).sort((a, b) => b.w.length - a.w.length);
  for (const { w, g } of words) if (t === w || t === `${w}级` || t === `${w}等`) return g;
  return null;
}

/** The band a score falls in: the first (highest) whose minimum it reaches, as printed. */
function bandOfScore(score: number): Band {
  const bands = [...SCORE_VOCAB.grades].sort((a, b) => b.min - a.min);
  return bands.find((b) => score >= b.min) ?? bands[bands.length - 1];
}

function range(b: Band): string {
  const bands = [...SCORE_VOCAB.grades].sort((a, b) => b.min - a.min);
  const above = bands[bands.indexOf(b) - 1];
  return above ? (b.min > 0 ? `${b.min}（含）至 ${above.min} 分` : `${above.min} 分以下`) : `${b.min} 分（含）以上`;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const scope of scopesOf(ctx.report)) {
    for (const grade of scope.metrics.filter((m) => m.key === "score.grade")) {
      const score: Metric | undefined = scope.metrics.find((m) => m.key === "score.total" && m.year === grade.year && m.value !== null && !m.restated);
      const said = bandOfWord(grade.text);
      if (!score || !said || score.value === null || score.value < 0 || score.value > 100) continue;
      const due = bandOfScore(score.value);
      if (due.grade === said.grade) continue;
      out.push(
        ctx.finding({
          messageId: "gradeOutsideBand",
          data: { year: String(grade.year), score: showMetric(score), grade: grade.text, due: due.grade, band: range(due) },
          metrics: [score, grade],
          expected: null,
          actual: score.value,
          project: scope.project,
        }),
      );
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "score-grade",
  description: {
    zh: "评价等级与自评得分所在分数段一致：90 分（含）以上为优，80（含）至 90 分为良，60（含）至 80 分为中，60 分以下为差",
    en: "The grade follows the band of the total score: 90 and above 优, 80 to 90 良, 60 to 80 中, below 60 差",
  },
  defaultSeverity: "warning",
  scope: "report",
  docs: { url: "README.md#rule-score-grade" },
  messages: {
    gradeOutsideBand: { zh: "{project}{year} 年自评得分 {score}，评价等级为「{grade}」，而该分数段（{band}）应为「{due}」" },
  },
};

export const scoreGrade: Rule = { meta, check };
