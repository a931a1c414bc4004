import type { Finding } from "../extract/finding.js";
import { parseAmountIn, type Amount } from "../extract/amount.js";
import type { Rule, RuleContext, RuleMeta } from "./lib/types.js";
import { textUnits, unitEvidence, type TextUnit } from "./lib/doc-text.js";
import { memberSplits } from "./lib/parts-list.js";
import { halfCents, cents } from "./lib/line-items.js";
import { grade } from "./lib/tolerance.js";
import { subjectKeys, subjectRefs } from "./lib/subject-keys.js";
import { scopesOf } from "./lib/metric-access.js";
import { MONEY_FIGURE } from "./lib/money-figure.js";

/**
 * A total's change told in prose with its parts' changes after it — in its own sentence (支出较上年减少 C 万元，主要是基本
 * 支出减少 a 万元，项目支出减少 b 万元) or one part a sentence or line (基本支出预算较上年增 C 万元。主要变动原因如下：/
 * 1.工资福利支出较上年增 a 万元… / 2.商品和服务支出…) — where no metric holds the parts. When the parts are a split known
 * to be complete (schemas/parts-splits.json: 支出 = 基本支出 + 项目支出; 基本支出 = 人员经费 + 公用经费, or by economic
 * class 工资福利 + 商品和服务 + 对个人和家庭的补助 [+ 资本性支出]), their changes add up to the total's, within the
 * rounding of every printed change. A claim whose total and parts are all bound metrics with their changes is
 * change-of-parts' to judge. A 决算 often compares each figure twice, with the year before and with the year's own
 * budget (较上年减少 C 万元，较年初预算数减少 D 万元): each basis is judged on its own. A list that leaves out a member the
 * report states as nothing this year (因公出国（境）费0万元) still bounds the total's change: that member can only
 * have fallen or stayed level, so the total's change is at most the listed parts'.
 */
// What a change is measured against: the year before (上年, 2018年, 上年预算 in a budget) or this year's own budget
// (年初预算数, 调整预算): a 决算 often states both, one after the other, for the total and for each part.
const BASIS = String.raw`(?:上年|去年|上一年度?|上年度|(?:19|20)\d{2}\s*年度?)(?:预算数?|决算数?|执行数?|同期)?|(?:年初|调整后?的?)?预算数?`;
const CMP = String.raw`(?:较|比|与)\s*(${BASIS})(?:相比)?[\s,，]*`;
const DIR = "(增加|增长|增|减少|减|下降|降低)";
// A total's change: its label (no figure, no clause mark), the comparison, the direction, the amount.
// The direction may stand in brackets, as a template's choice made (较上年(减少)16.23万元).
const RE_TOTAL = new RegExp(String.raw`([^，,；;。:\d]{2,24}?)\s*${CMP}\(?${DIR}\)?\s*${MONEY_FIGURE}`, "g");
// A part's change opens its clause or line: label, the comparison (optional once the total has stated it), the amount.
const RE_PART = new RegExp(String.raw`^([^，,；;。:\d]{2,20}?)\s*(?:${CMP})?\(?${DIR}\)?\s*${MONEY_FIGURE}`);
// The same label's change against another basis, in the clause right after (…减少15.29万元，下降49.88%，较年初预算数减少
// 0.04万元): no label of its own, a rate between them allowed.
const RE_AGAIN = new RegExp(String.raw`^[\s,，]*(?:(?:增长|增加|上升|下降|减少|降低)\s*\d+(?:\.\d+)?\s*%[\s,，]*)?${CMP}\(?${DIR}\)?\s*${MONEY_FIGURE}`);
const LEAD = /^(?:[\s:：]|主要是|主要原因是|主要为|主要用于|其中|具体为|包括|[一二三四五六七八九十]是)+/;
const ITEM_NO = /^\s*(?:\(?\d{1,2}\)|\d{1,2}\s*[.、．](?!\d)|[①-⑳]|\([一二三四五六七八九十]{1,2}\))\s*/;
const SECTION = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\([一二三四五六七八九十]{1,2}\))/;

type Basis = "prior" | "budget";
const BASIS_NAME: Record<Basis, string> = { prior: "上年", budget: "年初预算" };

interface Change {
  label: string;
  amount: Amount;
  /** The amount as printed (17.1万元). */
  shown: string;
  /** Signed hundredths of the base unit. */
  signed: number;
  /** What it is measured against; null when the clause leaves it to the total's first comparison. */
  basis: Basis | null;
}

const down = (w: string) => /减|降/.test(w);

function basisOf(words: string | undefined): Basis | null {
  if (words === undefined) return null;
  return /预算/.test(words) && !/上年|去年|上一年|\d/.test(words) ? "budget" : "prior";
}

function change(label: string, basis: string | undefined, word: string, num: string, unit: string): Change | null {
  const a = parseAmountIn(num, unit);
  if (!a) return null;
  // The label cannot hold a digit, so a year before it leaves its 年 (2018年基本支出 → 年基本支出).
  const clean = label.replace(LEAD, "").replace(/^(?:年度?|本年度?|今年|度)/, "").replace(/(?:的|为|是)$/, "").trim();
  return clean ? { label: clean, amount: a, shown: `${num}${unit}`, signed: (down(word) ? -1 : 1) * cents(a), basis: basisOf(basis) } : null;
}

