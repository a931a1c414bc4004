/**
 * HTML reader for report pages saved from government sites (and Word's "save as web page", often named .doc).
 * The article body is found as the element holding most of the page's non-link Chinese text; navigation, menus,
 * breadcrumbs and share bars are dropped, tables kept.
 */
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element, ParentNode } from "domhandler";
import iconv from "iconv-lite";
import { assembleDocument } from "../document/assemble.js";
import { InputError } from "../errors.js";
import { decodeText } from "./decode.js";
import { walkHtml } from "./html-walk.js";
import type { Reader } from "./types.js";

/** Content containers of the CMSs government sites run (TRS, Hanweb, Ucap…) and of generic article templates. */
const CONTENT_HINT = /(^|[\s_-])(zoom|fontzoom|trs_editor|article|content|main[-_]?content|news[-_]?content|text|con|zw|wzy|detail|pages_content|ucap-content|view|body[-_]?text)([\s_-]|$)/i;
/** Page chrome: navigation, headers/footers of the site, breadcrumbs, share bars, sidebars, pagers. */
const CHROME_HINT = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|bread|share|bdshare|jiathis|sidebar|side|aside|banner|topbar|top|toolbar|header|head|footer|foot|bottom|copyright|login|search|related|relevant|pager|pagination|comment|print|close|qrcode|ewm|gotop|links?)([\s_-]|$)/i;
const CHROME_TAGS = new Set(["nav", "header", "footer", "aside", "menu", "script", "style", "noscript", "form-hidden"]);

const RE_CJK = /[\u3400-\u9fff]/g;
/** Elements that hold an article rather than being one of its paragraphs. */
const CONTAINER_TAGS = new Set(["div", "section", "article", "main", "center", "form", "table", "tbody", "tr", "td", "th"]);

function isElement(n: ChildNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function decodeHtml(bytes: Buffer): string {
  if (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe) return decodeText(bytes).text;
  const head = bytes.subarray(0, 4096).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (m) {
    const cs = m[1].toLowerCase();
    const enc = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(cs) ? "gb18030" : cs;
    if (enc !== "utf-8" && enc !== "utf8" && iconv.encodingExists(enc)) return iconv.decode(bytes, enc);
    if (enc === "utf-8" || enc === "utf8") {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        // declared UTF-8 but is not: detect instead
      }
    }
  }
  return decodeText(bytes).text;
}

function attrs(el: Element): string {
  return `${el.attribs.id ?? ""} ${el.attribs.class ?? ""}`;
}

/** CJK characters outside links, per element (links are menus and "related articles" far more often than prose). */
function measure(root: ParentNode): Map<Element, number> {
  const score = new Map<Element, number>();
  const visit = (n: ChildNode, inLink: boolean): number => {
    if (n.type === "text") return inLink ? 0 : ((n as unknown as { data: string }).data.match(RE_CJK)?.length ?? 0);
    if (!isElement(n) || n.name === "script" || n.name === "style") return 0;
    let s = 0;
    for (const c of n.children) s += visit(c, inLink || n.name === "a");
    score.set(n, s);
    return s;
  };
  for (const c of root.children) visit(c, false);
  return score;
}

function findAll(root: ParentNode, pred: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of root.children) {
    if (!isElement(c)) continue;
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

/** The element holding the article: a known content container when it holds most of the text, else the deepest dense one. */
export function findArticleRoot(root: ParentNode): ParentNode {
  const score = measure(root);
  const body = findAll(root, (e) => e.name === "body")[0] ?? root;
  const total = body === root ? [...root.children].reduce((s, c) => s + (isElement(c) ? score.get(c) ?? 0 : 0), 0) : score.get(body as Element) ?? 0;
  if (total === 0) return body;
  const hinted = findAll(body, (e) => CONTENT_HINT.test(attrs(e)) && !CHROME_HINT.test(attrs(e)))
    .filter((e) => (score.get(e) ?? 0) >= total * 0.5)
    .sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || depth(b) - depth(a));
  if (hinted.length) return hinted[0];
  let cur: ParentNode = body;
  for (;;) {
    const curScore = cur === root ? total : score.get(cur as Element) ?? 0;
    const kids: Element[] = cur.children.filter(isElement).filter((e) => !CHROME_TAGS.has(e.name));
    const containers = kids.filter((e) => CONTAINER_TAGS.has(e.name));
    const [best, second] = kids.sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
    if (!best || !containers.includes(best)) return cur;
    const b = score.get(best) ?? 0;
    const s2 = second ? score.get(second) ?? 0 : 0;
    // Descend while one child clearly holds the text; stop where it spreads over siblings (the article's paragraphs).
    if (!(b >= curScore * 0.6 && b >= s2 * 2) && !(b >= curScore * 0.4 && b >= s2 * 3)) return cur;
    cur = best;
  }
}

function depth(e: Element): number {
  let d = 0;
  for (let p = e.parent; p; p = p.parent) d++;
  return d;
}

/** Remove navigation chrome inside the chosen root (in place). */
export function stripChrome(root: ParentNode): void {
  const drop = findAll(root, (e) => CHROME_TAGS.has(e.name) || (CHROME_HINT.test(attrs(e)) && !CONTENT_HINT.test(attrs(e))));
  for (const e of drop) {
    const parent = e.parent;
    if (parent) parent.children = parent.children.filter((c) => c !== e);
  }
}

/**
 * Deepest element nesting the reader follows. Its walks recurse (they read best that way), so a page nested 10,000
 * deep overflowed the stack; real pages stay far below this, and Chromium's parser itself stops nesting at 512.
 */
export const MAX_HTML_DEPTH = 1000;

/** The deepest element nesting, by an explicit stack (any depth). */
function maxDepth(root: ParentNode): number {
  let max = 0;
  const stack: Array<[ParentNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of node.children) if (isElement(c)) stack.push([c, d + 1]);
  }
  return max;
}

export const readHtml: Reader = async (bytes, source) => {
  if (bytes.length === 0) throw new InputError(source.path, "empty", "文件为空 (empty file)");
  const dom = parseDocument(decodeHtml(bytes), { decodeEntities: true });
  const deepest = maxDepth(dom);
  if (deepest > MAX_HTML_DEPTH) {
    throw new InputError(source.path, "too-large", `网页元素嵌套 ${deepest} 层，超过上限 ${MAX_HTML_DEPTH} 层 (input beyond limits: elements nested too deep)`);
  }
  const root = findArticleRoot(dom);
  stripChrome(root);
  // A page's h1 is its title (level 0); numbered headings take their level from the numbering anyway.
  const { pieces } = walkHtml(root, { headingLevel: (el) => (/^h[1-6]$/.test(el.name) ? Number(el.name[1]) - 1 : null) });
  if (pieces.length === 0) throw new InputError(source.path, "no-text", "网页中没有正文文字 (no article text in the page)");
  return assembleDocument({
    path: source.path,
    format: "html",
    sha256: source.sha256,
    size: source.size,
    pieces,
    joinCutLines: false,
    pageCount: null,
  });
};
