/**
 * Line recognition in batches: line images (RGBA, 48 px high) of similar width are run through the recogniser
 * together, padded on the right with paper, and greedy-CTC decoded with each character's probability and position.
 * One run per line (the package's way) spends much of its time per call; batches of up to REC_BATCH lines whose
 * widths differ by at most a third cost little padding.
 */
export interface LineImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface LineRead {
  text: string;
  conf: number[];
  at: number[];
}

export interface RecTensor {
  dims: readonly number[];
  data: Float32Array;
}

export type RunRec = (data: Float32Array, dims: number[]) => Promise<RecTensor>;

const REC_BATCH = 8;
const WIDTH_SPREAD = 4 / 3;

export async function readLines(run: RunRec, dict: string[], lines: LineImage[]): Promise<LineRead[]> {
  const out: LineRead[] = new Array(lines.length);
  const order = lines.map((_, i) => i).sort((a, b) => lines[a].width - lines[b].width);
  for (let s = 0; s < order.length; ) {
    let e = s + 1;
    while (e < order.length && e - s < REC_BATCH && lines[order[e]].width <= lines[order[s]].width * WIDTH_SPREAD) e++;
    const batch = order.slice(s, e);
    const h = lines[batch[0]].height;
    const w = Math.max(...batch.map((i) => lines[i].width));
    const plane = w * h;
    // Paper (+1 after scaling) to the right of narrower lines.
    const input = new Float32Array(batch.length * 3 * plane).fill(1);
    batch.forEach((li, b) => fill(input, b * 3 * plane, w, lines[li]));
    const res = await run(input, [batch.length, 3, h, w]);
    batch.forEach((li, b) => (out[li] = decode(res, b, dict, w / lines[li].width)));
    s = e;
  }
  return out;
}

/**
 * One line into the batch tensor at `base`: channel order B, G, R as the package feeds it, values scaled to -1..1 as
 * PaddleOCR trains the recogniser (the package's 0..1 lost decimal points and read more 、 for ，on scans).
 */
function fill(input: Float32Array, base: number, w: number, img: LineImage): void {
  const plane = w * img.height;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = 4 * (y * img.width + x);
      const o = base + y * w + x;
      input[o] = (img.data[i + 2] / 255) * 2 - 1;
      input[o + plane] = (img.data[i + 1] / 255) * 2 - 1;
      input[o + 2 * plane] = (img.data[i] / 255) * 2 - 1;
    }
  }
}

/** Greedy CTC decoding of batch item `b`; `stretch` maps a time step's share of the padded width to the line's. */
function decode(out: RecTensor, b: number, dict: string[], stretch: number): LineRead {
  const steps = out.dims[1];
  const classes = out.dims[2];
  let text = "";
  const conf: number[] = [];
  const at: number[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let prob = -Infinity;
    const base = (b * steps + t) * classes;
    for (let c = 0; c < classes; c++) {
      const v = out.data[base + c];
      if (v > prob) {
        prob = v;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      const ch = dict[best - 1] ?? "";
      text += ch;
      for (let k = 0; k < ch.length; k++) {
        conf.push(prob);
        at.push(Math.min(1, ((t + 0.5) / steps) * stretch));
      }
    }
    prev = best;
  }
  return { text, conf, at };
}
