import { describe, expect, it } from 'vitest';
import { formatPlantTime } from './plant-time';

describe('plant time', () => {
  it('shows an instant on the plant clock, 24-hour, across the summer-time change', () => {
    // 05:14 UTC is 06:14 in Fürth in winter, 07:14 in summer.
    expect(formatPlantTime('2026-11-25T05:14:41Z', 'Europe/Berlin', 'seconds')).toBe('06:14:41');
    expect(formatPlantTime('2026-07-01T05:14:41Z', 'Europe/Berlin', 'time')).toBe('07:14');
    expect(formatPlantTime(new Date('2026-11-25T21:05:00Z'), 'Europe/Berlin')).toBe('25 Nov, 22:05');
    expect(formatPlantTime(Date.parse('2026-11-25T23:30:00Z'), 'Europe/Berlin', 'weekdayTime')).toBe('Thu 00:30');
    expect(formatPlantTime('2026-11-25T05:14:41Z', 'America/Chicago', 'datetime')).toBe('24 Nov, 23:14');
  });

  it('says "—" for a missing or broken time instead of "Invalid Date"', () => {
    expect(formatPlantTime('not a time', 'Europe/Berlin')).toBe('—');
  });
});
