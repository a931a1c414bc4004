import type { Command } from "commander";
import type { CliIo } from "../io.js";
import path from "node:path";
import type { Column } from "../../query/column.js";
import { addDbOption, addFormatOption, intOption, outputFormat, renderOut, withReadonlyDb, stdoutOf } from "../support.js";

export function register(program: Command, io: CliIo): void {
  const write = stdoutOf(io);
  const cmd = program
    .command("search <words...>")
    .description("全文检索报告章节，多个词须同时出现，可不加引号 (full-text search over report sections; several words must all match; 3+ characters use the FTS5 index)")
    .option("--limit <n>", "最多返回条数 (max hits)", "20");
  addDbOption(cmd);
  addFormatOption(cmd);
  cmd.action(async (words: string[], opts: { limit: string; db?: string; format?: string }) => {
    // `jixiao search 执行率 偏低` and `jixiao search "执行率 偏低"` are the same search.
    const text = words.join(" ");
    const format = outputFormat(opts.format);
    const limit = intOption("--limit", opts.limit) ?? 20;
    const { search } = await import("../../query/search.js");
    await withReadonlyDb(io, opts, (db) => {
      const hits = search(db, text, { limit }).map((h) => ({ ...h, file: path.basename(h.source) }));
      const columns: Column[] = [
        { key: "department", header: "部门" },
        { key: "fiscalYear", header: "年度" },
        { key: "kindLabel", header: "类型" },
        { key: "heading", header: "章节" },
        { key: "page", header: "页", align: "right" },
        { key: "snippet", header: "摘录" },
        // The file tells apart identical snippets of two reports (the table shows its name, the other formats its path).
        ...(format === "table" ? [{ key: "file", header: "文件" }] : [{ key: "source", header: "来源文件" }, { key: "reportId", header: "报告编号" }]),
      ];
      if (format === "table" && !hits.length) return write(`未找到“${text}” (no matches)\n`);
      write(renderOut(format, columns, hits as unknown as Array<Record<string, unknown>>, hits));
    });
  });
}
