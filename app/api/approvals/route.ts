import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { readKillSwitch } from '@/tools/approval/kill-switch';
import { APPROVAL_STATUSES } from '@/tools/approval/types';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

const Query = z.object({
  status: z.enum(['open', 'all', ...APPROVAL_STATUSES]).default('all'),
  since: z.iso.datetime().optional(),
  conversation: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /api/approvals?status=open|all|…&since=ISO — requests newest first, plus the kill switch state. */
export const GET = handle(async (request: Request) => {
  // Requests carry the exact arguments of plant changes: operators and above, not viewers.
  await requireSession(request, { role: 'operator', anySite: true });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    throw new AppError('invalid_argument', `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const { status, since, conversation, limit } = parsed.data;
  const gate = requireService('gate');
  const statuses = status === 'all' ? undefined : status === 'open' ? (['pending', 'approved', 'executing'] as const) : [status];
  const requests = await gate.list({
    statuses: statuses ? [...statuses] : undefined,
    updatedSince: since ? new Date(since) : undefined,
    conversationId: conversation,
    limit,
  });
  return Response.json(
    { requests, killSwitch: await readKillSwitch(getRuntime().db), now: new Date().toISOString() },
    { headers: { 'cache-control': 'no-store' } },
  );
});
