/**
 * In front of every page and API route: requests without a session cookie are sent to sign-in
 * (pages) or answered 401 (APIs). This is only the optimistic first check — each page and route
 * validates the session itself against the database (lib/auth).
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIE = 'pp_session';
const PUBLIC_PATHS = ['/login', '/api/auth/login', '/api/health', '/api/health/live'];
/** The only routes that accept the local admin secret (app/api/admin/tokens/access.ts). */
const LOCAL_ADMIN_PREFIX = '/api/admin/tokens';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-plantpilot-path', pathname + search);
  // MCP clients authenticate with bearer tokens, checked by the MCP endpoint itself.
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p) || pathname.startsWith('/mcp');
  // The CLI on the app's machine manages tokens with the local admin secret instead of a cookie;
  // the route checks that secret and that the call comes from this machine (lib/auth/local-admin).
  const isLocalAdminCall = pathname.startsWith(LOCAL_ADMIN_PREFIX) && /^Bearer ppl_\S+$/.test(request.headers.get('authorization') ?? '');
  if (isPublic || isLocalAdminCall || request.cookies.has(SESSION_COOKIE)) return NextResponse.next({ request: { headers: requestHeaders } });
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code: 'unauthenticated', message: 'Sign in first: this API needs a session.' } }, { status: 401 });
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
