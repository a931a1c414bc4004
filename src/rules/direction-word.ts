import type { Finding } from "../extract/finding.js";
import type { FigureHit } from "../extract/figures.js";
import { scanFigures } from "../extract/figures.js";
import type { Report } from "../extract/schema.js";
import type { Rule, RuleMeta, RuleContext } from "./lib/types.js";
import { textUnits, unitEvidence } from "./lib/doc-text.js";
import { DOC_VOCAB, alternation } from "./lib/doc-vocab.js";
import { amountHalfUnit, cornerRange, grade, type Verdict } from "./lib/tolerance.js";
import { subjectRefs } from "./lib/subject-keys.js";
import { parseAmount } from "../extract/amount.js";
import { findLabels } from "../extract/labels.js";

const V = DOC_VOCAB.comparison;
const RE_COMPARE = new RegExp(`(?:${alternation(V.notCompare)})|(${alternation(V.compare)})`, "g");
const RE_DIRECTION = new RegExp(`^[\\s,，、]*(?:相比|相较|比较)?[\\s,，、]*(${alternation([...V.level, ...V.up, ...V.down])})`);
const RE_COMPARATIVE = new RegExp(`(${alternation(V.names)})\\s*(${alternation([...V.greater, ...V.less, ...V.equal])})\\s*(?:年初|全年|调整后)?(${alternation(V.names)})`, "g");
const RE_NAME = new RegExp(alternation(V.names), "g");
// After 比: a year (or 上年) and a name, no figure, then the direction word.
const RE_NAMED_BASE = new RegExp(`^\\s*(?:((?:19|20)\\d{2})\\s*年度?|(上年度?))([^\\d，,。；;]{0,14}?)(${alternation([...V.level, ...V.up, ...V.down])})`);

const RE_YOY_SAME = /同比/g;

const RE_CHANGE_CLAUSE = new RegExp(`[比较与]|${alternation([...V.level, ...V.up, ...V.down])}`);

/** The clause a figure closes: from the last clause mark before it. */
function clauseBefore(s: string, at: number, marks = ["，", ",", "；", ";", "。"]): string {
  const from = Math.max(...marks.map((c) => s.lastIndexOf(c, at - 1))) + 1;
  return s.slice(from, at);
}

/** Index of the first hit starting at or after `pos` (hits are in text order and do not overlap). */
function firstFrom(hits: FigureHit[], pos: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hits starting in [from, to]: found by search, so a sentence of thousands of claims is not rescanned per claim. */
function hitsBetween(hits: FigureHit[], from: number, to: number): FigureHit[] {
  const out: FigureHit[] = [];
  for (let i = firstFrom(hits, from); i < hits.length && hits[i].start <= to; i++) out.push(hits[i]);
  return out;
}

/** How far before a 比 the base figure of a named year is looked for: a sentence's reach, not a runaway paragraph's. */
const BASE_REACH = 600;

/** ± half a unit of the last printed digit, in base units. */
const half = (h: FigureHit): number => amountHalfUnit(h.amount);

const fmt = (h: FigureHit) => h.text + (h.amount.unit && !h.text.endsWith(h.amount.unit) ? h.amount.unit : "");
const wan = (v: number) => `${(v / 1e4).toFixed(2)}万元`;

/** What a figure's name reduces to: the final accounts, the budget, or what was executed. */
function core(name: string): string {
  if (name.includes("决算")) return "final";
  if (name.includes("执行") || name.includes("实际支出") || name.includes("支出数")) return "executed";
  return "budget";
}

function kindOf(word: string): "up" | "down" | "level" {
  if (V.level.includes(word)) return "level";
  return V.up.includes(word) ? "up" : "down";
}

/** Sentences of a unit of text with their offsets. */
function sentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || "。;！？!?".includes(text[i])) {
      if (i > from) out.push({ text: text.slice(from, i + 1), start: from });
      from = i + 1;
    }
  }
  return out;
}

/** Changes extraction has bound to a metric are judged by stated-change: their sentences are left to it. */
function boundChanges(r: Report): Array<{ value: number; text: string }> {
  return [...r.metrics, ...r.projects.flatMap((p) => p.metrics)]
    .filter((m) => m.change && m.value !== null)
    .map((m) => ({ value: m.value as number, text: (m.change?.amountText ?? m.change?.percentText ?? "").replace(/[^\d.]/g, "") }));
}

