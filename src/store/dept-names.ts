import { distance } from "fastest-levenshtein";
import { foldWidth } from "../document/normalize.js";

/**
 * Department-name similarity: the same office is written 仁化县社会保险基金管理中心, 社会保险基金管理中心 and 县社保中心 in
 * different years. Rules first (region prefix, suffix variants, abbreviations), Levenshtein ratio on what is left.
 * Different regions never match: 仁化县财政局 and 乐昌市财政局 are two departments however similar the strings.
 */

/** Matches at or above this score join an existing department; below it a new department is created. */
export const MATCH_THRESHOLD = 0.8;

const ADMIN = "(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)";
const REGION_SEGMENT = new RegExp(`^([\\u4e00-\\u9fff]{1,7}?${ADMIN})`);
const LAST_REGION_SEGMENT = new RegExp(`([\\u4e00-\\u9fff]{1,7}?${ADMIN})$`);
/** Words ending in an admin character that are not place names. */
const NOT_REGION = /^(城市|都市|超市|社区|园区|景区|校区|片区|辖区|市区|街区|矿区|林区|牧区|灾区|小区|湾区|新区管委)/;

export interface SplitName {
  /** Party or front organisation the office belongs to, in short form (中共, 政协, 共青团), or null. */
  org: string | null;
  /** Place prefix as written ("仁化县", "江苏省南京市"), or null. */
  region: string | null;
  /** The rest: the office itself (without org and region). */
  core: string;
}

/** Long and short forms of the organisations that prefix office names; the short form is what is compared. */
const ORGS: Array<[RegExp, string]> = [
  [/^(中国共产党|中共)/, "中共"],
  [/^(中国人民政治协商会议|政协)/, "政协"],
  [/^(中国共产主义青年团|中国共青团|共青团)/, "共青团"],
];

function takeOrg(s: string): [string | null, string] {
  for (const [re, short] of ORGS) {
    const m = re.exec(s);
    if (m) return [short, s.slice(m[0].length)];
  }
  return [null, s];
}

