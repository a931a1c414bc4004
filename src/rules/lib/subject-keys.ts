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
  return [];
}

/** The finding's refs: the subject's metric keys for the year, or `document.claim` when it names none. */
export function subjectRefs(subject: string, year: number, kind: Report["kind"] | null, opts: SubjectOptions = {}): Array<{ key: string; year: number }> {
  const keys = subjectKeys(subject, kind, opts);
  return (keys.length ? keys : ["document.claim"]).map((key) => ({ key, year }));
}
