import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readDocument } from "../../src/formats/index.js";
import { preferSyncInflate } from "../../src/ingest/runtime.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// A bordered 自评表 and a report with compressed content streams and embedded CJK fonts: both paths inflate.
const PDFS = ["fixtures/reports/dept01-2023.pdf", "fixtures/reports/dept03-2021.pdf"];

describe("preferSyncInflate: pdf.js without the web DecompressionStream reads the same text", () => {
  const original = (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  afterAll(() => {
    (globalThis as { DecompressionStream?: unknown }).DecompressionStream = original;
  });

  it("removes the global once and reports whether it was there", () => {
    expect(typeof original).toBe("function");
    expect(preferSyncInflate()).toBe(true);
    expect((globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBeUndefined();
    expect(preferSyncInflate()).toBe(false);
    (globalThis as { DecompressionStream?: unknown }).DecompressionStream = original;
  });

  for (const rel of PDFS) {
    it(`same document model with and without it: ${path.basename(rel)}`, async () => {
      const file = path.join(root, rel);
      const withStreams = await readDocument(file);
      preferSyncInflate();
      try {
        const withoutStreams = await readDocument(file);
        expect(withoutStreams.pages.length).toBeGreaterThan(0);
        expect(withoutStreams.pages.flatMap((p) => p.blocks).length).toBeGreaterThan(5);
        expect(withoutStreams).toEqual(withStreams);
      } finally {
        (globalThis as { DecompressionStream?: unknown }).DecompressionStream = original;
      }
    });
  }
});
