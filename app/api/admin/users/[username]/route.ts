/** PATCH /api/admin/users/:username {disabled} — disables (ending their sessions) or re-enables a person. Admins only; audited. */
import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { setUserDisabled, userActor } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

const Change = z.object({ disabled: z.boolean() });

export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ username: string }> }) => {
  const session = await requireSession(request, { role: 'admin' });
  const username = decodeURIComponent((await params).username);
  const parsed = Change.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Send {"disabled": true} or {"disabled": false}.');
  if (parsed.data.disabled && username === session.user.username) {
    throw new AppError('conflict', 'You cannot disable your own account; ask another admin.');
  }
  const user = await setUserDisabled(getRuntime().db, username, parsed.data.disabled, userActor(session.user));
  return Response.json({ user });
});
