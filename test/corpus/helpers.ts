/** Independent checks of a gold file against its TXT: do not reuse the generator's own formatting code. */
import * as OpenCC from "opencc-js/t2cn";
import { foldWidth } from "../../src/document/normalize.js";

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

export function normaliseForSearch(txt: string): string {
  // Traditional-character copies: the gold is Simplified.
  let t = foldWidth(/[報體與門號財縣]/.test(txt) ? toSimplified(txt) : txt).replace(/％/g, "%");
  // Thousands separators and the space some reports put between a number and its unit.
  for (let i = 0; i < 3; i++) t = t.replace(/(\d),(\d{3})/g, "$1$2");
  return t.replace(/(\d) +(?=亿元|万元|元|%|分|人|名)/g, "$1");
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
  // 亿元 with as many decimals as the amount needs (1.222251亿元).
  for (let d = 2; d <= 6; d++) {
    const yi = fixed(value / 1e8, d);
    if (Math.round(Number(yi) * 1e8) === Math.round(value)) out.push({ num: yi, unit: "亿元" });
  }
  if (Number.isInteger(value) && value > 0 && value < 1e6) out.push({ num: chinese(value), unit: "元" });
  return out;
}

/** Chinese numerals by the grouping rule (independent of the generator's formatter): 43400 → 四万三千四百. */
function chinese(n: number): string {
  const d = "零一二三四五六七八九";
  const group = (x: number) => {
    let s = "";
    const parts: Array<[number, string]> = [[1000, "千"], [100, "百"], [10, "十"], [1, ""]];
    let pendingZero = false;
    for (const [size, name] of parts) {
      const k = Math.floor(x / size) % 10;
      if (k === 0) pendingZero = s.length > 0;
      else {
        s += (pendingZero ? "零" : "") + d[k] + name;
        pendingZero = false;
      }
    }
    return s;
  };
  const hi = Math.floor(n / 10000);
  const lo = n % 10000;
  const hiText = hi ? group(hi).replace(/^一十/, "十") + "万" : "";
  const loText = lo ? (hi && lo < 1000 ? "零" : "") + group(lo) : "";
  const s = hiText + loText;
  return n >= 10 && n < 20 ? s.replace(/^一十/, "十") : s;
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
