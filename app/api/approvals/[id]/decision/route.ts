import { requireSession, sessionActor } from '@/lib/auth/request';
import { handle, jsonBody } from '@/lib/http';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

/**
 * POST /api/approvals/:id/decision {type: approve|reject|edit, argsSha256, reason?, args?}
 * The decider is the signed-in person; the body can say nothing about who decides.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await requireSession(request, { csrf: true });
  const { id } = await params;
  const outcome = await requireService('gate').decide(id, await jsonBody(request), sessionActor(session));
  return Response.json({ request: outcome });
});