function partOf(text: string): Change | null {
  const m = RE_PART.exec(text.replace(ITEM_NO, "").replace(LEAD, ""));
  return m ? change(m[1], m[2], m[3], m[4], m[5]) : null;
}

/** The changes of `first`'s label against other bases stated right after it in `rest`, and where they end. */
function againAfter(first: Change, rest: string): { changes: Change[]; end: number } {
  const changes: Change[] = [];
  let at = 0;
  for (let m = RE_AGAIN.exec(rest); m; m = RE_AGAIN.exec(rest.slice(at))) {
    const c = change(first.label, m[1], m[2], m[3], m[4]);
    at += m[0].length;
    if (!c || c.basis === first.basis || changes.some((x) => x.basis === c.basis)) break;
    changes.push(c);
  }
  return { changes, end: at };
}

/** A part's changes where it opens `text`: its own, then against other bases in the clauses right after. */
function partChanges(text: string): Change[] {
  const body = text.replace(ITEM_NO, "").replace(LEAD, "");
  const m = RE_PART.exec(body);
  const c = m ? change(m[1], m[2], m[3], m[4], m[5]) : null;
  return c ? [c, ...againAfter(c, body.slice(m!.index + m![0].length)).changes] : [];
}

interface Claim {
  total: Change;
  parts: Change[];
  basis: Basis;
  /** The split's members the list leaves out (empty when it is complete): the first word of each. */
  missing: string[];
  quote: string;
  unit: TextUnit;
  /** The metric the total is, when its label is the split's bare whole word. */
  key: string | null;
}

/**
 * The parts after a total's change: the clauses of its own sentence, else the sentences and lines that follow, each
 * of which may list parts one after another (其中：A较上年减少a，较年初预算数减少a'，主要是…；B较上年…).
 */
function partsAfter(rest: string, next: readonly TextUnit[]): { parts: Change[]; used: string[] } | null {
  const end = rest.indexOf("。");
  const first = rest.slice(0, end < 0 ? rest.length : end + 1);
  const own = first.split(/[，,；;]/).map(partOf).filter((c): c is Change => !!c);
  if (own.length >= 2) return { parts: own, used: [first] };
  // One part a sentence or line: the rest of this paragraph, then the lines after it, up to a section or a table.
  const segments = [...(end < 0 ? [] : rest.slice(end + 1).split(/(?<=。)/)), ...next.map((u) => u.text)].filter((s) => s.trim());
  const parts: Change[] = [];
  const used: string[] = [first];
  let idle = 0;
  outer: for (const s of segments.slice(0, 16)) {
    if (SECTION.test(s)) break;
    const found = s.split(/[；;]/).flatMap(partChanges);
    used.push(s);
    if (found.length === 0) {
      if (++idle > 3) break;
      continue;
    }
    for (const p of found) {
      if (parts.some((x) => x.label === p.label && x.basis === p.basis)) break outer;
      parts.push(p);
    }
    idle = 0;
  }
  return new Set(parts.map((p) => p.label)).size >= 2 ? { parts, used } : null;
}

