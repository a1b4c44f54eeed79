/**
 * The plant part when PLANTPILOT_PLANT_CONFIG names a plant configuration: every configured source
 * (OPC UA servers, Sparkplug B groups) in one asset model. Health has one line per source, so an
 * operator sees which server or broker is down while the rest of the plant keeps serving. One part
 * per configured site (server/sites.ts reads the file).
 */
import type { PlantConfig } from '../connectors/plant/plant-config';
import type { PlantSourcesServices } from '../connectors/plant/start-plant-sources';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db/db';
import { toAppError } from '../lib/errors';
import type { HealthCheck, PartHealth } from '../lib/health';
import type { Logger } from '../lib/log';
import type { PlantPart } from './plant-part';

function healthOf(services: PlantSourcesServices): PartHealth {
  const sources = services.plant.sources();
  const lines = sources.map((source) => {
    const where = `${source.id} (${source.kind} ${source.address})`;
    if (source.state === 'connected') {
      const counts = `${source.assets} assets, ${source.monitoredItems} ${source.kind === 'sparkplug' ? 'metrics' : 'monitored tags'}`;
      const recording = services.leaseOf(source.id).held ? ', writing history' : '';
      return `${where}: connected, ${counts}${recording}${source.problem ? `; ${source.problem}` : ''}`;
    }
    if (source.state === 'connecting') return `${where}: not connected — ${source.problem ?? 'connecting'}`;
    return `${where}: connection ${source.state}; its values are shown as Bad until it is back (${source.reconnects} reconnects so far)`;
  });
  const connected = sources.filter((source) => source.state === 'connected').length;
  const status = connected === sources.length && sources.every((source) => !source.problem) ? 'ok' : connected === 0 ? 'down' : 'degraded';
  const site = services.config.site;
  const recorded = sources.filter((source) => services.leaseOf(source.id).held).length;
  const header = `site ${site.name ?? site.id}: ${connected} of ${sources.length} sources connected; this instance records history for ${recorded} of them`;
  return { status, reason: [header, ...lines].join('\n') };
}

/**
 * One site of the plant configuration; `historianKey` is empty for the deployment's first site and
 * the site's id for the others (DEFAULT_SITE_KEY, 0017_historian_sites.sql).
 */
export async function startPlantSourcesPart({
  config,
  db,
  log,
  plantConfig,
  historianKey = '',
}: {
  config: Config;
  db: Db;
  log: Logger;
  plantConfig: PlantConfig;
  historianKey?: string;
}): Promise<PlantPart> {
  const { startPlantSources } = await import('../connectors/plant/start-plant-sources');
  let services: PlantSourcesServices | undefined;
  let lastError: string | undefined;
  try {
    services = await startPlantSources({
      db,
      dataDir: config.dataDir,
      config: plantConfig,
      historianKey,
      log: log.child({ part: 'plant', site: plantConfig.site.id }),
    });
    log.info(`Plant site ${plantConfig.site.id} from ${config.plantConfigFile}: ${plantConfig.sources.map((source) => source.id).join(', ')}`);
  } catch (error) {
    // Only a configuration conflict gets here (unreachable sources are retried inside); retrying cannot fix it.
    lastError = toAppError(error, 'config_invalid').message;
    log.error(lastError);
  }

  const health: HealthCheck = async () =>
    services
      ? healthOf(services)
      : { status: 'down', reason: `site ${plantConfig.site.name ?? plantConfig.site.id}: ${lastError ?? 'The plant is not connected yet.'}` };
  return {
    current: () => services,
    // Sources that are down at start are retried inside the plant, so the services exist from the start.
    onConnected: () => undefined,
    health,
    async stop() {
      await services?.close().catch((error: unknown) => log.warn({ err: error }, 'The plant sources did not close cleanly'));
    },
  };
}
