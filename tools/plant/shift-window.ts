/**
 * The shift a moment falls in: early 06–14, late 14–22, night 22–06, in the plant's local time
 * (Europe/Berlin), so a shift keeps starting at 06:00 across daylight-saving changes. Pure: the
 * caller passes the moment.
 */

export const SHIFT_TIME_ZONE = 'Europe/Berlin';

export type ShiftName = 'early' | 'late' | 'night';
export type ShiftWindow = { name: ShiftName; start: Date; end: Date };

type LocalParts = { year: number; month: number; day: number; hour: number };

function localParts(instantMs: number, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') };
}

function offsetMs(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant of a local wall-clock hour on a local date (Date.UTC normalises day overflow). */
function localHourToUtc(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return new Date(guess);
}

export function shiftWindow(now: Date, timeZone = SHIFT_TIME_ZONE): ShiftWindow {
  const { year, month, day, hour } = localParts(now.getTime(), timeZone);
  const at = (dayOffset: number, localHour: number) => localHourToUtc(year, month, day + dayOffset, localHour, timeZone);
  if (hour >= 6 && hour < 14) return { name: 'early', start: at(0, 6), end: at(0, 14) };
  if (hour >= 14 && hour < 22) return { name: 'late', start: at(0, 14), end: at(0, 22) };
  if (hour >= 22) return { name: 'night', start: at(0, 22), end: at(1, 6) };
  return { name: 'night', start: at(-1, 22), end: at(0, 6) };
}
