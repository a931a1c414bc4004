/**
 * Every number in a document as a Figure: value, unit, base-unit value, page, position and the sentence or cell it
 * sits in. Extraction binds some figures to metrics; the rest stay available to callers (`figures(doc)`).
 */
import { z } from "zod";
import { allBlocks, BBoxSchema, SpanSchema, type JxDocument } from "../document/model.js";
import { parseAmount, type Amount } from "./amount.js";
import { RE_CN_NUM_CHARS } from "./cn-numerals.js";
import { charTable } from "./words.js";
import { UNITS, unitAlternation } from "./vocab/units.js";

export const FigureSchema = z.object({
  /** Value in base units (元, percent points, people, points); negative for a stated decrease. */
  value: z.number(),
  /** Unit as printed ("万元", "%", "人"), or the table's declared unit when the cell has none. */
  unit: z.string(),
  /** Base unit ("元", "%", "人", "个", "辆", "分", "" for a plain number). */
  baseUnit: z.string(),
  kind: z.enum(["money", "percent", "points", "count", "score", "plain"]),
  text: z.string(),
  decimals: z.number().int(),
  scale: z.number(),
  /** "up"/"down" when the figure is a stated change (增加/减少 …), null otherwise. */
  change: z.enum(["up", "down"]).nullable(),
  page: z.number().int().min(1),
  block: z.number().int(),
  cell: z.object({ row: z.number().int(), col: z.number().int() }).nullable(),
  bbox: BBoxSchema.nullable(),
  span: SpanSchema.nullable(),
  /** The sentence (prose) or cell text the figure sits in. */
  quote: z.string(),
});
export type Figure = z.infer<typeof FigureSchema>;

export interface FigureHit {
  start: number;
  end: number;
  amount: Amount;
  text: string;
  change: "up" | "down" | null;
}

/** Unit words a number may carry, and the bare multipliers (万, 亿), longest first. */
const UNIT_ALT = unitAlternation([...UNITS.units.map((u) => u.unit), ...UNITS.multipliers.map((m) => m.word)]);
const RE_MULTIPLIER = new RegExp(`^(?:${unitAlternation(UNITS.multipliers.map((m) => m.word))})$`);
/** Sticky: scanFigures only tries the positions where a match can start (a regex search would try them all). */
const RE_ARABIC = new RegExp(
  `(?<![\\d.A-Za-z_/\\-])([-−]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(?![\\d.]*[A-Za-z_])(\\s?(?:${UNIT_ALT}))?`,
  "y",
);
/**
 * "35. 3万元", "98. 33%": a space after the decimal point (OCR and document sites print it), one figure when a money or
 * percent unit follows it; without one the two numbers stay apart (a list "1. 2").
 */
const RE_SPLIT_DECIMAL = new RegExp(
  `(?<![\\d.A-Za-z_/\\-])(\\d{1,9})\\. (\\d{1,6})(\\s?(?:${unitAlternation(UNITS.units.filter((u) => u.kind === "money" || u.kind === "percent").map((u) => u.unit))}))`,
  "y",
);
const RE_CHINESE = new RegExp(`(?<![\\d.${RE_CN_NUM_CHARS}])([零〇一二两三四五六七八九十][${RE_CN_NUM_CHARS}]*)(亿元|万元|元|人|名|辆)`, "y");
const RE_UP = /(增加|增长|提高|上升|上涨|增|多|超支|追加)\s*$/;
const RE_DOWN = /(减少|下降|降低|下滑|减|少|节约|节省|压减)\s*$/;
/** "增加（减少）" template wording: the sign comes from the number itself. */
const RE_TEMPLATE = /增加\s*[(（]\s*减少\s*[)）]\s*$|增长\s*[(（]\s*下降\s*[)）]\s*$/;

const CN_FIRST = charTable("零〇一二两三四五六七八九十");

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Characters after a number that make it a date or a document number ("2017年", "3月", "第5号") or a count of years. */
const DATE_AFTER = charTable("年月日号时期届");
const DATE_OR_PEOPLE_AFTER = charTable("年月日人");

