import { z } from 'zod';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { getRuntime } from '@/lib/runtime';
import { requireService } from '@/server/require-service';
import { CreateWorkOrderInput } from '@/tools/maintenance/tools/create-work-order';
import { listWorkOrders, WorkOrderStatus } from '@/tools/maintenance/service/work-orders';

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

/**
 * POST /api/maintenance/work-orders {asset, task, from, to, parts?} → files an approval request for
 * `create_work_order`, exactly as chat does; nothing is booked until a supervisor approves it.
 */
export const POST = handle(async (request: Request) => {
  const actor = sessionActor(await requireSession(request, { role: 'operator' }));
  const parsed = CreateWorkOrderInput.safeParse(await jsonBody(request));
  if (!parsed.success)
    throw new AppError('invalid_argument', `Invalid work order: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const approval = await requireService('gate').request({ tool: 'create_work_order', args: parsed.data, actor });
  return Response.json(
    { requestId: approval.id, status: approval.status, summary: approval.preview.summary, href: `/approvals/${encodeURIComponent(approval.id)}` },
    { status: 202, headers: { 'cache-control': 'no-store' } },
  );
});
