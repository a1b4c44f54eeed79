import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { keySignalSeries } from '@/tools/maintenance/service/key-signal';

export const dynamic = 'force-dynamic';

const Query = z.object({ asset: z.string().min(1).max(64), at: z.iso.datetime({ offset: true }).optional() });

/** GET /api/maintenance/signal?asset=L1-PNP2[&at=ISO] — hourly means of the asset's vibration over the 48 h before `at` (default now). */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new AppError('invalid_argument', `Invalid query: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const series = await keySignalSeries(requireService('historian'), query.data.asset, query.data.at ? new Date(query.data.at) : new Date());
  return Response.json(series, { headers: { 'cache-control': 'no-store' } });
});
