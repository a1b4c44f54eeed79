/**
 * The shift calendar: which shift contains an instant, its window and the one before, in the plant's
 * time zone. Shifts are wall-clock times ('06:00'–'14:00'), so on the days the clocks change the
 * night shift is an hour shorter or longer; windows are computed through `Intl`, never by adding
 * fixed hours to a UTC offset.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { localParts, zoneOffsetMs } from '@/lib/time-zone';

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time as HH:MM, e.g. 06:00');

export const ShiftDefinition = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a short lower-case name, e.g. early'),
  label: z.string().min(1).max(60),
  start: LocalTime,
  end: LocalTime,
});
export type ShiftDefinition = z.infer<typeof ShiftDefinition>;

export const ShiftCalendar = z
  .object({
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Europe/Berlin'),
    shifts: z.array(ShiftDefinition).min(1).max(6),
  })
  .refine((calendar) => calendar.shifts.every((shift, index) => shift.end === calendar.shifts[(index + 1) % calendar.shifts.length]!.start), {
    message: 'shifts must follow each other without gaps or overlaps (each shift ends when the next one starts, the last ends when the first starts)',
    path: ['shifts'],
  })
  .refine((calendar) => new Set(calendar.shifts.map((shift) => shift.name)).size === calendar.shifts.length, {
    message: 'shift names must be unique',
    path: ['shifts'],
  });
export type ShiftCalendar = z.infer<typeof ShiftCalendar>;

/** Three eight-hour shifts in the plant's time zone. */
export const DEFAULT_SHIFT_CALENDAR: ShiftCalendar = {
  timeZone: 'Europe/Berlin',
  shifts: [
    { name: 'early', label: 'Early shift', start: '06:00', end: '14:00' },
    { name: 'late', label: 'Late shift', start: '14:00', end: '22:00' },
    { name: 'night', label: 'Night shift', start: '22:00', end: '06:00' },
  ],
};

export type ShiftWindow = {
  name: string;
  label: string;
  /** The local calendar date the shift starts on, YYYY-MM-DD. */
  startDate: string;
  from: Date;
  to: Date;
};

/** Parses a calendar from config or a file; AppError('config_invalid') names what is wrong. */
export function parseShiftCalendar(input: unknown): ShiftCalendar {
  const parsed = ShiftCalendar.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'calendar'}: ${issue.message}`).join('; ');
    throw new AppError('config_invalid', `The shift calendar is invalid — ${problems}.`);
  }
  return parsed.data;
}

/**
 * A calendar from the compact form an environment variable can hold, e.g.
 * `early=06:00-14:00,late=14:00-22:00,night=22:00-06:00` (labels become "Early shift", …).
 */
export function parseShiftSpec(spec: string, timeZone: string = DEFAULT_SHIFT_CALENDAR.timeZone): ShiftCalendar {
  const shifts = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([a-z][a-z0-9_-]*)=(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part);
      if (!match) throw new AppError('config_invalid', `Cannot read the shift "${part}": write name=HH:MM-HH:MM, e.g. early=06:00-14:00.`);
      const [, name, start, end] = match as unknown as [string, string, string, string];
      return { name, label: `${name[0]!.toUpperCase()}${name.slice(1)} shift`, start, end };
    });
  return parseShiftCalendar({ timeZone, shifts });
}

/**
 * The instant when the wall clock in `timeZone` shows this local date and time. A time that does
 * not exist (inside a spring-forward gap) resolves to the instant just after the gap.
 */
export function zonedInstant(date: { year: number; month: number; day: number }, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  return new Date(Math.max(first, second));
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant.getTime(), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function addDays(date: { year: number; month: number; day: number }, days: number) {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function windowOf(shift: ShiftDefinition, startDay: { year: number; month: number; day: number }, timeZone: string): ShiftWindow {
  const endDay = shift.end <= shift.start ? addDays(startDay, 1) : startDay;
  return {
    name: shift.name,
    label: shift.label,
    startDate: `${startDay.year}-${String(startDay.month).padStart(2, '0')}-${String(startDay.day).padStart(2, '0')}`,
    from: zonedInstant(startDay, shift.start, timeZone),
    to: zonedInstant(endDay, shift.end, timeZone),
  };
}

/** The shift that contains `instant` (its start included, its end excluded). */
export function shiftAt(calendar: ShiftCalendar, instant: Date): ShiftWindow {
  const p = localParts(instant.getTime(), calendar.timeZone);
  const today = { year: p.year, month: p.month, day: p.day };
  // A shift containing the instant started today or, for one that runs past midnight, yesterday.
  for (const day of [today, addDays(today, -1)]) {
    for (const shift of calendar.shifts) {
      const window = windowOf(shift, day, calendar.timeZone);
      if (window.from.getTime() <= instant.getTime() && instant.getTime() < window.to.getTime()) return window;
    }
  }
  throw new AppError('internal', `No shift in the calendar contains ${instant.toISOString()}; check that the shifts cover the whole day.`);
}

/** The shift just before the given one. */
export function previousShift(calendar: ShiftCalendar, shift: Pick<ShiftWindow, 'from'>): ShiftWindow {
  return shiftAt(calendar, new Date(shift.from.getTime() - 1));
}

/** The most recent shift that has ended at `now`. */
export function lastCompletedShift(calendar: ShiftCalendar, now: Date): ShiftWindow {
  return previousShift(calendar, shiftAt(calendar, now));
}
