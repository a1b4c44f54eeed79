/**
 * `dispatch_transport`: sends one run to one vehicle as a VDA 5050 order — only through the approval
 * gate. The preview checks the vehicle is online and free, every stop is on the floor map and the
 * warehouse holds every load; read-back waits until the vehicle's own state reports the order as
 * accepted (its orderId, no order errors).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { floorNode } from '@/connectors/twin/material/floor-map';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import type { MaterialService } from '../service/material-service';
import { transportOrder } from '../service/transport-order';

const Load = z.strictObject({
  partNumber: z.string().min(1).max(64),
  quantity: z.number().int().positive().max(1_000_000),
  fromLocationId: z.string().min(1).max(32),
  toLocationId: z.string().min(1).max(32),
});

export const DispatchTransportInput = z.strictObject({
  vehicle: z.string().min(1).max(64).describe('vehicle serial number, e.g. AMR-01 or TUG-02'),
  stops: z
    .array(z.strictObject({ stationId: z.string().min(1).max(64), loads: z.array(Load).min(1).max(24) }))
    .min(1)
    .max(12),
});

const Output = z.object({ orderId: z.string(), vehicle: z.string(), nodes: z.number(), sentAt: z.string() });

const PICK_NODE = 'WH-DOCK';

export function dispatchTransportTool(service: MaterialService, options: { readBackTimeoutMs?: number } = {}) {
  const vehicleOf = (serialNumber: string) => {
    const fleet = service.fleetClient;
    if (!fleet) throw new AppError('plant_unreachable', 'No fleet is connected (no MQTT broker configured), so no transport can be sent.');
    const vehicle = fleet.vehicle(serialNumber);
    const known = fleet.vehicles().map((v) => v.serialNumber);
    if (!vehicle) throw new AppError('not_found', `There is no vehicle ${serialNumber} on the broker. Vehicles: ${known.join(', ') || 'none reported yet'}.`);
    return vehicle;
  };

  return defineTool({
    name: 'dispatch_transport',
    title: 'Send a transport to a vehicle',
    description:
      'Sends a planned replenishment run (vehicle and stops with loads, e.g. the `dispatch` of a plan_replenishment run) to a tugger train or AMR as a VDA 5050 order. ' +
      'It never acts directly: it files an approval request that a supervisor must approve; the result says whether it is pending, executed or refused.',
    input: DispatchTransportInput,
    output: Output,
    effect: 'actuate',

    async preview(input) {
      const vehicle = vehicleOf(input.vehicle);
      if (vehicle.connectionState !== 'ONLINE') throw new AppError('conflict', `${input.vehicle} is ${vehicle.connectionState}; it cannot take an order now.`);
      const state = vehicle.state;
      if (!state) throw new AppError('plant_bad_quality', `${input.vehicle} has not reported its state yet; try again in a moment.`);
      if (state.nodeStates.length > 0)
        throw new AppError('conflict', `${input.vehicle} is still driving order ${state.orderId}; wait until it is done or choose another vehicle.`);
      for (const stop of input.stops)
        if (!floorNode(stop.stationId)) throw new AppError('invalid_argument', `Station ${stop.stationId} is not on the floor map.`);
      const snapshot = await service.snapshot();
      const loads = input.stops.flatMap((stop) => stop.loads);
      const totals = new Map<string, number>();
      for (const load of loads)
        totals.set(`${load.partNumber}@${load.fromLocationId}`, (totals.get(`${load.partNumber}@${load.fromLocationId}`) ?? 0) + load.quantity);
      for (const [key, quantity] of totals) {
        const [partNumber, locationId] = key.split('@') as [string, string];
        const stock = snapshot.lots.filter((lot) => lot.partNumber === partNumber && lot.locationId === locationId).reduce((sum, lot) => sum + lot.quantity, 0);
        if (stock < quantity)
          throw new AppError('conflict', `${locationId} holds ${stock} of ${partNumber}; the run would take ${quantity}. Re-plan with plan_replenishment.`);
      }
      const spec = service.vehicleSpecs.find((v) => v.serialNumber === input.vehicle);
      return {
        summary: `Send ${input.vehicle} from ${state.lastNodeId} via ${PICK_NODE} to ${input.stops.map((s) => s.stationId).join(' → ')}`,
        asset: { id: input.vehicle, name: spec?.name ?? input.vehicle },
        changes: input.stops.flatMap((stop) =>
          stop.loads.map((load) => ({
            what: `${load.partNumber} to ${stop.stationId}`,
            current: `${load.fromLocationId}`,
            proposed: `${load.toLocationId}`,
            unit: `${load.quantity} pcs`,
          })),
        ),
        expectedEffect: `${input.vehicle} picks ${loads.length} load(s) at the warehouse dock and drops them at ${input.stops.length} stop(s); the stock moves line-side when each drop is done.`,
        safetyNotes: [{ text: 'Vehicles share the aisles with people: keep the marked aisle clear at the stops.' }],
        risk: 'low',
      };
    },

    async run(input) {
      const vehicle = vehicleOf(input.vehicle);
      const state = vehicle.state;
      if (!state) throw new AppError('plant_bad_quality', `${input.vehicle} has not reported its state.`);
      const order = transportOrder({
        orderId: `PP-${randomUUID().slice(0, 8)}`,
        manufacturer: vehicle.manufacturer,
        serialNumber: vehicle.serialNumber,
        fromNodeId: state.lastNodeId,
        pickNodeId: PICK_NODE,
        stops: input.stops,
      });
      const sent = await service.fleetClient!.sendOrder(order);
      return { orderId: sent.orderId, vehicle: input.vehicle, nodes: sent.nodes.length, sentAt: sent.timestamp };
    },

    async readBack(input, output) {
      const timeoutMs = options.readBackTimeoutMs ?? 15_000;
      const state = await service.fleetClient!.waitForState(
        input.vehicle,
        (s) => s.orderId === output.orderId || s.errors.some((e) => e.errorReferences?.some((r) => r.referenceValue === output.orderId)),
        timeoutMs,
      );
      if (!state)
        return { ok: false, observed: `${input.vehicle} has not reported order ${output.orderId}`, detail: `no state with that order within ${timeoutMs} ms` };
      const refused = state.errors.find((e) => e.errorReferences?.some((r) => r.referenceValue === output.orderId));
      if (refused)
        return { ok: false, observed: `${input.vehicle} refused order ${output.orderId}`, detail: `${refused.errorType}: ${refused.errorDescription ?? ''}` };
      return {
        ok: true,
        observed: `${input.vehicle} accepted order ${output.orderId}`,
        detail: `${state.nodeStates.length} node(s) to go, last node ${state.lastNodeId}`,
      };
    },
  });
}
