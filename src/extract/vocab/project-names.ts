/** The grammar of project names inside a report (schemas/project-names.json): endings, source words, list introducers. */
import { z } from "zod";
import { loadVocabulary, wordAlternation as alt } from "./load.js";

const words = z.array(z.string().min(1));

export const ProjectNamesFileSchema = z.object({
  $comment: z.string().optional(),
  endings: words.min(1),
  sourceWords: words,
  minPurpose: z.number().int().min(1),
  classEndings: words,
  levels: words,
  shareVerbs: words,
  headingWords: words,
  listIntroducers: words.min(1),
  leadWords: words,
  amountHeaders: words,
  classNames: words,
  openingVerbs: words,
  weakIntroducers: words,
  placeEndings: words,
  verbs: words,
});
export type ProjectNamesFile = z.infer<typeof ProjectNamesFileSchema>;

export const PROJECT_NAMES: ProjectNamesFile = loadVocabulary("project-names.json", ProjectNamesFileSchema);


const CLASS_NAMES = new Set(PROJECT_NAMES.classNames);
/** A name that ends as a project's does. */
export const RE_PROJECT_ENDING = new RegExp(`(?:${alt(PROJECT_NAMES.endings)})$`);
const RE_CLASS_ENDING = new RegExp(`(?:${alt(PROJECT_NAMES.classEndings)})$`);
const RE_SOURCE_WORD = new RegExp(`^(?:${alt(PROJECT_NAMES.sourceWords)})`);
const RE_SHARE = new RegExp(`^(?:${alt(PROJECT_NAMES.levels)})(?:财政)?(?:${alt(PROJECT_NAMES.shareVerbs)})`);
const RE_HEADING_WORD = new RegExp(alt(PROJECT_NAMES.headingWords));
/** The words that open a list of projects, as an alternation for a regular expression. */
export const LIST_INTRODUCERS = alt(PROJECT_NAMES.listIntroducers);
/** The words that open a list of projects only where the sentence speaks of projects. */
export const WEAK_INTRODUCERS = alt(PROJECT_NAMES.weakIntroducers);
const RE_PLACE = new RegExp(`(?:${alt(PROJECT_NAMES.placeEndings)})$`);

/** Whether a name is a place's (an allocation to 甲县), not a project's. */
export function isPlace(name: string): boolean {
  return RE_PLACE.test(name);
}

/** The purpose a name states once its year, source words and project endings are taken off (中央专项资金 → ""). */
export function namePurpose(name: string): string {
  let t = name.replace(/^(?:19|20)\d{2}\s*年度?/, "").replace(/[（(][^）)]*[）)]/g, "");
  for (let i = 0; i < 8; i++) {
    const before = t;
    t = t.replace(RE_PROJECT_ENDING, "").replace(RE_SOURCE_WORD, "");
    if (t === before) break;
  }
  return t;
}

/** Whether a name ends as a project's and states a purpose: not a money source, a kind of money or a class. */
export function isProjectName(name: string): boolean {
  if (!RE_PROJECT_ENDING.test(name) || RE_CLASS_ENDING.test(name) || RE_SHARE.test(name) || CLASS_NAMES.has(name.replace(/[“”"]/g, ""))) return false;
  return namePurpose(name).length >= PROJECT_NAMES.minPurpose;
}

const RE_LEAD = new RegExp(`^(?:${alt(PROJECT_NAMES.leadWords)})+`);
const RE_VERB = new RegExp(`${alt(PROJECT_NAMES.verbs)}|^(?:${alt(PROJECT_NAMES.openingVerbs)})`);

/** A name with the words that open a list's first pair taken off (其中A项目 → A项目, 下达B工程 → B工程). */
export function withoutLead(name: string): string {
  return name.replace(RE_LEAD, "");
}

/** Whether a name holds a verb or preposition: a piece of a sentence (向甲县拨付乙资金), not a name. */
export function hasVerb(name: string): boolean {
  return RE_VERB.test(name);
}

/** Whether a heading's words title a section of the report (项目资金使用情况), not a project. */
export function isSectionTitle(name: string): boolean {
  return RE_HEADING_WORD.test(name);
}

const AMOUNT_HEADERS = new Set(PROJECT_NAMES.amountHeaders);

/** Whether a column header of a table of projects gives each one's money (金额, 下达资金（万元）). */
export function isAmountHeader(text: string): boolean {
  return AMOUNT_HEADERS.has(text.replace(/\s/g, "").replace(/[（(][^）)]*[）)]$/, ""));
}
