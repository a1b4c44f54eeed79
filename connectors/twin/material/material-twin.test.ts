import { describe, expect, it } from 'vitest';
import { MaterialSnapshot } from '../../material/material-snapshot';
import { PRODUCTS } from '../product-catalogue';
import { PlantTwin } from '../simulation';
import { planInbound } from './inbound-plan';
import { attachMaterialTwin, supermarketId } from './material-twin';
import { BOMS, findPart } from './parts-catalogue';

const START = new Date('2026-03-02T06:00:00Z');

describe('parts catalogue', () => {
  it('has a BOM for every product whose placed parts add up to its components per board', () => {
    for (const product of PRODUCTS) {
      const lines = BOMS[product.id];
      expect(lines, product.id).toBeDefined();
      const placed = lines!.filter((line) => line.feederBank !== undefined).reduce((sum, line) => sum + line.quantityPerBoard, 0);
      expect(placed, product.id).toBe(product.componentsPerBoard);
      for (const line of lines!) expect(findPart(line.partNumber), line.partNumber).toBeDefined();
      expect(lines!.some((line) => findPart(line.partNumber)!.kind === 'pcb')).toBe(true);
      expect(lines!.some((line) => findPart(line.partNumber)!.kind === 'stencil')).toBe(true);
    }
  });
});

describe('inbound plan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(planInbound(3, START.getTime())).toEqual(planInbound(3, START.getTime()));
    expect(planInbound(4, START.getTime()).deliveries.map((d) => d.plannedEtaMs)).not.toEqual(
      planInbound(3, START.getTime()).deliveries.map((d) => d.plannedEtaMs),
    );
  });

  it('always announces a late MCU delivery at the start', () => {
    for (const seed of [1, 2, 3, 42]) {
      const plan = planInbound(seed, START.getTime());
      const late = plan.deliveries.filter((d) => d.disruption && d.disruption.noticeAtMs <= START.getTime() && d.disruption.delayH > 0);
      expect(
        late.some((d) => d.lines.some((line) => line.partNumber === 'STM32H743ZIT6')),
        `seed ${seed}`,
      ).toBe(true);
      for (const delivery of late) expect(delivery.actualEtaMs).toBeGreaterThan(delivery.plannedEtaMs);
    }
  });
});

describe('material twin', () => {
  it('serves a snapshot that parses, with the late delivery flagged and stock line-side', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START });
    const { material, sync } = attachMaterialTwin(twin);
    sync();
    const snapshot = MaterialSnapshot.parse(material.snapshot(twin));
    expect(snapshot.deliveries.some((d) => d.status === 'late' && d.disruption?.kind === 'late')).toBe(true);
    expect(snapshot.lots.some((lot) => lot.locationId === supermarketId('Line1'))).toBe(true);
    expect(snapshot.feeders.filter((f) => f.lineId === 'Line1')).toHaveLength(8);
    expect(snapshot.lineQueues.find((q) => q.lineId === 'Line1')!.orders[0]!.orderId).toBe('PO-24117');
    const mslLot = snapshot.lots.find((lot) => lot.partNumber === 'STM32H743ZIT6' && lot.locationId !== 'WH');
    expect(mslLot?.floorLifeRemainingH).toBeGreaterThan(0);
  });

  it('consumes the BOM as boards are released, and a missing part stops the feeder refill', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START });
    const { material, sync } = attachMaterialTwin(twin);
    const sm = supermarketId('Line1');
    const pcbBefore = material.stock('PCB-CPU1516-R3', sm);
    twin.step(30 * 60_000);
    sync();
    const released = twin.orderList().find((o) => o.id === 'PO-24117')!.releasedCount;
    expect(released).toBeGreaterThan(0);
    // Milk runs may have topped the supermarket up in between, so compare against what came in too.
    expect(material.stock('PCB-CPU1516-R3', sm)).toBeLessThanOrEqual(pcbBefore - released + 1_000);
    // Empty the supermarket of the MCU: bank 3 may no longer be refilled for the CPU board.
    material.applyTransport([{ partNumber: 'STM32H743ZIT6', quantity: material.stock('STM32H743ZIT6', sm), fromLocationId: sm, toLocationId: 'WH' }]);
    expect(material.refillAllowed('Line1', 'CPU-1516', 3)).toBe(false);
    expect(material.refillAllowed('Line1', 'CPU-1516', 1)).toBe(true);
    twin.setMaterialLevel('L1-PNP1', 'Feeder3.LevelPct', 0);
    twin.step(40 * 60_000);
    expect(twin.readValue('L1-PNP1', 'Feeder3.LevelPct')).toBe(0);
  });

  it('refuses a transport of stock that is not there', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START });
    const { material } = attachMaterialTwin(twin);
    expect(() => material.applyTransport([{ partNumber: 'STM32H743ZIT6', quantity: 1e9, fromLocationId: 'WH', toLocationId: 'SM-L1' }])).toThrow(/Only/);
  });
});
