import { describe, expect, it } from 'vitest';
import type { Bucket } from '@/connectors/historian/historian-types';
import { cyclesFromBuckets } from './asset-history';
import { DEGRADING_ASSETS } from './degrading-assets';

const asset = DEGRADING_ASSETS.find((a) => a.id === 'L1-PNP1')!;
const start = Date.parse('2025-03-03T00:00:00Z');
const bucket = (hour: number, avg: number): Bucket => ({
  start: new Date(start + hour * 3_600_000),
  min: avg,
  max: avg,
  avg,
  last: avg,
  count: 60,
  badCount: 0,
});

describe('cyclesFromBuckets', () => {
  it('keeps hours with all three signals and starts after the last part replacement', () => {
    const vibration = [2.5, 4.0, 6.8, 1.5, 1.6, 1.7].map((v, h) => bucket(h, v));
    const result = cyclesFromBuckets(asset, {
      SpindleVibrationMmS: [...vibration, bucket(7, 1.8)],
      SpindleBearingTempC: vibration.map((b, h) => bucket(h, 45 + h)),
      // Hour 7 has no current reading: it is not a cycle.
      GantryMotorCurrentA: vibration.map((b, h) => bucket(h, 5.5)),
    });
    expect(result.replacedAt?.toISOString()).toBe('2025-03-03T03:00:00.000Z');
    expect(result.history.cycles.map((c) => [c.cycle, c.sensors.SpindleVibrationMmS])).toEqual([
      [1, 1.5],
      [2, 1.6],
      [3, 1.7],
    ]);
    expect(result.history.cycles[0].sensors.SpindleBearingTempC).toBe(48);
  });
});
