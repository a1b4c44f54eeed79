/**
 * The twin's material side: stock lots in the warehouse and at each line's supermarket, inbound
 * deliveries arriving (late or short as the seeded plan says), boards consuming their BOM from the
 * line's supermarket, the standard hourly milk run topping supermarkets up from the warehouse, and
 * transports (dispatched AMR/tugger runs) moving stock when a vehicle reports its run done.
 *
 * Coupling to the machine twin is two small hooks: boards released at a line's printer consume
 * material here (read from the order list), and a feeder may only be refilled when the supermarket
 * still holds the parts for that bank — so a late delivery really does run a placer dry.
 * Deterministic: no clock, no Math.random; time is whatever the owner passes to `advanceTo`.
 */
import { AppError } from '@/lib/errors';
import type { MaterialSnapshot } from '../../material/material-snapshot';
import { LINES } from '../catalogue';
import type { PlantTwin } from '../simulation';

import { boardsPerHour, planInbound, type PlannedDelivery } from './inbound-plan';
import { BOMS, FLOOR_LIFE_H, PARTS, SUPPLIERS, findPart } from './parts-catalogue';

const HOUR_MS = 3_600_000;
const MILK_RUN_EVERY_MS = HOUR_MS;
/** The standard milk run keeps this many hours of the line's queue in its supermarket. */
const SUPERMARKET_TARGET_H = 3;

export const WAREHOUSE_ID = 'WH';
export const supermarketId = (lineId: string): string => `SM-${lineId.replace(/^Line/, 'L')}`;

interface Lot {
  lotId: string;
  partNumber: string;
  locationId: string;
  quantity: number;
  receivedAtMs: number;
  openedAtMs: number | null;
}

export interface TransportLoad {
  partNumber: string;
  quantity: number;
  fromLocationId: string;
  toLocationId: string;
}

export class MaterialTwin {
  private readonly lots: Lot[] = [];
  private readonly deliveries: PlannedDelivery[];
  private readonly arrived = new Map<string, number>();
  private readonly releasedSeen = new Map<string, number>();
  private lotCounter = 1;
  private nowMs: number;
  private nextMilkRunMs: number;

  constructor(
    readonly seed: number,
    readonly startTimeMs: number,
  ) {
    const plan = planInbound(seed, startTimeMs);
    this.deliveries = plan.deliveries;
    this.nowMs = startTimeMs;
    this.nextMilkRunMs = startTimeMs + MILK_RUN_EVERY_MS;
    for (const stock of plan.openingStock) {
      this.addLot(stock.partNumber, WAREHOUSE_ID, stock.warehouse, startTimeMs - 24 * HOUR_MS);
      for (const line of LINES) this.addLot(stock.partNumber, supermarketId(line.id), stock.supermarket[line.id], startTimeMs - 2 * HOUR_MS);
    }
  }

  /** Pieces of a part at a location. */
  stock(partNumber: string, locationId: string): number {
    return this.lots.filter((lot) => lot.partNumber === partNumber && lot.locationId === locationId).reduce((sum, lot) => sum + lot.quantity, 0);
  }

  /** Whether a placer's feeder bank may be refilled: the supermarket holds every part of that bank for the product. */
  refillAllowed(lineId: string, productId: string, bank: number): boolean {
    const parts = (BOMS[productId] ?? []).filter((line) => line.feederBank === bank);
    return parts.every((line) => this.stock(line.partNumber, supermarketId(lineId)) > 0);
  }

  /** Advances to `timeMs`: consumption of boards released since the last call, arrivals, milk runs. */
  advanceTo(timeMs: number, twin: Pick<PlantTwin, 'orderList'>): void {
    for (const order of twin.orderList()) {
      const seen = this.releasedSeen.get(order.id) ?? 0;
      if (order.releasedCount > seen && order.lineId) {
        const boards = order.releasedCount - seen;
        for (const line of BOMS[order.productId] ?? []) {
          if (line.quantityPerBoard > 0) this.take(line.partNumber, supermarketId(order.lineId), line.quantityPerBoard * boards);
        }
      }
      this.releasedSeen.set(order.id, order.releasedCount);
    }
    for (const delivery of this.deliveries) {
      if (!this.arrived.has(delivery.asnId) && delivery.actualEtaMs <= timeMs) {
        this.arrived.set(delivery.asnId, delivery.actualEtaMs);
        for (const line of delivery.lines) this.addLot(line.partNumber, WAREHOUSE_ID, line.deliveredQuantity, delivery.actualEtaMs);
      }
    }
    while (this.nextMilkRunMs <= timeMs) {
      this.standardMilkRun(twin);
      this.nextMilkRunMs += MILK_RUN_EVERY_MS;
    }
    this.nowMs = Math.max(this.nowMs, timeMs);
  }

