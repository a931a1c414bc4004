/**
 * Mutation benchmark for the consistency rules.
 *
 *   npx tsx scripts/bench-rules.ts [--mutations N] [--departments N] [--seed S] [--text N] [--lines N] [--json] [--verbose]
 *
 * Reports (fixtures/reports, fixtures/samples, a generated corpus, the seed, ../shared/corpus/real) are extracted with
 * the real pipeline. On each, one number that takes part in a stated relation the report satisfies is changed
 * (factor, one digit, 元/万元 slip, 增加↔减少), many times at random (seeded). Recall = mutations for which a new warning
 * or error names the changed metric; false findings = findings on clean reports that no gold expectation covers.
 * --text N also mutates N numbers in generated TXT documents and re-extracts them (text-level mutations).
 * --lines N (default 150) changes, N times per kind, a 得分 of a score-table row, a year that carries the report's
 * reference (a 截至 year-end, a comparison year, a heading), a direction word or a stated % derived from figures printed
 * in its own claim (a rate, share or change whose base figures stand in its sentence or table row — not an indicator's
 * target such as 100%, which no rule can recompute) in a TXT report (scripts/lib/mutate-lines.ts),
 * re-reads it and runs the rules with the document; caught = a new warning or error from a rule of that kind. False
 * findings on clean reports include the rules that read the text.
 * --items N (default 300) changes one printed 科目 amount (a digit, or two digits swapped) in the line items of the real
 * disclosures (../shared/corpus originals and budget-pdfs) and re-checks the report without its document
 * (scripts/lib/mutate-items.ts); caught = a new line-* warning or error quoting that cell. The line-* findings those
 * disclosures raise unmutated are listed beside it (on clean reports they are false findings).
 * Targets: recall ≥ 95 %, ≤ 1 false finding per 20 clean reports.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import type { Report } from "../src/extract/schema.js";
import type { Finding } from "../src/extract/finding.js";
import { runReportRules, runCrossRules, type ReportWithId } from "../src/rules/index.js";
import { mutationTargets, mutate, caught, insideRounding, type MutationKind, type Target } from "./lib/mutate.js";
import { foldWidth } from "../src/document/normalize.js";
import { fixed } from "../src/rules/lib/format.js";
import { precisionOf } from "../src/rules/lib/tolerance.js";
import { discover, realPipeline, stripCorpusHeader, type Pipeline } from "./lib/eval/run.js";
import { lineSites, applySite, type LineKind } from "./lib/mutate-lines.js";
import type { JxDocument } from "../src/document/model.js";
import type { GoldFinding } from "./lib/eval/gold-schema.js";
import { buildCorpus } from "./lib/corpus/generate.js";
import { Rng } from "./lib/corpus/prng.js";
import { benchItems } from "./lib/mutate-items.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const shared = path.resolve(root, "../shared/corpus");

interface Sample {
  name: string;
  source: string;
  report: Report;
  expected: GoldFinding[];
  txt?: string;
  /** The document, for the rules that read the text. */
  doc?: JxDocument;
}

function matches(e: GoldFinding, f: Finding): boolean {
  if (!f.metrics.some((m) => m.year === e.year && e.about.includes(m.key))) return false;
  return !e.project || (!!f.project && (f.project.includes(e.project) || e.project.includes(f.project)));
}

