/**
 * The twin's catalogue and snapshots as scheduler plant data: its two SMT lines, its products and
 * families, and a snapshot's orders, order sequences and machine speeds. Pure: no connection needed.
 */
import { LINES, MACHINES, PRODUCTS, UTILITIES_AREA, INITIAL_ORDERS, PLANT } from '@/connectors/twin/catalogue';
import type { TwinSnapshot } from '@/connectors/twin/twin-types';
import type { PlanInputsInput, PlantLayout, PlantOrder, SetupTimes } from '../engine/plant-data';

/** Feeder and stencil changeover between families. */
const FAMILY_CHANGE_MIN = 30;
/** Extra time when the reflow profile changes too: the oven must settle at the new zone temperatures. */
const PROFILE_CHANGE_EXTRA_MIN = 20;

export function twinSetupTimes(): SetupTimes {
  const profileOf = new Map(PRODUCTS.map((p) => [p.family, p.reflowProfileC.join(',')]));
  const families = [...profileOf.keys()];
  const pairs = families.flatMap((from) =>
    families
      .filter((to) => to !== from)
      .map((to) => ({ from, to, setupMin: FAMILY_CHANGE_MIN + (profileOf.get(from) === profileOf.get(to) ? 0 : PROFILE_CHANGE_EXTRA_MIN) })),
  );
  return { defaultMin: FAMILY_CHANGE_MIN, pairs };
}

/** The twin's lines and products; `speedPct` per machine id overrides the rated 100 %. */
export function twinPlantLayout(speedPct: Record<string, number> = {}): PlantLayout {
  return {
    lines: LINES.map((line) => ({
      id: line.id,
      displayName: line.displayName,
      machines: line.machineIds.map((id) => {
        const machine = MACHINES.find((m) => m.id === id)!;
        const speed = speedPct[id];
        return { id, type: machine.type, speedPct: speed !== undefined && speed > 0 ? speed : 100 };
      }),
    })),
    sharedAssetIds: MACHINES.filter((m) => m.area === UTILITIES_AREA).map((m) => m.id),
    products: PRODUCTS.map((p) => ({ id: p.id, name: p.name, family: p.family, scrapRate: p.scrapRate, routing: p.routing.map((s) => ({ ...s })) })),
    setupTimes: twinSetupTimes(),
  };
}

/** Plan inputs from a twin snapshot: its time is the plan start, its orders and sequences the current plan. */
export function planInputsFromSnapshot(snapshot: Pick<TwinSnapshot, 'time' | 'orders' | 'lines' | 'machines'>): PlanInputsInput {
  const speeds: Record<string, number> = {};
  for (const machine of Object.values(snapshot.machines)) {
    const speed = machine.values.SpeedPct;
    if (typeof speed === 'number') speeds[machine.id] = speed;
  }
  return {
    planStart: snapshot.time,
    layout: twinPlantLayout(speeds),
    orders: snapshot.orders.map((order): PlantOrder => ({
      id: order.id,
      productId: order.productId,
      quantity: order.quantity,
      goodCount: order.goodCount,
      dueAt: order.dueAt,
      priority: order.priority,
      status: order.status,
      lineId: order.lineId,
      hypothetical: false,
    })),
    currentSequences: Object.fromEntries(snapshot.lines.map((line) => [line.id, [...line.orderSequence]])),
    calendar: { timeZone: PLANT.timeZone },
  };
}

/** Plan inputs from the catalogue alone (no live plant): the twin's initial orders, due relative to `startTime`. */
export function planInputsFromCatalogue(startTime: Date, now: Date = startTime): PlanInputsInput {
  const startMs = startTime.getTime();
  return {
    planStart: now.toISOString(),
    layout: twinPlantLayout(),
    orders: INITIAL_ORDERS.map((order) => ({
      id: order.id,
      productId: order.productId,
      quantity: order.quantity,
      goodCount: 0,
      dueAt: new Date(startMs + order.dueAfterStartH * 3_600_000).toISOString(),
      priority: order.priority,
      status: 'planned' as const,
      lineId: order.lineId,
      hypothetical: false,
    })),
    currentSequences: Object.fromEntries(LINES.map((line) => [line.id, INITIAL_ORDERS.filter((o) => o.lineId === line.id).map((o) => o.id)])),
    calendar: { timeZone: PLANT.timeZone },
  };
}
