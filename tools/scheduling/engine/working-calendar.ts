/**
 * The scheduler's working time from the plant's one shift configuration (PLANTPILOT_SHIFTS and
 * PLANTPILOT_TIME_ZONE), so handovers, "this shift" figures and the schedule agree on when shifts
 * start. The scheduler also needs staffed days: these shifts run Monday to Friday (night shifts
 * start on those days), as the scheduler's default calendar always had; weekend work is an extra shift.
 */
import type { ShiftCalendar } from '@/lib/shift-calendar';
import type { WorkingCalendar } from './plant-data';

const WEEKDAYS = [1, 2, 3, 4, 5];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function workingCalendar(shifts: ShiftCalendar): Pick<WorkingCalendar, 'timeZone' | 'shifts'> {
  return {
    timeZone: shifts.timeZone,
    shifts: shifts.shifts.map((shift) => {
      const lengthMin = (minutesOf(shift.end) - minutesOf(shift.start) + 24 * 60) % (24 * 60) || 24 * 60;
      return { name: shift.name[0]!.toUpperCase() + shift.name.slice(1), days: WEEKDAYS, start: shift.start, durationH: lengthMin / 60 };
    }),
  };
}
