/**
 * The registry: every tool Plantpilot has, in one visible list. Chat, MCP and CLI all look tools
 * up here; actuate tools are run only by the approval gate, and faces run read tools through
 * `runRead`, which refuses an actuate tool.
 */
import type { Historian } from '../connectors/historian/historian';
import type { PlantConnection } from '../connectors/opcua/plant-connection';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Queryable } from '../lib/db/db';
import type { AuditEntryInput } from '../lib/audit/audit-log';
import type { Db } from '../lib/db/db';
import { AppError } from '../lib/errors';
import type { ShiftCalendar } from '@/lib/shift-calendar';
import type { HandoverService } from './handover/service/handover-service';
import { createGenerateShiftHandoverTool } from './handover/tools/generate-shift-handover';
import type { InspectionService } from './inspection/service/inspection-service';
import { createInspectionResultsTool } from './inspection/tools/inspection-results';
import { createTriggerInspectionTool } from './inspection/tools/trigger-inspection';
import { createWorkOrderTool, type CreateWorkOrderDeps } from './maintenance/tools/create-work-order';
import { createListWorkOrdersTool } from './maintenance/tools/list-work-orders';
import { createMaintenanceForecastTool, type MaintenanceForecastDeps } from './maintenance/tools/maintenance-forecast';
import { searchManualsTool } from './manuals/tools/search-manuals';
import type { ActuationDeps } from './plant/service/actuation-context';
import type { PlannedTimes, PlantReadDeps } from './plant/service/read-deps';
import { alarmsTool } from './plant/tools/alarms';
import { assetStateTool } from './plant/tools/asset-state';
import { machineCommandTool } from './plant/tools/machine-command';
import { plantOverviewTool } from './plant/tools/plant-overview';
import { productionStatusTool } from './plant/tools/production-status';
import { setSetpointTool } from './plant/tools/set-setpoint';
import { tagHistoryTool } from './plant/tools/tag-history';
import type { OrderSequenceWriter } from './scheduling/service/scheduling-plant';
import type { MaterialService } from './material/service/material-service';
import { dispatchTransportTool } from './material/tools/dispatch-transport';
import { materialStatusTool } from './material/tools/material-status';
import { planReplenishmentTool } from './material/tools/plan-replenishment';
import { supplyDisruptionImpactTool } from './material/tools/supply-disruption-impact';
import type { SchedulingService } from './scheduling/service/scheduling-service';
import { explainLateOrderTool } from './scheduling/tools/explain-late-order';
import { proposeScheduleTool } from './scheduling/tools/propose-schedule';
import { plantSequenceWriter, releaseScheduleTool } from './scheduling/tools/release-schedule';
import { whatIfTool } from './scheduling/tools/what-if';
import { bindSite, siteScoped, type SiteChoice } from './site-scope';
import type { AnyTool, ToolCallContext } from './tool';

const TOOL_NAME = /^[a-z][a-z0-9_]{2,63}$/;

export class ToolRegistry {
  readonly #tools = new Map<string, AnyTool>();

