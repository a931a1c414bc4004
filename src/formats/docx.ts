/**
 * DOCX reader: guard the zip, convert with mammoth to HTML (tables, headings and lists survive), put back the list
 * numbering mammoth drops, and walk the HTML into blocks. mammoth ignores headers and footers; the document says so.
 */
import mammoth from "mammoth";
import { createRequire } from "node:module";
import { parseDocument } from "htmlparser2";
import type { DocWarning } from "../document/model.js";
import { assembleDocument } from "../document/assemble.js";
import { InputError } from "../errors.js";
import { inspectDocx } from "./docx-zip-guard.js";
import { numberParagraphs, type NumberedParagraph } from "./docx-numbering.js";
import { walkHtml } from "./html-walk.js";
import type { Reader } from "./types.js";

const require = createRequire(import.meta.url);
// mammoth's own element constructors, so an inserted run looks like the ones it reads.
const documents = require("mammoth/lib/documents.js") as {
  run: (children: unknown[]) => unknown;
  text: (value: string) => unknown;
};

/** Chinese Word and WPS name heading styles 标题 1…; some templates write 标题1. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.jx-title:fresh",
  "p[style-name='标题'] => h1.jx-title:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]),
];

interface MammothNode {
  type: string;
  value?: string;
  children?: MammothNode[];
}

function nodeText(n: MammothNode): string {
  if (n.type === "text") return n.value ?? "";
  return (n.children ?? []).map(nodeText).join("");
}

/**
 * Give each paragraph mammoth read its Word numbering back. Both walk the same w:p elements in order; paragraphs are
 * matched by their text (whitespace removed) within a short window, so a paragraph one side skips cannot shift the rest.
 */
function restoreNumbering(numbered: NumberedParagraph[]) {
  let ptr = 0;
  const visit = (n: MammothNode) => {
    if (n.type === "paragraph") {
      const key = nodeText(n).replace(/\s+/g, "");
      if (!key) return;
      for (let j = ptr; j < Math.min(numbered.length, ptr + 40); j++) {
        if (numbered[j].key !== key) continue;
        ptr = j + 1;
        const label = numbered[j].label;
        if (label) {
          const sep = /[、.．)）:：\]]$/.test(label) || /^[\u3000-\u303f\uff00-\uffef]/.test(key) ? "" : " ";
          n.children = [documents.run([documents.text(label + sep)]) as MammothNode, ...(n.children ?? [])];
        }
        break;
      }
      return;
    }
    for (const c of n.children ?? []) visit(c);
  };
  return (doc: MammothNode) => {
    visit(doc);
    return doc;
  };
}

/** Text of a header/footer part, ignoring bare page numbers (PAGE fields leave digits). */
function partText(xml: string): string {
  const texts = Array.from(xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1]).join("");
  return texts.replace(/[\s\d\-—–/第页共]+/g, (m) => (/[^\s\d\-—–/]/.test(m) ? m : "")).trim();
}

function headerWarnings(xml: Map<string, string>): DocWarning[] {
  const dropped: string[] = [];
  for (const [name, content] of xml) {
    if (!/^word\/(header|footer)\d*\.xml$/.test(name)) continue;
    const t = partText(content);
    if (t && !dropped.includes(t)) dropped.push(t);
  }
  if (dropped.length === 0) return [];
  const sample = dropped.join(" / ");
  return [
    {
      code: "docx-headers-dropped",
      message: `页眉/页脚内容未读入正文：${sample.length > 60 ? sample.slice(0, 60) + "…" : sample}`,
      page: null,
    },
  ];
}

export const readDocx: Reader = async (bytes, source) => {
  const parts = await inspectDocx(bytes, source.path);
  const numbered = numberParagraphs(parts.xml.get("word/document.xml") ?? "", parts.xml.get("word/numbering.xml"), parts.xml.get("word/styles.xml"));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        // Images are not read at all: reports' images carry no text jixiao can use, and inflating them costs time.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        transformDocument: restoreNumbering(numbered),
      },
    );
    html = result.value;
  } catch (e) {
    throw new InputError(source.path, "corrupt", `DOCX 文件无法解析 (mammoth: ${(e as Error).message})`, { cause: e });
  }
  const dom = parseDocument(html);
  const { pieces } = walkHtml(dom, {
    headingLevel: (el) => {
      const m = /^h([1-6])$/.exec(el.name);
      if (!m) return null;
      return /\bjx-title\b/.test(el.attribs.class ?? "") ? 0 : Number(m[1]);
    },
  });
  if (pieces.length === 0) {
    throw new InputError(source.path, "no-text", "文档中没有文字内容 (DOCX without text)");
  }
  return assembleDocument({
    path: source.path,
    format: "docx",
    sha256: source.sha256,
    size: source.size,
    pieces,
    joinCutLines: false,
    pageCount: null,
    warnings: headerWarnings(parts.xml),
  });
};
