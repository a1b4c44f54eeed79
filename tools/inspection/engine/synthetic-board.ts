/**
 * Deterministic synthetic PCB images: a defect-free template and a test image of the same
 * board with injected defects of known class and box, optionally shifted. Used by the tests
 * and by the plant twin's AOI machines. Pure: same options, same pixels; randomness comes
 * only from the seed.
 *
 * The board is a grid of cells, each drawn with one motif: a pair of parallel traces ending
 * in pads, a large pad with a trace leaving it, or bare laminate with a via in a corner.
 * Each defect gets a cell of the motif it needs, so defects never overlap.
 */
import { z } from 'zod';
import { DefectTypeId, type LabeledBox } from './defect-types';
import type { GrayImage } from './gray-image';
import type { Shift } from './align';
import { seededRandom } from '@/lib/seeded-random';

export const SyntheticDefectSpec = z.object({ type: DefectTypeId });
export type SyntheticDefectSpec = { type: DefectTypeId };

export const RenderBoardOptions = z.object({
  seed: z.number().int(),
  widthPx: z.number().int().min(80).max(4096).default(640),
  heightPx: z.number().int().min(80).max(4096).default(640),
  /** Explicit defects to inject, placed at free sites. */
  defects: z.array(SyntheticDefectSpec).optional(),
  /** Without `defects`: mean number of defects per board (Poisson), classes drawn uniformly. */
  defectRate: z.number().min(0).max(40).optional(),
  /** The test image's content is moved by this much relative to the template. */
  shift: z.object({ dxPx: z.number().int().min(-16).max(16), dyPx: z.number().int().min(-16).max(16) }).optional(),
  /** Fraction of pixels flipped at random in each image (sensor noise). */
  speckleRate: z.number().min(0).max(0.01).default(0),
  copperLevel: z.number().int().min(0).max(255).default(25),
  laminateLevel: z.number().int().min(0).max(255).default(230),
});
export type RenderBoardOptions = z.input<typeof RenderBoardOptions>;

export type BoardPair = {
  template: GrayImage;
  test: GrayImage;
  /** Ground truth in test-image coordinates, DeepPCB-style boxes (changed pixels plus context). */
  truth: LabeledBox[];
  shift: Shift;
};

const CELL_PX = 80;
const MARGIN_PX = 16;
const TRACE_WIDTH_PX = 10;
const TRACE_GAP_PX = 12;
/** Truth boxes: changed pixels plus this much context, at least BOX_MIN_PX a side (as in DeepPCB). */
const BOX_PAD_PX = 8;
const BOX_MIN_PX = 28;

type Motif = 'traces' | 'pad' | 'bare';

function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

/** A canvas that records the bounding box of what a defect changed. */
class Canvas {
  readonly data: Uint8Array;
  constructor(
    readonly widthPx: number,
    readonly heightPx: number,
  ) {
    this.data = new Uint8Array(widthPx * heightPx);
  }

  clone(): Canvas {
    const copy = new Canvas(this.widthPx, this.heightPx);
    copy.data.set(this.data);
    return copy;
  }

  /** value 1 = copper, 0 = laminate; coordinates inclusive-exclusive. */
  rect(x0: number, y0: number, x1: number, y1: number, value: number): void {
    for (let y = Math.max(0, y0); y < Math.min(this.heightPx, y1); y++) {
      this.data.fill(value, y * this.widthPx + Math.max(0, x0), y * this.widthPx + Math.min(this.widthPx, x1));
    }
  }

  circle(cx: number, cy: number, radiusPx: number, value: number): void {
    const r2 = radiusPx * radiusPx;
    for (let y = Math.floor(cy - radiusPx); y <= Math.ceil(cy + radiusPx); y++) {
      for (let x = Math.floor(cx - radiusPx); x <= Math.ceil(cx + radiusPx); x++) {
        if (x < 0 || y < 0 || x >= this.widthPx || y >= this.heightPx) continue;
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r2) this.data[y * this.widthPx + x] = value;
      }
    }
  }
}

type Cell = { x: number; y: number; motif: Motif };

/** Geometry of a 'traces' cell: two horizontal traces, upper and lower. */
function traceRows(cell: Cell) {
  const cy = cell.y + CELL_PX / 2;
  const upperTop = cy - TRACE_GAP_PX / 2 - TRACE_WIDTH_PX;
  const lowerTop = cy + TRACE_GAP_PX / 2;
  return { cy, upperTop, upperBottom: upperTop + TRACE_WIDTH_PX, lowerTop, lowerBottom: lowerTop + TRACE_WIDTH_PX };
}

