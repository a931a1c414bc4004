/** The document-checks vocabulary (schemas/document-checks.json): placeholders, template residue, year words. */
import { z } from "zod";
import { loadVocabulary } from "../../extract/vocab/load.js";

const RequiredTableSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(2),
  patterns: z.array(z.string().min(2)).min(1),
  noneStated: z.array(z.string().min(2)),
  optional: z.boolean(),
});

const RequiredPartsSchema = z.object({
  tocMarker: z.string().min(2),
  titleStrip: z.array(z.string().min(1)),
  genericTitles: z.string().min(2),
  disclosureTables: z.array(RequiredTableSchema).min(1),
  selfEvalTable: z.object({ announce: z.array(z.string().min(2)).min(1), scoreHeaders: z.array(z.string().min(1)).min(1), weightHeaders: z.array(z.string().min(1)).min(1) }),
});

export const DocumentChecksVocabSchema = z.object({
  $comment: z.string().optional(),
  placeholders: z.array(z.string().length(1)).min(1),
  residue: z.array(z.string().min(2)),
  reasonLeads: z.array(z.string().min(2)),
  emptyTableNotes: z.array(z.string().min(3)),
  statusWords: z.array(z.string().min(1)),
  kindWords: z.object({ budget: z.array(z.string().min(1)), "final-accounts": z.array(z.string().min(1)) }),
  comparison: z.object({
    compare: z.array(z.string().min(1)),
    notCompare: z.array(z.string().min(2)),
    up: z.array(z.string().min(1)),
    down: z.array(z.string().min(1)),
    level: z.array(z.string().min(2)),
    greater: z.array(z.string().min(2)),
    less: z.array(z.string().min(2)),
    equal: z.array(z.string().min(2)),
    names: z.array(z.string().min(2)),
  }),
  requiredParts: RequiredPartsSchema,
  typography: z.object({ fullWidthMarks: z.array(z.string().length(1)).min(1), otherMarks: z.array(z.string().length(1)), blankPageLine: z.string().min(2) }),
});

export const DOC_VOCAB = loadVocabulary("document-checks.json", DocumentChecksVocabSchema);

export { escapeRe, wordAlternation as alternation } from "../../extract/vocab/load.js";