  /** Moves stock for a finished transport; refuses loads that are not there, saying what is. */
  applyTransport(loads: readonly TransportLoad[]): void {
    for (const load of loads) {
      const available = this.stock(load.partNumber, load.fromLocationId);
      if (available < load.quantity) {
        throw new AppError('conflict', `Only ${available} of ${load.partNumber} at ${load.fromLocationId}; the transport wanted ${load.quantity}.`);
      }
    }
    for (const load of loads) {
      this.take(load.partNumber, load.fromLocationId, load.quantity);
      this.addLot(load.partNumber, load.toLocationId, load.quantity, this.nowMs);
    }
  }

  snapshot(twin: Pick<PlantTwin, 'snapshot'>): MaterialSnapshot {
    const plant = twin.snapshot();
    const iso = (ms: number) => new Date(ms).toISOString();
    const orders = new Map(plant.orders.map((order) => [order.id, order]));
    return {
      time: iso(this.nowMs),
      parts: PARTS.map((part) => ({ ...part, alternates: [...(part.alternates ?? [])] })),
      suppliers: SUPPLIERS.map((supplier) => ({ ...supplier })),
      boms: Object.fromEntries(Object.entries(BOMS).map(([productId, lines]) => [productId, lines.map((line) => ({ ...line }))])),
      locations: [
        { id: WAREHOUSE_ID, name: 'Central warehouse', kind: 'warehouse' },
        ...LINES.map((line) => ({ id: supermarketId(line.id), name: `Supermarket ${line.displayName}`, kind: 'supermarket' as const, lineId: line.id })),
      ],
      lots: this.lots
        .filter((lot) => lot.quantity > 0)
        .map((lot) => {
          const msl = findPart(lot.partNumber)?.msl;
          const floorLifeRemainingH = msl && lot.openedAtMs !== null ? FLOOR_LIFE_H[msl] - (this.nowMs - lot.openedAtMs) / HOUR_MS : null;
          return {
            lotId: lot.lotId,
            partNumber: lot.partNumber,
            locationId: lot.locationId,
            quantity: lot.quantity,
            receivedAt: iso(lot.receivedAtMs),
            openedAt: lot.openedAtMs === null ? null : iso(lot.openedAtMs),
            floorLifeRemainingH: floorLifeRemainingH === null ? null : Math.round(floorLifeRemainingH * 10) / 10,
          };
        }),
      deliveries: this.deliveries.map((delivery) => {
        const announced = delivery.disruption && delivery.disruption.noticeAtMs <= this.nowMs ? delivery.disruption : null;
        const arrivedAtMs = this.arrived.get(delivery.asnId);
        return {
          asnId: delivery.asnId,
          supplierId: delivery.supplierId,
          supplierName: SUPPLIERS.find((supplier) => supplier.id === delivery.supplierId)?.name ?? delivery.supplierId,
          status: arrivedAtMs !== undefined ? 'arrived' : announced && announced.delayH > 0 ? 'late' : 'in-transit',
          plannedEta: iso(delivery.plannedEtaMs),
          eta: iso(announced || arrivedAtMs !== undefined ? delivery.actualEtaMs : delivery.plannedEtaMs),
          arrivedAt: arrivedAtMs === undefined ? null : iso(arrivedAtMs),
          lines: delivery.lines.map((line) => ({
            partNumber: line.partNumber,
            orderedQuantity: line.orderedQuantity,
            expectedQuantity: announced || arrivedAtMs !== undefined ? line.deliveredQuantity : line.orderedQuantity,
          })),
          disruption: announced
            ? {
                kind: announced.kind,
                delayH: announced.delayH,
                shortfallShare: announced.shortfallShare,
                noticeAt: iso(announced.noticeAtMs),
                reason: announced.reason,
              }
            : null,
        };
      }),
      feeders: LINES.flatMap((line) => {
        const firstId = plant.lines.find((l) => l.id === line.id)?.orderSequence[0];
        const running = plant.orders.find((order) => order.lineId === line.id && order.status === 'running') ?? orders.get(firstId ?? '');
        return line.machineIds
          .filter((id) => plant.machines[id]?.type === 'pick-and-place')
          .flatMap((machineId) =>
            [1, 2, 3, 4].map((bank) => ({
              lineId: line.id,
              machineId,
              tagId: `Feeder${bank}.LevelPct`,
              bank,
              levelPct: Number(plant.machines[machineId]!.values[`Feeder${bank}.LevelPct`] ?? 0),
              partNumbers: running ? (BOMS[running.productId] ?? []).filter((bomLine) => bomLine.feederBank === bank).map((bomLine) => bomLine.partNumber) : [],
            })),
          );
      }),
      lineQueues: plant.lines.map((line) => ({
        lineId: line.id,
        orders: line.orderSequence
          .map((id) => orders.get(id))
          .filter((order) => order !== undefined && order.status !== 'complete')
          .map((order) => ({
            orderId: order!.id,
            productId: order!.productId,
            remainingBoards: Math.max(0, order!.quantity - order!.releasedCount),
            boardsPerHour: boardsPerHour(order!.productId),
            dueAt: order!.dueAt,
            priority: order!.priority,
          })),
      })),
    };
  }

