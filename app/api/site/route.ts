import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { siteCookie } from '@/server/selected-site';

export const dynamic = 'force-dynamic';

const Body = z.strictObject({ site: z.string().min(1).max(64) });

/** POST /api/site `{ site }` — remembers the site this browser looks at (the header's site switcher). */
export const POST = handle(async (request: Request) => {
  await requireSession(request, { csrf: true });
  const parsed = Body.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Send { "site": "<site id>" }.');
  const site = requireService('sites').get(parsed.data.site);
  return Response.json({ site: { id: site.id, name: site.name } }, { headers: { 'set-cookie': siteCookie(site.id) } });
});
