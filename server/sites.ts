/**
 * The sites of one deployment. Each site is one plant part (a twin, one OPC UA endpoint, or the
 * configured sources of one site) with its own connection, historian key, lease and health lines;
 * the first site is the default, which every single-plant accessor of RuntimeServices means.
 *
 * Where the sites come from: `sites:` in PLANTPILOT_PLANT_CONFIG; else PLANTPILOT_TWIN_SITES
 * (`FUE:1,ERL:2`, several built-in twins); else one site, as before.
 */
import type { Historian } from '../connectors/historian/historian';
import type { PlantConnection } from '../connectors/opcua/plant-connection';
import { sourceLeaseKey } from '../connectors/plant/start-plant-sources';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db/db';
import { AppError } from '../lib/errors';
import type { HealthCheck, PartHealth, PartStatus } from '../lib/health';
import type { Logger } from '../lib/log';
import type { ToolServices } from '../tools/registry';
import { startPlantPart, type PlantPart } from './plant-part';

export type SiteInfo = { id: string; name: string; timeZone?: string };

export type Site = SiteInfo & {
  /** The key its rows carry in the historian: empty for the default site, the id for the others. */
  historianKey: string;
  part: PlantPart;
  /** The site's live plant; AppError('plant_unreachable') while it is not connected. */
  plant(): PlantConnection;
  historian(): Historian;
};

export interface SiteRegistry {
  list(): Site[];
  /** The site with this id (the default when none is given); AppError('not_found') naming the known ones. */
  get(siteId?: string): Site;
  readonly default: Site;
}

export function siteRegistry(sites: Site[]): SiteRegistry {
  if (sites.length === 0) throw new AppError('internal', 'A deployment needs at least one site.');
  const byId = new Map(sites.map((site) => [site.id, site]));
  return {
    list: () => [...sites],
    get(siteId) {
      if (siteId === undefined) return sites[0]!;
      const site = byId.get(siteId);
      if (!site) throw new AppError('not_found', `There is no site "${siteId}". Known sites: ${sites.map((known) => known.id).join(', ')}.`);
      return site;
    },
    default: sites[0]!,
  };
}

function siteOf(info: SiteInfo, historianKey: string, part: PlantPart): Site {
  return {
    ...info,
    historianKey,
    part,
    plant() {
      const current = part.current();
      if (!current)
        throw new AppError('plant_unreachable', `The plant of site ${info.id} is not connected right now; see /api/health for why. Try again when it is back.`);
      return current.plant;
    },
    historian() {
      const current = part.current();
      if (!current) throw new AppError('plant_unreachable', `No plant history of site ${info.id}: its plant is not connected right now; see /api/health.`);
      return current.historian;
    },
  };
}

/** The worst of the sites' states: ok only when all are; down only when all are. */
function combined(parts: PartHealth[]): PartStatus {
  if (parts.every((part) => part.status === 'ok')) return 'ok';
  return parts.every((part) => part.status === 'down') ? 'down' : 'degraded';
}

export type StartedSites = { sites: SiteRegistry; health: HealthCheck; stop(): Promise<void> };

/** Starts every site's plant part in order; a file that does not parse stops the start with its message. */
export async function startSites({ config, db, log }: { config: Config; db: Db; log: Logger }): Promise<StartedSites> {
  const started: Site[] = [];
  /** Health of each site, its lines under a `site …` heading where the part does not write one itself. */
  const checks: HealthCheck[] = [];
  const stopAll = async () => {
    for (const site of [...started].reverse()) await site.part.stop();
  };
  try {
    if (config.plantConfigFile) {
      const { loadSitesConfig } = await import('../connectors/plant/plant-config');
      const { startPlantSourcesPart } = await import('./plant-sources-part');
      const file = await loadSitesConfig(config.plantConfigFile);
      for (const [index, plantConfig] of file.sites.entries()) {
        const historianKey = index === 0 ? '' : plantConfig.site.id;
        const part = await startPlantSourcesPart({ config, db, log, plantConfig, historianKey });
        const { id, name, timeZone } = plantConfig.site;
        started.push(siteOf({ id, name: name ?? id, ...(timeZone ? { timeZone } : {}) }, historianKey, part));
        checks.push(part.health);
      }
    } else if (config.twin.sites && !config.opcua.endpoint) {
      for (const [index, twinSite] of config.twin.sites.entries()) {
        const historianKey = index === 0 ? '' : twinSite.id;
        const port = config.twin.port === 0 ? 0 : config.twin.port + index;
        const part = await startPlantPart({
          config,
          db,
          log,
          site: { ...twinSite, port, historianKey, leaseKey: sourceLeaseKey(twinSite.id, 'twin') },
        });
        started.push(siteOf({ id: twinSite.id, name: twinSite.id }, historianKey, part));
        checks.push(async () => {
          const health = await part.health();
          return { ...health, reason: `site ${twinSite.id} (twin, seed ${twinSite.seed}): ${health.reason}` };
        });
      }
    } else {
      if (config.twin.sites) log.warn('PLANTPILOT_TWIN_SITES is ignored: OPCUA_ENDPOINT names the plant.');
      const part = await startPlantPart({ config, db, log });
      // One site, as before: the twin is the Fürth plant the agent is told about; a real endpoint is "the plant".
      started.push(siteOf(part.twin ? { id: 'FUE', name: 'Fürth' } : { id: 'plant', name: 'Plant' }, '', part));
      checks.push(part.health);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const sites = siteRegistry(started);
  // One site: its health as before. Several: each site's lines, one block per site.
  const health: HealthCheck =
    checks.length === 1
      ? checks[0]!
      : async () => {
          const parts = await Promise.all(checks.map((check) => check()));
          return { status: combined(parts), reason: parts.map((part) => part.reason).join('\n') };
        };
  return { sites, health, stop: stopAll };
}

/** What the tool registry needs of the sites: with several, each plant tool is made per site; with one, nothing (no `site` argument). */
export function toolSites(sites: SiteRegistry): Pick<ToolServices, 'sites'> {
  const list = sites.list();
  if (list.length < 2) return {};
  return {
    sites: {
      choice: { ids: list.map((site) => site.id), defaultId: sites.default.id },
      of(siteId) {
        const site = sites.get(siteId);
        return {
          get plant() {
            return site.plant();
          },
          get historian() {
            return site.historian();
          },
          historianSiteKey: site.historianKey,
        };
      },
    },
  };
}
