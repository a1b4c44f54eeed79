/**
 * The key condition signal of an asset (its vibration: the first to show bearing wear, and the one the
 * twin trips on) as hourly means over the last 48 h, for the Maintenance page's sparklines.
 */
import type { Historian } from '@/connectors/historian/historian';
import { AppError } from '@/lib/errors';
import { DEGRADING_ASSETS } from './degrading-assets';
import { TRIP_VIBRATION_MMS } from './twin-histories';

const HOUR_MS = 3_600_000;
export const KEY_SIGNAL_WINDOW_H = 48;

export type KeySignalSeries = {
  assetId: string;
  tagId: string;
  unit: 'mm/s';
  /** Where the machine trips, for scaling the sparkline. */
  tripValue: number;
  points: { time: string; value: number }[];
};

export async function keySignalSeries(historian: Pick<Historian, 'history'>, assetId: string, now: Date): Promise<KeySignalSeries> {
  const asset = DEGRADING_ASSETS.find((a) => a.id === assetId);
  if (!asset) throw new AppError('not_found', `${assetId} has no wear forecast. Assets with one: ${DEGRADING_ASSETS.map((a) => a.id).join(', ')}.`);
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const from = new Date(to.getTime() - KEY_SIGNAL_WINDOW_H * HOUR_MS);
  const tagId = asset.profile.vibrationTagId;
  const result = await historian.history({ assetId, tagId, from, to, resolution: 3600 });
  const buckets = result.resolution === 'buckets' ? result.buckets : [];
  return {
    assetId,
    tagId,
    unit: 'mm/s',
    tripValue: TRIP_VIBRATION_MMS,
    points: buckets.filter((b) => b.avg !== null).map((b) => ({ time: b.start.toISOString(), value: b.avg! })),
  };
}
