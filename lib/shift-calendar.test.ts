import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_CALENDAR, lastCompletedShift, parseShiftCalendar, parseShiftSpec, previousShift, shiftAt, zonedInstant } from './shift-calendar';

const calendar = DEFAULT_SHIFT_CALENDAR;

describe('shift calendar (Europe/Berlin)', () => {
  it('finds the shift containing an instant, in winter (UTC+1) and summer (UTC+2)', () => {
    const winter = shiftAt(calendar, new Date('2025-01-15T14:00:00Z'));
    expect(winter).toMatchObject({ name: 'late', startDate: '2025-01-15' });
    expect(winter.from.toISOString()).toBe('2025-01-15T13:00:00.000Z');
    expect(winter.to.toISOString()).toBe('2025-01-15T21:00:00.000Z');

    const summer = shiftAt(calendar, new Date('2025-07-15T04:30:00Z'));
    expect(summer).toMatchObject({ name: 'early', startDate: '2025-07-15' });
    expect(summer.from.toISOString()).toBe('2025-07-15T04:00:00.000Z');
  });

  it('puts the hours after midnight in the night shift that started the day before', () => {
    const night = shiftAt(calendar, new Date('2025-01-16T02:00:00Z'));
    expect(night).toMatchObject({ name: 'night', startDate: '2025-01-15' });
    expect(night.from.toISOString()).toBe('2025-01-15T21:00:00.000Z');
    expect(night.to.toISOString()).toBe('2025-01-16T05:00:00.000Z');
  });

  it('includes a shift start and excludes its end', () => {
    expect(shiftAt(calendar, new Date('2025-01-15T05:00:00Z')).name).toBe('early');
    expect(shiftAt(calendar, new Date('2025-01-15T04:59:59.999Z')).name).toBe('night');
  });

  it('makes the night shift 7 hours when clocks go forward and 9 hours when they go back', () => {
    const spring = shiftAt(calendar, new Date('2025-03-30T01:00:00Z'));
    expect(spring.name).toBe('night');
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(7);
    const autumn = shiftAt(calendar, new Date('2025-10-26T01:00:00Z'));
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(9);
  });

  it('gives the previous and the last completed shift', () => {
    const late = shiftAt(calendar, new Date('2025-01-15T15:00:00Z'));
    expect(previousShift(calendar, late)).toMatchObject({ name: 'early', startDate: '2025-01-15' });
    expect(lastCompletedShift(calendar, new Date('2025-01-15T05:00:00Z'))).toMatchObject({ name: 'night', startDate: '2025-01-14' });
  });

  it('resolves a local time inside the spring-forward gap to just after it', () => {
    expect(zonedInstant({ year: 2025, month: 3, day: 30 }, '02:30', 'Europe/Berlin').toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('accepts a two-shift calendar and refuses one with a gap', () => {
    const twoShifts = parseShiftCalendar({
      timeZone: 'Europe/Berlin',
      shifts: [
        { name: 'day', label: 'Day', start: '07:00', end: '19:00' },
        { name: 'night', label: 'Night', start: '19:00', end: '07:00' },
      ],
    });
    expect(shiftAt(twoShifts, new Date('2025-01-15T12:00:00Z')).name).toBe('day');
    expect(() =>
      parseShiftCalendar({
        timeZone: 'Europe/Berlin',
        shifts: [
          { name: 'day', label: 'Day', start: '07:00', end: '18:00' },
          { name: 'night', label: 'Night', start: '19:00', end: '07:00' },
        ],
      }),
    ).toThrow(/without gaps/);
    expect(() => parseShiftCalendar({ timeZone: 'Mars/Olympus', shifts: calendar.shifts })).toThrow(/IANA/);
  });

  it('reads the compact form used in the environment', () => {
    expect(parseShiftSpec('early=06:00-14:00,late=14:00-22:00,night=22:00-06:00')).toEqual(DEFAULT_SHIFT_CALENDAR);
    expect(parseShiftSpec('day=07:00-19:00, night=19:00-07:00', 'America/Chicago').shifts[1]).toEqual({
      name: 'night',
      label: 'Night shift',
      start: '19:00',
      end: '07:00',
    });
    expect(() => parseShiftSpec('early 06-14')).toThrow(/name=HH:MM-HH:MM/);
  });
});
