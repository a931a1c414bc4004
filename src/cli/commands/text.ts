import type { Command } from "commander";
import { writeAll, type CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import { formatErrorText } from "../output.js";
import { escapeControls } from "../../errors.js";
import { addLimitOptions, parseLimits, type LimitOptions } from "../limits.js";

// "table" is accepted as a synonym of "text" so `--format table` works on every command.
const FORMATS = ["text", "json", "table"] as const;

/** `jixiao text <file>`: the normalised document, for people (outline, paragraphs, tables) or as the JSON model. */
export function register(program: Command, io: CliIo): void {
  const cmd = program
    .command("text")
    .description("显示文档的规范化文本：章节、段落、表格、页码 (print the normalised document)")
    .argument("<file>", "PDF / DOCX / DOC / TXT / HTML / XLSX / XLS / ET / ODS / PNG / JPEG / TIFF 文件")
    .option("--format <format>", "输出格式 (output format: text|json；table 同 text)", "text");
  addLimitOptions(cmd).action(async (file: string, opts: { format: string } & LimitOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new CliExit(EXIT.USAGE, `jixiao: ${formatErrorText(opts.format, FORMATS)}`);
      const limits = parseLimits(opts);
      const { readBounded } = await import("../../ingest/pool.js");
      const doc = (await readBounded({ path: file, want: "document", maxBytes: limits.maxFileBytes, ocr: limits.ocr }, limits.fileTimeout * 1000)).document!;
      // The text rendering prints the document's warnings; JSON goes to programs, so a format mismatch is said on stderr.
      if (opts.format === "json")
        for (const w of doc.warnings) if (w.code === "format-mismatch") io.stderr.write(`jixiao: 注意：${escapeControls(file)}：${w.message}\n`);
      let out: string;
      if (opts.format === "json") out = JSON.stringify((await import("../../document/model.js")).DocumentSchema.parse(doc), null, 2) + "\n";
      else out = (await import("../../document/render-text.js")).renderDocumentText(doc);
      await writeAll(io.stdout, out);
    });
}
