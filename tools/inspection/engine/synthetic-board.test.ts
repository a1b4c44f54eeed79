import { describe, expect, it } from 'vitest';
import { renderBoardPair } from './synthetic-board';

describe('renderBoardPair', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = renderBoardPair({ seed: 7, defectRate: 4 });
    const b = renderBoardPair({ seed: 7, defectRate: 4 });
    const c = renderBoardPair({ seed: 8, defectRate: 4 });
    expect(Buffer.from(a.test.data).equals(Buffer.from(b.test.data))).toBe(true);
    expect(a.truth).toEqual(b.truth);
    expect(Buffer.from(a.template.data).equals(Buffer.from(c.template.data))).toBe(false);
  });

  it('draws exactly the requested defects, inside the image', () => {
    const pair = renderBoardPair({ seed: 3, widthPx: 400, heightPx: 320, defects: [{ type: 1 }, { type: 6 }, { type: 6 }] });
    expect(pair.truth.map((t) => t.type)).toEqual([1, 6, 6]);
    for (const t of pair.truth) {
      expect(t.x1).toBeGreaterThanOrEqual(0);
      expect(t.y2).toBeLessThanOrEqual(320);
      expect(t.x2 - t.x1).toBeGreaterThanOrEqual(28);
    }
    expect(pair.template.data.length).toBe(400 * 320);
  });

  it('leaves the test image identical to the template when there are no defects and no shift', () => {
    const pair = renderBoardPair({ seed: 4 });
    expect(pair.truth).toEqual([]);
    expect(Buffer.from(pair.test.data).equals(Buffer.from(pair.template.data))).toBe(true);
  });

  it('moves the test content by the requested shift', () => {
    const { template, test } = renderBoardPair({ seed: 5, widthPx: 160, heightPx: 160, shift: { dxPx: 3, dyPx: 2 } });
    let same = 0;
    for (let y = 2; y < 160; y++) for (let x = 3; x < 160; x++) same += test.data[y * 160 + x] === template.data[(y - 2) * 160 + x - 3] ? 1 : 0;
    expect(same).toBe(157 * 158);
  });

  it('rejects invalid options', () => {
    expect(() => renderBoardPair({ seed: 1, widthPx: 10 })).toThrow();
  });
});
