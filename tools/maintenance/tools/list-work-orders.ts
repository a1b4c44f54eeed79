/** list_work_orders: maintenance work orders, newest window first, by asset and/or status. */
import { z } from 'zod';
import type { Queryable } from '@/lib/db/db';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import { listWorkOrders, WorkOrder, WorkOrderStatus } from '../service/work-orders';

export const ListWorkOrdersInput = z.strictObject({
  asset: z.string().min(1).max(64).optional().describe('Exact asset id, e.g. "L1-PNP1".'),
  status: WorkOrderStatus.optional().describe('planned, in_progress, done or cancelled.'),
  limit: z.number().int().min(1).max(200).optional().describe('At most this many (default 50).'),
});
export type ListWorkOrdersInput = z.infer<typeof ListWorkOrdersInput>;

export const ListWorkOrdersOutput = z.object({ workOrders: z.array(WorkOrder), sources: z.array(Source) });

export function createListWorkOrdersTool({ db }: { db: Queryable }) {
  return defineTool({
    name: 'list_work_orders',
    title: 'List work orders',
    description:
      'Maintenance work orders (asset, task, window, spare parts, status planned/in_progress/done/cancelled, who requested it), newest window ' +
      'first, optionally for one asset and/or one status.',
    input: ListWorkOrdersInput,
    output: ListWorkOrdersOutput,
    effect: 'read',
    async run(input) {
      const workOrders = await listWorkOrders(db, { assetId: input.asset, status: input.status, limit: input.limit ?? 50 });
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
