import { sessionToken } from '@/lib/auth/request';
import { getSession } from '@/lib/auth/sessions';
import { checkHealth, withoutServerPaths } from '@/lib/health';
import { getRuntime } from '@/lib/runtime';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health — readiness: each part as ok / degraded / down with a reason; 503 when the database
 * is down. Served from the background checks' cache, so a busy instance answers at once.
 * Liveness (the process answers at all) is GET /api/health/live.
 */
export async function GET(request?: Request): Promise<Response> {
  const runtime = getRuntime();
  const report = runtime.readiness?.report() ?? (await checkHealth(runtime.health));
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  const down = report.parts.db.status === 'down';
  if (down) headers['retry-after'] = '5';
  // Anyone may ask whether the app is up; only people signed in see where it keeps its files.
  const signedIn = request && !down ? await getSession(runtime.db, sessionToken(request)).catch(() => undefined) : undefined;
  return Response.json(signedIn ? report : withoutServerPaths(report), { status: down ? 503 : 200, headers });
}
