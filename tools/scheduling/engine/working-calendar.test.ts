import { describe, expect, it } from 'vitest';
import { parseShiftSpec } from '@/lib/shift-calendar';
import { DEFAULT_SHIFTS } from './plant-data';
import { workingCalendar } from './working-calendar';

describe('the scheduler’s working time from the plant’s shift configuration', () => {
  it('is the scheduler’s old default for the default configuration', () => {
    expect(workingCalendar(parseShiftSpec('early=06:00-14:00,late=14:00-22:00,night=22:00-06:00', 'Europe/Berlin'))).toEqual({
      timeZone: 'Europe/Berlin',
      shifts: DEFAULT_SHIFTS,
    });
  });

  it('follows a plant with two 12-hour shifts in another time zone', () => {
    expect(workingCalendar(parseShiftSpec('day=07:00-19:00,night=19:00-07:00', 'America/Chicago'))).toEqual({
      timeZone: 'America/Chicago',
      shifts: [
        { name: 'Day', days: [1, 2, 3, 4, 5], start: '07:00', durationH: 12 },
        { name: 'Night', days: [1, 2, 3, 4, 5], start: '19:00', durationH: 12 },
      ],
    });
  });
});
