/**
 * The shift calendar as time windows. Shifts are defined in the plant's local time (so a shift keeps
 * starting at 06:00 across daylight-saving changes) and laid out as UTC instants; the scheduler only
 * sees the complement, the closed periods, as unavailability in minutes from the plan start.
 */
import { zoneOffsetMs } from '@/lib/time-zone';
import type { WorkingCalendar } from './plant-data';

export type Interval = { startMs: number; endMs: number };
export type MinuteWindow = { start: number; end: number };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The UTC instant of a local wall-clock time; twice-checked so it holds on DST change days. */
export function localTimeToUtcMs(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return guess;
}

/** Local calendar date (y, m, d) and ISO weekday of an instant. */
export function localDate(instantMs: number, timeZone: string): { year: number; month: number; day: number; isoWeekday: number } {
  const shifted = new Date(instantMs + zoneOffsetMs(instantMs, timeZone));
  const weekday = shifted.getUTCDay();
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), isoWeekday: weekday === 0 ? 7 : weekday };
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Staffed periods of one line between fromMs and toMs: regular shifts plus extra shifts for it. */
export function workingIntervals(calendar: WorkingCalendar, lineId: string, fromMs: number, toMs: number): Interval[] {
  const intervals: Interval[] = [];
  // Start a day early: a night shift that began yesterday may still be running at fromMs.
  for (let dayMs = fromMs - DAY_MS; dayMs < toMs + DAY_MS; dayMs += DAY_MS) {
    const { year, month, day, isoWeekday } = localDate(dayMs, calendar.timeZone);
    for (const shift of calendar.shifts) {
      if (!shift.days.includes(isoWeekday)) continue;
      const [hour, minute] = shift.start.split(':').map(Number) as [number, number];
      const startMs = localTimeToUtcMs(year, month, day, hour, minute, calendar.timeZone);
      intervals.push({ startMs, endMs: startMs + shift.durationH * 3_600_000 });
    }
  }
  for (const extra of calendar.extraShifts) {
    if (extra.lineId === undefined || extra.lineId === lineId) intervals.push({ startMs: Date.parse(extra.from), endMs: Date.parse(extra.to) });
  }
  return merge(intervals)
    .map((i) => ({ startMs: Math.max(i.startMs, fromMs), endMs: Math.min(i.endMs, toMs) }))
    .filter((i) => i.endMs > i.startMs);
}

/**
 * Closed periods of a line as minute windows from the plan start, up to the horizon. Partial minutes
 * round towards closed, so work never starts before a shift does.
 */
export function closedWindows(calendar: WorkingCalendar, lineId: string, planStartMs: number, horizonDays: number): MinuteWindow[] {
  const endMs = planStartMs + horizonDays * DAY_MS;
  const open = workingIntervals(calendar, lineId, planStartMs, endMs);
  const closed: MinuteWindow[] = [];
  let cursorMs = planStartMs;
  for (const interval of open) {
    if (interval.startMs > cursorMs) closed.push(toMinutes(cursorMs, interval.startMs, planStartMs));
    cursorMs = Math.max(cursorMs, interval.endMs);
  }
  if (cursorMs < endMs) closed.push(toMinutes(cursorMs, endMs, planStartMs));
  return closed.filter((w) => w.end > w.start);
}

function toMinutes(fromMs: number, toMs: number, originMs: number): MinuteWindow {
  return { start: Math.floor((fromMs - originMs) / MINUTE_MS), end: Math.ceil((toMs - originMs) / MINUTE_MS) };
}
