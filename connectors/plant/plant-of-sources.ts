/**
 * One asset model over many sources: a PlantConnection that merges the assets of several OPC UA
 * servers and Sparkplug B groups, so every tool, page, the historian and the MCP resources see one
 * plant. Each asset belongs to exactly one source (a duplicate id is refused, never silently
 * shadowed), reads and writes go to the owner (writes through write-path.ts, which asks this
 * connection's router), and every asset carries the id of its source. A source that cannot be
 * reached at start is retried on its own, without holding up the others.
 */
import { AppError, toAppError } from '@/lib/errors';
import { silentLogger, type Logger } from '@/lib/log';
import type { AssetInfo, AssetState, ConnectionState, PlantConnection, TagRef, TagValue, ValueUpdate } from '@/connectors/opcua/plant-connection';
import { registerSourceRouter } from './private/write-drivers';

export type SourceKind = 'opcua' | 'sparkplug';

export type SourceSpec = {
  id: string;
  kind: SourceKind;
  /** Where it is, for health and errors: the endpoint or broker URL. */
  address: string;
  connect(): Promise<PlantConnection>;
};

export type SourceStatus = {
  id: string;
  kind: SourceKind;
  address: string;
  /** `connecting`: never connected yet, retried every retryMs; otherwise the connection's own state. */
  state: ConnectionState | 'connecting';
  assets: number;
  monitoredItems: number;
  reconnects: number;
  /** Why it is not connected, or why some of its assets are left out (duplicate ids). */
  problem?: string;
};

export interface PlantOfSources extends PlantConnection {
  sources(): SourceStatus[];
  /** The source connection that owns the asset, once connected. */
  connectionOf(sourceId: string): PlantConnection | undefined;
}

type Slot = { spec: SourceSpec; connection?: PlantConnection; lastError?: string; retry?: NodeJS.Timeout; detach: (() => void)[] };

/**
 * Connects every source (concurrently), retrying the ones that fail in the background. Throws
 * AppError('config_invalid') when two connected sources serve an asset with the same id, and
 * AppError('plant_unreachable') only when no source at all could be reached.
 */
