/**
 * A transport (a vehicle, and stops with the loads to drop there) as a VDA 5050 order: from where the
 * vehicle stands to the warehouse dock (one `pick` per load), then along the aisles to each stop (one
 * `drop` per load). Nodes carry their map positions; every hop is an edge.
 */
import { FLOOR_MAP_ID, floorNode, floorPath } from '@/connectors/twin/material/floor-map';
import type { Action, OrderMessage } from '@/connectors/vda5050/messages';
import { AppError } from '@/lib/errors';

export type TransportLoadInput = { partNumber: string; quantity: number; fromLocationId: string; toLocationId: string };
export type TransportStopInput = { stationId: string; loads: TransportLoadInput[] };

export function transportOrder(input: {
  orderId: string;
  manufacturer: string;
  serialNumber: string;
  fromNodeId: string;
  pickNodeId: string;
  stops: readonly TransportStopInput[];
}): Omit<OrderMessage, 'headerId' | 'timestamp' | 'version'> {
  const loads = input.stops.flatMap((stop) => stop.loads);
  const parameters = (load: TransportLoadInput) => [
    { key: 'partNumber', value: load.partNumber },
    { key: 'quantity', value: load.quantity },
    { key: 'fromLocationId', value: load.fromLocationId },
    { key: 'toLocationId', value: load.toLocationId },
  ];
  const waypoints: { nodeId: string; actions: Action[] }[] = [
    {
      nodeId: input.pickNodeId,
      actions: loads.map((load, i) => ({
        actionType: 'pick',
        actionId: `${input.orderId}-pick-${i + 1}`,
        blockingType: 'HARD',
        actionParameters: parameters(load),
      })),
    },
    ...input.stops.map((stop, s) => ({
      nodeId: stop.stationId,
      actions: stop.loads.map((load, i) => ({
        actionType: 'drop',
        actionId: `${input.orderId}-drop-${s + 1}-${i + 1}`,
        blockingType: 'HARD' as const,
        actionParameters: parameters(load),
      })),
    })),
  ];
  const path: { nodeId: string; actions: Action[] }[] = [{ nodeId: input.fromNodeId, actions: [] }];
  for (const waypoint of waypoints) {
    const last = path[path.length - 1]!;
    const hop = floorPath(last.nodeId, waypoint.nodeId);
    if (hop.length === 0) throw new AppError('invalid_argument', `No aisle leads from ${last.nodeId} to ${waypoint.nodeId}.`);
    if (hop.length === 1) last.actions.push(...waypoint.actions);
    for (const nodeId of hop.slice(1)) path.push({ nodeId, actions: nodeId === waypoint.nodeId ? waypoint.actions : [] });
  }
  const nodes = path.map((step, index) => {
    const node = floorNode(step.nodeId)!;
    return {
      nodeId: step.nodeId,
      sequenceId: index * 2,
      released: true,
      nodeDescription: node.name,
      nodePosition: { x: node.x, y: node.y, mapId: FLOOR_MAP_ID },
      actions: step.actions,
    };
  });
  const edges = path.slice(1).map((step, index) => ({
    edgeId: `${path[index]!.nodeId}--${step.nodeId}`,
    sequenceId: index * 2 + 1,
    released: true,
    startNodeId: path[index]!.nodeId,
    endNodeId: step.nodeId,
    actions: [],
  }));
  return { manufacturer: input.manufacturer, serialNumber: input.serialNumber, orderId: input.orderId, orderUpdateId: 0, nodes, edges };
}
