/**
 * The twin's inbound logistics for a seed: opening stock per part and the advance shipping notices
 * (ASNs) of the next two days, some of them late or short. Pure and deterministic: the same seed and
 * start time give the same plan. One disruption is always announced at the start (a late delivery
 * of parts the first orders need), so the twin shows a supply problem on its own from minute one.
 */
import { INITIAL_ORDERS, PRODUCTS } from '../product-catalogue';
import { SeededRandom } from '../random';
import { BOMS, PARTS, SUPPLIERS, type PartDefinition } from './parts-catalogue';

const HOUR_MS = 3_600_000;
export const PLAN_HORIZON_H = 48;
/** Hours between two deliveries of the same supplier. */
const CADENCE_H: Record<string, number> = { 'SUP-ATS': 24, 'SUP-CHRISTIAN': 48, 'SUP-SMURFIT': 24 };
const DEFAULT_CADENCE_H = 8;

export interface PlannedDelivery {
  asnId: string;
  supplierId: string;
  plannedEtaMs: number;
  /** When it really arrives (later than planned for a late one). */
  actualEtaMs: number;
  lines: { partNumber: string; orderedQuantity: number; deliveredQuantity: number }[];
  disruption: { kind: 'late' | 'short' | 'late-and-short'; delayH: number; shortfallShare: number; noticeAtMs: number; reason: string } | null;
}

export interface InboundPlan {
  /** Opening stock per part, pieces: warehouse and per-line supermarket. */
  openingStock: { partNumber: string; warehouse: number; supermarket: Record<'Line1' | 'Line2', number> }[];
  deliveries: PlannedDelivery[];
}

const LATE_REASONS = ['Truck held at customs', 'Carrier missed the pick-up slot', 'Supplier allocation: partial shipment', 'Road closure on the A3'];

/** Average demand over the initial order book, pieces per hour and per line. */
export function demandPerHour(): Map<string, Record<'Line1' | 'Line2', number>> {
  const horizonH = Math.max(...INITIAL_ORDERS.map((order) => order.dueAfterStartH));
  const demand = new Map<string, Record<'Line1' | 'Line2', number>>();
  for (const order of INITIAL_ORDERS) {
    for (const line of BOMS[order.productId] ?? []) {
      const entry = demand.get(line.partNumber) ?? { Line1: 0, Line2: 0 };
      entry[order.lineId] += (order.quantity * line.quantityPerBoard) / horizonH;
      demand.set(line.partNumber, entry);
    }
  }
  return demand;
}

function roundUpToPacks(quantity: number, part: PartDefinition): number {
  return Math.max(part.packQuantity, Math.ceil(quantity / part.packQuantity) * part.packQuantity);
}

