import { describe, expect, it } from 'vitest';
import { cursorTime, timeAxisLabels } from './time-axis';

const s = (iso: string) => Date.parse(iso) / 1000;

describe('trend time axis', () => {
  it('labels ticks in plant time, 24-hour, with the date at the start and when the day changes', () => {
    const labels = timeAxisLabels([s('2026-12-02T21:30:00Z'), s('2026-12-02T22:30:00Z'), s('2026-12-02T23:30:00Z')], 'Europe/Berlin');
    expect(labels).toEqual(['02 Dec 22:30', '23:30', '03 Dec 00:30']);
    for (const label of labels) expect(label).not.toMatch(/am|pm|\d+\/\d+\/\d+/i);
  });

  it('uses dates on every tick over several days, and seconds for fine ticks', () => {
    expect(timeAxisLabels([s('2026-12-01T12:00:00Z'), s('2026-12-03T12:00:00Z')], 'Europe/Berlin')).toEqual(['01 Dec, 13:00', '03 Dec, 13:00']);
    expect(timeAxisLabels([s('2026-12-02T10:00:00Z'), s('2026-12-02T10:00:10Z')], 'Europe/Berlin')[1]).toBe('11:00:10');
    expect(cursorTime(s('2026-12-02T10:33:58Z'), 'Europe/Berlin')).toBe('02 Dec, 11:33:58');
  });
});
