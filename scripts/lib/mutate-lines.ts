/**
 * Text-level mutations for the rules benchmark (scripts/bench-rules.ts --lines N): the slips issue 13 lists that live in
 * a document's lines rather than in one extracted metric — a 得分 in a score table, a year, a direction word, a stated
 * percentage derived from its claim's own figures. Each
 * changes one place in a TXT document; the benchmark re-reads, re-extracts and runs the rules with the document.
 */
export type LineKind = "score" | "year" | "direction" | "percent";

export interface Site {
  kind: LineKind;
  start: number;
  end: number;
  from: string;
  to: string;
  /** Rules whose fresh warning or error counts as catching this slip. */
  rules: string[];
}

export const SCORE_RULES = ["stated-ratio", "range", "score-weights", "score-grade", "execution-score", "indicator-shortfall"];
const DIRECTION_RULES = ["direction-word", "stated-change", "change-of-parts"];
const PERCENT_RULES = ["stated-ratio", "stated-change", "stated-share", "change-of-parts", "direction-word", "execution-rows", "execution-score", "stated-completion", "range"];

export interface Rand {
  next(): number;
}

/**
 * 得分 cells of score-table rows ("产出指标\t35\t31.1", "… | 10 | 9.5 |"): the last number of a row whose numbers are
 * 分值 then 得分, changed to another score within 0–分值 (so only the sum and the grade can tell).
 */
function scoreSites(txt: string, r: Rand): Site[] {
  const out: Site[] = [];
  const re = /^([^\d\n\t|]{2,20}指标[^\d\n\t|]{0,12})[\t |]+(\d{1,2}(?:\.\d+)?)[\t |]+(\d{1,2}(?:\.\d+)?)[\t |]*$/gm;
  for (const m of txt.matchAll(re)) {
    const weight = Number(m[2]);
    const score = Number(m[3]);
    if (!(weight > 0 && score <= weight)) continue;
    const decimals = m[3].split(".")[1]?.length ?? 0;
    let to = score;
    for (let i = 0; i < 10 && Math.abs(to - score) < 0.5; i++) to = Number((r.next() * weight).toFixed(Math.max(decimals, 1)));
    if (Math.abs(to - score) < 0.5) continue;
    const end = (m.index ?? 0) + m[0].length;
    out.push({ kind: "score", start: end - m[3].length - (m[0].length - m[0].trimEnd().length), end: end - (m[0].length - m[0].trimEnd().length), from: m[3], to: String(to), rules: SCORE_RULES });
  }
  return out;
}

/**
 * Years that carry the report's reference: a staff or asset statement's 截至 year-end (made a year older), a comparison
 * with the previous year's budget or final accounts (made the report's own year), a heading after the title naming
 * the report's year (made the year before).
 */
function yearSites(txt: string, fy: number, title: string | null): Site[] {
  const out: Site[] = [];
  const rules = ["year-consistency"];
  for (const m of txt.matchAll(/截[至止]到?\s*((?:19|20)\d{2})\s*年\s*(?:12月31日|底|末)[^。\n]*?(?:编制|在职|实有|资产|车辆|房屋)/g)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    out.push({ kind: "year", start: at, end: at + 4, from: m[1], to: String(Number(m[1]) - 1), rules });
  }
  for (const m of txt.matchAll(/(?:比|较|与)\s*((?:19|20)\d{2})\s*年度?\s*(?:预算|决算)/g)) {
    if (Number(m[1]) !== fy - 1) continue;
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    out.push({ kind: "year", start: at, end: at + 4, from: m[1], to: String(fy), rules });
  }
  // The title is where the report's year is read from: changing it changes the fiscal year, not a heading's.
  const bare = (x: string) => x.replace(/\s/g, "");
  // Lines before the first section (一、) are the title block, repeated on web pages and split over lines.
  const body = txt.search(/^\s*一[、.．]/m);
  const firstBreak = Math.max(txt.indexOf("\n"), body);
  for (const m of txt.matchAll(/^[^\n。，]{0,12}?((?:19|20)\d{2})\s*年度?[^\n。，]{0,24}?(?:预算|决算|绩效自评)(?:公开|表|报告|情况说明|编制说明)[^\n。，]{0,10}$/gm)) {
    if ((m.index ?? 0) <= firstBreak || Number(m[1]) !== fy || (title && bare(m[0]).includes(bare(title)))) continue;
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    out.push({ kind: "year", start: at, end: at + 4, from: m[1], to: String(fy - 1), rules });
  }
  return out;
}

/**
 * A direction word after a comparison (比上年减少 → 比上年增加, 大于 → 小于) in a sentence that states a figure: a
 * direction with no figure at all ("比上年有所减少") cannot be checked from the sentence.
 */
