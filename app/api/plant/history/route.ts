import { z } from 'zod';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { requestSite, siteForTools } from '@/server/selected-site';
import { TagHistoryInput } from '@/tools/plant/tools/tag-history';

export const dynamic = 'force-dynamic';

const Query = z.object({
  asset: z.string(),
  tag: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  // Digits are seconds; anything else ("raw", "auto", "1m") is checked by the tool's own schema.
  resolution: z
    .string()
    .optional()
    .transform((text) => (text === undefined ? 'auto' : /^\d+$/.test(text) ? Number(text) : text)),
});

/** GET /api/plant/history?asset=L1-RFL&tag=Zone4.TemperatureC&from=ISO&to=ISO&resolution=raw|auto|seconds — the tag_history tool over HTTP. */
export const GET = handle(async (request: Request) => {
  const session = await requireSession(request);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const input = query.success ? TagHistoryInput.safeParse(query.data) : query;
  if (!input.success) {
    throw new AppError('invalid_argument', `Invalid query: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  }
  const result = await requireService('registry').runRead('tag_history', input.data, {
    actor: sessionActor(session),
    site: siteForTools(requestSite(request)),
    signal: request.signal,
  });
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
