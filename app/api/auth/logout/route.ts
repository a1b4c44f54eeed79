import { appendAudit } from '@/lib/audit/audit-log';
import { clearedSessionCookie, requireSession, sessionToken } from '@/lib/auth/request';
import { destroySession } from '@/lib/auth/sessions';
import { userActor } from '@/lib/auth/users';
import { handle } from '@/lib/http';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const session = await requireSession(request);
  const { db } = getRuntime();
  await destroySession(db, sessionToken(request)!);
  await appendAudit(db, { actor: userActor(session.user), action: 'user.logout', subject: { kind: 'user', id: session.user.id } });
  return Response.json({ ok: true }, { headers: { 'set-cookie': clearedSessionCookie() } });
});
