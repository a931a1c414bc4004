/**
 * Vocabulary files: the words extraction and the rules match (labels, units, table templates, report kinds) live as
 * JSON in schemas/ at the package root, each validated by its own zod schema when first loaded. Code keeps the logic.
 */
import { createRequire } from "node:module";
import type { z } from "zod";

const require = createRequire(import.meta.url);

/** A word in a regex, its special characters escaped. */
export const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex alternation of vocabulary words, longest first (so 填报日期 is tried before 日期, 万元 before 万). */
export function wordAlternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRe).join("|");
}

/** Parse schemas/NAME with `schema`; a broken file fails loudly at load time, naming the file. */
export function loadVocabulary<T extends z.ZodType>(name: string, schema: T): z.infer<T> {
  // schemas/ sits at the package root, two levels above both src/extract/vocab and dist/extract/vocab.
  const raw: unknown = require(`../../../schemas/${name}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`schemas/${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