interface Spec {
  /** Where in the sentence the claim's own figure sits: its subject is named before it. */
  at?: number;
  /** Other figures the claim is about (收入总计X，支出总计X，…各增加C): their subjects too. */
  alsoAt?: number[];
  /** The metric the claim is about when known outright (the report's own figure stood in for an unprinted one). */
  key?: string;
  messageId: string;
  data: Record<string, string>;
  verdict?: Verdict;
  expected: number | null;
  actual: number | null;
  tolerance?: number;
}

/** "A 比 B 增加 C（P%）": the direction, the amount and the percentage recomputed from A and B. */
function changeClaims(s: string, bound: Array<{ value: number; text: string }>, own: (at: number) => { hit: FigureHit; key: string } | null = () => null): Spec[] {
  const hits = scanFigures(s);
  // The sentence without digit-group commas, made once: a bound change's figure is looked up in it per claim.
  let stripped: string | null = null;
  const plain = () => (stripped ??= s.replace(/,/g, ""));
  const out: Spec[] = [];
  // "A 元，占…P%，同比增加 C 元，增长 Q%": 同比 compares with the same item last year, which the sentence does not print;
  // it is no compare word for two figures (schemas notCompare), but a change told after it is judged as one told after 比上年.
  for (const cm of s.matchAll(RE_YOY_SAME)) {
    const k = cm.index;
    const a = hitsBetween(hits, k - 200, k).reverse().find((h) => h.end <= k && k - h.end <= 30 && h.amount.kind === "money" && h.change === null);
    const b = hitsBetween(hits, k + 1, k + 20).find((h) => h.amount.kind === "money");
    if (a && b && b.change !== null && !/[，,。]/.test(s.slice(k, b.start))) out.push(...changeWithPercent(s, hits, a, b, bound));
  }
  // The base of one comparison is never the subject of the next: "A，较上年B减少C，较预算数D减少E" compares A with D too.
  const subjectOfBase = new Map<FigureHit, FigureHit>();
  for (const cm of s.matchAll(RE_COMPARE)) {
    if (!cm[1]) continue;
    const k = cm.index;
    const nearest = hitsBetween(hits, k - 200, k).reverse().find((h) => h.end <= k && k - h.end <= 30 && h.amount.kind === "money" && h.change === null);
    const a = nearest && (subjectOfBase.get(nearest) ?? nearest);
    let b = hitsBetween(hits, k + 1, k + 20).find((h) => h.amount.kind === "money");
    // "0万元，比2022年预算增加1421.25万元": an amount cannot have grown by more than it is now (the prior year would be
    // negative).
    if (a && b && b.change === "up" && !/[，,。]/.test(s.slice(k, b.start)) && b.amount.value - a.amount.value > half(a) + half(b)) {
      out.push({ at: a.start, messageId: "increaseExceedsFigure", data: { a: fmt(a), c: fmt(b) }, expected: a.amount.value, actual: b.amount.value });
      continue;
    }
    // "9.07万元，较上年支出数减少0.71万元，下降7.83%": the change told as an amount and a percentage, no prior figure.
    // "与2020年度相比，各增加29.6万元，增长2.57%": the comma after 相比 opens the change, it does not end the claim.
    if (a && b && b.change !== null && !/[，,。]/.test(s.slice(k, b.start).replace(/相比[，,]\s*/, ""))) {
      // 各增加: the same change told of every figure of that value before it in the sentence.
      const each = /各/.test(s.slice(k, b.start)) ? hits.filter((h) => h !== a && h.end <= a.start && h.amount.value === a.amount.value && h.amount.kind === "money").map((h) => h.start) : [];
      out.push(...changeWithPercent(s, hits, a, b, bound).map((x) => (each.length ? { ...x, alsoAt: each } : x)));
      continue;
    }
    // "“三公”经费预算数比2017年预算数减少0.06万元，减幅2.17%": no figure before 比; the subject's own figure is the report's.
    if (!a && b && b.change !== null && !/[，,。]/.test(s.slice(k, b.start))) {
      const mine = own(k);
      if (mine) {
        out.push(...changeWithPercent(s, hits, mine.hit, b, bound).map((x) => ({ ...x, key: mine.key })));
        continue;
      }
    }
    let word: string;
    let dirAt: number;
    if (a && !b) {
      // "2023年执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%": what 比 names is the
      // figure stated earlier in the sentence under that year (科目 lines of a 情况说明).
      const named = RE_NAMED_BASE.exec(s.slice(k + cm[1].length));
      if (!named) continue;
      const when = named[1] ? `${named[1]}年` : "上年";
      // The base is a figure stated under that year, not a change told against it (与2022年预算相比增加170万元).
      const earlier = hitsBetween(hits, a.start - BASE_REACH, a.start).filter((h) => {
        const clause = clauseBefore(s, h.start);
        return h !== a && h.end <= a.start && h.amount.kind === "money" && h.change === null && clause.includes(when) && !RE_CHANGE_CLAUSE.test(clause);
      });
      if (earlier.length !== 1) continue;
      b = earlier[0];
      word = named[4];
      dirAt = k + cm[1].length + named.index + named[0].length - word.length;
    } else {
      if (!a || !b || b.change !== null || /[，,。]/.test(s.slice(k, b.start).replace(/^[^，,]*年度?/, ""))) continue;
      const d = RE_DIRECTION.exec(s.slice(b.end).replace(/^(万元|亿元|元)/, ""));
      if (!d) continue;
      word = d[1];
      dirAt = s.indexOf(d[1], b.end);
      subjectOfBase.set(b, a);
    }
    out.push(...judge(s, hits, a, b, word, dirAt, bound, plain));
  }
  return out;
}

