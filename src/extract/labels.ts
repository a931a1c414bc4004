/**
 * Label lexicon: the catalogue's labels (schemas/metrics.json) plus a few context-only labels, and the matching of
 * label text to metric keys.
 *
 * Matching threshold (documented for the README): a label matches exactly after normalisation (spaces, quotes, colons
 * and parenthesised notes like "(万元)" removed). When it does not, fastest-levenshtein compares it with every
 * catalogue label of at least 6 characters and accepts the closest one when distance / max(length) ≤ 0.2 (one edit per
 * five characters: "一般公共预算财政拔款收入" → income.general_budget) and no other label is as close. Labels shorter
 * than 5 characters (执行率, 编制, 退休) only ever match exactly: one edit there turns one word into another.
 */
import { distance } from "fastest-levenshtein";
import { METRICS, type UnitKind } from "./metric-catalog.js";
import { WordList, WordOccurrences } from "./words.js";
import { normaliseLabel } from "./label-text.js";

export interface LabelEntry {
  label: string;
  key: string;
  unitKind: UnitKind;
  /** Matches only where the report is about a project (project reports, project items of a department report). */
  projectOnly?: boolean;
  /** A label naming one kind of a quantity (行政编制): dropped when several different ones are stated side by side. */
  partial?: boolean;
  /** Verb labels ("已使用…资金 X 元") may stand further from their figure than noun labels. */
  loose?: boolean;
  /** Matches only where no other word runs into it from before (使用率, not 场地使用率). */
  standalone?: boolean;
}

export const LEXICON: LabelEntry[] = [
  ...METRICS.flatMap((m) =>
    m.labels.map((label) => ({ label: normaliseLabel(label), key: m.key, unitKind: m.unitKind, partial: m.partialLabels?.includes(label) ?? false })),
  ),
  // Project-only labels (a department's 支出 is not a project's 执行数) come after every catalogue label: ties go to those.
  ...METRICS.flatMap((m) =>
    (m.projectLabels ?? []).map((p) => ({ label: normaliseLabel(p.label), key: m.key, unitKind: m.unitKind, projectOnly: true, ...(p.loose ? { loose: true } : {}), ...(p.standalone ? { standalone: true } : {}) })),
  ),
];

/** Longest labels first so 一般公共预算财政拨款收入 wins over 一般公共预算 at the same position. */
const BY_LENGTH = [...LEXICON].sort((a, b) => b.label.length - a.label.length);
/** Characters findLabels removes (quotes) or folds (full-width parentheses) before matching. */
const RE_LOOSE_CHARS = /["“”‘’（）]/;
/** Lexicon entries a report may use, and the first entry per exact label (LEXICON order decides ties). */
const USABLE = { project: LEXICON, other: LEXICON.filter((e) => !e.projectOnly) };
const EXACT = {
  project: firstByLabel(USABLE.project),
  other: firstByLabel(USABLE.other),
};
/** BY_LENGTH as word lists per report kind: a position is only compared with labels that can start there. */
const LABEL_WORDS = {
  project: labelWords(BY_LENGTH),
  other: labelWords(BY_LENGTH.filter((e) => !e.projectOnly)),
};

function labelWords(entries: LabelEntry[]): { entries: LabelEntry[]; list: WordList } {
  return { entries, list: new WordList(entries.map((e) => e.label)) };
}

function firstByLabel(entries: LabelEntry[]): Map<string, LabelEntry> {
  const m = new Map<string, LabelEntry>();
  for (const e of entries) if (!m.has(e.label)) m.set(e.label, e);
  return m;
}

export interface LabelHit {
  entry: LabelEntry;
  start: number;
  end: number;
}

/**
 * All label occurrences in a text, leftmost-longest and non-overlapping. Quotes inside labels ("三公"经费) are
 * matched loosely: the text is compared with quotes removed, positions mapped back.
 */
export function findLabels(text: string, opts: { project: boolean }): LabelHit[] {
  const { bare, map } = looseText(text);
  const { entries, list } = opts.project ? LABEL_WORDS.project : LABEL_WORDS.other;
  const hits: LabelHit[] = [];
  for (let i = 0; i < bare.length; ) {
    const w = list.matchAt(bare, i);
    if (w >= 0) {
      const hit = entries[w];
      const last = i + hit.label.length - 1;
      hits.push({ entry: hit, start: map ? map[i] : i, end: (map ? map[last] : last) + 1 });
      i += hit.label.length;
    } else i++;
  }
  return hits;
}

/** The text labels are matched against: quotes removed, full-width parentheses folded, with positions mapped back. */
function looseText(text: string): { bare: string; map: Int32Array | null } {
  // Most texts hold neither quotes nor full-width parentheses: then positions map to themselves.
  if (!RE_LOOSE_CHARS.test(text)) return { bare: text, map: null };
  const bare = text.replace(RE_QUOTES, "").replace(RE_OPEN, "(").replace(RE_CLOSE, ")");
  const map = new Int32Array(bare.length + 1);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x22 && c !== 0x201c && c !== 0x201d && c !== 0x2018 && c !== 0x2019) map[j++] = i;
  }
  map[j] = text.length;
  return { bare, map };
}

