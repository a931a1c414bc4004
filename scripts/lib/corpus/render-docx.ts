/**
 * DOCX through the `docx` package: real heading styles, real tables, a page-number footer (which mammoth drops, as
 * real footers are dropped). Core properties carry fixed dates so the same seed gives the same document metadata.
 */
import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow,
  TextRun, WidthType,
} from "docx";
import type { DocBlock } from "./compose.js";

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

// Small type in cells keeps amounts on one line in narrow columns, as real forms do.
function cellParagraph(text: string, bold: boolean, size: number): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold, size })] });
}

function table(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const size = width >= 7 ? 16 : 20;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r, ri) => {
      // Trailing empty cells merge into the last filled one, as forms with a wide text cell do.
      let end = r.length;
      while (end > 1 && r[end - 1] === "") end--;
      const cells = r.slice(0, end).map((text, ci) => new TableCell({
        children: [cellParagraph(text, ri === 0, size)],
        columnSpan: ci === end - 1 && width - end + 1 > 1 ? width - end + 1 : undefined,
      }));
      return new TableRow({ children: cells });
    }),
  });
}

function coreXml(title: string, isoDate: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>jixiao generate-corpus</dc:creator><cp:lastModifiedBy>jixiao generate-corpus</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${isoDate}T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${isoDate}T09:00:00Z</dcterms:modified></cp:coreProperties>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export async function renderDocx(blocks: DocBlock[], isoDate: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let title = "";
  for (const b of blocks) {
    if (b.kind === "title") {
      title ||= b.text;
      children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] }));
    } else if (b.kind === "heading") {
      children.push(new Paragraph({ heading: HEADINGS[b.level - 1], children: [new TextRun(b.text)] }));
    } else if (b.kind === "para") {
      children.push(new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(b.text)] }));
    } else {
      if (b.caption) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.caption, bold: true })] }));
      if (b.unit) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(b.unit)] }));
      children.push(table(b.rows));
      children.push(new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    creator: "jixiao generate-corpus",
    title,
    styles: {
      default: { document: { run: { font: { ascii: "Times New Roman", eastAsia: "Noto Serif CJK SC" }, size: 24 } } },
    },
    sections: [{
      properties: {
        page: {
          margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          // Score forms with eight columns are printed landscape, as offices do.
          ...(blocks.some((b) => b.kind === "table" && b.rows[0].length >= 8) ? { size: { orientation: PageOrientation.LANDSCAPE } } : {}),
        },
      },
      footers: {
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"] })] })] }),
      },
      children,
    }],
  });
  // The zip entries' times come from Date.now() while docx zips (synchronously, inside this call): pin it so the
  // same report gives the same bytes and regenerated fixtures do not churn in git.
  const realNow = Date.now;
  Date.now = () => Date.parse(`${isoDate}T09:00:00Z`);
  let packed: Promise<Buffer>;
  try {
    packed = Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: coreXml(title, isoDate) }]);
  } finally {
    Date.now = realNow;
  }
  return packed;
}