/** The direction, the amount and the percentage a claim states after `word`, recomputed from its two figures. */
function judge(s: string, hits: FigureHit[], a: FigureHit, b: FigureHit, word: string, dirAt: number, bound: Array<{ value: number; text: string }>, plain: () => string): Spec[] {
  const out: Spec[] = [];
  if (bound.some((x) => x.value === a.amount.value && x.text && plain().includes(x.text))) return out;
  const kind = kindOf(word);
  const diff = a.amount.value - b.amount.value;
  const tol = half(a) + half(b);
  const data = { a: fmt(a), b: fmt(b), word, diff: wan(Math.abs(diff)) };
  const contradicts = (kind === "level" && Math.abs(diff) > tol) || (kind === "up" && diff < -tol) || (kind === "down" && diff > tol);
  if (contradicts) {
    out.push({ at: a.start, messageId: kind === "level" ? "levelButDiffer" : "directionContradicts", data: { ...data, due: diff > 0 ? "增加" : diff < 0 ? "减少" : "持平" }, expected: diff, actual: null });
    return out;
  }
  if (kind === "level") return out;
  const next = hitsBetween(hits, dirAt, dirAt + 30).filter((h) => !s.slice(dirAt, h.start).slice(word.length).match(/[比较与]/));
  const c = next.find((h) => h.amount.kind === "money" && h.start - dirAt <= word.length + 3);
  if (c) {
    const t = tol + half(c);
    const v = grade(c.amount.value - Math.abs(diff), t, 2 * half(c));
    if (v === "near" || v === "off") out.push({ at: a.start, messageId: "changeAmountDiffers", data: { ...data, c: fmt(c) }, verdict: v, expected: Math.abs(diff), actual: c.amount.value, tolerance: t });
  }
  const p = next.find((h) => h.amount.kind === "percent");
  if (p && b.amount.value !== 0) {
    const f = (x: number, y: number) => (Math.abs(x - y) / y) * 100;
    const [lo, hi] = cornerRange(f, [[a.amount.value - half(a), a.amount.value + half(a)], [b.amount.value - half(b), b.amount.value + half(b)]]);
    const e = f(a.amount.value, b.amount.value);
    const hp = half(p);
    const t = Math.max(e - lo, hi - e) + hp;
    const v = grade(p.amount.value - e, t, 2 * hp);
    if (v === "near" || v === "off") out.push({ at: a.start, messageId: "changePercentDiffers", data: { ...data, p: fmt(p), computed: `${e.toFixed(2)}%` }, verdict: v, expected: e, actual: p.amount.value, tolerance: t });
  }
  return out;
}

/**
 * A change told as an amount C and a percentage P against an unstated prior figure (A 较上年减少 C，下降 P%): the prior
 * is A + C (a decrease) or A − C (an increase), and P = C ÷ prior — a percentage of the current figure instead (C ÷ A) is
 * the slip this catches.
 */
