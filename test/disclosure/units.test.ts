import { describe, expect, it } from "vitest";
import { centsOf, parseAmountIn } from "../../src/extract/amount.js";
import { solveThreePublic } from "../../src/extract/disclosure/three-public.js";
import { cleanDepartmentName } from "../../src/extract/disclosure/detect.js";
import { matchRowLabel, tableKindOfTitle } from "../../src/extract/disclosure/templates.js";
import { tableTemplate } from "../../src/extract/vocab/disclosure-tables.js";

const a = (s: string) => parseAmountIn(s, "万元")!;

describe("parseAmountIn", () => {
  it("turns 万元 with separators into exact 元", () => {
    expect(a("17,981.68")).toMatchObject({ value: 179816800, decimals: 2, scale: 10000 });
    expect(a("1276.7").value).toBe(12767000);
    expect(centsOf(parseAmountIn("769.605", "元")!)).toBe(76961);
    expect(parseAmountIn("12,34x", "元")).toBeNull();
    expect(parseAmountIn("12", "斤")).toBeNull();
  });
});

describe("tableKindOfTitle", () => {
  it("recognises the standard 公开表 by their titles, numbered or not", () => {
    expect(tableKindOfTitle("一、收支预算总表")).toBe("summary");
    expect(tableKindOfTitle("公开02表：收入预算总表")).toBe("income");
    expect(tableKindOfTitle("收入支出决算总表")).toBe("summary");
    expect(tableKindOfTitle("财政拨款收支预算总表")).toBe("fiscal");
    expect(tableKindOfTitle("支出决算表")).toBe("expenditure");
    expect(tableKindOfTitle("一般公共预算财政拨款“三公”经费支出决算表")).toBe("threePublic");
    expect(tableKindOfTitle("六、财政拨款基本支出预算表")).toBe("basic");
    expect(tableKindOfTitle("本表反映部门年度总体收支预算情况。")).toBeNull();
  });
});

describe("matchRowLabel", () => {
  const defs = tableTemplate("summary").rows;
  it("matches wrapped labels by a unique prefix and ignores 小计 and 其他资金", () => {
    expect(matchRowLabel("1.一般公共预", defs)).toBe("income.general_budget");
    expect(matchRowLabel("三、单位预留机", defs)).toBe("expenditure.reserve");
    expect(matchRowLabel("当年收入小计", defs)).toBe("income.total#current");
    expect(matchRowLabel("收入合计", defs)).toBe("income.total#grand");
    expect(matchRowLabel("小计", defs)).toBeNull();
    expect(matchRowLabel("三、其他资金", defs)).toBeNull();
    expect(matchRowLabel("其中：（一）、基本支出", defs)).toBe("expenditure.basic");
    expect(matchRowLabel("“三公”经费（万元）", tableTemplate("threePublic").rows)).toBe("three_public.total");
  });
});

describe("solveThreePublic", () => {
  const header = "合计 “三公”经费 小计 因公出国（境）费 公务用车购置及运行维护费 小计 公务用车购置费 公务用车运行维护费 公务接待费 会议费 培训费";
  it("lays a row with a blank 购置费 onto the template by its sums", () => {
    const row = ["1,852.32", "676.10", "76.00", "156.60", "156.60", "443.50", "1,094.62", "81.60"].map(a);
    const m = solveThreePublic(header, row)!;
    expect(m.get("tp")).toBe(1);
    expect(m.get("vsub")).toBe(3);
    expect(m.has("vp")).toBe(false);
    expect(m.get("vo")).toBe(4);
    expect(m.get("rec")).toBe(5);
  });
  it("takes a non-blank 购置费 when the sums say so", () => {
    const row = ["1,452.35", "584.35", "110.00", "317.80", "50.00", "267.80", "156.55", "168.00", "700.00"].map(a);
    const m = solveThreePublic(header, row)!;
    expect(m.get("vp")).toBe(4);
    expect(m.get("vo")).toBe(5);
  });
  it("reads the 决算数 half of a 预算数/决算数 table", () => {
    const row = ["38.60", "26.80", "26.80", "11.80", "35.12", "25.40", "25.40", "9.72"].map(a);
    const m = solveThreePublic("预算数 决算数 合计 因公出国（境）费 小计 购置费 运行费 公务接待费", row)!;
    expect(m.get("tp")).toBe(4);
    expect(m.get("rec")).toBe(7);
    expect(m.get("b:tp")).toBe(0);
  });
  it("refuses a row that cannot be the table's data", () => {
    expect(solveThreePublic(header, ["1.00", "2.00", "3.00", "4.00", "5.00", "6.00", "7.00", "8.00"].map(a))).toBeNull();
  });
});

describe("cleanDepartmentName", () => {
  it("keeps the printed form and drops only a field label or （本级）", () => {
    expect(cleanDepartmentName("中国共产党江苏省委员会办公厅")).toBe("中国共产党江苏省委员会办公厅");
    expect(cleanDepartmentName("中共江苏省委办公厅（本级）")).toBe("中共江苏省委办公厅");
    expect(cleanDepartmentName("部门：江苏省人民检察院")).toBe("江苏省人民检察院");
  });
});
