/**
 * `plan_replenishment`: the next tugger/AMR runs for one line or all, from the routing engine.
 */
import { z } from 'zod';
import { defineTool } from '../../tool';
import type { MaterialService } from '../service/material-service';

export const PlanReplenishmentInput = z.strictObject({ line: z.string().min(1).max(64).optional().describe('line id such as Line1; all lines when omitted') });

export const PlannedLoad = z.object({ partNumber: z.string(), quantity: z.number(), units: z.number(), fromLocationId: z.string(), toLocationId: z.string() });
const Output = z.object({
  time: z.string(),
  runs: z.array(
    z.object({
      runId: z.string(),
      vehicle: z.string(),
      vehicleKind: z.enum(['tugger', 'amr']),
      depart: z.string(),
      return: z.string(),
      distanceM: z.number(),
      loadUnits: z.number(),
      stops: z.array(
        z.object({ stationId: z.string(), stationName: z.string(), arrive: z.string(), due: z.string(), late: z.boolean(), loads: z.array(PlannedLoad) }),
      ),
      /** Ready-made arguments for dispatch_transport. */
      dispatch: z.object({
        vehicle: z.string(),
        stops: z.array(
          z.object({
            stationId: z.string(),
            loads: z.array(z.object({ partNumber: z.string(), quantity: z.number(), fromLocationId: z.string(), toLocationId: z.string() })),
          }),
        ),
      }),
    }),
  ),
  unmet: z.array(z.object({ partNumber: z.string(), lineId: z.string(), quantity: z.number() })),
});

const iso = (ms: number) => new Date(ms).toISOString();

export function planReplenishmentTool(service: MaterialService) {
  return defineTool({
    name: 'plan_replenishment',
    title: 'Plan replenishment runs',
    description:
      'Plans the next tugger-train and AMR runs that bring parts from the warehouse to a line (or all lines) before they run out line-side: stops, loads, times and distance, ' +
      'routed by the VRPTW engine. Each run carries the arguments to send it with dispatch_transport. Also lists what the warehouse cannot supply.',
    input: PlanReplenishmentInput,
    output: Output,
    effect: 'read',
    async run(input) {
      const { snapshot, plan } = await service.replenishment(input.line);
      return {
        time: snapshot.time,
        runs: plan.runs.map((run) => ({
          runId: run.runId,
          vehicle: run.vehicle.serialNumber,
          vehicleKind: run.vehicle.kind,
          depart: iso(run.departMs),
          return: iso(run.returnMs),
          distanceM: run.distanceM,
          loadUnits: run.loadUnits,
          stops: run.stops.map((stop) => ({
            stationId: stop.stationId,
            stationName: stop.stationName,
            arrive: iso(stop.arriveMs),
            due: iso(stop.dueMs),
            late: stop.late,
            loads: stop.loads,
          })),
          dispatch: {
            vehicle: run.vehicle.serialNumber,
            stops: run.stops.map((stop) => ({
              stationId: stop.stationId,
              loads: stop.loads.map((load) => ({
                partNumber: load.partNumber,
                quantity: load.quantity,
                fromLocationId: load.fromLocationId,
                toLocationId: load.toLocationId,
              })),
            })),
          },
        })),
        unmet: plan.unmet,
      };
    },
  });
}
