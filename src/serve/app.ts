/**
 * `jixiao serve`'s HTTP application (Hono): the JSON API under /api/ and the one-page app that uses it. Every asset is
 * served from here (works offline). Requests are refused unless they come through an expected Host (a web page
 * elsewhere cannot reach the server by DNS rebinding) and, when a token is set, carry it; state-changing requests
 * must also carry a header a plain cross-site form cannot send.
 */
import { timingSafeEqual } from "node:crypto";
import path from "node:path";
import { Hono, type Context } from "hono";
import { streamSSE } from "hono/streaming";
import type Database from "better-sqlite3";
import { isInputError } from "../errors.js";
import { QueryError } from "../query/errors.js";
import { trend } from "../query/trend.js";
import { compare } from "../query/compare.js";
import { METRICS } from "../extract/metric-catalog.js";
import { search } from "../query/search.js";
import { runSqlLimited } from "../query/sql-limited.js";
import { departmentPage, documentFile, findingDetail, findingList, overview } from "./data.js";
import { PageImages } from "./page-images.js";
import { registerCorrections, registerExports, registerProjects } from "./routes-more.js";
import type { ImportJob, Imports } from "./imports.js";
import { CLIENT_JS } from "./client.js";
import { CLIENT_COMPARE_JS } from "./client-compare.js";
import { CLIENT_CSS, pageShell } from "./page-shell.js";

export interface AppOptions {
  db: Database.Database;
  /** Required on every request when set (`?token=`, the cookie it sets, or `Authorization: Bearer`). */
  token: string | null;
  /** Host headers accepted (host:port, lower case); empty = any (only when a token guards the server). */
  hosts: string[];
  readOnly: boolean;
  /** Browser imports (absent on a read-only server). */
  imports?: Imports | null;
  /** The writable connection for department corrections (absent on a read-only server). */
  writer?: Database.Database | null;
  /** Where relative document paths stored by an ingest are resolved (the server's working directory). */
  cwd?: string;
  sqlTimeoutMs?: number;
}

const COOKIE = "jixiao_token";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === COOKIE) return decodeURIComponent(v.join("="));
  }
  return null;
}

function intParam(c: Context, name: string): number | null {
  const v = c.req.param(name) ?? c.req.query(name);
  if (v === undefined || !/^\d{1,9}$/.test(v)) return null;
  return Number(v);
}

function fail(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 500, message: string) {
  return c.json({ error: message }, status);
}

