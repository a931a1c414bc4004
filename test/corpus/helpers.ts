/** Independent checks of a gold file against its TXT: do not reuse the generator's own formatting code. */
import { foldWidth } from "../../src/document/normalize.js";

export function normaliseForSearch(txt: string): string {
  let t = foldWidth(txt).replace(/％/g, "%");
  // Thousands separators and the space some reports put between a number and its unit.
  for (let i = 0; i < 3; i++) t = t.replace(/(\d),(\d{3})/g, "$1$2");
  return t.replace(/(\d) +(?=万元|元|%|分|人|名)/g, "$1");
}

function fixed(v: number, d: number): string {
  return v.toFixed(d);
}

/** Renderings of a base-unit value the way a report may print it, each with the unit it needs after it. */
export function renderings(key: string, value: number): { num: string; unit: string }[] {
  if (key.startsWith("staff.")) return [{ num: String(value), unit: "人|名" }];
  if (key === "score.total") return [{ num: String(value), unit: "分" }, { num: fixed(value, 1), unit: "分" }];
  if (key.endsWith("_rate") || key.endsWith("utilization") || key.startsWith("satisfaction")) {
    return [{ num: fixed(value, 2), unit: "%" }, { num: String(value), unit: "%" }];
  }
  const out = [{ num: fixed(value, 2), unit: "元" }];
  if (Number.isInteger(value)) out.push({ num: String(value), unit: "元" });
  const wan = value / 10000;
  out.push({ num: fixed(wan, 2), unit: "万元" }, { num: fixed(wan, 4), unit: "万元" });
  if (Number.isInteger(wan)) out.push({ num: String(wan), unit: "万元" });
  return out;
}

/** The value occurs with its unit after it, or bare in a table whose header line declares that unit. */
export function occurs(text: string, key: string, value: number): boolean {
  const tableUnits = new Set<string>();
  for (const m of text.matchAll(/单位：(万元|元)|（(万元|元)）/g)) tableUnits.add(m[1] ?? m[2]);
  const money = !/^(staff|score|satisfaction)\.|_rate$|utilization$/.test(key);
  return renderings(key, value).some(({ num, unit }) => {
    const n = num.replace(/\./g, "\\.");
    if (new RegExp(`(?<![\\d.])${n}(?:${unit})`).test(text)) return true;
    // Bare table cells: money only when a table declares that unit; scores, counts and percent cells anywhere.
    const bareOk = money ? tableUnits.has(unit) : true;
    return bareOk && new RegExp(`(?<![\\d.])${n}(?=[ \\t|]|$)`, "m").test(text);
  });
}
