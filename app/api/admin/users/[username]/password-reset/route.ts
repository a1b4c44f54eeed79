/**
 * POST /api/admin/users/:username/password-reset — a new one-time password for someone who forgot
 * theirs or is locked out by the login throttle; their sessions end. Admins only; audited.
 */
import { requireSession } from '@/lib/auth/request';
import { resetPassword, userActor } from '@/lib/auth/users';
import { handle } from '@/lib/http';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, { params }: { params: Promise<{ username: string }> }) => {
  const session = await requireSession(request, { role: 'admin' });
  const username = decodeURIComponent((await params).username);
  const reset = await resetPassword(getRuntime().db, username, userActor(session.user));
  return Response.json(reset, { headers: { 'cache-control': 'no-store' } });
});
