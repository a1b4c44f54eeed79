/**
 * Starts the application's long-lived services in dependency order and stops them in reverse.
 * A part that cannot start (an unreachable plant, say) is reported through health as down with
 * its reason; the rest of the app still serves.
 */
import type { PlantConnection } from '../connectors/opcua/plant-connection';
import type { AssetRef } from '../agent/assets';
import type { PartRef } from '../agent/parts';
import type { OrderRef } from '../agent/orders';
import { catalogueNormalRange } from '../tools/plant/service/actuation-context';
import { liveAlarmState } from '../tools/plant/service/active-alarms';
import { setPlantTimeZone } from '../lib/plant-time';
import { startGate } from '../tools/approval/service';
import { startInspectionService } from '../tools/inspection/service/inspection-service';
import { createRegistry, type ToolServices } from '../tools/registry';
import { createSchedulingService } from '../tools/scheduling/service/scheduling-service';
import { catalogueSchedulingPlant, twinSchedulingPlant } from '../tools/scheduling/service/scheduling-plant';
import { ingestShippedCorpus, startKnowledgeBase } from '../knowledge/knowledge-base';
import { twinEntityCatalogue } from '../knowledge/twin-entities';
import { toPassage } from '../tools/manuals/tools/search-manuals';
import { materialHandoverSource } from '../tools/material/service/handover-material-source';
import { startHandoverService, type HandoverService } from '../tools/handover/service/handover-service';
import { createChatSummarize } from '../tools/handover/service/model-summary';
import { parseShiftSpec } from '@/lib/shift-calendar';
import { workingCalendar } from '../tools/scheduling/engine/working-calendar';
import { startForecastService } from '../tools/maintenance/service/forecast-service';
import { maintenanceWindows } from '../tools/maintenance/service/work-orders';
import { maintenanceHandoverSource } from '../tools/maintenance/service/handover-maintenance-source';
import { appendAudit } from '../lib/audit/audit-log';
import { startBackupService } from '../lib/db/backup-service';
import { ensureInitialUsers, renewUnusedInitialPasswords } from '../lib/auth/bootstrap';
import type { CreatedUser } from '../lib/auth/users';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db/db';
import { AppError } from '../lib/errors';
import { dbHealthCheck, type HealthCheck, type HealthPart } from '../lib/health';
import type { Logger } from '../lib/log';
import type { RuntimeServices } from './runtime';
import { startMaterialPart } from './material-part';
import { startSites, toolSites } from './sites';

export type StartedServices = {
  services: Partial<RuntimeServices>;
  health: Partial<Record<HealthPart, HealthCheck>>;
  /** Users created on first start, with their one-time passwords, for the console. */
  initialUsers: CreatedUser[];
  /** True when `initialUsers` were created earlier and have not signed in yet: their passwords are new. */
  initialUsersRenewed: boolean;
  stop(): Promise<void>;
};

export type StartOptions = {
  config: Config;
  db: Db;
  log: Logger;
  /** The shipped manuals: ingest in the background (server), wait for it (evaluations) or skip. */
  shippedManuals?: 'background' | 'await' | 'skip';
};

