/**
 * GET /api/admin/tokens — live MCP tokens (never the tokens themselves), with owner and last use.
 * POST /api/admin/tokens {name, role, canApprove?, owner?} — creates a token acting for `owner` (a
 * user name; an admin's own by default); the answer carries the token, shown once. Admins, or the
 * CLI on the app's machine. Audited.
 */
import { z } from 'zod';
import { Role } from '@/lib/auth/roles';
import { createToken, listTokens, TokenName } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { getRuntime } from '@/lib/runtime';
import { requireTokenAdmin } from './access';

export const dynamic = 'force-dynamic';

const NewToken = z.strictObject({ name: TokenName, role: Role, canApprove: z.boolean().default(false), owner: z.string().trim().max(64).optional() });

export const GET = handle(async (request: Request) => {
  await requireTokenAdmin(request);
  const all = new URL(request.url).searchParams.get('all') === '1';
  return Response.json({ tokens: await listTokens(getRuntime().db, { includeRevoked: all }) }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = handle(async (request: Request) => {
  const admin = await requireTokenAdmin(request);
  const parsed = NewToken.safeParse(await jsonBody(request));
  if (!parsed.success) {
    throw new AppError('invalid_argument', `Invalid token: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`);
  }
  const { db } = getRuntime();
  let ownerId = admin.userId;
  if (parsed.data.owner) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [parsed.data.owner.toLowerCase()]);
    if (!rows[0]) throw new AppError('not_found', `There is no user "${parsed.data.owner}" to own the token. See the People page.`);
    ownerId = rows[0].id;
  }
  const created = await createToken(db, { name: parsed.data.name, role: parsed.data.role, canApprove: parsed.data.canApprove, ownerId }, admin.actor);
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
