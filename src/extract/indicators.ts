/**
 * Score tables (绩效自评表): indicator rows with 一级/二级/三级指标, 指标值, 实际完成值, 分值, 得分, 偏差原因, from real
 * tables (by column) or flattened ones (one cell per line, header roles in order). A 合计/总分 row with a filled score
 * column is the total score.
 */
import type { Indicator } from "./schema.js";
import { cellProvenance, type StreamCell } from "./cells.js";
import { columnRole, type ColumnRole } from "./labels.js";
import { parseAmount } from "./amount.js";

const LEVEL1 = /^(产出指标|效益指标|效果指标|满意度指标|管理指标|成本指标|履职效能|预算执行|决策|过程|产出|效益)$/;
/** An indicator's dimension rather than a subject of its own: a level-one or level-two name, short or full (投入, 项目管理, 产出指标). */
export function isIndicatorDimension(name: string): boolean {
  return LEVEL1.test(name) || LEVEL2.test(name) || RE_DIMENSION.test(name);
}
const RE_DIMENSION = /^(?:项目|部门)?(?:投入|过程|产出|效益|效果|满意度|决策|管理|绩效|履职|预算执行|资金管理|财务管理|业务管理)(?:指标|情况)?$/;
const LEVEL2 = /(数量指标|质量指标|时效指标|成本指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|经济成本指标|社会成本指标|生态环境成本指标)$/;
const RE_ROLE_WORDS = /年度指标值|指标值|实际完成值|全年完成值|完成值|分值|权重|得分|偏差原因分析及改进措施|偏差原因|原因/g;
const PLACEHOLDER = /^(指标\d+|…+|\.{3,}|—+)$/;

export interface IndicatorResult {
  indicators: Indicator[];
  total: { value: number; cell: StreamCell } | null;
  /** Per indicator, the cell naming it and the cell of its 实际完成值 (provenance). */
  sources: Map<Indicator, { label: StreamCell; actual: StreamCell | null }>;
}

/**
 * 分值 and 得分 are points as printed: the table's money unit (a 项目资金（万元） header above the score rows) does not
 * apply to them, so the cell is read without it.
 */
function num(c: StreamCell | undefined): number | null {
  if (!c?.figure) return null;
  return parseAmount(c.figure.text)?.value ?? null;
}

function fromRoles(res: IndicatorResult, roles: Array<ColumnRole | null>, values: StreamCell[], base: Partial<Indicator>, label: StreamCell): void {
  const ind: Indicator = { level1: null, level2: null, level3: null, target: null, actual: null, weight: null, score: null, deviation: null, page: label.page, prov: cellProvenance(label, null), ...base };
  let actual: StreamCell | null = null;
  roles.forEach((role, k) => {
    const c = values[k];
    // A blank 偏差原因 cell under a column that asks for one is "" (no reason given), not null (no such column).
    if (c && c.empty && role === "reason") ind.deviation = "";
    if (!c || c.empty) return;
    if (role === "target") ind.target = c.text;
    else if (role === "actual") {
      ind.actual = c.text;
      actual = c;
    }
    else if (role === "weight") ind.weight = num(c);
    else if (role === "score") ind.score = num(c);
    else if (role === "reason") ind.deviation = c.text;
  });
  res.indicators.push(ind);
  res.sources.set(ind, { label, actual });
}

