/**
 * The label vocabulary of the standard 公开表 (as set by the Ministry of Finance templates for 部门预算/决算公开),
 * per table type. A key with `#current`/`#grand` marks which of the two totals a label is (see candidate.ts).
 */

export type TableKind = "summary" | "income" | "expenditure" | "fiscal" | "threePublic" | "basic" | "other";

export interface LabelDef {
  key: string;
  labels: string[];
}

const INCOME_PARTS: LabelDef[] = [
  { key: "income.superior", labels: ["上级补助收入"] },
  { key: "income.business", labels: ["事业收入"] },
  { key: "income.operating", labels: ["经营收入"] },
  { key: "income.affiliated", labels: ["附属单位上缴收入"] },
  { key: "income.other", labels: ["其他收入"] },
  { key: "income.carryover", labels: ["上年结转资金", "上年结转", "上年结转和结余资金", "年初结转和结余", "上年结转和结余"] },
];

const EXPENDITURE_USES: LabelDef[] = [
  { key: "expenditure.basic", labels: ["基本支出"] },
  { key: "expenditure.project", labels: ["项目支出"] },
  { key: "expenditure.reserve", labels: ["单位预留机动经费", "预留机动经费"] },
  { key: "expenditure.carryforward", labels: ["结转下年资金", "结转下年", "年末结转和结余"] },
];

/** Row tables: a label cell and its amount on the same row. */
export const ROW_LABELS: Partial<Record<TableKind, LabelDef[]>> = {
  summary: [
    { key: "income.fiscal", labels: ["财政拨款", "财政拨款收入"] },
    { key: "income.general_budget", labels: ["一般公共预算", "一般公共预算拨款", "一般公共预算财政拨款", "一般公共预算财政拨款收入"] },
    { key: "income.gov_fund", labels: ["政府性基金预算", "政府性基金预算财政拨款", "政府性基金预算财政拨款收入"] },
    { key: "income.state_capital", labels: ["国有资本经营预算", "国有资本经营预算财政拨款收入"] },
    ...INCOME_PARTS,
    { key: "income.total#current", labels: ["当年收入小计", "本年收入小计", "本年收入合计", "本年收入"] },
    { key: "income.total#grand", labels: ["收入合计", "收入总计"] },
    ...EXPENDITURE_USES,
    { key: "expenditure.total#current", labels: ["当年支出小计", "本年支出小计", "本年支出合计", "本年支出"] },
    { key: "expenditure.total#grand", labels: ["支出合计", "支出总计"] },
  ],
  income: [...INCOME_PARTS, { key: "income.total#current", labels: ["本年收入合计"] }, { key: "income.total#grand", labels: ["收入总计", "收入合计"] }],
  // 财政拨款收支总表: only its income side names department-level sources; its 基本支出 is the 财政拨款 share only.
  fiscal: [
    { key: "income.general_budget", labels: ["一般公共预算", "一般公共预算财政拨款", "一般公共预算财政拨款收入"] },
    { key: "income.gov_fund", labels: ["政府性基金预算", "政府性基金预算财政拨款", "政府性基金预算财政拨款收入"] },
    { key: "income.state_capital", labels: ["国有资本经营预算", "国有资本经营预算财政拨款收入"] },
  ],
  threePublic: [
    { key: "three_public.total", labels: ["“三公”经费", "三公经费", "\"三公\"经费", "“三公”经费合计", "合计"] },
    { key: "three_public.overseas", labels: ["因公出国（境）费", "因公出国(境)费", "因公出国（境）", "因公出国(境)"] },
    { key: "three_public.vehicle", labels: ["公务用车购置及运行维护费", "公务用车购置及运行费"] },
    { key: "three_public.vehicle_purchase", labels: ["公务用车购置费", "公务用车购置"] },
    { key: "three_public.vehicle_operation", labels: ["公务用车运行维护费", "公务用车运行费"] },
    { key: "three_public.reception", labels: ["公务接待费"] },
  ],
};

/** Column tables: headers above, one data row (合计) below. Patterns are fragments, since headers wrap. */
export interface ColumnDef {
  id: string;
  patterns: string[];
}

