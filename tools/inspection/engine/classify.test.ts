import { describe, expect, it } from 'vitest';
import { classifyRegion, topologyChange } from './classify';
import type { DefectRegion } from './confidence';
import type { BinaryMask } from './gray-image';
import { mergeSameClassRegions } from './region-merge';

function mask(widthPx: number, heightPx: number, copper: (x: number, y: number) => boolean): BinaryMask {
  const data = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++) for (let x = 0; x < widthPx; x++) data[y * widthPx + x] = copper(x, y) ? 1 : 0;
  return { widthPx, heightPx, data };
}

describe('classifying removed copper', () => {
  // A horizontal trace 8 px thick, cut across at x 13..16; the cut leaves a diagonal hairline of single pixels.
  const trace = (x: number, y: number): boolean => y >= 10 && y <= 17;
  const hairline = (x: number, y: number): boolean => x - 13 === y - 10 && x <= 16;
  const template = mask(30, 28, trace);
  const test = mask(30, 28, (x, y) => trace(x, y) && (x < 13 || x > 16 || hairline(x, y)));
  const window = { x0: 0, y0: 0, x1: 29, y1: 27 };

  it('calls a cut bridged only by a hairline a mousebite when hairlines count as copper', () => {
    expect(classifyRegion('removed', topologyChange(template, test, window, { minIslandPx: 30 }))).toBe(3);
  });

  it('calls it an open when both masks are opened before counting conductors', () => {
    expect(classifyRegion('removed', topologyChange(template, test, window, { minIslandPx: 30, splitOpenPx: 2 }))).toBe(1);
  });

  it('still calls a bite that leaves most of the trace a mousebite', () => {
    const bitten = mask(30, 28, (x, y) => trace(x, y) && !(x >= 13 && x <= 16 && y >= 15));
    expect(classifyRegion('removed', topologyChange(template, bitten, window, { minIslandPx: 30, splitOpenPx: 2 }))).toBe(3);
  });
});

describe('mergeSameClassRegions', () => {
  const region = (type: 4 | 5, minX: number, maxX: number): DefectRegion => ({
    polarity: 'added',
    type,
    minX,
    minY: 50,
    maxX,
    maxY: 60,
    seedAreaPx: (maxX - minX + 1) * 11,
    changedBlobPx: 2 * (maxX - minX + 1) * 11,
    imageEdgeDistancePx: 50,
    topology: { copperDelta: 0, conductorDelta: 0, holeDelta: 0, holeAreaDeltaPx: 0, removedPx: 0, addedPx: 0 },
  });

  it('merges pieces of one class within the gap into one region with summed areas', () => {
    const merged = mergeSameClassRegions([region(4, 100, 109), region(4, 115, 119)], 8, 640, 640);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ minX: 100, maxX: 119, seedAreaPx: 165, changedBlobPx: 330 });
  });

  it('leaves pieces farther apart, of another class, or with merging off alone', () => {
    expect(mergeSameClassRegions([region(4, 100, 109), region(4, 115, 119)], 3, 640, 640)).toHaveLength(2);
    expect(mergeSameClassRegions([region(4, 100, 109), region(5, 115, 119)], 8, 640, 640)).toHaveLength(2);
    expect(mergeSameClassRegions([region(4, 100, 109), region(4, 110, 119)], -1, 640, 640)).toHaveLength(2);
  });
});
