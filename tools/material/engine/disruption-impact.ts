/**
 * What a supply disruption does to production, and the best response. A late or short delivery (or
 * parts rejected at incoming inspection) is applied to the material snapshot; for every part it
 * touches the plant-wide run-out is computed before and after; orders that would be building when a
 * part is gone starve until the next delivery, and the orders behind them on the same line slip too.
 * Responses are compared on the same simple line model (no setups): substitute an approved alternate,
 * resequence the line so orders without the part run first, or split the starved order. (Moving an
 * order to the other line cannot help when the part is short plant-wide, so it is not offered.)
 * Pure: no clock, no I/O.
 */
import type { MaterialSnapshot } from '@/connectors/material/material-snapshot';
import { orderWindows, partRunOut, type OrderWindow } from './run-out';

const HOUR_MS = 3_600_000;

export interface Disruption {
  /** A delivery (ASN id) … */
  asnId?: string;
  /** … or a part (its next delivery, or its stock for a rejection). */
  partNumber?: string;
  /** … or a supplier, by id or name ("Würth"): its next open delivery. People name the truck, not the ASN. */
  supplier?: string;
  delayH?: number;
  /** Share of the delivery that will not come, 0–1. */
  shortfallShare?: number;
  /** Pieces found bad at incoming inspection (taken out of the warehouse). */
  rejectedQuantity?: number;
}

export interface Kpis {
  lateOrders: number;
  totalLatenessH: number;
  /** Hours lines stand waiting for material. */
  lineIdleH: number;
}

export interface AffectedOrder {
  orderId: string;
  lineId: string;
  productId: string;
  /** The part that stops it, or null for a knock-on delay from an order ahead of it. */
  partNumber: string | null;
  starvesAtMs: number | null;
  slipH: number;
  plannedEndMs: number;
  newEndMs: number;
  dueAtMs: number;
  late: boolean;
}

export type ResponseKind = 'substitute_alternate' | 'resequence' | 'split_order' | 'expedite';

export interface ResponseOption {
  kind: ResponseKind;
  summary: string;
  kpis: Kpis;
  /** Against doing nothing: negative is better. */
  delta: Kpis;
}

export interface DisruptionImpact {
  parts: { partNumber: string; runOutBeforeMs: number | null; runOutAfterMs: number | null; recoverMs: number | null }[];
  /** The deliveries a delay moved: one, or all of a supplier's that fall inside its delay. */
  delayedAsnIds: string[];
  affectedOrders: AffectedOrder[];
  doNothing: Kpis;
  responses: ResponseOption[];
  recommended: ResponseOption | null;
}