async function collect(p: Pipeline, o: { departments: number; seed: string }): Promise<Sample[]> {
  const out: Sample[] = [];
  const add = async (dir: string, source: string) => {
    if (!existsSync(dir)) return;
    for (const e of discover(dir)) {
      for (const d of e.docs) {
        const doc = await p.read(d.path, d.format);
        const report = p.extract(doc);
        const txt = d.format === "txt" ? stripCorpusHeader(readFileSync(d.path, "utf8")) : undefined;
        out.push({ name: path.relative(root, d.path), source, report, expected: e.gold.expectedFindings, doc, txt });
      }
    }
  };
  await add(path.join(root, "fixtures/reports"), "fixtures");
  await add(path.join(root, "fixtures/samples"), "fixtures");
  await add(path.join(shared, "real"), "real");
  const seed = path.join(shared, "seed/renhua-social-insurance-2023.txt");
  if (existsSync(seed)) {
    const doc = await p.read(seed, "txt");
    const report = p.extract(doc);
    const expected: GoldFinding[] = [
      { about: ["expenditure.total", "expenditure.basic", "expenditure.project"], year: 2023, roundingLevel: true },
      { about: ["assets.fixed_total"], year: 2023 },
    ];
    out.push({ name: "seed", source: "seed", report, expected, doc, txt: readFileSync(seed, "utf8") });
  }
  const { documentFromText } = await import("../src/formats/txt.js");
  const { extract } = await import("../src/extract/extract.js");
  const built = buildCorpus({ departments: o.departments, fromYear: 2021, toYear: 2023, formats: ["txt"], seed: o.seed, injectRate: 0.3, projectRate: 0.3, mixed: false });
  for (const b of built) {
    const doc = documentFromText(b.txt, `${b.name}.txt`);
    const report = extract(doc);
    out.push({ name: b.name, source: "generated", report, expected: b.gold.expectedFindings as unknown as GoldFinding[], txt: b.txt, doc });
  }
  return out;
}

