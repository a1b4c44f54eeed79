/**
 * Starts the plant side of the app for a plant configuration file: the historian, then every
 * configured source (OPC UA servers, Sparkplug B groups) merged into one asset model. Each source has
 * its own connector lease, so with several app instances on one PostgreSQL exactly one records each
 * source's history (and an OPC UA source's alarm events), and another takes over that source alone
 * when its holder goes. A source that is down at start is retried on its own; the others serve.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Db } from '@/lib/db/db';
import { silentLogger, type Logger } from '@/lib/log';
import { createHistorian } from '@/connectors/historian/historian';
import { recordPlantHistory } from '@/connectors/historian/plant-recorder';
import { recordAlarmEvents, type AlarmEventRecorder } from '@/connectors/opcua/alarm-events';
import { startConnectorLease, type ConnectorLease } from '@/connectors/opcua/lease';
import { sharedLeaseSessions } from '@/connectors/opcua/lease-session';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import type { PlantServices } from '@/connectors/opcua/start-plant-services';
import type { Historian } from '@/connectors/historian/historian';
import type { PlantConfig, SourceConfig } from './plant-config';
import { openPlantOfSources, type PlantOfSources, type SourceSpec } from './plant-of-sources';
import { sourceSpec } from './source-spec';

export type PlantSourcesServices = PlantServices & {
  plant: PlantOfSources;
  config: PlantConfig;
  /** The lease of one source: held by the instance that records its history. */
  leaseOf(sourceId: string): ConnectorLease;
};

type Recorder = { stop(): Promise<void> };
type Context = { dataDir: string; historian: Historian; leases: Map<string, ConnectorLease>; log: Logger; recorders: Recorder[] };

/** The advisory-lock key of a source's lease: stable per site and source id, apart from the single-endpoint key. */
export function sourceLeaseKey(siteId: string, sourceId: string): number {
  // 48 bits keep it a safe integer; Postgres advisory locks take any bigint.
  return createHash('sha256').update(`plantpilot-source-lease:${siteId}/${sourceId}`).digest().readUIntBE(0, 6);
}

/** All sources' leases as one, for what asks whether this instance records the plant: held only when it records every source. */
function combinedLease(leases: ConnectorLease[]): ConnectorLease {
  const combined: ConnectorLease = {
    get held() {
      return leases.every((lease) => lease.held);
    },
    get standby() {
      return leases.some((lease) => lease.standby);
    },
    onChange(listener) {
      const offs = leases.map((lease) => lease.onChange(() => listener(combined.held)));
      return () => offs.forEach((off) => off());
    },
    async close() {
      await Promise.all(leases.map((lease) => lease.close()));
    },
  };
  return combined;
}

/** Records a newly connected source's history (and alarm events, for OPC UA) under that source's lease. */
async function recordSource(source: SourceConfig, connection: PlantConnection, context: Context, log: Logger): Promise<void> {
  const lease = context.leases.get(source.id)!;
  context.recorders.push(recordPlantHistory({ plant: connection, historian: context.historian, lease, log }));
  if (!('opcua' in source)) return;
  // Alarm events add code, priority and state to history; without them the source still serves.
  const alarms: AlarmEventRecorder | undefined = await recordAlarmEvents({ plant: connection, historian: context.historian, lease, log }).catch(
    (error: unknown) => {
      log.warn({ err: error }, `Could not subscribe to alarm events from source ${source.id}; alarm history will lack them`);
      return undefined;
    },
  );
  if (alarms) context.recorders.push(alarms);
}

function specOf(source: SourceConfig, context: Context): SourceSpec {
  const log = context.log.child({ source: source.id });
  const spec = sourceSpec(source, { dataDir: context.dataDir, log });
  return {
    ...spec,
    async connect() {
      const connection = await spec.connect();
      await recordSource(source, connection, context, log);
      return connection;
    },
  };
}

/**
 * Never throws for an unreachable source (it is retried and health says why); throws
 * AppError('config_invalid') when two sources serve the same asset id.
 */
export async function startPlantSources(input: {
  db: Db;
  dataDir: string;
  config: PlantConfig;
  retryMs?: number;
  retentionDays?: number;
  /** The site's historian key: empty (the default) for the deployment's first site, its id for the others. */
  historianKey?: string;
  log?: Logger;
}): Promise<PlantSourcesServices> {
  const log = input.log ?? silentLogger;
  const leases = new Map<string, ConnectorLease>();
  // One database session holds every source's lock: a connection per source would starve the pool.
  const sessions = sharedLeaseSessions(input.db);
  for (const source of input.config.sources) {
    leases.set(
      source.id,
      await startConnectorLease(input.db, { key: sourceLeaseKey(input.config.site.id, source.id), log: log.child({ source: source.id }), sessions }),
    );
  }
  const lease = combinedLease([...leases.values()]);
  const historian = createHistorian(input.db, {
    retentionDays: input.retentionDays ?? 90,
    spillDir: path.join(input.dataDir, 'historian-spill', input.historianKey ?? ''),
    siteKey: input.historianKey,
    log,
  });
  const context: Context = { dataDir: input.dataDir, historian, leases, log, recorders: [] };
  let plant: PlantOfSources;
  try {
    plant = await openPlantOfSources(
      input.config.sources.map((source) => specOf(source, context)),
      { name: `site ${input.config.site.id}`, retryMs: input.retryMs, log },
    );
  } catch (error) {
    for (const recorder of context.recorders.splice(0)) await recorder.stop();
    await historian.close();
    await lease.close();
    throw error;
  }
  const recording = [...leases].filter(([, sourceLease]) => sourceLease.held).map(([id]) => id);
  log.info(
    `Plant ${input.config.site.name ?? input.config.site.id}: ${input.config.sources.length} sources, ${plant.listAssets().length} assets so far; this instance records ${recording.length > 0 ? recording.join(', ') : 'no source (others hold their leases)'}`,
  );
  let closed = false;
  return {
    plant,
    historian,
    lease,
    config: input.config,
    leaseOf: (sourceId) => leases.get(sourceId)!,
    async close() {
      if (closed) return;
      closed = true;
      for (const recorder of context.recorders.splice(0).reverse()) await recorder.stop();
      await plant.close();
      await historian.close();
      await lease.close();
    },
  };
}
