import { describe, expect, it } from "vitest";
import { findLabels, matchLabel, FUZZY_MAX_RATIO, FUZZY_MIN_LENGTH } from "../../src/extract/labels.js";

describe("label matching", () => {
  it("matches catalogue labels exactly after cleaning notes and quotes", () => {
    expect(matchLabel("全年预算数(A)", { project: false })?.entry.key).toBe("budget.adjusted");
    expect(matchLabel("“三公”经费", { project: false })?.entry.key).toBe("three_public.total");
    expect(matchLabel("公共财政拨款", { project: false })?.entry.key).toBe("income.general_budget");
  });
  it(`accepts OCR-damaged labels of ≥${FUZZY_MIN_LENGTH} chars within ratio ${FUZZY_MAX_RATIO}`, () => {
    const m = matchLabel("一般公共预算财政拔款收入", { project: false });
    expect(m?.entry.key).toBe("income.general_budget");
    expect(m?.exact).toBe(false);
    expect(matchLabel("固定资产利甩率", { project: false })?.entry.key).toBe("assets.fixed_utilization");
  });
  it("never fuzzes short labels or near-miss words", () => {
    expect(matchLabel("查处率", { project: false })).toBeNull();
    expect(matchLabel("年度预算数", { project: false })).toBeNull();
  });
  it("finds labels leftmost-longest in prose", () => {
    const hits = findLabels("其中一般公共预算财政拨款收入12222.51万元，因公出国（境）费0万元", { project: false });
    expect(hits.map((h) => h.entry.key)).toEqual(["income.general_budget", "three_public.overseas"]);
  });
  it("keeps project-only verbs out of department text", () => {
    expect(findLabels("资金已使用2.00万元", { project: false })).toHaveLength(0);
    expect(findLabels("资金已使用2.00万元", { project: true })[0].entry.key).toBe("budget.executed");
  });
});
