/**
 * Feeds the historian from the live plant connection: every value or quality change becomes a
 * sample, a change of a PackML `State` tag also becomes a state_change event, and connection losses
 * become connection events.
 *
 * Who records: the lease holder, and also an instance that lost the lease to a database outage
 * until it learns that another one holds it (the historian buffers until the database is back;
 * writes are idempotent, so nothing is stored twice). A standby keeps the last couple of minutes in
 * memory; when it becomes the holder it backfills them from the last stored time, then records a
 * snapshot of the current state, so a failover leaves no hole — and a marked gap where one was
 * unavoidable. A Good sample is never written again with a source time at or before the one last
 * written for its tag (a reconnect's fresh read, a hung server resuming). Retention runs on the
 * holder only, so several instances never delete at once.
 */
import { silentLogger, type Logger } from '../../lib/log';
import { shouldRecord, type ConnectorLease } from '../opcua/lease';
import type { PlantConnection, ValueUpdate } from '../opcua/plant-connection';
import type { Historian } from './historian';
import type { Sample } from './historian-types';

export type PlantRecorderOptions = {
  plant: PlantConnection;
  historian: Historian;
  lease: ConnectorLease;
  retentionCheckMs?: number;
  /** How much recent history a standby keeps for the takeover backfill. */
  standbyWindowMs?: number;
  standbyMaxRows?: number;
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
const tagKey = (sample: Sample) => `${sample.assetId}\u0000${sample.tagId}`;

type Kept = { sample: Sample; arrivedAtMs: number };

export function recordPlantHistory({
  plant,
  historian,
  lease,
  retentionCheckMs = 3_600_000,
  standbyWindowMs = 120_000,
  standbyMaxRows = 200_000,
  log = silentLogger,
}: PlantRecorderOptions): PlantRecorder {
  const lastState = new Map<string, string>();
  const lastGoodMs = new Map<string, number>();
  let standbyRows: Kept[] = [];
  let standbyLost = { rows: 0, newest: null as Date | null };

  const write = (sample: Sample) => {
    if (sample.quality === 'good') {
      const key = tagKey(sample);
      const previous = lastGoodMs.get(key);
      if (previous !== undefined && sample.time.getTime() <= previous) return;
      lastGoodMs.set(key, sample.time.getTime());
    }
    historian.record(sample);
  };

  const keep = (sample: Sample, nowMs: number) => {
    standbyRows.push({ sample, arrivedAtMs: nowMs });
    let cut = 0;
    while (cut < standbyRows.length && (standbyRows.length - cut > standbyMaxRows || standbyRows[cut]!.arrivedAtMs < nowMs - standbyWindowMs)) {
      const { time } = standbyRows[cut]!.sample;
      standbyLost.rows += 1;
      if (!standbyLost.newest || time > standbyLost.newest) standbyLost.newest = time;
      cut++;
    }
    if (cut > 0) standbyRows = standbyRows.slice(cut);
  };

  const record = (update: ValueUpdate) => {
    const now = new Date();
    const sample = sampleOf(update, now);
    if (!shouldRecord(lease)) {
      keep(sample, now.getTime());
      return;
    }
    write(sample);
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

  /** Becoming the holder: what the standby saw goes in first (Good rows at once, idempotent), then the snapshot. */
  const takeOver = () => {
    const backlog = standbyRows.map((kept) => kept.sample);
    const lost = standbyLost;
    standbyRows = [];
    standbyLost = { rows: 0, newest: null };
    for (const sample of backlog) if (sample.quality === 'good') write(sample);
    snapshot();
    // Connector verdicts carry this instance's own clock: only those after the last stored row are new.
    historian
      .lastWrittenTime()
      .then((last) => {
        for (const sample of backlog) if (sample.quality !== 'good' && (!last || sample.time > last)) write(sample);
        if (last && lost.newest && lost.newest > last) {
          historian.recordGap(
            { from: last, to: lost.newest, rows: lost.rows },
            'no instance was recording while the lease changed hands, for longer than the standby keeps',
          );
        }
        log.info({ backfilled: backlog.length, since: last?.toISOString() ?? null }, 'Backfilled plant history after taking over the lease');
      })
      .catch((error: unknown) => {
        for (const sample of backlog) if (sample.quality !== 'good') write(sample);
        log.warn({ err: error }, 'Could not read the last stored history time; backfilled everything the standby kept');
      });
  };

  const unsubscribeValues = plant.subscribe(record);
  const unsubscribeState = plant.onStateChange((state) => {
    if (!shouldRecord(lease) || state === 'closed') return;
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
    takeOver();
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