/** Real tables: the header row holding 三级指标 fixes the columns; level 1/2 carry down merged cells. */
function fromTables(cells: StreamCell[], res: IndicatorResult): void {
  const byTable = new Map<number, StreamCell[]>();
  cells.forEach((c) => c.table !== null && (byTable.get(c.table) ?? byTable.set(c.table, []).get(c.table)!).push(c));
  for (const tcells of byTable.values()) {
    const rows = new Map<number, StreamCell[]>();
    for (const c of tcells) (rows.get(c.row!) ?? rows.set(c.row!, []).get(c.row!)!).push(c);
    let cols: Map<number, ColumnRole> | null = null;
    let l1: string | null = null;
    let l2: string | null = null;
    for (const row of [...rows.keys()].sort((a, b) => a - b).map((k) => rows.get(k)!)) {
      const roles = row.map((c) => columnRole(c.text));
      // The header: 三级指标 fixes the columns; a summary table names only 一级指标 beside 分值/得分.
      if (roles.includes("level3") || (roles.includes("level1") && roles.includes("score") && !roles.includes("level2"))) {
        cols = new Map();
        row.forEach((c, k) => roles[k] && cols!.set(c.col!, roles[k]!));
        continue;
      }
      if (!cols) continue;
      const at = (role: ColumnRole) => row.find((c) => cols!.get(c.col!) === role);
      const first = row.find((c) => !c.empty)?.text ?? "";
      const scoreCell = at("score");
      if (/^(合计|总分|总计|自评总分|综合得分)/.test(first)) {
        const value = num(scoreCell);
        if (scoreCell && value !== null) res.total = { value, cell: scoreCell };
        continue;
      }
      const c1 = at("level1");
      const c2 = at("level2");
      const c3 = at("level3");
      if (c1 && !c1.empty) l1 = c1.text;
      if (c2 && !c2.empty) l2 = c2.text;
      const order: ColumnRole[] = ["target", "actual", "weight", "score", "reason"];
      if (![...cols.values()].includes("level3")) {
        // 一级指标 | 分值 | 得分: each row is an indicator of its own level.
        if (!c1 || c1.empty || PLACEHOLDER.test(c1.text) || !scoreCell?.figure) continue;
        fromRoles(res, order, order.map((r) => at(r)!), { level1: c1.text, level2: null, level3: null }, c1);
        continue;
      }
      if (!c3 || c3.empty || PLACEHOLDER.test(c3.text)) continue;
      fromRoles(res, order, order.map((r) => at(r)!), { level1: l1, level2: l2, level3: c3.text }, c3);
    }
  }
}

/** Flattened tables: roles after 三级指标 in header order; a text cell followed by figures is one indicator. */
function fromFlattened(cells: StreamCell[], res: IndicatorResult): void {
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].table !== null) continue;
    const roles: Array<ColumnRole | null> = [];
    let j = i + 1;
    if (columnRole(cells[i].text) !== "level3") {
      // A header fused into one line ("一级指标二级指标三级指标年度指标值实际完成值分值得分…"): split it by known words.
      const at = cells[i].text.indexOf("三级指标");
      if (at < 0) continue;
      const tail = cells[i].text.slice(at + 4);
      let pos = 0;
      for (const m of tail.matchAll(RE_ROLE_WORDS)) {
        if (m.index !== pos) break;
        roles.push(columnRole(m[0]));
        pos = m.index + m[0].length;
      }
      if (roles.length < 2) continue;
      j = cells.length; // skip the header scan below
    }
    for (; j < cells.length && roles.length < 12; j++) {
      const c = cells[j];
      if (c.empty) continue;
      if (c.figure) break;
      let role = columnRole(c.text);
      if (!role && j + 1 < cells.length && columnRole(c.text + cells[j + 1].text)) {
        role = columnRole(c.text + cells[j + 1].text);
        j++;
      }
      if (!role) break;
      roles.push(role);
    }
    if (j === cells.length) j = i + 1;
    const valueRoles = roles.filter((r) => r !== "level1" && r !== "level2" && r !== "level3");
    let l1: string | null = null;
    let l2: string | null = null;
    let pending = "";
    for (let k = j; k < cells.length && k < j + 400; k++) {
      const c = cells[k];
      if (c.table !== null) break;
      if (c.empty || c.figure) continue;
      const t = pending + c.text;
      if (LEVEL1.test(t)) {
        l1 = t;
        pending = "";
        continue;
      }
      if (LEVEL2.test(t)) {
        l2 = t;
        pending = "";
        continue;
      }
      if (/^(经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)$/.test(c.text)) {
        pending = c.text;
        continue;
      }
      pending = "";
      if (/^(合计|总分|总计)/.test(c.text)) break;
      const vals: StreamCell[] = [];
      let m = k + 1;
      for (; m < cells.length && (cells[m].figure || cells[m].empty) && vals.length < valueRoles.length; m++) if (cells[m].figure) vals.push(cells[m]);
      if (vals.length < 2 || PLACEHOLDER.test(c.text) || c.text.length > 40) continue;
      fromRoles(res, valueRoles, vals, { level1: l1, level2: l2, level3: c.text }, c);
      k = m - 1;
    }
    i = j;
  }
}

export function extractIndicators(cells: StreamCell[]): IndicatorResult {
  const res: IndicatorResult = { indicators: [], total: null, sources: new Map() };
  fromTables(cells, res);
  fromFlattened(cells, res);
  return res;
}
