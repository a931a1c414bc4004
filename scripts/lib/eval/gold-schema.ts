/**
 * The gold format of ../shared/corpus/README.md, as a zod schema. It covers both the synthetic corpus and the
 * hand-labelled real excerpts: a metric `key` may be a list (any of these keys is a correct reading), and extra
 * annotation fields (file, checked, notes, ignore, why) are allowed.
 */
import { z } from "zod";

const KEY = z.string().regex(/^[a-z_]+\.[a-z_]+$/, "metric key like income.total");

export const GoldMetricSchema = z.object({
  key: z.union([KEY, z.array(KEY).min(1)]),
  /** null where the document masks its years ("20xx"): a correct extraction states no year either. */
  year: z.number().int().min(1990).max(2100).nullable(),
  /** Base units: 元 (at most 2 decimals), percent points, people, points; text for score.grade. */
  /** A list where the document prints the figure twice at different precision (元 table vs 万元 prose): either is right. */
  value: z.union([z.number(), z.string(), z.array(z.number()).min(1)]),
});
export type GoldMetric = z.infer<typeof GoldMetricSchema>;

export const GoldFindingSchema = z.object({
  about: z.array(KEY).min(1),
  year: z.number().int().nullable(),
  rule: z.enum(["sum-of-parts", "stated-change", "stated-ratio", "unit-slip", "range", "restated-differently", "yoy-outlier"]).optional(),
  /** Off by one unit of the printed last digit: a rule may report it as info. */
  roundingLevel: z.boolean().optional(),
  /** Only visible when two reports are compared (needs the database, not one file). */
  crossReport: z.boolean().optional(),
  /** The named project inside the report the finding is about. */
  project: z.string().optional(),
  note: z.string().optional(),
  why: z.string().optional(),
});
export type GoldFinding = z.infer<typeof GoldFindingSchema>;

export const GoldSchema = z.object({
  file: z.string().optional(),
  department: z.string().min(1).optional(),
  /** Absent where the document masks its years ("20xx"). */
  fiscalYear: z.number().int().min(1990).max(2100).optional(),
  kind: z.enum(["department", "project", "budget", "final-accounts"]),
  filledDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  metrics: z.array(GoldMetricSchema),
  projects: z.array(z.object({ name: z.string().min(1), metrics: z.array(GoldMetricSchema) })).default([]),
  expectedFindings: z.array(GoldFindingSchema).default([]),
  /** Keys the scorer neither requires nor penalises. */
  ignore: z.array(KEY).default([]),
  checked: z.array(z.string()).optional(),
  notes: z.string().optional(),
});
export type Gold = z.infer<typeof GoldSchema>;

export function parseGold(json: string, file: string): Gold {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const r = GoldSchema.safeParse(raw);
  if (!r.success) throw new Error(`${file}: not a gold file: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return r.data;
}
