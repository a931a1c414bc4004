import type { Command } from "commander";
import { CliExit, EXIT } from "../exit-codes.js";
import { DocumentSchema } from "../../document/model.js";
import { renderDocumentText } from "../../document/render-text.js";
import { readDocument } from "../../formats/index.js";

const FORMATS = ["text", "json"] as const;

/** `jixiao text <file>`: the normalised document, for people (outline, paragraphs, tables) or as the JSON model. */
export function register(program: Command): void {
  program
    .command("text")
    .description("显示文档的规范化文本：章节、段落、表格、页码 (print the normalised document)")
    .argument("<file>", "PDF / DOCX / DOC / TXT / HTML 文件")
    .option("--format <format>", "输出格式 text|json", "text")
    .action(async (file: string, opts: { format: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliExit(EXIT.USAGE, `jixiao: --format 只能是 ${FORMATS.join("|")}，而不是 "${opts.format}"`);
      }
      const doc = await readDocument(file);
      const out = opts.format === "json" ? JSON.stringify(DocumentSchema.parse(doc), null, 2) + "\n" : renderDocumentText(doc);
      await new Promise<void>((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
    });
}
