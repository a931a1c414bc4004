/**
 * Projects named inside a report: enumerations "一是X项目，项目预算资金 674.19 万元，比上年 758.02 万元减少 83.83 万元；
 * 二是…" and "（1）X经费…". Each item's figures bind to that project (a bare amount right after the name is its budget).
 * An item "一是A支出，即B合计 N 万元" names the project B when B is one project, and the line A when B lists several.
 */
import type { Passage, ProseContext } from "./prose.js";
import { bindProse, maskText } from "./prose.js";
import { scanFigures, sentenceAround } from "./figures.js";
import { findLabels } from "./labels.js";
import { candidateFromHit, type Candidate } from "./candidate.js";
import { locate, sliceSegments } from "./provenance.js";

const RE_ITEM = /(?:^|[；;。，,:：\s])(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳])|[；;]|分项目看[，,:：]?|其中[:：]/g;
const RE_NAME_END = /(项目|经费|费用|资金|工程|专项|补助|支出)$/;

export interface ProjectItem {
  name: string;
  candidates: Candidate[];
  /** The item's range in the passage text, masked from department-level binding. */
  start: number;
  end: number;
}

function itemName(item: string): { name: string; rest: string } | null {
  // "老旧小区改造项目调整后预算数1,470.72万元": the name is what stands before the item's first label.
  for (const first of findLabels(item, { project: true })) {
    if (first.start < 4) continue;
    const name = item.slice(0, first.start).replace(/[，,：:\s]+$/, "").replace(/^[，,：:\s]+/, "");
    if (/[\d%，,。；;]/.test(name) || name.length > 40) break;
    if (RE_NAME_END.test(name) && !/^(其中|本|全年|年度|部门)/.test(name)) return { name, rest: item.slice(first.start) };
  }
  const m = /^([^，,：:；;。]{2,60}?)(?:[，,：:]|合计|共计|总计|预算)/.exec(item);
  if (!m) return null;
  let name = m[1].replace(/^(用于|是|为)/, "").trim();
  const rest = item.slice(m[1].length);
  const ji = /^[，,]即([^，,；;。]+?)(?:合计|共计|总计|\d)/.exec(rest);
  if (ji) {
    const inner = ji[1].trim();
    if (!/[、]/.test(inner)) name = inner;
    else name = name.replace(/^其他/, "");
  }
  name = name.replace(/^用于其他/, "").replace(/^用于/, "");
  if (!RE_NAME_END.test(name) && !ji) return null;
  if (name.length < 3 || /[\d%]/.test(name)) return null;
  return { name, rest };
}

/** Project items of one passage, with their bound figures. */
export function extractProjectItems(p: Passage, ctx: ProseContext): ProjectItem[] {
  const text = maskText(p.text);
  const starts = [...text.matchAll(RE_ITEM)].map((m) => m.index! + m[0].length);
  const out: ProjectItem[] = [];
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    const item = p.text.slice(starts[k], end);
    const named = itemName(item);
    if (!named) continue;
    const hits = scanFigures(maskText(item)).filter((h) => h.amount.kind === "money" && !h.change);
    if (hits.length === 0) continue;
    const itemCtx: ProseContext = { ...ctx, project: true, projectName: named.name, orderBase: p.block * 100000 + starts[k] };
    const segs = sliceSegments(p.segs, starts[k], end);
    const cands = bindProse({ text: item, page: p.page, block: p.block, segs }, itemCtx);
    // A bare amount right after the name ("…经费合计75万元", "…经费4194.23万元") is the project's budget.
    if (!cands.some((c) => c.key === "budget.initial" && !c.restated)) {
      const first = hits[0];
      const between = maskText(item).slice(named.name.length, first.start);
      if (!/支出|使用|执行|拨付|到位/.test(between.slice(-8))) {
        cands.push(
          candidateFromHit(
            { key: "budget.initial", year: ctx.fiscalYear, prov: locate(segs, first.start, first.end), quote: sentenceAround(item, first.start, first.end), restated: false, confidence: "pattern", order: itemCtx.orderBase! + first.start, project: named.name },
            "money",
            first,
          ),
        );
      }
    }
    if (cands.length) out.push({ name: named.name, candidates: cands, start: starts[k], end });
  }
  return out;
}
