import { z } from "zod";
import { createRequire } from "node:module";

export const UnitKindSchema = z.enum(["money", "percent", "count", "score", "text"]);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const MetricDefSchema = z.object({
  key: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  name: z.string(),
  unitKind: UnitKindSchema,
  labels: z.array(z.string()).min(1),
  /** Labels (among `labels`) naming one kind of the quantity (行政编制): several different ones side by side state no total. */
  partialLabels: z.array(z.string()).optional(),
  /**
   * Labels that name the metric only inside a project's own text; `loose` ones may stand further from their figure,
   * `standalone` ones only where no other word runs into them (使用率, not 场地使用率; 资金使用率 is the label's own).
   */
  projectLabels: z.array(z.object({ label: z.string().min(1), loose: z.boolean().optional(), standalone: z.boolean().optional() })).optional(),
  /** A key jixiao adds beyond the shared gold format (e.g. 单位预留机动经费); gold files written before it do not list it. */
  extension: z.boolean().optional(),
});
export type MetricDef = z.infer<typeof MetricDefSchema>;

export const MetricCatalogSchema = z
  .object({ $comment: z.string().optional(), metrics: z.array(MetricDefSchema) })
  .superRefine((c, ctx) => {
    for (const m of c.metrics) {
      for (const p of m.partialLabels ?? []) {
        if (!m.labels.includes(p)) ctx.addIssue({ code: "custom", message: `${m.key}: partial label ${p} is not one of its labels` });
      }
    }
    const keys = c.metrics.map((m) => m.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", message: "duplicate metric key" });
  });

const require = createRequire(import.meta.url);
// schemas/ sits at the package root, one level above both src/ and dist/.
const raw = require("../../schemas/metrics.json");

export const METRICS: MetricDef[] = MetricCatalogSchema.parse(raw).metrics;
export const METRIC_BY_KEY: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.key, m]));

export function metricDef(key: string): MetricDef {
  const d = METRIC_BY_KEY.get(key);
  if (!d) throw new Error(`unknown metric key: ${key}`);
  return d;
}

/** Keys outside the shared gold format: a scorer must not count them as false positives against gold that predates them. */
export const EXTENSION_KEYS: ReadonlySet<string> = new Set(METRICS.filter((m) => m.extension).map((m) => m.key));