export const COLUMN_HEADERS: Partial<Record<TableKind, ColumnDef[]>> = {
  expenditure: [
    { id: "expenditure.total#current", patterns: ["本年支出合计", "合计"] },
    { id: "expenditure.basic", patterns: ["基本支出"] },
    { id: "expenditure.project", patterns: ["项目支出"] },
    { id: "expenditure.reserve", patterns: ["单位预留机动经费", "单位预留机动经", "预留机动"] },
    { id: "expenditure.carryforward", patterns: ["结转下年资金", "结转下年资", "年末结转和结余"] },
    { id: "ignore", patterns: ["上缴上级支出", "经营支出", "对附属单位补助支出"] },
  ],
  income: [
    { id: "income.total#current", patterns: ["本年收入合计", "合计"] },
    { id: "income.fiscal", patterns: ["财政拨款收入", "财政拨款"] },
    { id: "income.superior", patterns: ["上级补助收入"] },
    { id: "income.business", patterns: ["事业收入"] },
    { id: "income.operating", patterns: ["经营收入"] },
    { id: "income.affiliated", patterns: ["附属单位上缴收入"] },
    { id: "income.other", patterns: ["其他收入"] },
    { id: "income.carryover", patterns: ["上年结转", "年初结转和结余"] },
  ],
  threePublic: [
    { id: "all", patterns: ["合计"] },
    { id: "sub", patterns: ["小计"] },
    { id: "three_public.overseas", patterns: ["因公出国", "出国", "因公出", "国（境）", "国(境)"] },
    { id: "three_public.vehicle_purchase", patterns: ["购置费", "用车购置", "用车购", "购置", "置费"] },
    { id: "three_public.vehicle_operation", patterns: ["运行维护费", "用车运行", "用车运", "行维护", "维护费"] },
    { id: "three_public.reception", patterns: ["公务接待费", "接待费", "公务接待", "公务接", "待费"] },
    { id: "meeting", patterns: ["会议费", "会议"] },
    { id: "training", patterns: ["培训费", "培训"] },
  ],
};

/** Header cells that name a group of columns rather than one column (nested 小计 columns belong to them). */
export const THREE_PUBLIC_GROUP = /三公|购置及运行|及运行/;

/** Recognise a 公开表 title line (numbering and "公开01表" stripped). */
export function tableKindOfTitle(line: string): TableKind | null {
  const s = line
    .replace(/\s+/g, "")
    .replace(/^(?:公开\d+表[:：]?|表[一二三四五六七八九十]+[:：]?|[一二三四五六七八九十]+[、.．]|\d+[、.．]|附表\d*[:：]?)/, "")
    .replace(/[（(](?:一般公共预算|公开\d+表)[)）]$/, "")
    .replace(/\d+$/, "");
  if (s.length > 42 || /[。，；]/.test(s) || !/表$/.test(s)) return null;
  if (/三公/.test(s)) return "threePublic";
  if (/财政拨款收(?:入)?支(?:出)?(?:预算|决算)?总表$/.test(s)) return "fiscal";
  if (/^(?:部门)?收(?:入)?支(?:出)?(?:预算|决算)?总表$/.test(s)) return "summary";
  if (/^(?:部门)?收入(?:预算|决算)(?:总)?表$|^(?:部门)?收入总表$/.test(s)) return "income";
  if (/^(?:部门)?支出(?:预算|决算)(?:总)?表$|^(?:部门)?支出总表$/.test(s)) return "expenditure";
  if (/基本支出(?:预算|决算)?表$/.test(s)) return "basic";
  return "other";
}

/** Strip list numbering and "其中：" from a label cell. */
export function cleanLabel(s: string): string {
  return s
    .replace(/\s+/g, "")
    .replace(/^(?:其中[:：]?)/, "")
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?)/, "")
    .replace(/^(?:其中[:：]?)/, "")
    .replace(/[:：]$/, "");
}

/** The key a (possibly wrapped) label cell names: exact label, or a cut-off label that is a unique prefix. */
export function matchRowLabel(label: string, defs: LabelDef[]): string | null {
  const l = cleanLabel(label);
  if (!l) return null;
  for (const d of defs) if (d.labels.includes(l)) return d.key;
  if (l.length < 4) return null;
  const hits = new Set<string>();
  for (const d of defs) for (const lab of d.labels) if (lab.startsWith(l)) hits.add(d.key);
  return hits.size === 1 ? [...hits][0] : null;
}
