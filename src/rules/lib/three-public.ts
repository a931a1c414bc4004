/**
 * The parts of the "三公" table, named by their labels (a column's header cells, or a row's name when the table is
 * printed down): line-three-public adds them up, line-three-public-prose finds the cell a 情况说明 sentence speaks of.
 * Tables print it across (one row, the parts as columns, 上年/本年 or 预算/决算 as column groups) or down (one row per
 * part, one column per year or per 预算/决算); both are read from the labels alone.
 */
import type { LineItem } from "../../extract/line-item.js";
import { groupBy, rowKey, columnKey } from "./line-items.js";

export type Part = "total" | "overseas" | "reception" | "vehicle" | "purchase" | "operation" | "operating";

const VEHICLE = /公务用车购置及运行/;
const TOTAL = /^(?:合计|小计|总计)$/;
const last = (path: string[]) => path[path.length - 1] ?? "";

/**
 * What a label path names. A 合计/小计 names the "三公" total only under a header that says 三公, or beside the parts
 * (same parent as 因公出国), so a table's grand 合计 that adds 会议费 and 培训费 is not taken for it.
 */
function classify(path: string[], overseasParent: string | null): Part | null {
  const leaf = last(path);
  const vi = path.findIndex((h) => VEHICLE.test(h));
  if (vi >= 0) {
    if (vi === path.length - 1) return "vehicle";
    if (TOTAL.test(leaf)) return vi === path.length - 2 ? "vehicle" : null;
    if (/购置/.test(leaf)) return "purchase";
    if (/运行/.test(leaf)) return "operation";
    return null;
  }
  if (path.some((h) => /机关运行经费/.test(h))) return TOTAL.test(leaf) || /机关运行经费/.test(leaf) ? "operating" : null;
  if (/公务用车购置/.test(leaf)) return "purchase";
  if (/公务用车运行/.test(leaf)) return "operation";
  if (/因公出国/.test(leaf)) return "overseas";
  if (/公务接待/.test(leaf)) return "reception";
  if (/三公/.test(leaf) && !/会议|培训/.test(leaf)) return "total";
  if (TOTAL.test(leaf) && (path.some((h) => /三公/.test(h)) || path.slice(0, -1).join("/") === overseasParent)) return "total";
  return null;
}

/** One set of parts: a row (or one column group of a row) of a table printed across, a column of one printed down. */
export type PartSet = Map<Part, LineItem[]>;

function partsOf(cells: Array<{ item: LineItem; path: string[] }>): PartSet {
  const overseas = cells.find((c) => /因公出国/.test(last(c.path)) && !c.path.some((h) => VEHICLE.test(h)));
  const oParent = overseas ? overseas.path.slice(0, -1).join("/") : null;
  const out: PartSet = new Map();
  for (const c of cells) {
    const p = classify(c.path, oParent);
    if (p) out.set(p, [...(out.get(p) ?? []), c.item]);
  }
  return out;
}

/** Every set of parts the "三公" tables of a report print. */
export function threePublicSets(items: readonly LineItem[]): PartSet[] {
  const out: PartSet[] = [];
  for (const table of groupBy(items.filter((x) => x.table === "threePublic"), (x) => String(x.tableNo)).values()) {
    if (table.some((x) => /因公出国|公务接待/.test(x.name))) {
      // Printed down. A 合计 row over 会议费/培训费/机关运行经费 rows as well is not the "三公" total.
      const others = table.some((x) => /会议|培训|机关运行/.test(x.name));
      for (const col of groupBy(table, columnKey).values()) {
        out.push(partsOf(col.filter((x) => !(others && TOTAL.test(x.name))).map((item) => ({ item, path: [item.name.replace(/^其中[:：]?/, "")] }))));
      }
      continue;
    }
    for (const row of groupBy(table, rowKey).values()) {
      const cells = row.map((item) => ({ item, path: item.column.split("/") }));
      // Column groups (2023年预算数 | 2022年预算数, 预算数 | 决算数) each print the parts once.
      const overseas = cells.filter((c) => /因公出国/.test(last(c.path)));
      const prefixes = overseas.map((o) => o.path.slice(0, -1).join("/"));
      if (overseas.length <= 1 || prefixes.some((p) => !p)) {
        out.push(partsOf(cells));
        continue;
      }
      for (const prefix of prefixes) out.push(partsOf(cells.filter((c) => c.item.column.startsWith(`${prefix}/`))));
    }
  }
  return out;
}
