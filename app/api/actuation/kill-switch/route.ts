import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { userActor } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { getRuntime } from '@/server/runtime';
import { readKillSwitch, setKillSwitch } from '@/tools/approval/kill-switch';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  await requireSession(request);
  return Response.json(await readKillSwitch(getRuntime().db));
});

const Body = z.strictObject({ engaged: z.boolean(), reason: z.string().max(500).optional() });

/** POST {engaged, reason} — supervisors and admins only (checked by setKillSwitch, audited). */
export const POST = handle(async (request: Request) => {
  const session = await requireSession(request, { csrf: true });
  const parsed = Body.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Send {"engaged": true|false, "reason": "…"}.');
  const state = await setKillSwitch(getRuntime().db, { ...parsed.data, by: userActor(session.user), role: session.user.role });
  return Response.json(state);
});