export async function openPlantOfSources(
  specs: SourceSpec[],
  /** retryMs: how often a source that is down at start is tried again; null: never (a one-off check). */
  options: { name: string; retryMs?: number | null; log?: Logger; requireOne?: boolean },
): Promise<PlantOfSources> {
  const log = options.log ?? silentLogger;
  const retryMs = options.retryMs === null ? null : (options.retryMs ?? 15_000);
  const slots: Slot[] = specs.map((spec) => ({ spec, detach: [] }));
  const listeners = new Set<(update: ValueUpdate) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let closed = false;
  let state: ConnectionState = 'reconnecting';

  const emit = (update: ValueUpdate) => {
    for (const listener of listeners) {
      try {
        listener(update);
      } catch {
        // A faulty listener must not stop the others or the sources.
      }
    }
  };

  const computeState = (): ConnectionState =>
    closed ? 'closed' : slots.every((slot) => slot.connection?.state === 'connected') ? 'connected' : 'reconnecting';
  const refreshState = () => {
    const next = computeState();
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  /** Asset id → owning slot, first source in configuration order wins; later duplicates are conflicts. */
  let cachedOwners: Map<string, Slot> | undefined;
  const ownership = () => {
    const owners = new Map<string, Slot>();
    const conflicts = new Map<Slot, string[]>();
    for (const slot of slots) {
      for (const asset of slot.connection?.listAssets() ?? []) {
        const owner = owners.get(asset.id);
        if (!owner) owners.set(asset.id, slot);
        else if (owner !== slot) conflicts.set(slot, [...(conflicts.get(slot) ?? []), `${asset.id} (also in ${owner.spec.id})`]);
      }
    }
    cachedOwners = owners;
    return { owners, conflicts };
  };
  /** The owner without recomputing for every value update: only a new asset id (a birth) or a new source recomputes. */
  const cachedOwnerOf = (assetId: string): Slot | undefined => cachedOwners?.get(assetId) ?? ownership().owners.get(assetId);

  const ownerOf = (assetId: string): Slot => {
    const slot = cachedOwnerOf(assetId);
    if (slot) return slot;
    const known = [...ownership().owners.keys()];
    const waiting = slots.filter((candidate) => !candidate.connection).map((candidate) => candidate.spec.id);
    throw new AppError(
      'not_found',
      `Unknown asset ${assetId}. Known assets: ${known.slice(0, 30).join(', ') || 'none'}${known.length > 30 ? ', …' : ''}.` +
        (waiting.length > 0 ? ` Not connected yet: source ${waiting.join(', ')}, whose assets are not known.` : ''),
    );
  };

  const attach = (slot: Slot, connection: PlantConnection) => {
    slot.connection = connection;
    slot.lastError = undefined;
    slot.detach.push(
      connection.subscribe((update) => {
        // Values of an asset another source owns are not this plant's values.
        if (cachedOwnerOf(update.assetId) === slot) emit(update);
      }),
      connection.onStateChange(() => refreshState()),
    );
    // Listeners subscribed before this source came up have not seen its values yet.
    const { owners } = ownership();
    for (const asset of connection.listAssets()) {
      if (owners.get(asset.id) !== slot) continue;
      for (const [tagId, value] of Object.entries(connection.getAsset(asset.id).values)) emit({ assetId: asset.id, tagId, value });
    }
    refreshState();
  };

  const tryConnect = async (slot: Slot): Promise<void> => {
    if (closed) return;
    try {
      const connection = await slot.spec.connect();
      if (closed) return void (await connection.close());
      attach(slot, connection);
      log.info(`Plant source ${slot.spec.id} connected (${slot.spec.address}): ${connection.listAssets().length} assets`);
    } catch (error) {
      slot.lastError = toAppError(error, 'plant_unreachable').message;
      if (retryMs === null) return log.error(`Plant source ${slot.spec.id}: ${slot.lastError}`);
      log.error(`Plant source ${slot.spec.id}: ${slot.lastError} Retrying every ${retryMs / 1000} s.`);
      slot.retry = setTimeout(() => void tryConnect(slot), retryMs);
      slot.retry.unref();
    }
  };

  const close = async () => {
    if (closed) return;
    closed = true;
    for (const slot of slots) {
      if (slot.retry) clearTimeout(slot.retry);
      for (const detach of slot.detach.splice(0)) detach();
    }
    await Promise.all(
      slots.map((slot) => slot.connection?.close().catch((error: unknown) => log.warn({ err: error }, `Plant source ${slot.spec.id} did not close cleanly`))),
    );
    state = 'closed';
    for (const listener of stateListeners) listener('closed');
    stateListeners.clear();
  };

  await Promise.all(slots.map((slot) => tryConnect(slot)));
  const { conflicts } = ownership();
  if (conflicts.size > 0) {
    const lines = [...conflicts].map(
      ([slot, ids]) =>
        `source ${slot.spec.id} (${slot.spec.address}) serves ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`,
    );
    await close();
    throw new AppError(
      'config_invalid',
      `Asset ids must be unique across the plant's sources, but ${lines.join('; ')}. Give the assets distinct ids (an asset mapping file per OPC UA server, unique Sparkplug device ids) or drop one of the sources.`,
    );
  }
  if (options.requireOne && slots.every((slot) => !slot.connection)) {
    const reasons = slots.map((slot) => `${slot.spec.id}: ${slot.lastError}`).join('; ');
    await close();
    throw new AppError('plant_unreachable', `None of the plant's sources could be reached — ${reasons}`);
  }

  const routeTo = (assetId: string): PlantConnection => ownerOf(assetId).connection!;

  const plant: PlantOfSources = {
    endpointUrl: `${options.name} (${specs.map((spec) => `${spec.id} ${spec.address}`).join(', ')})`,
    get state() {
      return state;
    },
    listAssets(): AssetInfo[] {
      const { owners } = ownership();
      return slots.flatMap((slot) =>
        (slot.connection?.listAssets() ?? []).filter((asset) => owners.get(asset.id) === slot).map((asset) => ({ ...asset, source: slot.spec.id })),
      );
    },
    getAsset(assetId): AssetState {
      const slot = ownerOf(assetId);
      return { ...slot.connection!.getAsset(assetId), source: slot.spec.id };
    },
    getValue: (assetId, tagId): TagValue => routeTo(assetId).getValue(assetId, tagId),
    async readNow(refs?: TagRef[]): Promise<ValueUpdate[]> {
      if (!refs) {
        // Everything: each connected source reads its own; a source that is down keeps its Bad values.
        const connected = slots.filter((slot) => slot.connection?.state === 'connected');
        const results = await Promise.all(connected.map((slot) => slot.connection!.readNow().catch(() => [] as ValueUpdate[])));
        const { owners } = ownership();
        return results.flatMap((updates, index) => updates.filter((update) => owners.get(update.assetId) === connected[index]));
      }
      const bySlot = new Map<Slot, TagRef[]>();
      for (const ref of refs) {
        const slot = ownerOf(ref.assetId);
        bySlot.set(slot, [...(bySlot.get(slot) ?? []), ref]);
      }
      const results = await Promise.all([...bySlot].map(([slot, slotRefs]) => slot.connection!.readNow(slotRefs)));
      return results.flat();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    stats() {
      const all = slots.filter((slot) => slot.connection).map((slot) => slot.connection!.stats());
      const heard = all.map((stats) => stats.lastHeardAt?.getTime()).filter((time): time is number => time !== undefined);
      return {
        monitoredItems: all.reduce((sum, stats) => sum + stats.monitoredItems, 0),
        reconnects: all.reduce((sum, stats) => sum + stats.reconnects, 0),
        lastHeardAt: heard.length > 0 ? new Date(Math.max(...heard)) : null,
      };
    },
    sources(): SourceStatus[] {
      const { conflicts } = ownership();
      return slots.map((slot) => {
        const stats = slot.connection?.stats();
        const conflict = conflicts.get(slot);
        const problem = !slot.connection
          ? (slot.lastError ?? 'connecting')
          : conflict
            ? `left out because their ids are taken: ${conflict.join(', ')}`
            : undefined;
        return {
          id: slot.spec.id,
          kind: slot.spec.kind,
          address: slot.spec.address,
          state: slot.connection?.state ?? 'connecting',
          assets: slot.connection?.listAssets().length ?? 0,
          monitoredItems: stats?.monitoredItems ?? 0,
          reconnects: stats?.reconnects ?? 0,
          ...(problem ? { problem } : {}),
        };
      });
    },
    connectionOf: (sourceId) => slots.find((slot) => slot.spec.id === sourceId)?.connection,
    close,
  };
  registerSourceRouter(plant, routeTo);
  return plant;
}
