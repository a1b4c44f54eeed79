/**
 * Time-axis labels for uPlot charts in plant time, 24-hour, with the date where the day changes or the
 * window spans days. uPlot's default labels are US-style ("12/2/26", "10:30am"); these replace them.
 * Pure, so it is tested without a browser.
 */
import { formatPlantTime } from '../../lib/plant-time';

/** Labels for the axis ticks (seconds since the epoch, as uPlot passes them). */
export function timeAxisLabels(splitsS: readonly number[], timeZone: string): string[] {
  if (splitsS.length === 0) return [];
  const spanS = splitsS[splitsS.length - 1]! - splitsS[0]!;
  const dayOf = (seconds: number) => formatPlantTime(seconds * 1000, timeZone, 'date');
  return splitsS.map((seconds, index) => {
    if (spanS >= 2 * 86_400) return formatPlantTime(seconds * 1000, timeZone, 'datetime');
    // The first tick and every tick on a new day carry the date, so the day is never a guess.
    const newDay = index === 0 || dayOf(seconds) !== dayOf(splitsS[index - 1]!);
    const step = index > 0 ? seconds - splitsS[index - 1]! : spanS;
    const time = formatPlantTime(seconds * 1000, timeZone, step > 0 && step < 60 ? 'seconds' : 'time');
    return newDay ? `${formatPlantTime(seconds * 1000, timeZone, 'date').slice(0, 6)} ${time}` : time;
  });
}

/** The cursor's time in the legend: date, 24-hour time with seconds. */
export function cursorTime(seconds: number | null | undefined, timeZone: string): string {
  return seconds === null || seconds === undefined ? '—' : formatPlantTime(seconds * 1000, timeZone, 'datetimeSeconds');
}
