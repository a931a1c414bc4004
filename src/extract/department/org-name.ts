/**
 * The grammar of a Chinese organisation name ([place][body][suffix], e.g. 莆田市 + 秀屿区 + 水利 + 局), applied to text
 * that may carry a year, a section label, page chrome or a table header around the name. The words live in
 * schemas/org-names.json; this file holds only the logic, so a new suffix or chrome word is a data change.
 */
import { ORG_NAMES } from "../vocab/org-names.js";
import { wordAlternation as alt } from "../vocab/load.js";

const G = ORG_NAMES;

const SUFFIXES = [...G.suffixes].sort((a, b) => b.length - a.length);
const RE_FORBIDDEN = new RegExp(alt(G.forbidden), "g");
const RE_FORBIDDEN_ANY = new RegExp(alt(G.forbidden));
const RE_ALLOWED = new RegExp(alt(G.allowed), "g");
const RE_LEVEL = alt(G.placeLevels);
/** A run made only of place names (上海市普陀区, 莆田市), optionally after a party prefix (中共). */
const RE_PLACE_CHAIN = new RegExp(`^(?:${alt(G.partyPrefixes)})?(?:[\\u4e00-\\u9fa5]{1,8}?(?:${RE_LEVEL}))+$`);
/** A province- or city-level place opening a run: a second body starts there (四川省财政厅 + 四川省林业和草原局). */
const RE_UPPER_PLACE = /^[\u4e00-\u9fa5]{1,7}?(?:省|自治区|市|自治州|州|盟|地区)/;
const RE_PLACE_START = new RegExp(`^(?:${alt(G.partyPrefixes)})?[\\u4e00-\\u9fa5]{1,8}?(?:${RE_LEVEL})`);
const RE_LEADING_JUNK = new RegExp(
  [
    "^(?:19|20)\\d{2}\\s*(?:年度|年)?",
    // A budget system's unit code in brackets before the name ([155]X县民政局, 【101001】X局).
    "^[\\[【]\\s*\\d{2,12}\\s*[\\]】]",
    "^[(（〔【[]\\s*(?:19|20)\\d{2}\\s*(?:年度|年)?\\s*[)）〕】\\]]",
    "^[一二三四五六七八九十]+[、.．]",
    "^[(（][一二三四五六七八九十\\d]+[)）]",
    "^\\d+\\s*[、.．)）]",
    "^第[一二三四五六七八九十\\d]+(?:部分|章|节)",
    "^附件\\s*\\d*[:：]?",
    "^关于",
    "^[:：,，、;；.。\\-—|·•*#]+",
  ].join("|"),
);
const RE_TRAILERS = new RegExp(`(?:${alt(G.trailers)})+$`);

