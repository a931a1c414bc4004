import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { lineThreePublicProse } from "../../src/rules/line-three-public-prose.js";
import { docFromLines } from "../extract/helpers.js";
import { budgetReport, table } from "./line-items-fixture.js";

/** A 2024 "三公" table (万元) and a 情况说明 whose lines are `lines` (texts written here). */
function run(...lines: string[]) {
  const items = table({
    table: "threePublic",
    title: "部门“三公”经费和机关运行经费预算表",
    columns: ["2024年“三公”经费预算数/合计", "2024年“三公”经费预算数/因公出国（境）费", "2024年“三公”经费预算数/公务接待费", "2024年“三公”经费预算数/公务用车购置及运行费/小计", "2024年“三公”经费预算数/公务用车购置及运行费/购置费", "2024年“三公”经费预算数/公务用车购置及运行费/运行费", "2024年机关运行经费预算数"],
    roles: ["total", null, null, "total", null, null, null],
    rows: [[null, "合计", "38.20", "6.00", "4.50", "27.70", "12.00", "15.70", "512.33"]],
  });
  const doc = docFromLines(["白沙镇人民政府2024年部门预算", "六、其他相关情况说明", ...lines]);
  return checkRule(lineThreePublicProse, { ...budgetReport(items), fiscalYear: 2024 }, doc);
}

describe("line-three-public-prose", () => {
  it("valid: the prose restates the table (rounded to one decimal, or in whole 元)", () => {
    expect(
      run(
        "2024年“三公”经费预算数为38.2万元，比2023年预算增加8.1万元。其中：",
        "（一）因公出国（境）费6万元，比2023年预算增加6万元。",
        "（二）公务用车购置及运行费27.70万元，其中：公务用车购置费120,000元，公务用车运行费15.70万元，比2023年预算减少0.2万元。",
        "（三）公务接待费4.50万元，与上年持平。",
        "二、机关运行经费预算为512.33万元。",
      ),
    ).toEqual([]);
  });

  it("valid: another year's figure (上年, 2023年) and an amount after a comparison are not this year's claim", () => {
    expect(run("2023年公务接待费3.80万元，上年“三公”经费30.10万元；公务接待费比上年增加0.70万元。")).toEqual([]);
  });

  it("invalid: a part the prose states differently from the table is an error with both quotes", () => {
    const f = run("（三）公务接待费5.40万元，比2023年预算增加0.9万元。");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(45000);
    expect(f[0].actual).toBe(54000);
    expect(f[0].message).toContain("公务接待费5.40万元");
    expect(f[0].message).toContain("4.50万元");
    expect(f[0].evidence).toHaveLength(2);
  });

  it("invalid: the \"三公\" total and the 机关运行经费 said differently", () => {
    const f = run("2024年“三公”经费预算数为40.20万元。", "机关运行经费预算为521.33万元。");
    expect(f.map((x) => x.actual)).toEqual([402000, 5213300]);
  });

  it("valid: a report without a \"三公\" table is not judged", () => {
    const doc = docFromLines(["白沙镇人民政府2024年部门预算", "公务接待费5.40万元。"]);
    expect(checkRule(lineThreePublicProse, { ...budgetReport([]), fiscalYear: 2024 }, doc)).toEqual([]);
  });
});

