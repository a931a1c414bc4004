import { describe, expect, it } from "vitest";
import { textTable } from "../../src/cli/text-table.js";
import { displayWidth } from "../../src/query/text-width.js";
import { terminalChart } from "../../src/cli/terminal-chart.js";
import { centsToWan, yearChange } from "../../src/query/units.js";

describe("text table", () => {
  it("aligns CJK and multi-line cells like cli-table3", () => {
    const s = textTable(
      [{ key: "d", header: "部门" }, { key: "v", header: "2023", align: "right" }],
      [{ d: "财政局", v: "1.00\n+0.10 (+11.11%)" }, { d: "ab", v: null }],
    );
    const lines = s.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^┌─+┬─+┐$/);
    // Every line has the same display width.
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines[1]).toContain("│ 部门   │");
    expect(lines).toContain("│        │ +0.10 (+11.11%) │");
    expect(lines.filter((l) => l.startsWith("├"))).toHaveLength(2);
  });

  it("draws no rule between single-line rows (a 33-metric table was twice as tall as needed)", () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ d: `部门${i}`, v: String(i) }));
    const lines = textTable([{ key: "d", header: "部门" }, { key: "v", header: "值", align: "right" }], rows).trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 1 + 1 + 5 + 1); // top, header, header rule, rows, bottom
    expect(lines.filter((l) => l.startsWith("├"))).toHaveLength(1);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });
});

describe("terminal chart", () => {
  it("plots one symbol per present point and leaves gaps unbridged", () => {
    const s = terminalChart(["2021", "2022", "2023"], [
      { label: "甲", values: [1, null, 3] },
      { label: "乙", values: [2, 2, 2] },
    ]);
    expect((s.match(/●/g) ?? []).length).toBe(2 + 1); // two points + the legend
    expect((s.match(/■/g) ?? []).length).toBe(3 + 1);
    // 甲 has a gap in 2022: no dotted line leaves its first point.
    const row = s.split("\n").find((l) => l.includes("●") && !l.includes("甲"))!;
    expect(row).not.toMatch(/●·/);
    expect(s).toContain("● 甲");
  });
});

describe("units", () => {
  it("formats 分 as exact 万元 and year changes in integer arithmetic", () => {
    expect(centsToWan(12_222_510_000)).toBe("12222.51");
    expect(centsToWan(122_225_101)).toBe("122.225101");
    expect(centsToWan(-5_000)).toBe("-0.005");
    expect(centsToWan(0)).toBe("0.00");
    expect(yearChange("money", 0.1, 0.3)).toMatchObject({ deltaCents: 20, pct: 200 });
    expect(yearChange("money", 100, 100).display).toBe("0.00 (0.00%)");
    expect(yearChange("percent", 0, 5).pct).toBeNull();
  });
});
