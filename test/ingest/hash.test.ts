import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/document/sha256.js";
import { sha256OfPath } from "../../src/ingest/hash.js";

describe("sha256OfPath (chunked hashing through one reused buffer)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jx-hash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, Buffer]> = [
    ["empty", Buffer.alloc(0)],
    ["small", Buffer.from("部门整体支出绩效自评报告 2023", "utf8")],
    // Larger than the 1 MiB chunk and not a multiple of it: the tail chunk must be hashed by its length only.
    ["multi-chunk", Buffer.from(Array.from({ length: 2_500_000 }, (_, i) => (i * 31 + 7) & 0xff))],
  ];
  for (const [name, bytes] of cases) {
    it(`equals the one-shot hash of the bytes: ${name}`, () => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      expect(sha256OfPath(file)).toBe(sha256Hex(bytes));
    });
  }

  it("a file read after a larger one is not polluted by the previous file's bytes", () => {
    const big = path.join(dir, "big");
    const small = path.join(dir, "after");
    writeFileSync(big, Buffer.alloc(1_200_000, 0x41));
    writeFileSync(small, Buffer.from("abc"));
    sha256OfPath(big);
    expect(sha256OfPath(small)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("a missing file throws (the caller reports it and goes on)", () => {
    expect(() => sha256OfPath(path.join(dir, "nope"))).toThrow(/文件不存在 \(no such file\)/);
  });
});