describe("line-three-public-prose: a \"三公\" table a web page keeps one cell a line", () => {
  /** A 2024 budget page whose table is printed header cells first, then its amounts (万元), one a line. */
  const flat = (header: string[], amounts: string[], ...prose: string[]) =>
    checkRule(
      lineThreePublicProse,
      { ...budgetReport([]), fiscalYear: 2024 },
      docFromLines(["青河乡人民政府2024年“三公”经费预算", "一、2024年“三公”经费支出预算表", "单位:万元", ...header.map((h) => `${h} |`), ...amounts.map((a) => `${a} |`), "二、2024年“三公”经费支出预算情况说明", ...prose]),
    );
  const HEADER = ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "|", "小计", "公务用车购置费", "公务用车运行费"];
  const AMOUNTS = ["31.6", "2", "26.1", "18", "8.1", "3.5"];

  it("valid: the prose restates the amounts laid onto the template; a header in another order is not read", () => {
    expect(flat(HEADER, AMOUNTS, "2024年“三公”经费预算31.6万元，其中公务用车购置费18万元，公务用车运行费8.1万元，公务接待费3.5万元。")).toEqual([]);
    const swapped = ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "|", "小计", "公务用车运行费", "公务用车购置费"];
    expect(flat(swapped, AMOUNTS, "2024年“三公”经费预算31.6万元，其中公务用车运行费18万元，公务用车购置费8.1万元。")).toEqual([]);
  });

  it("invalid: the prose gives the two vehicle amounts the other way round", () => {
    const f = flat(HEADER, AMOUNTS, "2024年“三公”经费预算31.6万元，其中公务用车购置费8.1万元，公务用车运行费18万元，公务接待费3.5万元。");
    expect(f.map((x) => x.metrics.map((m) => m.key).join())).toEqual(["three_public.vehicle_purchase", "three_public.vehicle_operation"]);
    expect(f[0].severity).toBe("error");
    expect(f[0].message).toContain("18万元（公务用车购置费）");
  });

  it("a table printed down, each part's label before its amount: valid when the prose restates it, invalid when it does not", () => {
    const cells = ["项目", "预算数", "合计", "16.8", "因公出国(境)费", "0", "公务接待费", "5.3", "公务用车购置及运行费", "11.5", "其中:公务用车运行费", "11.5", "公务用车购置费", "0"];
    const downPage = (...prose: string[]) =>
      checkRule(
        lineThreePublicProse,
        { ...budgetReport([]), fiscalYear: 2024 },
        docFromLines(["某园区管委会2024年“三公”经费预算", "一、2024年“三公”经费支出预算表", "单位:万元", ...cells.map((c) => `${c} |`), "二、2024年“三公”经费支出预算情况说明", ...prose]),
      );
    expect(downPage("2024年“三公”经费支出预算为16.8万元，其中公务接待费支出预算为5.3万元，公务用车运行费11.5万元。")).toEqual([]);
    const f = downPage("2024年“三公”经费支出预算为16.8万元，其中公务接待费支出预算为6.3万元。");
    expect(f.map((x) => x.metrics.map((m) => m.key).join())).toEqual(["three_public.reception"]);
  });
});

describe("line-three-public-prose: a 决算 part compared with its 预算", () => {
  /** A 2023 决算 page whose "三公" table is printed down with 预算数 and 决算数 columns, one cell a line (万元). */
  const CELLS = ["项目", "预算数", "决算数", "合计", "36.5", "9.42", "因公出国(境)费", "12", "公务接待费", "8.5", "3.72", "公务用车购置及运行维护费", "16", "5.7", "其中:公务用车运行维护费", "16", "5.7", "公务用车购置费"];
  const finalPage = (cells: string[], ...prose: string[]) =>
    checkRule(
      lineThreePublicProse,
      { ...budgetReport([]), kind: "final-accounts", fiscalYear: 2023 },
      docFromLines(["柳溪镇人民政府2023年“三公”经费决算", "一、2023年度“三公”经费支出决算表", "单位:万元", ...cells.map((c) => `${c} |`), "二、2023年度“三公”经费支出决算情况说明", ...prose]),
    );

  it("valid: changes against the 预算数 column that the table gives; another year's 预算, or a 年初预算 the column does not name, is another figure", () => {
    expect(
      finalPage(
        CELLS,
        "1.因公出国(境)费支出0万元，与2023年度预算相比减少12万元。",
        "2.公务接待费支出3.72万元，较预算数减少4.78万元，下降56.24%。",
        "3.公务用车购置及运行维护费支出5.7万元，与2022年度预算相比无变化。",
        "4.公务接待费支出3.72万元，与年初预算相比无增减。",
      ),
    ).toEqual([]);
  });

  it("valid: a table whose blank cells cannot be placed by the totals is not read", () => {
    // 合计 36.5 / 9.42 no longer made by the parts: where the lone 12 stands is not known.
    const broken = CELLS.map((c) => (c === "9.42" ? "9.9" : c));
    expect(finalPage(broken, "1.因公出国(境)费支出0万元，与2023年度预算相比无增减。")).toEqual([]);
  });

  it("invalid: 无增减 of a part the table budgets (a warning), and a change the 预算数 does not give (an error)", () => {
    const f = finalPage(
      CELLS,
      "1.因公出国(境)费支出0万元，与2023年度预算相比无增减。",
      "2.公务接待费支出3.72万元，较预算数减少0.2万元。",
    );
    expect(f.map((x) => [x.messageId, x.severity, x.metrics.map((m) => m.key).join()])).toEqual([
      ["levelButBudgetDiffers", "warning", "three_public.overseas"],
      ["changeVsBudgetDiffers", "error", "three_public.reception"],
    ]);
    expect(f[0].message).toContain("预算数为 12万元");
    expect(f[1].expected).toBeCloseTo(-47800, 2);
  });
});
