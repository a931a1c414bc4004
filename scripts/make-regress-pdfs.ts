/**
 * Regression PDFs for the PDF reader, each named after what broke: flat ODT (.fodt) written here, rendered by
 * LibreOffice headless with Noto CJK. The outputs are committed (CI has no LibreOffice); rerun after changing a case:
 *
 *   npx tsx scripts/make-regress-pdfs.ts [--out fixtures/regress] [--only NAME,NAME]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(" ");

const STYLES = `
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="24pt" fo:margin-bottom="4pt"/></style:style>
<style:style style:name="Run" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-align-last="justify" fo:text-indent="24pt"/></style:style>
<style:style style:name="Cont" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:break-before="page"/></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="24pt" fo:break-before="page"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/><style:text-properties fo:font-size="20pt" style:font-size-asian="20pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="6pt"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Unit" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="Num" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="HF" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Spaced" style:family="text"><style:text-properties fo:letter-spacing="0.18cm"/></style:style>
<style:style style:name="Latin" style:family="text"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="margins"/></style:style>
<style:style style:name="TC" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>`;

function fodt(body: string, opts: { header?: string; footer?: boolean; styles?: string } = {}): string {
  const hf = opts.header !== undefined || opts.footer;
  const headerStyle = hf
    ? `<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>`
    : "";
  const header = opts.header !== undefined ? `<style:header><text:p text:style-name="HF">${opts.header}</text:p></style:header>` : "";
  const footer = opts.footer ? `<style:footer><text:p text:style-name="HF">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="150%"/>
<style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>${headerStyle}</style:page-layout>
${STYLES}${opts.styles ?? ""}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${header}${footer}</style:master-page></office:master-styles>
<office:body><office:text>${body}</office:text></office:body>
</office:document>`;
}

const p = (style: string, text: string) => `<text:p text:style-name="${style}">${text}</text:p>`;
const spaced = (text: string) => `<text:span text:style-name="Spaced">${text}</text:span>`;
const latin = (text: string) => `<text:span text:style-name="Latin">${text}</text:span>`;

function table(rows: string[][]): string {
  const cols = rows[0].length;
  const cell = (v: string, r: number) => {
    const style = r > 0 && /^[\d,.]+$/.test(v) ? "Num" : "Cell";
    return `<table:table-cell table:style-name="TC" office:value-type="string">${p(style, v)}</table:table-cell>`;
  };
  const body = rows.map((r, i) => `<table:table-row>${r.map((v) => cell(v, i)).join("")}</table:table-row>`).join("");
  return `<table:table table:name="T1" table:style-name="Tbl"><table:table-column table:number-columns-repeated="${cols}"/>${body}</table:table>`;
}

/** A form cell: text, or [text, colSpan, rowSpan]; null is the slot of a cell merged into an earlier one. */
type FormCell = string | [string, number, number] | null;

/**
 * A bordered form laid out like a 自评表: fixed column widths (cm) so long cells wrap, cells merged across columns and
 * rows, padding as tight as government templates use.
 */
function form(name: string, widths: number[], rows: FormCell[][]): { xml: string; styles: string } {
  const total = widths.reduce((a, b) => a + b, 0);
  const styles =
    `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${total}cm" table:align="left"/></style:style>` +
    widths.map((w, i) => `<style:style style:name="${name}.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`).join("") +
    `<style:style style:name="${name}.TC" style:family="table-cell"><style:table-cell-properties fo:padding="0.03cm" fo:border="0.5pt solid #000000"/></style:style>` +
    `<style:style style:name="${name}.P" style:family="paragraph"><style:paragraph-properties fo:line-height="115%"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>`;
  const cols = widths.map((_, i) => `<table:table-column table:style-name="${name}.C${i}"/>`).join("");
  const body = rows
    .map((r) => {
      const cells = r.map((c) => {
        if (c === null) return "<table:covered-table-cell/>";
        const [text, cs, rs] = typeof c === "string" ? [c, 1, 1] : c;
        const span = (cs > 1 ? ` table:number-columns-spanned="${cs}"` : "") + (rs > 1 ? ` table:number-rows-spanned="${rs}"` : "");
        return `<table:table-cell table:style-name="${name}.TC"${span} office:value-type="string"><text:p text:style-name="${name}.P">${text}</text:p></table:table-cell>`;
      });
      return `<table:table-row>${cells.join("")}</table:table-row>`;
    })
    .join("");
  return { xml: `<table:table table:name="${name}" table:style-name="${name}">${cols}${body}</table:table>`, styles };
}

