import { checkHealth } from '../../../lib/health';
import { getRuntime } from '../../../lib/runtime';

export const dynamic = 'force-dynamic';

/** GET /api/health — each part as ok / degraded / down with a reason; 503 when the database is down. */
export async function GET(): Promise<Response> {
  const report = await checkHealth(getRuntime().health);
  return Response.json(report, { status: report.parts.db.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } });
}
