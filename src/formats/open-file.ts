/**
 * Reading a named input safely: only a regular file, checked on the open descriptor (a name can point at /dev/zero, a
 * FIFO, a socket or a loop of links), and only up to a size cap, so no input holds a run without end or beyond memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { InputError } from "../errors.js";

import { DEFAULT_MAX_FILE_BYTES, HARD_MAX_FILE_BYTES } from "../limits.js";

export function describeBytes(n: number): string {
  return n >= 1 << 30 ? `${(n / 2 ** 30).toFixed(1)} GB` : n >= 1 << 20 ? `${Math.round(n / 2 ** 20)} MB` : `${n} 字节`;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The one-line reason for a failed open or read of `file`. */
export function openError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EISDIR" || ((code === "EACCES" || code === "EPERM") && isDirectory(file))) {
    return new InputError(file, "unsupported", "这是一个目录，不是文件 (is a directory)");
  }
  if (code === "ENOENT" || code === "ENOTDIR") return new InputError(file, "not-found", "文件不存在 (no such file)");
  if (code === "EACCES" || code === "EPERM") return new InputError(file, "unsupported", "没有读取权限 (permission denied)");
  if (code === "ELOOP") return new InputError(file, "not-found", "符号链接循环，无法打开 (too many levels of symbolic links)");
  if (code === "ENAMETOOLONG") return new InputError(file, "not-found", "文件名过长 (file name too long)");
  return new InputError(file, "corrupt", `无法读取文件 (cannot read: ${code ?? (e as Error)?.message ?? String(e)})`, { cause: e });
}

/**
 * Open `file` for reading and check it: a regular file of at most `maxBytes`. Opened non-blocking, so a FIFO fails the
 * check at once instead of waiting for a writer. Returns the descriptor and size; the caller closes it.
 */
export function openRegular(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw openError(file, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(file, "unsupported", "这是一个目录，不是文件 (is a directory)");
    if (!st.isFile()) {
      const what = st.isFIFO() ? "管道 (FIFO)" : st.isCharacterDevice() || st.isBlockDevice() ? "设备文件" : st.isSocket() ? "套接字" : "特殊文件";
      throw new InputError(file, "unsupported", `不是普通文件，而是${what}，已跳过 (not a regular file)`);
    }
    const cap = Math.min(maxBytes, HARD_MAX_FILE_BYTES);
    if (st.size > cap) {
      throw new InputError(file, "too-large", `文件过大（${describeBytes(st.size)}，上限 ${describeBytes(cap)}，可用 --max-file-size 调整）(file too large)`);
    }
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Read a checked file whole. A file that grew past the cap while being read is refused too. */
export function readRegular(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Buffer {
  const { fd, size } = openRegular(file, maxBytes);
  try {
    const cap = Math.min(maxBytes, HARD_MAX_FILE_BYTES);
    let buf = Buffer.allocUnsafe(Math.max(size, 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length >= cap) {
          throw new InputError(file, "too-large", `文件过大（读取时超过上限 ${describeBytes(cap)}）(file too large)`);
        }
        const bigger = Buffer.allocUnsafe(Math.min(cap + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        throw openError(file, e);
      }
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
