/**
 * Writes fixtures/disclosures/: a synthetic department's 2023 部门预算公开 and 部门决算公开 (DOCX through the `docx`
 * package, PDF through LibreOffice headless) and its 2023 self-evaluation (TXT), whose 总支出 and 项目支出 differ from
 * the final accounts by 8.00 万元 — a non-rounding gap the reconciliation rule must flag. Gold files beside each.
 * Texts are written for this project; figures are invented. Run: npx tsx scripts/make-disclosure-fixtures.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync, existsSync, renameSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const OUT = path.resolve(import.meta.dirname, "../fixtures/disclosures");
const DEPT = "青溪县自然资源局";
const YEAR = 2023;
const FONT = "Noto Sans CJK SC";

type CellSpec = string | { t: string; rows?: number; cols?: number };
type Piece = { h: string } | { p: string } | { title: string; unit?: boolean; rows: CellSpec[][] } | { pageBreak: true };

const wan = (s: string) => Math.round(Number(s.replace(/,/g, "")) * 10000);

function cell(c: CellSpec): TableCell {
  const spec = typeof c === "string" ? { t: c } : c;
  return new TableCell({
    rowSpan: spec.rows,
    columnSpan: spec.cols,
    children: [new Paragraph({ alignment: /^[\d,.]+$/.test(spec.t) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: spec.t, font: FONT, size: 18 })] })],
  });
}

function render(pieces: Piece[]): Document {
  const children: Array<Paragraph | Table> = [];
  for (const x of pieces) {
    if ("h" in x) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: x.h, font: FONT, size: 32, bold: true })] }));
    else if ("p" in x) children.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: x.p, font: FONT, size: 24 })] }));
    else if ("pageBreak" in x) children.push(new Paragraph({ children: [new PageBreak()] }));
    else {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200 }, children: [new TextRun({ text: x.title, font: FONT, size: 28, bold: true })] }));
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `部门：${DEPT}　　单位：万元`, font: FONT, size: 18 })] }));
      children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: x.rows.map((r) => new TableRow({ children: r.map(cell) })) }));
    }
  }
  return new Document({ sections: [{ children }] });
}

function toText(pieces: Piece[]): string {
  return pieces
    .map((x) => ("h" in x ? x.h : "p" in x ? x.p : "pageBreak" in x ? "" : [x.title, ...x.rows.map((r) => r.map((c) => (typeof c === "string" ? c : c.t)).join("\t"))].join("\n")))
    .join("\n");
}

const BUDGET: Piece[] = [
  { h: `${DEPT}${YEAR}年度部门预算公开` },
  { p: "第一部分 部门概况" },
  { p: `一、主要职能。${DEPT}负责全县国土空间规划的编制和监督实施，承担自然资源调查、确权登记、耕地保护和矿产资源管理等工作。` },
  { p: "二、机构设置。本局内设办公室、规划股、耕地保护股、确权登记股等8个股室，下属不动产登记中心1个。" },
  { pageBreak: true },
  { p: `第二部分 ${YEAR}年度部门预算表` },
  {
    title: "收支预算总表",
    rows: [
      ["收入项目", "金额", "支出项目", "金额"],
      ["一、财政拨款", "3,106.40", "一、基本支出", "1,842.15"],
      ["1.一般公共预算", "3,106.40", "二、项目支出", "1,314.25"],
      ["2.政府性基金预算", "", "三、单位预留机动经费", "100.00"],
      ["二、其他资金", "150.00", "", ""],
      ["当年收入小计", "3,256.40", "当年支出小计", "3,256.40"],
      ["上年结转资金", "", "结转下年资金", ""],
      ["收入合计", "3,256.40", "支出合计", "3,256.40"],
    ],
  },
  {
    title: "收入预算总表",
    rows: [
      [{ t: "项目名称", cols: 2 }, "金额"],
      [{ t: "收入总计", cols: 2 }, "3,256.40"],
      ["一般公共预算资金", "公共财政拨款(补助)资金", "3,106.40"],
      [{ t: "其他资金", rows: 2 }, "事业收入", ""],
      ["其他收入", "150.00"],
    ],
  },
  {
    title: "支出预算总表",
    rows: [
      ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"],
      ["3,256.40", "1,842.15", "1,314.25", "100.00", ""],
    ],
  },
  {
    title: "一般公共预算“三公”经费、会议费、培训费支出预算表",
    rows: [
      [{ t: "合计", rows: 3 }, { t: "“三公”经费", cols: 6 }, { t: "会议费", rows: 3 }, { t: "培训费", rows: 3 }],
      [{ t: "小计", rows: 2 }, { t: "因公出国（境）费", rows: 2 }, { t: "公务用车购置及运行维护费", cols: 3 }, { t: "公务接待费", rows: 2 }],
      ["小计", "公务用车购置费", "公务用车运行维护费"],
      ["86.90", "38.60", "", "26.80", "", "26.80", "11.80", "30.00", "18.30"],
    ],
  },
  { pageBreak: true },
  { p: `第三部分 ${YEAR}年度部门预算情况说明` },
  { p: "一、收支预算总体情况说明" },
  { p: `${DEPT}${YEAR}年度收入、支出预算总计3,256.40万元，与上年相比收、支预算总计各增加118.65万元，增长3.78%，主要是国土空间规划编制项目经费增加。` },
  { p: "（一）收入预算总计3,256.40万元。其中：一般公共预算收入3,106.40万元，占95.39%；其他资金150.00万元，占4.61%。" },
  { p: "（二）支出预算总计3,256.40万元。其中：基本支出预算数为1,842.15万元，占56.57%；项目支出预算数为1,314.25万元，占40.36%；单位预留机动经费预算数为100.00万元，占3.07%。" },
  { p: "二、财政拨款基本支出预算情况说明" },
  { p: `${YEAR}年度财政拨款基本支出预算1,842.15万元，其中：人员经费1,502.33万元，主要用于工资福利和对个人和家庭的补助；公用经费339.82万元，主要用于办公、差旅和公务用车运行等。` },
  { p: "三、“三公”经费预算情况说明" },
  { p: `${YEAR}年度“三公”经费预算38.60万元。其中：因公出国（境）费0万元；公务用车购置及运行维护费26.80万元（公务用车购置费0万元，公务用车运行维护费26.80万元）；公务接待费11.80万元。` },
];

const FINAL: Piece[] = [
  { h: `${DEPT}${YEAR}年度部门决算公开` },
  { p: "第一部分 部门概况" },
  { p: `${DEPT}是县人民政府工作部门，纳入本部门${YEAR}年度决算编制范围的单位包括局机关和不动产登记中心。` },
  { pageBreak: true },
  { p: `第二部分 ${YEAR}年度部门决算表` },
  {
    title: "收入支出决算总表",
    rows: [
      ["收入项目", "金额", "支出项目", "金额"],
      ["一、一般公共预算财政拨款收入", "3,250.17", "一、一般公共服务支出", "2,611.05"],
      ["二、政府性基金预算财政拨款收入", "", "二、社会保障和就业支出", "402.31"],
      ["三、事业收入", "", "三、住房保障支出", "377.16"],
      ["四、其他收入", "162.60", "", ""],
      ["本年收入合计", "3,412.77", "本年支出合计", "3,390.52"],
      ["年初结转和结余", "85.20", "年末结转和结余", "107.45"],
      ["收入总计", "3,497.97", "支出总计", "3,497.97"],
    ],
  },
  {
    title: "收入决算表",
    rows: [
      ["项目", "本年收入合计", "财政拨款收入", "事业收入", "其他收入"],
      ["合计", "3,412.77", "3,250.17", "", "162.60"],
    ],
  },
  {
    title: "支出决算表",
    rows: [
      ["项目", "本年支出合计", "基本支出", "项目支出"],
      ["合计", "3,390.52", "1,905.36", "1,485.16"],
    ],
  },
  {
    title: "一般公共预算财政拨款“三公”经费支出决算表",
    rows: [
      [{ t: "预算数", cols: 6 }, { t: "决算数", cols: 6 }],
      ...[0].map(() => {
        const half: CellSpec[] = ["合计", "因公出国（境）费", "公务用车购置及运行费小计", "公务用车购置费", "公务用车运行费", "公务接待费"];
        return [...half, ...half];
      }),
      ["38.60", "", "26.80", "", "26.80", "11.80", "35.12", "", "25.40", "", "25.40", "9.72"],
    ],
  },
  { pageBreak: true },
  { p: `第三部分 ${YEAR}年度部门决算情况说明` },
  { p: `一、收入支出决算总体情况说明。${YEAR}年度收入总计3,497.97万元，支出总计3,497.97万元。` },
  { p: `二、收入决算情况说明。本年收入合计3,412.77万元，其中：财政拨款收入3,250.17万元，占95.24%；其他收入162.60万元，占4.76%。` },
  { p: "三、支出决算情况说明。本年支出合计3,390.52万元，其中：基本支出1,905.36万元，占56.20%；项目支出1,485.16万元，占43.80%。" },
  { p: "四、一般公共预算财政拨款基本支出决算情况说明。基本支出1,905.36万元，其中：人员经费1,566.21万元，公用经费339.15万元。" },
  { p: `五、“三公”经费支出决算情况说明。${YEAR}年度“三公”经费支出决算35.12万元，完成预算的90.98%。其中：因公出国（境）费0万元；公务用车购置及运行费25.40万元，其中公务用车购置费0万元，公务用车运行维护费25.40万元；公务接待费9.72万元。` },
];

/** The self-evaluation states 总支出 3,398.52 and 项目支出 1,493.16: both 8.00 万元 above the final accounts. */
const SELF_EVAL = `${DEPT}${YEAR}年度部门整体支出绩效自评报告
部门名称：${DEPT}
填报日期：${YEAR + 1}年4月18日
一、部门基本情况
${DEPT}主要负责全县自然资源的调查监测、确权登记和国土空间用途管制。
二、部门整体支出情况
（一）收入情况
${YEAR}年度总收入3,412.77万元，其中一般公共预算财政拨款收入3,250.17万元，其他收入162.60万元。
（二）支出情况
${YEAR}年度总支出3,398.52万元，其中基本支出1,905.36万元，项目支出1,493.16万元。
（三）“三公”经费情况
${YEAR}年度“三公”经费支出35.12万元，其中公务用车运行维护费25.40万元，公务接待费9.72万元。
三、绩效自评结论
经综合评价，自评得分92.5分，评价等级为优。
`;

