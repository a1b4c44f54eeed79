import { z } from 'zod';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { handoversAt, requestSite } from '@/server/selected-site';
import { requireRoleAt } from '@/lib/auth/roles';

/** The handovers of the site picked in the header (the default site's with one site). */
const handoversOrFail = (request: Request) => handoversAt(requestSite(request)) ?? requireService('handovers');

export const dynamic = 'force-dynamic';

const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), before: z.iso.datetime({ offset: true }).optional() });

const GenerateBody = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  shift: z.enum(['current', 'previous']).optional(),
});

const invalid = (error: z.ZodError) =>
  new AppError('invalid_argument', `Invalid request: ${error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`);

/** GET /api/handovers?limit=&before=ISO — stored handovers, newest shift first. */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const service = handoversOrFail(request);
  const parsed = ListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw invalid(parsed.error);
  const handovers = await service.list({
    limit: parsed.data.limit,
    beforeTo: parsed.data.before ? new Date(parsed.data.before) : undefined,
  });
  return Response.json({ handovers }, { headers: { 'cache-control': 'no-store' } });
});

/** POST /api/handovers {from?, to?, shift?} — generates and stores a report now (operators and above). */
export const POST = handle(async (request: Request) => {
  const session = await requireSession(request, { role: 'operator', anySite: true });
  const service = handoversOrFail(request);
  requireRoleAt(session.user, service.site?.id, 'operator');
  const parsed = GenerateBody.safeParse(await jsonBody(request));
  if (!parsed.success) throw invalid(parsed.error);
  const handover = await service.generate(parsed.data, sessionActor(session));
  return Response.json({ handover: { id: handover.id, shift: handover.shift, from: handover.from, to: handover.to } }, { status: 201 });
});