function changeWithPercent(s: string, hits: FigureHit[], a: FigureHit, c: FigureHit, bound: Array<{ value: number; text: string }>): Spec[] {
  const p = hitsBetween(hits, c.end + 1, c.end + 12).find((h) => h.amount.kind === "percent");
  if (!p || !/^[\s,，、]*(?:增长|增加|下降|减少|降低|上升|增幅|减幅|降幅)/.test(s.slice(c.end, p.start).replace(/^(万元|亿元|元)/, ""))) return [];
  if (bound.some((x) => x.value === a.amount.value && x.text === c.text.replace(/[^\d.]/g, ""))) return [];
  const sign = c.change === "up" ? -1 : 1;
  const f = (x: number, y: number) => (y / (x + sign * y)) * 100;
  if (a.amount.value + sign * c.amount.value <= 0) return [];
  const [lo, hi] = cornerRange(f, [[a.amount.value - half(a), a.amount.value + half(a)], [c.amount.value - half(c), c.amount.value + half(c)]]);
  const e = f(a.amount.value, c.amount.value);
  const hp = half(p);
  const t = Math.max(e - lo, hi - e) + hp;
  const v = grade(p.amount.value - e, t, 2 * hp);
  if (v !== "off") return [];
  // Judged only where the slip is evident: the percentage is the change over this year's figure (C ÷ A), or it is out
  // by more than half its size. A gap of a few hundredths may be a base this sentence does not state (a restated prior).
  const cur = (x: number, y: number) => (y / x) * 100;
  const [clo, chi] = cornerRange(cur, [[a.amount.value - half(a), a.amount.value + half(a)], [c.amount.value - half(c), c.amount.value + half(c)]]);
  const overCurrent = p.amount.value >= clo - hp && p.amount.value <= chi + hp;
  const gross = p.amount.value > 2 * e || p.amount.value < e / 2;
  if (!overCurrent && !gross) return [];
  const prior = a.amount.value + sign * c.amount.value;
  const data = { a: fmt(a), c: fmt(c), p: fmt(p), prior: wan(prior), computed: `${e.toFixed(2)}%` };
  return [{ at: a.start, messageId: overCurrent ? "changePercentOverCurrent" : "changePercentOfChangeDiffers", data, verdict: v, expected: e, actual: p.amount.value, tolerance: t }];
}

/** "决算数大于预算数": the two figures named earlier in the sentence compared. */
function comparatives(s: string): Spec[] {
  const hits = scanFigures(s).filter((h) => h.amount.kind === "money");
  const labelled = hits.map((h) => {
    const before = s.slice(Math.max(0, h.start - 14), h.start);
    const names = [...before.matchAll(RE_NAME)];
    return { h, name: names.length ? core(names[names.length - 1][0]) : null };
  });
  const out: Spec[] = [];
  // The last figure of each name before the comparative, kept as the matches advance (one pass over the figures).
  const last = new Map<string, (typeof labelled)[number]>();
  let i = 0;
  for (const m of s.matchAll(RE_COMPARATIVE)) {
    for (; i < labelled.length && labelled[i].h.end <= m.index; i++) if (labelled[i].name) last.set(labelled[i].name as string, labelled[i]);
    const [l, r] = [core(m[1]), core(m[3])];
    if (l === r) continue;
    const left = last.get(l);
    const right = last.get(r);
    if (!left || !right) continue;
    const diff = left.h.amount.value - right.h.amount.value;
    const tol = half(left.h) + half(right.h);
    const word = m[2];
    const ok = V.greater.includes(word) ? diff > tol : V.less.includes(word) ? diff < -tol : Math.abs(diff) <= tol;
    if (ok) continue;
    out.push({ at: left.h.start, messageId: "comparativeContradicts", data: { words: m[0], a: fmt(left.h), b: fmt(right.h) }, expected: diff, actual: null });
  }
  return out;
}

/** The words a claim is about: its clause before its figure (政府性基金拨款支出预算0万元). */
function subjectOf(s: string, at: number): string {
  return clauseBefore(s, at, ["，", ",", "；", ";", "：", ":", "。"]);
}

