/**
 * The development / held-apart split of a labelled corpus. Extraction and rules are written against `dev`; `held` is
 * scored only afterwards, before its failures are looked at, so the gap between the halves measures over-fitting.
 * Membership depends on the gold file's name alone (FNV-1a), so it is stable as the corpus grows and needs no list.
 */
import path from "node:path";

export type Half = "dev" | "held";

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, "utf8")) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The half a gold file belongs to, from its base name without `.gold.json`. */
export function halfOf(goldPath: string): Half {
  const base = path.basename(goldPath).replace(/\.gold\.json$/, "");
  return fnv1a(base) % 2 === 0 ? "dev" : "held";
}
