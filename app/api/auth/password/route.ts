import { z } from 'zod';
import { requireSession } from '../../../../lib/auth/request';
import { changePassword } from '../../../../lib/auth/users';
import { AppError } from '../../../../lib/errors';
import { handle, jsonBody } from '../../../../lib/http';
import { getRuntime } from '../../../../lib/runtime';

export const dynamic = 'force-dynamic';

const Change = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(256) });

export const POST = handle(async (request: Request) => {
  const session = await requireSession(request);
  const parsed = Change.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Enter your current password and the new one.');
  await changePassword(getRuntime().db, session.user.id, parsed.data.currentPassword, parsed.data.newPassword);
  return Response.json({ ok: true });
});
