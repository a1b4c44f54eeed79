/**
 * Registration of a test mask against its template. Row and column projections give a cheap
 * first estimate of the integer shift per axis (a PCB's traces make them distinctive); a
 * pixel-mismatch search around that estimate on a row-subsampled grid picks the final shift.
 * What is left (scans stretched unevenly by up to a few pixels across the board) is measured
 * per tile and taken out by a smooth local warp. All mismatch counting runs on bit-packed rows.
 */
import { popcount, profileMask, type MaskProfile } from './binarize';
import type { BinaryMask } from './gray-image';

export type Shift = {
  /** The test image's content sits this many pixels right of the template's. */
  dxPx: number;
  /** The test image's content sits this many pixels below the template's. */
  dyPx: number;
};

export type AlignOptions = {
  /** Largest shift searched along each axis. */
  maxShiftPx?: number;
  /** Radius of the exhaustive refinement around the projection estimate. */
  refineRadiusPx?: number;
  /** Every n-th row is compared during refinement. */
  refineRowStep?: number;
};

function bestProjectionShift(template: Float64Array, test: Float64Array, maxShiftPx: number): number {
  const length = template.length;
  let best = 0;
  let bestCost = Infinity;
  for (let shift = -maxShiftPx; shift <= maxShiftPx; shift++) {
    let cost = 0;
    let count = 0;
    for (let i = Math.max(0, -shift); i < Math.min(length, length - shift); i++) {
      cost += Math.abs(template[i] - test[i + shift]);
      count++;
    }
    if (count === 0) continue;
    cost /= count;
    // Ties go to the smaller shift so featureless images stay where they are.
    if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) <= 1e-9 && Math.abs(shift) < Math.abs(best))) {
      bestCost = cost;
      best = shift;
    }
  }
  return best;
}

