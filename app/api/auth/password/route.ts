import { z } from 'zod';
import { assertLoginAllowed, recordLoginFailure } from '@/lib/auth/login-throttle';
import { requireSession, sessionToken } from '@/lib/auth/request';
import { destroyOtherSessions } from '@/lib/auth/sessions';
import { changePassword } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { clientAddress } from '@/lib/forwarding';
import { getRuntime } from '@/lib/runtime';

export const dynamic = 'force-dynamic';

const Change = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(256) });

/**
 * POST /api/auth/password {currentPassword, newPassword}. Wrong current passwords count toward the
 * sign-in throttle of the name and the client; a change ends every other session of the person.
 */
export const POST = handle(async (request: Request) => {
  const session = await requireSession(request);
  const parsed = Change.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Enter your current password and the new one.');
  const { db } = getRuntime();
  const client = clientAddress(request);
  await assertLoginAllowed(db, session.user.username, new Date(), client);
  try {
    await changePassword(db, session.user.id, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (error) {
    if (error instanceof AppError && error.details?.wrongCurrentPassword) await recordLoginFailure(db, session.user.username, new Date(), client);
    throw error;
  }
  const ended = await destroyOtherSessions(db, session.user.id, sessionToken(request)!);
  return Response.json({ ok: true, endedOtherSessions: ended });
});
