import { describe, expect, it } from "vitest";
import { checkRule } from "../../src/rules/index.js";
import { staffParts } from "../../src/rules/staff-parts.js";
import { docFromLines } from "../extract/helpers.js";
import { m, report } from "./helpers.js";

/** A 2021 final-accounts disclosure whose body is `lines` (texts written here, figures made up). */
const run = (lines: string[], metrics = [] as ReturnType<typeof m>[]) =>
  checkRule(staffParts, report(metrics, { kind: "final-accounts", fiscalYear: 2021 }), docFromLines(["某县林业站2021年度部门决算公开", ...lines]));

describe("staff-parts", () => {
  it("valid: the template's split within its whole, or short of it (other categories unnamed)", () => {
    expect(run(["本部门2021年年末实有人数64人，其中在职人员40人，离休人员1人，退休人员23人；年末其他人员3人；年末学生人数0人。"])).toEqual([]);
    expect(run(["年末实有人员52人，其中在职人员30人，退休人员12人。"])).toEqual([]);
  });

  it("valid: parts that are no member of the split, nested lists and 离退休 beside 退休 are left out", () => {
    expect(run(["实有人数90人，其中在职人员61人，包括行政人员35人，事业人员26人；退休人员18人，聘用人员7人，遗属4人。"])).toEqual([]);
    expect(run(["实有人数40人，其中在职人员30人（其中女职工20人），离退休人员10人，其中退休人员9人。"])).toEqual([]);
    expect(run(["实有人数40人，其中在职人员30人，离退休人员12人，退休人员11人。"])).toEqual([]);
    // Not a whole head count: 在职 split by kind of post may overlap (党员, 女职工).
    expect(run(["在职人员30人，其中党员20人，女职工18人。"])).toEqual([]);
  });

  it("invalid: in service + 离休 + 退休 above the whole is an error filed under the head count", () => {
    const actual = m("staff.actual", 2021, "75人", { quote: "本部门2021年年末实有人数75人" });
    const f = run(["本部门2021年年末实有人数75人，其中在职人员75人，离休人员0人，退休人员37人；年末其他人员2人。"], [actual]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(112);
    expect(f[0].actual).toBe(75);
    expect(f[0].metrics.map((x) => `${x.key}@${x.year}`)).toEqual(["staff.actual@2021"]);
    expect(f[0].message).toContain("在职人员75人 + 离休人员0人 + 退休人员37人 = 112人");
    expect(f[0].evidence[0].quote).toContain("实有人数75人");
  });

  it("invalid: without a bound metric the whole's words name it", () => {
    const f = run(["现有人员20人，其中在职人员15人，退休人员8人。"]);
    expect(f).toHaveLength(1);
    expect(f[0].metrics[0].key).toBe("staff.actual");
  });

  it("valid: in-service staff by kind of post, and posts by kind, within or short of their whole", () => {
    expect(run(["在职人数48人，包括行政人员20人、全额补助事业人员22人、自收自支事业人员6人；退休人员30人、聘用人员12人。"])).toEqual([]);
    expect(run(["编制人数50人，其中行政编制18人、全额补助事业编制25人。"])).toEqual([]);
    // 事业人员 beside the kinds it covers is a nested list, not a split.
    expect(run(["在职人员40人，包括行政人员15人，事业人员25人，其中差额补助事业人员10人。"])).toEqual([]);
    expect(run(["在职人员40人，包括行政人员15人、事业人员25人、全额补助事业人员20人。"])).toEqual([]);
  });

  it("invalid: in-service staff whose kinds of post add up to more is an error filed under the head count", () => {
    const f = run(["在职人数52人，包括行政人员24人、全额补助事业人员30人、自收自支事业人员19人；退休人员9人。"]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].expected).toBe(73);
    expect(f[0].actual).toBe(52);
    expect(f[0].metrics.map((x) => x.key)).toEqual(["staff.actual"]);
  });

  it("invalid: posts whose kinds add up to more are filed under the 编制", () => {
    const f = run(["核定编制30人，其中行政编制12人、事业编制21人。"]);
    expect(f).toHaveLength(1);
    expect(f[0].metrics.map((x) => x.key)).toEqual(["staff.authorized"]);
  });
});
