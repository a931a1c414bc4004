import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { CliExit, EXIT } from "./exit-codes.js";
import type { SeverityConfig } from "../rules/index.js";

/** The configuration file read from the working folder by every command that runs rules. */
export const CONFIG_FILE = "jixiao.config.json";

export function addRuleSeverityOption(cmd: Command): Command {
  return cmd.option(
    "--rule-severity <id=level...>",
    `规则的级别：error|warning|info|off，优先于 ${CONFIG_FILE} (per-rule severity; overrides ${CONFIG_FILE})`,
  );
}

/**
 * Per-rule severity: `--rule-severity id=level` over jixiao.config.json in the working folder over each rule's default.
 * A bad file or item is a usage error naming it.
 */
export async function ruleSeverity(args: string[] | undefined, cwd: string): Promise<SeverityConfig> {
  const { RULE_IDS, severityFromArgs, severityFromConfig, mergeSeverity, SeverityConfigError } = await import("../rules/index.js");
  const file = path.join(cwd, CONFIG_FILE);
  try {
    let fromFile: SeverityConfig = {};
    if (existsSync(file)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new SeverityConfigError(`${file}: 不是有效的 JSON (not JSON: ${(e as Error).message})`);
      }
      fromFile = severityFromConfig(raw, RULE_IDS, file);
    }
    return mergeSeverity(fromFile, severityFromArgs(args ?? [], RULE_IDS));
  } catch (e) {
    if (e instanceof SeverityConfigError) throw new CliExit(EXIT.USAGE, `jixiao: ${e.message}`);
    throw e;
  }
}
