/** Title and cover fields: where the department name, year and filing date appear varies by report. */
import type { Composer } from "../compose.js";
import type { ReportSpec } from "../spec.js";
import { formatDate } from "../format.js";

export function cover(c: Composer, spec: ReportSpec, kindWord = "部门整体支出绩效自评报告"): void {
  const { dept, year, rng } = spec;
  const v = rng.int(0, 3);
  const name = dept.name;
  // The year always reaches the reader somewhere; the department name too (title, cover field or both).
  if (v === 0) c.title(`${year}年度${name}${kindWord}`);
  else if (v === 1) c.title(`${name}${year}年度${kindWord.replace(/^部门/, "")}`);
  else if (v === 2) c.title(`${name}${kindWord}（${year}年度）`);
  else {
    c.title(kindWord);
    c.para(`评价年度：${year}年度`);
  }
  if (v === 3 || rng.chance(0.6)) c.para(`${rng.pick(["部门名称", "单位名称", "部门（单位）名称"])}：${name}`);
  const filer = rng.pick(["填报人", "填 报 人", "联系人"]);
  c.para(`${filer}：${dept.filer}`);
  c.para(`联系电话：${dept.phone}`);
  c.para(`${rng.pick(["填报日期", "报告日期", "填报时间"])}：${formatDate(spec.filledDate, spec.dateStyle)}`);
}
