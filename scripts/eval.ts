/**
 * npm run eval -- DIR [--json] [--format txt,docx,pdf] [--render docx,pdf,html] [--half dev|held] [--details]
 * Scores the extraction pipeline against every NAME.gold.json under DIR (fixtures, a generated corpus, or
 * ../shared/corpus/real): per-field precision / recall / F1, findings recall and false findings per report.
 * --render also scores each NAME.txt excerpt rendered into those formats, and counts the reports whose renderings
 * all yield the same metrics.
 */
import { Command } from "commander";
import { existsSync } from "node:fs";
import { discover, evaluate, realPipeline, DOC_FORMATS } from "./lib/eval/run.js";
import { renderSummary, summarize } from "./lib/eval/aggregate.js";
import { halfOf, type Half } from "./lib/eval/split.js";
import { parseRenderFormats, withRenderings } from "./lib/eval/render.js";
import { compareFormats, renderConsistency } from "./lib/eval/consistency.js";

const program = new Command("eval")
  .description("用标准答案评估抽取与核对 / score extraction and checks against gold files")
  .argument("<dir>", "folder with NAME.gold.json files and the documents beside them")
  .option("--json", "print the summary and per-document results as JSON", false)
  .option("--format <list>", "only these document formats (txt,docx,pdf,doc,html)")
  .option("--details", "list each document's misses and false findings", false)
  .option("--half <half>", "only this half of the corpus split: dev (develop against it) or held (check only afterwards)")
  .option("--render <list>", "also score each NAME.txt rendered into these formats (docx,pdf,html; cached under the temp folder)")
  .action(async (dir: string, o: { json: boolean; format?: string; details: boolean; half?: string; render?: string }) => {
    if (!existsSync(dir)) throw new Error(`${dir}: no such folder`);
    const formats = o.format ? o.format.split(",").map((s) => s.trim()) : [...DOC_FORMATS];
    if (o.half !== undefined && o.half !== "dev" && o.half !== "held") throw new Error(`--half must be dev or held, not ${o.half}`);
    const render = o.render === undefined ? [] : parseRenderFormats(o.render);
    let entries = discover(dir, formats).filter((e) => o.half === undefined || halfOf(e.goldPath) === (o.half as Half));
    if (render.length) entries = await withRenderings(entries, render);
    const missing = entries.filter((e) => e.docs.length === 0);
    // Scores over no documents read as a perfect 100 %: say so and stop instead (--format txt on a folder of PDFs).
    if (entries.every((e) => e.docs.length === 0)) {
      throw new Error(`${dir}: no document to score${o.format ? ` in ${o.format}` : ""}${o.half ? ` in the ${o.half} half` : ""} (${entries.length} gold files)`);
    }
    const results = await evaluate(entries, await realPipeline());
    const summary = summarize(results);
    const consistency = compareFormats(results);
    if (o.json) {
      console.log(JSON.stringify({ summary, consistency, documents: results }, null, 2));
    } else {
      if (o.details) {
        for (const r of results) {
          const s = r.score;
          if (!r.error && s.misses.length === 0 && s.findings.missed.length === 0 && s.findings.falseFindings.length === 0) continue;
          console.log(`\n${r.document}${r.error ? `  错误 error: ${r.error}` : ""}`);
          for (const m of s.misses) console.log(`  ${m.project ? `[${m.project}] ` : ""}${m.field}${m.year ? `@${m.year}` : ""}: 应为 expected ${JSON.stringify(m.expected)}, 得到 got ${JSON.stringify(m.got)}`);
          for (const f of s.findings.missed) console.log(`  漏报 missed finding: ${f.rule ?? ""} ${f.about.join(",")}@${f.year}${f.project ? ` [${f.project}]` : ""}`);
          for (const f of s.findings.falseFindings) console.log(`  误报 false finding: ${f.rule} (${f.severity}) ${f.metrics.map((m) => `${m.key}@${m.year}`).join(",")}`);
        }
        console.log("");
      }
      console.log(renderSummary(summary));
      if (consistency.reports > 0) console.log(renderConsistency(consistency, o.details));
      if (missing.length) {
        console.log(`没有对应文档的标准答案 gold files without a document${o.format ? ` in ${o.format}` : ""}: ${missing.length}`);
      }
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`eval: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
