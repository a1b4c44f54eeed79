/**
 * Reading a counter from the historian at an instant, for order progress and rates (production_status).
 * Shift figures (counts, run time, OEE) are not computed here: they come from tools/kpis, the one
 * ISO 22400 module every face uses.
 */
import type { Historian } from '@/connectors/historian/historian';

const LOOKBACK_MS = 86_400_000;

/** Value of a numeric tag at `at`: the last good sample in the day before it. */
export async function valueAt(historian: Historian, assetId: string, tagId: string, at: Date): Promise<number | null> {
  const result = await historian.history({ assetId, tagId, from: new Date(at.getTime() - LOOKBACK_MS), to: at, resolution: LOOKBACK_MS / 1000 });
  if (result.resolution !== 'buckets') return null;
  for (let index = result.buckets.length - 1; index >= 0; index--) {
    const last = result.buckets[index]!.last;
    if (last !== null) return last;
  }
  return null;
}

/** First good numeric sample in a window. */
export async function firstSample(historian: Historian, assetId: string, tagId: string, from: Date, to: Date): Promise<{ time: Date; value: number } | null> {
  const result = await historian.history({ assetId, tagId, from, to, resolution: 'raw', maxPoints: 50 });
  if (result.resolution !== 'raw') return null;
  const point = result.points.find((candidate) => candidate.quality === 'good' && candidate.value !== null);
  return point ? { time: point.time, value: point.value! } : null;
}
