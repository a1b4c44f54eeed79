/** DELETE /api/admin/tokens/:id — revokes a token (by id or name); its client is refused from the next request. Audited. */
import { revokeToken } from '@/lib/auth/tokens';
import { handle } from '@/lib/http';
import { getRuntime } from '@/lib/runtime';
import { requireTokenAdmin } from '../access';

export const dynamic = 'force-dynamic';

export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await requireTokenAdmin(request);
  const token = await revokeToken(getRuntime().db, decodeURIComponent((await params).id), admin.actor);
  return Response.json({ token });
});
