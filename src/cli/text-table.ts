import type { Column } from "../query/column.js";
import { displayWidth } from "../query/text-width.js";
import { escapeControls } from "../errors.js";

/**
 * Box-drawn text tables in cli-table3's look, built in one pass. cli-table3 measures every cell many times and
 * needs ~9 s for a 1,000-department trend; this needs milliseconds. CJK characters count two columns (query/text-width.ts).
 */
function pad(s: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "right" ? fill + s : s + fill;
}

const RE_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function cellLines(v: unknown): string[] {
  let s = v === null || v === undefined ? "" : String(v);
  // A cell may span lines; any other control character (a file name's ESC sequence) is shown, never sent to the terminal.
  if (RE_CONTROL.test(s)) s = s.split("\n").map(escapeControls).join("\n");
  return s.includes("\n") ? s.split("\n") : [s];
}

export function textTable(columns: Column[], rows: Array<Record<string, unknown>>): string {
  const head = columns.map((c) => cellLines(c.header));
  const body = rows.map((r) => columns.map((c) => cellLines(r[c.key])));
  const widths = columns.map((_, i) => {
    let w = 0;
    for (const l of head[i]) w = Math.max(w, displayWidth(l));
    for (const row of body) for (const l of row[i]) w = Math.max(w, displayWidth(l));
    return w;
  });
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const out: string[] = [rule("┌", "┬", "┐")];
  const emit = (cells: string[][]) => {
    const h = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < h; k++)
      out.push("│" + cells.map((c, i) => " " + pad(c[k] ?? "", widths[i], columns[i].align ?? "left") + " ").join("│") + "│");
  };
  emit(head);
  // A rule between body rows only when some row spans several lines (trend's value + change): otherwise it only
  // doubles the height of long lists (33 metrics of one report, 30 departments) and slows the eye down.
  const ruled = body.some((row) => row.some((c) => c.length > 1));
  out.push(rule("├", "┼", "┤"));
  body.forEach((row, i) => {
    if (ruled && i > 0) out.push(rule("├", "┼", "┤"));
    emit(row);
  });
  out.push(rule("└", "┴", "┘"));
  return out.join("\n") + "\n";
}