  constructor(tools: AnyTool[]) {
    for (const tool of tools) {
      if (!TOOL_NAME.test(tool.name)) throw new AppError('internal', `Tool name "${tool.name}" must be snake_case, 3–64 characters.`);
      if (this.#tools.has(tool.name)) throw new AppError('internal', `Two tools are named "${tool.name}".`);
      if (tool.effect === 'actuate' && (!tool.preview || !tool.readBack)) {
        throw new AppError('internal', `Actuate tool "${tool.name}" needs a preview (for the approver) and a read-back (to confirm the effect).`);
      }
      this.#tools.set(tool.name, tool);
    }
  }

  list(): AnyTool[] {
    return [...this.#tools.values()];
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  /**
   * Runs a read tool for a face (chat, MCP, a route, the CLI), its input parsed by the tool's schema.
   * An actuate tool is refused here, whatever the caller: those run only through the approval gate.
   */
  async runRead(name: string, args: unknown, context: ToolCallContext): Promise<unknown> {
    const tool = this.get(name);
    if (tool.effect !== 'read') {
      throw new AppError(
        'approval_required',
        `${tool.title} (${tool.name}) changes the plant; it runs only through an approval request, never as a read. Nothing was changed.`,
      );
    }
    return tool.run(tool.input.parse(bindSite(tool, args, context.site)), context);
  }

  /** The tool, or AppError('not_found') that lists what exists — a model can recover from that. */
  get(name: string): AnyTool {
    const tool = this.#tools.get(name);
    if (!tool) throw new AppError('not_found', `There is no tool named "${name}". Available tools: ${[...this.#tools.keys()].join(', ')}.`);
    return tool;
  }
}

/** What the maintenance tools are built from. */
export type MaintenanceToolDeps = MaintenanceForecastDeps & { db: Db; scheduledWorkOverlapping?: CreateWorkOrderDeps['scheduledWorkOverlapping'] };

/**
 * The services tools are built from. Each capability adds its service here as it lands; a tool
 * whose service is absent is simply not registered, so the model is never offered a tool that
 * cannot work.
 */
export type ToolServices = {
  plant?: PlantConnection;
  historian?: Historian;
  /** The database the historian writes to: shift figures (tools/kpis) are computed from it in SQL. */
  historianDb?: Queryable;
  scheduling?: SchedulingService;
  inspection?: InspectionService;
  knowledge?: KnowledgeBase;
  handovers?: HandoverService;
  /** RUL forecasts and work orders (create_work_order goes through the gate). */
  maintenance?: MaintenanceToolDeps;
  /**
   * How release_schedule hands a sequence to the plant; default: the plant's LoadOrderSequence method
   * over OPC UA (tests and the in-process twin pass the twin's own).
   */
  sequenceWriter?: OrderSequenceWriter;
  /** Appends to the audit chain (for read operations that are audited, like triggering inspections). */
  audit?: (entry: AuditEntryInput) => Promise<unknown>;
  /** Passages from the manuals for approval previews. */
  safetyNotes?: ActuationDeps['safetyNotes'];
  /** The plant's shifts, for "this shift" figures. */
  shiftCalendar?: ShiftCalendar;
  /** The band a plant value normally stays in (risk of a setpoint change). */
  normalRangeOf?: ActuationDeps['normalRangeOf'];
  /** Material: stock, deliveries, disruptions, replenishment and the VDA 5050 fleet (dispatch goes through the gate). */
  material?: MaterialService;
  /**
   * Several sites: the plant tools are made per site and take a `site` argument (site-scope.ts);
   * `plant` and `historian` above are the default site's. Absent with one site: no `site` argument.
   */
  sites?: { choice: SiteChoice; of(siteId: string): Pick<PlantReadDeps, 'plant' | 'historian' | 'historianSiteKey'> };
  /** Several sites: each site's handover service (the handover tool then takes a `site`). */
  handoversAt?: (siteId: string) => HandoverService;
};

/** A machine's order now, from its OrderId tag; null when the plant is not connected or the value is not Good. */
function runningOrderOf(services: ToolServices, assetId: string): string | null {
  try {
    const value = services.plant!.getValue(assetId, 'OrderId');
    return value.quality === 'good' && typeof value.value === 'string' && value.value !== '' ? value.value : null;
  } catch {
    return null;
  }
}

/** Every tool, in one list. */
export function createRegistry(services: ToolServices): ToolRegistry {
  const { scheduling, inspection, audit, knowledge, handovers, maintenance } = services;
  // `plant` may be a getter that fails with plant_unreachable until the connection is up, so the
  // actuation tools read it at call time rather than here.
  const readPlant: PlantReadDeps | undefined =
    'plant' in services && 'historian' in services
      ? {
          get plant() {
            return services.plant!;
          },
          get historian() {
            return services.historian!;
          },
          get historianDb() {
            return services.historianDb;
          },
          shiftCalendar: services.shiftCalendar,
          plannedTimes: services.scheduling ? () => plannedTimesOf(services.scheduling!) : undefined,
        }
      : undefined;
  const actuation: ActuationDeps | undefined =
    'plant' in services
      ? {
          get plant() {
            return services.plant!;
          },
          safetyNotes: services.safetyNotes,
          normalRangeOf: services.normalRangeOf,
        }
      : undefined;
  // With several sites each plant tool is one instance per site, reading that site's plant.
  const { sites } = services;
  const readAt = (siteId: string): PlantReadDeps => {
    const site = sites!.of(siteId);
    return {
      get plant() {
        return site.plant;
      },
      get historian() {
        return site.historian;
      },
      get historianDb() {
        return services.historianDb;
      },
      historianSiteKey: site.historianSiteKey,
      shiftCalendar: services.shiftCalendar,
    };
  };
  const perSite = <Deps>(deps: Deps, at: (siteId: string) => Deps, make: (deps: Deps) => AnyTool): AnyTool =>
    sites ? siteScoped(sites.choice, (siteId) => make(at(siteId))) : make(deps);
  const actuationAt = (siteId: string): ActuationDeps => ({
    get plant() {
      return sites!.of(siteId).plant;
    },
    safetyNotes: services.safetyNotes,
    normalRangeOf: services.normalRangeOf,
  });
  const writer = services.sequenceWriter ?? ('plant' in services ? plantSequenceWriter(() => services.plant!) : undefined);
  return new ToolRegistry([
    // Manuals: hybrid search with citations.
    ...(knowledge ? [searchManualsTool(knowledge)] : []),
    // Plant: read it (current values, history, alarms, production) …
    ...(readPlant ? [plantOverviewTool, assetStateTool, tagHistoryTool, alarmsTool, productionStatusTool].map((make) => perSite(readPlant, readAt, make)) : []),
    // … and change it (actuate: through the gate only; the approval binds the site).
    ...(actuation ? [setSetpointTool, machineCommandTool].map((make) => perSite(actuation, actuationAt, make)) : []),
    // Scheduling: propose, explain, what-if, and release (actuate).
    ...(scheduling
      ? [proposeScheduleTool(scheduling), explainLateOrderTool(scheduling), whatIfTool(scheduling), releaseScheduleTool({ scheduling, writer })]
      : []),
    // Maintenance: forecasts, work orders (creating one is actuate).
    ...(maintenance
      ? [
          createMaintenanceForecastTool(maintenance),
          createWorkOrderTool({ db: maintenance.db, scheduledWorkOverlapping: maintenance.scheduledWorkOverlapping }),
          createListWorkOrdersTool({ db: maintenance.db, listAssets: 'plant' in services ? () => services.plant!.listAssets() : undefined }),
        ]
      : []),
    // Shift handover: a cited report for any window.
    ...(handovers
      ? [
          services.handoversAt
            ? perSite({ handovers }, (siteId) => ({ handovers: services.handoversAt!(siteId) }), createGenerateShiftHandoverTool)
            : createGenerateShiftHandoverTool({ handovers }),
        ]
      : []),
    // Material: stock and run-out, supply disruptions, replenishment runs, and transports (through the gate).
    ...(services.material
      ? [
          materialStatusTool(services.material),
          supplyDisruptionImpactTool(services.material),
          planReplenishmentTool(services.material),
          dispatchTransportTool(services.material),
        ]
      : []),
    // Inspection: start AOI jobs, read results.
    ...(inspection && audit
      ? [
          createTriggerInspectionTool({ inspection, audit, runningOrder: 'plant' in services ? (assetId) => runningOrderOf(services, assetId) : undefined }),
          createInspectionResultsTool({ inspection }),
        ]
      : []),
  ]);
}

/** Each order's start, end and due time in the current plan, for the production status of a planned order. */
async function plannedTimesOf(scheduling: SchedulingService): Promise<ReadonlyMap<string, PlannedTimes>> {
  const plan = await scheduling.currentPlan();
  return new Map(
    plan.schedule.lines.flatMap((line) =>
      line.orders.map((order) => [order.orderId, { startAt: order.startAt, endAt: order.endAt, dueAt: order.dueAt }] as const),
    ),
  );
}