export function createApp(opts: AppOptions): Hono {
  const { db } = opts;
  const images = new PageImages();
  const app = new Hono();

  app.use("*", async (c, next) => {
    const host = (c.req.header("host") ?? "").toLowerCase();
    if (opts.hosts.length && !opts.hosts.includes(host)) return c.text("主机名不被接受 (unexpected Host header)", 403);
    if (opts.token) {
      const given = c.req.query("token") ?? cookieToken(c.req.header("cookie")) ?? c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
      if (!sameSecret(given, opts.token)) return c.text("需要访问令牌 (access token required)", 401);
      if (c.req.query("token")) c.header("Set-Cookie", `${COOKIE}=${encodeURIComponent(opts.token)}; Path=/; HttpOnly; SameSite=Strict`);
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      if (c.req.header("x-jixiao-request") !== "1") return c.text("缺少请求头 X-Jixiao-Request (missing X-Jixiao-Request header)", 403);
      if (opts.readOnly) return c.text("只读模式，不能修改 (read-only server)", 403);
    }
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    await next();
  });

  app.onError((e, c) => {
    if (e instanceof QueryError) return fail(c, 400, e.message);
    if (isInputError(e)) return fail(c, 404, e.line);
    return fail(c, 500, `服务器内部错误 (${e instanceof Error ? e.message : String(e)})`);
  });

  app.get("/", (c) => {
    c.header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'");
    return c.html(pageShell({ readOnly: opts.readOnly }));
  });
  app.get("/assets/app.js", (c) => c.body(CLIENT_JS + CLIENT_COMPARE_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  app.get("/assets/app.css", (c) => c.body(CLIENT_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));

  app.get("/api/departments", (c) => c.json(overview(db)));
  app.get("/api/departments/:id", (c) => {
    const id = intParam(c, "id");
    const page = id === null ? null : departmentPage(db, id);
    return page ? c.json(page) : fail(c, 404, "没有这个部门 (no such department)");
  });
  app.get("/api/findings", (c) => {
    const year = c.req.query("year");
    const limit = c.req.query("limit");
    const severity = c.req.query("severity");
    if (severity && !["error", "warning", "info"].includes(severity)) return fail(c, 400, "severity 只能是 error、warning 或 info");
    return c.json(
      findingList(db, {
        severity,
        department: c.req.query("department") || undefined,
        year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
        rule: c.req.query("rule") || undefined,
        limit: limit && /^\d+$/.test(limit) ? Number(limit) : undefined,
      }),
    );
  });
  app.get("/api/findings/:id", (c) => {
    const id = intParam(c, "id");
    const f = id === null ? null : findingDetail(db, id);
    return f ? c.json(f) : fail(c, 404, "没有这个问题 (no such finding)");
  });
  app.get("/api/metrics", (c) => c.json(METRICS.filter((m) => m.unitKind !== "text").map((m) => ({ key: m.key, name: m.name, unitKind: m.unitKind }))));
  app.get("/api/trend", (c) => {
    const metric = c.req.query("metric");
    if (!metric) return fail(c, 400, "缺少 metric 参数 (metric is required)");
    const dept = c.req.query("department");
    return c.json(trend(db, { metric, departments: dept ? [dept] : undefined, kind: c.req.query("kind") || undefined }));
  });
  app.get("/api/compare", (c) => {
    const metric = c.req.query("metric");
    if (!metric) return fail(c, 400, "缺少 metric 参数 (metric is required)");
    const year = Number(c.req.query("year"));
    const top = Number(c.req.query("top") ?? 0);
    return c.json(compare(db, { metric, year, top: Number.isInteger(top) && top > 0 ? top : null, kind: c.req.query("kind") || undefined }));
  });
  app.get("/api/search", (c) => {
    const q = c.req.query("q") ?? "";
    const limit = Number(c.req.query("limit") ?? 50);
    return c.json(search(db, q, { limit: Number.isFinite(limit) ? limit : 50 }));
  });
  app.get("/api/sql", async (c) => {
    const q = c.req.query("q");
    if (!q) return fail(c, 400, "缺少 q 参数 (q is required)");
    return c.json(await runSqlLimited(db, q, opts.sqlTimeoutMs));
  });
  app.get("/api/documents/:id/pages/:page{[0-9]+\\.png}", async (c) => {
    const id = intParam(c, "id");
    const page = Number(c.req.param("page").replace(/\.png$/, ""));
    const doc = id === null ? null : documentFile(db, id);
    if (!doc) return fail(c, 404, "没有这个文件 (no such document)");
    if (doc.format !== "pdf") return fail(c, 404, "只有 PDF 有页面图像 (page images exist for PDF only)");
    const file = path.resolve(opts.cwd ?? process.cwd(), doc.path);
    let img;
    try {
      img = await images.get(file, page);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return fail(c, 404, `${doc.path}: 文件已不在原处 (file no longer at its stored path)`);
      throw e;
    }
    return c.body(new Uint8Array(img.png), 200, {
      "Content-Type": "image/png",
      "Cache-Control": "private, max-age=3600",
      "X-Page-Scale": String(img.scale),
      "X-Page-Width": String(img.width),
      "X-Page-Height": String(img.height),
    });
  });
  registerExports(app, db);
  registerProjects(app, db);
  registerCorrections(app, opts.writer ?? null);
  const imports = opts.imports ?? null;
  const jobView = (j: ImportJob) => ({ ...j, elapsed: (Date.now() - j.startedAt) / 1000 });
  app.post("/api/import/files", async (c) => {
    if (!imports) return fail(c, 403, "只读模式，不能导入 (read-only server)");
    const name = c.req.query("name");
    if (!name) return fail(c, 400, "缺少 name 参数 (name is required)");
    try {
      return c.json(await imports.save(name, c.req.raw.body));
    } catch (e) {
      return fail(c, 413, e instanceof Error ? e.message : String(e));
    }
  });
  app.post("/api/import/runs", async (c) => {
    if (!imports) return fail(c, 403, "只读模式，不能导入 (read-only server)");
    const body = (await c.req.json().catch(() => null)) as { names?: unknown } | null;
    const names = Array.isArray(body?.names) ? body.names.filter((n): n is string => typeof n === "string") : [];
    if (!names.length) return fail(c, 400, "没有要导入的文件 (no files named)");
    const job = imports.start(names);
    return job ? c.json(jobView(job), 202) : fail(c, 409, "另一批导入正在进行 (another import is running)");
  });
  app.get("/api/import/runs/:id", (c) => {
    const id = intParam(c, "id");
    const job = id === null || !imports ? null : imports.get(id);
    return job ? c.json(jobView(job)) : fail(c, 404, "没有这次导入 (no such import)");
  });
  app.get("/api/import/runs/:id/events", (c) => {
    const id = intParam(c, "id");
    const job = id === null || !imports ? null : imports.get(id);
    if (!job || !imports) return fail(c, 404, "没有这次导入 (no such import)");
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | null = null;
      const stop = imports.watch((j) => j.id === job.id && wake?.());
      try {
        for (;;) {
          await stream.writeSSE({ event: "progress", data: JSON.stringify(jobView(job)) });
          if (job.finished || stream.aborted) break;
          await new Promise<void>((r) => {
            wake = r;
            setTimeout(r, 1000); // a heartbeat: elapsed time and pages/s move even between files
          });
        }
      } finally {
        stop();
      }
    });
  });

  app.notFound((c) => (c.req.path.startsWith("/api/") ? fail(c, 404, "没有这个接口 (no such endpoint)") : c.text("未找到 (not found)", 404)));
  return app;
}
