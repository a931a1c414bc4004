/**
 * Export downloads (the same tables and files as `jixiao export`) and department corrections (merge, rename, split, as
 * `jixiao departments`) for the web app.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Context, Hono } from "hono";
import type Database from "better-sqlite3";
import { exportTables } from "../query/export-data.js";
import { toCsv } from "../query/csv.js";
import { writeExport } from "../report/export-write.js";
import { DepartmentError, mergeDepartments, renameDepartment, splitAlias } from "../store/departments.js";
import { correctProject, listProjects, projectYearCells } from "../query/projects.js";
import { QueryError } from "../query/errors.js";

function attachment(name: string): string {
  return `attachment; filename="export.${name.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerExports(app: Hono, db: Database.Database): void {
  app.get("/api/export.xlsx", async (c) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "jixiao-serve-export-"));
    try {
      const [w] = await writeExport(exportTables(db), path.join(dir, "jixiao.xlsx"), "xlsx");
      const bytes = await readFile(w.file);
      return c.body(new Uint8Array(bytes), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": attachment("jixiao.xlsx"),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  app.get("/api/export/:table{[a-z_-]+\\.csv}", (c) => {
    const name = c.req.param("table").replace(/\.csv$/, "");
    const t = exportTables(db).find((x) => x.name === name);
    if (!t) return c.json({ error: `没有这张表 (no such table: ${name})` }, 404);
    // A BOM so that Excel opens the Chinese text as UTF-8.
    return c.body("\ufeff" + toCsv(t.columns, t.rows), 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`${name}.csv`) });
  });
}

export function registerCorrections(app: Hono, writer: Database.Database | null): void {
  const run = async (c: Context, fn: (w: Database.Database, body: Record<string, unknown>) => unknown) => {
    if (!writer) return c.json({ error: "只读模式，不能修改 (read-only server)" }, 403);
    const body = ((await c.req.json().catch(() => null)) ?? {}) as Record<string, unknown>;
    try {
      return c.json(fn(writer, body) as object);
    } catch (e) {
      if (e instanceof DepartmentError) return c.json({ error: e.message }, 400);
      if (e instanceof QueryError) return c.json({ error: e.text }, 400);
      throw e;
    }
  };
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  app.post("/api/departments/merge", (c) => run(c, (w, b) => mergeDepartments(w, str(b.from), str(b.into))));
  app.post("/api/departments/rename", (c) => run(c, (w, b) => renameDepartment(w, str(b.old), str(b.name))));
  app.post("/api/departments/split", (c) => run(c, (w, b) => splitAlias(w, str(b.alias))));
  for (const action of ["merge", "rename", "split"] as const) {
    app.post(`/api/projects/${action}`, (c) => run(c, (w, b) => correctProject(w, str(b.department), action, str(b.a), str(b.b))));
  }
}

/** Projects with their years (as `jixiao projects`), money in 万元 as printed by the CLI and exact 分 beside it. */
export function registerProjects(app: Hono, db: Database.Database): void {
  app.get("/api/projects", (c) => {
    const dep = c.req.query("department");
    const id = c.req.query("departmentId");
    const list = listProjects(db, id && /^\d+$/.test(id) ? { departmentIds: [Number(id)] } : { departments: dep ? [dep] : undefined });
    return c.json(list.map((p) => ({ ...p, years: p.years.map((y) => ({ ...y, cells: projectYearCells(y) })) })));
  });
}