/** The text a name is read from: full-width forms folded, spaces and quotes removed. */
export function compact(s: string): string {
  return s.normalize("NFKC").replace(/[\s"'“”‘’《》「」]/g, "");
}

/** The suffix a name ends with, unless the character after it in the text makes the suffix part of another word. */
export function orgSuffix(name: string, next = ""): string | null {
  for (const suf of SUFFIXES) {
    if (!name.endsWith(suf)) continue;
    const stops = G.notEndBefore[suf] ?? G.notEndBefore[suf.slice(-1)] ?? "";
    if (next && stops.includes(next)) return null;
    return suf;
  }
  return null;
}

function startsBadly(name: string): boolean {
  if (G.goodStarts.some((w) => name.startsWith(w))) return false;
  return G.badStarts.some((w) => name.startsWith(w));
}

function hasForbidden(name: string): boolean {
  // Its own sticky-free regex: test() on the global one left its lastIndex past the match, and matchAll() copies
  // lastIndex, so leadingName and trailingName then skipped every forbidden word before it.
  return RE_FORBIDDEN_ANY.test(name.replace(RE_ALLOWED, (w) => "　".repeat(w.length)));
}

export function isPlaceChain(s: string): boolean {
  return s.length >= 2 && RE_PLACE_CHAIN.test(s);
}

/** Where a run holds two bodies side by side (joint issuers, a parent before its unit): the split points. */
export function bodyBoundaries(run: string): number[] {
  const out: number[] = [];
  for (let i = 3; i <= run.length - 3; i++) {
    const head = run.slice(0, i);
    const rest = run.slice(i);
    if (!orgSuffix(head, rest[0]) || G.partyPrefixes.includes(head)) continue;
    // Two placed bodies side by side; a national body before a local one (国家税务总局青石市税务局) is one name.
    if (RE_UPPER_PLACE.test(rest) && !orgSuffix(RE_UPPER_PLACE.exec(rest)![0]) && RE_PLACE_START.test(head)) out.push(i);
    else if (rest.startsWith(run.slice(0, 2)) && !/^[\u4e00-\u9fa5]{0,2}(?:局|委|办|厅|院|所|站)/.test(rest)) out.push(i);
  }
  return out;
}

/** Why a string is not an organisation name, or null when it is one. */
export function rejectReason(name: string): string | null {
  if (name.length < 3 || name.length > 40) return "length";
  if (/\d|[０-９]/.test(name)) return "digits";
  if (!/^[\u4e00-\u9fa5()（）]+$/.test(name)) return "characters";
  if (/^[()（）]|[(（][^)）]*$/.test(name)) return "characters";
  const suf = orgSuffix(name);
  if (!suf || suf.length === name.length) return "suffix";
  if (isPlaceChain(name.slice(0, name.length - suf.length)) && suf.length === 1 && /[会团队社部处办]/.test(suf)) return "suffix";
  if (hasForbidden(name)) return "forbidden";
  if (startsBadly(name)) return "start";
  if (bodyBoundaries(name).length) return "joint";
  return null;
}

export function isOrgName(name: string): boolean {
  return rejectReason(name) === null;
}

/** A township or subdistrict named by its place alone (涪陵区新妙镇, 许镇镇, 城关街道): the unit of a town's disclosure. */
const RE_TOWNSHIP = new RegExp(`^(?:[\u4e00-\u9fa5]{1,8}?(?:${RE_LEVEL}))*?[\u4e00-\u9fa5]{1,5}?(?:乡|镇|街道)$`);

/**
 * `run` as a township's name, or null: a place chain ending in 乡/镇/街道, without forbidden words or a bad start
 * (全镇, 我镇, 各乡镇). Only sources that name the issuer may offer one (candidates.ts): a town mentioned in passing is
 * not the unit.
 */
export function townshipName(run: string): string | null {
  const s = stripAround(run);
  if (s.length < 3 || s.length > 16 || !RE_TOWNSHIP.test(s) || /乡镇$/.test(s)) return null;
  if (hasForbidden(s) || startsBadly(s)) return null;
  return s;
}

/** Years, section labels, 关于, trailing 本级/盖章 and known page chrome removed from around a name. */
export function stripAround(raw: string): string {
  let s = compact(raw).replace(RE_TRAILERS, "");
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    s = s.replace(RE_LEADING_JUNK, "");
    for (const c of G.chromePrefixes) if (s.startsWith(c) && isOrgName(leadingRaw(s.slice(c.length)) ?? "")) s = s.slice(c.length);
    if (s === before) break;
  }
  return s.replace(RE_TRAILERS, "");
}

/** The longest prefix of `run` that is a name, respecting the word that follows it. */
function leadingRaw(run: string): string | null {
  for (let n = Math.min(run.length, 40); n >= 3; n--) {
    const s = run.slice(0, n);
    if (orgSuffix(s, run[n]) && isOrgName(s)) return s;
  }
  return null;
}

/**
 * One body under two names (一套机构两块牌子): "中共X省委党校(X行政学院)", "X市文化和旅游局(广播电视局)". The bracketed
 * second name, itself ending as a body's name does, belongs to the name; a bracketed note (盖章, 本级) does not.
 */
const RE_ALIAS = /^[(（]([\u4e00-\u9fa5]{2,20})[)）]/;

function withAlias(name: string, run: string): string {
  const m = RE_ALIAS.exec(run.slice(name.length));
  return m && orgSuffix(m[1]) && !hasForbidden(m[1]) ? `${name}(${m[1]})` : name;
}

/** A name at the start of a run (a title, a field's value): "XX局2023年度…" → XX局; null when none is there. */
export function leadingName(run: string): string | null {
  const s = stripAround(run);
  const direct = leadingRaw(s);
  if (direct) return withAlias(direct, s);
  // Chrome the list does not know, glued in front ("政府网站XX局"): try again after each forbidden word before a suffix.
  for (const m of s.matchAll(RE_FORBIDDEN)) {
    if (m.index > 8) break;
    const rest = stripAround(s.slice(m.index + m[0].length));
    const name = leadingRaw(rest);
    if (name) return name;
  }
  return null;
}

/** A name at the end of a run ("…对南县财政局" → 南县财政局), the longest that is one. */
export function trailingName(run: string): string | null {
  const s = compact(run).replace(RE_TRAILERS, "");
  // A name holds no forbidden word, digit or punctuation: it starts after the last of them.
  let from = 0;
  for (const m of s.replace(RE_ALLOWED, (w) => "　".repeat(w.length)).matchAll(RE_FORBIDDEN)) from = Math.max(from, m.index + m[0].length);
  for (const m of s.matchAll(/[\d,.;:、。，；：|]/g)) from = Math.max(from, m.index + 1);
  for (let k = from; k <= s.length - 3; k++) {
    const tail = s.slice(k);
    if (!orgSuffix(tail)) return null;
    // The tail must not open inside the body before it ("…财|政局莆田市…", "…财政|局莆田市…").
    if ([1, 2, 3].some((j) => k + j >= 3 && k + j < s.length && orgSuffix(s.slice(0, k + j), s[k + j]))) continue;
    const name = stripAround(tail);
    if (isOrgName(name)) return name;
  }
  return null;
}

/** Every name a run holds, body by body (落款 "莆田市秀屿区财政局莆田市秀屿区水利局"). */
export function namesInRun(run: string): string[] {
  const s = stripAround(run);
  const cuts = [0, ...bodyBoundaries(s), s.length];
  const out: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part = s.slice(cuts[i], cuts[i + 1]);
    if (isOrgName(part)) out.push(part);
  }
  return out;
}