function claimsOf(units: readonly TextUnit[]): Claim[] {
  const out: Claim[] = [];
  units.forEach((u, i) => {
    if (u.table || !/较|比|与/.test(u.text)) return;
    for (const m of u.text.matchAll(RE_TOTAL)) {
      const first = change(m[1], m[2], m[3], m[4], m[5]);
      if (!first) continue;
      const after = u.text.slice(m.index + m[0].length);
      const again = againAfter(first, after);
      const next: TextUnit[] = [];
      for (const v of units.slice(i + 1, i + 13)) {
        if (v.table) break;
        next.push(v);
      }
      const found = partsAfter(after.slice(again.end), next);
      if (!found) continue;
      const start = Math.max(u.text.lastIndexOf("。", m.index) + 1, 0);
      const quote = [u.text.slice(start, m.index + m[0].length + again.end), ...found.used].join("").slice(0, 600);
      // Each comparison of the total against the parts' changes on the same basis (a part that names none has the
      // total's first).
      for (const total of [first, ...again.changes]) {
        const basis = total.basis ?? "prior";
        const parts = found.parts.filter((p) => (p.basis ?? first.basis ?? "prior") === basis);
        if (parts.length < 2) continue;
        const fit = memberSplits(total.label, parts.map((p) => p.label)).sort((a, b) => Number(b.complete) - Number(a.complete))[0];
        if (!fit) continue;
        const listed = new Set(parts.flatMap((p) => fit.split.parts.flatMap((words, k) => (words.some((w) => p.label.includes(w)) ? [k] : []))));
        const missing = fit.split.parts.filter((_, k) => !listed.has(k)).map((words) => words[0]);
        // The bare whole word (支出预算, 基本支出决算数) is the split's metric.
        const bare = fit.split.whole.some((w) => total.label.replace(/(?:预算|决算)数?$/, "") === w);
        out.push({ total, parts, basis, missing: fit.complete ? [] : missing, quote: quote.trim(), unit: u, key: bare ? (fit.split.key ?? null) : null });
      }
    }
  });
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const doc = ctx.doc;
  if (!doc) return [];
  const year = ctx.report.fiscalYear ?? 0;
  const kind = ctx.report.kind;
  // Keys whose stated change the report holds as a metric: claims made only of those are change-of-parts'.
  const changed = new Set(scopesOf(ctx.report)[0].metrics.filter((m) => m.year === year && /\.change$/.test(m.key)).map((m) => m.key.replace(/\.change$/, "")));
  const bound = (label: string) => subjectKeys(label, kind, { exact: true }).some((k) => changed.has(k));
  const out: Finding[] = [];
  const seen = new Set<string>();
  // A part the report states as nothing this year (因公出国（境）费0万元) can only have fallen or stayed level against
  // any basis, as no basis is below nothing.
  const nothingNow = (word: string) => subjectKeys(word, kind).some((k) => scopesOf(ctx.report)[0].metrics.some((m) => m.key === k && m.year === year && m.value === 0));
  for (const c of claimsOf(textUnits(doc))) {
    if (c.basis === "prior" && bound(c.total.label) && c.parts.every((p) => bound(p.label))) continue;
    if (c.missing.length > 0 && !c.missing.every(nothingNow)) continue;
    const sum = c.parts.reduce((s, p) => s + p.signed, 0);
    const tol = halfCents(c.total.amount) + c.parts.reduce((s, p) => s + halfCents(p.amount), 0);
    const gap = c.total.signed - sum;
    // With parts left out that are nothing now, the listed changes bound the total's from above only.
    if (c.missing.length > 0 && gap <= 0) continue;
    const verdict = grade(gap / 100, tol / 100, (2 * halfCents(c.total.amount)) / 100);
    if (verdict === "ok") continue;
    const id = `${c.basis}|${c.total.label}|${c.total.shown}|${sum}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const sign = (v: number) => (v < 0 ? "减少" : "增加");
    const dec = Math.max(c.total.amount.decimals, ...c.parts.map((p) => p.amount.decimals));
    out.push(
      ctx.finding({
        messageId: c.missing.length > 0 ? "partsChangeBeyondListed" : "partsChangeDiffer",
        data: {
          total: c.total.label,
          basis: BASIS_NAME[c.basis],
          missing: c.missing.join("、"),
          totalChange: `${sign(c.total.signed)} ${c.total.shown}`,
          parts: c.parts.map((p) => `${p.label}${sign(p.signed)} ${p.shown}`).join("，"),
          sumDir: sign(sum),
          sum: `${(Math.abs(sum) / 100 / c.total.amount.scale).toFixed(dec)}${c.total.amount.unit}`,
          gap: `${(Math.abs(gap) / 100 / c.total.amount.scale).toFixed(dec)}${c.total.amount.unit}`,
        },
        verdict,
        refs: c.key ? [{ key: c.key, year }] : subjectRefs(c.total.label, year, kind),
        expected: sum / 100,
        actual: c.total.signed / 100,
        tolerance: tol / 100,
        evidence: [unitEvidence(doc, c.unit, c.quote)],
      }),
    );
  }
  return out;
}

const meta: RuleMeta = {
  id: "prose-change-parts",
  description: {
    zh: "正文中合计的增减额及其后逐项列出的组成部分增减额（“支出较上年减少C万元，主要是基本支出减少a万元，项目支出减少b万元”，或逐句、逐行“1.工资福利支出较上年增a万元……”；较上年、较年初预算各自核对）：所列正是已知的完整构成（支出 = 基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费，或按经济分类 = 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助〔+ 资本性支出〕；“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费）时，各部分增减额之和应等于合计的增减额；未列的部分本年为 0 时，合计的增减不得大于所列各部分之和；按各数打印位数容许四舍五入",
    en: "A total's change told in prose with its parts' changes after it (支出较上年减少 C，主要是基本支出减少 a，项目支出减少 b; or one part a sentence or line; against the year before and against the year's budget each on its own): when the parts are a split known to be complete (spending = basic + project; basic = personnel + public, or by economic class = 工资福利 + 商品和服务 + 对个人和家庭的补助 [+ 资本性支出]; \"三公\" = overseas travel + official vehicles + reception), their changes add up to the total's; when the parts left out are nothing this year, the total's change is at most the listed parts'; within the rounding of every printed change",
  },
  defaultSeverity: "error",
  scope: "report",
  needsDocument: true,
  docs: { url: "README.md#rule-prose-change-parts" },
  messages: {
    partsChangeDiffer: { zh: "{total}较{basis}{totalChange}，而所列各部分：{parts}，合计{sumDir} {sum}，相差 {gap}{note}" },
    partsChangeBeyondListed: { zh: "{total}较{basis}{totalChange}，而所列各部分：{parts}，合计{sumDir} {sum}；未列的{missing}本年为 0，不会增加，补不上相差的 {gap}{note}" },
  },
};

export const proseChangeParts: Rule = { meta, check };
