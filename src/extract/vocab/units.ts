/** The units of printed numbers (schemas/units.json): unit words, what they measure and their power of ten. */
import { z } from "zod";
import { loadVocabulary, wordAlternation } from "./load.js";

export const FigureUnitKindSchema = z.enum(["money", "percent", "points", "count", "score"]);

export const UnitDefSchema = z.object({
  unit: z.string().min(1),
  kind: FigureUnitKindSchema,
  base: z.enum(["元", "%", "人", "个", "辆", "分", ""]),
  shift: z.number().int(),
  notBefore: z.string().optional(),
});
export type UnitDef = z.infer<typeof UnitDefSchema>;

export const UnitsFileSchema = z.object({
  $comment: z.string().optional(),
  /** Longest first where one unit starts another (万元 before 元 is not needed, 个百分点 before 个 is). */
  units: z.array(UnitDefSchema).min(1),
  multipliers: z.array(z.object({ word: z.string().length(1), shift: z.number().int() })),
});

export const UNITS = loadVocabulary("units.json", UnitsFileSchema);

/** Money units (元, 万元, 亿元, 千元) and their size in 元. */
export const MONEY_UNITS: ReadonlyArray<{ unit: string; shift: number }> = UNITS.units.filter((u) => u.kind === "money");

/** A regex alternation of unit words, longest first (so 万元 wins over 万 and 个百分点 over 个). */
export function unitAlternation(words: readonly string[]): string {
  return wordAlternation(words);
}