function directionSites(txt: string): Site[] {
  const out: Site[] = [];
  const flip: Record<string, string> = { 增加: "减少", 减少: "增加", 增长: "下降", 下降: "增长", 大于: "小于", 小于: "大于", 高于: "低于", 低于: "高于" };
  for (const m of txt.matchAll(/(?:比|较|与)[^。\n；;]{0,30}?(增加|减少|增长|下降|大于|小于|高于|低于)/g)) {
    if (/比例|比重|比率/.test(m[0])) continue;
    const sentence = txt.slice(m.index ?? 0).split(/[。\n；;]/)[0];
    if (!/\d+(?:\.\d+)?\s*(?:万元|亿元|元|%)/.test(sentence)) continue;
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    out.push({ kind: "direction", start: at, end: at + m[1].length, from: m[1], to: flip[m[1]], rules: DIRECTION_RULES });
  }
  return out;
}

/**
 * A stated percentage derived from figures printed in the same claim: a rate, share or change whose base figures stand
 * before it in its own sentence (预算 A 万元，支出 B 万元，执行率 P%; 比上年增加 C 万元，增长 P%) or in its own table row
 * (年度资金总额 | 808.1 | 692.98 | 86%). A percentage with no figures of its own — an indicator's target or result
 * (满意度 ≥ 90%, 免费开放率 100%) — derives from nothing a rule can recompute, so it is no target. Its units digit is
 * moved by 3 (95.45% → 98.45%, 4% → 1%), beyond any rounding.
 */
const RATE_WORDS = /(?:(?:执行|完成|使用|支付|到位|拨付|支出)率(?:为|是|达到?)?|占[^，,。；;]{0,16}?|比重|比例|增长|下降|增加|减少|上升|降低|(?:完成|为|占|达到?)[^，,。；;]{0,8}预算(?:数|额)?的?)\s*(?:为|是)?\s*[:：]?\s*$/;

function percentSites(txt: string, r: Rand): Site[] {
  const out: Site[] = [];
  for (const m of txt.matchAll(/(\d+(?:\.\d+)?)\s*[%％]/g)) {
    const at = m.index ?? 0;
    const lineStart = txt.lastIndexOf("\n", at) + 1;
    const line = txt.slice(lineStart, txt.indexOf("\n", at) < 0 ? txt.length : txt.indexOf("\n", at));
    const row = /\t|\s\|\s?|\|\s/.test(line);
    let bases: number;
    if (row) {
      // A table row: the bare figures before the percentage in the same row (not other percentages, not a 行次 or 序号).
      const before = txt.slice(lineStart, at).replace(/\d+(?:\.\d+)?\s*[%％]/g, " ");
      bases = (before.match(/(?:^|[\s|\t:：])\d+\.\d+(?=[\s|\t]|$)|(?:^|[\s|\t])\d{2,}(?=[\s|\t]|$)/g) ?? []).length;
      const figures = (before.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
      // An indicator row's percentages are targets and results; a row of zeros derives no percentage.
      // A percentage that is not a cell of its own (预算执行率未达到90%的需说明原因) is a note's words.
      if (/指标/.test(line) || figures.every((x) => x === 0) || !/(?:^|[|\t]\s*|\s)$/.test(txt.slice(lineStart, at))) bases = 0;
    } else {
      // Its claim: back to the sentence's start or the percentage before it (a list of per-source rates is one claim each).
      const prev = [...txt.slice(Math.max(lineStart, at - 150), at).matchAll(/[%％。；;]/g)].pop();
      const from = prev ? Math.max(lineStart, at - 150) + (prev.index ?? 0) + 1 : Math.max(lineStart, at - 150);
      const before = txt.slice(from, at);
      bases = (before.match(/\d+(?:\.\d+)?\s*(?:万元|亿元|元)/g) ?? []).length;
      // Said as a rate of money (执行率, 使用率, 完成预算的), a share (占…的) or a change (增长, 下降) of them; an indicator's
      // 合格率 or 满意度 is not.
      if (!RATE_WORDS.test(before)) bases = 0;
    }
    if (bases < 2) continue;
    const n = Number(m[1]);
    const decimals = m[1].split(".")[1]?.length ?? 0;
    const to = (n >= 3 && r.next() < 0.5 ? n - 3 : n + 3).toFixed(decimals);
    out.push({ kind: "percent", start: at, end: at + m[1].length, from: m[1], to, rules: PERCENT_RULES });
  }
  return out;
}

export function lineSites(txt: string, fy: number | null, title: string | null, r: Rand): Site[] {
  return [...scoreSites(txt, r), ...(fy === null ? [] : yearSites(txt, fy, title)), ...directionSites(txt), ...percentSites(txt, r)];
}

export function applySite(txt: string, s: Site): string {
  return txt.slice(0, s.start) + s.to + txt.slice(s.end);
}
