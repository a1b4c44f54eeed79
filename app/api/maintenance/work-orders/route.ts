import { z } from 'zod';
import { requireSession } from '../../../../lib/auth/request';
import { AppError } from '../../../../lib/errors';
import { handle } from '../../../../lib/http';
import { getRuntime } from '../../../../lib/runtime';
import { listWorkOrders, WorkOrderStatus } from '../../../../tools/maintenance/plant/work-orders';

export const dynamic = 'force-dynamic';

const Query = z.object({
  asset: z.string().min(1).max(64).optional(),
  status: WorkOrderStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** GET /api/maintenance/work-orders?asset=&status=&limit= — work orders, newest window first. Creating one goes through the approval gate (create_work_order). */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new AppError('invalid_argument', `Invalid query: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const workOrders = await listWorkOrders(getRuntime().db, { assetId: query.data.asset, status: query.data.status, limit: query.data.limit });
  return Response.json({ workOrders }, { headers: { 'cache-control': 'no-store' } });
});
