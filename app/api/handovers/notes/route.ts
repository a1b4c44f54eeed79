import { z } from 'zod';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { handoversAt, requestSite } from '@/server/selected-site';
import { requireRoleAt } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

const Query = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });

/** GET /api/handovers/notes?from=ISO&to=ISO — operator notes in a window. */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('invalid_argument', 'Give the window as from and to, ISO 8601 with an offset.');
  const notes = await (handoversAt(requestSite(request)) ?? requireService('handovers')).notes(new Date(parsed.data.from), new Date(parsed.data.to));
  return Response.json({ notes }, { headers: { 'cache-control': 'no-store' } });
});

/** POST /api/handovers/notes {text, assetId?, category?: note|hold|open_item} — a note for this shift's handover (operators and above). */
export const POST = handle(async (request: Request) => {
  const session = await requireSession(request, { role: 'operator', anySite: true, csrf: true });
  // A note belongs to the site picked in the header, and needs the operator role there.
  const service = handoversAt(requestSite(request)) ?? requireService('handovers');
  requireRoleAt(session.user, service.site?.id, 'operator');
  const note = await service.addNote(await jsonBody(request), sessionActor(session));
  return Response.json({ note }, { status: 201 });
});
