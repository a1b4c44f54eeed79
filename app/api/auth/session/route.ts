import { requireSession } from '@/lib/auth/request';
import { handle } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** GET /api/auth/session — who is signed in, and the CSRF token their state-changing requests must carry. */
export const GET = handle(async (request: Request) => {
  const session = await requireSession(request, { csrf: false });
  const { user } = session;
  return Response.json(
    {
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
});
