/** Per-rule severity: meta defaults, messages reported below them, the configured level, and `off`. */
import { describe, expect, it } from "vitest";
import { runReportRules, severityFromArgs, severityFromConfig, RULE_IDS, SeverityConfigError } from "../../src/rules/index.js";
import { messageSeverity } from "../../src/rules/lib/context.js";
import { range } from "../../src/rules/range.js";
import { m, report } from "./helpers.js";

// 105 points (an error of range), 103 % execution (its info message), a year's self-evaluation filed in June (its warning message).
const r = report([m("score.total", 2023, "105分"), m("budget.execution_rate", 2023, "103.00%")], { filledDate: "2023-06-30" });
const levels = (fs: ReturnType<typeof runReportRules>) => fs.map((f) => `${f.messageId}:${f.severity}`).sort();

describe("rule severity", () => {
  it("defaults come from meta: the rule's, or a message's own", () => {
    expect(levels(runReportRules(r))).toEqual(["executionOver100:info", "filedBeforeYearEnd:warning", "scoreOutOfRange:error"]);
    expect(messageSeverity(range.meta, "scoreOutOfRange")).toBe("error");
    expect(messageSeverity(range.meta, "filedBeforeYearEnd")).toBe("warning");
  });

  it("a configured level replaces the default and caps, never lifts, a message's own", () => {
    expect(levels(runReportRules(r, { severity: { range: "warning" } }))).toEqual(["executionOver100:info", "filedBeforeYearEnd:warning", "scoreOutOfRange:warning"]);
    expect(levels(runReportRules(r, { severity: { range: "info" } }))).toEqual(["executionOver100:info", "filedBeforeYearEnd:info", "scoreOutOfRange:info"]);
    expect(messageSeverity(range.meta, "executionOver100", "error")).toBe("info");
  });

  it("off: the rule does not run", () => {
    expect(runReportRules(r, { severity: { range: "off" } })).toEqual([]);
  });

  it("id=level items and the config file are checked against the rules", () => {
    expect(severityFromArgs(["range=warning,yoy-outlier=off", "sum-of-parts=info"], RULE_IDS)).toEqual({ range: "warning", "yoy-outlier": "off", "sum-of-parts": "info" });
    expect(() => severityFromArgs(["range"], RULE_IDS)).toThrow(SeverityConfigError);
    expect(() => severityFromArgs(["range=fatal"], RULE_IDS)).toThrow(/range=fatal/);
    expect(() => severityFromArgs(["nope=info"], RULE_IDS)).toThrow(/nope/);
    expect(severityFromConfig({ rules: { range: "off" } }, RULE_IDS, "x.json")).toEqual({ range: "off" });
    expect(() => severityFromConfig({ rules: { range: "loud" } }, RULE_IDS, "x.json")).toThrow(/x\.json: rules\.range/);
    expect(() => severityFromConfig({ rule: {} }, RULE_IDS, "x.json")).toThrow(/x\.json/);
  });
});
