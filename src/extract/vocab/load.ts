/**
 * Vocabulary files: the words extraction and the rules match (labels, units, table templates, report kinds) live as
 * JSON in schemas/ at the package root, each validated by its own zod schema when first loaded. Code keeps the logic.
 */
import { createRequire } from "node:module";
import type { z } from "zod";

const require = createRequire(import.meta.url);

/** Parse schemas/NAME with `schema`; a broken file fails loudly at load time, naming the file. */
export function loadVocabulary<T extends z.ZodType>(name: string, schema: T): z.infer<T> {
  // schemas/ sits at the package root, two levels above both src/extract/vocab and dist/extract/vocab.
  const raw: unknown = require(`../../../schemas/${name}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`schemas/${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
