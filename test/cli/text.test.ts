/**
 * `jixiao text`, run in-process (its files are read by the built worker; test/global-setup.ts builds it): good files print, bad ones give one line naming the file
 * and the reason, exit code 4, and no stack trace unless --debug.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentSchema } from "../../src/document/model.js";
import { makeZip, MINIMAL_DOCUMENT_XML } from "../formats/helpers/zip.js";
import { runInProcess } from "../helpers/run-cli.js";

const repo = path.resolve(__dirname, "../..");
const cli = path.join(repo, "dist/cli.js");
const bad = path.join(repo, "fixtures/bad");

const run = (args: string[]) => runInProcess(args);

describe.skipIf(!existsSync(cli))("jixiao text", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "jx-text-"));
    writeFileSync(
      path.join(tmp, "bomb.docx"),
      await makeZip([
        { name: "word/document.xml", data: Buffer.from(MINIMAL_DOCUMENT_XML) },
        { name: "word/media/image1.png", zeros: 300 * 1024 * 1024 },
      ]),
    );
    writeFileSync(path.join(tmp, "report.txt"), "一、部门概况\n\n（一）部门职能。本局负责全县农业规划。\n\n二、收支情况\n\n2022年度总收入 1,234.56 万元。\n");
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // The image-only PDF with --ocr off: that OCR finds no text in it is test/formats/ocr.test.ts's (OCR takes seconds).
  const cases: Array<[string, string, RegExp, string[]?]> = [
    ["empty file", "empty.txt", /文件为空/],
    ["empty PDF", "empty.pdf", /文件为空/],
    ["truncated PDF", "truncated.pdf", /损坏|corrupt/],
    ["random bytes named .pdf", "random.pdf", /不是PDF|not a PDF/],
    ["random bytes named .docx", "random.docx", /不是DOCX|not a DOCX/],
    ["encrypted PDF", "encrypted.pdf", /加密|password/],
    ["encrypted DOCX", "encrypted.docx", /加密|password/],
    ["image-only PDF, OCR off", "image-only.pdf", /扫描件，无文字层（--ocr off 未识别）/, ["--ocr", "off"]],
  ];
  for (const [what, file, reason, options = []] of cases) {
    it(`${what}: one line naming the file and the reason, exit 4`, async () => {
      const f = path.join("fixtures/bad", file);
      expect(existsSync(path.join(bad, file))).toBe(true);
      const r = await run(["text", f, ...options]);
      expect(r.code).toBe(4);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`jixiao: ${f}: `)).toBe(true);
      expect(lines[0]).toMatch(reason);
    });
  }

  it("a .docx zip bomb is refused without inflating it", async () => {
    const f = path.join(tmp, "bomb.docx");
    const r = await run(["text", f]);
    expect(r.code).toBe(4);
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(new RegExp(`^jixiao: ${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*zip 炸弹`))]);
  });

  it("a missing file is an input error too; --debug adds the stack", async () => {
    const r = await run(["text", "no/such/file.pdf"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("jixiao: no/such/file.pdf: 文件不存在 (no such file)\n");
    const d = await run(["--debug", "text", "fixtures/bad/random.pdf"]);
    expect(d.code).toBe(4);
    expect(d.stderr).toMatch(/InputError[\s\S]*at /);
  });

  it("prints the outline and, with --format json, a valid document model", async () => {
    const f = path.join(tmp, "report.txt");
    const t = await run(["text", f]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("# 一、部门概况");
    expect(t.stdout).toContain("  ## （一）部门职能。");
    expect(t.stdout).toContain("2022年度总收入1,234.56万元。");
    const j = await run(["text", f, "--format", "json"]);
    expect(j.code).toBe(0);
    const doc = DocumentSchema.parse(JSON.parse(j.stdout));
    expect(doc.source.format).toBe("txt");
    const u = await run(["text", f, "--format", "csv"]);
    expect(u.code).toBe(2);
  });
});
