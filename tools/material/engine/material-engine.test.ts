import { describe, expect, it } from 'vitest';
import type { MaterialSnapshot } from '@/connectors/material/material-snapshot';
import { disruptionImpact, applyDisruption } from './disruption-impact';
import { planReplenishment } from './replenishment';
import { lineRunOuts, partRunOut, sweepRunOut } from './run-out';

const H = 3_600_000;
const NOW = Date.parse('2026-03-02T06:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Two lines; line A builds P1 (needs X) then P2 (needs Y); line B builds P2. */
function snapshot(overrides: Partial<MaterialSnapshot> = {}): MaterialSnapshot {
  return {
    time: iso(NOW),
    parts: [
      { partNumber: 'X', description: 'x', kind: 'reel', supplierId: 'S', packQuantity: 100, alternates: ['X2'] },
      { partNumber: 'X2', description: 'x alt', kind: 'reel', supplierId: 'S', packQuantity: 100, alternates: ['X'] },
      { partNumber: 'Y', description: 'y', kind: 'reel', supplierId: 'S', packQuantity: 100, alternates: [] },
    ],
    suppliers: [{ id: 'S', name: 'Supplier', leadTimeH: 24 }],
    boms: { P1: [{ partNumber: 'X', quantityPerBoard: 10, feederBank: 1 }], P2: [{ partNumber: 'Y', quantityPerBoard: 1, feederBank: 2 }] },
    locations: [
      { id: 'WH', name: 'Warehouse', kind: 'warehouse' },
      { id: 'SM-A', name: 'SM A', kind: 'supermarket', lineId: 'A' },
      { id: 'SM-B', name: 'SM B', kind: 'supermarket', lineId: 'B' },
    ],
    lots: [
      { lotId: 'l1', partNumber: 'X', locationId: 'WH', quantity: 2_000, receivedAt: iso(NOW), openedAt: null, floorLifeRemainingH: null },
      { lotId: 'l2', partNumber: 'X', locationId: 'SM-A', quantity: 1_000, receivedAt: iso(NOW), openedAt: null, floorLifeRemainingH: null },
      { lotId: 'l3', partNumber: 'Y', locationId: 'WH', quantity: 10_000, receivedAt: iso(NOW), openedAt: null, floorLifeRemainingH: null },
    ],
    deliveries: [
      {
        asnId: 'ASN-1',
        supplierId: 'S',
        supplierName: 'Supplier',
        status: 'in-transit',
        plannedEta: iso(NOW + 2.5 * H),
        eta: iso(NOW + 2.5 * H),
        arrivedAt: null,
        lines: [{ partNumber: 'X', orderedQuantity: 5_000, expectedQuantity: 5_000 }],
        disruption: null,
      },
    ],
    feeders: [],
    // Line A: 100 boards/h of P1 for 6 h (1000 X per hour), then P2 for 2 h. Line B: P2 for 4 h.
    lineQueues: [
      {
        lineId: 'A',
        orders: [
          { orderId: 'O1', productId: 'P1', remainingBoards: 600, boardsPerHour: 100, dueAt: iso(NOW + 7 * H), priority: 1 },
          { orderId: 'O2', productId: 'P2', remainingBoards: 200, boardsPerHour: 100, dueAt: iso(NOW + 20 * H), priority: 2 },
        ],
      },
      { lineId: 'B', orders: [{ orderId: 'O3', productId: 'P2', remainingBoards: 400, boardsPerHour: 100, dueAt: iso(NOW + 10 * H), priority: 2 }] },
    ],
    ...overrides,
  };
}

describe('run-out', () => {
  it('sweeps stock against demand and arrivals', () => {
    expect(sweepRunOut(100, [{ startMs: NOW, endMs: NOW + 10 * H, ratePerH: 50 }], [], NOW).runOutMs).toBe(NOW + 2 * H);
    const withArrival = sweepRunOut(100, [{ startMs: NOW, endMs: NOW + 10 * H, ratePerH: 50 }], [{ etaMs: NOW + H, quantity: 1_000 }], NOW);
    expect(withArrival.runOutMs).toBeNull();
    const late = sweepRunOut(100, [{ startMs: NOW, endMs: NOW + 10 * H, ratePerH: 50 }], [{ etaMs: NOW + 5 * H, quantity: 1_000 }], NOW);
    expect(late).toEqual({ runOutMs: NOW + 2 * H, recoverMs: NOW + 5 * H });
  });

  it('gives line-side and plant-wide run-out per part and the next delivery', () => {
    const x = partRunOut(snapshot(), 'X', NOW);
    expect(x.stock).toEqual({ warehouse: 2_000, supermarkets: { A: 1_000 } });
    expect(x.lineSideRunOutMs.A).toBe(NOW + H);
    // 3000 in stock + 5000 at 2.5 h against 1000/h for 6 h: enough.
    expect(x.plantRunOutMs).toBeNull();
    expect(x.nextDelivery).toEqual({ asnId: 'ASN-1', etaMs: NOW + 2.5 * H, quantity: 5_000, late: false });
    expect(lineRunOuts(snapshot(), 'A', NOW)[0]!.partNumber).toBe('X');
  });
});

describe('disruption impact', () => {
  it('finds the starved order, the knock-on slip, and recommends the alternate part when one is in stock', () => {
    const base = snapshot();
    const noAlternate = disruptionImpact({ ...base, parts: base.parts.map((p) => ({ ...p, alternates: [] })) }, { asnId: 'ASN-1', delayH: 4 }, NOW);
    expect(noAlternate.parts[0]).toMatchObject({ partNumber: 'X', runOutBeforeMs: null, runOutAfterMs: NOW + 3 * H, recoverMs: NOW + 6.5 * H });
    const o1 = noAlternate.affectedOrders.find((o) => o.orderId === 'O1')!;
    expect(o1).toMatchObject({ partNumber: 'X', starvesAtMs: NOW + 3 * H, slipH: 3.5, late: true });
    expect(noAlternate.affectedOrders.find((o) => o.orderId === 'O2')?.slipH).toBe(3.5);
    expect(noAlternate.affectedOrders.some((o) => o.orderId === 'O3')).toBe(false);
    expect(noAlternate.doNothing.lineIdleH).toBe(3.5);
    // Running O2 first keeps line A busy while X is missing.
    const resequence = noAlternate.responses.find((r) => r.kind === 'resequence')!;
    expect(resequence.delta.lineIdleH).toBeLessThan(0);
    expect(noAlternate.recommended).not.toBeNull();

    const withAlternate = disruptionImpact(
      {
        ...base,
        lots: [
          ...base.lots,
          { lotId: 'a', partNumber: 'X2', locationId: 'WH', quantity: 20_000, receivedAt: iso(NOW), openedAt: null, floorLifeRemainingH: null },
        ],
      },
      { asnId: 'ASN-1', delayH: 4 },
      NOW,
    );
    expect(withAlternate.recommended?.kind).toBe('substitute_alternate');
    expect(withAlternate.recommended?.kpis).toEqual({ lateOrders: 0, totalLatenessH: 0, lineIdleH: 0 });
  });

  it('applies a short delivery and a rejection at incoming inspection, and refuses unknown deliveries', () => {
    const { snapshot: short } = applyDisruption(snapshot(), { asnId: 'ASN-1', shortfallShare: 0.5 });
    expect(short.deliveries[0]!.lines[0]!.expectedQuantity).toBe(2_500);
    const { snapshot: rejected } = applyDisruption(snapshot(), { partNumber: 'X', rejectedQuantity: 400 });
    expect(partRunOut(rejected, 'X', NOW).stock.warehouse).toBe(1_600);
    expect(() => applyDisruption(snapshot(), { asnId: 'ASN-9', delayH: 1 })).toThrow(/ASN-1/);
    expect(disruptionImpact(snapshot(), { asnId: 'ASN-1', delayH: 0.5 }, NOW).affectedOrders).toEqual([]);
  });

  it('finds a supplier’s next open delivery by its name as typed, and names the suppliers when there is none', () => {
    const { snapshot: late, partNumbers } = applyDisruption(snapshot(), { supplier: 'supplier', delayH: 4 });
    expect(late.deliveries[0]!.eta).toBe(iso(NOW + 6.5 * H));
    expect(partNumbers).toEqual(['X']);
    expect(() => applyDisruption(snapshot(), { supplier: 'Würth', delayH: 4 })).toThrow(/Suppliers with open deliveries: Supplier/);
  });

  it('holds every delivery of a late supplier due within its delay, and a named delivery alone', () => {
    const second = { ...snapshot().deliveries[0]!, asnId: 'ASN-2', plannedEta: iso(NOW + 10.5 * H), eta: iso(NOW + 10.5 * H) };
    const third = { ...second, asnId: 'ASN-3', plannedEta: iso(NOW + 30 * H), eta: iso(NOW + 30 * H) };
    const plant = snapshot({ deliveries: [snapshot().deliveries[0]!, second, third] });
    // Supplier 24 h late: nothing from them until NOW + 26.5 h; ASN-2 (due at 10.5 h) comes then too, ASN-3 (30 h) as planned.
    const held = applyDisruption(plant, { supplier: 'Supplier', delayH: 24 });
    expect(held.delayedAsnIds).toEqual(['ASN-1', 'ASN-2']);
    expect(held.snapshot.deliveries.map((d) => d.eta)).toEqual([iso(NOW + 26.5 * H), iso(NOW + 26.5 * H), iso(NOW + 30 * H)]);
    // The longer the supplier is late, the later the part is back: a later delivery no longer hides the delay.
    const recovery = (delayH: number) => disruptionImpact(plant, { supplier: 'Supplier', delayH }, NOW).parts[0]!.recoverMs;
    expect(recovery(24)).toBe(NOW + 26.5 * H);
    expect(recovery(72)).toBe(NOW + 74.5 * H);
    // One delivery named by its ASN moves alone.
    const one = applyDisruption(plant, { asnId: 'ASN-1', delayH: 24 });
    expect(one.delayedAsnIds).toEqual(['ASN-1']);
    expect(one.snapshot.deliveries[1]!.eta).toBe(iso(NOW + 10.5 * H));
  });
});

describe('replenishment', () => {
  const station = (id: string, x: number) => ({ id, name: id, x, y: 0 });
  const stations: Record<string, ReturnType<typeof station>> = { A: station('ST-A', 40), B: station('ST-B', 80) };
  const plan = () =>
    planReplenishment({
      snapshot: snapshot(),
      nowMs: NOW,
      horizonH: 4,
      depot: station('DOCK', 0),
      stationFor: (_, lineId) => stations[lineId]!,
      fleet: [
        { serialNumber: 'T1', manufacturer: 'M', kind: 'tugger', capacityUnits: 24, speedMps: 1.5 },
        { serialNumber: 'R1', manufacturer: 'M', kind: 'amr', capacityUnits: 6, speedMps: 1 },
      ],
      aisleDistanceM: (a, b) => Math.abs((a === 'DOCK' ? 0 : a === 'ST-A' ? 40 : 80) - (b === 'DOCK' ? 0 : b === 'ST-A' ? 40 : 80)),
      handlingS: 20,
      maxIterations: 200,
    });

  it('moves what each line misses for the horizon, within capacity, from the warehouse', () => {
    const { runs, unmet } = plan();
    const loads = runs.flatMap((run) => run.stops.flatMap((stop) => stop.loads));
    // Line A needs 4000 X (has 1000): only 2000 in the warehouse, so 2000 go and 1000 are unmet.
    expect(loads.filter((l) => l.partNumber === 'X').reduce((s, l) => s + l.quantity, 0)).toBe(2_000);
    expect(unmet).toContainEqual({ partNumber: 'X', lineId: 'A', quantity: 1_000 });
    // Y for line B: 400 boards × 1.
    expect(loads.filter((l) => l.partNumber === 'Y' && l.toLocationId === 'SM-B').reduce((s, l) => s + l.quantity, 0)).toBe(400);
    for (const run of runs) {
      expect(run.loadUnits).toBeLessThanOrEqual(run.vehicle.kind === 'amr' ? 6 : 24);
      expect(run.returnMs).toBeGreaterThan(run.departMs);
      expect(run.stops.every((stop) => stop.arriveMs > run.departMs)).toBe(true);
    }
    expect(plan()).toEqual(plan());
  });
});
