/**
 * Integer-shift registration of a test mask against its template. Row and column
 * projections give a cheap first estimate per axis (a PCB's traces make them distinctive);
 * a pixel-mismatch search around that estimate on a row-subsampled grid picks the final
 * shift. Sub-pixel error and rotation are left to the morphological filtering downstream.
 */
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

export function estimateShift(template: BinaryMask, test: BinaryMask, options: AlignOptions = {}): Shift {
  const maxShiftPx = options.maxShiftPx ?? 12;
  const refineRadiusPx = options.refineRadiusPx ?? 1;
  const rowStep = options.refineRowStep ?? 2;
  const { widthPx: w, heightPx: h } = template;
  const columnsT = new Float64Array(w);
  const columnsS = new Float64Array(w);
  const rowsT = new Float64Array(h);
  const rowsS = new Float64Array(h);
  const templateData = template.data;
  const testData = test.data;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sumT = 0;
    let sumS = 0;
    for (let x = 0; x < w; x++) {
      const t = templateData[row + x];
      const s = testData[row + x];
      columnsT[x] += t;
      columnsS[x] += s;
      sumT += t;
      sumS += s;
    }
    rowsT[y] = sumT;
    rowsS[y] = sumS;
  }
  const projectionGuess: Shift = {
    dxPx: bestProjectionShift(columnsT, columnsS, maxShiftPx),
    dyPx: bestProjectionShift(rowsT, rowsS, maxShiftPx),
  };
  // Projections can lock onto a repeated trace pitch; a coarse 2-D search on 8x8 block
  // sums catches that, and is only followed up at full resolution when the two disagree.
  const coarseGuess = coarseShift(template, test, maxShiftPx);
  let best = projectionGuess;
  let bestCost = mismatchFraction(template, test, best, rowStep);
  const searched = new Set<string>();
  const search = (centre: Shift, radiusPx: number): void => {
    for (let dy = centre.dyPx - radiusPx; dy <= centre.dyPx + radiusPx; dy++) {
      for (let dx = centre.dxPx - radiusPx; dx <= centre.dxPx + radiusPx; dx++) {
        if (Math.abs(dx) > maxShiftPx || Math.abs(dy) > maxShiftPx) continue;
        const key = `${dx},${dy}`;
        if (searched.has(key)) continue;
        searched.add(key);
        const cost = mismatchFraction(template, test, { dxPx: dx, dyPx: dy }, rowStep);
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

function blockSums(mask: BinaryMask): { sums: Uint8Array; widthBlocks: number; heightBlocks: number } {
  const widthBlocks = Math.floor(mask.widthPx / BLOCK_PX);
  const heightBlocks = Math.floor(mask.heightPx / BLOCK_PX);
  const sums = new Uint8Array(widthBlocks * heightBlocks);
  const data = mask.data;
  for (let y = 0; y < heightBlocks * BLOCK_PX; y++) {
    const row = y * mask.widthPx;
    const blockRow = ((y / BLOCK_PX) | 0) * widthBlocks;
    for (let bx = 0; bx < widthBlocks; bx++) {
      const start = row + bx * BLOCK_PX;
      let sum = 0;
      for (let x = 0; x < BLOCK_PX; x++) sum += data[start + x];
      sums[blockRow + bx] += sum;
    }
  }
  return { sums, widthBlocks, heightBlocks };
}

function coarseShift(template: BinaryMask, test: BinaryMask, maxShiftPx: number): Shift {
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
  const out = new Uint8Array(w * h);
  for (let y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
    const sourceRow = (y - dy) * w - dx;
    const row = y * w;
    for (let x = Math.max(0, dx); x < Math.min(w, w + dx); x++) {
      out[row + x] = mask.data[sourceRow + x];
      valid[row + x] = 1;
    }
  }
  return { mask: { widthPx: w, heightPx: h, data: out }, valid };
}
