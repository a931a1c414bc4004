/**
 * Where a disclosure figure was printed: an amount atom of a table line, or a stretch of the 情况说明 stream, mapped
 * back to its block, cell and character span (provenance.ts). Lines collapse or drop spaces; the span is counted in
 * the cell's or block's own norm text.
 */
import { NO_PROVENANCE, type FigureProvenance } from "../provenance.js";
import type { Atom, Line, LineCell } from "./layout.js";

const isSpace = (c: string) => /\s/.test(c);

/**
 * Where each character of a norm text lands when spaces are removed (`stripped`) or space runs collapsed to one and the
 * ends trimmed (`collapsed`): offsets into the norm, made once per text. A line of a runaway paragraph can be the whole
 * document, and mapping each of its figures by walking the text from its start was quadratic.
 */
interface OffsetMaps {
  stripped: Int32Array;
  collapsed: Int32Array;
}

const MAPS = new Map<string, OffsetMaps>();
const MAPS_LIMIT = 256;

function offsetMaps(norm: string): OffsetMaps {
  const hit = MAPS.get(norm);
  if (hit) return hit;
  const stripped: number[] = [];
  const collapsed: number[] = [];
  let j = 0;
  while (j < norm.length && isSpace(norm[j])) j++;
  for (; j < norm.length; j++) {
    if (!isSpace(norm[j])) {
      stripped.push(j);
      collapsed.push(j);
    } else if (!isSpace(norm[j - 1])) collapsed.push(j);
  }
  const maps = { stripped: Int32Array.from(stripped), collapsed: Int32Array.from(collapsed) };
  // Small and bounded: lines are mapped while their figures are read, then no longer asked for.
  if (MAPS.size >= MAPS_LIMIT) MAPS.delete(MAPS.keys().next().value as string);
  MAPS.set(norm, maps);
  return maps;
}

/** Offset in `norm` of character `i` of norm with space runs collapsed to one space and the ends trimmed. */
function fromCollapsed(norm: string, i: number): number {
  const map = offsetMaps(norm).collapsed;
  return i < map.length ? map[i] : norm.length;
}

/** Offset in `norm` of character `i` of norm with every space removed. */
function fromStripped(norm: string, i: number): number {
  const map = offsetMaps(norm).stripped;
  return i < map.length ? map[i] : norm.length;
}

/** Length of norm with every space removed. */
function strippedLength(norm: string): number {
  return offsetMaps(norm).stripped.length;
}

function provenance(line: Line, cell: LineCell, start: number | null, end: number | null): FigureProvenance {
  const span = cell.base !== null && start !== null && end !== null && start < end ? { start: cell.base + start, end: cell.base + end } : null;
  return { page: line.page, block: line.block, bbox: cell.bbox ?? line.blockBox, span, cell: cell.cell };
}

export function atomProvenance(line: Line, atom: Atom): FigureProvenance {
  const cell = line.cells[atom.cell];
  if (!cell) return NO_PROVENANCE;
  if (atom.at < 0) return provenance(line, cell, null, null);
  return provenance(line, cell, fromCollapsed(cell.norm, atom.at), fromCollapsed(cell.norm, atom.at + atom.length - 1) + 1);
}

/** Lines joined into one text (`Line.text`, spaces removed), and where each line starts in it. */
export interface LineStream {
  text: string;
  lines: Line[];
  starts: number[];
}

export function lineStream(lines: Line[]): LineStream {
  const starts: number[] = [];
  let length = 0;
  for (const l of lines) {
    starts.push(length);
    length += l.text.length;
  }
  return { text: lines.map((l) => l.text).join(""), lines, starts };
}

/** The line holding stream position `at`. */
export function lineAt(s: LineStream, at: number): number {
  let lo = 0;
  let hi = s.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where [start, end) of the stream was printed (a stretch crossing cells or lines ends with the first). */
export function streamProvenance(s: LineStream, start: number, end: number): FigureProvenance {
  if (s.lines.length === 0) return NO_PROVENANCE;
  const k = lineAt(s, start);
  const line = s.lines[k];
  let offset = start - s.starts[k];
  let stop = end - s.starts[k];
  for (const cell of line.cells) {
    const n = strippedLength(cell.norm);
    if (offset < n) {
      stop = Math.min(stop, n);
      return provenance(line, cell, fromStripped(cell.norm, offset), fromStripped(cell.norm, stop - 1) + 1);
    }
    offset -= n;
    stop -= n;
  }
  return NO_PROVENANCE;
}
