import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { procurementTable } from "../../src/rules/procurement-table.js";
import { docFromLines } from "../extract/helpers.js";
import { table } from "./line-items-fixture.js";
import { report } from "./helpers.js";

/** A 政府采购预算表 (元) with 合计, the 货物 and 服务 category rows and a few purchases under them; `edit` changes a row. */
function procurement(edit: (rows: Array<[string | null, string, ...string[]]>) => void = () => {}) {
  const rows: Array<[string | null, string, ...string[]]> = [
    [null, "合计", "4,626,000", "4,126,000", "500,000"],
    [null, "货物A", "1,286,000", "1,086,000", "200,000"],
    [null, "台式计算机", "486,000", "486,000", ""],
    [null, "复印机", "800,000", "600,000", "200,000"],
    [null, "服务C", "3,340,000", "3,040,000", "300,000"],
    [null, "物业管理费", "3,340,000", "3,040,000", "300,000"],
  ];
  edit(rows);
  return table({ table: "procurement", title: "政府采购预算表", unit: "元", columns: ["总计", "一般公共预算", "其他资金"], roles: ["total", null, null], rows });
}

const run = (items: ReturnType<typeof procurement>, lines: string[] = []) =>
  checkRule(procurementTable, report([], { kind: "budget", fiscalYear: 2024, lineItems: items }), docFromLines(["南湖区档案馆2024年部门预算", ...lines]));

describe("procurement-table", () => {
  it("valid: 合计 = 货物 + 服务 in every column, and the prose tells the table's figures (within rounding)", () => {
    expect(run(procurement(), ["十二、政府采购预算情况说明", "2024年度政府采购预算总额462.6万元。其中拟采购货物支出128.6万元、拟购买服务支出334万元。"])).toEqual([]);
  });

  it("valid: a prose figure of another year is not this table's", () => {
    expect(run(procurement(), ["2023年政府采购预算总额401.5万元，其中货物支出101.5万元。"])).toEqual([]);
  });

  it("invalid: a column whose 合计 is not the sum of its category rows", () => {
    const f = run(procurement((rows) => (rows[1][4] = "210,000")));
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe("tableDoesNotAdd");
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(510000);
    expect(f[0].actual).toBe(500000);
  });

  it("invalid: the prose total or a category that differs from the table", () => {
    const f = run(procurement(), ["2024年度政府采购预算总额462.6万元，其中：拟采购货物支出138.6万元、拟购买服务支出334万元。"]);
    expect(f.map((x) => x.messageId)).toEqual(["proseDiffersFromTable"]);
    expect(f[0].actual).toBe(1386000);
    expect(f[0].expected).toBe(1286000);
    expect(f[0].message).toContain("货物A");
  });
});
