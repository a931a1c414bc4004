import { describe, expect, it } from "vitest";
import { groupLines, isCjkCode, joinPieces, lineTexts, splitItems, type Piece } from "../../src/formats/pdf-lines.js";
import { isPageNumberText } from "../../src/formats/pdf-furniture.js";
import { joinAcross, joinAcrossPage } from "../../src/formats/pdf-paragraphs.js";

/** Items laid left to right at 12pt: [text, gap before it in ems]. */
function row(parts: Array<[string, number]>, base = 100): Piece[] {
  let x = 50;
  return parts.map(([str, gap]) => {
    x += gap * 12;
    const width = Array.from(str).reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 6), 0);
    const p = { str, x0: x, x1: x + width, top: base - 10, bottom: base + 2, base, size: 12, font: "f" };
    x += width;
    return p;
  });
}

describe("pdf line text", () => {
  it("drops pdf.js's spaces between CJK glyphs and inside a number, keeps them between Latin words", () => {
    const pieces = splitItems(row([["1 , 2 3 4 . 5 6 万 元", 0]]));
    expect(joinPieces(pieces)).toBe("1,234.56万元");
    expect(joinPieces(splitItems(row([["江 苏 省 人 民", 0]])))).toBe("江苏省人民");
    expect(joinPieces(row([["Microsoft", 0], ["Word", 0.3]]))).toBe("Microsoft Word");
    expect(joinPieces(row([["增长", 0], ["21.95", 0.3], ["%", 0.3]]))).toBe("增长21.95%");
  });

  it("joins a number broken into two runs but keeps two numbers apart", () => {
    expect(joinPieces(row([["12,3", 0], ["45.67", 0.1], ["万元", 0]]))).toBe("12,345.67万元");
    expect(joinPieces(row([["100.00", 0], ["200.00", 0.4]]))).toBe("100.00 200.00");
  });

  it("keeps the figures of a printed row apart when a space's width separates them, even where the digits would join", () => {
    // One pdf.js item holding real spaces (LibreOffice writes a row of figures as one run).
    expect(joinPieces(splitItems(row([["5.28 1.96 1.96 10 100.00% 10", 0]])))).toBe("5.28 1.96 1.96 10 100.00% 10");
    expect(joinPieces(splitItems(row([["45 45 10 100% 10", 0]])))).toBe("45 45 10 100% 10");
    expect(joinPieces(row([["95.00", 0], ["5", 0.3]]))).toBe("95.00 5");
    // Tracked digits still read as one number.
    expect(joinPieces(splitItems(row([["9 8 . 1 7 %", 0]])))).toBe("98.17%");
  });

  it("keeps wide gaps as a tab, except in a line spread evenly by distributed alignment", () => {
    expect(joinPieces(row([["部门：某局", 0], ["单位：万元", 20]]))).toBe("部门：某局\t单位：万元");
    expect(joinPieces(row([["为", 0], ["全", 4], ["年", 4], ["收", 4], ["入", 4]]))).toBe("为全年收入");
  });

  it("groups items by baseline whatever their stream order, and drops fake-bold doubles", () => {
    const a = row([["第二行", 0]], 130);
    const b = row([["第一行", 0], ["右侧", 2]], 100);
    const dup = { ...b[0], x0: b[0].x0 + 0.3, x1: b[0].x1 + 0.3 };
    const lines = groupLines([...a, b[1], dup, b[0]]);
    expect(lines.map((l) => l.text)).toEqual(["第一行右侧", "第二行"]);
    expect(lineTexts([...a, b[1], dup, b[0]])).toEqual(["第一行右侧", "第二行"]);
    // Pieces already in reading order give the same lines as any shuffle of them.
    expect(groupLines([...b, ...a]).map((l) => [l.text, l.x0, l.x1])).toEqual(lines.map((l) => [l.text, l.x0, l.x1]));
  });

  it("tells CJK characters (no space printed beside them) by code unit, as the character class they stand for", () => {
    const cls = /[\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018-\u201f\u2026\u00b7]/;
    let differ = 0;
    for (let c = 0; c < 0x10000; c++) if (isCjkCode(c) !== cls.test(String.fromCharCode(c))) differ++;
    expect(differ).toBe(0);
    expect(isCjkCode(NaN)).toBe(false);
  });

  it("joins wrapped lines with a space only between words", () => {
    expect(joinAcross("本年度预算", "执行率")).toBe("本年度预算执行率");
    expect(joinAcross("合计1,23", "4.56")).toBe("合计1,234.56");
    expect(joinAcross("12.5", "%")).toBe("12.5%");
    expect(joinAcross("perfor-", "mance")).toBe("performance");
    expect(joinAcross("budget", "report")).toBe("budget report");
    expect(joinAcross("", "正文")).toBe("正文");
  });
});

describe("pdf furniture and page breaks", () => {
  it("recognises page numbers", () => {
    for (const s of ["- 3 -", "— 12 —", "第 3 页", "第3页 共12页", "3/12", "Page 4", "7"]) expect(isPageNumberText(s), s).toBe(true);
    for (const s of ["3.5万元", "2019年", "一、主要职能"]) expect(isPageNumberText(s), s).toBe(false);
  });

  it("drops a character doubled at a page break, but not a reduplicated word", () => {
    expect(joinAcrossPage("不断提高机关精", "精神文明创建水平")).toBe("不断提高机关精神文明创建水平");
    expect(joinAcrossPage("各项工作常", "常抓不懈")).toBe("各项工作常常抓不懈");
    expect(joinAcrossPage("收入合计1,23", "4.56万元")).toBe("收入合计1,234.56万元");
    expect(joinAcrossPage("uses the", "report")).toBe("uses the report");
  });
});
