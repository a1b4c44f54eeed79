/**
 * When a part runs out, from the material snapshot alone: each line works through its order queue
 * at its rate, every board takes its BOM, stock is what lies in the warehouse and the supermarkets,
 * and inbound deliveries add their expected quantity at their current ETA. Pure: times are ms
 * since the epoch, `nowMs` is given.
 *
 * Two answers per part: the line-side run-out (the supermarket alone, no replenishment: when the
 * next milk run must have come) and the plant-wide run-out (all stock plus deliveries: when no
 * replenishment can help, and orders starve until the next delivery).
 */
import type { DeliveryRecord, MaterialSnapshot } from '@/connectors/material/material-snapshot';

const HOUR_MS = 3_600_000;

export interface OrderWindow {
  orderId: string;
  lineId: string;
  productId: string;
  startMs: number;
  endMs: number;
  boardsPerHour: number;
  remainingBoards: number;
  dueAtMs: number;
}

export interface Starvation {
  partNumber: string;
  /** When the plant has none left. */
  runOutMs: number;
  /** When the next delivery brings it back; null when none is announced. */
  recoverMs: number | null;
}

export interface PartRunOut {
  partNumber: string;
  stock: { warehouse: number; supermarkets: Record<string, number> };
  /** Pieces per hour the queues take right now. */
  demandPerHour: number;
  plantRunOutMs: number | null;
  recoverMs: number | null;
  lineSideRunOutMs: Record<string, number | null>;
  nextDelivery: { asnId: string; etaMs: number; quantity: number; late: boolean } | null;
}

/** Each line's queue laid out in time from now, back to back (no setups: a lower bound on the start). */
export function orderWindows(snapshot: Pick<MaterialSnapshot, 'lineQueues'>, nowMs: number): OrderWindow[] {
  return snapshot.lineQueues.flatMap((queue) => {
    let cursorMs = nowMs;
    return queue.orders.map((order) => {
      const startMs = cursorMs;
      cursorMs += (order.remainingBoards / order.boardsPerHour) * HOUR_MS;
      return {
        orderId: order.orderId,
        lineId: queue.lineId,
        productId: order.productId,
        startMs,
        endMs: cursorMs,
        boardsPerHour: order.boardsPerHour,
        remainingBoards: order.remainingBoards,
        dueAtMs: Date.parse(order.dueAt),
      };
    });
  });
}

function perBoard(snapshot: Pick<MaterialSnapshot, 'boms'>, productId: string, partNumber: string): number {
  return (snapshot.boms[productId] ?? []).filter((line) => line.partNumber === partNumber).reduce((sum, line) => sum + line.quantityPerBoard, 0);
}

/** Where pieces-per-hour demand changes, and how much is needed in each piece. */
function demandSegments(snapshot: Pick<MaterialSnapshot, 'boms'>, windows: readonly OrderWindow[], partNumber: string) {
  return windows
    .map((window) => ({ ...window, ratePerH: window.boardsPerHour * perBoard(snapshot, window.productId, partNumber) }))
    .filter((window) => window.ratePerH > 0 && window.endMs > window.startMs);
}

/**
 * First time cumulative demand exceeds stock plus arrivals, sweeping the breakpoints; null when the
 * queues finish first. Also when supply comes back (the first arrival after the run-out).
 */
export function sweepRunOut(
  stockNow: number,
  segments: readonly { startMs: number; endMs: number; ratePerH: number }[],
  arrivals: readonly { etaMs: number; quantity: number }[],
  nowMs: number,
): { runOutMs: number | null; recoverMs: number | null } {
  const points = [...new Set([nowMs, ...segments.flatMap((s) => [s.startMs, s.endMs]), ...arrivals.map((a) => a.etaMs)])]
    .filter((t) => t >= nowMs)
    .sort((a, b) => a - b);
  let stock = stockNow + arrivals.filter((a) => a.etaMs < nowMs).reduce((sum, a) => sum + a.quantity, 0);
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    stock += arrivals.filter((a) => a.etaMs === at && at >= nowMs).reduce((sum, a) => sum + a.quantity, 0);
    const next = points[i + 1];
    if (next === undefined) break;
    const ratePerH = segments.filter((s) => s.startMs <= at && s.endMs > at).reduce((sum, s) => sum + s.ratePerH, 0);
    const needed = (ratePerH * (next - at)) / HOUR_MS;
    if (ratePerH > 0 && needed > stock + 1e-9) {
      const runOutMs = at + (stock / ratePerH) * HOUR_MS;
      const recover = arrivals.filter((a) => a.etaMs > runOutMs && a.quantity > 0).sort((a, b) => a.etaMs - b.etaMs)[0];
      return { runOutMs, recoverMs: recover?.etaMs ?? null };
    }
    stock -= needed;
  }
  return { runOutMs: null, recoverMs: null };
}

