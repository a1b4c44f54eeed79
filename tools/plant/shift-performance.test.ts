import { describe, expect, it } from 'vitest';
import { computeOee, idealTimes } from './shift-performance';

describe('computeOee', () => {
  it.each([
    // 8 h shift, 6 h running, 44 s ideal cycle, 400 boards of which 392 good.
    [
      { windowS: 28_800, runS: 21_600, idealCycleTimeS: 44, good: 392, total: 400 },
      { availability: 0.75, performance: 0.815, quality: 0.98, oee: 0.599 },
    ],
    // Faster than ideal is capped at 100 % performance.
    [
      { windowS: 3600, runS: 3600, idealCycleTimeS: 10, good: 500, total: 500 },
      { availability: 1, performance: 1, quality: 1, oee: 1 },
    ],
    // Nothing made yet: OEE 0, quality unknown.
    [
      { windowS: 600, runS: 0, idealCycleTimeS: 44, good: 0, total: 0 },
      { availability: 0, performance: null, quality: null, oee: 0 },
    ],
    // Unknown product: no performance, no OEE.
    [
      { windowS: 3600, runS: 1800, idealCycleTimeS: null, good: 10, total: 10 },
      { availability: 0.5, performance: null, quality: 1, oee: null },
    ],
  ])('%o → %o', (input, expected) => {
    expect(computeOee(input)).toEqual(expected);
  });
});

describe('idealTimes', () => {
  it('takes the machine type step and the bottleneck of the product routing', () => {
    expect(idealTimes('L1-PNP1', 'CPU-1516')).toEqual({ idealCycleTimeS: 44, taktS: 44 });
    expect(idealTimes('L1-PCK', 'IO-16DI')).toEqual({ idealCycleTimeS: 12, taktS: 18 });
    expect(idealTimes('L1-PCK', '')).toEqual({ idealCycleTimeS: null, taktS: null });
  });
});
