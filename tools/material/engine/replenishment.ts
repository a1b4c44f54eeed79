/**
 * Replenishment runs for tugger trains and AMRs: from the line queues and the supermarket stock, what
 * each line needs over the next hours (due before it runs out line-side), turned into a VRPTW with
 * the warehouse dock as depot and solved with the routing engine; the routes become runs assigned to
 * vehicles (small runs to AMRs, large ones to tugger trains). Pure: the caller gives time and budget.
 *
 * Travel time in the VRPTW is Euclidean between stations at the tugger's speed, stretched by an aisle
 * detour factor; vehicles drive the aisle graph, so the run times reported are recomputed along it.
 */
import type { MaterialSnapshot, PartRecord } from '@/connectors/material/material-snapshot';
import { checkRoutes } from './feasibility';
import type { RoutingProblem } from './model';
import { solveVrptw, type SolveClock } from './solve';
import { orderWindows, partRunOut, partsOfLine } from './run-out';

const HOUR_MS = 3_600_000;
/** Aisles are not straight lines: Euclidean distance × this ≈ distance along the aisles. */
const DETOUR_FACTOR = 1.4;

export interface Station {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface FleetVehicleSpec {
  serialNumber: string;
  manufacturer: string;
  kind: 'tugger' | 'amr';
  capacityUnits: number;
  speedMps: number;
}

export interface ReplenishmentLoad {
  partNumber: string;
  quantity: number;
  /** Load units (reels, trays, packs). */
  units: number;
  fromLocationId: string;
  toLocationId: string;
}

export interface RunStop {
  stationId: string;
  stationName: string;
  loads: ReplenishmentLoad[];
  arriveMs: number;
  /** Latest useful arrival: when the line would run out of the first of these parts. */
  dueMs: number;
  late: boolean;
}

export interface ReplenishmentRun {
  runId: string;
  vehicle: { serialNumber: string; manufacturer: string; kind: 'tugger' | 'amr' };
  departMs: number;
  returnMs: number;
  distanceM: number;
  loadUnits: number;
  stops: RunStop[];
}

export interface ReplenishmentPlan {
  runs: ReplenishmentRun[];
  /** Needs that could not be met from the warehouse (nothing there). */
  unmet: { partNumber: string; lineId: string; quantity: number }[];
}

export type ReplenishmentInput = {
  snapshot: MaterialSnapshot;
  nowMs: number;
  /** One line, or every line. */
  lineId?: string;
  /** Cover this many hours of each line's queue. */
  horizonH?: number;
  depot: Station;
  /** The station that takes a part for a line: supermarket for reels and trays, printer for PCBs and paste, packing for trays of boxes. */
  stationFor: (part: PartRecord, lineId: string) => Station;
  fleet: readonly FleetVehicleSpec[];
  /** Distance along the aisles between two stations, metres. */
  aisleDistanceM: (fromId: string, toId: string) => number;
  handlingS: number;
  seed?: number;
  maxIterations?: number;
  clock?: SolveClock;
};

interface Need {
  station: Station;
  lineId: string;
  load: ReplenishmentLoad;
  dueMs: number;
}

export function planReplenishment(input: ReplenishmentInput): ReplenishmentPlan {
  const { snapshot, nowMs, depot } = input;
  const horizonH = input.horizonH ?? 4;
  const lines = input.lineId ? [input.lineId] : snapshot.lineQueues.map((q) => q.lineId);
  const windows = orderWindows(snapshot, nowMs);
  const supermarketOf = (lineId: string) => snapshot.locations.find((l) => l.kind === 'supermarket' && l.lineId === lineId)?.id ?? lineId;
  const warehouseId = snapshot.locations.find((l) => l.kind === 'warehouse')?.id ?? 'WH';
  const warehouseLeft = new Map<string, number>();
  const needs: Need[] = [];
  const unmet: ReplenishmentPlan['unmet'] = [];
  const endMs = nowMs + horizonH * HOUR_MS;

  for (const lineId of lines) {
    for (const partNumber of partsOfLine(snapshot, lineId)) {
      const part = snapshot.parts.find((p) => p.partNumber === partNumber);
      if (!part || part.kind === 'stencil') continue;
      let demand = 0;
      for (const window of windows.filter((w) => w.lineId === lineId && w.startMs < endMs)) {
        const perBoard = (snapshot.boms[window.productId] ?? []).filter((l) => l.partNumber === partNumber).reduce((s, l) => s + l.quantityPerBoard, 0);
        demand += (perBoard * window.boardsPerHour * (Math.min(window.endMs, endMs) - window.startMs)) / HOUR_MS;
      }
      const run = partRunOut(snapshot, partNumber, nowMs, windows);
      const missing = demand - (run.stock.supermarkets[lineId] ?? 0);
      if (missing <= 0) continue;
      const available = warehouseLeft.get(partNumber) ?? run.stock.warehouse;
      const packs = Math.ceil(missing / part.packQuantity);
      const quantity = Math.min(packs * part.packQuantity, available);
      if (quantity < missing) unmet.push({ partNumber, lineId, quantity: Math.ceil(missing - quantity) });
      if (quantity <= 0) continue;
      warehouseLeft.set(partNumber, available - quantity);
      const dueMs = Math.min(run.lineSideRunOutMs[lineId] ?? endMs, endMs);
      needs.push({
        station: input.stationFor(part, lineId),
        lineId,
        load: { partNumber, quantity, units: Math.ceil(quantity / part.packQuantity), fromLocationId: warehouseId, toLocationId: supermarketOf(lineId) },
        dueMs,
      });
    }
  }
  if (needs.length === 0) return { runs: [], unmet };

  // One VRPTW customer per station: loads for the same station travel together.
  const byStation = new Map<string, Need[]>();
  for (const need of needs) byStation.set(need.station.id, [...(byStation.get(need.station.id) ?? []), need]);
  const tugger = [...input.fleet].sort((a, b) => b.capacityUnits - a.capacityUnits)[0]!;
  const secondsPerM = DETOUR_FACTOR / tugger.speedMps;
  const stations = [...byStation.entries()];
  // A station needing more than a tugger carries is served in several visits.
  const customers: { station: Station; needs: Need[]; units: number }[] = [];
  for (const [, group] of stations) {
    let current: Need[] = [];
    let units = 0;
    for (const need of group) {
      const split = Math.ceil(need.load.units / tugger.capacityUnits);
      for (let i = 0; i < split; i++) {
        const partUnits = Math.min(tugger.capacityUnits, need.load.units - i * tugger.capacityUnits);
        const part = { ...need, load: { ...need.load, units: partUnits, quantity: Math.round((need.load.quantity * partUnits) / need.load.units) } };
        if (units + partUnits > tugger.capacityUnits) {
          customers.push({ station: group[0]!.station, needs: current, units });
          current = [];
          units = 0;
        }
        current.push(part);
        units += partUnits;
      }
    }
    if (current.length > 0) customers.push({ station: group[0]!.station, needs: current, units });
  }
  const horizonS = Math.max(horizonH * 3_600, ...customers.map((c) => (Math.min(...c.needs.map((n) => n.dueMs)) - nowMs) / 1_000)) * 2;
  const problem: RoutingProblem = {
    name: 'replenishment',
    vehicleLimit: customers.length,
    capacity: tugger.capacityUnits,
    nodes: [
      { id: 0, x: depot.x * secondsPerM, y: depot.y * secondsPerM, demand: 0, readyTime: 0, dueTime: horizonS, serviceTime: 0 },
      ...customers.map((customer, index) => {
        const travelS = Math.hypot(customer.station.x - depot.x, customer.station.y - depot.y) * secondsPerM;
        const dueS = (Math.min(...customer.needs.map((n) => n.dueMs)) - nowMs) / 1_000;
        return {
          id: index + 1,
          x: customer.station.x * secondsPerM,
          y: customer.station.y * secondsPerM,
          demand: customer.units,
          readyTime: 0,
          // Already too late to make it: as soon as possible, and flagged late below.
          dueTime: Math.max(dueS, travelS + input.handlingS),
          serviceTime: input.handlingS * customer.needs.length,
        };
      }),
    ],
  };
  const result = solveVrptw(problem, { seed: input.seed ?? 1, maxIterations: input.maxIterations ?? 1_500 }, input.clock ?? { now: () => 0 });
  const check = checkRoutes(problem, result.routes);
  const routes = check.violations.length === 0 ? result.routes : customers.map((_, index) => [index + 1]);

  // Assign runs to vehicles: earliest-free vehicle that can carry the run, AMRs preferred for small runs.
  const freeAtMs = new Map(input.fleet.map((v) => [v.serialNumber, nowMs]));
  const runs: ReplenishmentRun[] = routes
    .map((route) => ({
      route,
      units: route.reduce((s, id) => s + customers[id - 1]!.units, 0),
      dueMs: Math.min(...route.flatMap((id) => customers[id - 1]!.needs.map((n) => n.dueMs))),
    }))
    .sort((a, b) => a.dueMs - b.dueMs)
    .map(({ route, units }, runIndex) => {
      const able = input.fleet.filter((v) => v.capacityUnits >= units);
      const vehicle = [...able].sort((a, b) => freeAtMs.get(a.serialNumber)! - freeAtMs.get(b.serialNumber)! || a.capacityUnits - b.capacityUnits)[0]!;
      let atMs = freeAtMs.get(vehicle.serialNumber)! + input.handlingS * 1_000 * route.length; // loading at the dock
      const departMs = freeAtMs.get(vehicle.serialNumber)!;
      let previous = depot.id;
      let distanceM = 0;
      const stops: RunStop[] = route.map((id) => {
        const customer = customers[id - 1]!;
        const legM = input.aisleDistanceM(previous, customer.station.id);
        distanceM += legM;
        atMs += (legM / vehicle.speedMps) * 1_000;
        const arriveMs = atMs;
        atMs += input.handlingS * 1_000 * customer.needs.length;
        previous = customer.station.id;
        const dueMs = Math.min(...customer.needs.map((n) => n.dueMs));
        return {
          stationId: customer.station.id,
          stationName: customer.station.name,
          loads: customer.needs.map((n) => n.load),
          arriveMs,
          dueMs,
          late: arriveMs > dueMs,
        };
      });
      const backM = input.aisleDistanceM(previous, depot.id);
      distanceM += backM;
      const returnMs = atMs + (backM / vehicle.speedMps) * 1_000;
      freeAtMs.set(vehicle.serialNumber, returnMs);
      return {
        runId: `RUN-${runIndex + 1}`,
        vehicle: { serialNumber: vehicle.serialNumber, manufacturer: vehicle.manufacturer, kind: vehicle.kind },
        departMs,
        returnMs,
        distanceM: Math.round(distanceM),
        loadUnits: units,
        stops,
      };
    });
  return { runs, unmet };
}
