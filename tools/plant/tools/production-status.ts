/**
 * `production_status`: the production orders per line, planned against actual, with progress and
 * an ETA. What it is based on, stated in the output too:
 * - the running order and product: the OrderId / ProductId tags of the line's last machine (what
 *   the line completes is what it has produced);
 * - made so far: that machine's GoodCount now minus its value when OrderId switched to the order
 *   (historian OrderId history, up to 7 days back); unknown when the order began before history;
 * - planned quantity: the plant catalogue's order list (the twin's orders); unknown for others;
 * - ETA: remaining ÷ good boards per hour over the last 30 minutes (or since the order began);
 * - a planned order's start and end: the current plan as the scheduler computes it, where the plant has one.
 */
import { z } from 'zod';
import type { Historian } from '@/connectors/historian/historian';
import type { AssetInfo } from '@/connectors/opcua/plant-connection';
import { INITIAL_ORDERS, LINES, PRODUCTS } from '@/connectors/twin/catalogue';
import { defineTool } from '../../tool';
import { Source } from '../../sources';
import { lineIds, resolveLine } from '../service/asset-resolver';
import { DataQuality, PlantValue, summariseQuality, tagSource, toPlantValue } from '../engine/plant-values';
import { systemClock, type PlannedTimes, type PlantReadDeps } from '../service/read-deps';
import { firstSample, valueAt } from '../service/shift-performance';
import { formatPlantTime, plantTimeZone } from '@/lib/plant-time';

const ORDER_HISTORY_MS = 7 * 86_400_000;
const RATE_WINDOW_MS = 30 * 60_000;
/** A rate over less than this is noise, not a basis for an ETA. */
const MIN_RATE_WINDOW_MS = 60_000;

export const ProductionStatusInput = z.strictObject({
  line: z.string().trim().min(1).max(40).optional().describe('Only this line, e.g. "Line1" or "line 2"; default all'),
});