/** A grey PNG with stripes, encoded by hand (Node 20 has no zlib.crc32). */
function stripedPng(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = (Math.floor(y / 6) % 2 ? 60 : 200) + (x % 40);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function image(): string {
  const data = stripedPng(240, 160).toString("base64");
  return `<text:p text:style-name="Cell"><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="14cm" svg:height="9.3cm"><draw:image><office:binary-data>${data}</office:binary-data></draw:image></draw:frame></text:p>`;
}

// Sentences written for these fixtures (a fictional 县农业服务中心), figures chosen to be checkable.
const PROSE = [
  "本中心二〇二三年度围绕年初确定的绩效目标开展工作，各项资金按照预算批复使用，重点项目按计划推进，绩效自评工作由财务股牵头组织完成。",
  "在资金管理方面，本中心严格执行国库集中支付制度，对每一笔支出进行事前审核和事后复核，确保资金使用合规、核算准确、档案完整。",
  "在项目管理方面，本中心建立了项目台账，逐月跟踪进度，对执行偏慢的项目及时召开协调会，分析原因并提出整改措施，全年未发生重大偏差。",
];

interface Case {
  name: string;
  doc: string;
  password?: string;
}

/** Figures and wording invented for these fixtures (a fictional 农技推广 training project). */
function borderedForm(): string {
  const money = form("Money", [2.6, 2.2, 2.2, 2.2, 1.6, 1.8, 1.6], [
    [["项目", 1, 2], ["资金情况（万元）", 3, 1], null, null, ["评分", 3, 1], null, null],
    [null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "86.40", "92.15", "88.67", "10", "96.22%", "9.6"],
    ["其中：财政拨款", "80.00", "85.75", "82.27", "—", "—", "—"],
  ]);
  const goals = form("Goals", [2.2, 5.9, 2.2, 5.9], [
    [
      "年度总体目标",
      "组织基层农技人员分批参加集中培训和田间实训，推广三项主导品种配套技术，建立示范基地十二个。",
      "实际完成情况",
      "完成集中培训四期和田间实训九场，三项配套技术全部推广到位，示范基地建成十一个。",
    ],
  ]);
  const indicators = form("Ind", [1.5, 1.7, 2.4, 1.7, 1.7, 1.0, 1.0, 5.2], [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [["产出指标", 1, 3], "数量指标", "培训基层农技人员人次", "≥300人次", "326人次", "10", "10", "无"],
    [null, "质量指标", "培训考核合格率", "≥90%", "93.5%", "10", "9.5", "部分学员结业考核成绩偏低，下一年度增加实操课时并实行分组辅导"],
    [null, "时效指标", "项目完成及时率", "100%", "92%", "10", "8", "冬季田间示范受降温天气影响推迟，已调整到次年春季实施"],
    [["效益指标", 1, 2], "社会效益指标", "主导技术入户覆盖面", "逐步提高", "有所提高", "20", "18", "示范点分布不均衡，偏远乡镇覆盖不足，将增设流动服务点"],
    [null, "可持续影响指标", "长效技术服务机制", "建立健全", "基本建立", "10", "9", "服务队伍流动较大，稳定性有待提高"],
    ["满意度指标", "服务对象满意度指标", "参训农户满意度", "≥90%", "95.2%", "10", "10", "无"],
    [["总分", 5, 1], null, null, null, null, "70", "64.5", "自评等级：良"],
  ]);
  return fodt(
    p("Title", "项目支出绩效自评表") + money.xml + p("Cell", "") + goals.xml + p("Cell", "年度绩效指标完成情况") + indicators.xml,
    { styles: money.styles + goals.styles + indicators.styles },
  );
}

/** A long bordered table whose rows carry wrapped remarks, so that LibreOffice splits one row across the page break. */
function borderedSplitRow(): string {
  const notes = [
    "按季度拨付，资金到位及时，支出进度与工作进度基本一致，未发现截留挪用",
    "采购程序规范，合同签订及时，验收资料齐全，设备已全部投入使用并登记入账",
    "受汛期影响工期顺延一个月，已督促施工单位增加人员设备，年底前全部完工",
  ];
  const rows: FormCell[][] = [["序号", "项目名称", "预算数", "执行数", "执行情况说明"]];
  for (let i = 1; i <= 24; i++) {
    const budget = (40 + ((i * 37) % 60) + i / 4).toFixed(2);
    const spent = (Number(budget) - ((i * 13) % 9) / 2).toFixed(2);
    rows.push([String(i), `第${i}批农田水利设施维护`, budget, spent, `${notes[i % 3]}；${notes[(i + 1) % 3]}；${notes[(i + 2) % 3]}。`]);
  }
  const t = form("Split", [1.2, 4.0, 1.8, 1.8, 5.2], rows);
  return fodt(p("Title", "重点项目执行情况表") + many(3) + t.xml, { styles: t.styles });
}

/**
 * Report titles set large enough to wrap: the full first lines are not centred on their own, only the short last one.
 * Around them, what must stay apart: a smaller centred subtitle, a large left-aligned line that wraps, body prose.
 */
function wrappedCentredTitle(): string {
  const styles = `
<style:style style:name="Big" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="100%" fo:margin-bottom="6pt"/><style:text-properties fo:font-size="26pt" style:font-size-asian="26pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Sub" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="BigLeft" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="100%" fo:margin-bottom="6pt"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="BigBreak" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="100%" fo:margin-bottom="6pt" fo:break-before="page"/><style:text-properties fo:font-size="26pt" style:font-size-asian="26pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>`;
  return fodt(
    p("Big", "长乐县住房和城乡建设局2022年度部门整体支出绩效自评报告") +
      p("Sub", "（2022年度）") +
      many(2) +
      p("BigLeft", "附：本中心年度重点工作完成情况与下一年度工作计划安排的说明") +
      p("Body", PROSE[2]) +
      p("BigBreak", "柳城县社会保障服务中心部门（单位）整体支出绩效评价自评报告（2022年度）") +
      many(1),
    { styles },
  );
}

function many(n: number): string {
  return Array.from({ length: n }, (_, i) => p("Body", PROSE[i % PROSE.length])).join("");
}

/**
 * A 自评表 printed one cell per paragraph, as a web page's table comes out of a browser's print: bare figures run past
 * the foot of one page onto the next, and a row prints its figures a space apart (27.8 9: the 执行数 and the 分值).
 */
function formCellsAcrossPages(): string {
  const rows = ["年度资金总额:", "其中:当年财政拨款", "上年结转资金", "其他资金"];
  let body = p("Title", "某县文物保护专项经费绩效自评表") + p("Cell", "（万元）年度资金总额 29 29 27.8 9 0.958 8");
  for (let k = 0; k < 12; k++) {
    for (const r of rows) body += p("Cell", r) + ["29", "29", "27.8", "10", "95.86%", "9"].map((v) => p("Cell", v)).join("");
  }
  return body;
}

function cases(): Case[] {
  return [
    {
      name: "justified-cjk-spaced",
      doc: fodt(
        p("Title", spaced("某县农业服务中心绩效自评报告")) +
          p("Body", spaced("本年度收入合计1,234.56万元，与上年相比增加56.78万元，增长4.82%，主要原因是项目资金增加。")) +
          p("Body", spaced("中心共有在职人员28人，其中管理人员6人，专业技术人员22人，全年完成各项工作任务。")) +
          p("Body", "The report uses Microsoft Word and Noto Sans CJK fonts; 英文单词之间的空格应当保留。"),
      ),
    },
    {
      name: "number-split-across-items",
      doc: fodt(
        p("Body", `本年度支出合计${latin("12,3")}45.67万元，其中基本支出${latin("8,76")}5.43万元，项目支出${latin("3,58")}0.24万元。`) +
          p("Body", `固定资产总额为${latin("98")}7.65万元，利用率为${latin("96.")}5%。`),
      ),
    },
    {
      name: "table-right-aligned-unit",
      doc: fodt(
        p("Title", "收入支出决算表") +
          p("Unit", "单位：万元") +
          table([
            ["项目", "年初预算数", "全年预算数", "全年执行数"],
            ["基本支出", "1,024.50", "1,100.00", "1,098.76"],
            ["项目支出", "356.00", "420.30", "401.25"],
            ["其中：设备购置", "88.00", "90.00", "9.50"],
            ["合计", "1,380.50", "1,520.30", "1,500.01"],
          ]) +
          p("Body", "上表数据来源于本中心年度决算报表。"),
      ),
    },
    {
      name: "header-footer-page-numbers",
      doc: fodt(p("Title", "某县农业服务中心绩效自评报告") + many(30), { header: "某县农业服务中心2023年度部门整体支出绩效自评报告", footer: true }),
    },
    {
      name: "page-break-cut",
      doc: fodt(
        p("Body", PROSE[0]) +
          p("Run", "本中心全年财政拨款收入合计为一百二十万元左右，经过核对后确认的准确数据为全年收入合计1,23") +
          p("Cont", "4.56万元，全部纳入预算管理，其中人员经费占比较高，公用经费保持稳定，整体执行情况良好，达到预期目标要求") +
          p("Run", "为进一步加强作风建设，本中心组织开展了多次专题学习活动，认真落实各项制度，持续深化机关精") +
          p("Cont", "精神文明建设，践行社会主义核心价值观，不断提高服务水平和工作效率。") +
          p("Run", "下一步，本中心将继续加强预算绩效管理，切实提高财政资金使用效益，推动各项工作取得新的更大成") +
          p("Cont", "效，为全县农业农村发展作出积极贡献。") +
          p("Break", "这是新起一页的段落，它有首行缩进，不应与上一页的段落合并。"),
        { header: "某县农业服务中心绩效自评报告", footer: true },
      ),
    },
    { name: "image-only-page", doc: fodt(p("Body", PROSE[1]) + p("Break", "") + image()) },
    { name: "image-only", doc: fodt(image() + image()) },
    { name: "encrypted", doc: fodt(p("Body", PROSE[2])), password: "jixiao" },
    { name: "bordered-form-wrapped-cells", doc: borderedForm() },
    { name: "bordered-table-row-split", doc: borderedSplitRow() },
    { name: "wrapped-centred-title", doc: wrappedCentredTitle() },
    { name: "form-cells-across-pages", doc: fodt(formCellsAcrossPages(), { footer: true }) },
  ];
}

function render(c: Case, outDir: string, work: string): void {
  const src = path.join(work, `${c.name}.fodt`);
  writeFileSync(src, c.doc);
  const filter = c.password
    ? `pdf:writer_pdf_Export:${JSON.stringify({
        EncryptFile: { type: "boolean", value: "true" },
        DocumentOpenPassword: { type: "string", value: c.password },
      })}`
    : "pdf:writer_pdf_Export";
  execFileSync("soffice", [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", filter, "--outdir", work, src], {
    stdio: "pipe",
  });
  renameSync(path.join(work, `${c.name}.pdf`), path.join(outDir, `${c.name}.pdf`));
}

function main(): void {
  const ai = process.argv.indexOf("--out");
  const outDir = path.resolve(ai >= 0 ? process.argv[ai + 1] : "fixtures/regress");
  const oi = process.argv.indexOf("--only");
  const only = oi >= 0 ? new Set(process.argv[oi + 1].split(",")) : null;
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), "jx-regress-"));
  try {
    for (const c of cases()) {
      if (only && !only.has(c.name)) continue;
      render(c, outDir, work);
      console.log(`wrote ${path.join(outDir, c.name + ".pdf")}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
