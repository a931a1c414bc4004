/**
 * Heading detection from the numbering Chinese reports use. Levels: 一、=1, （一）=2, 1.=3, （1）=4, ①=5.
 * Detection is by the numbering prefix and the line's shape (short, or ending in a full stop after a short title),
 * because reports rarely use heading styles consistently.
 */

const CN_NUM = "一二三四五六七八九十百零〇";

export interface HeadingMatch {
  level: number;
  numbering: string;
  title: string;
}

const PATTERNS: Array<{ level: number; re: RegExp }> = [
  { level: 1, re: new RegExp(`^([${CN_NUM}]{1,3}[、．.])\\s*`) },
  { level: 2, re: new RegExp(`^([（(][${CN_NUM}]{1,3}[）)])[、.．]?\\s*`) },
  { level: 3, re: /^(\d{1,2}(?:[、．.](?!\d)))\s*/ },
  { level: 4, re: /^([（(]\d{1,2}[）)])[、.．]?\s*/ },
  { level: 5, re: /^([①-⑳])\s*/ },
];

const CN_NUM_CODES = new Set(Array.from(CN_NUM, (ch) => ch.charCodeAt(0)));

/** Whether a character can open one of the PATTERNS (checked first: most lines open with none of them). */
export function opensNumbering(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x28 || c === 0xff08 || (c >= 0x2460 && c <= 0x2473) || CN_NUM_CODES.has(c);
}

/** The numbering at the start of a line, if any, with its level. */
export function matchNumbering(line: string): HeadingMatch | null {
  const s = line.trim();
  if (!opensNumbering(s.charCodeAt(0))) return null;
  for (const { level, re } of PATTERNS) {
    const m = re.exec(s);
    if (m) return { level, numbering: m[1], title: s.slice(m[0].length) };
  }
  return null;
}

const RE_DIGIT_FIRST = /^\d/;
const RE_CLAUSE_MARK = /[，,；;。：:]/;
const RE_STOP_END = /[。.]$/;
const RE_TITLE_END = /[。：:]/;

/**
 * Whether a numbered line reads as a heading rather than a numbered sentence in prose. A heading is short, or its
 * first sentence (up to 。 or ：) is short, as in "（四）部门整体支出情况。本中心…", where only the first clause is the title.
 */
export function detectHeading(line: string): HeadingMatch | null {
  const m = matchNumbering(line);
  if (!m) return null;
  const title = m.title.trim();
  if (title.length === 0) return null;
  if (RE_DIGIT_FIRST.test(title)) return null; // "1.5万元" style figures are not headings
  const inner = title.slice(0, -1);
  if (title.length <= 40 && !RE_CLAUSE_MARK.test(inner)) {
    // A numbered item that is a whole long sentence ("2、建议……不纳入当年度决算数据。") is a list item, not a title.
    if (title.length > 30 && RE_STOP_END.test(title)) return null;
    return { ...m, title };
  }
  // "（四）部门整体支出情况。本中心…": the first sentence is the title. A comma never ends a title, and text running on
  // into the next number ("贯彻……规定。2、负责……") is an inline list, not a titled section.
  const cut = title.search(RE_TITLE_END);
  if (cut <= 0 || cut > 30) return null;
  const rest = title.slice(cut + 1).trim();
  if (!rest || matchNumbering(rest)) return null;
  return { ...m, title: title.slice(0, cut) };
}
