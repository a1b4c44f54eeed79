import { requireSession } from '@/lib/auth/request';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

/** GET /api/handovers/:id — the stored report with its summary and acknowledgement. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await requireSession(request);
  const { id } = await params;
  return Response.json({ handover: await requireService('handovers').get(id) }, { headers: { 'cache-control': 'no-store' } });
});
