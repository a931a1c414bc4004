/**
 * Writes the spreadsheet fixtures under fixtures/formats/: a 项目支出绩效自评表 workbook laid out like the national template
 * (figures our own), first as flat ODS (self-eval-form.fods, the source), then converted by LibreOffice to .xlsx, .xls
 * (Excel 97–2003) and .ods, and — through LibreOffice's HTML export and Writer — to a .docx of
 * the same form, so tests compare what the readers make of one form in every format. Committed: CI has no LibreOffice.
 * Run: `npx tsx scripts/make-sheet-fixtures.ts` (needs `soffice` with Calc and Writer: Debian's libreoffice-calc-nogui and
 * libreoffice-writer-nogui).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "fixtures/formats");

/** Number styles of the form (names used by `fmt` below). */
type Fmt = "0.00" | "#,##0.00" | "0.00%" | "0.0%" | "0%" | "date-cn";
/**
 * One cell: a string is a text cell (a string of digits stays text, as in sheets typed with a leading apostrophe);
 * `n` a number, `d` an ISO date; `f` an OpenFormula formula whose cached value is `n`; `cs`/`rs` spans.
 */
type Spec = string | { s?: string; n?: number; d?: string; f?: string; fmt?: Fmt; cs?: number; rs?: number; wrap?: boolean };
interface SheetSpec {
  name: string;
  hidden?: boolean;
  widths: number[];
  /** Each row lists its cells left to right, skipping positions a span from an earlier row or cell covers. */
  rows: Spec[][];
}

const PROJECT = "青溪县农村公路养护工程";

