import { describe, expect, it } from 'vitest';
import { linear, niceTicks, timeTicks } from './chart-scale';

describe('chart scale', () => {
  it.each([
    [0, 100, 5, [0, 20, 40, 60, 80, 100]],
    [231.4, 248.9, 5, [235, 240, 245]],
    [0.1, 0.9, 4, [0.2, 0.4, 0.6, 0.8]],
    [5, 5, 5, [5]],
  ])('niceTicks(%d, %d, %d)', (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected);
  });

  it('puts time ticks on round minutes', () => {
    const from = Date.UTC(2025, 2, 3, 6, 7, 13);
    const ticks = timeTicks(from, from + 3_600_000, 6);
    expect(ticks[0]).toBe(Date.UTC(2025, 2, 3, 6, 10));
    expect(ticks[1]! - ticks[0]!).toBe(600_000);
    expect(timeTicks(10, 5)).toEqual([]);
  });

  it('maps linearly, also upside down for SVG y', () => {
    const y = linear(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
  });
});
