/**
 * The shop floor as the intralogistics fleet sees it: stations (warehouse dock, each line's
 * supermarket, the printer and placer feeders and the packing station of every line), the aisle
 * nodes between them, and the fleet — two tugger trains and three AMRs, with capacity in load units
 * (one reel, tray or PCB pack = 1 unit) and speed. Coordinates in metres on map `hall-1`.
 */
export const FLOOR_MAP_ID = 'hall-1';

export type StationKind = 'warehouse' | 'supermarket' | 'feeder' | 'printer' | 'packing' | 'aisle';

export interface FloorNode {
  id: string;
  name: string;
  kind: StationKind;
  x: number;
  y: number;
  /** The stock location served here (warehouse or supermarket). */
  locationId?: string;
  lineId?: string;
  machineId?: string;
}

export interface VehicleSpec {
  serialNumber: string;
  manufacturer: string;
  kind: 'tugger' | 'amr';
  name: string;
  /** Load units per run. */
  capacityUnits: number;
  speedMps: number;
  homeNodeId: string;
}

function lineStations(lineId: 'Line1' | 'Line2', prefix: 'L1' | 'L2', y: number): FloorNode[] {
  return [
    { id: `SM-${prefix}`, name: `Supermarket ${prefix}`, kind: 'supermarket', x: 24, y, locationId: `SM-${prefix}`, lineId },
    { id: `${prefix}-PRN-S`, name: `${prefix} printer (PCBs, paste, stencil)`, kind: 'printer', x: 36, y, lineId, machineId: `${prefix}-PRN` },
    { id: `${prefix}-PNP1-S`, name: `${prefix} placer 1 feeders`, kind: 'feeder', x: 52, y, lineId, machineId: `${prefix}-PNP1` },
    { id: `${prefix}-PNP2-S`, name: `${prefix} placer 2 feeders`, kind: 'feeder', x: 62, y, lineId, machineId: `${prefix}-PNP2` },
    { id: `${prefix}-PCK-S`, name: `${prefix} packing (trays)`, kind: 'packing', x: 96, y, lineId, machineId: `${prefix}-PCK` },
  ];
}

const AISLE_Y = 20;
const AISLE_XS = [6, 24, 36, 52, 62, 96];

export const FLOOR_NODES: readonly FloorNode[] = [
  { id: 'WH-DOCK', name: 'Warehouse pick dock', kind: 'warehouse', x: 6, y: 26, locationId: 'WH' },
  { id: 'WH-CHARGE', name: 'Charging and parking', kind: 'warehouse', x: 6, y: 34 },
  ...AISLE_XS.map((x, index) => ({ id: `AISLE-${index}`, name: `Main aisle ${index}`, kind: 'aisle' as const, x, y: AISLE_Y })),
  ...lineStations('Line1', 'L1', 10),
  ...lineStations('Line2', 'L2', 30),
];

/** Two-way aisle segments. */
export const FLOOR_EDGES: readonly (readonly [string, string])[] = [
  ['WH-CHARGE', 'WH-DOCK'],
  ['WH-DOCK', 'AISLE-0'],
  ...AISLE_XS.slice(1).map((_, index) => [`AISLE-${index}`, `AISLE-${index + 1}`] as const),
  ...(['L1', 'L2'] as const).flatMap((prefix) => [
    [`SM-${prefix}`, 'AISLE-1'] as const,
    [`${prefix}-PRN-S`, 'AISLE-2'] as const,
    [`${prefix}-PNP1-S`, 'AISLE-3'] as const,
    [`${prefix}-PNP2-S`, 'AISLE-4'] as const,
    [`${prefix}-PCK-S`, 'AISLE-5'] as const,
  ]),
];

export const FLEET: readonly VehicleSpec[] = [
  { serialNumber: 'TUG-01', manufacturer: 'Plantpilot', kind: 'tugger', name: 'Tugger train 1', capacityUnits: 24, speedMps: 1.6, homeNodeId: 'WH-CHARGE' },
  { serialNumber: 'TUG-02', manufacturer: 'Plantpilot', kind: 'tugger', name: 'Tugger train 2', capacityUnits: 24, speedMps: 1.6, homeNodeId: 'WH-CHARGE' },
  { serialNumber: 'AMR-01', manufacturer: 'Plantpilot', kind: 'amr', name: 'AMR 1', capacityUnits: 6, speedMps: 1.2, homeNodeId: 'WH-CHARGE' },
  { serialNumber: 'AMR-02', manufacturer: 'Plantpilot', kind: 'amr', name: 'AMR 2', capacityUnits: 6, speedMps: 1.2, homeNodeId: 'WH-CHARGE' },
  { serialNumber: 'AMR-03', manufacturer: 'Plantpilot', kind: 'amr', name: 'AMR 3', capacityUnits: 6, speedMps: 1.2, homeNodeId: 'WH-CHARGE' },
];

const NODE_BY_ID = new Map(FLOOR_NODES.map((node) => [node.id, node]));

export function floorNode(id: string): FloorNode | undefined {
  return NODE_BY_ID.get(id);
}

/** Shortest path between two nodes along the aisles (Dijkstra; the graph is tiny). */
export function floorPath(fromId: string, toId: string): string[] {
  const distance = new Map<string, number>([[fromId, 0]]);
  const previous = new Map<string, string>();
  const open = new Set([fromId]);
  const length = (a: string, b: string) => Math.hypot(NODE_BY_ID.get(a)!.x - NODE_BY_ID.get(b)!.x, NODE_BY_ID.get(a)!.y - NODE_BY_ID.get(b)!.y);
  while (open.size > 0) {
    const current = [...open].reduce((best, id) => (distance.get(id)! < distance.get(best)! ? id : best));
    open.delete(current);
    if (current === toId) break;
    for (const [a, b] of FLOOR_EDGES) {
      const next = a === current ? b : b === current ? a : undefined;
      if (!next) continue;
      const candidate = distance.get(current)! + length(current, next);
      if (candidate < (distance.get(next) ?? Infinity)) {
        distance.set(next, candidate);
        previous.set(next, current);
        open.add(next);
      }
    }
  }
  if (!distance.has(toId)) return [];
  const path = [toId];
  while (path[0] !== fromId) path.unshift(previous.get(path[0]!)!);
  return path;
}

/** Metres along the aisles. */
export function floorDistanceM(fromId: string, toId: string): number {
  const path = floorPath(fromId, toId);
  let total = 0;
  for (let i = 1; i < path.length; i++)
    total += Math.hypot(NODE_BY_ID.get(path[i]!)!.x - NODE_BY_ID.get(path[i - 1]!)!.x, NODE_BY_ID.get(path[i]!)!.y - NODE_BY_ID.get(path[i - 1]!)!.y);
  return total;
}
