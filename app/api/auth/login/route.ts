import { z } from 'zod';
import { appendAudit } from '@/lib/audit/audit-log';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '@/lib/auth/login-throttle';
import { checkSameOrigin, sessionCookie } from '@/lib/auth/request';
import { createSession } from '@/lib/auth/sessions';
import { userActor, verifyLogin } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { clientAddress } from '@/lib/forwarding';
import { getRuntime } from '@/lib/runtime';

export const dynamic = 'force-dynamic';

const Login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

/** POST /api/auth/login {username, password} → session cookie; audited whether it succeeds or not. */
export const POST = handle(async (request: Request) => {
  checkSameOrigin(request);
  const parsed = Login.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Enter your user name and password.');
  const { db } = getRuntime();
  const client = clientAddress(request);
  try {
    await assertLoginAllowed(db, parsed.data.username, new Date(), client);
    const user = await verifyLogin(db, parsed.data.username, parsed.data.password);
    await clearLoginFailures(db, user.username);
    const session = await createSession(db, user);
    await appendAudit(db, { actor: userActor(user), action: 'user.login', subject: { kind: 'user', id: user.id } });
    return Response.json(
      { user: { username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword } },
      { headers: { 'set-cookie': sessionCookie(request, session.token), 'cache-control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof AppError && (error.code === 'unauthenticated' || error.code === 'forbidden' || error.code === 'too_many_attempts')) {
      if (error.code === 'unauthenticated') await recordLoginFailure(db, parsed.data.username, new Date(), client);
      await appendAudit(db, {
        actor: { kind: 'anonymous', id: 'anonymous', name: parsed.data.username.slice(0, 64) },
        action: 'user.login_failed',
        detail: { username: parsed.data.username.slice(0, 64), reason: error.code, client },
      });
    }
    throw error;
  }
});
