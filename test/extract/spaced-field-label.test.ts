import { describe, expect, it } from "vitest";
import { readDocumentFromBuffer } from "../../src/formats/index.js";
import { extract } from "../../src/extract/extract.js";

// An invented page in the shape of a government site's info box, whose field labels are spaced to align (标      题).
const page = ["标      题 某省档案局中央转移支付2021年度绩效自评报告", "索引号 000000001/2022-00001 文      号", "", "某省档案局中央转移支付2021年度绩效自评报告", "", "2021年下达资金共120万元,已全部到位。"].join("\n");

describe("a site's 标题 field spaced apart and cut at its gap", () => {
  it("leaves its label out of the title and the department", async () => {
    const r = extract(await readDocumentFromBuffer(Buffer.from(page), "x.txt"));
    expect(r.department).toBe("某省档案局");
    expect(r.title?.startsWith("某省档案局")).toBe(true);
  });
});
