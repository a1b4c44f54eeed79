/**
 * Who is really asking, and by which address. The server process (lib/server/app-server.ts) calls
 * `sanitiseForwarding` on every request before Next.js sees it: X-Forwarded-* headers are kept only
 * when the connection comes from a configured reverse proxy (PLANTPILOT_TRUSTED_PROXIES) and are
 * dropped otherwise, so a client cannot claim another host for the CSRF Origin check or another
 * address for the login throttle. The verdict travels in headers only this server sets.
 */
import type { IncomingMessage } from 'node:http';

/** The client's address as this server determined it. */
export const CLIENT_ADDRESS_HEADER = 'x-plantpilot-client-address';
/** '1' when the X-Forwarded-* headers came from a trusted proxy. */
export const FORWARDED_TRUSTED_HEADER = 'x-plantpilot-forwarded-trusted';

const FORWARDED = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-for', 'x-forwarded-port', 'forwarded'];

/** `::ffff:10.0.0.5` → `10.0.0.5`, so IPv4 proxies can be listed as people write them. */
function normaliseAddress(address: string): string {
  return address.replace(/^::ffff:/, '');
}

export function sanitiseForwarding(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: readonly string[]): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  delete req.headers[FORWARDED_TRUSTED_HEADER];
  const peer = normaliseAddress(req.socket.remoteAddress ?? 'unknown');
  const trusted = trustedProxies.map(normaliseAddress).includes(peer);
  let client = peer;
  if (trusted) {
    req.headers[FORWARDED_TRUSTED_HEADER] = '1';
    // The proxy appends the address it saw; anything left of it the client could have written.
    const chain = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    client = chain.at(-1) ?? peer;
  } else {
    for (const header of FORWARDED) delete req.headers[header];
  }
  req.headers[CLIENT_ADDRESS_HEADER] = normaliseAddress(client);
}

/** The client address for a route handler ('unknown' when no server set it, as in route tests). */
export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/** True when this server judged the request's X-Forwarded-* headers trustworthy. */
export function forwardingTrusted(request: Request): boolean {
  return request.headers.get(FORWARDED_TRUSTED_HEADER) === '1';
}
