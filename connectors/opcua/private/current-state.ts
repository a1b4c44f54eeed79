/**
 * The current-state cache. It holds the last value the server sent for each tag and derives what
 * may be shown: a value becomes Uncertain when the subscription has been silent (no data, no
 * keep-alive) for longer than the stale window, and Bad while the connection is down, keeping the
 * last known value visible but never presenting it as current. No clock inside: callers pass times.
 */
import { StatusCodes } from 'node-opcua';
import { AppError } from '@/lib/errors';
import type { AssetInfo, AssetState, TagRef, TagValue, ValueUpdate } from '../plant-connection';
import { sameTagValue } from './tag-values';

type Entry = TagRef & { received: TagValue; shown: TagValue; disconnectedAt: Date | null };

const key = (assetId: string, tagId: string) => `${assetId}\u0000${tagId}`;

const NOT_YET_READ = (unit: string | null): TagValue => ({
  value: null,
  unit,
  sourceTimestamp: null,
  serverTimestamp: null,
  quality: 'bad',
  statusCode: StatusCodes.BadWaitingForInitialData.value,
  statusText: 'BadWaitingForInitialData: no value received from the plant yet',
});

export class CurrentState {
  private readonly entries = new Map<string, Entry>();
  private readonly assets = new Map<string, AssetInfo>();
  private readonly listeners = new Set<(update: ValueUpdate) => void>();
  private staleSinceMs: number | null = null;

  constructor(assets: AssetInfo[]) {
    for (const asset of assets) {
      this.assets.set(asset.id, asset);
      for (const tag of asset.tags) {
        const initial = NOT_YET_READ(tag.unit ?? null);
        this.entries.set(key(asset.id, tag.id), { assetId: asset.id, tagId: tag.id, received: initial, shown: initial, disconnectedAt: null });
      }
    }
  }

  listAssets(): AssetInfo[] {
    return [...this.assets.values()];
  }

  getValue(assetId: string, tagId: string): TagValue {
    const entry = this.entries.get(key(assetId, tagId));
    if (!entry) {
      const asset = this.assets.get(assetId);
      if (!asset) throw this.unknownAsset(assetId);
      throw new AppError('not_found', `Asset ${assetId} has no tag ${tagId}. Its tags are: ${asset.tags.map((tag) => tag.id).join(', ') || 'none'}.`);
    }
    return entry.shown;
  }

  getAsset(assetId: string): AssetState {
    const asset = this.assets.get(assetId);
    if (!asset) throw this.unknownAsset(assetId);
    const values: Record<string, TagValue> = {};
    for (const tag of asset.tags) values[tag.id] = this.entries.get(key(assetId, tag.id))!.shown;
    return { ...asset, values };
  }

  refs(): TagRef[] {
    return [...this.entries.values()].map(({ assetId, tagId }) => ({ assetId, tagId }));
  }

  subscribe(listener: (update: ValueUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A value from the server (notification or read). It also ends a disconnection for that tag.
   * Every sample is applied and passed on in the order it arrives, even one stamped before the value
   * held (a notification queued before a read that overtook it): the historian must record it. What
   * must be judged on the plant as it is now reads the server directly (actuation previews do).
   */
  apply(assetId: string, tagId: string, value: TagValue): void {
    const entry = this.entries.get(key(assetId, tagId));
    if (!entry) return;
    entry.received = value;
    entry.disconnectedAt = null;
    this.show(entry);
  }

  /** The link to the server is down: every value turns Bad, keeping the last known value. */
  markDisconnected(at: Date): void {
    for (const entry of this.entries.values()) {
      entry.disconnectedAt ??= at;
      this.show(entry);
    }
  }

  /**
   * Called periodically with the time the server was last heard from. Silence longer than the
   * window makes Good values Uncertain; hearing from the server again restores them (a keep-alive
   * proves unchanged values are still current).
   */
  checkStale(lastHeardAtMs: number, nowMs: number, staleWindowMs: number): void {
    const stale = nowMs - lastHeardAtMs > staleWindowMs;
    const staleSinceMs = stale ? lastHeardAtMs : null;
    if (staleSinceMs === this.staleSinceMs) return;
    this.staleSinceMs = staleSinceMs;
    for (const entry of this.entries.values()) this.show(entry);
  }

  private derive(entry: Entry): TagValue {
    const { received } = entry;
    if (entry.disconnectedAt) {
      return {
        ...received,
        quality: 'bad',
        statusCode: StatusCodes.BadNotConnected.value,
        statusText: `BadNotConnected: connection to the plant lost at ${entry.disconnectedAt.toISOString()}; the value shown is the last one received`,
      };
    }
    if (this.staleSinceMs !== null && received.quality === 'good') {
      return {
        ...received,
        quality: 'uncertain',
        statusCode: StatusCodes.UncertainLastUsableValue.value,
        statusText: `UncertainLastUsableValue: no message from the plant since ${new Date(this.staleSinceMs).toISOString()}`,
      };
    }
    return received;
  }

  private show(entry: Entry): void {
    const next = this.derive(entry);
    if (sameTagValue(next, entry.shown)) return;
    entry.shown = next;
    const update: ValueUpdate = { assetId: entry.assetId, tagId: entry.tagId, value: next };
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch {
        // A faulty listener must not stop the others or the connector.
      }
    }
  }

  private unknownAsset(assetId: string): AppError {
    const known = [...this.assets.keys()];
    return new AppError('not_found', `Unknown asset ${assetId}. Known assets: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}.`);
  }
}