/**
 * When one name ends with another (上海市普陀区财政局 / 财政局), the longer is the fuller form of the same body if what it
 * adds is a place or a parent body; otherwise what it adds is junk in front (城乡规划XX局) and the shorter is the name.
 */
export function fullerForm(a: string, b: string): string | null {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long === short) return long;
  if (isAutonomousForm(long, short)) return long;
  // 中国人民政治协商会议陕西省蓝田县委员会 / 政协蓝田县委员会: the full opening words and their short form, the rest agreeing.
  for (const [full, brief] of G.prefixAliases) {
    if (long.startsWith(full) && short.startsWith(brief) && !short.startsWith(full)) return fullerForm(long.slice(full.length), short.slice(brief.length)) === long.slice(full.length) ? long : null;
  }
  // The party or league alone (中国共产主义青年团, a file name cut short) and one of its committees named in full
  // (中国共产主义青年团邵阳市北塔区委员会): the report's body is the committee.
  if (G.partyPrefixes.includes(short) && long.startsWith(short) && isPlaced(long.slice(short.length))) return long;
  if (!long.endsWith(short)) return null;
  const extra = long.slice(0, long.length - short.length);
  // A single character is a place cut short by the page (零|陵区林业局) more often than a word of chrome.
  // A party prefix (中共临湘市委宣传部) is part of the name, as a place is.
  return extra.length === 1 || isPlaceChain(extra) || isOrgName(extra) || G.partyPrefixes.includes(extra) ? long : short;
}

/**
 * Whether `short` names the body of `long` by its autonomous place's common short form: 寻甸县林业和草原局 for
 * 寻甸回族彝族自治县林业和草原局 (the place's own name, then the peoples' names and 自治县/州/旗, shortened to 县/州/旗).
 */
export function isAutonomousForm(long: string, short: string): boolean {
  const m = /^([\u4e00-\u9fa5]{2,12}?)(县|州|旗)(.+)$/.exec(short);
  if (!m || !long.endsWith(m[3]) || !/自治(?:县|州|旗)/.test(long)) return false;
  const place = long.slice(0, long.length - m[3].length);
  return new RegExp(`${m[1]}(?:[\\u4e00-\\u9fa5]{1,3}?族)+自治${m[2]}$`).test(place) && place.length > m[1].length + 1;
}

const RE_PLACED = new RegExp(`^(?:${alt(G.partyPrefixes)}|国家|中国|中华)|^[\u4e00-\u9fa5]{1,8}?(?:${RE_LEVEL})`);

/** A name that says where it is (莆田市秀屿区水利局, 中共…): without a place, 林业局 could be anyone's. */
export function isPlaced(name: string): boolean {
  return RE_PLACED.test(name);
}

/** A school or hospital named as such (运城铁路中学): its own name, not a generic office of some place. */
export function isProperInstitution(name: string): boolean {
  const suffix = G.properNameSuffixes.find((s) => name.endsWith(s));
  if (!suffix) return false;
  const stem = name.slice(0, name.length - suffix.length);
  return stem.length >= 2 && !G.genericInstitutionStems.includes(stem) && !/^第[一二三四五六七八九十百\d]+$/.test(stem);
}

const RE_COUNTY_START = new RegExp(`^[\u4e00-\u9fa5]{1,8}?(?:${alt(G.countyLevels)})`);

/**
 * Whether `short` is `long` without the places above a county: 阿坝县公安局 of 四川省阿坝州阿坝县公安局. A county's body
 * goes by its county alone; a district's keeps its city (秀屿区水利局 is not enough for 莆田市秀屿区水利局).
 */
export function isCountyForm(long: string, short: string): boolean {
  if (long.length <= short.length || !long.endsWith(short)) return false;
  return RE_COUNTY_START.test(short) && isPlaceChain(long.slice(0, long.length - short.length)) && isOrgName(short);
}