function drawMotif(canvas: Canvas, cell: Cell, random: () => number): void {
  const cx = cell.x + CELL_PX / 2;
  const cy = cell.y + CELL_PX / 2;
  if (cell.motif === 'traces') {
    const rows = traceRows(cell);
    const x0 = cell.x + 6;
    const x1 = cell.x + CELL_PX - 6;
    canvas.rect(x0, rows.upperTop, x1, rows.upperBottom, 1);
    canvas.rect(x0, rows.lowerTop, x1, rows.lowerBottom, 1);
    // End pads, staggered so the traces keep their gap.
    canvas.rect(x0 - 4, rows.upperTop - 6, x0 + 10, rows.upperBottom, 1);
    canvas.rect(x1 - 10, rows.lowerTop, x1 + 4, rows.lowerBottom + 6, 1);
  } else if (cell.motif === 'pad') {
    const halfPx = randomInt(random, 18, 22);
    canvas.rect(cx - halfPx, cy - halfPx, cx + halfPx, cy + halfPx, 1);
    canvas.rect(cx + halfPx, cy - TRACE_WIDTH_PX / 2, cell.x + CELL_PX - 4, cy + TRACE_WIDTH_PX / 2, 1);
  } else {
    // A via (ring) in a corner keeps bare cells from being blank without crowding the centre.
    canvas.circle(cell.x + 14, cell.y + 14, 9, 1);
    canvas.circle(cell.x + 14, cell.y + 14, 4, 0);
  }
}

type ChangedBox = { minX: number; minY: number; maxX: number; maxY: number };

/** Draws one defect into `canvas` and returns the box of the pixels it may have changed. */
function drawDefect(canvas: Canvas, cell: Cell, type: DefectTypeId, random: () => number): ChangedBox {
  const cx = cell.x + CELL_PX / 2 + randomInt(random, -6, 6);
  const rows = traceRows(cell);
  switch (type) {
    case 1: {
      const gapPx = randomInt(random, 3, 5);
      canvas.rect(cx, rows.upperTop - 1, cx + gapPx, rows.upperBottom + 1, 0);
      return { minX: cx, minY: rows.upperTop, maxX: cx + gapPx - 1, maxY: rows.upperBottom - 1 };
    }
    case 2: {
      const widthPx = randomInt(random, 4, 6);
      canvas.rect(cx, rows.upperBottom, cx + widthPx, rows.lowerTop, 1);
      return { minX: cx, minY: rows.upperBottom, maxX: cx + widthPx - 1, maxY: rows.lowerTop - 1 };
    }
    case 3: {
      const radiusPx = randomInt(random, 5, 6);
      canvas.circle(cx, rows.upperTop, radiusPx, 0);
      return { minX: cx - radiusPx, minY: rows.upperTop, maxX: cx + radiusPx, maxY: rows.upperTop + radiusPx };
    }
    case 4: {
      const widthPx = randomInt(random, 4, 6);
      const lengthPx = randomInt(random, 7, 10);
      canvas.rect(cx, rows.lowerBottom, cx + widthPx, rows.lowerBottom + lengthPx, 1);
      return { minX: cx, minY: rows.lowerBottom, maxX: cx + widthPx - 1, maxY: rows.lowerBottom + lengthPx - 1 };
    }
    case 5: {
      const radiusPx = randomInt(random, 4, 6);
      const cy = cell.y + CELL_PX / 2 + randomInt(random, -4, 4);
      canvas.circle(cx, cy, radiusPx, 1);
      return { minX: cx - radiusPx, minY: cy - radiusPx, maxX: cx + radiusPx, maxY: cy + radiusPx };
    }
    case 6: {
      const radiusPx = randomInt(random, 3, 5);
      const cy = cell.y + CELL_PX / 2 + randomInt(random, -3, 3);
      const x = cell.x + CELL_PX / 2 + randomInt(random, -3, 3);
      canvas.circle(x, cy, radiusPx, 0);
      return { minX: x - radiusPx, minY: cy - radiusPx, maxX: x + radiusPx, maxY: cy + radiusPx };
    }
  }
}

