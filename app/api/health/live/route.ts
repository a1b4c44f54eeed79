export const dynamic = 'force-dynamic';

const startedAtMs = Date.now();

/**
 * GET /api/health/live — liveness: the process answers. It touches no part (database, plant, model),
 * so a load balancer restarts only an instance that is really stuck, never a busy one.
 */
export function GET(): Response {
  return Response.json({ status: 'ok', uptimeS: Math.round((Date.now() - startedAtMs) / 1000) }, { headers: { 'cache-control': 'no-store' } });
}
