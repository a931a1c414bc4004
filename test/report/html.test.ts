import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.js";
import { reportData } from "../../src/report/report-data.js";
import { renderHtml } from "../../src/report/html.js";
import { esc } from "../../src/report/escape.js";
import { trend } from "../../src/query/trend.js";
import { A, B, buildWorld } from "../query/world.js";

let world: ReturnType<typeof buildWorld>;
let db: Db;
let html: string;
beforeAll(() => {
  world = buildWorld();
  db = world.db;
  html = renderHtml(reportData(db, { now: new Date("2025-01-01T00:00:00Z") }));
});
afterAll(() => world.cleanup());

/** Points the report must draw for one department and metric: every non-gap point of every kind. */
function expectedPoints(dept: string, key: string): number {
  return trend(db, { metric: key, departments: [dept] }).series.reduce((n, s) => n + s.points.filter((p) => p && p.value !== null).length, 0);
}

function sectionOf(name: string): string {
  const start = html.indexOf(`data-department="${esc(name)}"`);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
}

describe("HTML report", () => {
  it("is self-contained: no URL, no external resource, no script", () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=|url\(/i);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('lang="zh-CN"');
  });

  it("escapes text taken from documents", () => {
    expect(html).toContain("合计12100万元&lt;script&gt;");
    expect(html).not.toContain("万元<script>");
  });

  it("draws one circle per year with a figure, per kind, with data attributes", () => {
    for (const [dept, key] of [[A, "expenditure.total"], [B, "expenditure.total"], [A, "income.total"]] as const) {
      const sec = sectionOf(dept);
      const circles = sec.match(new RegExp(`<circle class="pt[^"]*"[^>]*data-metric="${key.replace(".", "\\.")}"`, "g")) ?? [];
      expect(circles.length, `${dept} ${key}`).toBe(expectedPoints(dept, key));
    }
    expect(sectionOf(A)).toMatch(/<circle class="pt restated"[^>]*data-year="2020"/);
    expect(sectionOf(B)).toMatch(/data-kind="final-accounts" data-year="2023" data-value="60.00"/);
  });

  it("lists findings with their quotes and where each figure came from", () => {
    const sec = sectionOf(A);
    expect(sec).toContain('class="finding warning"');
    expect(sec).toContain("基本支出与项目支出之和不等于总支出");
    expect(sec).toContain("数据来源（文件与页码）");
    expect(sec).toContain("/data/仁化县财政局/2023-department.pdf");
    expect(sec).toContain("expenditure.total为133.1万元");
    expect(html).toContain('<table class="overview">');
    expect(sectionOf(B)).toContain("决算支出合计60.00万元");
  });

  it("narrows to the departments asked for", () => {
    const only = reportData(db, { departments: ["人社局"] });
    expect(only.departments.map((d) => d.name)).toEqual([B]);
  });
});

describe("chart axes", () => {
  it("label the zero tick 0, not 0.00 under whole-number ticks", () => {
    const labels = [...html.matchAll(/class="yl">([^<]*)</g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels).toContain("0");
    expect(labels).not.toContain("0.00");
  });
});
