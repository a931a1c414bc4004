/** The grammar of organisation names (schemas/org-names.json): suffixes, forbidden words, prefixes and field labels. */
import { z } from "zod";
import { loadVocabulary } from "./load.js";

const words = z.array(z.string().min(1));

export const OrgNamesFileSchema = z.object({
  $comment: z.string().optional(),
  suffixes: words.min(1),
  /** For a suffix, the characters that, following it in the text, make it the start of another word (部 + 门). */
  notEndBefore: z.record(z.string().min(1), z.string().min(1)),
  forbidden: words,
  allowed: words,
  badStarts: words,
  goodStarts: words,
  chromePrefixes: words,
  trailers: words,
  placeLevels: words.min(1),
  /** County-level places: a body of one goes by its county alone (阿坝县公安局, not 四川省阿坝州阿坝县公安局). */
  countyLevels: words,
  townshipBodies: words,
  partyPrefixes: words,
  /** A body's full opening words and the short form reports also print (中国人民政治协商会议 / 政协). */
  prefixAliases: z.array(z.tuple([z.string().min(2), z.string().min(1)])),
  /** Institutions that carry a proper name (运城铁路中学, 复兴小学): read without a place when a title names them. */
  properNameSuffixes: words,
  /** What may stand before such a suffix without naming one institution (中等职业学校). */
  genericInstitutionStems: words,
  unitFields: words.min(1),
  colonFields: words,
  parentFields: words,
  sourceLabels: words,
  fieldStops: words,
});
export type OrgNamesFile = z.infer<typeof OrgNamesFileSchema>;

export const ORG_NAMES: OrgNamesFile = loadVocabulary("org-names.json", OrgNamesFileSchema);