/** The report's own figure of the subject a sentence names right before 比 without printing it there. */
function ownFigure(s: string, at: number, report: Report): { hit: FigureHit; key: string } | null {
  // Every catalogue label of the subject, in order (“三公”经费预算数: three_public.total before a bare 预算数): the first the
  // report holds a figure of.
  const keys = findLabels(subjectOf(s, at), { project: false }).map((h) => h.entry.key);
  const m = keys.map((k) => report.metrics.find((x) => x.key === k && x.year === report.fiscalYear && x.value !== null && !x.restated)).find(Boolean);
  const amount = m ? parseAmount(m.text) : null;
  if (!m || !amount || amount.kind !== "money" || amount.value !== m.value) return null;
  return { hit: { start: at, end: at, amount, text: m.text, change: null }, key: m.key };
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const bound = boundChanges(ctx.report);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const u of textUnits(doc)) {
    if (u.table) continue;
    for (const s of sentences(u.text)) {
      for (const spec of [...changeClaims(s.text, bound, (at) => ownFigure(s.text, at, ctx.report)), ...comparatives(s.text)]) {
        const quote = s.text.trim();
        const id = `${spec.messageId}|${quote}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const { at, alsoAt, key, ...rest } = spec;
        const year = ctx.report.fiscalYear ?? 0;
        const refsAt = (p: number) => subjectRefs(subjectOf(s.text, p), year, ctx.report.kind, { project: false, sentence: s.text });
        let refs = key ? [{ key, year }] : at === undefined ? [{ key: "document.claim", year }] : refsAt(at);
        for (const p of alsoAt ?? []) refs = [...refs, ...refsAt(p).filter((r) => r.key !== "document.claim" && !refs.some((x) => x.key === r.key))];
        out.push(ctx.finding({ ...rest, refs, evidence: [unitEvidence(doc, u, quote)] }));
      }
    }
  }
  return out;
}

const meta: RuleMeta = {
  id: "direction-word",
  description: {
    zh: "一句之内“A 比 B 增加/减少/持平 C（P%）”（B 或为句中前文某年所列之数，如科目说明“2022年执行数为X万元，2023年预算安排Y万元，比2022年执行数增加P%”）与“决算数大于预算数”等比较，按句中两数重算；只有本年数与增减额、增减率（“较上年减少C万元，下降P%”“同比增加C元，增长P%”）时，增减率按上年数（本年数±增减额）重算，按本年数计算或相差一半以上者为错误：方向词与两数不符为警告，所述增减额或增减率不符、或增加额大于本年数为错误",
    en: "Comparisons within one sentence (A 比 B 增加/减少/持平 C, P% — B possibly the figure stated earlier in the sentence under the year 比 names, as 科目 lines of a 情况说明 print it; 决算数大于预算数) recomputed from the sentence's two figures; a change told only as an amount and a percentage (较上年减少 C 万元，下降 P%; also after 同比) has its percentage recomputed over the prior figure (this year's ± the change), an error when it was taken over this year's figure or is out by more than half; a direction word that contradicts them is a warning; a stated change amount or percentage that does not follow, or an increase larger than the figure itself, is an error",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-direction-word" },
  messages: {
    directionContradicts: { zh: "“{a}”比“{b}”写作“{word}”，而两数相差应为{due} {diff}", severity: "warning", when: "a direction word contradicts the two figures" },
    levelButDiffer: { zh: "“{a}”与“{b}”写作“{word}”，而两数相差 {diff}", severity: "warning", when: "持平 is said of two different figures" },
    comparativeContradicts: { zh: "写“{words}”，而句中{a}与{b}不符", severity: "warning", when: "a comparative (大于/小于/等于) contradicts the figures it names" },
    changeAmountDiffers: { zh: "“{a}”比“{b}”{word} {c}，而两数相差 {diff}{note}" },
    changePercentDiffers: { zh: "“{a}”比“{b}”{word} {p}，而两数计算为 {computed}{note}" },
    changePercentOfChangeDiffers: { zh: "本年数为 {a}，增减 {c}、{p}，而上年数应为 {prior}，增减率为 {computed}{note}" },
    changePercentOverCurrent: { zh: "本年数为 {a}，增减 {c}、{p}：增减率按本年数计算（{c} ÷ {a}），按上年数 {prior} 应为 {computed}{note}" },
    increaseExceedsFigure: { zh: "本年数为 {a}，却称比上年增加 {c}，增加额大于本年数（上年数将为负）" },
  },
};

export const directionWord: Rule = { meta, check };