/** Width-folded, spaces and decorative punctuation removed, brackets unified. */
export function normalizeDeptName(name: string): string {
  return foldWidth(name)
    .replace(/[\s\u00a0·•]/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[“”"'‘’]/g, "")
    .replace(/^(部门名称|单位名称|预算单位|部门|单位)[:：]/, "");
}

/** Organisation, place (up to three levels: 省 市 县) and office. */
export function splitRegion(name: string): SplitName {
  let rest = normalizeDeptName(name);
  let org: string | null;
  [org, rest] = takeOrg(rest);
  let region = "";
  for (let i = 0; i < 3; i++) {
    if (NOT_REGION.test(rest)) break;
    const m = REGION_SEGMENT.exec(rest);
    // The office must keep at least two characters: "县委" or "市局" alone is not an office name.
    if (!m || rest.length - m[1].length < 2) break;
    region += m[1];
    rest = rest.slice(m[1].length);
  }
  // "江苏省政协办公厅": the organisation may also follow the place.
  if (!org) [org, rest] = takeOrg(rest);
  return { org, region: region || null, core: rest };
}

/**
 * What is compared once the place is set aside: organisation + office with wording variants folded. An office of a
 * party committee is written with or without 中共 (江苏省委办公厅 = 中共江苏省委办公厅 = 中国共产党江苏省委员会办公厅);
 * 政协江苏省委员会办公厅 is 江苏省政协办公厅.
 */
export function comparableCore(s: SplitName): string {
  let core = foldCore(s.core.replace(/^委员会/, "委"));
  let org = s.org;
  if (!org && core.startsWith("委")) org = "中共";
  if (org === "政协" || org === "共青团") core = core.replace(/^委/, "");
  return (org ?? "") + core;
}

/** Suffix and wording variants folded so 管理中心/中心, 管理局/局, 办公室/办 compare equal. */
export function foldCore(core: string): string {
  return core
    .replace(/(管理|服务)中心$/, "中心")
    .replace(/(管理|监督管理)局$/, "局")
    .replace(/办公室$/, "办")
    .replace(/人民政府/, "政府")
    .replace(/委员会$/, "委")
    .replace(/^(本级|机关本级)/, "")
    .replace(/\(本级\)|本级$|机关$/, "");
}

function regionsCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return a === b || a.endsWith(b) || b.endsWith(a);
}

/** Whether every character of `short` appears in `long` in order (县社保中心 in 县社会保险基金管理中心). */
export function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

export interface Similarity {
  score: number;
  rule: "exact" | "region" | "suffix" | "truncated" | "abbreviation" | "levenshtein" | "region-conflict" | "none";
}

/**
 * Score in [0,1]. `regionA/B` default to the region in the name; pass the report's region for a name without one.
 */
export function deptSimilarity(a: string, b: string, regionA?: string | null, regionB?: string | null): Similarity {
  const na = normalizeDeptName(a);
  const nb = normalizeDeptName(b);
  if (na === nb) return { score: 1, rule: "exact" };
  const sa = splitRegion(na);
  const sb = splitRegion(nb);
  const ra = sa.region ?? lastRegion(regionA);
  const rb = sb.region ?? lastRegion(regionB);
  if (!regionsCompatible(ra, rb)) return { score: 0, rule: "region-conflict" };
  // A name without any region matches one with a region slightly less surely than two names that agree.
  const regionPenalty = (ra === null) !== (rb === null) ? 0.03 : 0;
  if (sa.core === sb.core && sa.org === sb.org) return { score: 0.97 - regionPenalty, rule: "region" };
  // A name cut at a line or page break (政务服务数据管 for 政务服务数据管理局) loses at most its last two characters.
  const wa = (sa.org ?? "") + sa.core;
  const wb = (sb.org ?? "") + sb.core;
  const [cut, whole] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (cut.length >= 4 && whole.length - cut.length <= 2 && whole.startsWith(cut)) {
    return { score: 0.85 - regionPenalty, rule: "truncated" };
  }
  const fa = comparableCore(sa);
  const fb = comparableCore(sb);
  if (fa === fb) return { score: 0.93 - regionPenalty, rule: "suffix" };
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  if (
    short.length >= 3 &&
    short.length / long.length >= 0.3 &&
    short[0] === long[0] &&
    short[short.length - 1] === long[long.length - 1] &&
    isSubsequence(short, long) &&
    // 公安局 inside 公安交通警察局 is the parent office, not an abbreviation: abbreviations pick scattered characters.
    !long.startsWith(short.slice(0, -1))
  ) {
    return { score: 0.86 - regionPenalty, rule: "abbreviation" };
  }
  const ratio = 1 - distance(fa, fb) / Math.max(fa.length, fb.length);
  // Two offices of one kind differ in their first characters (财政局/审计局): ratio alone is not enough there.
  const sameKind = fa[fa.length - 1] === fb[fb.length - 1];
  const score = Math.max(0, ratio - regionPenalty - (sameKind ? 0 : 0.15));
  return { score: Math.round(score * 1000) / 1000, rule: score > 0 ? "levenshtein" : "none" };
}

/** The last place segment of a region string ("广东省韶关市仁化县" → "仁化县"). */
function lastRegion(region: string | null | undefined): string | null {
  if (!region) return null;
  const r = normalizeDeptName(region);
  const m = LAST_REGION_SEGMENT.exec(r);
  return m ? m[1] : r;
}

/**
 * How complete a name is, to pick the canonical one among aliases: a region prefix beats none, then the longer
 * office name (全称 over 简称).
 */
export function completeness(name: string): number {
  const s = splitRegion(name);
  return (s.region ? 1000 : 0) + (s.org ? 100 : 0) + s.core.length;
}