/** A supplier name as typed: lower case, without accents ("Würth" and "wurth" are the same). */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** The snapshot with the disruption applied; throws a plain Error naming what is unknown (the tool turns it into invalid_argument). */
export function applyDisruption(
  snapshot: MaterialSnapshot,
  disruption: Disruption,
): { snapshot: MaterialSnapshot; partNumbers: string[]; delayedAsnIds: string[] } {
  const deliveries = snapshot.deliveries.map((d) => ({ ...d, lines: d.lines.map((l) => ({ ...l })) }));
  let target = disruption.asnId ? deliveries.find((d) => d.asnId === disruption.asnId) : undefined;
  if (disruption.asnId && !target)
    throw new Error(
      `There is no delivery ${disruption.asnId}. Open deliveries: ${snapshot.deliveries
        .filter((d) => d.status !== 'arrived')
        .map((d) => d.asnId)
        .join(', ')}.`,
    );
  if (!target && disruption.partNumber && (disruption.delayH || disruption.shortfallShare)) {
    target = deliveries
      .filter((d) => d.status !== 'arrived' && d.lines.some((l) => l.partNumber === disruption.partNumber))
      .sort((a, b) => Date.parse(a.eta) - Date.parse(b.eta))[0];
    if (!target) throw new Error(`No open delivery carries ${disruption.partNumber}.`);
  }
  if (!target && !disruption.partNumber && disruption.supplier && (disruption.delayH || disruption.shortfallShare)) {
    const wanted = foldName(disruption.supplier);
    target = deliveries
      .filter((d) => d.status !== 'arrived' && (foldName(d.supplierId) === wanted || foldName(d.supplierName).startsWith(wanted)))
      .sort((a, b) => Date.parse(a.eta) - Date.parse(b.eta))[0];
    if (!target)
      throw new Error(
        `No open delivery comes from ${disruption.supplier}. Suppliers with open deliveries: ${[
          ...new Set(snapshot.deliveries.filter((d) => d.status !== 'arrived').map((d) => d.supplierName)),
        ].join(', ')}.`,
      );
  }
  if (disruption.partNumber && !snapshot.parts.some((p) => p.partNumber === disruption.partNumber))
    throw new Error(`There is no part ${disruption.partNumber}.`);
  const delayed: typeof deliveries = [];
  if (target) {
    if (disruption.delayH) {
      const heldUntilMs = Date.parse(target.eta) + disruption.delayH * HOUR_MS;
      // "Würth is 3 days late": the supplier ships nothing until then, so every open delivery of theirs due
      // before that comes with the late one — not only the next, while the ones behind it (every 8 h) still
      // arrive and hide the delay. A delivery named by ASN or part is that one delivery alone.
      const held =
        disruption.asnId || disruption.partNumber
          ? [target]
          : deliveries.filter((d) => d.status !== 'arrived' && d.supplierId === target!.supplierId && Date.parse(d.eta) < heldUntilMs);
      for (const delivery of held) {
        delivery.eta = new Date(Math.max(Date.parse(delivery.eta), heldUntilMs)).toISOString();
        delayed.push(delivery);
      }
    }
    if (disruption.shortfallShare) {
      for (const line of target.lines)
        if (!disruption.partNumber || line.partNumber === disruption.partNumber)
          line.expectedQuantity = Math.round(line.expectedQuantity * (1 - disruption.shortfallShare));
    }
  }
  let lots = snapshot.lots.map((lot) => ({ ...lot }));
  if (disruption.rejectedQuantity && disruption.partNumber) {
    let left = disruption.rejectedQuantity;
    lots = lots.map((lot) => {
      if (left <= 0 || lot.partNumber !== disruption.partNumber || lot.locationId !== 'WH') return lot;
      const taken = Math.min(lot.quantity, left);
      left -= taken;
      return { ...lot, quantity: lot.quantity - taken };
    });
  }
  const partNumbers = disruption.partNumber
    ? [disruption.partNumber]
    : [...new Set([target, ...delayed].flatMap((d) => d?.lines.map((l) => l.partNumber) ?? []))];
  return { snapshot: { ...snapshot, deliveries, lots }, partNumbers, delayedAsnIds: delayed.map((d) => d.asnId) };
}

function usesPart(snapshot: MaterialSnapshot, productId: string, partNumber: string): boolean {
  return (snapshot.boms[productId] ?? []).some((line) => line.partNumber === partNumber && line.quantityPerBoard > 0);
}

type Starve = { partNumber: string; runOutMs: number; recoverMs: number | null };

