/**
 * Starts the plant side of the app server: the connector lease, the historian, the OPC UA
 * connection and the recorder that writes history while this instance holds the lease. The app
 * server calls `startPlantServices` once and publishes the result on `getRuntime().services`.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../lib/db/db';
import { silentLogger, type Logger } from '../../lib/log';
import { createHistorian, type Historian } from '../historian/historian';
import { recordPlantHistory } from '../historian/plant-recorder';
import { recordAlarmEvents, type AlarmEventRecorder } from './alarm-events';
import { loadAssetMapping } from './asset-mapping';
import { startConnectorLease, type ConnectorLease } from './lease';
import { Deadband, SecurityMode, SecurityPolicyName, UserIdentity, connectPlant, type PlantConnection } from './plant-connection';

export const PlantServicesSettings = z.object({
  endpointUrl: z.string(),
  /** A JSON/YAML asset mapping for a real plant; without one, assets are discovered by browsing. */
  mappingFile: z.string().optional(),
  browseRootNodeId: z.string().default('ns=1;s=Plant'),
  securityMode: SecurityMode.default('None'),
  securityPolicy: SecurityPolicyName.default('None'),
  trustUnknownServerCertificate: z.boolean().default(false),
  identity: UserIdentity.default({ type: 'anonymous' }),
  staleWindowMs: z.number().int().positive().optional(),
  samplingIntervalMs: z.number().int().min(0).optional(),
  publishingIntervalMs: z.number().int().positive().optional(),
  deadband: Deadband.optional(),
  retentionDays: z.number().positive().default(90),
});
export type PlantServicesSettings = z.input<typeof PlantServicesSettings>;

export type PlantServices = {
  plant: PlantConnection;
  historian: Historian;
  lease: ConnectorLease;
  close(): Promise<void>;
};

/**
 * Throws AppError('plant_unreachable') when the plant cannot be reached at start; everything it
 * opened is closed again. Certificates live in `<dataDir>/opcua-pki`.
 */
export async function startPlantServices(input: {
  db: Db;
  dataDir: string;
  settings: PlantServicesSettings;
  log?: Logger;
  /** A site after the first of a deployment: its historian key and its own lease (default: the one-site ones). */
  site?: { historianKey: string; leaseKey: number };
}): Promise<PlantServices> {
  const log = input.log ?? silentLogger;
  const settings = PlantServicesSettings.parse(input.settings);
  const lease = await startConnectorLease(input.db, { log, ...(input.site ? { key: input.site.leaseKey } : {}) });
  // Rows that outgrow memory during a database outage wait on disk, and survive a restart; each site's in its own folder.
  const spillDir = path.join(input.dataDir, 'historian-spill', input.site?.historianKey ?? '');
  const historian = createHistorian(input.db, { retentionDays: settings.retentionDays, spillDir, siteKey: input.site?.historianKey, log });
  let plant: PlantConnection;
  try {
    plant = await connectPlant(
      {
        endpointUrl: settings.endpointUrl,
        securityMode: settings.securityMode,
        securityPolicy: settings.securityPolicy,
        trustUnknownServerCertificate: settings.trustUnknownServerCertificate,
        certificateDir: path.join(input.dataDir, 'opcua-pki'),
        identity: settings.identity,
        staleWindowMs: settings.staleWindowMs,
        samplingIntervalMs: settings.samplingIntervalMs,
        publishingIntervalMs: settings.publishingIntervalMs,
        deadband: settings.deadband,
        tags: settings.mappingFile
          ? { kind: 'mapping', mapping: await loadAssetMapping(settings.mappingFile) }
          : { kind: 'browse', rootNodeId: settings.browseRootNodeId },
      },
      { log },
    );
  } catch (error) {
    await historian.close();
    await lease.close();
    throw error;
  }
  const recorder = recordPlantHistory({ plant, historian, lease, log });
  // Alarm events add code, priority and state to history; without them the plant still serves.
  const alarmRecorder: AlarmEventRecorder | undefined = await recordAlarmEvents({ plant, historian, lease, log }).catch((error: unknown) => {
    log.warn({ err: error }, 'Could not subscribe to alarm events from the plant; alarm history will lack them');
    return undefined;
  });
  log.info(
    `Plant: ${plant.listAssets().length} assets at ${plant.endpointUrl}; ${lease.held ? 'this instance records history' : 'another instance records history'}`,
  );
  let closed = false;
  return {
    plant,
    historian,
    lease,
    async close() {
      if (closed) return;
      closed = true;
      await alarmRecorder?.stop();
      await recorder.stop();
      await plant.close();
      await historian.close();
      await lease.close();
    },
  };
}
