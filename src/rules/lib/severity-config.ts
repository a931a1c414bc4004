/**
 * Per-rule severity: `--rule-severity id=level` on the command line and `{"rules": {"id": "level"}}` in
 * jixiao.config.json. Levels are error, warning, info or off (the rule does not run). The command line wins over the
 * file, the file over each rule's default.
 */
import { z } from "zod";
import type { SeverityConfig, SeverityLevel } from "./types.js";

export const SeverityLevelSchema = z.enum(["error", "warning", "info", "off"]);

export const RuleConfigSchema = z
  .object({
    /** Rule id → error | warning | info | off. */
    rules: z.record(z.string(), SeverityLevelSchema).default({}),
  })
  .strict();
export type RuleConfig = z.infer<typeof RuleConfigSchema>;

/** A reason a setting is refused, for a one-line usage error. */
export class SeverityConfigError extends Error {}

function checkIds(cfg: SeverityConfig, ids: readonly string[], where: string): SeverityConfig {
  const bad = Object.keys(cfg).filter((id) => !ids.includes(id));
  if (bad.length) throw new SeverityConfigError(`${where}: 未知规则 (unknown rule) ${bad.join(", ")}；可用 (available)：${ids.join(", ")}`);
  return cfg;
}

/** The `rules` of a parsed jixiao.config.json (already JSON), checked against the rule ids. */
export function severityFromConfig(raw: unknown, ids: readonly string[], where: string): SeverityConfig {
  const r = RuleConfigSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new SeverityConfigError(`${where}: ${i.path.join(".") || "(root)"}: ${i.message}（应为 {"rules": {"规则 id": "error|warning|info|off"}}）`);
  }
  return checkIds(r.data.rules, ids, where);
}

/** `id=level` items (each may hold several, comma-separated). */
export function severityFromArgs(items: readonly string[], ids: readonly string[]): SeverityConfig {
  const out: SeverityConfig = {};
  for (const item of items.flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z-]+)=(\w+)$/.exec(item);
    const level = m ? SeverityLevelSchema.safeParse(m[2]) : null;
    if (!m || !level?.success) throw new SeverityConfigError(`--rule-severity ${item}: 应为 规则id=error|warning|info|off (id=level)`);
    out[m[1]] = level.data as SeverityLevel;
  }
  return checkIds(out, ids, "--rule-severity");
}

/** The file's settings overridden by the command line's. */
export function mergeSeverity(file: SeverityConfig, args: SeverityConfig): SeverityConfig {
  return { ...file, ...args };
}