export async function startServices({ config, db, log, shippedManuals = 'background' }: StartOptions): Promise<StartedServices> {
  const stops: (() => Promise<void> | void)[] = [];
  const services: Partial<RuntimeServices> = {};
  const health: Partial<Record<HealthPart, HealthCheck>> = {};
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        log.warn({ err: error }, 'A service did not stop cleanly');
      }
    }
  };
  try {
    const created = await ensureInitialUsers(db);
    const initialUsers = created.length > 0 ? created : await renewUnusedInitialPasswords(db);

    // Backups of the embedded database (none with PostgreSQL, or when turned off); the database's
    // health says when the last one failed.
    const backups = startBackupService({ db, dataDir: config.dataDir, ...config.backup, log: log.child({ part: 'backup' }) });
    if (backups) {
      stops.push(() => backups.stop());
      services.backups = backups;
    }
    health.db = dbHealthCheck(db, backups?.status);

    // The plant of each site: twin (embedded default) or OPC UA / Sparkplug sources, each with its
    // historian and lease. The default site is what the single-plant members below mean.
    const started = await startSites({ config, db, log });
    stops.push(started.stop);
    health.plant = started.health;
    services.sites = started.sites;
    const plantPart = started.sites.default.part;
    if (plantPart.twin) services.twin = plantPart.twin;
    const publishPlant = () => {
      const current = plantPart.current();
      if (!current) return;
      services.plant = current.plant;
      services.historian = current.historian;
      services.connectorLease = current.lease;
    };
    publishPlant();
    plantPart.onConnected(publishPlant);
    const livePlant = (): PlantConnection => {
      const current = plantPart.current();
      if (!current) throw new AppError('plant_unreachable', 'The plant is not connected right now; see /api/health for why. Try again when it is back.');
      return current.plant;
    };

    // Inspection: AOI jobs on the CPU engine or a KServe v2 / Triton server.
    const inspection = startInspectionService({
      db,
      dataDir: config.dataDir,
      log: log.child({ part: 'inspection' }),
      backendUrl: config.inspection.backendUrl,
      model: config.inspection.model,
      seed: config.twin.seed,
    });
    stops.push(() => inspection.stop());
    services.inspection = inspection;

    // Maintenance: RUL forecasts from the historian, recomputed periodically; work orders.
    const maintenanceForecasts = await startForecastService({
      db,
      log: log.child({ part: 'maintenance' }),
      historian: {
        history: (query) => {
          const historian = plantPart.current()?.historian;
          if (!historian) throw new AppError('plant_unreachable', 'No plant history yet: the plant is not connected. Forecasts resume when it is.');
          return historian.history(query);
        },
      },
    });
    stops.push(() => maintenanceForecasts.stop());
    services.maintenanceForecasts = maintenanceForecasts;

    // Scheduling: orders from the twin when it runs in-process; release_schedule writes over OPC UA.
    // One shift calendar for the whole product: handovers, "this shift" figures on the plant and
    // the scheduler's working time.
    const shiftCalendar = parseShiftSpec(config.plant.shifts, config.plant.timeZone);
    // Text people read on the server side (chat answers, approval outcomes) is in the plant's zone.
    setPlantTimeZone(config.plant.timeZone);
    const schedulingPlant = plantPart.twin ? twinSchedulingPlant(plantPart.twin.twin) : catalogueSchedulingPlant(new Date());
    const scheduling = createSchedulingService({
      db,
      log: log.child({ part: 'scheduling' }),
      plant: schedulingPlant,
      seed: config.twin.seed,
      workers: config.scheduling.workers,
      calendar: workingCalendar(shiftCalendar),
      // Approved work orders block their windows in the schedule.
      maintenance: () => maintenanceWindows(db),
    });
    services.scheduling = scheduling;

    // Material: stock, deliveries and the VDA 5050 fleet (the twin's own when it runs in-process).
    const materialPart = await startMaterialPart({ config, log: log.child({ part: 'material' }), twin: plantPart.twin, scheduling });
    stops.push(materialPart.stop);
    health.material = materialPart.health;
    if (materialPart.service) services.material = materialPart.service;

    // Knowledge: the plant's manuals, hybrid search, citations.
    const knowledge = await startKnowledgeBase({ config, db, log: log.child({ part: 'knowledge' }), entities: twinEntityCatalogue() });
    services.knowledge = knowledge;
    health.embeddings = async () => {
      const status = await knowledge.status();
      const model = `${status.embedder.model} (${status.embedder.dimension}-d)`;
      if (status.needsReembed)
        return {
          status: 'degraded',
          reason: `Stored vectors are from ${status.storedModel?.model}; searches fail until \`plantpilot docs reembed\` is run for ${model}.`,
        };
      return { status: 'ok', reason: `${model}; ${status.documents} documents, ${status.chunks} passages indexed` };
    };
    if (shippedManuals !== 'skip') {
      // Shutdown stops the ingestion between files and waits for the file in hand, before the
      // database closes; the next start ingests what is left (unchanged files are skipped).
      const stopIngesting = new AbortController();
      const ingesting = ingestShippedCorpus(knowledge, undefined, { signal: stopIngesting.signal }).then(
        (report) => {
          const failed = report.results.filter((r) => r.status === 'failed');
          const added = report.results.filter((r) => r.status === 'ingested').length;
          if (added > 0 || failed.length > 0) log.info(`Shipped manuals: ${added} ingested, ${failed.length} failed`);
          for (const f of failed) log.warn(`Manual ${f.file} not ingested: ${f.error?.message ?? 'unknown error'}`);
        },
        (error: unknown) => log.warn({ err: error }, 'The shipped manuals could not be ingested'),
      );
      stops.push(async () => {
        stopIngesting.abort();
        await ingesting;
      });
      if (shippedManuals === 'await') await ingesting;
    }

    // The model: the offline router by default, any OpenAI-compatible endpoint when configured.
    const { startAgentService } = await import('../agent/agent-service');
    const { selectModel } = await import('../agent/models/agent-model');
    const { twinAssets } = await import('../agent/twin-assets');
    const { plantAssets } = await import('../agent/plant-assets');
    const listAssets = async (): Promise<AssetRef[]> => {
      const current = plantPart.current();
      if (!current || plantPart.twin) return twinAssets();
      return plantAssets(current.plant.listAssets());
    };
    // The material master for material requests ("how long does the STM32 last"): read from the material
    // service once it answers, then kept — part numbers and suppliers do not change while the server runs.
    let knownParts: PartRef[] | undefined;
    const listParts = async (): Promise<PartRef[]> => {
      if (knownParts) return knownParts;
      const material = materialPart.service;
      if (!material) return [];
      const snapshot = await material.snapshot();
      const supplierName = new Map(snapshot.suppliers.map((supplier) => [supplier.id, supplier.name]));
      knownParts = snapshot.parts.map((part) => ({
        partNumber: part.partNumber,
        description: part.description,
        supplier: supplierName.get(part.supplierId),
        supplierId: part.supplierId,
      }));
      return knownParts;
    };
    // The order book for orders named by product ("der HMI-Auftrag auf Linie 2"), read fresh: orders come and go.
    const listOrders = async (): Promise<OrderRef[]> => {
      const inputs = await schedulingPlant.readInputs();
      const products = new Map(inputs.layout.products.map((product) => [product.id, product]));
      return inputs.orders.map((order) => ({
        id: order.id,
        productId: order.productId,
        productName: products.get(order.productId)?.name ?? '',
        productFamily: products.get(order.productId)?.family ?? '',
        lineId: order.lineId ?? null,
        quantity: order.quantity,
        complete: order.status === 'complete',
      }));
    };
    const model = selectModel(config, listAssets, listParts, listOrders);

    // Shift handovers: generated at each shift end and on demand, every statement cited; one service
    // per site. Inspection, material and maintenance serve the default site, so only its reports have them.
    const several = started.sites.list().length > 1;
    const siteHandovers = new Map<string, HandoverService>();
    for (const site of started.sites.list()) {
      const isDefault = site === started.sites.default;
      const service = startHandoverService({
        db,
        log: log.child({ part: 'handovers', ...(several ? { site: site.id } : {}) }),
        sources: {
          // One alarm truth: an alarm the historian leaves open that the connector shows cleared is not "active".
          liveAlarms: async () => {
            const current = site.part.current();
            return current ? liveAlarmState(current.plant) : null;
          },
          ...(isDefault
            ? {
                inspection,
                ...(materialPart.service ? { material: materialHandoverSource(materialPart.service) } : {}),
                maintenance: maintenanceHandoverSource(maintenanceForecasts, config.plant.timeZone),
              }
            : {}),
        },
        calendar: shiftCalendar,
        // With an LLM, a short narrative on top, used only if it checks out against the report's data.
        summarize: model.kind === 'openai' ? createChatSummarize(model.chat) : undefined,
        ...(several ? { site: { id: site.id, key: site.historianKey, isDefault } } : {}),
      });
      stops.push(() => service.stop());
      siteHandovers.set(site.id, service);
    }
    const handovers = siteHandovers.get(started.sites.default.id)!;
    services.handovers = handovers;
    if (several) services.siteHandovers = siteHandovers;

    const toolServices: ToolServices = {
      // Several sites: the plant tools take a `site` and read that site's plant and history.
      ...toolSites(started.sites),
      ...(several ? { handoversAt: (siteId: string) => siteHandovers.get(siteId)! } : {}),
      get plant() {
        return livePlant();
      },
      get historian() {
        const historian = plantPart.current()?.historian;
        if (!historian) throw new AppError('plant_unreachable', 'No plant history: the plant is not connected right now; see /api/health.');
        return historian;
      },
      historianDb: db,
      scheduling,
      inspection,
      knowledge,
      handovers,
      material: materialPart.service,
      maintenance: {
        db,
        forecasts: maintenanceForecasts,
        searchManuals: async (query, assetId) =>
          (await knowledge.search(query, { k: 2, asset: assetId })).map((hit, index) => {
            const passage = toPassage(hit, index);
            return { id: passage.source.id, title: passage.source.title, snippet: hit.snippet, href: passage.source.href };
          }),
      },
      audit: (entry) => appendAudit(db, entry),
      normalRangeOf: catalogueNormalRange,
      shiftCalendar,
      safetyNotes: async ({ assetId, assetName, subject }) =>
        (await knowledge.search(`${assetName} ${subject} safety`, { k: 3, asset: assetId })).map((hit, index) => ({
          text: hit.snippet,
          source: toPassage(hit, index).source,
        })),
    };
    const registry = createRegistry(toolServices);
    const gate = startGate({ db, registry, log });
    stops.push(gate.stop);
    services.registry = registry;
    services.gate = gate.gate;

    // The agent: the offline model by default, any OpenAI-compatible endpoint when configured.
    const agent = await startAgentService({
      db,
      log: log.child({ part: 'agent' }),
      registry,
      gate: gate.gate,
      listAssets,
      model,
      plantName: 'Nordwerk Electronics — Fürth plant',
    });
    stops.push(() => agent.close());
    services.agent = agent;
    health.model = async () =>
      model.kind === 'offline'
        ? { status: 'ok', reason: 'Offline model: a deterministic intent router (no LLM endpoint configured).' }
        : { status: 'ok', reason: `${model.name} at ${config.model.baseUrl ?? 'api.openai.com'} (answers are checked per request)` };

    return { services, health, initialUsers, initialUsersRenewed: created.length === 0, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
