/**
 * Department names across the whole shared corpus (real excerpts, originals, budget PDFs): no extracted name is a
 * sentence fragment, site name or table word (every one passes the name grammar), and a name, when given, is the gold
 * one. Skips when ../shared/corpus is absent.
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { discover, realPipeline } from "../../scripts/lib/eval/run.js";
import { normName } from "../../scripts/lib/eval/score.js";
import { rejectReason } from "../../src/extract/department/index.js";

const root = path.resolve(import.meta.dirname, "../../../shared/corpus");

describe.skipIf(!existsSync(root))("department names on the shared corpus", () => {
  it("are valid organisation names or null, and match the gold when given", async () => {
    const pipeline = await realPipeline();
    const entries = ["real", "originals", "budget-pdfs"].filter((d) => existsSync(path.join(root, d))).flatMap((d) => discover(path.join(root, d), ["txt", "pdf"]));
    expect(entries.length).toBeGreaterThan(0);
    const bad: string[] = [];
    let given = 0;
    let right = 0;
    for (const e of entries) {
      for (const d of e.docs) {
        const dept = pipeline.extract(await pipeline.read(d.path, d.format)).department;
        if (dept === null) continue;
        const why = rejectReason(dept);
        if (why) bad.push(`${path.basename(d.path)}: ${dept} (${why})`);
        given++;
        if (e.gold.department !== undefined && normName(e.gold.department) === normName(dept)) right++;
      }
    }
    expect(bad).toEqual([]);
    // A name is given only when it is the unit's: wrong names stay rare (null is the answer when unsure).
    expect(right / given).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
