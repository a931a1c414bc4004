/**
 * A small report written as DOCX with the `docx` package: Word auto-numbered headings (一、 （一） 1.), a 标题 2 style,
 * a table with merged cells, and a page header. Used by the DOCX reader tests; the figures are made up.
 */
import {
  AlignmentType,
  Document,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const numbered = (text: string, level: number) => new Paragraph({ children: [new TextRun(text)], numbering: { reference: "cn-outline", level } });
const cell = (text: string, opts: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) =>
  new TableCell({ children: [para(text)], width: { size: 2000, type: WidthType.DXA }, ...opts });

export async function makeReportDocx(opts: { header?: string } = {}): Promise<Buffer> {
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: "CnHeading2", name: "标题 2", basedOn: "Normal", next: "Normal", run: { bold: true }, paragraph: {} },
      ],
    },
    numbering: {
      config: [
        {
          reference: "cn-outline",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: "%3.", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        headers: opts.header ? { default: new Header({ children: [para(opts.header)] }) } : undefined,
        children: [
          new Paragraph({ children: [new TextRun("示例县农业局2022年度部门整体支出绩效自评报告")], style: "Title" }),
          numbered("部门概况", 0),
          numbered("基本职能", 1),
          para("本局负责全县农业发展规划的拟订与实施。"),
          numbered("人员情况", 1),
          para("核定编制30人，实有在职人员28人。"),
          numbered("预算执行情况", 0),
          numbered("收支情况", 1),
          numbered("收入", 2),
          para("2022年度总收入1,234.56万元，比上年增加100.00万元。"),
          numbered("支出", 2),
          para("单位：万元"),
          new Table({
            rows: [
              new TableRow({ children: [cell("项目"), cell("金额", { columnSpan: 2 })] }),
              new TableRow({ children: [cell("基本支出", { verticalMerge: VerticalMergeType.RESTART }), cell("人员经费"), cell("500.00")] }),
              new TableRow({ children: [cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("公用经费"), cell("134.56")] }),
              new TableRow({ children: [cell("项目支出"), cell("专项"), cell("600.00")] }),
            ],
          }),
          new Paragraph({ children: [new TextRun("绩效目标完成情况")], style: "CnHeading2" }),
          para("各项绩效目标均已完成。"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
