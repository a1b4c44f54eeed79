/**
 * The plant part of the server: the built-in twin (when no OPCUA_ENDPOINT is set) and the OPC UA
 * connector, historian and lease; or, with PLANTPILOT_PLANT_CONFIG, the configured plant of several
 * sources (plant-sources-part.ts). If the plant cannot be reached at start the app still serves,
 * health says why, and the connection is retried in the background until it succeeds. With
 * PLANTPILOT_TWIN_SITES there is one such part per twin site (server/sites.ts).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { PlantConnection } from '../connectors/opcua/plant-connection';
import { startPlantServices, type PlantServices, type PlantServicesSettings } from '../connectors/opcua/start-plant-services';
import type { TwinServer, TwinWarmUp } from '../connectors/twin/server';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db/db';
import { toAppError } from '../lib/errors';
import type { HealthCheck } from '../lib/health';
import type { Logger } from '../lib/log';

const RETRY_MS = 15_000;
/** The OPC UA identity the app uses with its own twin; the password is new at every start. */
const TWIN_USER = 'plantpilot';

/** One of several built-in twins run as sites: its seed, port, and the historian key and lease of its site. */
export type TwinSite = { id: string; seed: number; port: number; historianKey: string; leaseKey: number };

export type PlantPart = {
  twin?: TwinServer;
  /** Resolves with the plant services once connected (immediately if the first try works). */
  current(): PlantServices | undefined;
  onConnected(listener: (services: PlantServices) => void): void;
  health: HealthCheck;
  stop(): Promise<void>;
};

/**
 * At the first start on an empty historian, the twin begins `warmUpHours` in the past and its
 * recorded history goes into the historian, so the plant pages, handovers and maintenance
 * forecasts have data from the first minute. Later starts (history present) skip it.
 */
async function twinWarmUp(config: Config, db: Db, log: Logger, historianKey = ''): Promise<{ warmUp: TwinWarmUp; finish(): Promise<void> } | undefined> {
  const hours = config.twin.warmUpHours;
  if (hours <= 0) return undefined;
  const { rows } = await db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM historian_samples WHERE site_id = $1) AS present', [historianKey]);
  if (rows[0]?.present) return undefined;
  const { createHistorian } = await import('../connectors/historian/historian');
  const historian = createHistorian(db, { siteKey: historianKey });
  const started = performance.now();
  return {
    warmUp: { hours, sink: historian },
    async finish() {
      await historian.flush();
      const { written } = historian.stats();
      await historian.close();
      log.info(
        `Plant twin: simulated the last ${hours} h into the empty historian (${written} rows, ${((performance.now() - started) / 1000).toFixed(1)} s). ` +
          'Set PLANTPILOT_TWIN_WARM_UP_HOURS=0 to start without history.',
      );
    },
  };
}

/** The twin or the one OPC UA endpoint; `site` when this twin is one of several sites (PLANTPILOT_TWIN_SITES). */
export async function startPlantPart({ config, db, log, site }: { config: Config; db: Db; log: Logger; site?: TwinSite }): Promise<PlantPart> {
  const seed = site?.seed ?? config.twin.seed;
  const port = site?.port ?? config.twin.port;
  const siteNote = site ? `site ${site.id}: ` : '';
  let twin: TwinServer | undefined;
  let settings: PlantServicesSettings;
  let lastError: string | undefined;
  if (config.opcua.endpoint && !site) {
    settings = {
      endpointUrl: config.opcua.endpoint,
      mappingFile: config.opcua.mappingFile,
      securityMode: config.opcua.securityMode,
      securityPolicy: config.opcua.securityPolicy,
      identity: config.opcua.username ? { type: 'username', username: config.opcua.username, password: config.opcua.password ?? '' } : { type: 'anonymous' },
    };
  } else {
    const password = randomBytes(18).toString('base64url');
    try {
      const { startTwinServer } = await import('../connectors/twin/server');
      const warmUp = await twinWarmUp(config, db, log, site?.historianKey);
      try {
        twin = await startTwinServer(
          {
            port,
            seed,
            speed: config.twin.speed,
            users: [{ username: TWIN_USER, password }],
            // Each twin server its own store: two creating one certificate store at once would race.
            certificateDir: path.join(config.dataDir, site && site.historianKey ? `twin-pki-${site.id}` : 'twin-pki'),
          },
          { warmUp: warmUp?.warmUp },
        );
      } finally {
        await warmUp?.finish();
      }
      log.info(`${siteNote}Plant twin serving ${twin.endpointUrl} (seed ${seed}, speed ×${config.twin.speed})`);
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /EADDRINUSE|address already in use/i.test(String((error as Error).message));
      lastError = inUse
        ? `${siteNote}Cannot start the plant twin: port ${port} is in use. Set PLANTPILOT_TWIN_PORT to a free port (0 = any), or OPCUA_ENDPOINT to a real plant.`
        : `${siteNote}Cannot start the plant twin: ${toAppError(error).message}`;
      log.error(lastError);
    }
    settings = { endpointUrl: twin?.endpointUrl ?? `opc.tcp://localhost:${port}`, identity: { type: 'username', username: TWIN_USER, password } };
  }

  let services: PlantServices | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const listeners: ((services: PlantServices) => void)[] = [];

  const connect = async (): Promise<void> => {
    if (stopped || (!twin && (!config.opcua.endpoint || site))) return;
    try {
      const siteServices = site?.historianKey ? { site: { historianKey: site.historianKey, leaseKey: site.leaseKey } } : {};
      services = await startPlantServices({
        db,
        dataDir: config.dataDir,
        log: log.child({ part: 'plant', ...(site ? { site: site.id } : {}) }),
        settings,
        ...siteServices,
      });
      lastError = undefined;
      log.info(`${siteNote}Connected to the plant at ${settings.endpointUrl}: ${services.plant.listAssets().length} assets`);
      for (const listener of listeners) listener(services);
    } catch (error) {
      lastError = toAppError(error, 'plant_unreachable').message;
      log.error(`${lastError} Retrying every ${RETRY_MS / 1000} s.`);
      retryTimer = setTimeout(() => void connect(), RETRY_MS);
      retryTimer.unref();
    }
  };
  await connect();

  const health: HealthCheck = async () => {
    if (!services) return { status: 'down', reason: lastError ?? 'Not connected to the plant yet.' };
    const plant: PlantConnection = services.plant;
    const stats = plant.stats();
    const where = twin ? `plant twin ${plant.endpointUrl}` : plant.endpointUrl;
    if (plant.state === 'connected') {
      return {
        status: 'ok',
        reason: `${where}: ${plant.listAssets().length} assets, ${stats.monitoredItems} monitored tags${services.lease.held ? ', writing history' : ''}`,
      };
    }
    return {
      status: 'degraded',
      reason: `${where}: connection ${plant.state}; values are shown as Bad until it is back (${stats.reconnects} reconnects so far).`,
    };
  };

  return {
    twin,
    current: () => services,
    onConnected: (listener) => listeners.push(listener),
    health,
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await services?.close().catch((error: unknown) => log.warn({ err: error }, 'The plant connection did not close cleanly'));
      await twin?.close().catch((error: unknown) => log.warn({ err: error }, 'The plant twin did not close cleanly'));
    },
  };
}
