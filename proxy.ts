/**
 * In front of every page and API route: requests without a session cookie are sent to sign-in
 * (pages) or answered 401 (APIs). This is only the optimistic first check — each page and route
 * validates the session itself against the database (lib/auth).
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIE = 'pp_session';
const PUBLIC_PATHS = ['/login', '/api/auth/login', '/api/health'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-plantpilot-path', pathname + search);
  // MCP clients authenticate with bearer tokens, checked by the MCP endpoint itself.
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p) || pathname.startsWith('/mcp');
  if (isPublic || request.cookies.has(SESSION_COOKIE)) return NextResponse.next({ request: { headers: requestHeaders } });
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