const RE_QUOTES = /["“”‘’]/g;
const RE_OPEN = /（/g;
const RE_CLOSE = /）/g;

/**
 * Label occurrences of a text indexed once, to read findLabels' answer for many windows of it (see words.ts):
 * `window(a, b, out)` appends what findLabels(text.slice(a, b)) finds, in text positions, `entries[out.word[j]]`
 * being the label's entry.
 */
export function labelOccurrences(text: string, opts: { project: boolean }): { occurrences: WordOccurrences; entries: LabelEntry[] } {
  const { bare, map } = looseText(text);
  const { entries, list } = opts.project ? LABEL_WORDS.project : LABEL_WORDS.other;
  return { occurrences: new WordOccurrences(list, bare, map), entries };
}

/** Minimum label length for fuzzy matching and the accepted normalised edit distance. */
export const FUZZY_MIN_LENGTH = 6;
export const FUZZY_MAX_RATIO = 0.2;

/**
 * The metric a whole label (a table cell, a "label:" line) names: exact first, then fuzzy under the documented
 * threshold. Returns null when nothing is close enough or two different keys are equally close.
 */
export function matchLabel(raw: string, opts: { project: boolean }): Readonly<{ entry: LabelEntry; exact: boolean }> | null {
  const cache = opts.project ? MATCH_CACHE.project : MATCH_CACHE.other;
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  // Reports repeat the same cell texts (row labels, headers) many times; the lexicon is fixed, so the answer is too.
  // The answer is shared between callers, hence frozen.
  const m = matchLabelUncached(raw, opts.project);
  if (m) Object.freeze(m);
  remember(cache, raw, m);
  return m;
}

/** Longest text remembered by the caches below: label cells are short; long texts rarely repeat. */
const CACHE_KEY_MAX = 64;

/**
 * Put an answer in a module-level cache that outlives the document. The key is stored as its own copy: a cell text is
 * usually a V8 slice of the whole decoded document, and keeping the slice kept the document's full text alive
 * (about 10 MB per worker thread after a thousand files, measured with --heap-prof).
 */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (key.length > CACHE_KEY_MAX) return;
  if (cache.size >= 20_000) cache.clear();
  cache.set(JSON.parse(JSON.stringify(key)) as string, value);
}

const MATCH_CACHE = {
  project: new Map<string, Readonly<{ entry: LabelEntry; exact: boolean }> | null>(),
  other: new Map<string, Readonly<{ entry: LabelEntry; exact: boolean }> | null>(),
};

function matchLabelUncached(raw: string, project: boolean): { entry: LabelEntry; exact: boolean } | null {
  const s = normaliseLabel(raw);
  if (!s) return null;
  const usable = project ? USABLE.project : USABLE.other;
  const exact = (project ? EXACT.project : EXACT.other).get(s);
  if (exact) return { entry: exact, exact: true };
  if (s.length < FUZZY_MIN_LENGTH) return null;
  let best: LabelEntry | null = null;
  let bestRatio = Infinity;
  let tie = false;
  for (const e of usable) {
    if (e.label.length < FUZZY_MIN_LENGTH || Math.abs(e.label.length - s.length) > 2) continue;
    const r = distance(e.label, s) / Math.max(e.label.length, s.length);
    if (r < bestRatio) {
      bestRatio = r;
      best = e;
      tie = false;
    } else if (r === bestRatio && best && best.key !== e.key) tie = true;
  }
  if (best && bestRatio <= FUZZY_MAX_RATIO && !tie) return { entry: best, exact: false };
  return null;
}

/** Column roles of the tables reports use (budget blocks, score tables, income tables). */
export type ColumnRole = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason" | "rowHeader" | "prior" | "unitCol" | "nature";

const ROLE_WORDS: Array<[ColumnRole, RegExp]> = [
  ["level1", /^一级指标$/],
  ["level2", /^二级指标$/],
  ["level3", /^(三级指标|指标名称|绩效指标)$/],
  ["prior", /^上年(完成值|实际完成值|数|实际数|指标值)$/],
  ["target", /^(年度)?(指标值|目标值|预期目标|计划值|年度目标值|绩效目标值|预期指标值)$/],
  ["actual", /^(指标)?(全年)?(实际)?完成(值|情况)$|^(全年)?实际完成(值|情况)?$|^实际值$/],
  ["weight", /^(指标)?(分值|权重|分值权重|标准分值|权重分)$/],
  ["score", /^(指标)?(得分|评分|自评得分|实际得分|自评分|自评分数)$/],
  ["reason", /原因|改进措施|说明$/],
  ["rowHeader", /^(机构名称|资金来源|项目|项目名称|名称|单位名称|科目名称|科目|资金性质|资金类别)$/],
  ["unitCol", /^(度量单位|计量单位|单位)$/],
  ["nature", /^指标性质$/],
];

/** The role of a table header cell, or null when it is not one of the known column kinds. */
export function columnRole(raw: string): ColumnRole | null {
  const cached = ROLE_CACHE.get(raw);
  if (cached !== undefined) return cached;
  const s = normaliseLabel(raw).replace(/[()（）]/g, "");
  let role: ColumnRole | null = null;
  for (const [r, re] of ROLE_WORDS) {
    if (re.test(s)) {
      role = r;
      break;
    }
  }
  // Header texts repeat across tables and reports: remember the answer (bounded, like MATCH_CACHE).
  remember(ROLE_CACHE, raw, role);
  return role;
}

const ROLE_CACHE = new Map<string, ColumnRole | null>();
