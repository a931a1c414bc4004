import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliExit, EXIT } from "../exit-codes.js";
import path from "node:path";
import { addDbOption, withDb, withReadonlyDb } from "../support.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export function register(program: Command, io: CliIo): void {
  const cmd = program
    .command("serve")
    .description("本地网页应用：总览、部门、问题及原文页面上的方框、搜索、SQL (local web app on the same database)")
    .option("--port <n>", "端口 (port)", "8321")
    .option("--host <addr>", "监听地址；非本机地址必须带访问令牌 (address to bind; any non-loopback address requires a token)", "127.0.0.1")
    .option("--token <secret>", "访问令牌；非本机地址时不给则自动生成 (access token; generated for a non-loopback host when not given)")
    .option("--read-only", "只读：拒绝一切修改请求 (refuse every request that would change the database)")
    .option("--open", "启动后用浏览器打开 (open the app in a browser)");
  addDbOption(cmd);
  cmd.action(async (opts: { db?: string; port: string; host: string; token?: string; readOnly?: boolean; open?: boolean }) => {
    if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535) throw new CliExit(EXIT.USAGE, `jixiao: --port 须为 0–65535 的整数 (not a port): ${opts.port}`);
    const { randomBytes } = await import("node:crypto");
    const loopback = LOOPBACK.has(opts.host);
    const token = opts.token ?? (loopback ? null : randomBytes(18).toString("base64url"));
    const { createApp } = await import("../../serve/app.js");
    const { serve } = await import("@hono/node-server");
    const { Imports } = await import("../../serve/imports.js");
    const readOnly = opts.readOnly === true;
    // Reads (and the SQL page) use a read-only connection; imports write through a second one, as `ingest` would.
    await withReadonlyDb(io, opts, (db) => withDb(io, opts, async (writer) => {
      const port = Number(opts.port);
      const hostsFor = (p: number) => (token ? [] : [`127.0.0.1:${p}`, `localhost:${p}`, `[::1]:${p}`]);
      const hosts: string[] = [];
      const imports = readOnly ? null : new Imports(writer, path.join(path.dirname(writer.name), "jixiao-uploads"));
      const app = createApp({ db, token, hosts, readOnly, imports, writer: readOnly ? null : writer });
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
          hosts.push(...hostsFor(info.port));
          const shown = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
          const url = `http://${shown}:${info.port}/${token ? `?token=${encodeURIComponent(token)}` : ""}`;
          io.stdout.write(`jixiao serve: ${url}\n（Ctrl+C 停止 / stop）\n`);
          if (opts.open) void openBrowser(io, url);
        });
        server.on("error", (e: NodeJS.ErrnoException) =>
          reject(e.code === "EADDRINUSE" || e.code === "EACCES" || e.code === "EADDRNOTAVAIL"
            ? new CliExit(EXIT.USAGE, `jixiao: ${opts.host}:${port}: 无法监听 (cannot listen: ${e.code})`)
            : e),
        );
        const stop = () => server.close(() => resolve());
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    }, !readOnly));
  });
}

async function openBrowser(io: CliIo, url: string): Promise<void> {
  const { spawn } = await import("node:child_process");
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    spawn(cmd, [url], { stdio: "ignore", detached: true }).on("error", () => io.stderr.write(`jixiao: 无法打开浏览器，请手动访问 ${url}\n`)).unref();
  } catch {
    io.stderr.write(`jixiao: 无法打开浏览器，请手动访问 ${url}\n`);
  }
}