const selfEval: SheetSpec = {
  name: "项目支出绩效自评表",
  widths: [1.6, 2.2, 3.2, 3.4, 2.4, 2.4, 1.6, 1.8, 4.2],
  rows: [
    [{ s: "项目支出绩效自评表", cs: 9 }],
    [{ s: "（2023年度）", cs: 9 }],
    [{ s: "项目名称", cs: 2 }, { s: PROJECT, cs: 7 }],
    [{ s: "主管部门", cs: 2 }, { s: "青溪县交通运输局", cs: 3 }, "实施单位", { s: "青溪县公路事业发展中心", cs: 3 }],
    [{ s: "项目资金\n（万元）", cs: 2, rs: 5, wrap: true }, "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    // The total is typed with the float noise a summing system leaves (498.35 is not exact in binary).
    ["年度资金总额", { n: 480, fmt: "0.00" }, { n: 512.6, fmt: "0.00" }, { n: 498.34999999999997, fmt: "0.00" }, { n: 10 }, { f: "of:=[.F6]/[.E6]", n: 498.34999999999997 / 512.6, fmt: "0.00%" }, { f: "of:=ROUND([.G6]*[.H6];2)", n: 9.72, fmt: "0.00" }],
    ["其中：当年财政拨款", { n: 450, fmt: "0.00" }, { n: 470.4, fmt: "0.00" }, { n: 463.15, fmt: "0.00" }, "—", { f: "of:=[.F7]/[.E7]", n: 463.15 / 470.4, fmt: "0.00%" }, "—"],
    ["上年结转资金", { n: 0, fmt: "0.00" }, { n: 12.2, fmt: "0.00" }, { n: 12.2, fmt: "0.00" }, "—", { n: 1, fmt: "0.00%" }, "—"],
    // Numbers stored as text, as sheets pasted from other systems carry them.
    ["其他资金", "30.00", "30.00", "23.00", "—", "76.67%", "—"],
    [{ s: "年度总体目标", rs: 2 }, { s: "预期目标", cs: 4 }, { s: "实际完成情况", cs: 4 }],
    [
      { s: "1.完成县乡道路日常养护620公里；\n2.实施危桥改造3座，提升通行安全。", cs: 4, wrap: true },
      { s: "1.完成日常养护633公里；\n2.完成危桥改造3座，道路优良率达到86.5%。", cs: 4, wrap: true },
    ],
    [{ s: "绩效指标", rs: 8 }, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", { s: "偏差原因分析\n及改进措施", wrap: true }],
    [{ s: "产出指标", rs: 4 }, "数量指标", "日常养护里程", "≥620公里", "633公里", { n: 20 }, { n: 20 }, ""],
    ["数量指标", "危桥改造数量", "3座", "3座", { n: 10 }, { n: 10 }, ""],
    ["质量指标", "道路优良率", "≥85%", { n: 0.865, fmt: "0.0%" }, { n: 10 }, { n: 10 }, ""],
    ["时效指标", "养护任务按期完成率", "100%", { n: 0.95, fmt: "0%" }, { n: 10 }, { n: 8.5 }, { s: "雨季影响部分路段施工，\n已调整养护计划", wrap: true }],
    [{ s: "效益指标", rs: 2 }, "社会效益指标", "群众出行条件", "明显改善", "明显改善", { n: 15 }, { n: 14 }, ""],
    ["可持续影响指标", "养护长效机制", "建立", "已建立", { n: 10 }, { n: 9 }, ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", { n: 0.938, fmt: "0.0%" }, { n: 15 }, { n: 14.5 }, ""],
    [{ s: "总分", cs: 6 }, { f: "of:=[.G6]+SUM([.G13:.G19])", n: 100 }, { f: "of:=[.I6]+SUM([.H13:.H19])", n: 95.72, fmt: "0.00" }, "自评等级：优"],
    [{ s: "填报日期：2024年3月15日　填报人：林晓东　联系电话：0591-6123456", cs: 9 }],
  ],
};

const targets: SheetSpec = {
  name: "绩效目标表",
  widths: [2.2, 2.6, 3.0, 3.6, 2.6, 2.6],
  rows: [
    [{ s: "项目支出绩效目标表", cs: 6 }],
    [{ s: "（2023年度）", cs: 6 }],
    ["", "", "", "", "", "单位：万元"],
    ["项目名称", { s: PROJECT, cs: 5 }],
    ["主管部门", { s: "青溪县交通运输局", cs: 2 }, "实施单位", { s: "青溪县公路事业发展中心", cs: 2 }],
    [{ s: "项目资金", rs: 3 }, "年度资金总额", { n: 480, cs: 4 }],
    // A computed part left with its float noise under the General format.
    ["其中：财政拨款", { n: 449.99999999999994, cs: 4 }],
    ["其他资金", { n: 30, cs: 4 }],
    ["项目总投资（元）", { n: 12345678.9, fmt: "#,##0.00", cs: 5 }],
    ["年度目标", { s: "完成县乡道路日常养护620公里，实施危桥改造3座；\n道路优良率不低于85%，沿线群众满意度不低于90%。", cs: 5, wrap: true }],
    [{ s: "绩效指标", rs: 6 }, "一级指标", "二级指标", "三级指标", { s: "指标值", cs: 2 }],
    [{ s: "产出指标", rs: 3 }, "数量指标", "日常养护里程", { s: "≥620公里", cs: 2 }],
    ["质量指标", "道路优良率", { s: "≥85%", cs: 2 }],
    ["时效指标", "养护任务按期完成率", { s: "100%", cs: 2 }],
    ["效益指标", "社会效益指标", "群众出行条件", { s: "明显改善", cs: 2 }],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", { s: "≥90%", cs: 2 }],
    ["填报日期", { d: "2023-01-10", fmt: "date-cn", cs: 2 }, "", "", ""],
  ],
};

/** A lookup sheet the form's author hid: the reader skips it and says so. */
const hiddenSheet: SheetSpec = {
  name: "等级参数",
  hidden: true,
  widths: [2, 2],
  rows: [
    ["等级", "最低分"],
    ["优", { n: 90 }],
    ["良", { n: 80 }],
  ],
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NUMBER_STYLES = `
  <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="N2G"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:percentage-style style:name="P2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="P1"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="P0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:date-style style:name="DCN"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>`;

const DATA_STYLE: Record<Fmt, string> = { "0.00": "N2", "#,##0.00": "N2G", "0.00%": "P2", "0.0%": "P1", "0%": "P0", "date-cn": "DCN" };

function cellStyles(): string {
  const out: string[] = [];
  for (const wrap of [false, true]) {
    const props = `<style:table-cell-properties style:vertical-align="middle"${wrap ? ' fo:wrap-option="wrap"' : ""}/>`;
    out.push(`<style:style style:name="ce${wrap ? "W" : ""}" style:family="table-cell" style:parent-style-name="Default">${props}</style:style>`);
    for (const [fmt, data] of Object.entries(DATA_STYLE)) {
      out.push(`<style:style style:name="ce${wrap ? "W" : ""}${data}" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="${data}">${props}</style:style>`);
      void fmt;
    }
  }
  return out.join("\n  ");
}

function sheetXml(sheet: SheetSpec, index: number): string {
  const cols = sheet.widths
    .map((w, i) => `<table:table-column table:style-name="co${index}_${i}" table:default-cell-style-name="ce"/>`)
    .join("");
  const covered: boolean[][] = [];
  const rows: string[] = [];
  sheet.rows.forEach((cells, r) => {
    covered[r] ??= [];
    const xml: string[] = [];
    let col = 0;
    const emitCovered = () => {
      while (covered[r][col]) {
        xml.push("<table:covered-table-cell/>");
        col++;
      }
    };
    for (const spec of cells) {
      emitCovered();
      const c = typeof spec === "string" ? { s: spec } : spec;
      const cs = c.cs ?? 1;
      const rs = c.rs ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        covered[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) if (dr || dc) covered[r + dr][col + dc] = true;
      }
      const span = cs > 1 || rs > 1 ? ` table:number-columns-spanned="${cs}" table:number-rows-spanned="${rs}"` : "";
      const style = ` table:style-name="ce${c.wrap ? "W" : ""}${c.fmt ? DATA_STYLE[c.fmt] : ""}"`;
      const formula = c.f ? ` table:formula="${esc(c.f)}"` : "";
      let value: string;
      let shown: string;
      if (c.d !== undefined) {
        value = ` office:value-type="date" office:date-value="${c.d}"`;
        shown = "";
      } else if (c.n !== undefined) {
        const pct = c.fmt?.endsWith("%");
        value = ` office:value-type="${pct ? "percentage" : "float"}" office:value="${c.n}"`;
        shown = ""; // Calc renders a number with its style; the source states only the value
      } else {
        value = c.s ? ` office:value-type="string"` : "";
        shown = c.s ?? "";
      }
      const paras = shown ? shown.split("\n").map((p) => `<text:p>${esc(p)}</text:p>`).join("") : "";
      xml.push(`<table:table-cell${style}${span}${formula}${value}>${paras}</table:table-cell>`);
      col++;
      // The positions a column span covers in its own row follow it directly.
      for (let dc = 1; dc < cs; dc++) {
        xml.push("<table:covered-table-cell/>");
        col++;
      }
    }
    emitCovered();
    rows.push(`<table:table-row>${xml.join("")}</table:table-row>`);
  });
  return `<table:table table:name="${esc(sheet.name)}" table:style-name="${sheet.hidden ? "taHidden" : "ta"}">${cols}\n${rows.join("\n")}\n</table:table>`;
}

function fods(sheets: SheetSpec[]): string {
  const colStyles = sheets
    .flatMap((s, i) => s.widths.map((w, j) => `<style:style style:name="co${i}_${j}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`))
    .join("\n  ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>${NUMBER_STYLES}
  <style:style style:name="ta" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>
  ${colStyles}
  ${cellStyles()}
</office:automatic-styles>
<office:body><office:spreadsheet>
${sheets.map(sheetXml).join("\n")}
</office:spreadsheet></office:body>
</office:document>
`;
}

function convert(src: string, dir: string, target: string): void {
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", target, "--outdir", dir, src], {
    stdio: "ignore",
    timeout: 120_000,
  });
}

const tmp = mkdtempSync(path.join(tmpdir(), "jx-sheets-"));
try {
  const base = "self-eval-form";
  const source = path.join(out, `${base}.fods`);
  writeFileSync(source, fods([selfEval, targets, hiddenSheet]));
  const work = path.join(tmp, `${base}.fods`);
  copyFileSync(source, work);
  convert(work, tmp, "xlsx:Calc MS Excel 2007 XML");
  convert(work, tmp, "xls:MS Excel 97");
  convert(work, tmp, "ods:calc8");
  convert(work, tmp, "html:HTML (StarCalc)");
  for (const ext of ["xlsx", "xls", "ods"]) copyFileSync(path.join(tmp, `${base}.${ext}`), path.join(out, `${base}.${ext}`));
  // The same form as a Word document: Calc's HTML export opened by Writer keeps the spans and the displayed numbers.
  const html = path.join(tmp, `${base}.html`);
  const docxDir = path.join(tmp, "docx");
  execFileSync("mkdir", ["-p", docxDir]);
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${tmp}/profile`, "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", docxDir, html], {
    stdio: "ignore",
    timeout: 120_000,
  });
  copyFileSync(path.join(docxDir, `${base}.docx`), path.join(out, `${base}.docx`));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