/** Number hits in one piece of normalised text. `defaultUnit` is the table's declared unit for bare numbers. */
export function scanFigures(raw: string, defaultUnit: string | null = null): FigureHit[] {
  // A full-width comma between digit groups ("１，２３４．５６") is a thousands separator; same length, so offsets hold.
  const text = raw.includes("，") ? raw.replace(/(?<=\d)，(?=\d{3}(?:\.\d|[万亿元]))/g, ",") : raw;
  const hits: FigureHit[] = [];
  // Same matches as text.matchAll(RE_ARABIC): leftmost first, the search going on after each match. A match starts
  // with a digit or with a sign before one.
  for (let p = 0; p < text.length; ) {
    const c = text.charCodeAt(p);
    if (!isDigit(c) && !((c === 45 || c === 0x2212) && isDigit(text.charCodeAt(p + 1)))) {
      p++;
      continue;
    }
    RE_SPLIT_DECIMAL.lastIndex = p;
    const split = RE_SPLIT_DECIMAL.exec(text);
    const joined = split ? parseAmount(`${split[1]}.${split[2]}${split[3]}`) : null;
    if (split && joined) {
      hits.push({ start: p, end: p + split[0].length, amount: joined, text: split[0].trim(), change: changeBefore(text, p, joined) });
      p += split[0].length;
      continue;
    }
    RE_ARABIC.lastIndex = p;
    const m = RE_ARABIC.exec(text);
    if (!m) {
      p++;
      continue;
    }
    const start = p;
    p += m[0].length;
    const after = text.charCodeAt(p);
    // Dates, years and document numbers are positions in time, not figures we bind.
    // A decimal is no year, day or number of a document: "97.93年初预算数" is a form's cells run together.
    if (!m[2] && DATE_AFTER[after] && !/^-?\d{1,3}\.\d/.test(m[1])) continue;
    if (m[2] && RE_MULTIPLIER.test(m[2].trim()) && DATE_OR_PEOPLE_AFTER[after]) continue;
    const amount = parseAmount(m[0], m[2] ? null : defaultUnit);
    if (!amount) continue;
    hits.push({ start, end: p, amount, text: m[0].trim(), change: changeBefore(text, start, amount) });
  }
  const arabic = hits.length;
  // Same as text.matchAll(RE_CHINESE): a match starts with a numeral of CN_FIRST.
  for (let p = 0; p < text.length; ) {
    if (!CN_FIRST[text.charCodeAt(p)]) {
      p++;
      continue;
    }
    RE_CHINESE.lastIndex = p;
    const m = RE_CHINESE.exec(text);
    if (!m) {
      p++;
      continue;
    }
    const start = p;
    p += m[0].length;
    const amount = parseAmount(m[0]);
    if (!amount) continue;
    hits.push({ start, end: p, amount, text: m[0], change: changeBefore(text, start, amount) });
  }
  return arabic === hits.length || arabic === 0 ? hits : hits.sort((a, b) => a.start - b.start);
}

function changeBefore(text: string, at: number, amount: Amount): "up" | "down" | null {
  const before = text.slice(Math.max(0, at - 12), at).replace(/[了约为达:：]+$/, "");
  if (RE_TEMPLATE.test(before)) return amount.value < 0 ? "down" : "up";
  if (RE_UP.test(before)) return "up";
  if (RE_DOWN.test(before)) return "down";
  return null;
}

/**
 * What may follow a bare 万/亿 figure that is money ("项目批复资金350万已全部到位"): a stop or a verb of its clause,
 * never a measure word ("600万株", "3万亩" are counts).
 */
const RE_AFTER_BARE_MONEY = /^(?:$|[\s，,。；;、)）]|已|均|全|用|于|的|为|是)/;

/**
 * A figure printed with a bare multiplier (350万) read as money, when the caller knows a money word stands before it;
 * null when the figure is anything else or a measure word follows it.
 */
export function bareMultiplierMoney(text: string, h: FigureHit): FigureHit | null {
  if (h.amount.kind !== "plain" || !RE_MULTIPLIER.test(h.text.slice(-1))) return null;
  if (!RE_AFTER_BARE_MONEY.test(text.slice(h.end, h.end + 1))) return null;
  const amount = parseAmount(`${h.text}元`);
  return amount && amount.kind === "money" ? { ...h, amount, text: h.text } : null;
}

const SENTENCE_STOPS = charTable("。；;！？!?\n");

/**
 * How far a sentence reaches from a figure, each way. Real sentences are far shorter; text with no stops at all (a
 * flattened table, a hostile file) would otherwise make every figure scan, and quote, the whole passage.
 */
export const SENTENCE_REACH = 500;

/** The sentence around a position (for quotes): from the previous 。；! to the next one, SENTENCE_REACH at most each way. */
export function sentenceAround(text: string, start: number, end: number): string {
  const floor = Math.max(0, start - SENTENCE_REACH);
  const ceil = Math.min(text.length, end + SENTENCE_REACH);
  let a = start;
  while (a > floor && !SENTENCE_STOPS[text.charCodeAt(a - 1)]) a--;
  let b = end;
  while (b < ceil && !SENTENCE_STOPS[text.charCodeAt(b)]) b++;
  if (b < ceil) b++; // the stop itself
  return text.slice(a, b).trim();
}

function toFigure(h: FigureHit, base: Omit<Figure, keyof Amount | "value" | "unit" | "baseUnit" | "kind" | "text" | "decimals" | "scale" | "change" | "quote">, quote: string): Figure {
  const signed = h.change === "down" && h.amount.value > 0 ? -h.amount.value : h.amount.value;
  return {
    ...base,
    value: signed,
    unit: h.amount.unit,
    baseUnit: h.amount.base,
    kind: h.amount.kind,
    text: h.text,
    decimals: h.amount.decimals,
    scale: h.amount.scale,
    change: h.change,
    quote,
  };
}

/** Every number in the document, in document order. Table cells use the table's declared unit (单位：万元). */
export function figures(doc: JxDocument): Figure[] {
  const out: Figure[] = [];
  for (const b of allBlocks(doc)) {
    if (b.kind === "table") {
      for (const row of b.rows) {
        for (const c of row.cells) {
          for (const h of scanFigures(c.norm, b.unit)) {
            out.push(
              toFigure(h, { page: c.prov.page, block: b.index, cell: { row: c.row, col: c.col }, bbox: c.prov.bbox, span: c.prov.span }, c.norm),
            );
          }
        }
      }
      continue;
    }
    for (const h of scanFigures(b.norm)) {
      out.push(
        toFigure(
          h,
          { page: b.prov.page, block: b.index, cell: null, bbox: b.prov.bbox, span: b.prov.span },
          sentenceAround(b.norm, h.start, h.end),
        ),
      );
    }
  }
  return out;
}
