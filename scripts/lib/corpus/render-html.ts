/**
 * HTML as a report page saved from a government site: the article (title, headings, paragraphs, tables with their
 * 单位 line) inside site chrome — navigation, breadcrumb, share bar, footer — that the reader must drop.
 */
import type { DocBlock } from "./compose.js";
import type { Rng } from "./prng.js";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const esc = escapeHtml;

function table(b: Extract<DocBlock, { kind: "table" }>): string {
  const rows = b.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`);
  return `<table border="1" cellspacing="0">\n${rows.join("\n")}\n</table>`;
}

/** The article's own markup (headings, paragraphs, tables), one string per block, without any page around it. */
export function articleHtml(blocks: DocBlock[]): string[] {
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === "title") body.push(`<h1>${esc(b.text)}</h1>`);
    else if (b.kind === "heading") body.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
    else if (b.kind === "para") body.push(`<p>${esc(b.text)}</p>`);
    else {
      if (b.caption) body.push(`<p>${esc(b.caption)}</p>`);
      if (b.unit) body.push(`<p>${esc(b.unit)}</p>`);
      body.push(table(b));
    }
  }
  return body;
}

export function renderHtml(blocks: DocBlock[], site: string, rng: Rng): string {
  const title = blocks.find((b) => b.kind === "title")?.text ?? "";
  const body = articleHtml(blocks);
  const views = rng.int(30, 3000);
  return [
    "<!DOCTYPE html>",
    `<html><head><meta charset="utf-8"><title>${esc(title)}_${esc(site)}</title></head><body>`,
    `<div class="header"><a href="/">${esc(site)}</a></div>`,
    `<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xxgk/">信息公开</a> <a href="/hdjl/">互动交流</a></div>`,
    `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 绩效信息</div>`,
    `<div class="article"><div class="info">来源：${esc(site)}　浏览次数：${views}</div>`,
    `<div class="content">`,
    ...body,
    "</div></div>",
    `<div class="share">分享到：微信 微博</div>`,
    `<div class="footer">主办单位：${esc(site)}　版权所有</div>`,
    "</body></html>",
    "",
  ].join("\n");
}
