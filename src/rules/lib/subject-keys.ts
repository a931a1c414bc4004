/**
 * The metric a prose claim is about, so that its finding is filed under that metric (收入合计 → income.total, 基本支出 →
 * expenditure.basic): the catalogue label its subject names (schemas/metrics.json), else the subject words of
 * schemas/claim-subjects.json. A subject that names no canonical metric (a 科目 line, a project's own item) stays a
 * `document.claim`.
 */
import { z } from "zod";
import { findLabels } from "../../extract/labels.js";
import { loadVocabulary } from "../../extract/vocab/load.js";
import type { Report } from "../../extract/schema.js";
import { memberSplits } from "./parts-list.js";

const KEY = z.string().regex(/^[a-z_]+\.[a-z_]+$/);
const SubjectsSchema = z.object({
  $comment: z.string().optional(),
  notMetric: z.array(z.string().min(2)),
  subjects: z.array(z.object({ words: z.array(z.string().min(2)).min(1), keys: z.array(KEY).min(1), kinds: z.array(z.enum(["department", "project", "budget", "final-accounts"])).min(1) })),
});
const { subjects: SUBJECTS, notMetric: NOT_METRIC } = loadVocabulary("claim-subjects.json", SubjectsSchema);

export interface SubjectOptions {
  /** Read the subject with the project-only labels too (a project's 执行, 到账). */
  project?: boolean;
  /** Only a subject that is a catalogue label as a whole (a 科目 name that happens to hold one is not that metric). */
  exact?: boolean;
  /**
   * The sentence the subject is told in. A subject that is a member of a known complete split of a whole
   * (schemas/parts-splits.json: 工资福利支出 of 基本支出) names no metric of its own; when its sentence gives its share of
   * that whole (占基本支出预算 79.89%), the claim is about the whole's make-up and is filed under the whole's metric.
   */
  sentence?: string;
}

// A share of a whole: 占基本支出预算79.89%, 占基本支出的6.45%.
const SHARE_OF = /占([^，,。；;%\d]{2,16})/g;
// List numbering before a subject (1.、（二）): not part of its words.
const NUMBERING = /^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)+/;

/** The whole's metric when the subject is a member of a split whose whole the sentence gives its share of. */
function wholeOfShare(subject: string, sentence: string): string[] {
  const part = subject.replace(NUMBERING, "");
  for (const m of sentence.matchAll(SHARE_OF)) {
    const keys = memberSplits(m[1], [part]).map((x) => x.split.key).filter((k): k is string => !!k);
    if (keys.length) return [...new Set(keys)];
  }
  return [];
}

/** The canonical metric keys the subject names: the last catalogue label in it, else its claim-subject words. */
export function subjectKeys(subject: string, kind: Report["kind"] | null, opts: SubjectOptions = {}): string[] {
  const text = subject.trim().replace(/[\s:：]+$/, "");
  if (NOT_METRIC.some((w) => text.includes(w))) return [];
  const hits = findLabels(text, { project: opts.project ?? kind === "project" });
  const last = hits[hits.length - 1];
  if (last && (!opts.exact || (last.start === 0 && last.end >= text.length))) return [last.entry.key];
  if (opts.exact) return [];
  const bare = text.replace(/(?:为|是|达|共计|合计|总计)+$/, "");
  for (const s of SUBJECTS) if (kind && s.kinds.includes(kind) && s.words.some((w) => bare.endsWith(w))) return s.keys;
  return opts.sentence ? wholeOfShare(bare, opts.sentence) : [];
}

/** The finding's refs: the subject's metric keys for the year, or `document.claim` when it names none. */
export function subjectRefs(subject: string, year: number, kind: Report["kind"] | null, opts: SubjectOptions = {}): Array<{ key: string; year: number }> {
  const keys = subjectKeys(subject, kind, opts);
  return (keys.length ? keys : ["document.claim"]).map((key) => ({ key, year }));
}
