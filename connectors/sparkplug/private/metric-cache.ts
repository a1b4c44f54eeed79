/**
 * The Sparkplug current-state cache. Unlike OPC UA, the assets are not known up front: a device
 * exists once its DBIRTH arrives, and a birth replaces its metric list. Values turn Bad (keeping the
 * last one visible) when the device or its edge node dies or the broker link is lost, and Good
 * again only with the next birth, which is the one message that vouches for every value at once.
 * No clock inside: callers pass times.
 */
import { StatusCodes } from 'node-opcua';
import { AppError } from '@/lib/errors';
import type { AssetInfo, AssetState, TagValue, ValueUpdate } from '@/connectors/opcua/plant-connection';

type Entry = { received: TagValue; shown: TagValue };
type AssetEntry = { info: AssetInfo; values: Map<string, Entry>; dead: { at: Date; reason: string } | null };

const NOT_YET_REPORTED = (unit: string | null): TagValue => ({
  value: null,
  unit,
  sourceTimestamp: null,
  serverTimestamp: null,
  quality: 'bad',
  statusCode: StatusCodes.BadWaitingForInitialData.value,
  statusText: 'BadWaitingForInitialData: the device was born without a value for this metric',
});

function same(a: TagValue, b: TagValue): boolean {
  return (
    a.value === b.value &&
    a.quality === b.quality &&
    a.statusCode === b.statusCode &&
    a.statusText === b.statusText &&
    a.unit === b.unit &&
    a.sourceTimestamp?.getTime() === b.sourceTimestamp?.getTime() &&
    a.serverTimestamp?.getTime() === b.serverTimestamp?.getTime()
  );
}

export class MetricCache {
  private readonly assets = new Map<string, AssetEntry>();
  private readonly listeners = new Set<(update: ValueUpdate) => void>();

  listAssets(): AssetInfo[] {
    return [...this.assets.values()].map((entry) => entry.info);
  }

  /** Why the asset's values are Bad (death or broker loss), or null while it is alive. */
  deathOf(assetId: string): { at: Date; reason: string } | null {
    return this.requireAsset(assetId).dead;
  }

  getValue(assetId: string, tagId: string): TagValue {
    const asset = this.requireAsset(assetId);
    const entry = asset.values.get(tagId);
    if (!entry)
      throw new AppError('not_found', `Asset ${assetId} has no tag ${tagId}. Its tags are: ${asset.info.tags.map((tag) => tag.id).join(', ') || 'none'}.`);
    return entry.shown;
  }

  getAsset(assetId: string): AssetState {
    const asset = this.requireAsset(assetId);
    const values: Record<string, TagValue> = {};
    for (const [tagId, entry] of asset.values) values[tagId] = entry.shown;
    return { ...asset.info, values };
  }

  subscribe(listener: (update: ValueUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A birth: the asset's metric list and every value, all current; ends a death. */
  birth(info: AssetInfo, values: Map<string, TagValue>): void {
    const previous = this.assets.get(info.id);
    const entry: AssetEntry = { info, values: new Map(), dead: null };
    for (const tag of info.tags) {
      const shown = previous?.values.get(tag.id)?.shown ?? NOT_YET_REPORTED(tag.unit ?? null);
      entry.values.set(tag.id, { received: values.get(tag.id) ?? NOT_YET_REPORTED(tag.unit ?? null), shown });
    }
    this.assets.set(info.id, entry);
    for (const tagId of entry.values.keys()) this.show(entry, tagId);
  }

  /** A DATA message's value. Ignored while the asset is dead: only a birth revives it. */
  apply(assetId: string, tagId: string, value: TagValue): void {
    const asset = this.assets.get(assetId);
    const entry = asset?.values.get(tagId);
    if (!asset || !entry || asset.dead) return;
    entry.received = value;
    this.show(asset, tagId);
  }

  /** The device or its edge node died, or the broker link is gone: every value turns Bad. */
  markDead(assetId: string, at: Date, reason: string): void {
    const asset = this.assets.get(assetId);
    if (!asset || asset.dead) return;
    asset.dead = { at, reason };
    for (const tagId of asset.values.keys()) this.show(asset, tagId);
  }

  markAllDead(at: Date, reason: string): void {
    for (const assetId of this.assets.keys()) this.markDead(assetId, at, reason);
  }

  private derive(asset: AssetEntry, entry: Entry): TagValue {
    if (!asset.dead) return entry.received;
    return {
      ...entry.received,
      quality: 'bad',
      statusCode: StatusCodes.BadNotConnected.value,
      statusText: `BadNotConnected: ${asset.dead.reason} at ${asset.dead.at.toISOString()}; the value shown is the last one received`,
    };
  }

  private show(asset: AssetEntry, tagId: string): void {
    const entry = asset.values.get(tagId)!;
    const next = this.derive(asset, entry);
    if (same(next, entry.shown)) return;
    entry.shown = next;
    const update: ValueUpdate = { assetId: asset.info.id, tagId, value: next };
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch {
        // A faulty listener must not stop the others or the connector.
      }
    }
  }

  private requireAsset(assetId: string): AssetEntry {
    const asset = this.assets.get(assetId);
    if (asset) return asset;
    const known = [...this.assets.keys()];
    throw new AppError(
      'not_found',
      `Unknown asset ${assetId}. Known assets: ${known.slice(0, 30).join(', ') || 'none yet (no Sparkplug device has been born)'}${known.length > 30 ? ', …' : ''}.`,
    );
  }
}
