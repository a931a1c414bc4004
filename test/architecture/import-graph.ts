/**
 * The import graph of src/: every relative import (value and type-only), resolved to files, and the layer each file
 * belongs to. Used by the layer test; kept apart so the test can also feed it a made-up upward import.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Bottom first: a layer may import itself and the layers before it. Top-level files are listed by name. */
export const LAYERS: readonly (readonly string[])[] = [
  ["errors.ts", "version.ts", "limits.ts"],
  ["document"],
  ["formats"],
  ["extract"],
  ["rules"],
  ["store"],
  ["query"],
  ["report"],
  ["ingest"],
  ["serve"],
  ["cli", "cli.ts", "index.ts"],
];

export interface Edge { from: string; to: string; typeOnly: boolean }

export function layerOf(file: string): number {
  const [first] = file.split("/");
  const i = LAYERS.findIndex((l) => l.includes(first));
  if (i < 0) throw new Error(`${file}: in no layer (add its folder to LAYERS)`);
  return i;
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gm;

function allTypeOnly(clause: string): boolean {
  const m = /\{([^}]*)\}/.exec(clause);
  if (!m || /^\s*\w+\s*,/.test(clause) || clause.includes("*")) return false;
  const names = m[1].split(",").map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith("type "));
}

/** Every import among files under srcDir, paths relative to srcDir. */
export function importGraph(srcDir: string): Edge[] {
  const files: string[] = [];
  (function walk(d: string) {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) files.push(p);
    }
  })(srcDir);
  const edges: Edge[] = [];
  for (const f of files) {
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      const target = path.resolve(path.dirname(f), spec.replace(/\.js$/, ".ts"));
      edges.push({
        from: path.relative(srcDir, f).split(path.sep).join("/"),
        to: path.relative(srcDir, target).split(path.sep).join("/"),
        typeOnly: m[4] === undefined && (!!m[1] || allTypeOnly(m[2])),
      });
    }
  }
  return edges;
}

/** Imports that go up the layer order. */
export function upwardImports(edges: Edge[]): Edge[] {
  return edges.filter((e) => layerOf(e.to) > layerOf(e.from));
}

/** Strongly connected sets of more than one file (import cycles), type-only imports included. */
export function fileCycles(edges: Edge[]): string[][] {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    adj.get(e.from)!.push(e.to);
    if (!adj.has(e.to)) adj.set(e.to, []);
  }
  // Tarjan's algorithm, iterative so that a long chain cannot overflow the stack.
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>();
  const stack: string[] = [], out: string[][] = [];
  for (const start of adj.keys()) {
    if (idx.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    idx.set(start, index); low.set(start, index++); stack.push(start); onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const next = adj.get(v)!;
      if (i < next.length) {
        top[1]++;
        const w = next[i];
        if (!idx.has(w)) {
          idx.set(w, index); low.set(w, index++); stack.push(w); onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) { const u = work[work.length - 1][0]; low.set(u, Math.min(low.get(u)!, low.get(v)!)); }
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== v);
        if (comp.length > 1) out.push(comp.sort());
      }
    }
  }
  return out;
}
