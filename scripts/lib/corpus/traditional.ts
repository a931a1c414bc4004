/** Traditional-character copies of generated reports (opencc-js, Mainland → Taiwan standard). */
import * as OpenCC from "opencc-js/cn2t";
import type { DocBlock } from "./compose.js";

let converter: ((s: string) => string) | null = null;

function convert(s: string): string {
  const c = (converter ??= OpenCC.Converter({ from: "cn", to: "tw" }));
  return c(s);
}

export function toTraditional(blocks: DocBlock[]): DocBlock[] {
  return blocks.map((b) => (b.kind === "table" ? { ...b, rows: b.rows.map((r) => r.map(convert)), unit: b.unit && convert(b.unit), caption: b.caption && convert(b.caption) } : { ...b, text: convert(b.text) }));
}
