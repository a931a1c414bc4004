import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument, readDocumentFromBuffer } from "../../src/formats/index.js";
import { InputError } from "../../src/errors.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-read-"));
const text = "一、部门概况\n本局负责全县财政工作。\n";
const file = path.join(dir, "report.txt");
writeFileSync(file, text);
const sha = createHash("sha256").update(Buffer.from(text)).digest("hex");

async function failure(p: string): Promise<string> {
  try {
    await readDocument(p);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).code;
  }
  return "no error";
}

describe("readDocument", () => {
  it("hashes the bytes it read, from a file or from a buffer", async () => {
    expect((await readDocument(file)).source.sha256).toBe(sha);
    expect((await readDocumentFromBuffer(Buffer.from(text), file)).source.sha256).toBe(sha);
  });

  it("names a directory and a missing file as such", async () => {
    const sub = path.join(dir, "folder.pdf");
    mkdirSync(sub, { recursive: true });
    expect(await failure(sub)).toBe("unsupported");
    expect(await failure(path.join(dir, "missing.pdf"))).toBe("not-found");
  });
});
