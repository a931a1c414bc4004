/**
 * Hostile inputs built in memory (issue 18): each is the smallest shape that once stalled, exhausted or crashed a run.
 * Tests call these with a size that was slow; scripts/make-hostile.ts writes the whole acceptance batch to a folder.
 */
import { constants as zlibConstants, deflateRawSync, deflateSync } from "node:zlib";

/** A PDF from raw object bodies (1-based object numbers in order); object 1 must be the catalog. */
export function rawPdf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let pos = parts[0].length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o, "latin1"), Buffer.from("\nendobj\n")]);
    offsets.push(pos);
    parts.push(b);
    pos += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export function streamObject(data: Buffer, opts: { flate?: boolean; dict?: string } = {}): Buffer {
  const body = opts.flate ? deflateSync(data, { level: 9 }) : data;
  const filter = opts.flate ? "/Filter/FlateDecode" : "";
  return Buffer.concat([Buffer.from(`<<${opts.dict ?? ""}${filter}/Length ${body.length}>>stream\n`, "latin1"), body, Buffer.from("\nendstream", "latin1")]);
}

/** UTF-16BE hex string for a CID font with the UniGB-UCS2-H encoding (pdf.js maps it back to Unicode with its CMaps). */
function ucs2Hex(s: string): string {
  return Buffer.from(s, "utf16le").swap16().toString("hex");
}

/**
 * A paged PDF of Chinese text lines in the standard (not embedded) STSong-Light font. `pageLines(i)` gives page i's
 * lines; `pageFilter(i)` may replace a page's content stream bytes (a damaged page, a bomb).
 */
export function cjkPdf(pages: number, pageLines: (page: number) => string[], opts: { contents?: (page: number, stream: Buffer) => Buffer } = {}): Buffer {
  const font = "<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[4 0 R]>>";
  const cid = "<</Type/Font/Subtype/CIDFontType2/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 4>>/FontDescriptor 5 0 R/DW 1000>>";
  const desc = "<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[-25 -254 1000 880]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880/StemV 93>>";
  const objs: Array<string | Buffer> = ["<</Type/Catalog/Pages 2 0 R>>", "", font, cid, desc];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const pageObj = objs.length + 1;
    const contentObj = pageObj + 1;
    kids.push(`${pageObj} 0 R`);
    const lines = pageLines(p);
    let s = "BT /F1 12 Tf 14 TL 60 780 Td\n";
    for (const l of lines) s += `<${ucs2Hex(l)}> Tj T*\n`;
    s += "ET\n";
    const raw = Buffer.from(s, "latin1");
    const stream = opts.contents ? opts.contents(p, raw) : streamObject(raw, { flate: true });
    objs.push(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>/Contents ${contentObj} 0 R>>`, stream);
  }
  objs[1] = `<</Type/Pages/Kids[${kids.join(" ")}]/Count ${pages}>>`;
  return rawPdf(objs);
}

/** 1. pdf.js walks 200,000 nested q/Q operators for minutes; the file is about 1.4 KB. */
export function nestedSaveRestorePdf(depth = 200_000): Buffer {
  const content = Buffer.from("q ".repeat(depth) + "BT /F1 12 Tf 72 700 Td (x) Tj ET " + "Q ".repeat(depth), "latin1");
  return rawPdf([
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
    streamObject(content, { flate: true }),
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
  ]);
}

/** 1. Short lines separated by blank lines: every line joins the growing paragraph (document/blocks.ts). */
export function blankSeparatedLinesTxt(lines = 20_000): Buffer {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`第${i}行项目支出情况说明文字内容记录和分析`);
  return Buffer.from(out.join("\n\n") + "\n", "utf8");
}

/** 1. One paragraph of repeated figure sentences: the prose label scan was hits × labels. */
export function figureParagraphTxt(bytes = 1_000_000): Buffer {
  const unit = "总支出123.45万元，比上年增加1.2万元，增长3.4%";
  const n = Math.ceil(bytes / Buffer.byteLength(unit));
  return Buffer.from("2023年度部门整体支出绩效自评报告\n\n" + unit.repeat(n) + "。\n", "utf8");
}

/**
 * A project report's paragraph without a stop: allocations, arrivals, lists of projects with amounts, totals split by
 * 其中 and score rows repeated (each binder of those shapes once sliced or masked the whole paragraph per figure).
 */
export function projectListParagraphTxt(bytes = 1_000_000): Buffer {
  const unit = "2023年共下达资金10万元均已到位，包括道路建设5万元、桥梁建设5万元和乡村学校维修3万元，其中基本支出4万元，总分 100 90 ";
  const n = Math.ceil(bytes / Buffer.byteLength(unit));
  return Buffer.from("2023年项目支出绩效自评报告\n\n" + unit.repeat(n) + "。\n", "utf8");
}

/**
 * A disclosure's 情况说明 run together without a line break: totals split by 其中 with shares, year-on-year changes,
 * 科目 lines, the 三公 sentence and procurement splits, repeated (mapping each figure back to its place in the line
 * walked the whole line per figure).
 */
export function disclosureParagraphTxt(bytes = 1_000_000): Buffer {
  const unit =
    "2023年收入合计1000.00万元，其中：财政拨款收入800.00万元，占80.00%；事业收入200.00万元，支出预算1000万元，比2022年预算增加100万元，增长11.11%。" +
    "基本支出600万元，其中人员经费500万元、公用经费100万元；项目支出400万元。“三公”经费预算10万元，其中公务接待费2万元、公务用车运行费8万元。" +
    "2080501行政单位离退休（项）支出30万元，比上年执行数25万元增加5万元，增长20%。政府采购预算总额50万元，其中货物20万元、服务30万元，";
  const n = Math.ceil(bytes / Buffer.byteLength(unit));
  return Buffer.from("2023年度某局部门预算公开\n\n" + unit.repeat(n) + "。\n", "utf8");
}

/** 1. A long PDF whose lines have no end punctuation: the reader joined them into one growing paragraph. */
export function unpunctuatedLinesPdf(pages = 500, linesPerPage = 50): Buffer {
  return cjkPdf(pages, (p) => Array.from({ length: linesPerPage }, (_, i) => `第${p + 1}页第${i + 1}行项目支出情况说明文字内容记录`));
}

/** A zlib stream of `n` copies of byte `c`, built block by block (1 GiB of input is never held in memory). */
export function repeatedByteZlib(n: number, c = 0x20): Buffer {
  const block = 1 << 20;
  const full = deflateRawSync(Buffer.alloc(block, c), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  let left = n;
  for (; left >= block; left -= block) parts.push(full);
  if (left > 0) parts.push(deflateRawSync(Buffer.alloc(left, c), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
  parts.push(Buffer.from([0x03, 0x00])); // final empty fixed-Huffman block
  // Adler-32 of n equal bytes in closed form: a = 1 + n·c, b = n + c·n(n+1)/2 (mod 65521).
  const N = BigInt(n);
  const C = BigInt(c);
  const a = (1n + N * C) % 65521n;
  const b = (N + (C * N * (N + 1n)) / 2n) % 65521n;
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(Number((b << 16n) | a));
  parts.push(sum);
  return Buffer.concat(parts);
}

/** 5. A PDF whose page content stream inflates to `inflated` bytes of spaces (1 GiB from about 1 MB). */
export function flateBombPdf(inflated = 1 << 30): Buffer {
  const body = repeatedByteZlib(inflated);
  return rawPdf([
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
    Buffer.concat([Buffer.from(`<</Filter/FlateDecode/Length ${body.length}>>stream\n`, "latin1"), body, Buffer.from("\nendstream", "latin1")]),
  ]);
}
