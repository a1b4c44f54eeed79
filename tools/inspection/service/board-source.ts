/**
 * The AOI machines' cameras: for a lot and board serial, a template and a test image of the
 * board, rendered by the synthetic-board generator. Whether a board is defective, how many
 * defects it has and of which classes follow from the seed, the lot and the serial alone, so
 * the same board always looks the same and a lot's defect share matches the rate asked for.
 */
import { DEFECT_TYPE_IDS, type DefectTypeId } from '../engine/defect-types';
import { renderBoardPair, type BoardPair } from '../engine/synthetic-board';
import { seededRandom } from '@/lib/seeded-random';

export type BoardImageRequest = {
  lotId: string;
  boardSerial: string;
  /** Share of boards with at least one defect, 0–1. */
  defectiveShare: number;
  /** The plant's seed; a different seed is a different plant. */
  seed?: number;
  sizePx?: number;
};

/** `B0001`: serials within a lot, in production order. */
export function boardSerial(index: number): string {
  return `B${String(index).padStart(4, '0')}`;
}

/** FNV-1a: a stable 32-bit seed from text. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The defects a board carries: none for a good board, one to three for a defective one. */
export function boardDefects(request: BoardImageRequest): DefectTypeId[] {
  const random = seededRandom(hash32(`${request.seed ?? 0}:${request.lotId}:${request.boardSerial}:defects`));
  if (random() >= request.defectiveShare) return [];
  const count = 1 + (random() < 0.35 ? 1 : 0) + (random() < 0.1 ? 1 : 0);
  return Array.from({ length: count }, () => DEFECT_TYPE_IDS[Math.floor(random() * DEFECT_TYPE_IDS.length)]!);
}

/** The board's template and test image; the test image sits up to 2 px off, as a real conveyor places it. */
export function renderLotBoard(request: BoardImageRequest): BoardPair {
  const seed = hash32(`${request.seed ?? 0}:${request.lotId}:${request.boardSerial}`);
  const random = seededRandom(seed);
  const shift = { dxPx: Math.floor(random() * 5) - 2, dyPx: Math.floor(random() * 5) - 2 };
  const sizePx = request.sizePx ?? 640;
  return renderBoardPair({ seed, widthPx: sizePx, heightPx: sizePx, defects: boardDefects(request).map((type) => ({ type })), shift });
}
