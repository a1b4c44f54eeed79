/**
 * Feeds the historian from the live plant connection, on the lease holder only: every value or
 * quality change becomes a sample, a change of a PackML `State` tag also becomes a state_change
 * event, and connection losses become connection events. When this instance becomes the holder it
 * first records a snapshot of the current state, so history has no gap at a takeover. Retention runs
 * on the holder too, so several instances never delete at once.
 */
import { silentLogger, type Logger } from '../../lib/log';
import type { ConnectorLease } from '../opcua/lease';
import type { PlantConnection, ValueUpdate } from '../opcua/plant-connection';
import type { Historian } from './historian';
import type { Sample } from './historian-types';

export type PlantRecorderOptions = {
  plant: PlantConnection;
  historian: Historian;
  lease: ConnectorLease;
  retentionCheckMs?: number;
  log?: Logger;
};

export interface PlantRecorder {
  stop(): Promise<void>;
}

export function sampleOf(update: ValueUpdate, now: Date): Sample {
  const { value } = update;
  // A connector verdict (Bad while disconnected, Uncertain while silent) happens now, not at the old source time.
  const time = value.quality === 'good' ? (value.sourceTimestamp ?? value.serverTimestamp ?? now) : now;
  const raw = value.value;
  return {
    time,
    assetId: update.assetId,
    tagId: update.tagId,
    value: typeof raw === 'number' ? raw : typeof raw === 'boolean' ? (raw ? 1 : 0) : null,
    textValue: typeof raw === 'string' ? raw : null,
    quality: value.quality,
    statusCode: value.statusCode,
  };
}

const isStateTag = (tagId: string) => tagId === 'State' || tagId.endsWith('.State');

export function recordPlantHistory({ plant, historian, lease, retentionCheckMs = 3_600_000, log = silentLogger }: PlantRecorderOptions): PlantRecorder {
  const lastState = new Map<string, string>();

  const record = (update: ValueUpdate) => {
    const now = new Date();
    historian.record(sampleOf(update, now));
    const text = update.value.value;
    if (isStateTag(update.tagId) && update.value.quality === 'good' && typeof text === 'string') {
      const key = `${update.assetId}/${update.tagId}`;
      const previous = lastState.get(key);
      lastState.set(key, text);
      if (previous !== undefined && previous !== text) {
        historian.recordEvent({
          time: update.value.sourceTimestamp ?? now,
          kind: 'state_change',
          assetId: update.assetId,
          code: text,
          message: `${update.assetId} ${previous} → ${text}`,
          payload: { from: previous, to: text, tagId: update.tagId },
        });
      }
    }
  };

  const snapshot = () => {
    for (const asset of plant.listAssets()) {
      const state = plant.getAsset(asset.id);
      for (const [tagId, value] of Object.entries(state.values)) record({ assetId: asset.id, tagId, value });
    }
  };

  const unsubscribeValues = plant.subscribe((update) => {
    if (lease.held) record(update);
  });
  const unsubscribeState = plant.onStateChange((state) => {
    if (!lease.held || state === 'closed') return;
    historian.recordEvent({
      time: new Date(),
      kind: 'connection',
      code: state,
      message: state === 'connected' ? `Reconnected to the plant at ${plant.endpointUrl}` : `Lost the connection to the plant at ${plant.endpointUrl}`,
    });
  });
  const unsubscribeLease = lease.onChange((held) => {
    if (!held) return;
    log.info('Recording plant history on this instance');
    snapshot();
  });
  if (lease.held) snapshot();

  const retentionTimer = setInterval(() => {
    if (!lease.held) return;
    historian
      .applyRetention()
      .then((deleted) => deleted.samples + deleted.events > 0 && log.info(deleted, 'Historian retention removed old rows'))
      .catch((error: unknown) => log.warn({ err: error }, 'Historian retention failed; will retry'));
  }, retentionCheckMs);
  retentionTimer.unref();

  return {
    async stop() {
      clearInterval(retentionTimer);
      unsubscribeValues();
      unsubscribeState();
      unsubscribeLease();
      await historian.flush();
    },
  };
}
