import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_CALENDAR, parseShiftCalendar } from '@/lib/shift-calendar';
import { computeKpis, formatPct, formatPointsDelta, plannedBusyTimeMs, weightedIdealCycleTimeS } from './iso-22400';

const HOUR = 3_600_000;

describe('ISO 22400 figures', () => {
  it('multiplies availability, performance and quality from run time, planned time, ideal cycle and counts', () => {
    // 8 h planned, 6 h running, 44 s ideal cycle, 400 boards of which 392 good.
    const kpis = computeKpis({ plannedBusyTimeMs: 8 * HOUR, runTimeMs: 6 * HOUR, idealCycleTimeS: 44, goodQuantity: 392, scrapQuantity: 8 });
    expect(kpis.availability.pct).toBe(75);
    expect(kpis.performance.pct).toBe(81.5);
    expect(kpis.quality.pct).toBe(98);
    expect(kpis.oee.fraction).toBeCloseTo(0.75 * ((44 * 400) / (6 * 3600)) * 0.98, 5);
    expect(kpis.oee.pct).toBe(59.9);
    expect(kpis.performance.formula).toBe('44.0 s × 400 boards ÷ 360.0 min run');
  });

  it('caps performance at 100 % and says why, and gives 0 or unknown where a part is missing', () => {
    const fast = computeKpis({ plannedBusyTimeMs: HOUR, runTimeMs: HOUR, idealCycleTimeS: 10, goodQuantity: 500, scrapQuantity: 0 });
    expect(fast.performance.pct).toBe(100);
    expect(fast.notes[0]).toMatch(/capped at 100 %/);
    const idle = computeKpis({ plannedBusyTimeMs: HOUR, runTimeMs: 0, idealCycleTimeS: 44, goodQuantity: 0, scrapQuantity: 0 });
    expect([idle.availability.pct, idle.performance.pct, idle.quality.pct, idle.oee.pct]).toEqual([0, null, null, 0]);
    const unknownProduct = computeKpis({ plannedBusyTimeMs: HOUR, runTimeMs: HOUR / 2, idealCycleTimeS: null, goodQuantity: 10, scrapQuantity: 0 });
    expect([unknownProduct.availability.pct, unknownProduct.performance.pct, unknownProduct.oee.pct]).toEqual([50, null, null]);
  });

  it('takes planned time from the shift calendar', () => {
    const from = new Date('2025-01-15T05:00:00Z');
    expect(plannedBusyTimeMs(DEFAULT_SHIFT_CALENDAR, from, new Date(from.getTime() + 10 * HOUR))).toBe(10 * HOUR);
    // The night the clocks go forward, the 22:00–06:00 shift is 7 real hours: planned time is real time, not wall-clock hours.
    const berlin = parseShiftCalendar(DEFAULT_SHIFT_CALENDAR);
    expect(plannedBusyTimeMs(berlin, new Date('2025-03-29T21:00:00Z'), new Date('2025-03-30T04:00:00Z'))).toBe(7 * HOUR);
  });

  it('weights the ideal cycle time by how long each product ran', () => {
    expect(
      weightedIdealCycleTimeS([
        { durationMs: HOUR, idealCycleTimeS: 40 },
        { durationMs: HOUR, idealCycleTimeS: 60 },
      ]),
    ).toBeCloseTo(48, 5);
    expect(weightedIdealCycleTimeS([{ durationMs: HOUR, idealCycleTimeS: null }])).toBeNull();
  });

  it('writes percentages as % and differences as percentage points', () => {
    expect(formatPct(89.6)).toBe('89.6 %');
    expect(formatPct(null)).toBe('—');
    expect(formatPointsDelta(69.9, 89.9)).toBe('−20.0 pp');
    expect(formatPointsDelta(91.25, 90)).toBe('+1.3 pp');
  });
});
