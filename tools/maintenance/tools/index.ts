/** The maintenance tools, for the registry: forecast (read), work orders (actuate through the gate, and read). */
import type { Db } from '../../../lib/db/db';
import type { AnyTool } from '../../tool';
import { createWorkOrderTool, type CreateWorkOrderDeps } from './create-work-order';
import { createListWorkOrdersTool } from './list-work-orders';
import { createMaintenanceForecastTool, type MaintenanceForecastDeps } from './maintenance-forecast';

export type MaintenanceToolDeps = MaintenanceForecastDeps & { db: Db; scheduledWorkOverlapping?: CreateWorkOrderDeps['scheduledWorkOverlapping'] };

export function maintenanceTools(deps: MaintenanceToolDeps): AnyTool[] {
  return [
    createMaintenanceForecastTool(deps),
    createWorkOrderTool({ db: deps.db, scheduledWorkOverlapping: deps.scheduledWorkOverlapping }),
    createListWorkOrdersTool({ db: deps.db }),
  ];
}
