/** One vocabulary for finding levels wherever people read them (check, extract, show, export, HTML). */
export const SEVERITY_ZH: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

export function severityZh(severity: string): string {
  return SEVERITY_ZH[severity] ?? severity;
}
