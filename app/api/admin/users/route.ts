/**
 * GET /api/admin/users — everyone who may sign in, with role and state.
 * POST /api/admin/users {username, displayName?, role} — adds a person; the answer carries their
 * one-time password, shown once (it is stored only as a hash). Admins only; audited.
 */
import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { Role } from '@/lib/auth/roles';
import { createUser, listUsers, userActor } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

const NewUser = z.object({ username: z.string().max(64), displayName: z.string().max(80).optional(), role: Role });

export const GET = handle(async (request: Request) => {
  await requireSession(request, { role: 'admin' });
  return Response.json({ users: await listUsers(getRuntime().db) }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = handle(async (request: Request) => {
  const session = await requireSession(request, { role: 'admin' });
  const parsed = NewUser.safeParse(await jsonBody(request));
  if (!parsed.success) {
    throw new AppError('invalid_argument', `Invalid person: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`);
  }
  const created = await createUser(getRuntime().db, parsed.data, userActor(session.user));
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
