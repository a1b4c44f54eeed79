/**
 * An asset's recent life as the RUL model reads it: the historian's hourly buckets of its three
 * condition signals, one cycle per hour in which the asset reported vibration (a stopped asset's
 * condition monitor holds its last value and sends nothing new), starting after the last part
 * replacement. A replacement shows as vibration falling back toward baseline from one hour to the
 * next; the twin's maintenance event is not needed for that, so the same rule works on a real plant.
 */
import type { Bucket, HistoryResult } from '@/connectors/historian/historian-types';
import type { Historian } from '@/connectors/historian/historian';
import type { UnitHistory } from '../engine/unit-history';
import { signalTags, type DegradingAsset } from './degrading-assets';

const HOUR_MS = 3_600_000;
/** A fall of vibration by at least this much, and this share, from one hour to the next is a replacement. */
const RESET_DROP_MMS = 1.0;
const RESET_DROP_SHARE = 0.3;

export type AssetCycles = { history: UnitHistory; lastHour?: Date; replacedAt?: Date };

function bucketsOf(result: HistoryResult): Bucket[] {
  return result.resolution === 'buckets' ? result.buckets : [];
}

/**
 * Joins hourly buckets of the three signals into cycles (hours where all three have a mean) and
 * keeps only those after the last detected replacement. Pure.
 */
export function cyclesFromBuckets(asset: DegradingAsset, bucketsByTag: Readonly<Record<string, readonly Bucket[]>>, speedPct = 100): AssetCycles {
  const tags = signalTags(asset.profile);
  const byHour = tags.map(
    (tag) => new Map((bucketsByTag[tag] ?? []).filter((b) => b.avg !== null && b.count > b.badCount).map((b) => [b.start.getTime(), b.avg!])),
  );
  const hours = [...byHour[0].keys()].filter((hour) => byHour.every((map) => map.has(hour))).sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i < hours.length; i++) {
    const before = byHour[0].get(hours[i - 1])!;
    const after = byHour[0].get(hours[i])!;
    if (before - after >= RESET_DROP_MMS && before - after >= RESET_DROP_SHARE * before) start = i;
  }
  const kept = hours.slice(start);
  return {
    history: {
      unitId: asset.id,
      cycles: kept.map((hour, index) => ({
        cycle: index + 1,
        settings: [speedPct],
        sensors: Object.fromEntries(tags.map((tag, t) => [tag, byHour[t].get(hour)!])),
      })),
    },
    lastHour: kept.length > 0 ? new Date(kept[kept.length - 1]) : undefined,
    replacedAt: start > 0 ? new Date(hours[start]) : undefined,
  };
}

/** Reads the last `lookbackHours` of the asset's condition signals from the historian, hourly. */
export async function readAssetCycles(historian: Pick<Historian, 'history'>, asset: DegradingAsset, now: Date, lookbackHours: number): Promise<AssetCycles> {
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const from = new Date(to.getTime() - lookbackHours * HOUR_MS);
  const entries = await Promise.all(
    signalTags(asset.profile).map(
      async (tagId) => [tagId, bucketsOf(await historian.history({ assetId: asset.id, tagId, from, to, resolution: 3600 }))] as const,
    ),
  );
  return cyclesFromBuckets(asset, Object.fromEntries(entries));
}
