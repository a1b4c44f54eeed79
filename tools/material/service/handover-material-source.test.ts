import { describe, expect, it } from 'vitest';
import { PlantTwin } from '@/connectors/twin/simulation';
import { attachMaterialTwin } from '@/connectors/twin/material/material-twin';
import { materialHandoverSource } from './handover-material-source';

describe('material in the handover', () => {
  it("lists the twin's late MCU delivery with the orders it starves", async () => {
    const twin = new PlantTwin({ seed: 1, startTime: new Date('2026-03-02T06:00:00Z') });
    const { material, sync } = attachMaterialTwin(twin);
    sync();
    const facts = await materialHandoverSource({ snapshot: async () => material.snapshot(twin) }).disruptions();
    const mcu = facts.find((d) => d.parts.some((p) => p.partNumber === 'STM32H743ZIT6'));
    expect(mcu).toBeDefined();
    expect(mcu!.delayH).toBeGreaterThan(0);
    const parts = new Set(mcu!.parts.map((p) => p.partNumber));
    expect(mcu!.orders.some((o) => o.missingPart !== null && parts.has(o.missingPart))).toBe(true);
  });
});
