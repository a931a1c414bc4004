/**
 * Page images for OCR: 8-bit gray rasters, straightened (scans lean by a degree or two, which would tear lines and
 * table rows apart) and searched for table borders, which a scan keeps only as pixels.
 */
import type { Ruling } from "./pdf-rulings.js";

/** One 8-bit gray channel, row by row. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4): Raster {
  const data = new Uint8Array(width * height);
  for (let i = 0, o = 0; i < data.length; i++, o += channels) {
    data[i] = channels >= 3 ? (rgba[o] * 77 + rgba[o + 1] * 150 + rgba[o + 2] * 29) >> 8 : rgba[o];
    // Transparent pixels are paper.
    if (channels === 4 && rgba[o + 3] < 128) data[i] = 255;
    else if (channels === 2 && rgba[o + 1] < 128) data[i] = 255;
  }
  return { data, width, height };
}

/** Darker than this is ink. */
const INK = 160;
/** The lean searched for, in degrees either way; a scan leaning more is a photograph, beyond this reader. */
const MAX_SKEW = 3;
const SKEW_STEP = 0.05;

/**
 * The page's lean in degrees (positive: lines fall to the right), from the projection of ink onto rows: rows of
 * text and table borders give the sharpest profile when the projection follows their slope. Measured on a
 * half-size copy: about 60 profiles of some 50,000 ink points.
 */
export function estimateSkew(r: Raster): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < r.height; y += 2) {
    for (let x = 0; x < r.width; x += 2) {
      // In half-size units: bins a pixel apart would alias (only even rows hold points), favouring 0°.
      if (r.data[y * r.width + x] < INK) {
        xs.push(x / 2);
        ys.push(y / 2);
      }
    }
  }
  if (xs.length < 200) return 0;
  const bins = new Float64Array(Math.ceil((r.height + r.width) / 2) + 2);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const off = Math.ceil(r.width / 2);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i] - xs[i] * t) + off]++;
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i] * bins[i];
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -MAX_SKEW; d <= MAX_SKEW + 1e-9; d += SKEW_STEP * 4) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - SKEW_STEP * 4; d <= coarse + SKEW_STEP * 4 + 1e-9; d += SKEW_STEP) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.abs(best) < SKEW_STEP ? 0 : best;
}

/** The raster turned by -`deg` about its centre (bilinear), same size, uncovered corners white. */
export function rotate(r: Raster, deg: number): Raster {
  const { width: w, height: h, data } = r;
  const out = new Uint8Array(w * h).fill(255);
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // Where this output pixel comes from: the inverse of turning the source by -deg.
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i] + (data[i + 1] - data[i]) * fx;
      const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
      out[y * w + x] = Math.round(top + (bottom - top) * fy);
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * A border pixel is this much darker than the paper: a hairline border blurred by the scan is a band of light gray
 * (about 150 on paper of 230), so a fixed ink level misses it.
 */
const RULE_CONTRAST = 45;
/** A gap of this many pixels (speckle, JPEG loss, a crossing) does not break a border. */
const RULE_GAP = 3;
/** Borders are at least this long, in points: longer than any stroke of a character. */
const RULE_MIN_PT = 28;
/** Thicker than this, in points, a dark band is a filled area or bold print, not a border. */
const RULE_MAX_PT = 3;

/**
 * Table borders in the raster as rulings in page points (`scale`: pixels per point): runs of ink at least RULE_MIN_PT
 * long, rows of runs that overlap merged into one border of at most RULE_MAX_PT thickness.
 */
export function rasterRulings(r: Raster, scale: number): Ruling[] {
  const minLen = Math.round(RULE_MIN_PT * scale);
  const maxThick = Math.max(2, Math.round(RULE_MAX_PT * scale));
  const ink = paperLevel(r) - RULE_CONTRAST;
  const horizontal = runs(r, minLen, false, ink);
  const vertical = runs(r, minLen, true, ink);
  return [...bands(horizontal, maxThick, "h", scale), ...bands(vertical, maxThick, "v", scale)];
}

interface Run {
  line: number;
  from: number;
  to: number;
}

/** The paper's gray: the median pixel (a report page is mostly paper). */
function paperLevel(r: Raster): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < r.data.length; i++) hist[r.data[i]]++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen * 2 >= r.data.length) return v;
  }
  return 255;
}

function runs(r: Raster, minLen: number, vertical: boolean, inkBelow: number): Run[] {
  const out: Run[] = [];
  const lines = vertical ? r.width : r.height;
  const len = vertical ? r.height : r.width;
  const at = vertical ? (line: number, k: number) => r.data[k * r.width + line] : (line: number, k: number) => r.data[line * r.width + k];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    for (let k = 0; k <= len; k++) {
      const ink = k < len && at(line, k) < inkBelow;
      if (ink) {
        if (start < 0) start = k;
        last = k;
      } else if (start >= 0 && k - last > RULE_GAP) {
        if (last - start + 1 >= minLen) out.push({ line, from: start, to: last });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs on neighbouring lines that overlap are one border: its centre line and the union of its extent. */
function bands(all: Run[], maxThick: number, dir: "h" | "v", scale: number): Ruling[] {
  const open: Array<{ first: number; last: number; from: number; to: number; sum: number; n: number }> = [];
  const done: typeof open = [];
  for (const run of all) {
    const band = open.find((b) => b.last >= run.line - 1 && run.from <= b.to && run.to >= b.from);
    if (band) {
      band.last = run.line;
      band.from = Math.min(band.from, run.from);
      band.to = Math.max(band.to, run.to);
      band.sum += run.line;
      band.n++;
    } else {
      open.push({ first: run.line, last: run.line, from: run.from, to: run.to, sum: run.line, n: 1 });
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].last < run.line - 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  const out: Ruling[] = [];
  for (const b of done) {
    if (b.last - b.first + 1 > maxThick) continue;
    out.push({ dir, at: b.sum / b.n / scale, from: b.from / scale, to: (b.to + 1) / scale });
  }
  return out;
}