/** The line queues with starvations: an order waits from the run-out until recovery; the orders behind it slip by as much. */
function simulate(
  snapshot: MaterialSnapshot,
  windows: OrderWindow[],
  starves: Starve[],
  horizonMs: number,
  order?: Map<string, string[]>,
): { orders: AffectedOrder[]; kpis: Kpis } {
  const result: AffectedOrder[] = [];
  let lineIdleH = 0;
  for (const lineId of [...new Set(windows.map((w) => w.lineId))]) {
    const queue = order?.get(lineId) ? order.get(lineId)!.map((id) => windows.find((w) => w.orderId === id)!) : windows.filter((w) => w.lineId === lineId);
    let cursorMs = queue[0]?.startMs ?? 0;
    let shiftMs = 0;
    for (const window of queue) {
      const durationMs = window.endMs - window.startMs;
      let startMs = cursorMs;
      let stop: Starve | undefined;
      for (const starve of starves) {
        if (!usesPart(snapshot, window.productId, starve.partNumber)) continue;
        // The order needs the part from its start; if the part is gone before the order ends, it waits for recovery.
        if (starve.runOutMs < startMs + durationMs && (starve.recoverMs ?? horizonMs) > startMs) {
          const waitFromMs = Math.max(startMs, starve.runOutMs);
          const resumeMs = starve.recoverMs ?? horizonMs;
          if (!stop || resumeMs > (stop.recoverMs ?? horizonMs)) stop = starve;
          const waitMs = resumeMs - waitFromMs;
          lineIdleH += waitMs / HOUR_MS;
          startMs += waitMs;
        }
      }
      const endMs = startMs + durationMs;
      shiftMs = endMs - window.endMs;
      cursorMs = endMs;
      result.push({
        orderId: window.orderId,
        lineId,
        productId: window.productId,
        partNumber: stop?.partNumber ?? null,
        starvesAtMs: stop ? Math.max(window.startMs, stop.runOutMs) : null,
        slipH: Math.round((shiftMs / HOUR_MS) * 100) / 100,
        plannedEndMs: window.endMs,
        newEndMs: endMs,
        dueAtMs: window.dueAtMs,
        late: endMs > window.dueAtMs,
      });
    }
  }
  return {
    orders: result,
    kpis: {
      lateOrders: result.filter((o) => o.late).length,
      totalLatenessH: round(result.reduce((sum, o) => sum + Math.max(0, o.newEndMs - o.dueAtMs) / HOUR_MS, 0)),
      lineIdleH: round(lineIdleH),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function minus(a: Kpis, b: Kpis): Kpis {
  return { lateOrders: a.lateOrders - b.lateOrders, totalLatenessH: round(a.totalLatenessH - b.totalLatenessH), lineIdleH: round(a.lineIdleH - b.lineIdleH) };
}

function better(a: Kpis, b: Kpis): number {
  return a.lateOrders - b.lateOrders || a.totalLatenessH - b.totalLatenessH || a.lineIdleH - b.lineIdleH;
}

/** Queues, starvations and KPIs of a snapshot as it stands (its queue order, its stock and deliveries). */
function evaluate(snapshot: MaterialSnapshot, partNumbers: readonly string[], nowMs: number, horizonMs: number) {
  const windows = orderWindows(snapshot, nowMs);
  const starves: Starve[] = partNumbers
    .map((partNumber) => ({ partNumber, run: partRunOut(snapshot, partNumber, nowMs, windows) }))
    .filter(({ run }) => run.plantRunOutMs !== null)
    .map(({ partNumber, run }) => ({ partNumber, runOutMs: run.plantRunOutMs!, recoverMs: run.recoverMs }));
  return { windows, starves, ...simulate(snapshot, windows, starves, horizonMs) };
}

function withQueues(
  snapshot: MaterialSnapshot,
  edit: (lineId: string, orders: MaterialSnapshot['lineQueues'][number]['orders']) => MaterialSnapshot['lineQueues'][number]['orders'],
): MaterialSnapshot {
  return { ...snapshot, lineQueues: snapshot.lineQueues.map((queue) => ({ ...queue, orders: edit(queue.lineId, queue.orders) })) };
}

/**
 * The impact of `disruption` on top of `snapshot` (pass an empty disruption to assess the disruptions
 * already announced in the snapshot).
 */
export function disruptionImpact(snapshot: MaterialSnapshot, disruption: Disruption, nowMs: number): DisruptionImpact {
  const { snapshot: after, partNumbers: touched, delayedAsnIds } = applyDisruption(snapshot, disruption);
  const horizonMs = Math.max(nowMs + 48 * HOUR_MS, ...orderWindows(after, nowMs).map((w) => w.endMs));
  // With no disruption given, assess every part of every announced disruption in the snapshot.
  const partNumbers =
    touched.length > 0
      ? touched
      : [...new Set(after.deliveries.filter((d) => d.disruption && d.status !== 'arrived').flatMap((d) => d.lines.map((l) => l.partNumber)))];
  const base = evaluate(after, partNumbers, nowMs, horizonMs);
  const parts = partNumbers.map((partNumber) => {
    const before = partRunOut(snapshot, partNumber, nowMs);
    const now = partRunOut(after, partNumber, nowMs, base.windows);
    return { partNumber, runOutBeforeMs: before.plantRunOutMs, runOutAfterMs: now.plantRunOutMs, recoverMs: now.recoverMs };
  });
  const affectedOrders = base.orders.filter((o) => o.slipH > 0 || o.partNumber !== null);
  const responses: ResponseOption[] = [];
  const option = (kind: ResponseKind, summary: string, kpis: Kpis) => responses.push({ kind, summary, kpis, delta: minus(kpis, base.kpis) });
  const missing = new Set(base.starves.map((s) => s.partNumber));
  const needsMissing = (productId: string) => [...missing].some((partNumber) => usesPart(after, productId, partNumber));

  if (base.starves.length > 0) {
    // Substitute: an approved alternate with stock; its stock counts as the missing part's.
    const substitutes = base.starves.flatMap((starve) => {
      const part = after.parts.find((p) => p.partNumber === starve.partNumber);
      const best = (part?.alternates ?? [])
        .map((alt) => ({ alt, lots: after.lots.filter((lot) => lot.partNumber === alt) }))
        .map((o) => ({ ...o, stock: o.lots.reduce((sum, lot) => sum + lot.quantity, 0) }))
        .sort((a, b) => b.stock - a.stock)[0];
      return best && best.stock > 0 ? [{ partNumber: starve.partNumber, ...best }] : [];
    });
    if (substitutes.length > 0) {
      const substituted: MaterialSnapshot = {
        ...after,
        lots: [
          ...after.lots,
          ...substitutes.flatMap((s) => s.lots.map((lot) => ({ ...lot, lotId: `${lot.lotId}-as-${s.partNumber}`, partNumber: s.partNumber }))),
        ],
      };
      option(
        'substitute_alternate',
        substitutes
          .map((s) => `Build with approved alternate ${s.alt} (${s.stock} pcs in stock) instead of ${s.partNumber} until the delivery arrives`)
          .join('; ') + '.',
        evaluate(substituted, partNumbers, nowMs, horizonMs).kpis,
      );
    }

    // Resequence: on each line, orders that do not need a missing part run first.
    const resequenced = withQueues(after, (_, orders) => [
      ...orders.filter((o) => !needsMissing(o.productId)),
      ...orders.filter((o) => needsMissing(o.productId)),
    ]);
    const changed = resequenced.lineQueues.filter(
      (queue, i) => queue.orders.map((o) => o.orderId).join() !== after.lineQueues[i]!.orders.map((o) => o.orderId).join(),
    );
    if (changed.length > 0) {
      option(
        'resequence',
        changed.map((queue) => `${queue.lineId}: run ${queue.orders.map((o) => o.orderId).join(' → ')}`).join('; ') +
          ' — orders without the missing part first, so the line keeps building.',
        evaluate(resequenced, partNumbers, nowMs, horizonMs).kpis,
      );
    }

    // Split: build what the stock covers before the run-out, the rest after the other orders.
    const first = base.orders.find((o) => o.partNumber !== null);
    const window = first ? base.windows.find((w) => w.orderId === first.orderId) : undefined;
    const starve = first ? base.starves.find((s) => s.partNumber === first.partNumber) : undefined;
    if (first && window && starve) {
      const coveredBoards = Math.max(0, Math.floor(((starve.runOutMs - window.startMs) / HOUR_MS) * window.boardsPerHour));
      if (coveredBoards > 0 && coveredBoards < window.remainingBoards) {
        const split = withQueues(after, (lineId, orders) => {
          if (lineId !== first.lineId) return orders;
          const target = orders.find((o) => o.orderId === first.orderId)!;
          const rest = orders.filter((o) => o !== target);
          return [
            { ...target, orderId: `${target.orderId}/1`, remainingBoards: coveredBoards },
            ...rest.filter((o) => !needsMissing(o.productId)),
            { ...target, orderId: `${target.orderId}/2`, remainingBoards: target.remainingBoards - coveredBoards },
            ...rest.filter((o) => needsMissing(o.productId)),
          ];
        });
        const result = evaluate(split, partNumbers, nowMs, horizonMs);
        // The split order counts once, by its second part.
        const kpis = { ...result.kpis, lateOrders: result.orders.filter((o) => o.late && !o.orderId.endsWith('/1')).length };
        option(
          'split_order',
          `Split ${first.orderId}: build ${coveredBoards} boards now with the stock there is, the remaining ${window.remainingBoards - coveredBoards} after the orders that do not need ${first.partNumber}.`,
          kpis,
        );
      }
    }
  } else {
    // No plant-wide run-out; a line-side one is solved by an earlier replenishment run.
    const lineSide = partNumbers.map((p) => partRunOut(after, p, nowMs, base.windows)).filter((r) => Object.values(r.lineSideRunOutMs).some((t) => t !== null));
    if (lineSide.length > 0)
      option(
        'expedite',
        `Stock covers demand; plan a replenishment run so the supermarkets do not run dry (${lineSide.map((r) => r.partNumber).join(', ')}).`,
        base.kpis,
      );
  }

  responses.sort((a, b) => better(a.kpis, b.kpis));
  const recommended = base.starves.length > 0 ? (responses.find((r) => better(r.kpis, base.kpis) < 0) ?? null) : (responses[0] ?? null);
  return { parts, delayedAsnIds, affectedOrders, doNothing: base.kpis, responses, recommended };
}
