/**
 * npm run generate-corpus -- --departments N --years A-B --formats txt,docx,pdf,html --seed S --out DIR [--inject-rate R]
 *   [--project-rate R] [--mixed] [--jobs N] [--samples]
 * Writes synthetic self-evaluation reports with NAME.gold.json beside each (see scripts/lib/corpus/).
 */
import { Command, InvalidArgumentError } from "commander";
import { buildCorpus, type OutFormat } from "./lib/corpus/generate.js";
import { writeCorpus } from "./lib/corpus/write.js";

function parseYears(v: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError("expected YYYY or YYYY-YYYY");
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  if (b < a) throw new InvalidArgumentError("end year before start year");
  return [a, b];
}

function parseFormats(v: string): OutFormat[] {
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!["txt", "docx", "pdf", "html"].includes(f)) throw new InvalidArgumentError(`unknown format ${f}`);
  if (list.length === 0) throw new InvalidArgumentError("no format");
  return list as OutFormat[];
}

function parseRate(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("expected a number in [0, 1]");
  return n;
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

const program = new Command("generate-corpus")
  .description("生成带标准答案的合成绩效自评报告 / generate synthetic self-evaluation reports with gold files")
  .option("--departments <n>", "number of departments", parseCount, 3)
  .option("--years <A-B>", "fiscal years, e.g. 2021-2023", parseYears, [2021, 2023] as [number, number])
  .option("--formats <list>", "txt,docx,pdf,html (with --mixed, repeat an entry to weight it)", parseFormats, ["txt"] as OutFormat[])
  .option("--seed <s>", "seed (same seed → byte-identical TXT and gold)", "1")
  .option("--out <dir>", "output folder", ".corpus/default")
  .option("--inject-rate <r>", "share of reports with one injected inconsistency", parseRate, 0.3)
  .option("--project-rate <r>", "chance of a 项目支出绩效自评表 per department-year", parseRate, 0.3)
  .option("--mixed", "one format per report, cycling through --formats (default: every report in every format)", false)
  .option("--jobs <n>", "LibreOffice processes converting PDFs at once", parseCount, 1)
  .option("--samples", "write the fixed sample pair sample-report / sample-project instead", false)
  .action(async (o) => {
    const t0 = Date.now();
    const reports = buildCorpus({
      departments: o.departments, fromYear: o.years[0], toYear: o.years[1], formats: o.formats, seed: String(o.seed),
      injectRate: o.injectRate, projectRate: o.projectRate, mixed: o.mixed, samples: o.samples,
    });
    const s = await writeCorpus(reports, o.out, o.jobs);
    for (const m of s.messages) console.error(m);
    const findings = reports.reduce((n, r) => n + r.gold.expectedFindings.length, 0);
    const clean = reports.filter((r) => r.gold.expectedFindings.length === 0).length;
    console.log(
      `${reports.length} 份报告 / reports → ${o.out}: txt ${s.files.txt}, docx ${s.files.docx}, pdf ${s.files.pdf}, html ${s.files.html}, gold ${s.files.gold}` +
      (s.skippedPdf ? `, PDF skipped ${s.skippedPdf}` : "") +
      `; clean ${clean}, expected findings ${findings}; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`generate-corpus: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