const MOTIF_FOR: Record<DefectTypeId, Motif> = { 1: 'traces', 2: 'traces', 3: 'traces', 4: 'traces', 5: 'bare', 6: 'pad' };

function toGray(
  canvas: Canvas,
  x0: number,
  y0: number,
  widthPx: number,
  heightPx: number,
  options: z.output<typeof RenderBoardOptions>,
  random: () => number,
): GrayImage {
  const data = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < widthPx; x++) {
      let copper = canvas.data[(y + y0) * canvas.widthPx + x + x0];
      if (options.speckleRate > 0 && random() < options.speckleRate) copper ^= 1;
      data[y * widthPx + x] = copper ? options.copperLevel : options.laminateLevel;
    }
  }
  return { widthPx, heightPx, data };
}

/**
 * Renders a template and a defective test image of one synthetic board.
 * Throws a ZodError for invalid options; asks for more defects than the board has sites are
 * dropped (the returned `truth` lists exactly what was drawn).
 */
export function renderBoardPair(options: RenderBoardOptions): BoardPair {
  const resolved = RenderBoardOptions.parse(options);
  const random = seededRandom(resolved.seed);
  const { widthPx, heightPx } = resolved;
  const shift = resolved.shift ?? { dxPx: 0, dyPx: 0 };

  const columns = Math.floor(widthPx / CELL_PX);
  const rows = Math.floor(heightPx / CELL_PX);
  // Cells are laid out on a board bigger than the view so a shifted test image still shows copper at its edges.
  const offsetX = MARGIN_PX + Math.floor((widthPx - columns * CELL_PX) / 2);
  const offsetY = MARGIN_PX + Math.floor((heightPx - rows * CELL_PX) / 2);
  const canvas = new Canvas(widthPx + 2 * MARGIN_PX, heightPx + 2 * MARGIN_PX);

  const requested: DefectTypeId[] =
    resolved.defects?.map((d) => d.type as DefectTypeId) ??
    Array.from({ length: poisson(random, resolved.defectRate ?? 0) }, () => randomInt(random, 1, 6) as DefectTypeId);

  const order = Array.from({ length: columns * rows }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const motifs: Array<Motif | undefined> = new Array(order.length);
  const placements: Array<{ cellIndex: number; type: DefectTypeId }> = [];
  requested.slice(0, order.length).forEach((type, index) => {
    motifs[order[index]] = MOTIF_FOR[type];
    placements.push({ cellIndex: order[index], type });
  });
  const allMotifs: Motif[] = ['traces', 'traces', 'pad', 'bare'];
  const cells: Cell[] = order.map((_, index) => ({
    x: offsetX + (index % columns) * CELL_PX,
    y: offsetY + Math.floor(index / columns) * CELL_PX,
    motif: motifs[index] ?? allMotifs[randomInt(random, 0, allMotifs.length - 1)],
  }));
  for (const cell of cells) drawMotif(canvas, cell, random);

  const defective = canvas.clone();
  const testX0 = MARGIN_PX - shift.dxPx;
  const testY0 = MARGIN_PX - shift.dyPx;
  const truth: LabeledBox[] = [];
  for (const { cellIndex, type } of placements) {
    const changed = drawDefect(defective, cells[cellIndex], type, random);
    const centreX = (changed.minX + changed.maxX + 1) / 2 - testX0;
    const centreY = (changed.minY + changed.maxY + 1) / 2 - testY0;
    const halfWidth = Math.max(BOX_MIN_PX, changed.maxX - changed.minX + 1 + 2 * BOX_PAD_PX) / 2;
    const halfHeight = Math.max(BOX_MIN_PX, changed.maxY - changed.minY + 1 + 2 * BOX_PAD_PX) / 2;
    truth.push({
      x1: Math.max(0, Math.round(centreX - halfWidth)),
      y1: Math.max(0, Math.round(centreY - halfHeight)),
      x2: Math.min(widthPx, Math.round(centreX + halfWidth)),
      y2: Math.min(heightPx, Math.round(centreY + halfHeight)),
      type,
    });
  }

  return {
    template: toGray(canvas, MARGIN_PX, MARGIN_PX, widthPx, heightPx, resolved, random),
    test: toGray(defective, testX0, testY0, widthPx, heightPx, resolved, random),
    truth,
    shift,
  };
}
