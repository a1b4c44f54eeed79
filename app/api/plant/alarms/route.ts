import { z } from 'zod';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { requestSite, siteForTools } from '@/server/selected-site';

export const dynamic = 'force-dynamic';

const Query = z.object({
  asset: z.string().trim().min(1).max(120).optional(),
  line: z.string().trim().min(1).max(40).optional(),
  minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
});

/** GET /api/plant/alarms?asset=&line=&minutes=60 — alarm events in the last minutes plus those active now (the alarms tool). */
export const GET = handle(async (request: Request) => {
  const session = await requireSession(request);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    throw new AppError('invalid_argument', `Invalid query: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  }
  const { asset, line, minutes } = query.data;
  const from = new Date(Date.now() - minutes * 60_000).toISOString();
  const result = await requireService('registry').runRead(
    'alarms',
    { asset, line, from, limit: 200 },
    { actor: sessionActor(session), site: siteForTools(requestSite(request)), signal: request.signal },
  );
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
