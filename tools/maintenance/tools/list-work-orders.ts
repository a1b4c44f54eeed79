/** list_work_orders: maintenance work orders, newest window first, by id, asset and/or status. */
import { z } from 'zod';
import type { Queryable } from '@/lib/db/db';
import type { AssetInfo } from '@/connectors/opcua/plant-connection';
import { AppError } from '@/lib/errors';
import { resolveLine } from '../../plant/service/asset-resolver';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import { getWorkOrder, listWorkOrders, WorkOrder, WorkOrderStatus } from '../service/work-orders';

/**
 * People write "WO-12", "wo 12" or "WO-00012" for the same order; the database numbers them
 * WO- and five digits. Anything else is returned as typed, upper-cased, and simply not found.
 */
export function normaliseWorkOrderId(raw: string): string {
  const match = /^\s*wo[\s_-]*0*(\d{1,9})\s*$/i.exec(raw);
  return match ? `WO-${match[1].padStart(5, '0')}` : raw.trim().toUpperCase();
}

export const ListWorkOrdersInput = z.strictObject({
  id: z.string().min(1).max(32).optional().describe('One work order by id, e.g. "WO-00012" ("WO-12" is read the same).'),
  asset: z.string().min(1).max(64).optional().describe('Exact asset id, e.g. "L1-PNP1".'),
  line: z.string().min(1).max(40).optional().describe('Every machine of one line: "Line2" ("L2", "line 2" are read the same).'),
  status: WorkOrderStatus.optional().describe('planned, in_progress, done or cancelled.'),
  limit: z.number().int().min(1).max(200).optional().describe('At most this many (default 50).'),
});
export type ListWorkOrdersInput = z.infer<typeof ListWorkOrdersInput>;

export const ListWorkOrdersOutput = z.object({ workOrders: z.array(WorkOrder), sources: z.array(Source) });

/**
 * `listAssets`: the plant's asset model, so a line's orders are found by which machines are on it (a
 * real plant's line ids are whatever its mapping says). Without it a line cannot be filtered.
 */
export function createListWorkOrdersTool({ db, listAssets }: { db: Queryable; listAssets?: () => readonly AssetInfo[] }) {
  return defineTool({
    name: 'list_work_orders',
    title: 'List work orders',
    description:
      'Maintenance work orders (asset, task, window, spare parts, status planned/in_progress/done/cancelled, who requested it), newest window ' +
      'first, optionally for one asset or one line and/or one status, or one work order by its id.',
    input: ListWorkOrdersInput,
    output: ListWorkOrdersOutput,
    effect: 'read',
    async run(input) {
      const workOrders = input.id
        ? await oneWorkOrder(db, input.id)
        : await listWorkOrders(db, {
            assetId: input.asset,
            assetIds: input.line ? assetsOnLine(input.line, listAssets) : undefined,
            status: input.status,
            limit: input.limit ?? 50,
          });
      return {
        workOrders,
        sources: workOrders.map((order) => ({
          kind: 'work_order' as const,
          id: order.id,
          title: `${order.id} on ${order.assetId}: ${order.task}`,
          href: `/maintenance?workOrder=${encodeURIComponent(order.id)}`,
          snippet: `${order.status}, ${order.windowFrom} – ${order.windowTo}`,
          from: order.windowFrom,
          to: order.windowTo,
        })),
      };
    },
  });
}

/** The ids of the machines on a line, the line named in any form the plant tools accept. */
function assetsOnLine(line: string, listAssets: (() => readonly AssetInfo[]) | undefined): string[] {
  if (!listAssets)
    throw new AppError(
      'unsupported',
      'Work orders cannot be listed by line without the plant connection (it says which machines are on a line). Name an asset instead.',
    );
  const assets = listAssets();
  const lineId = resolveLine(assets, line);
  return assets.filter((asset) => asset.line === lineId).map((asset) => asset.id);
}

async function oneWorkOrder(db: Queryable, rawId: string): Promise<WorkOrder[]> {
  const id = normaliseWorkOrderId(rawId);
  const order = await getWorkOrder(db, id);
  if (!order) throw new AppError('not_found', `There is no work order ${id}. Ask for the list of work orders (for an asset or a status) to see which exist.`);
  return [order];
}
