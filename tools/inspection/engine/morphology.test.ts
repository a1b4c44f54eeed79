import { describe, expect, it } from 'vitest';
import { estimateLocalWarp, estimateShift, shiftMask, warpMask } from './align';
import { binarize, binarizeProfiled, profileMask } from './binarize';
import { labelComponents, labelComponentsAt } from './components';
import type { BinaryMask } from './gray-image';
import { dilate, erode, openSquare, openSquare2At } from './morphology';

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

  it('recovers an integer shift between masks of a width that is not a multiple of 32', () => {
    const widthPx = 150;
    const base: BinaryMask = { widthPx, heightPx: 130, data: new Uint8Array(widthPx * 130) };
    for (let y = 0; y < 130; y++)
      for (let x = 0; x < widthPx; x++) base.data[y * widthPx + x] = (x * 5 + y * 11) % 29 < 9 || (x % 37 < 5 && y % 13 < 6) ? 1 : 0;
    const { mask: moved } = shiftMask(base, { dxPx: 7, dyPx: -3 });
    expect(estimateShift(base, moved, { maxShiftPx: 8 })).toEqual({ dxPx: 7, dyPx: -3 });
  });
});

describe('fast paths agree with the plain versions', () => {
  let seed = 99;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it.each([
    [64, 48],
    [640, 32],
    [37, 21],
  ])('binarises and profiles a %i×%i image the same way four pixels at a time', (widthPx, heightPx) => {
    for (const threshold of [1, 100, 128, 129, 255]) {
      for (const copperIsDark of [true, false]) {
        const image = { widthPx, heightPx, data: Uint8Array.from({ length: widthPx * heightPx }, () => Math.floor(random() * 256)) };
        const plain = binarize(image, { threshold, copperIsDark });
        const profiled = binarizeProfiled(image, { threshold, copperIsDark });
        expect(profiled.mask.data).toEqual(plain.data);
        const reference = profileMask(plain);
        expect(profiled.bits).toEqual(reference.bits);
        expect(profiled.rowSums).toEqual(reference.rowSums);
        expect(profiled.columnSums).toEqual(reference.columnSums);
        for (let x = 0; x < widthPx; x++) {
          let column = 0;
          for (let y = 0; y < heightPx; y++) column += plain.data[y * widthPx + x];
          expect(profiled.columnSums[x]).toBe(column);
        }
      }
    }
  });

  it('opens and labels a sparse mask from its pixel list like the dense versions', () => {
    const widthPx = 90;
    const mask: BinaryMask = { widthPx, heightPx: 70, data: new Uint8Array(widthPx * 70) };
    for (let i = 0; i < mask.data.length; i++) mask.data[i] = random() < 0.3 ? 1 : 0;
    const setPixels = [...mask.data.keys()].filter((i) => mask.data[i] === 1);
    const kept = openSquare2At(mask, setPixels);
    const dense = openSquare(mask, 2);
    expect([...kept]).toEqual([...dense.data.keys()].filter((i) => dense.data[i] === 1));
    expect(labelComponentsAt(dense, kept, 8)).toEqual(labelComponents(dense, 8).components);
  });

  it('finds no local warp between identical masks, and a zero warp moves nothing', () => {
    const widthPx = 256;
    const base: BinaryMask = { widthPx, heightPx: widthPx, data: new Uint8Array(widthPx * widthPx) };
    for (let y = 0; y < widthPx; y++)
      for (let x = 0; x < widthPx; x++) base.data[y * widthPx + x] = (x * 7 + y * 3) % 23 < 8 || (x % 31 < 4 && y % 17 < 9) ? 1 : 0;
    const profile = profileMask(base);
    expect(estimateLocalWarp(profile, profile, { dxPx: 0, dyPx: 0 })).toBeUndefined();
    const flat = { centresX: [64, 192], centresY: [64, 192], u: new Float64Array(4).fill(2), v: new Float64Array(4).fill(-1) };
    expect(warpMask(base, flat)).toEqual(shiftMask(base, { dxPx: 2, dyPx: -1 }));
  });
});
