import { distance } from "fastest-levenshtein";
import { METRICS, METRIC_BY_KEY, type MetricDef } from "../extract/metric-catalog.js";
import { QueryError } from "./errors.js";
import { z } from "zod";
import { loadVocabulary } from "../extract/vocab/load.js";

const QueryNamesSchema = z.object({ $comment: z.string().optional(), names: z.record(z.string().min(1), z.string().min(1)) });
/** Short names people type (三公, 得分): schemas/query-names.json; each must name a catalogue key. */
const QUERY_NAMES = loadVocabulary("query-names.json", QueryNamesSchema).names;
for (const [name, key] of Object.entries(QUERY_NAMES)) if (!METRIC_BY_KEY.has(key)) throw new Error(`schemas/query-names.json: ${name} → unknown key ${key}`);

/**
 * A metric the user named: the canonical key (expenditure.total), its Chinese name or one of its labels (总支出), or a
 * short name of schemas/query-names.json (三公, 得分).
 * An unknown key is a usage error listing the closest keys.
 */
export function resolveMetric(input: string): MetricDef {
  const q = input.normalize("NFKC").trim();
  const byKey = METRIC_BY_KEY.get(q) ?? METRIC_BY_KEY.get(q.toLowerCase());
  if (byKey) return byKey;
  const byName = METRICS.find((m) => m.name === q) ?? METRICS.find((m) => m.labels.includes(q));
  if (byName) return byName;
  const short = QUERY_NAMES[q.replace(/[“”"]/g, "")];
  if (short) return METRIC_BY_KEY.get(short)!;
  const ranked = METRICS.map((m) => {
    const d = Math.min(
      distance(q.toLowerCase(), m.key),
      distance(q, m.name),
      ...m.labels.map((l) => distance(q, l)),
      // Part of a key ("total", "expenditure") or of a name counts as close.
      m.key.includes(q.toLowerCase()) || m.name.includes(q) ? 0 : Infinity,
    );
    return { m, d };
  }).sort((a, b) => a.d - b.d || a.m.key.localeCompare(b.m.key));
  const close = ranked.slice(0, 6).map(({ m }) => `${m.key}  ${m.name}`);
  throw new QueryError(`未知指标“${input}” (unknown metric key); 相近的指标:`, close);
}
