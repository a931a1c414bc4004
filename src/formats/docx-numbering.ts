/**
 * Rebuilding Word's automatic list numbering, which mammoth drops: Chinese reports number their headings with
 * auto-lists ("一、" "（一）" "1." "（1）"), and without the numbers neither headings nor sections can be found.
 * Reads word/numbering.xml (formats, level texts, starts), word/styles.xml (numbering attached to paragraph styles) and
 * word/document.xml (each paragraph's numId/ilvl, in order), and computes each numbered paragraph's label.
 */
import { Parser } from "htmlparser2";

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  pStyle: string | null;
  /** Legal numbering: every %N of this level's text in decimal ("1.1" under "一、"). */
  isLgl: boolean;
}

interface NumberingDefs {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  /** Level linked to a paragraph style by w:lvl/w:pStyle. */
  byStyle: Map<string, { numId: string | null; abstractId: string; ilvl: number }>;
}

export interface NumberedParagraph {
  /** Paragraph text with all whitespace removed, to align with mammoth's paragraphs. */
  key: string;
  label: string | null;
}

function xmlWalk(xml: string, onOpen: (name: string, attrs: Record<string, string>) => void, onClose?: (name: string) => void, onText?: (t: string) => void) {
  const p = new Parser(
    { onopentag: onOpen, onclosetag: onClose ?? (() => {}), ontext: onText ?? (() => {}) },
    { xmlMode: true, decodeEntities: true },
  );
  p.write(xml);
  p.end();
}

export function parseNumbering(xml: string | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map(), byStyle: new Map() };
  if (!xml) return defs;
  let abs: Map<number, Level> | null = null;
  let absId = "";
  let lvl: Level | null = null;
  let num: { abstractId: string; overrides: Map<number, number> } | null = null;
  let overrideLvl = -1;
  xmlWalk(
    xml,
    (name, a) => {
      if (name === "w:abstractNum") {
        absId = a["w:abstractNumId"];
        abs = new Map();
        defs.abstract.set(absId, abs);
      } else if (name === "w:lvl" && abs) {
        lvl = { numFmt: "decimal", lvlText: "", start: 1, pStyle: null, isLgl: false };
        abs.set(Number(a["w:ilvl"] ?? 0), lvl);
      } else if (lvl && name === "w:numFmt") lvl.numFmt = a["w:val"] ?? "decimal";
      else if (lvl && name === "w:lvlText") lvl.lvlText = a["w:val"] ?? "";
      else if (lvl && name === "w:start") lvl.start = Number(a["w:val"] ?? 1);
      else if (lvl && name === "w:pStyle") lvl.pStyle = a["w:val"] ?? null;
      else if (lvl && name === "w:isLgl") lvl.isLgl = a["w:val"] !== "0" && a["w:val"] !== "false";
      else if (name === "w:num") {
        num = { abstractId: "", overrides: new Map() };
        defs.nums.set(a["w:numId"], num);
      } else if (num && name === "w:abstractNumId") num.abstractId = a["w:val"];
      else if (num && name === "w:lvlOverride") overrideLvl = Number(a["w:ilvl"] ?? 0);
      else if (num && name === "w:startOverride") num.overrides.set(overrideLvl, Number(a["w:val"] ?? 1));
    },
    (name) => {
      if (name === "w:lvl") lvl = null;
      else if (name === "w:abstractNum") abs = null;
      else if (name === "w:num") num = null;
    },
  );
  for (const [abstractId, levels] of defs.abstract) {
    for (const [ilvl, l] of levels) if (l.pStyle) defs.byStyle.set(l.pStyle, { numId: null, abstractId, ilvl });
  }
  return defs;
}

/** Paragraph styles carrying numbering (w:style/w:pPr/w:numPr), following basedOn. */
function parseStyleNumbering(xml: string | undefined): Map<string, { numId: string | null; ilvl: number | null }> {
  const direct = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  if (xml) {
    let cur: { numId: string | null; ilvl: number | null; basedOn: string | null } | null = null;
    xmlWalk(
      xml,
      (name, a) => {
        if (name === "w:style") {
          cur = { numId: null, ilvl: null, basedOn: null };
          direct.set(a["w:styleId"], cur);
        } else if (cur && name === "w:basedOn") cur.basedOn = a["w:val"] ?? null;
        else if (cur && name === "w:numId") cur.numId = a["w:val"] ?? null;
        else if (cur && name === "w:ilvl") cur.ilvl = Number(a["w:val"] ?? 0);
      },
      (name) => {
        if (name === "w:style") cur = null;
      },
    );
  }
  const out = new Map<string, { numId: string | null; ilvl: number | null }>();
  for (const id of direct.keys()) {
    let s = direct.get(id);
    const seen = new Set<string>();
    let numId: string | null = null;
    let ilvl: number | null = null;
    while (s && !seen.has(id)) {
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      if (!s.basedOn || seen.has(s.basedOn)) break;
      seen.add(s.basedOn);
      s = direct.get(s.basedOn);
    }
    if (numId) out.set(id, { numId, ilvl });
  }
  return out;
}

