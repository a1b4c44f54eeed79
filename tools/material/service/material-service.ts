/**
 * The material capability's service: reads the plant's material state (its material service) and
 * fleet (VDA 5050 over MQTT), and runs the pure engines on it. The plant's own time is the
 * snapshot's `time`, so run-out times are right even when the twin runs faster than the wall clock.
 */
import { fetchMaterialSnapshot } from '@/connectors/material/material-client';
import type { MaterialSnapshot } from '@/connectors/material/material-snapshot';
import { FLEET, FLOOR_NODES, floorDistanceM, floorNode, type VehicleSpec } from '@/connectors/twin/material/floor-map';
import { HANDLING_S } from '@/connectors/twin/material/sim-vehicle';
import type { FleetClient, FleetVehicle } from '@/connectors/vda5050/fleet-client';
import { AppError } from '@/lib/errors';
import type { SchedulingService } from '../../scheduling/service/scheduling-service';
import { disruptionImpact, type Disruption, type DisruptionImpact } from '../engine/disruption-impact';
import { planReplenishment, type ReplenishmentPlan, type Station } from '../engine/replenishment';

export interface MaterialService {
  snapshot(): Promise<MaterialSnapshot>;
  /** The fleet as last reported on the broker; empty when no fleet is connected. */
  fleet(): FleetVehicle[];
  readonly fleetClient?: FleetClient;
  readonly vehicleSpecs: readonly VehicleSpec[];
  impact(disruption: Disruption): Promise<{ snapshot: MaterialSnapshot; impact: DisruptionImpact }>;
  replenishment(lineId?: string): Promise<{ snapshot: MaterialSnapshot; plan: ReplenishmentPlan }>;
  /** Optional: the scheduler, for a what-if of the worst slip. */
  readonly scheduling?: SchedulingService;
}

export type MaterialServiceOptions = {
  materialUrl: string;
  fleet?: FleetClient;
  vehicleSpecs?: readonly VehicleSpec[];
  scheduling?: SchedulingService;
  /** Iterations for the routing engine (deterministic budget). */
  routingIterations?: number;
};

const DOCK = FLOOR_NODES.find((node) => node.id === 'WH-DOCK')!;

/** Where a part is dropped for a line: reels and trays at the supermarket, boards and paste at the printer, packaging at packing. */
export function stationFor(kind: string, lineId: string): Station {
  const prefix = lineId.replace(/^Line/, 'L');
  const id = kind === 'pcb' || kind === 'solder-paste' ? `${prefix}-PRN-S` : kind === 'packaging' ? `${prefix}-PCK-S` : `SM-${prefix}`;
  const node = floorNode(id);
  if (!node) throw new AppError('not_found', `The floor map has no station ${id} for ${lineId}.`);
  return { id: node.id, name: node.name, x: node.x, y: node.y };
}

export function createMaterialService(options: MaterialServiceOptions): MaterialService {
  const vehicleSpecs = options.vehicleSpecs ?? FLEET;
  const snapshot = () => fetchMaterialSnapshot(options.materialUrl);
  return {
    snapshot,
    fleetClient: options.fleet,
    vehicleSpecs,
    scheduling: options.scheduling,
    fleet: () => options.fleet?.vehicles() ?? [],
    async impact(disruption) {
      const current = await snapshot();
      try {
        return { snapshot: current, impact: disruptionImpact(current, disruption, Date.parse(current.time)) };
      } catch (error) {
        throw new AppError('invalid_argument', (error as Error).message);
      }
    },
    async replenishment(lineId) {
      const current = await snapshot();
      if (lineId && !current.lineQueues.some((q) => q.lineId === lineId)) {
        throw new AppError('not_found', `There is no line ${lineId}. Lines: ${current.lineQueues.map((q) => q.lineId).join(', ')}.`);
      }
      const plan = planReplenishment({
        snapshot: current,
        nowMs: Date.parse(current.time),
        lineId,
        depot: { id: DOCK.id, name: DOCK.name, x: DOCK.x, y: DOCK.y },
        stationFor: (part, line) => stationFor(part.kind, line),
        fleet: vehicleSpecs,
        aisleDistanceM: floorDistanceM,
        handlingS: HANDLING_S,
        maxIterations: options.routingIterations ?? 1_500,
      });
      return { snapshot: current, plan };
    },
  };
}
