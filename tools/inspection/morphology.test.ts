import { describe, expect, it } from 'vitest';
import { estimateShift, shiftMask } from './align';
import { labelComponents } from './components';
import type { BinaryMask } from './gray-image';
import { dilate, erode, openSquare } from './morphology';

function maskFrom(rows: string[]): BinaryMask {
  const widthPx = rows[0].length;
  return { widthPx, heightPx: rows.length, data: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)) };
}
const sum = (m: BinaryMask) => m.data.reduce((a, b) => a + b, 0);

describe('morphology, components and alignment', () => {
  it('erodes and dilates with a 3×3 square', () => {
    const square = maskFrom(['.....', '.###.', '.###.', '.###.', '.....']);
    expect(sum(erode(square, 1))).toBe(1);
    expect(sum(dilate(square, 1))).toBe(25);
  });

  it('a 2×2 opening drops one-pixel lines and keeps two-pixel ones', () => {
    const mask = maskFrom(['#######.', '........', '######..', '######..']);
    const opened = openSquare(mask, 2);
    expect(Array.from(opened.data.slice(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sum(opened)).toBe(12);
  });

  it('labels 8-connected components with their boxes', () => {
    const { components } = labelComponents(maskFrom(['#...', '.#..', '...#', '...#']), 8);
    expect(components.map((c) => [c.areaPx, c.minX, c.minY, c.maxX, c.maxY])).toEqual([
      [2, 0, 0, 1, 1],
      [2, 3, 2, 3, 3],
    ]);
    expect(labelComponents(maskFrom(['#.', '.#']), 4).components).toHaveLength(2);
  });

  it('recovers an integer shift between masks', () => {
    const widthPx = 120;
    const base: BinaryMask = { widthPx, heightPx: widthPx, data: new Uint8Array(widthPx * widthPx) };
    for (let y = 0; y < widthPx; y++)
      for (let x = 0; x < widthPx; x++) base.data[y * widthPx + x] = (x * 7 + y * 3) % 23 < 8 || (x % 31 < 4 && y % 17 < 9) ? 1 : 0;
    const { mask: moved } = shiftMask(base, { dxPx: -4, dyPx: 6 });
    expect(estimateShift(base, moved, { maxShiftPx: 8 })).toEqual({ dxPx: -4, dyPx: 6 });
  });
});
