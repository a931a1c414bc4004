/**
 * A unit's report over all its projects opens its list of projects with their total: that figure is the report's
 * budget when the list adds up to it (or to twice it, groups listed with their parts). Sentences are made up; only
 * their shape follows such reports.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { docFromLines } from "./helpers.js";

const read = (lines: string[]) => {
  const r = extract(docFromLines(lines));
  return { metrics: Object.fromEntries(r.metrics.map((m) => [`${m.key}@${m.year}`, m.value])), projects: r.projects.length };
};
const title = "东川州水务局2023年度项目支出绩效自评报告";

describe("the total a list of projects adds up to", () => {
  it("is the report's budget, listed flat", () => {
    const r = read([title, "2023年批复东川州水务局项目3个，项目资金450万元。分别为：2023年河道巡查经费200万元；水质监测经费150万元；农村供水工程维修专项资金100万元。"]);
    expect(r.metrics["budget.initial@2023"]).toBe(4500000);
    expect(r.projects).toBeGreaterThanOrEqual(2);
  });
  it("is the report's budget when the list names groups and then their parts", () => {
    const r = read([title, "东川州水务局2023年项目支出安排预算为900.00万元，其中：一是防汛抗旱专项资金600.00万元，分别为防汛物资储备专项资金400.00万元、抗旱应急经费200.00万元；二是本局水政执法业务经费300.00万元，分别为执法装备购置经费120.00万元、水政监察培训经费180.00万元。"]);
    expect(r.metrics["budget.initial@2023"]).toBe(9000000);
  });
  it("is nothing when the list does not add up to it", () => {
    const r = read([title, "2023年批复东川州水务局项目3个，项目资金480万元。分别为：2023年河道巡查经费200万元；水质监测经费150万元；农村供水工程维修专项资金100万元。"]);
    expect(r.metrics["budget.initial@2023"]).toBeUndefined();
  });
});
