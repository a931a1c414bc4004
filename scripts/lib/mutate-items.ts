/**
 * 科目 amount mutations for bench-rules: one printed cell of a real disclosure's line items is changed (one digit
 * replaced, or two neighbouring digits swapped: the slips a typist makes) and the report re-checked without its
 * document, as `check --db` does. Caught = a new warning or error of a line-* rule quoting the changed cell.
 * Recall is given over every line item and over the items that take part in at least one identity the tables state
 * (a cell in no sum — a 政府采购 row, a "三公" column — cannot be caught by arithmetic).
 */
import type { LineItem } from "../../src/extract/line-item.js";
import type { Report } from "../../src/extract/schema.js";
import type { Finding } from "../../src/extract/finding.js";
import { runReportRules } from "../../src/rules/index.js";
import { rowChecks } from "../../src/rules/line-row-sum.js";
import { columnChecks } from "../../src/rules/line-column-sum.js";
import { hierarchyChecks } from "../../src/rules/line-hierarchy.js";
import { crossChecks } from "../../src/rules/line-cross-table.js";
import { threePublicChecks } from "../../src/rules/line-three-public.js";
import type { Rng } from "./corpus/prng.js";

export interface ItemMutation {
  item: LineItem;
  from: string;
  to: string;
  report: Report;
}

/** The printed cell with one digit changed or two neighbouring digits swapped; null when the change is no change. */
function slip(text: string, rng: Rng): string | null {
  const digits = [...text].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (!digits.length) return null;
  const chars = [...text];
  if (digits.length >= 2 && rng.chance(0.3)) {
    const k = rng.int(0, digits.length - 2);
    const [i, j] = [digits[k], digits[k + 1]];
    [chars[i], chars[j]] = [chars[j], chars[i]];
  } else {
    const i = rng.pick(digits);
    // A leading digit never becomes 0 (the figure would lose a digit, a different slip).
    const choices = "0123456789".split("").filter((d) => d !== chars[i] && !(i === digits[0] && d === "0" && digits.length > 1));
    chars[i] = rng.pick(choices);
  }
  const out = chars.join("");
  return out === text ? null : out;
}

export function mutateItem(report: Report, item: LineItem, rng: Rng): ItemMutation | null {
  const to = slip(item.text, rng);
  if (!to) return null;
  const value = Math.round(Number(to.replace(/,/g, "")) * item.scale * 100) / 100;
  const changed = { ...item, text: to, value };
  return { item, from: item.text, to, report: { ...report, lineItems: report.lineItems!.map((x) => (x === item ? changed : x)) } };
}

/**
 * The items some identity of the tables involves, each with the smallest rounding tolerance among those identities
 * (元): a change no larger than it stays inside every identity's rounding and cannot be told from rounding.
 */
export function checkedItems(report: Report): Map<LineItem, number> {
  const items = report.lineItems ?? [];
  const out = new Map<LineItem, number>();
  const add = (xs: LineItem[], tolerance: number) => xs.forEach((x) => out.set(x, Math.min(out.get(x) ?? Infinity, tolerance)));
  for (const c of rowChecks(items)) add([c.total, ...c.parts], c.result.tolerance);
  for (const c of columnChecks(items)) add([c.total, ...c.parts], c.result.tolerance);
  for (const c of hierarchyChecks(items)) add([c.parent, ...c.children], c.result.tolerance);
  for (const c of crossChecks(items, report.kind)) add([c.identity.a, ...c.with], c.result.tolerance);
  for (const c of threePublicChecks(items)) add([c.total, ...c.parts], c.result.tolerance);
  return out;
}

const sameCell = (f: Finding, x: LineItem) => f.evidence.some((e) => e.prov?.block === x.prov.block && e.prov?.cell?.row === x.prov.cell?.row && e.prov?.cell?.col === x.prov.cell?.col);

/** Run `n` mutations over the reports; count caught ones overall and among checked items. */
export interface ItemBench {
  all: { n: number; hit: number };
  checked: { n: number; hit: number };
  /** Changes to checked cells no larger than the rounding of every identity they are in (not counted above). */
  insideRounding: { n: number; hit: number };
  missed: string[];
}

export function benchItems(reports: Report[], n: number, rng: Rng): ItemBench {
  const pool = reports.filter((r) => r.lineItems?.length);
  const res: ItemBench = { all: { n: 0, hit: 0 }, checked: { n: 0, hit: 0 }, insideRounding: { n: 0, hit: 0 }, missed: [] };
  if (!pool.length) return res;
  const key = (f: Finding) => `${f.rule}|${f.message}`;
  const before = new Map(pool.map((r) => [r, new Set(runReportRules(r).map(key))]));
  const checked = new Map(pool.map((r) => [r, checkedItems(r)]));
  for (let i = 0; i < n; i++) {
    const r = rng.pick(pool);
    const m = mutateItem(r, rng.pick(r.lineItems!), rng);
    if (!m) continue;
    const fresh = runReportRules(m.report).filter((f) => f.rule.startsWith("line-") && f.severity !== "info" && !before.get(r)!.has(key(f)));
    const hit = fresh.some((f) => sameCell(f, m.item));
    const tolerance = checked.get(r)!.get(m.item);
    if (tolerance !== undefined && Math.abs(m.report.lineItems!.find((x) => x.prov === m.item.prov)!.value - m.item.value) <= tolerance) {
      res.insideRounding.n++;
      if (hit) res.insideRounding.hit++;
      continue;
    }
    res.all.n++;
    if (hit) res.all.hit++;
    if (tolerance !== undefined) {
      res.checked.n++;
      if (hit) res.checked.hit++;
      else res.missed.push(`${r.source.path}: ${m.item.title} ${m.item.code ?? ""}${m.item.name} 「${m.item.column}」 ${m.from} → ${m.to}`);
    }
  }
  return res;
}
