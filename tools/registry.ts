/**
 * The registry: every tool Plantpilot has, in one visible list. Chat, MCP and CLI all look tools
 * up here; actuate tools are run only by the approval gate.
 */
import { AppError } from '../lib/errors';
import type { PlantConnection } from '../connectors/opcua/plant-connection';
import type { Historian } from '../connectors/historian/historian';
import type { AuditEntryInput } from '../lib/audit/audit-log';
import { createInspectionResultsTool } from './inspection/tools/inspection-results';
import { createTriggerInspectionTool } from './inspection/tools/trigger-inspection';
import type { InspectionService } from './inspection/jobs/inspection-service';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { maintenanceTools, type MaintenanceToolDeps } from './maintenance/tools';
import type { HandoverService } from './handover/handover-service';
import type { ShiftCalendar } from './handover/shifts';
import { createGenerateShiftHandoverTool } from './handover/generate-shift-handover';
import { searchManualsTool } from './manuals/search-manuals';
import type { ActuationDeps } from './plant/actuation-context';
import { plantReadTools, type PlantReadDeps } from './plant/read-tools';
import { machineCommandTool } from './plant/machine-command';
import { setSetpointTool } from './plant/set-setpoint';
import type { SchedulingService } from './scheduling/service/scheduling-service';
import { schedulingTools } from './scheduling/tools';
import type { AnyTool } from './tool';

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

  /** The tool, or AppError('not_found') that lists what exists — a model can recover from that. */
  get(name: string): AnyTool {
    const tool = this.#tools.get(name);
    if (!tool) throw new AppError('not_found', `There is no tool named "${name}". Available tools: ${[...this.#tools.keys()].join(', ')}.`);
    return tool;
  }
}

/**
 * The services tools are built from. Each capability adds its service here as it lands; a tool
 * whose service is absent is simply not registered, so the model is never offered a tool that
 * cannot work.
 */
export type ToolServices = {
  plant?: PlantConnection;
  historian?: Historian;
  scheduling?: SchedulingService;
  inspection?: InspectionService;
  knowledge?: KnowledgeBase;
  handovers?: HandoverService;
  /** RUL forecasts and work orders (create_work_order goes through the gate). */
  maintenance?: MaintenanceToolDeps;
  /** Appends to the audit chain (for read operations that are audited, like triggering inspections). */
  audit?: (entry: AuditEntryInput) => Promise<unknown>;
  /** Passages from the manuals for approval previews. */
  safetyNotes?: ActuationDeps['safetyNotes'];
  /** The plant's shifts, for "this shift" figures. */
  shiftCalendar?: ShiftCalendar;
  /** The band a plant value normally stays in (risk of a setpoint change). */
  normalRangeOf?: ActuationDeps['normalRangeOf'];
};

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
          shiftCalendar: services.shiftCalendar,
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
  return new ToolRegistry([
    // Manuals: hybrid search with citations.
    ...(knowledge ? [searchManualsTool(knowledge)] : []),
    // Plant: read it (current values, history, alarms, production), and change it (through the gate only).
    ...(readPlant ? plantReadTools(readPlant) : []),
    ...(actuation ? [setSetpointTool(actuation), machineCommandTool(actuation)] : []),
    // Scheduling: propose, explain, what-if, and release (through the gate).
    ...(scheduling ? schedulingTools(scheduling) : []),
    // Maintenance: forecasts, work orders (creating one goes through the gate).
    ...(maintenance ? maintenanceTools(maintenance) : []),
    // Shift handover: a cited report for any window.
    ...(handovers ? [createGenerateShiftHandoverTool({ handovers })] : []),
    // Inspection: start AOI jobs, read results.
    ...(inspection && audit ? [createTriggerInspectionTool({ inspection, audit }), createInspectionResultsTool({ inspection })] : []),
  ]);
}
