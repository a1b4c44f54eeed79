/**
 * The shift a moment falls in, for "this shift" figures on the plant. One shift calendar serves the
 * whole product (tools/handover/engine/shifts.ts: configurable, in the plant's time zone, DST-safe); this
 * is the plant tools' view of it. Pure: the caller passes the moment.
 */
import { DEFAULT_SHIFT_CALENDAR, shiftAt, type ShiftCalendar } from '@/lib/shift-calendar';

export const SHIFT_TIME_ZONE = DEFAULT_SHIFT_CALENDAR.timeZone;

export type ShiftWindow = { name: string; start: Date; end: Date };

export function shiftWindow(now: Date, calendar: ShiftCalendar = DEFAULT_SHIFT_CALENDAR): ShiftWindow {
  const shift = shiftAt(calendar, now);
  return { name: shift.name, start: shift.from, end: shift.to };
}