/** Replace the printed figure of a target in the raw TXT (located by the words before it in its quote). */
function mutateText(txt: string, t: Target, to: string): string | null {
  const p = precisionOf(t.metric);
  const num = fixed(Math.abs(t.metric.value ?? 0), p);
  const folded = foldWidth(txt);
  const q = t.metric.quote.replace(/\s/g, "");
  const qi = q.indexOf(num);
  if (qi < 0) return null;
  const want = q.slice(Math.max(0, qi - 8), qi);
  let best = -1;
  let bestScore = -1;
  for (let i = folded.indexOf(num); i >= 0; i = folded.indexOf(num, i + 1)) {
    if (/[\d.]/.test(folded[i - 1] ?? "") || /\d/.test(folded[i + num.length] ?? "")) continue;
    const before = folded.slice(Math.max(0, i - 30), i).replace(/\s/g, "");
    let s = 0;
    while (s < want.length && before[before.length - 1 - s] === want[want.length - 1 - s]) s++;
    if (s > bestScore) [best, bestScore] = [i, s];
  }
  if (best < 0) return null;
  const newNum = /^-?[\d.]+/.exec(to.replace(/^-/, ""))?.[0];
  const unit = to.replace(/^-?[\d.]+/, "");
  if (!newNum) return null;
  let end = best + num.length;
  const tail = /^\s*(亿元|万元|元)/.exec(txt.slice(end));
  if (t.metric.unit === "元" && tail) end += tail[0].length;
  else if (unit && unit !== "%" && !tail) return unit === (p.scale >= 1e4 ? "万元" : "元") ? txt.slice(0, best) + newNum + txt.slice(end) : null;
  return txt.slice(0, best) + newNum + (t.metric.unit === "元" && tail ? unit : "") + txt.slice(end);
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)}%` : "—";
}

async function main() {
  const o = new Command("bench-rules")
    .option("--mutations <n>", "mutations per clean report", "30")
    .option("--departments <n>", "departments in the generated corpus", "12")
    .option("--seed <s>", "seed", "bench-rules-1")
    .option("--text <n>", "text-level mutations on generated TXT reports", "0")
    .option("--lines <n>", "line-item mutations per kind (a 得分, a year, a direction word, a stated %) on TXT reports, re-read with the rules that read the text", "150")
    .option("--items <n>", "科目 amount mutations in the line items of the real disclosures (../shared/corpus originals, budget-pdfs)", "300")
    .option("--json", "print JSON")
    .option("--verbose", "list missed mutations and false findings")
    .parse()
    .opts();
  const t0 = performance.now();
  const pipeline = await realPipeline();
  const samples = await collect(pipeline, { departments: Number(o.departments), seed: String(o.seed) });
  const rng = new Rng(String(o.seed));

  // Clean-report false findings and expected-finding recall (in-report expectations).
  let clean = 0;
  const falseBySource: Record<string, { reports: number; all: number; nonInfo: number }> = {};
  let expected = 0;
  let found = 0;
  const misses: string[] = [];
  const falses: string[] = [];
  for (const s of samples) {
    const findings = runReportRules(s.report, { doc: s.doc });
    const inReport = s.expected.filter((e) => !e.crossReport);
    expected += inReport.length;
    for (const e of inReport) {
      if (findings.some((f) => matches(e, f))) found++;
      else misses.push(`${s.name}: ${e.rule ?? ""} ${e.about.join(",")} ${e.year}`);
    }
    const isClean = s.expected.length === 0;
    const bad = findings.filter((f) => !s.expected.some((e) => matches(e, f)));
    const b = (falseBySource[s.source] ??= { reports: 0, all: 0, nonInfo: 0 });
    if (isClean) {
      clean++;
      b.reports++;
      b.all += bad.length;
      b.nonInfo += bad.filter((f) => f.severity !== "info").length;
    }
    for (const f of bad) falses.push(`${s.name}${isClean ? "" : " (not clean)"}: ${f.severity} ${f.rule} ${f.message}`);
  }

  // Cross-report expectations over the generated corpus (one format, so every department's years are comparable).
  const gen = samples.filter((s) => s.source === "generated");
  const cross = runCrossRules(gen.map((s, i) => ({ ...s.report, id: i }) as ReportWithId));
  let crossExpected = 0;
  let crossFound = 0;
  gen.forEach((s, i) => {
    for (const e of s.expected.filter((x) => x.crossReport)) {
      crossExpected++;
      const pool = [...runReportRules(s.report), ...cross.filter((f) => f.reportId === i || f.otherReportId === i)];
      if (pool.some((f) => matches(e, f))) crossFound++;
      else misses.push(`${s.name} (cross): ${e.rule ?? ""} ${e.about.join(",")} ${e.year}`);
    }
  });

  // Report-level mutations on clean reports.
  const kinds: Array<[MutationKind, number]> = [["factor", 4], ["digit", 4], ["slip", 1], ["sign", 1]];
  const perKind: Record<string, { n: number; hit: number }> = {};
  const missed: string[] = [];
  let total = 0;
  let hit = 0;
  let rounding = 0;
  let roundingHit = 0;
  // Every report is mutated (the seed and reports with injected errors too): a mutation is caught by a warning or
  // error naming the changed metric that the unmutated report did not already have.
  for (const s of samples) {
    const targets = mutationTargets(s.report);
    if (!targets.length) continue;
    const before = new Set(runReportRules(s.report).map((f) => `${f.rule}|${f.message}`));
    const fresh = (fs: Finding[]) => fs.filter((f) => !before.has(`${f.rule}|${f.message}`));
    for (let i = 0; i < Number(o.mutations); i++) {
      let m = null;
      for (let tries = 0; tries < 8 && !m; tries++) m = mutate(s.report, rng.pick(targets), rng.weighted(kinds), rng);
      if (!m) continue;
      const ok = caught(fresh(runReportRules(m.report)), m.target);
      // A change whose effect stays inside the printed figures' rounding cannot be told from rounding.
      if (insideRounding(m)) {
        rounding++;
        if (ok) roundingHit++;
        continue;
      }
      const k = (perKind[m.kind] ??= { n: 0, hit: 0 });
      k.n++;
      total++;
      if (ok) [k.hit, hit] = [k.hit + 1, hit + 1];
      else missed.push(`${s.name}: ${m.kind} ${m.target.project ?? ""} ${m.target.metric.key}@${m.target.metric.year} ${m.from} → ${m.to}`);
    }
  }

  // Text-level mutations: change the number in the TXT, re-read and re-extract.
  let textTotal = 0;
  let textHit = 0;
  const textN = Number(o.text);
  if (textN > 0) {
    const { documentFromText } = await import("../src/formats/txt.js");
    const { extract } = await import("../src/extract/extract.js");
    const pool = gen.filter((s) => s.expected.length === 0 && s.txt);
    for (let i = 0; i < textN * 3 && textTotal < textN; i++) {
      const s = rng.pick(pool);
      const targets = mutationTargets(s.report).filter((t) => !t.derived);
      if (!targets.length) continue;
      const m = mutate(s.report, rng.pick(targets), rng.weighted(kinds.slice(0, 3)), rng);
      if (!m) continue;
      const txt = mutateText(s.txt!, m.target, m.to);
      if (!txt || insideRounding(m)) continue;
      textTotal++;
      const r = extract(documentFromText(txt, `${s.name}.txt`));
      if (caught(runReportRules(r), m.target)) textHit++;
      else missed.push(`${s.name} (text): ${m.kind} ${m.target.metric.key}@${m.target.metric.year} ${m.from} → ${m.to}`);
    }
  }

  // Line-item mutations: one 得分, year or direction word changed in a TXT report, re-read and checked with the document.
  const lineN = Number(o.lines);
  const perLine: Record<string, { n: number; hit: number }> = {};
  if (lineN > 0) {
    const { documentFromText } = await import("../src/formats/txt.js");
    const { extract } = await import("../src/extract/extract.js");
    const pool = samples.filter((s) => s.txt && s.doc).map((s) => ({ s, sites: lineSites(s.txt!, s.report.fiscalYear, s.report.title, rng) }));
    const key = (f: Finding) => `${f.rule}|${f.message}`;
    const before = new Map(pool.map(({ s }) => [s, new Set(runReportRules(s.report, { doc: s.doc }).map(key))]));
    for (const kind of ["score", "year", "direction", "percent"] as LineKind[]) {
      const withKind = pool.map((p) => ({ ...p, sites: p.sites.filter((x) => x.kind === kind) })).filter((p) => p.sites.length);
      const k = (perLine[kind] ??= { n: 0, hit: 0 });
      for (let i = 0; i < lineN && withKind.length; i++) {
        const { s, sites } = rng.pick(withKind);
        const site = rng.pick(sites);
        const doc = documentFromText(applySite(s.txt!, site), `${s.name}.txt`);
        const fresh = runReportRules(extract(doc), { doc }).filter((f) => f.severity !== "info" && !before.get(s)!.has(key(f)));
        k.n++;
        if (fresh.some((f) => site.rules.includes(f.rule))) k.hit++;
        else missed.push(`${s.name} (line): ${kind} ${site.from} → ${site.to} at ${site.start}`);
      }
    }
  }

  // 科目 amount mutations on the line items of real disclosures, re-checked without the document (as check --db).
  const disclosures: Array<{ report: Report; clean: boolean }> = [];
  if (Number(o.items) > 0) {
    for (const dir of ["originals", "budget-pdfs"].map((d) => path.join(shared, d))) {
      if (!existsSync(dir)) continue;
      for (const e of discover(dir, ["pdf"])) for (const d of e.docs) disclosures.push({ report: pipeline.extract(await pipeline.read(d.path, d.format)), clean: e.gold.expectedFindings.length === 0 });
    }
  }
  const items = benchItems(disclosures.map((d) => d.report), Number(o.items), rng.fork("items"));
  const lineFalse = disclosures.flatMap((d) => runReportRules(d.report).filter((f) => f.rule.startsWith("line-") && f.severity !== "info").map((f) => `${d.report.source.path}${d.clean ? "" : " (not clean)"}: ${f.rule} ${f.message}`));
  missed.push(...items.missed.map((x) => `${x} (item)`));
  falses.push(...lineFalse);

  const falseAll = Object.values(falseBySource).reduce((a, b) => a + b.all, 0);
  const falseNonInfo = Object.values(falseBySource).reduce((a, b) => a + b.nonInfo, 0);
  const result = {
    reports: samples.length,
    cleanReports: clean,
    mutations: { total, caught: hit, recall: total ? hit / total : null, perKind, insideRounding: rounding, insideRoundingCaught: roundingHit },
    textMutations: { total: textTotal, caught: textHit, recall: textTotal ? textHit / textTotal : null },
    lineMutations: perLine,
    itemMutations: { reports: disclosures.length, lineItems: disclosures.reduce((a, d) => a + (d.report.lineItems?.length ?? 0), 0), all: items.all, checked: items.checked, lineFindingsUnmutated: lineFalse.length, onCleanReports: disclosures.filter((d) => d.clean).length },
    falseFindings: {
      all: falseAll,
      nonInfo: falseNonInfo,
      nonInfoPerClean: clean ? falseNonInfo / clean : null,
      allPerClean: clean ? falseAll / clean : null,
      bySource: falseBySource,
    },
    expectedFindings: { inReport: { expected, found }, cross: { expected: crossExpected, found: crossFound } },
    seconds: (performance.now() - t0) / 1000,
  };
  if (o.json) {
    console.log(JSON.stringify({ ...result, misses, missed: missed.slice(0, 200), falses }, null, 2));
    return;
  }
  console.log(`报告 reports: ${samples.length}（clean ${clean}），用时 ${result.seconds.toFixed(1)} s`);
  console.log(`变异 mutations (report level): ${hit}/${total} 检出 recall ${pct(hit, total)}  [target ≥ 95%]`);
  for (const [k, v] of Object.entries(perKind)) console.log(`  ${k.padEnd(7)} ${v.hit}/${v.n} ${pct(v.hit, v.n)}`);
  console.log(`  (另有 ${rounding} 个变异的影响在四舍五入容差之内，不计入：其中 ${roundingHit} 个仍被标出 / ${rounding} more changed a relation by less than its rounding tolerance and are not counted)`);
  if (textTotal) console.log(`变异 mutations (text level, re-extracted): ${textHit}/${textTotal} recall ${pct(textHit, textTotal)}`);
  for (const [k, v] of Object.entries(perLine)) console.log(`变异 line-item mutations ${k.padEnd(9)} ${v.hit}/${v.n} 检出 recall ${pct(v.hit, v.n)}`);
  if (disclosures.length) {
    console.log(
      `变异 科目 amount mutations (line items of ${disclosures.length} real disclosures, ${result.itemMutations.lineItems} items): ` +
        `${items.checked.hit}/${items.checked.n} 检出 recall ${pct(items.checked.hit, items.checked.n)} among cells an identity involves; ${items.all.hit}/${items.all.n} ${pct(items.all.hit, items.all.n)} of all cells`,
    );
    console.log(`  line-* warnings/errors on the unmutated disclosures: ${lineFalse.length} (${disclosures.filter((d) => d.clean).length} of ${disclosures.length} have no expected finding)`);
  }
  console.log(
    `误报 false warnings/errors per clean report: ${(falseNonInfo / Math.max(clean, 1)).toFixed(3)} (${falseNonInfo} on ${clean}) [target ≤ 0.05]; ` +
      `with info notes: ${(falseAll / Math.max(clean, 1)).toFixed(3)} (${falseAll})`,
  );
  for (const [src, v] of Object.entries(falseBySource)) console.log(`  ${src.padEnd(10)} ${v.reports} clean reports, ${v.all} false (${v.nonInfo} non-info)`);
  console.log(`预期发现 expected findings: in-report ${found}/${expected}, cross-report ${crossFound}/${crossExpected}`);
  if (o.verbose) {
    for (const x of misses) console.log(`  MISSED EXPECTED ${x}`);
    for (const x of falses) console.log(`  FALSE ${x}`);
    for (const x of missed.slice(0, 60)) console.log(`  UNCAUGHT ${x}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