  private standardMilkRun(twin: Pick<PlantTwin, 'orderList'>): void {
    const loads: TransportLoad[] = [];
    for (const line of LINES) {
      const need = new Map<string, number>();
      let hoursLeft = SUPERMARKET_TARGET_H;
      for (const order of twin.orderList().filter((o) => o.lineId === line.id && o.status !== 'complete')) {
        if (hoursLeft <= 0) break;
        const boards = Math.min(order.quantity - order.releasedCount, boardsPerHour(order.productId) * hoursLeft);
        hoursLeft -= boards / boardsPerHour(order.productId);
        for (const bomLine of BOMS[order.productId] ?? [])
          need.set(bomLine.partNumber, (need.get(bomLine.partNumber) ?? 0) + bomLine.quantityPerBoard * boards);
      }
      for (const [partNumber, quantity] of need) {
        const missing = Math.ceil(quantity - this.stock(partNumber, supermarketId(line.id)));
        const available = this.stock(partNumber, WAREHOUSE_ID);
        const move = Math.min(missing, available);
        if (move > 0) loads.push({ partNumber, quantity: move, fromLocationId: WAREHOUSE_ID, toLocationId: supermarketId(line.id) });
      }
    }
    // Sequential per load so two lines competing for the last reel are served in line order.
    for (const load of loads) {
      const move = Math.min(load.quantity, this.stock(load.partNumber, WAREHOUSE_ID));
      if (move > 0) this.applyTransport([{ ...load, quantity: move }]);
    }
  }

  private addLot(partNumber: string, locationId: string, quantity: number, receivedAtMs: number): void {
    if (quantity <= 0) return;
    const msl = findPart(partNumber)?.msl;
    this.lots.push({
      lotId: `LOT-${String(this.lotCounter++).padStart(5, '0')}`,
      partNumber,
      locationId,
      quantity,
      receivedAtMs,
      // Line-side packs are open (the dry pack is cut when the reel goes to the line).
      openedAtMs: msl && locationId !== WAREHOUSE_ID ? receivedAtMs : null,
    });
  }

  /** Takes first-in-first-out; what is not there is simply not taken (the feeder gate stops the line). */
  private take(partNumber: string, locationId: string, quantity: number): void {
    let left = quantity;
    for (const lot of this.lots) {
      if (left <= 0) break;
      if (lot.partNumber !== partNumber || lot.locationId !== locationId || lot.quantity <= 0) continue;
      const used = Math.min(lot.quantity, left);
      lot.quantity -= used;
      left -= used;
    }
    for (let i = this.lots.length - 1; i >= 0; i--) if (this.lots[i]!.quantity <= 0) this.lots.splice(i, 1);
  }
}

const LINE_OF_MACHINE = new Map(LINES.flatMap((line) => line.machineIds.map((id) => [id, line.id] as const)));

/**
 * Couples a material twin to a machine twin: feeder refills need parts in the line's supermarket.
 * Call `sync()` after every `twin.step` so consumption, arrivals and milk runs keep up.
 */
export function attachMaterialTwin(twin: PlantTwin): { material: MaterialTwin; sync(): void; detach(): void } {
  const material = new MaterialTwin(twin.seed, twin.startTimeMs);
  twin.setRefillGate((machineId, tagId, productId) => {
    const bank = /^Feeder(\d)\./.exec(tagId)?.[1];
    const lineId = LINE_OF_MACHINE.get(machineId);
    if (!bank || !lineId || !productId) return true;
    return material.refillAllowed(lineId, productId, Number(bank));
  });
  return {
    material,
    sync: () => material.advanceTo(twin.now().getTime(), twin),
    detach: () => twin.setRefillGate(undefined),
  };
}
