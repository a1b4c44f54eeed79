/**
 * The running application as the composition root assembles it: the infrastructure core from
 * `lib/runtime` plus one member per capability service. This is the one list of what runs; a new
 * capability adds its member here. A member is absent when its part is not started (tests, or a part
 * that failed to start, which health then reports).
 */
import type { AgentService } from '@/agent/agent-service';
import type { ConnectorLease } from '@/connectors/opcua/lease';
import type { Historian } from '@/connectors/historian/historian';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import type { TwinServer } from '@/connectors/twin/server';
import type { KnowledgeBase } from '@/knowledge/knowledge-base';
import type { BackupService } from '@/lib/db/backup-service';
import { getRuntime as getCore, setRuntime as setCore, tryGetRuntime as tryGetCore, type RuntimeCore } from '@/lib/runtime';
import type { Gate } from '@/tools/approval/gate';
import type { HandoverService } from '@/tools/handover/service/handover-service';
import type { InspectionService } from '@/tools/inspection/service/inspection-service';
import type { MaterialService } from '@/tools/material/service/material-service';
import type { ForecastService } from '@/tools/maintenance/service/forecast-service';
import type { ToolRegistry } from '@/tools/registry';
import type { SchedulingService } from '@/tools/scheduling/service/scheduling-service';
import type { SiteRegistry } from './sites';

export type RuntimeServices = {
  /** The approval gate: the only code that runs an actuate tool. */
  gate: Gate;
  /** Every tool, for the chat, MCP and the CLI. */
  registry: ToolRegistry;
  /** The chat agent. */
  agent: AgentService;
  /** Manuals: ingestion and hybrid search. */
  knowledge: KnowledgeBase;
  /** Every site of the deployment (one plant part each); the first is the default. */
  sites: SiteRegistry;
  /** The default site's connection to its plant (or the twin). */
  plant: PlantConnection;
  /** The default site's recorded plant values and events. */
  historian: Historian;
  /** The default site's plant-connector lease (one writer of history across instances). */
  connectorLease: ConnectorLease;
  /** The default site's built-in plant twin, when it runs in this process (OPCUA_ENDPOINT unset). */
  twin: TwinServer;
  scheduling: SchedulingService;
  /** The default site's handovers. */
  handovers: HandoverService;
  /** Several sites: each site's handovers, by site id (absent with one site). */
  siteHandovers: ReadonlyMap<string, HandoverService>;
  inspection: InspectionService;
  maintenanceForecasts: ForecastService;
  /** Material: stock, deliveries and the VDA 5050 fleet (absent until the material side is wired in). */
  material: MaterialService;
  /** Scheduled backups of the embedded database (absent with DATABASE_URL). */
  backups: BackupService;
};

export type Runtime = RuntimeCore & { services: Partial<RuntimeServices> };

export function setRuntime(runtime: Runtime | undefined): void {
  setCore(runtime);
}

/** The running application, services included; AppError('internal') when none runs in this process. */
export function getRuntime(): Runtime {
  return getCore() as Runtime;
}

export function tryGetRuntime(): Runtime | undefined {
  return tryGetCore() as Runtime | undefined;
}
