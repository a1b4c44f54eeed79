/**
 * While the database is down, every page and API answers at once with 503, Retry-After and the same
 * words — "the database is unavailable, retrying" — instead of each one failing its own way (a 500
 * page, a sign-in form that cannot sign in). Health, liveness and static files still answer, so a
 * person and a load balancer can see what is going on. The readiness monitor decides; routes that
 * hit the outage first map it themselves (lib/http.ts) and ask the monitor to look again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DB_RETRY_AFTER_SECONDS } from '@/lib/db/unavailable';

const ALWAYS_SERVED = [/^\/api\/health(\/live)?\/?$/, /^\/_next\/(static|image)\//, /^\/favicon\.ico$/];

/** Whether a request for `pathname` waits for the database (everything but health and static files). */
export function needsDatabase(pathname: string): boolean {
  return !ALWAYS_SERVED.some((pattern) => pattern.test(pathname));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The outage answer: JSON for APIs and MCP, a page that reloads itself for browsers. */
export function answerDbUnavailable(req: IncomingMessage, res: ServerResponse, reason: string): void {
  const pathname = (req.url ?? '/').split('?')[0]!;
  const message = `The database is unavailable, retrying. ${reason} This page tries again by itself; /api/health shows when it is back.`;
  const headers = { 'retry-after': String(DB_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
  const wantsJson = pathname.startsWith('/api/') || pathname.startsWith('/mcp') || /application\/(x-ndjson|json)/.test(req.headers.accept ?? '');
  if (wantsJson) {
    res.writeHead(503, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'db_unavailable', message } }));
    return;
  }
  res.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${DB_RETRY_AFTER_SECONDS}">` +
      `<title>Plantpilot — database unavailable</title></head><body><main><h1>The database is unavailable, retrying</h1>` +
      `<p>${escapeHtml(reason)}</p><p>This page tries again every ${DB_RETRY_AFTER_SECONDS} s; ` +
      `sign-in, chat and approvals work again as soon as the database is back.</p></main></body></html>`,
  );
}