const CN_DIGITS = "〇一二三四五六七八九";

/** 1..9999 in Chinese counting (十一, 二十, 一百零五); "chineseCountingThousand" is the same for the numbers reports use. */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + "百" + (rest === 0 ? "" : rest < 10 ? "零" + CN_DIGITS[rest] : rest < 20 ? "一" + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}

const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographLegalTraditional":
      return chineseCounting(n);
    case "ideographTraditional":
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case "ideographDigital":
    case "taiwaneseDigital":
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED[n - 1] ?? String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case "decimalZero":
      return n < 10 ? "0" + n : String(n);
    case "lowerLetter":
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case "upperLetter":
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * Each paragraph of document.xml in order, with its rebuilt numbering label (null when not numbered or a bullet).
 * Counters run per list instance (numId); a level restarts when a shallower level of the same list advances.
 */
export function numberParagraphs(documentXml: string, numberingXml?: string, stylesXml?: string): NumberedParagraph[] {
  const defs = parseNumbering(numberingXml);
  const styleNum = parseStyleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  const out: NumberedParagraph[] = [];
  const stack: Array<{ text: string; numId: string | null; ilvl: number | null; style: string | null }> = [];
  let inText = false;
  let inDel = 0;

  const label = (p: { numId: string | null; ilvl: number | null; style: string | null }): string | null => {
    let numId = p.numId;
    let ilvl = p.ilvl;
    let abstractId: string | null = null;
    if (!numId && p.style) {
      const s = styleNum.get(p.style);
      if (s) {
        numId = s.numId;
        ilvl ??= s.ilvl;
      }
      const b = defs.byStyle.get(p.style);
      if (!numId && b) {
        abstractId = b.abstractId;
        ilvl ??= b.ilvl;
        numId = `abstract:${b.abstractId}`;
      }
      else if (b) ilvl ??= b.ilvl;
    }
    if (!numId || numId === "0") return null;
    const num = defs.nums.get(numId);
    abstractId ??= num?.abstractId ?? null;
    const levels = abstractId !== null ? defs.abstract.get(abstractId) : undefined;
    if (!levels) return null;
    const lv = ilvl ?? 0;
    const level = levels.get(lv);
    if (!level || level.numFmt === "bullet") return null;
    const c = counters.get(numId) ?? [];
    counters.set(numId, c);
    const startOf = (i: number) => num?.overrides.get(i) ?? levels.get(i)?.start ?? 1;
    c[lv] = c[lv] === undefined ? startOf(lv) : c[lv] + 1;
    for (let i = lv + 1; i < c.length; i++) c[i] = undefined as unknown as number;
    c.length = lv + 1;
    return level.lvlText.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const fmt = level.isLgl ? "decimal" : levels.get(i)?.numFmt ?? "decimal";
      return formatNumber(c[i] ?? startOf(i), fmt);
    });
  };

  xmlWalk(
    documentXml,
    (name, a) => {
      if (name === "w:p") {
        stack.push({ text: "", numId: null, ilvl: null, style: null });
      } else if (stack.length) {
        const cur = stack[stack.length - 1];
        if (name === "w:pStyle") cur.style = a["w:val"] ?? null;
        else if (name === "w:numId") cur.numId = a["w:val"] ?? null;
        else if (name === "w:ilvl") cur.ilvl = Number(a["w:val"] ?? 0);
        else if (name === "w:t") inText = true;
        else if (name === "w:del") inDel++;
        else if (name === "w:tab") cur.text += "\t";
      }
    },
    (name) => {
      if (name === "w:t") inText = false;
      else if (name === "w:del") inDel--;
      else if (name === "w:p") {
        const p = stack.pop()!;
        out.push({ key: p.text.replace(/\s+/g, ""), label: label(p) });
      }
    },
    (t) => {
      if (inText && !inDel && stack.length) stack[stack.length - 1].text += t;
    },
  );
  return out;
}
