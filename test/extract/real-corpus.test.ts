/**
 * Extraction on the real excerpts of ../shared/corpus/real, scored by the eval scorer (skips when the corpus is absent).
 * The first 24 excerpts (ids below 100) are held to the acceptance floor; the later ones are reported by `npm run eval`
 * until the whole corpus reaches it.
 */
import { expect, it } from "vitest";
import path from "node:path";
import { discover, evaluate, realPipeline } from "../../scripts/lib/eval/run.js";
import { summarize } from "../../scripts/lib/eval/aggregate.js";
import { describeIfExists } from "../helpers/skip.js";

const dir = path.resolve(import.meta.dirname, "../../../shared/corpus/real");

describeIfExists(dir, "the real excerpts of the shared corpus")("real excerpts", () => {
  it("extracts the original 24 (ids < 100) with F1 ≥ 0.95 against gold", async () => {
    const entries = discover(dir, ["txt"]).filter((e) => Number(path.basename(e.goldPath).split("_")[0]) < 100);
    expect(entries.length).toBe(24);
    const s = summarize(await evaluate(entries, await realPipeline()));
    expect(s.errors).toBe(0);
    expect(s.overall.f1).toBeGreaterThanOrEqual(0.95);
  });
});
