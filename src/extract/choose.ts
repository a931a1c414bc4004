/**
 * The one chooser: of the candidates for one (project, key, year), keep the current-year total before a grand total
 * (disclosures), then the surest (candidate.ts), then the higher-priority source, then the first. Partial labels
 * (行政编制) yield to a full one, and several different partial figures state nothing. The chosen candidate carries the
 * other values the report states for it (restated-differently compares them).
 */
import { isSure, surer, type Candidate } from "./candidate.js";

const SCOPE_RANK = { current: 0, grand: 1 } as const;

function better(a: Candidate, b: Candidate): number {
  return (
    (a.scope ? SCOPE_RANK[a.scope] : 0) - (b.scope ? SCOPE_RANK[b.scope] : 0) ||
    surer(b.confidence, a.confidence) ||
    (a.priority ?? 0) - (b.priority ?? 0) ||
    a.order - b.order
  );
}

/**
 * Two values close enough to be two printings of one figure with a slip (12323.48 vs 12323.46, 3958.98 vs 3959.28,
 * one digit changed): within 1 %, or the same digits but one. Values further apart are almost always a figure bound
 * to the wrong label (a project's budget beside the department's), which must not read as a restatement.
 */
export function nearPrinting(a: number, b: number): boolean {
  if (Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b))) return true;
  const da = Math.round(Math.abs(a) * 100).toString();
  const db = Math.round(Math.abs(b) * 100).toString();
  if (da.length !== db.length) return false;
  let diff = 0;
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) diff++;
  return diff === 1;
}

/**
 * Other values the report states for the chosen figure's key, year and scope, for restated-differently: only sure
 * statements of money, near the chosen value, one per value. Rates or counts a little apart are more often two
 * different things (a project's rate); the same value printed in another unit (万元 vs 元) is the same figure.
 */
function alternativesOf(best: Candidate, pool: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  if (best.value === null || best.unit !== "元") return out;
  for (const c of pool) {
    if (c === best || !isSure(c.confidence) || c.partial || c.value === null || c.unit !== "元" || (c.scope ?? null) !== (best.scope ?? null)) continue;
    if (c.value === best.value || out.some((o) => o.value === c.value) || !nearPrinting(c.value, best.value)) continue;
    out.push(c);
  }
  return out;
}

/** The scale most money figures of the report are printed in (1 for 元, 10⁴ for 万元), or null without money. */
function dominantMoneyScale(all: Candidate[]): number | null {
  const counts = new Map<number, number>();
  for (const c of all) if (c.unit === "元" && c.precision) counts.set(c.precision.scale, (counts.get(c.precision.scale) ?? 0) + 1);
  let best: number | null = null;
  for (const [scale, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && scale > best)) best = scale;
  return best;
}

/**
 * A figure printed with the same digits as another of its key but in a unit the report does not use ("全年预算数2089元"
 * in a report of 万元, beside "调整后全年预算资金2089万元") is a unit slip: the other printing is the figure. unit-slip
 * reports the slip (the slipped printing stays on the chosen one as an alternative); the chooser must not adopt it.
 */
function unitSlips(g: Candidate[], scale: number | null): Candidate[] {
  if (scale === null) return [];
  const digits = (c: Candidate) => (c.value === null || !c.precision ? null : c.value / c.precision.scale);
  return g.filter(
    (c) =>
      c.unit === "元" &&
      c.precision &&
      c.precision.scale !== scale &&
      g.some((o) => o !== c && o.unit === "元" && o.precision?.scale === scale && digits(o) === digits(c)),
  );
}

/** One candidate per (project, key, year), in the order of the chosen statements. */
export function chooseCandidates(all: Candidate[]): Candidate[] {
  const scale = dominantMoneyScale(all);
  const groups = new Map<string, Candidate[]>();
  for (const c of all) {
    const g = `${c.project ?? ""}\u0000${c.key}\u0000${c.year}`;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(c);
  }
  const out: Candidate[] = [];
  for (const group of groups.values()) {
    const slipped = unitSlips(group, scale);
    const g = slipped.length ? group.filter((c) => !slipped.includes(c)) : group;
    const full = g.filter((c) => !c.partial);
    let pool = full;
    if (full.length === 0) {
      // Several different partial figures (行政编制 39, 事业编制 5) name no total: state nothing.
      const values = new Set(g.map((c) => c.value));
      if (values.size > 1) continue;
      pool = g;
    }
    pool.sort(better);
    const alternatives = [...alternativesOf(pool[0], pool), ...slipped];
    out.push(alternatives.length ? { ...pool[0], alternatives } : pool[0]);
  }
  return out.sort((a, b) => a.order - b.order);
}
