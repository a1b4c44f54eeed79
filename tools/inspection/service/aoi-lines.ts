/**
 * Which AOI machine and production order a request means. People say "line 2", "L2", "Line2"
 * or "L2-AOI"; lots are the twin's production orders (`PO-24117`) or any other lot label.
 */
import { findMachine, INITIAL_ORDERS, MACHINES, PRODUCTS, type ProductDefinition } from '@/connectors/twin/catalogue';
import { AppError } from '@/lib/errors';

export const AOI_MACHINE_IDS = MACHINES.filter((m) => m.type === 'automated-optical-inspection').map((m) => m.id);

/** The AOI machine id (`L1-AOI`) for a line given as `1`, `L1`, `Line1`, `line 1` or `L1-AOI`. */
export function resolveAoiMachine(line: string): string {
  const compact = line
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
  const match = /^(?:l|line|smtline)?(\d+)(?:-?aoi)?$/.exec(compact);
  const machineId = match ? `L${match[1]}-AOI` : line.trim().toUpperCase();
  if (!findMachine(machineId) || !AOI_MACHINE_IDS.includes(machineId)) {
    throw new AppError('invalid_argument', `There is no AOI machine on line "${line}". AOI machines: ${AOI_MACHINE_IDS.join(', ')} (lines L1, L2).`);
  }
  return machineId;
}

export type ResolvedLot = {
  lotId: string;
  /** The production order, when the lot is one of the twin's orders. */
  orderId?: string;
  product?: ProductDefinition;
  /** The AOI machine the lot's boards are inspected on. */
  aoiMachineId: string;
};

/** Lot ids name folders: letters, digits, - and _. */
const LOT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * The lot and its AOI machine. An order runs on its planned line unless `line` says otherwise;
 * another lot label needs `line`, or falls back to `defaultLine` (and the caller says so).
 */
export function resolveLot(lot: string, line: string | undefined, defaultLine = 'L1'): ResolvedLot & { lineAssumed: boolean } {
  // "lot 42" is lot 42; "LOT-24117" is a label of its own, not "-24117".
  const lotId = lot.trim().replace(/^lot\s+(?=\S)/i, '');
  if (!LOT_ID.test(lotId)) throw new AppError('invalid_argument', `"${lot}" is not a lot id; use letters, digits, - and _ (e.g. PO-24117 or 42).`);
  const order = INITIAL_ORDERS.find((o) => o.id.toLowerCase() === lotId.toLowerCase());
  const product = order ? PRODUCTS.find((p) => p.id === order.productId) : undefined;
  const orderLine = order ? `L${order.lineId.replace('Line', '')}` : undefined;
  const aoiMachineId = resolveAoiMachine(line ?? orderLine ?? defaultLine);
  return { lotId: order?.id ?? lotId, orderId: order?.id, product, aoiMachineId, lineAssumed: !line && !order };
}

/** The AOI machine's share of a product's scrap in the twin (SCRAP_SHARE in connectors/twin/plant-twin/quality.ts). */
export const AOI_SCRAP_SHARE = 0.4;

/** Share of boards the twin's AOI rejects for this product: its scrap rate times the AOI's share. */
export function twinAoiRejectRate(product: ProductDefinition): number {
  return product.scrapRate * AOI_SCRAP_SHARE;
}
