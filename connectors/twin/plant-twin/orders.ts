/**
 * Production orders: adding them, loading a line's sequence (what a scheduler does), the next order a
 * line can release boards for, and the progress events (started, every 10 %, completed).
 */
import { AppError } from '../../../lib/errors';
import { PRODUCTS, type LineId } from '../catalogue';
import { NewOrder, type OrderSnapshot } from '../twin-types';
import { PRODUCT_BY_ID, isoNow, type LineRuntime, type OrderRuntime, type TwinState } from './runtime';

export function insertOrder(
  twin: TwinState,
  order: Omit<OrderSnapshot, 'status' | 'releasedCount' | 'goodCount' | 'scrapCount' | 'startedAt' | 'completedAt'>,
): OrderRuntime {
  const runtime: OrderRuntime = {
    id: order.id,
    productId: order.productId,
    quantity: order.quantity,
    dueAt: order.dueAt,
    priority: order.priority,
    lineId: order.lineId,
    status: 'planned',
    releasedCount: 0,
    goodCount: 0,
    scrapCount: 0,
    startedAt: null,
    completedAt: null,
    nextMilestonePct: 10,
  };
  twin.orders.set(order.id, runtime);
  return runtime;
}

export function orderSnapshot(order: OrderRuntime): OrderSnapshot {
  const { nextMilestonePct: _omit, ...snapshot } = order;
  return { ...snapshot };
}

/** Adds a production order; with `lineId` it is appended to that line's sequence. */
export function addOrder(twin: TwinState, input: NewOrder): OrderSnapshot {
  const parsed = NewOrder.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'invalid_argument',
      `Invalid production order: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`,
    );
  }
  const order = parsed.data;
  if (twin.orders.has(order.id)) throw new AppError('conflict', `Order ${order.id} already exists. Use a new order id.`);
  if (!PRODUCT_BY_ID.has(order.productId)) {
    throw new AppError('not_found', `Unknown product ${order.productId}. Products: ${PRODUCTS.map((product) => product.id).join(', ')}.`);
  }
  const created = insertOrder(twin, { ...order, lineId: order.lineId ?? null });
  if (order.lineId) twin.lines.get(order.lineId)!.sequence.push(order.id);
  return orderSnapshot(created);
}

/**
 * Releases a new order sequence to a line (what a scheduler does). Orders keep their progress; an
 * order moved from another line leaves that line's sequence. Completed or unknown orders are refused.
 */
export function loadOrderSequence(twin: TwinState, lineId: string, orderIds: readonly string[]): { lineId: LineId; orderSequence: string[] } {
  const line = twin.lines.get(lineId as LineId);
  if (!line) throw new AppError('not_found', `Unknown line ${lineId}. Lines: ${[...twin.lines.keys()].join(', ')}.`);
  if (new Set(orderIds).size !== orderIds.length) throw new AppError('invalid_argument', 'An order sequence must not list an order twice.');
  for (const orderId of orderIds) {
    const order = twin.orders.get(orderId);
    if (!order) throw new AppError('not_found', `Unknown order ${orderId}. Add it first or check the order list.`);
    if (order.status === 'complete') throw new AppError('conflict', `Order ${orderId} is already complete and cannot be scheduled again.`);
    if (order.status === 'running' && order.lineId !== lineId) {
      throw new AppError('conflict', `Order ${orderId} is already running on ${order.lineId}; it cannot move to ${lineId} mid-run.`);
    }
  }
  for (const other of twin.lines.values()) {
    if (other !== line) other.sequence = other.sequence.filter((id) => !orderIds.includes(id));
  }
  line.sequence = [...orderIds];
  for (const orderId of orderIds) twin.orders.get(orderId)!.lineId = line.definition.id;
  return { lineId: line.definition.id, orderSequence: [...line.sequence] };
}

/** The first order in the line's sequence that still needs boards released. */
export function releasableOrder(twin: TwinState, line: LineRuntime): OrderRuntime | undefined {
  for (const orderId of line.sequence) {
    const order = twin.orders.get(orderId)!;
    const inFlight = order.releasedCount - order.goodCount - order.scrapCount;
    if (order.quantity - order.goodCount - inFlight > 0) return order;
  }
  return undefined;
}

/** Counts a board released for the order; the first one starts it on the line. */
export function recordRelease(twin: TwinState, line: LineRuntime, order: OrderRuntime): void {
  order.releasedCount++;
  if (order.status === 'planned') {
    order.status = 'running';
    order.startedAt = isoNow(twin);
    order.lineId = line.definition.id;
    twin.emit({ kind: 'order-progress', time: isoNow(twin), lineId: line.definition.id, order: orderSnapshot(order), milestone: 'started' });
  }
}

export function emitOrderMilestones(twin: TwinState, line: LineRuntime, order: OrderRuntime): void {
  const lineId = line.definition.id;
  if (order.status !== 'complete' && order.goodCount >= order.quantity) {
    order.status = 'complete';
    order.completedAt = isoNow(twin);
    line.sequence = line.sequence.filter((id) => id !== order.id);
    twin.emit({ kind: 'order-progress', time: isoNow(twin), lineId, order: orderSnapshot(order), milestone: 'completed' });
    return;
  }
  const progressPct = (order.goodCount / order.quantity) * 100;
  if (order.status === 'running' && progressPct >= order.nextMilestonePct) {
    order.nextMilestonePct = Math.floor(progressPct / 10) * 10 + 10;
    twin.emit({ kind: 'order-progress', time: isoNow(twin), lineId, order: orderSnapshot(order), milestone: 'progress' });
  }
}
