/**
 * Layers import downward only (README "Source layout"): document → formats → extract → rules → store → query → report
 * → ingest → cli, with errors.ts/version.ts/limits.ts beneath all. No file-level import cycles, type-only imports included.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { fileCycles, importGraph, layerOf, upwardImports, type Edge } from "./import-graph.js";

const src = path.resolve(import.meta.dirname, "../../src");
const edges = importGraph(src);

describe("source layers", () => {
  it("reads the real graph", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.from === "cli/commands/index.ts")).toBe(true);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });

  it("has no upward import", () => {
    expect(upwardImports(edges).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("has no import cycle between files", () => {
    expect(fileCycles(edges)).toEqual([]);
  });

  it("would catch an upward import or a cycle if one were added", () => {
    const extractFile = edges.find((e) => e.from.startsWith("extract/"))!.from;
    const upward: Edge = { from: extractFile, to: "cli/output.ts", typeOnly: false };
    expect(upwardImports([...edges, upward])).toEqual([upward]);
    const typeUp: Edge = { from: "formats/pdf.ts", to: "store/db.ts", typeOnly: true };
    expect(upwardImports([...edges, typeUp])).toEqual([typeUp]);
    const back: Edge = { from: "document/model.ts", to: "document/assemble.ts", typeOnly: true };
    expect(fileCycles([...edges, back]).some((c) => c.includes("document/model.ts"))).toBe(true);
  });

  it("places every file in a layer", () => {
    const files = new Set(edges.flatMap((e) => [e.from, e.to]));
    expect([...files].filter((f) => { try { layerOf(f); return false; } catch { return true; } })).toEqual([]);
  });
});