const OrderRow = z.object({
  orderId: z.string(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  status: z.enum(['running', 'finished', 'planned']),
  plannedQuantity: z.number().int().nullable(),
  /** Good boards completed by the line for this order; null when not known. */
  goodSoFar: z.number().nullable(),
  progressPct: z.number().nullable(),
  startedAt: z.string().nullable(),
  goodPerHour: z.number().nullable(),
  eta: z.string().nullable(),
  /** A planned order's start and end in the current plan (the scheduler's), and its due time; null without one. */
  plannedStart: z.string().nullable().default(null),
  plannedEnd: z.string().nullable().default(null),
  dueAt: z.string().nullable().default(null),
  basis: z.string(),
});
type OrderRow = z.infer<typeof OrderRow>;

const LineStatus = z.object({
  line: z.string(),
  outputMachineId: z.string().nullable(),
  orderId: PlantValue.nullable(),
  goodCount: PlantValue.nullable(),
  orders: z.array(OrderRow),
});

export const ProductionStatusOutput = z.object({
  now: z.string(),
  lines: z.array(LineStatus),
  basedOn: z.string(),
  dataQuality: DataQuality,
  sources: z.array(Source),
});
export type ProductionStatusOutput = z.infer<typeof ProductionStatusOutput>;

const BASED_ON =
  "Running order: OrderId of each line's last machine; made so far: its GoodCount now minus at the order's start (historian); planned quantities: " +
  'the plant order list (catalogue); ETA: remaining ÷ good boards per hour over the last 30 minutes.';

type OrderRun = { orderId: string; start: Date; startKnown: boolean };

/** Runs of OrderId values in history, oldest first; empty ids (no order) do not break a run. */
async function orderRuns(historian: Historian, assetId: string, now: Date): Promise<OrderRun[]> {
  const history = await historian.history({
    assetId,
    tagId: 'OrderId',
    from: new Date(now.getTime() - ORDER_HISTORY_MS),
    to: now,
    resolution: 'raw',
    maxPoints: 10_000,
  });
  if (history.resolution !== 'raw') return [];
  const runs: OrderRun[] = [];
  let previous: string | null | undefined;
  for (const point of history.points) {
    if (point.quality === 'bad') continue;
    const id = point.textValue ?? '';
    // A machine with no board yet reports no order; that is a gap, not a new order.
    if (id === '') continue;
    if (id !== previous) runs.push({ orderId: id, start: point.time, startKnown: previous !== undefined });
    previous = id;
  }
  return runs;
}

function machinesInFlowOrder(assets: readonly AssetInfo[], line: string): AssetInfo[] {
  const onLine = assets.filter((asset) => asset.line === line);
  const order = LINES.find((candidate) => candidate.id === line)?.machineIds;
  return order ? [...onLine].sort((a, b) => (order.indexOf(a.id) + 1 || 999) - (order.indexOf(b.id) + 1 || 999)) : onLine;
}

export function productionStatusTool(deps: PlantReadDeps) {
  return defineTool({
    name: 'production_status',
    title: 'Production status',
    description:
      'Production orders per line: the running order with planned quantity, good boards so far, progress % and ETA at the current rate, plus finished ' +
      'and planned orders (a planned order with its start and end in the current plan, and its due time). Says what the numbers are based on. Use it ' +
      'for "how far is order PO-24119", "when will Line 2 finish its order", "when will PO-24121 be done".',
    input: ProductionStatusInput,
    output: ProductionStatusOutput,
    effect: 'read',
    async run(input) {
      // Read per call: the app may hand over a new connection after the plant came back.
      const { plant, historian, now = systemClock } = deps;
      const at = now();
      const assets = plant.listAssets();
      const lines = (input.line ? [resolveLine(assets, input.line)] : lineIds(assets)).filter((line) =>
        assets.some((asset) => asset.line === line && asset.tags.some((tag) => tag.id === 'OrderId')),
      );
      const qualities: { name: string; quality: PlantValue['quality'] }[] = [];
      const sources: Source[] = [];
      // The plan's times are an addition: without them (no scheduler, or it failed) the lines' status still stands.
      const plan = await (deps.plannedTimes?.() ?? Promise.resolve(new Map<string, PlannedTimes>())).catch(() => new Map<string, PlannedTimes>());
      const result = await Promise.all(
        lines.map(async (line) => {
          const output = machinesInFlowOrder(assets, line)
            .filter((asset) => asset.tags.some((tag) => tag.id === 'OrderId') && asset.tags.some((tag) => tag.id === 'GoodCount'))
            .at(-1);
          if (!output) return { line, outputMachineId: null, orderId: null, goodCount: null, orders: [] };
          const orderValue = toPlantValue('OrderId', plant.getValue(output.id, 'OrderId'));
          const goodValue = toPlantValue('GoodCount', plant.getValue(output.id, 'GoodCount'));
          qualities.push({ name: `${output.id} OrderId`, quality: orderValue.quality }, { name: `${output.id} GoodCount`, quality: goodValue.quality });
          sources.push(tagSource(output.id, 'OrderId', orderValue), tagSource(output.id, 'GoodCount', goodValue));
          const currentId = typeof orderValue.value === 'string' && orderValue.value !== '' ? orderValue.value : null;
          const goodNow = typeof goodValue.value === 'number' && goodValue.quality !== 'bad' ? goodValue.value : null;
          const runs = await orderRuns(historian, output.id, at);
          const rows: OrderRow[] = [];
          if (currentId) {
            const run = [...runs].reverse().find((candidate) => candidate.orderId === currentId);
            const planned = INITIAL_ORDERS.find((order) => order.id === currentId);
            const productId =
              typeof plant.getValue(output.id, 'ProductId').value === 'string' ? String(plant.getValue(output.id, 'ProductId').value) || null : null;
            let goodSoFar: number | null = null;
            let basis = `Started before the historian's records of ${output.id}, so boards made so far are unknown.`;
            if (run?.startKnown && goodNow !== null) {
              const atStart = await valueAt(historian, output.id, 'GoodCount', run.start);
              if (atStart !== null) {
                goodSoFar = Math.max(0, goodNow - atStart);
                basis = `${output.id} GoodCount now (${goodNow}) minus at the order start ${formatPlantTime(run.start, plantTimeZone(), 'datetime')} plant time (${atStart}).`;
              }
            }
            let goodPerHour: number | null = null;
            if (goodNow !== null) {
              const rateFrom = run?.startKnown && at.getTime() - run.start.getTime() < RATE_WINDOW_MS ? run.start : new Date(at.getTime() - RATE_WINDOW_MS);
              // The count at the start of the rate window, else the first one history has inside it.
              const atStart = await valueAt(historian, output.id, 'GoodCount', rateFrom);
              const then = atStart !== null ? { time: rateFrom, value: atStart } : await firstSample(historian, output.id, 'GoodCount', rateFrom, at);
              const hours = then ? (at.getTime() - then.time.getTime()) / 3_600_000 : 0;
              if (then && hours >= MIN_RATE_WINDOW_MS / 3_600_000 && goodNow >= then.value) {
                goodPerHour = Math.round(((goodNow - then.value) / hours) * 10) / 10;
              }
            }
            const quantity = planned?.quantity ?? null;
            const remaining = quantity !== null && goodSoFar !== null ? Math.max(0, quantity - goodSoFar) : null;
            const eta =
              remaining === 0
                ? at.toISOString()
                : remaining !== null && goodPerHour
                  ? new Date(at.getTime() + (remaining / goodPerHour) * 3_600_000).toISOString()
                  : null;
            rows.push({
              orderId: currentId,
              productId: productId ?? planned?.productId ?? null,
              productName: PRODUCTS.find((product) => product.id === (productId ?? planned?.productId))?.name ?? null,
              status: 'running',
              plannedQuantity: quantity,
              goodSoFar,
              progressPct: quantity && goodSoFar !== null ? Math.round((goodSoFar / quantity) * 1000) / 10 : null,
              startedAt: run?.startKnown ? run.start.toISOString() : null,
              goodPerHour,
              eta,
              plannedStart: null,
              plannedEnd: plan.get(currentId)?.endAt ?? null,
              dueAt: plan.get(currentId)?.dueAt ?? null,
              basis:
                quantity === null
                  ? `${basis} The order is not in the plant order list, so its planned quantity is unknown.`
                  : remaining === null
                    ? `${basis} No ETA without the count so far.`
                    : eta === null
                      ? `${basis} No ETA: no production rate over the last 30 minutes (line stopped, or too little history).`
                      : `${basis} ETA = remaining ${remaining} ÷ ${goodPerHour} good boards per hour.`,
            });
          }
          const finished = new Set(runs.map((run) => run.orderId).filter((id) => id !== currentId));
          for (const id of finished) {
            const planned = INITIAL_ORDERS.find((order) => order.id === id);
            rows.push(otherOrder(id, planned, 'finished', `Seen on ${output.id} earlier in the historian's OrderId history.`));
          }
          for (const planned of INITIAL_ORDERS.filter((order) => order.lineId === line && order.id !== currentId && !finished.has(order.id))) {
            const times = plan.get(planned.id);
            rows.push({
              ...otherOrder(
                planned.id,
                planned,
                'planned',
                times
                  ? 'In the plant order list for this line; not yet seen running. Start and end: the current plan as the scheduler computes it.'
                  : 'In the plant order list for this line; not yet seen running.',
              ),
              plannedStart: times?.startAt ?? null,
              plannedEnd: times?.endAt ?? null,
              dueAt: times?.dueAt ?? null,
            });
          }
          return { line, outputMachineId: output.id, orderId: orderValue, goodCount: goodValue, orders: rows };
        }),
      );
      return { now: at.toISOString(), lines: result, basedOn: BASED_ON, dataQuality: summariseQuality(qualities), sources };
    },
  });
}

function otherOrder(orderId: string, planned: (typeof INITIAL_ORDERS)[number] | undefined, status: 'finished' | 'planned', basis: string): OrderRow {
  return {
    orderId,
    productId: planned?.productId ?? null,
    productName: PRODUCTS.find((product) => product.id === planned?.productId)?.name ?? null,
    status,
    plannedQuantity: planned?.quantity ?? null,
    goodSoFar: null,
    progressPct: status === 'finished' ? 100 : 0,
    startedAt: null,
    goodPerHour: null,
    eta: null,
    plannedStart: null,
    plannedEnd: null,
    dueAt: null,
    basis,
  };
}
