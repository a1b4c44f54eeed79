/**
 * What a forecast means for a person: when the part is due, in plant time ("due between Wed 22:00 and
 * Fri 06:00, most likely Thu 14:00"), how it changed since the last forecast and why, and smoothing so
 * that noise between two ten-minute runs does not move a due date by a day (L2-RFL went 60 → 86 h
 * and back within half an hour). Pure.
 *
 * Remaining life is in operating hours; the due window counts them as clock hours from the time the
 * forecast was computed (the plant runs around the clock), so a standstill moves the date later, never
 * earlier — the conservative side for maintenance.
 */
import { formatPlantTime } from '@/lib/plant-time';
import type { AssetForecast } from './asset-forecast';

const HOUR_MS = 3_600_000;
/** Weight of a new raw forecast against the previous one carried forward. */
export const SMOOTHING_WEIGHT = 0.3;
/** Most a forecast may move per run on new data alone; a real trend still gets there over a few runs. */
export const MAX_STEP_HOURS = 6;

export type ChangeReason = 'first forecast' | 'new data' | 'maintenance done' | 'model retrained';

type Previous = Pick<AssetForecast, 'computedAt' | 'status' | 'rulHours' | 'lowerHours' | 'upperHours' | 'modelVersion' | 'cyclesObserved'>;

/** Why the forecast moved: a new model, a replaced part (fewer cycles since the replacement), or new data. */
export function changeReason(previous: Previous | undefined, current: Pick<AssetForecast, 'modelVersion' | 'cyclesObserved'>): ChangeReason {
  if (!previous || previous.status !== 'ok') return 'first forecast';
  if (previous.modelVersion !== current.modelVersion) return 'model retrained';
  if (current.cyclesObserved < previous.cyclesObserved) return 'maintenance done';
  return 'new data';
}

/**
 * The forecast to store: on new data, the previous one carried forward by the hours since (it has
 * aged) moved a share of the way to the raw one, by at most MAX_STEP_HOURS; after maintenance or a new
 * model, the raw one as it is.
 */
export function smoothForecast<
  T extends Pick<AssetForecast, 'status' | 'rulHours' | 'lowerHours' | 'upperHours' | 'computedAt' | 'modelVersion' | 'cyclesObserved'>,
>(raw: T, previous: Previous | undefined): T {
  if (raw.status !== 'ok' || raw.rulHours === null || changeReason(previous, raw) !== 'new data' || !previous || previous.rulHours === null) return raw;
  const agedH = Math.max(0, (Date.parse(raw.computedAt) - Date.parse(previous.computedAt)) / HOUR_MS);
  const blend = (previousValue: number | null, rawValue: number | null) => {
    if (rawValue === null || previousValue === null) return rawValue;
    const carried = Math.max(0, previousValue - agedH);
    const step = Math.max(-MAX_STEP_HOURS, Math.min(MAX_STEP_HOURS, SMOOTHING_WEIGHT * (rawValue - carried)));
    return Math.round((carried + step) * 100) / 100;
  };
  const rulHours = blend(previous.rulHours, raw.rulHours)!;
  const lowerHours = blend(previous.lowerHours, raw.lowerHours);
  const upperHours = blend(previous.upperHours, raw.upperHours);
  return {
    ...raw,
    rulHours,
    lowerHours: lowerHours === null ? null : Math.min(lowerHours, rulHours),
    upperHours: upperHours === null ? null : Math.max(upperHours, rulHours),
  };
}

export type DueWindow = {
  /** ISO 8601: earliest, most likely and latest due instants. */
  from: string;
  mostLikely: string;
  to: string;
  /** "due between Wed 22:00 and Fri 06:00, most likely Thu 14:00" in plant time. */
  text: string;
  basis: string;
};

function when(at: Date, reference: Date, timeZone: string): string {
  // Within the coming week a weekday names the day; further out the date does.
  return at.getTime() - reference.getTime() < 6 * 24 * HOUR_MS ? formatPlantTime(at, timeZone, 'weekdayTime') : formatPlantTime(at, timeZone, 'datetime');
}

export function dueWindow(
  forecast: Pick<AssetForecast, 'status' | 'computedAt' | 'rulHours' | 'lowerHours' | 'upperHours'>,
  timeZone: string,
): DueWindow | null {
  if (forecast.status !== 'ok' || forecast.rulHours === null) return null;
  const base = new Date(forecast.computedAt);
  const at = (hours: number) => new Date(base.getTime() + hours * HOUR_MS);
  const from = at(forecast.lowerHours ?? forecast.rulHours);
  const likely = at(forecast.rulHours);
  const to = at(forecast.upperHours ?? forecast.rulHours);
  return {
    from: from.toISOString(),
    mostLikely: likely.toISOString(),
    to: to.toISOString(),
    text: `due between ${when(from, base, timeZone)} and ${when(to, base, timeZone)}, most likely ${when(likely, base, timeZone)} (plant time)`,
    basis: `Remaining operating hours from the forecast of ${formatPlantTime(base, timeZone, 'datetime')}, counted as clock hours; a standstill moves it later.`,
  };
}

export type ForecastChange = { previousRulHours: number | null; previousComputedAt: string; changeHours: number | null; reason: ChangeReason; text: string };

export function forecastChange(
  current: Pick<AssetForecast, 'computedAt' | 'rulHours' | 'modelVersion' | 'cyclesObserved'>,
  previous: Previous | undefined,
  timeZone: string,
): ForecastChange | null {
  if (!previous) return null;
  const reason = changeReason(previous, current);
  // Compare like with like: the previous forecast as it stands now, after the hours that passed.
  const agedH = (Date.parse(current.computedAt) - Date.parse(previous.computedAt)) / HOUR_MS;
  const carried = previous.rulHours === null ? null : previous.rulHours - agedH;
  const changeHours = carried === null || current.rulHours === null ? null : Math.round((current.rulHours - carried) * 10) / 10;
  const since = formatPlantTime(previous.computedAt, timeZone, 'datetime');
  const moved =
    changeHours === null
      ? 'no earlier number to compare'
      : changeHours === 0
        ? 'unchanged'
        : `${changeHours > 0 ? 'later' : 'earlier'} by ${Math.abs(changeHours)} h`;
  return {
    previousRulHours: previous.rulHours,
    previousComputedAt: previous.computedAt,
    changeHours,
    reason,
    text: `Since the forecast of ${since}: ${moved} (${reason}).`,
  };
}