type Gold = { key: string; year: number; value: number };
const m = (key: string, v: string, year = YEAR): Gold => ({ key, year, value: key.startsWith("staff") ? Number(v) : wan(v) });

const GOLD: Record<string, { kind: string; metrics: Gold[]; filledDate?: string; expectedFindings?: unknown[] }> = {
  [`qingxi-budget-${YEAR}`]: {
    kind: "budget",
    metrics: [
      m("income.total", "3,256.40"), m("income.fiscal", "3,106.40"), m("income.general_budget", "3,106.40"), m("income.other", "150.00"),
      m("expenditure.total", "3,256.40"), m("expenditure.basic", "1,842.15"), m("expenditure.project", "1,314.25"), m("expenditure.reserve", "100.00"),
      m("expenditure.personnel", "1,502.33"), m("expenditure.public", "339.82"),
      m("three_public.total", "38.60"), m("three_public.overseas", "0"), m("three_public.vehicle", "26.80"),
      m("three_public.vehicle_purchase", "0"), m("three_public.vehicle_operation", "26.80"), m("three_public.reception", "11.80"),
    ],
  },
  [`qingxi-final-accounts-${YEAR}`]: {
    kind: "final-accounts",
    metrics: [
      m("income.total", "3,412.77"), m("income.fiscal", "3,250.17"), m("income.general_budget", "3,250.17"), m("income.other", "162.60"),
      m("income.carryover", "85.20"), m("expenditure.total", "3,390.52"), m("expenditure.basic", "1,905.36"),
      m("expenditure.project", "1,485.16"), m("expenditure.carryforward", "107.45"), m("expenditure.personnel", "1,566.21"),
      m("expenditure.public", "339.15"), m("three_public.total", "35.12"), m("three_public.overseas", "0"),
      m("three_public.vehicle", "25.40"), m("three_public.vehicle_purchase", "0"), m("three_public.vehicle_operation", "25.40"),
      m("three_public.reception", "9.72"),
    ],
  },
  [`qingxi-self-evaluation-${YEAR}`]: {
    kind: "department",
    filledDate: `${YEAR + 1}-04-18`,
    metrics: [
      m("income.total", "3,412.77"), m("income.general_budget", "3,250.17"), m("income.other", "162.60"),
      m("expenditure.total", "3,398.52"), m("expenditure.basic", "1,905.36"), m("expenditure.project", "1,493.16"),
      m("three_public.total", "35.12"), m("three_public.vehicle_operation", "25.40"), m("three_public.reception", "9.72"),
      { key: "score.total", year: YEAR, value: 92.5 },
    ],
    expectedFindings: [{ about: ["expenditure.total", "expenditure.project"], year: YEAR, why: "reconcile-final-vs-self (cross-report): 总支出 and 项目支出 are 8.00 万元 above the 决算 (3,390.52 / 1,485.16)" }],
  },
};

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const docs: Array<[string, Piece[]]> = [[`qingxi-budget-${YEAR}`, BUDGET], [`qingxi-final-accounts-${YEAR}`, FINAL]];
  for (const [name, pieces] of docs) {
    writeFileSync(path.join(OUT, `${name}.docx`), await Packer.toBuffer(render(pieces)));
    writeFileSync(path.join(OUT, `${name}.txt`), toText(pieces) + "\n");
  }
  writeFileSync(path.join(OUT, `qingxi-self-evaluation-${YEAR}.txt`), SELF_EVAL);
  const tmp = path.join(OUT, ".pdf-tmp");
  mkdirSync(tmp, { recursive: true });
  try {
    execFileSync("soffice", ["--headless", "-env:UserInstallation=file:///tmp/lo-disc", "--convert-to", "pdf", "--outdir", tmp, ...docs.map(([n]) => path.join(OUT, `${n}.docx`))], { stdio: "ignore" });
    for (const [n] of docs) if (existsSync(path.join(tmp, `${n}.pdf`))) renameSync(path.join(tmp, `${n}.pdf`), path.join(OUT, `${n}.pdf`));
  } catch {
    console.error("soffice (LibreOffice) not available: PDFs not written");
  }
  rmSync(tmp, { recursive: true, force: true });
  for (const [name, g] of Object.entries(GOLD)) {
    const gold = { department: DEPT, fiscalYear: YEAR, kind: g.kind, ...(g.filledDate ? { filledDate: g.filledDate } : {}), metrics: g.metrics, projects: [], expectedFindings: g.expectedFindings ?? [] };
    writeFileSync(path.join(OUT, `${name}.gold.json`), JSON.stringify(gold, null, 2) + "\n");
  }
  console.log(`wrote ${OUT}`);
}

await main();