export function planInbound(seed: number, startTimeMs: number): InboundPlan {
  // A stream of its own, so the material plan never shifts the machines' random draws.
  const random = new SeededRandom(seed * 7919 + 17);
  const demand = demandPerHour();
  const deliveries: PlannedDelivery[] = [];
  let asnCounter = 4100 + Math.floor(random.uniform(0, 800));

  for (const supplier of SUPPLIERS) {
    const parts = PARTS.filter((part) => part.supplierId === supplier.id && part.kind !== 'stencil');
    const cadenceH = CADENCE_H[supplier.id] ?? DEFAULT_CADENCE_H;
    for (let etaH = random.uniform(2, Math.min(cadenceH, 8)); etaH < PLAN_HORIZON_H; etaH += cadenceH) {
      const lines = parts
        .map((part) => {
          const perHour = demand.get(part.partNumber);
          const total = perHour ? perHour.Line1 + perHour.Line2 : 0;
          return total > 0 ? { partNumber: part.partNumber, orderedQuantity: roundUpToPacks(total * cadenceH, part), deliveredQuantity: 0 } : undefined;
        })
        .filter((line) => line !== undefined);
      if (lines.length === 0) continue;
      const plannedEtaMs = startTimeMs + etaH * HOUR_MS;
      const late = random.chance(0.15);
      const short = random.chance(0.08);
      const delayH = late ? random.uniform(3, 10) : 0;
      const shortfallShare = short ? random.uniform(0.3, 0.7) : 0;
      const noticeLeadH = random.uniform(2, 6);
      const reason = LATE_REASONS[Math.floor(random.uniform(0, LATE_REASONS.length))]!;
      deliveries.push({
        asnId: `ASN-${asnCounter++}`,
        supplierId: supplier.id,
        plannedEtaMs,
        actualEtaMs: plannedEtaMs + delayH * HOUR_MS,
        lines: lines.map((line) => ({ ...line, deliveredQuantity: Math.round(line.orderedQuantity * (1 - shortfallShare)) })),
        disruption:
          late || short
            ? {
                kind: late && short ? 'late-and-short' : late ? 'late' : 'short',
                delayH,
                shortfallShare,
                noticeAtMs: Math.max(startTimeMs, plannedEtaMs - noticeLeadH * HOUR_MS),
                reason,
              }
            : null,
      });
    }
  }
  deliveries.sort((a, b) => a.plannedEtaMs - b.plannedEtaMs || a.asnId.localeCompare(b.asnId));

  // The headline disruption: the first distributor delivery carrying the MCU is late, announced now.
  const headline = deliveries.find((delivery) => delivery.supplierId === 'SUP-AVNET' && delivery.lines.some((line) => line.partNumber === 'STM32H743ZIT6'))!;
  const headlineDelayH = random.uniform(6, 10);
  headline.actualEtaMs = headline.plannedEtaMs + headlineDelayH * HOUR_MS;
  headline.lines = headline.lines.map((line) => ({ ...line, deliveredQuantity: line.orderedQuantity }));
  headline.disruption = { kind: 'late', delayH: headlineDelayH, shortfallShare: 0, noticeAtMs: startTimeMs, reason: 'Truck held at customs' };

  // Opening stock covers the demand until the first planned delivery plus a margin; for the
  // headline's parts the margin is less than the delay, so they run out before the truck comes.
  const firstEta = new Map<string, number>();
  for (const delivery of deliveries) {
    for (const line of delivery.lines) if (!firstEta.has(line.partNumber)) firstEta.set(line.partNumber, delivery.plannedEtaMs);
  }
  const headlineParts = new Set(headline.lines.map((line) => line.partNumber));
  const openingStock = PARTS.map((part) => {
    const perHour = demand.get(part.partNumber) ?? { Line1: 0, Line2: 0 };
    const untilFirstH = ((firstEta.get(part.partNumber) ?? startTimeMs + 24 * HOUR_MS) - startTimeMs) / HOUR_MS;
    const coverH = untilFirstH + (headlineParts.has(part.partNumber) ? headlineDelayH * 0.4 : random.uniform(4, 12));
    const supermarketH = Math.min(coverH, 2 + random.uniform(0, 2));
    const line = (lineId: 'Line1' | 'Line2') => (part.kind === 'stencil' ? 1 : Math.round(perHour[lineId] * supermarketH));
    const total = part.kind === 'stencil' ? 1 : roundUpToPacks((perHour.Line1 + perHour.Line2) * coverH, part);
    const supermarket = { Line1: line('Line1'), Line2: line('Line2') };
    return { partNumber: part.partNumber, warehouse: Math.max(0, total - supermarket.Line1 - supermarket.Line2), supermarket };
  });
  return { openingStock, deliveries };
}

/** Boards per hour a line makes of a product at 100 % speed (the slowest step sets the takt). */
export function boardsPerHour(productId: string): number {
  const product = PRODUCTS.find((p) => p.id === productId);
  if (!product) return 0;
  return 3_600 / Math.max(...product.routing.map((step) => step.cycleTimeS));
}
