/** The 自评表 vocabulary (schemas/score-table.json): grade bands, target comparators, words that give no reason. */
import { z } from "zod";
import { loadVocabulary } from "../../extract/vocab/load.js";

export const ScoreTableVocabSchema = z.object({
  $comment: z.string().optional(),
  /** Highest band first; a score belongs to the first band whose `min` it reaches. */
  grades: z.array(z.object({ grade: z.string().min(1), min: z.number().min(0).max(100), words: z.array(z.string().min(1)).min(1) })).min(2),
  atLeast: z.array(z.string().min(1)),
  atMost: z.array(z.string().min(1)),
  lowerIsBetter: z.array(z.string().min(1)),
  noReason: z.array(z.string().min(1)),
});

export const SCORE_VOCAB = loadVocabulary("score-table.json", ScoreTableVocabSchema);
