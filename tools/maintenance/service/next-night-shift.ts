/**
 * The default maintenance window when no scheduler is wired: the start of the next night shift
 * (22:00 plant time, the default shift calendar's quietest shift). A fallback, and the tool says so.
 */
import { PLANT } from '@/connectors/twin/catalogue';

const HOUR_MS = 3_600_000;
const NIGHT_SHIFT_START_HOUR = 22;

function localHour(time: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(time);
  return Number(hour);
}

/** The next whole hour at or after `after` that is 22:00 in the plant's time zone, for `durationH` hours. */
export function nextNightShift(after: Date, durationH: number, timeZone: string = PLANT.timeZone): { from: Date; to: Date } {
  const first = Math.ceil(after.getTime() / HOUR_MS) * HOUR_MS;
  for (let h = 0; h < 48; h++) {
    const candidate = new Date(first + h * HOUR_MS);
    if (localHour(candidate, timeZone) === NIGHT_SHIFT_START_HOUR) return { from: candidate, to: new Date(candidate.getTime() + durationH * HOUR_MS) };
  }
  // Time zones with half-hour offsets never hit a whole UTC hour at 22:00; fall back to 24 h ahead.
  return { from: new Date(first + 24 * HOUR_MS), to: new Date(first + (24 + durationH) * HOUR_MS) };
}
