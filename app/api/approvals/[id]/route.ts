import { requireSession } from '@/lib/auth/request';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  // Requests carry the exact arguments of plant changes: operators and above, not viewers.
  await requireSession(request, { role: 'operator', anySite: true });
  const { id } = await params;
  return Response.json({ request: await requireService('gate').get(id) }, { headers: { 'cache-control': 'no-store' } });
});