function arrivalsOf(deliveries: readonly DeliveryRecord[], partNumber: string) {
  return deliveries
    .filter((delivery) => delivery.status !== 'arrived')
    .flatMap((delivery) =>
      delivery.lines
        .filter((line) => line.partNumber === partNumber)
        .map((line) => ({ asnId: delivery.asnId, etaMs: Date.parse(delivery.eta), quantity: line.expectedQuantity, late: delivery.status === 'late' })),
    )
    .sort((a, b) => a.etaMs - b.etaMs);
}

export function partRunOut(snapshot: MaterialSnapshot, partNumber: string, nowMs: number, windows = orderWindows(snapshot, nowMs)): PartRunOut {
  const supermarketOf = new Map(snapshot.locations.filter((l) => l.kind === 'supermarket').map((l) => [l.id, l.lineId ?? l.id]));
  const stock = { warehouse: 0, supermarkets: {} as Record<string, number> };
  for (const lot of snapshot.lots) {
    if (lot.partNumber !== partNumber) continue;
    const lineId = supermarketOf.get(lot.locationId);
    if (lineId) stock.supermarkets[lineId] = (stock.supermarkets[lineId] ?? 0) + lot.quantity;
    else stock.warehouse += lot.quantity;
  }
  const segments = demandSegments(snapshot, windows, partNumber);
  const arrivals = arrivalsOf(snapshot.deliveries, partNumber);
  const total = stock.warehouse + Object.values(stock.supermarkets).reduce((a, b) => a + b, 0);
  const plant = sweepRunOut(total, segments, arrivals, nowMs);
  const lineSideRunOutMs: Record<string, number | null> = {};
  for (const queue of snapshot.lineQueues) {
    lineSideRunOutMs[queue.lineId] = sweepRunOut(
      stock.supermarkets[queue.lineId] ?? 0,
      segments.filter((s) => s.lineId === queue.lineId),
      [],
      nowMs,
    ).runOutMs;
  }
  const next = arrivals[0];
  return {
    partNumber,
    stock,
    demandPerHour: segments.filter((s) => s.startMs <= nowMs && s.endMs > nowMs).reduce((sum, s) => sum + s.ratePerH, 0),
    plantRunOutMs: plant.runOutMs,
    recoverMs: plant.recoverMs,
    lineSideRunOutMs,
    nextDelivery: next ? { asnId: next.asnId, etaMs: next.etaMs, quantity: next.quantity, late: next.late } : null,
  };
}

/** Parts a line needs for its queue. */
export function partsOfLine(snapshot: MaterialSnapshot, lineId: string): string[] {
  const products = new Set(snapshot.lineQueues.find((q) => q.lineId === lineId)?.orders.map((o) => o.productId) ?? []);
  return [
    ...new Set(
      [...products].flatMap((productId) => (snapshot.boms[productId] ?? []).filter((line) => line.quantityPerBoard > 0).map((line) => line.partNumber)),
    ),
  ];
}

/** Every part a line needs, soonest line-side run-out first (parts that last the whole queue last). */
export function lineRunOuts(snapshot: MaterialSnapshot, lineId: string, nowMs: number): PartRunOut[] {
  const windows = orderWindows(snapshot, nowMs);
  const key = (r: PartRunOut) => Math.min(r.lineSideRunOutMs[lineId] ?? Infinity, r.plantRunOutMs ?? Infinity);
  return partsOfLine(snapshot, lineId)
    .map((partNumber) => partRunOut(snapshot, partNumber, nowMs, windows))
    .sort((a, b) => key(a) - key(b) || a.partNumber.localeCompare(b.partNumber));
}
