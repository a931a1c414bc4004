/**
 * Import through the web app's API: uploads are streamed into the folder beside the database under a safe name, one
 * ingest run at a time stores them with live progress, and nothing is written outside that folder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../../src/serve/app.js";
import { Imports, safeName } from "../../src/serve/imports.js";
import { openDb, type Db } from "../../src/store/db.js";
import { tempDb } from "../query/helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HOST = "127.0.0.1:8321";
const reports = path.join(repoRoot, "fixtures/reports");

describe("import through the API", () => {
  let t: ReturnType<typeof tempDb>;
  let ro: Db;
  let imports: Imports;
  let app: ReturnType<typeof createApp>;
  const post = (p: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    app.request(p, { method: "POST", body, headers: { host: HOST, "x-jixiao-request": "1", ...headers } });

  beforeAll(() => {
    t = tempDb();
    ro = openDb(t.file, { readonly: true });
    imports = new Imports(t.db, path.join(t.dir, "jixiao-uploads"), { jobs: 1 });
    app = createApp({ db: ro, token: null, hosts: [HOST], readOnly: false, imports, writer: t.db });
  });
  afterAll(() => {
    ro?.close();
    t?.cleanup();
  });

  it("file names are reduced to a plain name inside the folder", () => {
    expect(safeName("../../etc/passwd")).toBe("passwd");
    expect(safeName("C:\\x\\报告.pdf")).toBe("报告.pdf");
    expect(safeName("..")).toBe("file");
    expect(safeName("a\u0000b\u001b.txt")).toBe("ab.txt");
  });

  it("uploads, runs one ingest with progress, and stores the reports", async () => {
    const names: string[] = [];
    for (const f of ["dept01-2021.txt", "dept01-2023.pdf", "../../../escape.txt"]) {
      const bytes = readFileSync(path.join(reports, path.basename(f) === "escape.txt" ? "dept02-2021.txt" : f));
      const r = await post(`/api/import/files?name=${encodeURIComponent(f)}`, new Uint8Array(bytes));
      expect(r.status).toBe(200);
      const j = (await r.json()) as { name: string; size: number };
      expect(j.size).toBe(bytes.length);
      names.push(j.name);
    }
    expect(readdirSync(path.join(t.dir, "jixiao-uploads")).sort()).toEqual([...names].sort());
    expect(existsSync(path.join(t.dir, "..", "escape.txt"))).toBe(false);

    const start = await post("/api/import/runs", JSON.stringify({ names }), { "content-type": "application/json" });
    expect(start.status).toBe(202);
    const job = (await start.json()) as { id: number; files: number };
    expect(job.files).toBe(3);
    // A second run while the first goes on is refused.
    const again = await post("/api/import/runs", JSON.stringify({ names }), { "content-type": "application/json" });
    expect(again.status).toBe(409);

    // The event stream ends with the finished job.
    const events = await app.request(`/api/import/runs/${job.id}/events`, { headers: { host: HOST } });
    expect(events.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = await events.text();
    const last = JSON.parse(text.trim().split("\n").filter((l) => l.startsWith("data:")).pop()!.slice(5)) as { finished: boolean; done: number; summary: { imported: number } };
    expect(last.finished).toBe(true);
    expect(last.done).toBe(3);
    expect(last.summary.imported).toBe(3);
    const stored = t.db.prepare("SELECT COUNT(*) AS n FROM documents WHERE status = 'ok'").get() as { n: number };
    expect(stored.n).toBe(3);
  }, 120_000);

  it("refuses an empty upload, a run with no names, and everything on a read-only server", async () => {
    expect((await post("/api/import/files?name=a.txt", new Uint8Array(0))).status).toBe(413);
    expect((await post("/api/import/runs", JSON.stringify({ names: [] }), { "content-type": "application/json" })).status).toBe(400);
    const readOnly = createApp({ db: ro, token: null, hosts: [HOST], readOnly: true });
    const r = await readOnly.request("/api/import/files?name=a.txt", { method: "POST", body: "x", headers: { host: HOST, "x-jixiao-request": "1" } });
    expect(r.status).toBe(403);
  });

  it("renames and merges departments (after the import above), with a clear refusal for an unknown name", async () => {
    const json = { "content-type": "application/json" };
    const names = (t.db.prepare("SELECT name FROM departments ORDER BY id").all() as Array<{ name: string }>).map((d) => d.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const renamed = await post("/api/departments/rename", JSON.stringify({ old: names[0], name: "改名后的测试局" }), json);
    expect(renamed.status).toBe(200);
    expect((t.db.prepare("SELECT COUNT(*) AS n FROM departments WHERE name = '改名后的测试局'").get() as { n: number }).n).toBe(1);
    const merged = await post("/api/departments/merge", JSON.stringify({ from: names[1], into: "改名后的测试局" }), json);
    expect(merged.status).toBe(200);
    expect((t.db.prepare("SELECT COUNT(*) AS n FROM departments WHERE name = ?").get(names[1]) as { n: number }).n).toBe(0);
    const unknown = await post("/api/departments/rename", JSON.stringify({ old: "没有这个单位", name: "x局" }), json);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error.length).toBeGreaterThan(0);
  });

  it("renames a project through the API (stored as the user's correction), and refuses an unknown one with the candidates", async () => {
    const { listProjects } = await import("../../src/query/projects.js");
    const p = listProjects(t.db).find((x) => x.departmentId !== null);
    expect(p).toBeDefined();
    const json = { "content-type": "application/json" };
    const r = await post("/api/projects/rename", JSON.stringify({ department: p!.department, a: p!.project, b: "更正后的项目名" }), json);
    expect(r.status, await r.clone().text()).toBe(200);
    expect(listProjects(t.db).some((x) => x.project === "更正后的项目名")).toBe(true);
    const bad = await post("/api/projects/rename", JSON.stringify({ department: p!.department, a: "没有这个项目", b: "x" }), json);
    expect(bad.status).toBe(400);
  });
});