/** Fraction of compared pixels that differ when `test` is read at (x + dx, y + dy). */
export function mismatchFraction(template: BinaryMask, test: BinaryMask, shift: Shift, rowStep = 1): number {
  const { widthPx: w, heightPx: h } = template;
  const { dxPx: dx, dyPx: dy } = shift;
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(w, w - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(h, h - dy);
  if (x1 <= x0 || y1 <= y0) return 1;
  let differing = 0;
  let compared = 0;
  const templateData = template.data;
  const testData = test.data;
  for (let y = y0; y < y1; y += rowStep) {
    const templateRow = y * w;
    const testRow = (y + dy) * w + dx;
    for (let x = x0; x < x1; x++) differing += templateData[templateRow + x] ^ testData[testRow + x];
    compared += x1 - x0;
  }
  return differing / compared;
}

/** Words k0..k1 of one packed row read `dx` pixels to the right: out bit x = source bit x + dx (0 outside). */
function shiftRowBits(bits: Uint32Array, rowStart: number, words: number, dx: number, out: Uint32Array, k0 = 0, k1 = words - 1): void {
  const q = dx >> 5;
  const r = dx & 31;
  for (let k = k0; k <= k1; k++) {
    const a = k + q;
    const low = a >= 0 && a < words ? bits[rowStart + a] : 0;
    if (r === 0) {
      out[k] = low;
      continue;
    }
    const high = a + 1 >= 0 && a + 1 < words ? bits[rowStart + a + 1] : 0;
    out[k] = (low >>> r) | (high << (32 - r));
  }
}

/** A pixel rectangle, x1 and y1 exclusive. */
export type PixelRect = { x0: number; y0: number; x1: number; y1: number };

/**
 * `mismatchFraction` on bit-packed masks, 32 pixels an operation; the same pixels are
 * compared, so the result is identical. `rect` (end-exclusive) limits the template pixels compared.
 */
function packedMismatchFraction(template: MaskProfile, test: MaskProfile, shift: Shift, rowStep: number, rect?: PixelRect): number {
  const { widthPx: w, heightPx: h } = template.mask;
  const words = template.wordsPerRow;
  const { dxPx: dx, dyPx: dy } = shift;
  const x0 = Math.max(0, -dx, rect?.x0 ?? 0);
  const x1 = Math.min(w, w - dx, rect?.x1 ?? w);
  const y0 = Math.max(0, -dy, rect?.y0 ?? 0);
  const y1 = Math.min(h, h - dy, rect?.y1 ?? h);
  if (x1 <= x0 || y1 <= y0) return 1;
  // Only the words that hold [x0, x1), and which of their bits do.
  const k0 = x0 >> 5;
  const k1 = (x1 - 1) >> 5;
  const wordMask = new Uint32Array(words);
  for (let k = k0; k <= k1; k++) {
    const lo = Math.max(x0, k * 32);
    const hi = Math.min(x1, k * 32 + 32);
    const span = hi - lo;
    wordMask[k] = (span === 32 ? 0xffffffff : ((1 << span) - 1) << (lo - k * 32)) >>> 0;
  }
  const shifted = new Uint32Array(words);
  let differing = 0;
  let compared = 0;
  for (let y = y0; y < y1; y += rowStep) {
    shiftRowBits(test.bits, (y + dy) * words, words, dx, shifted, k0, k1);
    const templateRow = y * words;
    for (let k = k0; k <= k1; k++) differing += popcount((template.bits[templateRow + k] ^ shifted[k]) & wordMask[k]);
    compared += x1 - x0;
  }
  return differing / compared;
}

/**
 * Residual misregistration after the global shift, as a displacement field: the test image's
 * content near (x, y) sits at (x + u, y + v) in the template frame, with u and v measured per
 * tile and interpolated bilinearly between tile centres. Some scans are stretched unevenly by
 * about 1%, which moves edges 3 px apart across the board and eats the edge tolerance.
 */
export type LocalWarp = {
  /** Tile centres along x and along y, ascending. */
  centresX: number[];
  centresY: number[];
  /** Displacement per tile, row-major (centresY.length rows of centresX.length), global shift included. */
  u: Float64Array;
  v: Float64Array;
};

const WARP_GRID = 4;
const WARP_RADIUS_PX = 4;
const WARP_ROW_STEP = 4;
/** A tile's estimate along an axis counts only if moving one pixel off it costs this much more mismatch. */
const WARP_MIN_CONTRAST = 0.001;

/**
 * Measures a `LocalWarp` on a 4×4 grid of tiles, each by descent from `shift`. A tile with no
 * edges across an axis takes its neighbours' displacement along it. Returns undefined when
 * every tile agrees with `shift` (the usual case).
 */
export function estimateLocalWarp(template: MaskProfile, test: MaskProfile, shift: Shift): LocalWarp | undefined {
  const { widthPx: w, heightPx: h } = template.mask;
  const tileW = Math.floor(w / WARP_GRID);
  const tileH = Math.floor(h / WARP_GRID);
  if (tileW < 32 || tileH < 32) return undefined;
  const size = 2 * WARP_RADIUS_PX + 1;
  const centresX: number[] = [];
  const centresY: number[] = [];
  for (let t = 0; t < WARP_GRID; t++) {
    centresX.push(t * tileW + tileW / 2);
    centresY.push(t * tileH + tileH / 2);
  }
  const u = new Float64Array(WARP_GRID * WARP_GRID).fill(shift.dxPx);
  const v = new Float64Array(WARP_GRID * WARP_GRID).fill(shift.dyPx);
  const measuredU = new Uint8Array(WARP_GRID * WARP_GRID);
  const measuredV = new Uint8Array(WARP_GRID * WARP_GRID);
  for (let ty = 0; ty < WARP_GRID; ty++) {
    for (let tx = 0; tx < WARP_GRID; tx++) {
      const rect = { x0: tx * tileW, y0: ty * tileH, x1: (tx + 1) * tileW, y1: (ty + 1) * tileH };
      // Costs are filled in lazily: a descent from the global shift visits a few of them.
      const costs = new Float64Array(size * size).fill(Number.NaN);
      const costAt = (index: number): number => {
        if (Number.isNaN(costs[index])) {
          const candidate = { dxPx: shift.dxPx + (index % size) - WARP_RADIUS_PX, dyPx: shift.dyPx + ((index / size) | 0) - WARP_RADIUS_PX };
          costs[index] = packedMismatchFraction(template, test, candidate, WARP_ROW_STEP, rect);
        }
        return costs[index];
      };
      let bestIndex = WARP_RADIUS_PX * size + WARP_RADIUS_PX;
      for (let moved = true; moved;) {
        moved = false;
        const ci = bestIndex % size;
        const cj = (bestIndex / size) | 0;
        let next = bestIndex;
        for (let j = Math.max(0, cj - 1); j <= Math.min(size - 1, cj + 1); j++) {
          for (let i = Math.max(0, ci - 1); i <= Math.min(size - 1, ci + 1); i++) {
            if (costAt(j * size + i) < costAt(next)) next = j * size + i;
          }
        }
        if (next !== bestIndex) {
          bestIndex = next;
          moved = true;
        }
      }
      const bi = bestIndex % size;
      const bj = (bestIndex / size) | 0;
      const best = costs[bestIndex];
      // An estimate on the search border may lie beyond it; a flat cost means no edges across that axis.
      const tile = ty * WARP_GRID + tx;
      if (bi > 0 && bi < size - 1 && Math.min(costAt(bestIndex - 1), costAt(bestIndex + 1)) - best >= WARP_MIN_CONTRAST) {
        u[tile] = shift.dxPx + bi - WARP_RADIUS_PX;
        measuredU[tile] = 1;
      }
      if (bj > 0 && bj < size - 1 && Math.min(costAt(bestIndex - size), costAt(bestIndex + size)) - best >= WARP_MIN_CONTRAST) {
        v[tile] = shift.dyPx + bj - WARP_RADIUS_PX;
        measuredV[tile] = 1;
      }
    }
  }
  fillFromNeighbours(u, measuredU);
  fillFromNeighbours(v, measuredV);
  const departs = u.some((value) => value !== shift.dxPx) || v.some((value) => value !== shift.dyPx);
  return departs ? { centresX, centresY, u, v } : undefined;
}

/**
 * Tiles with nothing to measure along an axis (no edges across it) take the mean of their
 * measured 4-neighbours, spreading outwards; with no measured tile at all, the field keeps its initial value.
 */
function fillFromNeighbours(field: Float64Array, measured: Uint8Array): void {
  for (let changed = true; changed;) {
    changed = false;
    const filled = measured.slice();
    for (let tile = 0; tile < field.length; tile++) {
      if (measured[tile]) continue;
      const tx = tile % WARP_GRID;
      const ty = (tile / WARP_GRID) | 0;
      let sum = 0;
      let count = 0;
      for (const [nx, ny] of [
        [tx - 1, ty],
        [tx + 1, ty],
        [tx, ty - 1],
        [tx, ty + 1],
      ]) {
        if (nx < 0 || ny < 0 || nx >= WARP_GRID || ny >= WARP_GRID || !measured[ny * WARP_GRID + nx]) continue;
        sum += field[ny * WARP_GRID + nx];
        count++;
      }
      if (count === 0) continue;
      field[tile] = sum / count;
      filled[tile] = 1;
      changed = true;
    }
    measured.set(filled);
  }
}

/** Where `value` falls between ascending `centres`: the lower index and the weight of the upper one (clamped at the ends). */
function bracket(centres: readonly number[], value: number): [number, number] {
  const last = centres.length - 1;
  if (value <= centres[0]) return [0, 0];
  if (value >= centres[last]) return [last, 0];
  let i = 0;
  while (value > centres[i + 1]) i++;
  return [i, (value - centres[i]) / (centres[i + 1] - centres[i])];
}

/**
 * The template moved into the test image's frame by a `LocalWarp` (nearest pixel, to within a
 * few tenths of a pixel): out(x, y) = template(x − u, y − v). Pixels with no template source are 0 in `valid`.
 */
export function warpMask(mask: BinaryMask, warp: LocalWarp): { mask: BinaryMask; valid: Uint8Array } {
  const valid = new Uint8Array(mask.data.length);
  return { mask: warpInto(mask, warp, valid), valid };
}

function warpInto(mask: BinaryMask, warp: LocalWarp, valid?: Uint8Array): BinaryMask {
  const { widthPx: w, heightPx: h } = mask;
  const out = new Uint8Array(w * h);
  // The displacement changes slowly, so runs of WARP_RUN_PX share the one at their centre, and
  // neighbouring runs that share it are copied as one.
  const copy = (y: number, x0: number, x1: number, du: number, sourceY: number): void => {
    if (sourceY < 0 || sourceY >= h) return;
    const from = Math.max(x0, du);
    const to = Math.min(x1, w + du);
    if (to <= from) return;
    const row = y * w;
    const source = sourceY * w - du;
    out.set(mask.data.subarray(source + from, source + to), row + from);
    valid?.fill(1, row + from, row + to);
  };
  // Bilinear interpolation, split: where each run's centre falls between tile columns is fixed,
  // and per row the field is first interpolated down each tile column.
  const columns = warp.centresX.length;
  const runCount = Math.ceil(w / WARP_RUN_PX);
  const runColumn = new Int32Array(runCount);
  const runWeight = new Float64Array(runCount);
  for (let r = 0; r < runCount; r++) {
    const x0 = r * WARP_RUN_PX;
    [runColumn[r], runWeight[r]] = bracket(warp.centresX, (x0 + Math.min(w, x0 + WARP_RUN_PX) - 1) / 2);
  }
  const rowU = new Float64Array(columns);
  const rowV = new Float64Array(columns);
  for (let y = 0; y < h; y++) {
    const [j, fy] = bracket(warp.centresY, y);
    const j1 = Math.min(j + 1, warp.centresY.length - 1);
    for (let i = 0; i < columns; i++) {
      rowU[i] = warp.u[j * columns + i] * (1 - fy) + warp.u[j1 * columns + i] * fy;
      rowV[i] = warp.v[j * columns + i] * (1 - fy) + warp.v[j1 * columns + i] * fy;
    }
    let runStart = 0;
    let runDu = 0;
    let runSourceY = 0;
    for (let r = 0; r < runCount; r++) {
      const i = runColumn[r];
      const i1 = Math.min(i + 1, columns - 1);
      const fx = runWeight[r];
      const du = Math.round(rowU[i] * (1 - fx) + rowU[i1] * fx);
      const sourceY = y - Math.round(rowV[i] * (1 - fx) + rowV[i1] * fx);
      const x0 = r * WARP_RUN_PX;
      if (r === 0) {
        runDu = du;
        runSourceY = sourceY;
      } else if (du !== runDu || sourceY !== runSourceY) {
        copy(y, runStart, x0, runDu, runSourceY);
        runStart = x0;
        runDu = du;
        runSourceY = sourceY;
      }
    }
    copy(y, runStart, w, runDu, runSourceY);
  }
  return { widthPx: w, heightPx: h, data: out };
}

/**
 * The template in the test image's frame, moved by `warp` when there is one and by `shift`
 * otherwise, with the rectangle (end-exclusive) inside which every pixel has a template source.
 */
export function alignTemplate(mask: BinaryMask, shift: Shift, warp?: LocalWarp): { mask: BinaryMask; validRect: PixelRect } {
  const { widthPx: w, heightPx: h } = mask;
  if (!warp) {
    const { dxPx: dx, dyPx: dy } = shift;
    const validRect = { x0: Math.max(0, dx), y0: Math.max(0, dy), x1: Math.min(w, w + dx), y1: Math.min(h, h + dy) };
    return { mask: dx === 0 && dy === 0 ? mask : shiftedCopy(mask, shift), validRect };
  }
  // Rounded displacements never leave the range of the tile values.
  const validRect = {
    x0: Math.max(0, Math.round(Math.max(...warp.u))),
    y0: Math.max(0, Math.round(Math.max(...warp.v))),
    x1: Math.min(w, w + Math.round(Math.min(...warp.u))),
    y1: Math.min(h, h + Math.round(Math.min(...warp.v))),
  };
  return { mask: warpInto(mask, warp), validRect };
}

const WARP_RUN_PX = 16;

export function estimateShift(template: BinaryMask, test: BinaryMask, options: AlignOptions = {}): Shift {
  return estimateProfiledShift(profileMask(template), profileMask(test), options);
}

/** `estimateShift` on masks already profiled (see `binarizeProfiled`), without rescanning pixels. */
export function estimateProfiledShift(template: MaskProfile, test: MaskProfile, options: AlignOptions = {}): Shift {
  const maxShiftPx = options.maxShiftPx ?? 12;
  const refineRadiusPx = options.refineRadiusPx ?? 1;
  const rowStep = options.refineRowStep ?? 2;
  const projectionGuess: Shift = {
    dxPx: bestProjectionShift(template.columnSums, test.columnSums, maxShiftPx),
    dyPx: bestProjectionShift(template.rowSums, test.rowSums, maxShiftPx),
  };
  // Projections can lock onto a repeated trace pitch; a coarse 2-D search on 8x8 block
  // sums catches that, and is only followed up at full resolution when the two disagree.
  const coarseGuess = coarseShift(template, test, maxShiftPx);
  let best = projectionGuess;
  let bestCost = packedMismatchFraction(template, test, best, rowStep);
  const searched = new Set<string>();
  const search = (centre: Shift, radiusPx: number): void => {
    for (let dy = centre.dyPx - radiusPx; dy <= centre.dyPx + radiusPx; dy++) {
      for (let dx = centre.dxPx - radiusPx; dx <= centre.dxPx + radiusPx; dx++) {
        if (Math.abs(dx) > maxShiftPx || Math.abs(dy) > maxShiftPx) continue;
        const key = `${dx},${dy}`;
        if (searched.has(key)) continue;
        searched.add(key);
        const cost = packedMismatchFraction(template, test, { dxPx: dx, dyPx: dy }, rowStep);
        if (cost < bestCost || (cost === bestCost && Math.abs(dx) + Math.abs(dy) < Math.abs(best.dxPx) + Math.abs(best.dyPx))) {
          bestCost = cost;
          best = { dxPx: dx, dyPx: dy };
        }
      }
    }
  };
  search(projectionGuess, refineRadiusPx);
  if (Math.abs(coarseGuess.dxPx - best.dxPx) > 2 || Math.abs(coarseGuess.dyPx - best.dyPx) > 2) {
    search(coarseGuess, 2);
  }
  return best;
}

const BLOCK_PX = 8;

/** Copper pixels per 8×8 block, from the packed bits (a byte of a word is one block row). */
function blockSums(profile: MaskProfile): { sums: Uint8Array; widthBlocks: number; heightBlocks: number } {
  const widthBlocks = Math.floor(profile.mask.widthPx / BLOCK_PX);
  const heightBlocks = Math.floor(profile.mask.heightPx / BLOCK_PX);
  const sums = new Uint8Array(widthBlocks * heightBlocks);
  const { bits, wordsPerRow } = profile;
  for (let y = 0; y < heightBlocks * BLOCK_PX; y++) {
    const wordRow = y * wordsPerRow;
    const blockRow = ((y / BLOCK_PX) | 0) * widthBlocks;
    for (let bx = 0; bx < widthBlocks; bx++) {
      const byte = (bits[wordRow + (bx >> 2)] >>> ((bx & 3) * 8)) & 0xff;
      if (byte !== 0) sums[blockRow + bx] += popcount(byte);
    }
  }
  return { sums, widthBlocks, heightBlocks };
}

function coarseShift(template: MaskProfile, test: MaskProfile, maxShiftPx: number): Shift {
  const a = blockSums(template);
  const b = blockSums(test);
  const maxBlocks = Math.ceil(maxShiftPx / BLOCK_PX);
  const { widthBlocks: w, heightBlocks: h } = a;
  let best: Shift = { dxPx: 0, dyPx: 0 };
  let bestCost = Infinity;
  for (let dy = -maxBlocks; dy <= maxBlocks; dy++) {
    for (let dx = -maxBlocks; dx <= maxBlocks; dx++) {
      let cost = 0;
      let count = 0;
      for (let y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
        const rowA = y * w;
        const rowB = (y + dy) * w + dx;
        for (let x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) cost += Math.abs(a.sums[rowA + x] - b.sums[rowB + x]);
        count += Math.min(w, w - dx) - Math.max(0, -dx);
      }
      cost /= Math.max(1, count);
      if (cost < bestCost) {
        bestCost = cost;
        best = { dxPx: dx * BLOCK_PX, dyPx: dy * BLOCK_PX };
      }
    }
  }
  return best;
}

/**
 * The template moved into the test image's frame: out(x, y) = template(x - dx, y - dy).
 * Pixels with no template source are marked in `valid` as 0 so callers ignore them.
 */
export function shiftMask(mask: BinaryMask, shift: Shift): { mask: BinaryMask; valid: Uint8Array } {
  const { widthPx: w, heightPx: h } = mask;
  const valid = new Uint8Array(w * h);
  const { dxPx: dx, dyPx: dy } = shift;
  if (dx === 0 && dy === 0) return { mask, valid: valid.fill(1) };
  const x0 = Math.max(0, dx);
  const x1 = Math.min(w, w + dx);
  if (x1 > x0) for (let y = Math.max(0, dy); y < Math.min(h, h + dy); y++) valid.fill(1, y * w + x0, y * w + x1);
  return { mask: shiftedCopy(mask, shift), valid };
}

/** out(x, y) = mask(x - dx, y - dy), 0 where there is no source. */
function shiftedCopy(mask: BinaryMask, shift: Shift): BinaryMask {
  const { widthPx: w, heightPx: h } = mask;
  const { dxPx: dx, dyPx: dy } = shift;
  const out = new Uint8Array(w * h);
  const x0 = Math.max(0, dx);
  const x1 = Math.min(w, w + dx);
  if (x1 <= x0) return { widthPx: w, heightPx: h, data: out };
  for (let y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
    const sourceRow = (y - dy) * w - dx;
    out.set(mask.data.subarray(sourceRow + x0, sourceRow + x1), y * w + x0);
  }
  return { widthPx: w, heightPx: h, data: out };
}
