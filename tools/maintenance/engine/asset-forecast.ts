/**
 * One asset's forecast as stored and as tools and pages see it. RUL is in operating hours: one model
 * cycle is one running hour of the asset, so wall-clock time to failure is longer when it stands.
 */
import { z } from 'zod';

export const ForecastStatus = z.enum(['ok', 'insufficient_history']);
export type ForecastStatus = z.infer<typeof ForecastStatus>;

export const TopSignal = z.object({
  /** The tag id (e.g. `SpindleVibrationMmS`) or `cycles_observed`. */
  signal: z.string(),
  /** Operating hours the signal added to (positive) or took from (negative) the average forecast. */
  contributionHours: z.number(),
});
export type TopSignal = z.infer<typeof TopSignal>;

export const AssetForecast = z.object({
  assetId: z.string(),
  computedAt: z.string(),
  status: ForecastStatus,
  rulHours: z.number().nullable(),
  lowerHours: z.number().nullable(),
  upperHours: z.number().nullable(),
  topSignals: z.array(TopSignal),
  modelVersion: z.string(),
  /** Hourly cycles the forecast was computed from (since the last detected part replacement). */
  cyclesObserved: z.number().int(),
  /** Why there is no number, or a caveat about the one given. */
  detail: z.string().nullable(),
});
export type AssetForecast = z.infer<typeof AssetForecast>;

/**
 * Orders forecasts by risk: the lowest plausible remaining life (the interval's lower bound) first,
 * since that is the one a maintenance planner must act before. Assets without a number come last.
 */
export function rankByRisk<T extends Pick<AssetForecast, 'assetId' | 'status' | 'lowerHours' | 'rulHours'>>(
  forecasts: readonly T[],
): (T & { riskRank: number })[] {
  return [...forecasts]
    .sort((a, b) => {
      const aKnown = a.status === 'ok' ? 0 : 1;
      const bKnown = b.status === 'ok' ? 0 : 1;
      if (aKnown !== bKnown) return aKnown - bKnown;
      return (
        (a.lowerHours ?? Infinity) - (b.lowerHours ?? Infinity) || (a.rulHours ?? Infinity) - (b.rulHours ?? Infinity) || a.assetId.localeCompare(b.assetId)
      );
    })
    .map((forecast, index) => ({ ...forecast, riskRank: index + 1 }));
}
