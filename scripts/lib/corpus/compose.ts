/**
 * The report as renderer-neutral blocks, plus the gold collected while the text is written: every figure a layout
 * prints goes through a Composer method that both formats it and records it, so the gold cannot drift from the text.
 */
import { cnNumeral, money, moneyNumber, percent, percentNumber, scoreNumber, toFullWidth, yiNumber, type MoneyUnit, type NumStyle } from "./format.js";

export type DocBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string }
  | { kind: "para"; text: string }
  /** rows of cells; `unit` is the "单位：万元" line printed above the table, when any. */
  | { kind: "table"; rows: string[][]; unit?: string; caption?: string };

export interface GoldMetric {
  key: string;
  year: number;
  value: number | string;
}

export interface GoldFinding {
  about: string[];
  year: number;
  rule?: string;
  roundingLevel?: boolean;
  /** Only visible when two reports are compared (restated-differently, yoy-outlier). */
  crossReport?: boolean;
  project?: string;
  note?: string;
}

/** Base-unit size of the last printed digit of a figure (for rounding-level comparisons across reports). */
interface Printed {
  value: number | string;
  lastDigit: number;
}

export class Composer {
  readonly blocks: DocBlock[] = [];
  private readonly top = new Map<string, Printed>();
  private readonly projectMap = new Map<string, Map<string, Printed>>();
  readonly findings: GoldFinding[] = [];

  constructor(readonly style: NumStyle) {}

  title(text: string): void { this.blocks.push({ kind: "title", text }); }
  heading(level: 1 | 2 | 3 | 4, text: string): void { this.blocks.push({ kind: "heading", level, text }); }
  para(text: string): void { this.blocks.push({ kind: "para", text }); }
  table(rows: string[][], unit?: string, caption?: string): void { this.blocks.push({ kind: "table", rows, unit, caption }); }

  private record(key: string, year: number, value: number | string, lastDigit: number, project?: string): void {
    let map = this.top;
    if (project !== undefined) {
      map = this.projectMap.get(project) ?? new Map();
      this.projectMap.set(project, map);
    }
    const id = `${key}@${year}`;
    const prev = map.get(id);
    if (prev && prev.value !== value) {
      throw new Error(`${project ?? "report"}: ${id} printed twice with different values (${prev.value} vs ${value})`);
    }
    map.set(id, { value, lastDigit });
  }

  /** Money with its unit, e.g. "674.19万元". */
  money(key: string | null, year: number, fen: number, project?: string, unit: MoneyUnit = this.style.unit): string {
    // Only amounts printed in the report's own unit vary: an explicit unit is an injected slip or a fixed wording.
    const special = unit === this.style.unit ? this.specialMoney(fen) : null;
    if (special) {
      if (key) this.record(key, year, fen / 100, special.lastDigit, project);
      return special.text;
    }
    if (key) this.record(key, year, fen / 100, lastDigitYuan(fen, unit, this.style), project);
    return money(fen, this.style, unit);
  }

  /** 亿元 for large amounts, Chinese numerals for small whole-元 ones, when the report has that habit. */
  private specialMoney(fen: number): { text: string; lastDigit: number } | null {
    if (this.style.cnNumerals && fen > 0 && fen % 100 === 0 && fen < 100_000_000) {
      return { text: `${cnNumeral(fen / 100)}元`, lastDigit: 1 };
    }
    if (this.style.yi && fen >= 10_000_000_000) {
      const y = yiNumber(fen);
      const t = `${y.num}${this.style.space ? " " : ""}亿元`;
      return { text: this.style.fullWidth ? toFullWidth(t) : t, lastDigit: 10 ** (8 - y.decimals) };
    }
    return null;
  }

  /** Money as a bare number for a table whose header states the unit. */
  moneyCell(key: string | null, year: number, fen: number, unit: MoneyUnit, project?: string): string {
    if (key) this.record(key, year, fen / 100, lastDigitYuan(fen, unit, this.style), project);
    return moneyNumber(fen, unit, this.style);
  }

  percent(key: string | null, year: number, bp: number, project?: string): string {
    if (key) this.record(key, year, bp / 100, 0.01, project);
    return percent(bp, this.style);
  }

  percentCell(key: string | null, year: number, bp: number, project?: string): string {
    if (key) this.record(key, year, bp / 100, 0.01, project);
    return percentNumber(bp) + "%";
  }

  count(key: string | null, year: number, n: number): string {
    if (key) this.record(key, year, n, 1);
    return this.style.fullWidth ? toFullWidth(String(n)) : String(n);
  }

  /** Count in a table cell: cells keep half-width digits even where the prose is full-width. */
  countCell(key: string, year: number, n: number): string {
    this.record(key, year, n, 1);
    return String(n);
  }

  score(key: string | null, year: number, tenths: number, project?: string): string {
    if (key) this.record(key, year, tenths / 10, 0.1, project);
    return scoreNumber(tenths);
  }

  text(key: string, year: number, value: string, project?: string): string {
    this.record(key, year, value, 0, project);
    return value;
  }

  finding(f: GoldFinding): void { this.findings.push(f); }

  goldMetrics(): GoldMetric[] { return toList(this.top); }

  goldProjects(): { name: string; metrics: GoldMetric[] }[] {
    return [...this.projectMap].map(([name, m]) => ({ name, metrics: toList(m) }));
  }

  /** Last-digit size per metric id, for the cross-report restatement check. */
  precisionOf(key: string, year: number): number | undefined {
    return this.top.get(`${key}@${year}`)?.lastDigit;
  }
}

function lastDigitYuan(fen: number, unit: MoneyUnit, style: NumStyle): number {
  if (unit === "万元") return fen % 10000 === 0 ? 100 : 1;
  return style.yuanDecimals === 0 && fen % 100 === 0 ? 1 : 0.01;
}

function toList(m: Map<string, Printed>): GoldMetric[] {
  return [...m].map(([id, p]) => {
    const at = id.lastIndexOf("@");
    return { key: id.slice(0, at), year: Number(id.slice(at + 1)), value: p.value };
  });
}
