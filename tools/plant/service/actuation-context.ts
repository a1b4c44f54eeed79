/**
 * What the actuation tools need besides the plant connection: engineering limits beyond the
 * OPC UA EURange (the normal operating band), and safety notes from the manuals for the
 * approver. Both are optional: without them the preview says less, the gate is the same.
 */
import type { PlantConnection, TagValue } from '@/connectors/opcua/plant-connection';
import { findMachine, tagsForMachine } from '@/connectors/twin/catalogue';
import { AppError } from '@/lib/errors';
import type { Source } from '../../sources';

export type NumericRange = { low: number; high: number };

export type SafetyNote = { text: string; source?: Source };

export type ActuationDeps = {
  plant: PlantConnection;
  /** The band a value normally stays in; a change outside it is high risk. */
  normalRangeOf?: (assetId: string, tagId: string) => NumericRange | undefined;
  /** Relevant passages from the manuals (lockout, limits, effects) for the approver. */
  safetyNotes?: (query: { assetId: string; assetName: string; subject: string }) => Promise<SafetyNote[]>;
  /** How long read-back waits for the plant to show the change. */
  readBackTimeoutMs?: number;
};

/** Normal bands from the twin's catalogue: a setpoint's band is that of the value it drives. */
export function catalogueNormalRange(assetId: string, tagId: string): NumericRange | undefined {
  const machine = findMachine(assetId);
  if (!machine) return undefined;
  const tags = tagsForMachine(machine);
  const tag = tags.find((t) => t.id === tagId);
  if (!tag) return undefined;
  if (tag.normalRange) return tag.normalRange;
  const follower = tag.followedBy ? tags.find((t) => t.id === tag.followedBy) : undefined;
  return follower?.normalRange;
}

export function requireAsset(plant: PlantConnection, assetId: string) {
  const asset = plant.listAssets().find((a) => a.id === assetId);
  if (!asset) {
    const ids = plant
      .listAssets()
      .map((a) => a.id)
      .slice(0, 30);
    throw new AppError('not_found', `There is no asset "${assetId}". Use an exact asset id, e.g. ${ids.slice(0, 6).join(', ')}.`);
  }
  return asset;
}

/**
 * The value the plant holds now, read from the server rather than the subscription cache: an
 * approval preview is judged twice (when filed and when it runs) and each judgement must see the
 * plant, not a notification still in flight. When the read fails the cached value is used; its
 * quality then says it is not current and the preview tells the approver so.
 */
export async function liveValue(plant: PlantConnection, assetId: string, tagId: string): Promise<TagValue> {
  if (plant.state === 'connected') {
    try {
      const [update] = await plant.readNow([{ assetId, tagId }]);
      if (update) return update.value;
    } catch {
      // fall through to the cache, whose quality records why it may be stale
    }
  }
  return plant.getValue(assetId, tagId);
}

export function describeValue(value: TagValue | undefined, unit?: string | null): string {
  if (!value || value.value === null) return 'unknown';
  const text = typeof value.value === 'number' ? String(Math.round(value.value * 100) / 100) : String(value.value);
  const quality = value.quality === 'good' ? '' : ` (${value.quality} quality: ${value.statusText})`;
  return `${text}${unit ? ` ${unit}` : ''}${quality}`;
}

export async function safetyNotesFor(deps: ActuationDeps, query: { assetId: string; assetName: string; subject: string }): Promise<SafetyNote[]> {
  if (!deps.safetyNotes) return [];
  try {
    return (await deps.safetyNotes(query)).slice(0, 3);
  } catch {
    // Manuals that cannot be searched right now must not block an approval request;
    // the approver sees that no notes were found.
    return [];
  }
}
