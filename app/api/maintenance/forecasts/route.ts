import { requireSession } from '@/lib/auth/request';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

/** GET /api/maintenance/forecasts — the newest forecast of every asset, ranked by risk. */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const forecasts = await requireService('maintenanceForecasts').latest();
  return Response.json({ forecasts }, { headers: { 'cache-control': 'no-store' } });
});
