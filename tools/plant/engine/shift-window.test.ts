import { describe, expect, it } from 'vitest';
import { shiftWindow } from './shift-window';

describe('shiftWindow (Europe/Berlin)', () => {
  it.each([
    // Winter (UTC+1)
    ['2025-01-15T05:00:00Z', 'early', '2025-01-15T05:00:00.000Z', '2025-01-15T13:00:00.000Z'],
    ['2025-01-15T12:59:59Z', 'early', '2025-01-15T05:00:00.000Z', '2025-01-15T13:00:00.000Z'],
    ['2025-01-15T13:00:00Z', 'late', '2025-01-15T13:00:00.000Z', '2025-01-15T21:00:00.000Z'],
    ['2025-01-15T21:30:00Z', 'night', '2025-01-15T21:00:00.000Z', '2025-01-16T05:00:00.000Z'],
    ['2025-01-16T02:00:00Z', 'night', '2025-01-15T21:00:00.000Z', '2025-01-16T05:00:00.000Z'],
    // Summer (UTC+2)
    ['2025-07-01T04:00:00Z', 'early', '2025-07-01T04:00:00.000Z', '2025-07-01T12:00:00.000Z'],
    // The night the clocks go forward (30 March 2025, 02:00 → 03:00): a 7-hour night shift.
    ['2025-03-30T01:30:00Z', 'night', '2025-03-29T21:00:00.000Z', '2025-03-30T04:00:00.000Z'],
    // Month boundary: night shift starting on the last day of the month.
    ['2025-01-31T23:00:00Z', 'night', '2025-01-31T21:00:00.000Z', '2025-02-01T05:00:00.000Z'],
  ])('%s is in the %s shift %s – %s', (now, name, start, end) => {
    const shift = shiftWindow(new Date(now));
    expect({ name: shift.name, start: shift.start.toISOString(), end: shift.end.toISOString() }).toEqual({ name, start, end });
  });
});
