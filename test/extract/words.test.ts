import { describe, expect, it } from "vitest";
import { charTable, newWordHits, WordList, WordOccurrences } from "../../src/extract/words.js";
import { findLabels, labelOccurrences } from "../../src/extract/labels.js";
import { bindInlineRows, bindRows, rowText } from "../../src/extract/inline-rows.js";
import { locate } from "../../src/extract/provenance.js";

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(r: () => number, pieces: string[], n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += pieces[Math.floor(r() * pieces.length)];
  return s;
}

function windowHits(occ: WordOccurrences, a: number, b: number): Array<[number, number, number]> {
  const out = newWordHits();
  occ.window(a, b, out);
  return Array.from({ length: out.n }, (_, j) => [out.start[j], out.end[j], out.word[j]] as [number, number, number]);
}

/** What a regex alternation of the words (in list order) finds in text.slice(a, b), in text positions. */
function regexHits(words: string[], text: string, a: number, b: number): Array<[number, number, number]> {
  const re = new RegExp(words.join("|"), "g");
  return [...text.slice(a, b).matchAll(re)].map((m) => [a + m.index!, a + m.index! + m[0].length, words.indexOf(m[0])]);
}

describe("word list", () => {
  it("takes the first listed word that matches, not the longest", () => {
    const list = new WordList(["预算", "预算数", "数"]);
    expect(list.matchAt("年初预算数", 2)).toBe(0);
    expect(list.matchAt("年初预算数", 4)).toBe(2);
    expect(list.matchAt("年初预算数", 0)).toBe(-1);
    expect(list.matchAt("", 0)).toBe(-1);
  });
  it("refuses an empty word", () => {
    expect(() => new WordList(["预算", ""])).toThrow();
  });
});

describe("word occurrences by window", () => {
  const words = ["年度指标值", "指标值", "完成值", "分值权重", "分值", "权重", "得分", "原因", "项目名称"];
  it("finds in any window what a regex alternation finds in the sliced text", () => {
    const r = rng(7);
    const pieces = ["年度", "指标", "值", "分", "权重", "得", "原因", "项目", "名称", "完成", " ", "1", "｜"];
    for (let t = 0; t < 40; t++) {
      const text = randomText(r, pieces, 30);
      const occ = new WordOccurrences(new WordList(words), text);
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b++) expect(windowHits(occ, a, b), `${text} [${a},${b})`).toEqual(regexHits(words, text, a, b));
      }
    }
  });
  it("falls back to a shorter word where the window cuts the preferred one", () => {
    const text = "年度指标值";
    const occ = new WordOccurrences(new WordList(words), text);
    expect(windowHits(occ, 0, 5)).toEqual([[0, 5, 0]]);
    expect(windowHits(occ, 0, 4)).toEqual([]);
    expect(windowHits(occ, 1, 5)).toEqual([[2, 5, 1]]);
    expect(windowHits(occ, 3, 5)).toEqual([]);
  });
  it("returns nothing for empty windows or texts without words", () => {
    const occ = new WordOccurrences(new WordList(words), "说明文字");
    expect(windowHits(occ, 0, 4)).toEqual([]);
    expect(windowHits(new WordOccurrences(new WordList(words), "分值"), 1, 1)).toEqual([]);
  });
  it("appends to the hits it is given", () => {
    const occ = new WordOccurrences(new WordList(words), "分值 权重");
    const out = newWordHits();
    occ.window(0, 2, out);
    occ.window(2, 5, out);
    expect(out.n).toBe(2);
    expect(out.word.slice(0, 2)).toEqual([4, 5]);
  });
});

describe("label occurrences by window", () => {
  /** findLabels on the slice, moved to positions in the whole text. */
  const sliced = (text: string, a: number, b: number, project: boolean) =>
    findLabels(text.slice(a, b), { project }).map((h) => [a + h.start, a + h.end, h.entry.key]);
  const read = (text: string, a: number, b: number, project: boolean) => {
    const { occurrences, entries } = labelOccurrences(text, { project });
    const out = newWordHits();
    occurrences.window(a, b, out);
    return Array.from({ length: out.n }, (_, j) => [out.start[j], out.end[j], entries[out.word[j]].key]);
  };
  const texts = [
    "其中一般公共预算财政拨款收入12222.51万元，因公出国（境）费0万元",
    "“三公”经费支出合计3.2万元，公务用车购置及运行费2.1万元",
    "年初预算数全年预算数全年执行数分值权重执行率得分年度资金总额5.28 1.96 1.96 10 100.00% 10",
    "项目预算资金674.19万元，已使用“专项”资金500万元",
  ];
  it("matches findLabels on every window, quotes and folded parentheses included", () => {
    for (const text of texts) {
      for (const project of [false, true]) {
        for (let a = 0; a <= text.length; a++) {
          for (let b = a; b <= text.length; b++) expect(read(text, a, b, project), `${text} [${a},${b})`).toEqual(sliced(text, a, b, project));
        }
      }
    }
  });
  it("finds labels in texts joined from random label fragments", () => {
    const r = rng(11);
    const pieces = ["一般公共", "预算", "财政拨款", "收入", "“三公”", "经费", "（境）", "因公出国", "费", "支出", "合计", "全年", "预算数", "执行数", "1.5", "”"];
    for (let t = 0; t < 30; t++) {
      const text = randomText(r, pieces, 12);
      for (let a = 0; a <= text.length; a += 3) for (let b = a; b <= text.length; b += 2) expect(read(text, a, b, false)).toEqual(sliced(text, a, b, false));
    }
  });
});

describe("inline rows read as a window of a longer text", () => {
  it("binds the same row as the passage on its own, with positions relative to the window", () => {
    const row = "(万元)资金来源年初预算数全年预算数全年执行数分值权重执行率得分年度资金总额5.28 1.96 1.96 10 100.00% 10";
    const before = "上一段文字。";
    const p = { text: row, page: 3, block: 7, segs: [{ at: 0, length: row.length, base: 0, page: 3, block: 7, bbox: null, cell: null }] };
    const stream = rowText(before + row + "下一段", false, (s, e) => locate(p.segs, s - before.length, e - before.length));
    const ctx = { fiscalYear: 2022, project: false };
    const out: ReturnType<typeof bindInlineRows> = [];
    bindRows(stream, before.length, before.length + row.length, p, ctx, "exact-label", out);
    const alone = bindInlineRows(p, ctx);
    expect(alone.map((c) => c.key)).toEqual(["budget.initial", "budget.adjusted", "budget.executed", "budget.execution_rate"]);
    expect(alone.map((c) => row.slice(c.prov.span!.start, c.prov.span!.end))).toEqual(["5.28", "1.96", "1.96", "100.00%"]);
    expect(out).toEqual(alone);
  });
});

describe("character tables", () => {
  it("marks exactly the characters given", () => {
    const t = charTable("。；\n");
    expect([..."。；\n"].every((c) => t[c.charCodeAt(0)] === 1)).toBe(true);
    expect(t["，".charCodeAt(0)]).toBe(0);
    expect(t.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
