/** The options that bound one input file's time and size, shared by every command that reads files. */
import type { Command } from "commander";
import { CliExit, EXIT } from "./exit-codes.js";
import { DEFAULT_FILE_TIMEOUT_S, DEFAULT_MAX_FILE_BYTES, HARD_MAX_FILE_BYTES, OCR_PAGE_TIMEOUT_S } from "../limits.js";
import type { OcrMode } from "../formats/types.js";

// Here rather than beside the readers: `--help` and `--version` must not load the formats layer.
const OCR_MODES: readonly OcrMode[] = ["auto", "off", "force"];

export interface LimitOptions {
  fileTimeout: string;
  maxFileSize: string;
  ocr: string;
}

export interface Limits {
  /** Seconds; 0 = no deadline. */
  fileTimeout: number;
  maxFileBytes: number;
  ocr: OcrMode;
}

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .option("--file-timeout <seconds>", `单个文件的解析时限，超时即中止并记为失败；每个 OCR 页另加 ${OCR_PAGE_TIMEOUT_S} 秒；0 = 不限 (seconds one file may parse, plus ${OCR_PAGE_TIMEOUT_S} per OCR'd page; 0 = no limit)`, String(DEFAULT_FILE_TIMEOUT_S))
    .option("--max-file-size <size>", "单个文件的大小上限，如 512M、1G (largest file read, e.g. 512M, 1G; at most 2G)", `${DEFAULT_MAX_FILE_BYTES / 2 ** 20}M`)
    .option("--ocr <mode>", "扫描页与图片的文字识别：auto = 仅识别无文字层的页，off = 不识别，force = 每页都识别 (OCR: auto|off|force)", "auto");
}

const UNITS: Record<string, number> = { "": 1, B: 1, K: 2 ** 10, KB: 2 ** 10, M: 2 ** 20, MB: 2 ** 20, G: 2 ** 30, GB: 2 ** 30 };

export function parseSize(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(s);
  if (!m) return null;
  const n = Math.floor(Number(m[1]) * UNITS[m[2].toUpperCase()]);
  return n > 0 ? n : null;
}

export function parseLimits(o: LimitOptions): Limits {
  const t = Number(o.fileTimeout);
  if (!Number.isFinite(t) || t < 0) throw new CliExit(EXIT.USAGE, `jixiao: --file-timeout 须为不小于 0 的秒数，而不是“${o.fileTimeout}” (--file-timeout must be seconds ≥ 0)`);
  const size = parseSize(o.maxFileSize);
  if (size === null) throw new CliExit(EXIT.USAGE, `jixiao: --max-file-size 须为大小，如 512M、1G，而不是“${o.maxFileSize}” (--max-file-size must be a size)`);
  if (size > HARD_MAX_FILE_BYTES + 1) throw new CliExit(EXIT.USAGE, "jixiao: --max-file-size 最大为 2G (--max-file-size is at most 2G)");
  if (!(OCR_MODES as readonly string[]).includes(o.ocr)) throw new CliExit(EXIT.USAGE, `jixiao: --ocr 须为 auto|off|force，而不是“${o.ocr}” (--ocr must be auto, off or force)`);
  return { fileTimeout: t, maxFileBytes: Math.min(size, HARD_MAX_FILE_BYTES), ocr: o.ocr as OcrMode };
}

/** Worker threads beyond this are refused: each holds about 75–130 MB, and more threads than cores only add memory. */
export function maxJobs(cores: number): number {
  return Math.max(2, cores * 2);
}
