import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { sameItemTwoAmounts } from "../../src/rules/same-item-two-amounts.js";
import { docFromLines } from "../extract/helpers.js";
import { report } from "./helpers.js";

const run = (...lines: string[]) => checkRule(sameItemTwoAmounts, report([], { kind: "final-accounts", fiscalYear: 2023 }), docFromLines(["柳林乡人民政府2023年度部门决算", ...lines]));

describe("same-item-two-amounts", () => {
  it("valid: the same item said twice with one amount (rounded alike), or once", () => {
    expect(run("公务接待费支出4.60万元，主要用于上级检查接待，公务接待费支出4.6万元。", "会议费支出12.30万元，培训费支出8.00万元。")).toEqual([]);
  });

  it("valid: another year, another basis or a change is another item", () => {
    expect(
      run(
        "2022年公务接待费支出5.10万元，2023年公务接待费支出4.60万元。",
        "2022年市级资金300万元、县级资金120万元，2023年市级资金280万元、县级资金150万元。",
        "公务接待费年初预算5.00万元，公务接待费决算4.60万元。",
        "公务接待费支出4.60万元，比上年减少0.50万元。",
      ),
    ).toEqual([]);
  });

  it("valid: two items that carry the same bracketed note are two items", () => {
    expect(run("基本支出3120500元，其中工资福利支出(人员支出)2415000元，对个人和家庭补助支出(人员支出)310000元。")).toEqual([]);
  });

  it("valid: the same item in the bracketed breakdowns of two totals is each total's share", () => {
    expect(run("全年共投入资金150万元，其中中央资金100万元(计划生育家庭奖励扶助资金60万元，特别扶助资金40万元)，省级资金50万元(计划生育家庭奖励扶助资金20万元，特别扶助资金30万元)。")).toEqual([]);
  });

  it("invalid: an item whose name opens with 计 keeps it (计划生育…, not 划生育…)", () => {
    const f = run("计划生育家庭奖励扶助资金60万元，主要用于发放扶助金，计划生育家庭奖励扶助资金66万元。");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("“计划生育家庭奖励扶助资金”");
  });

  it("valid: a label repeated for many rows (a flattened list) is not judged", () => {
    expect(run("设备购置费10万元，设备购置费12万元，设备购置费15万元。")).toEqual([]);
  });

  it("invalid: one item, two amounts in one sentence", () => {
    const f = run("2023年度公务用车运行维护费支出13.20万元，主要用于车辆燃油、维修和保险，公务用车运行维护费支出12.30万元。");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("公务用车运行维护费支出");
    expect(f[0].message).toContain("13.20万元");
    expect(f[0].message).toContain("12.30万元");
    expect([f[0].expected, f[0].actual]).toEqual([132000, 123000]);
  });
});
