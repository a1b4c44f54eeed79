/**
 * Authentication for route handlers and pages. Every API route and page calls one of these;
 * the proxy in front only redirects requests that carry no session cookie at all.
 *
 * State-changing requests must carry the session's CSRF token (header `x-csrf-token` or form
 * field `csrf`) and, when the browser sends one, an Origin equal to the app's own.
 */
import type { Actor } from './actor';
import { AppError } from '../errors';
import { forwardingTrusted } from '../forwarding';
import { getRuntime } from '../runtime';
import { atLeast, highestRole, type Role } from './roles';
import { getSession, SESSION_COOKIE, SESSION_LIFETIME_MS, type Session } from './sessions';

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function sessionToken(request: Request): string | undefined {
  return readCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

/**
 * The request's own origin as the browser addressed it (the Host header), for CSRF checks.
 * X-Forwarded-Host and -Proto count only when they came from a configured proxy (lib/forwarding.ts).
 */
function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const trusted = forwardingTrusted(request);
  const host = (trusted ? request.headers.get('x-forwarded-host') : null) ?? request.headers.get('host') ?? url.host;
  const proto = (trusted ? request.headers.get('x-forwarded-proto') : null) ?? url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/** Rejects cross-site state changes: an Origin header, when present, must be this app's. */
export function checkSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin && origin !== requestOrigin(request)) {
    throw new AppError('forbidden', 'This request came from another site and was refused.');
  }
}

/**
 * A state change must come from this app's own pages: same Origin, and the session's CSRF token in
 * the `x-csrf-token` header or the form's `csrf` field. Routes that authenticate before reading a
 * large body call `requireSession(request, { csrf: false })` first and this once the form is read.
 */
export function checkCsrf(request: Request, session: Session, form?: FormData): void {
  checkSameOrigin(request);
  const sent = request.headers.get('x-csrf-token') ?? (form?.get('csrf') as string | null | undefined);
  if (sent !== session.csrfToken) throw new AppError('forbidden', 'The form was stale or forged (CSRF check failed). Reload the page and try again.');
}

/** `anySite`: the role may be a per-site grant at any site (the action then checks its own site). */
export type RequireOptions = { role?: Role; anySite?: boolean; csrf?: boolean; form?: FormData };

/** The signed-in session, or AppError('unauthenticated' | 'forbidden'). */
export async function requireSession(request: Request, options: RequireOptions = {}): Promise<Session> {
  const session = await getSession(getRuntime().db, sessionToken(request));
  if (!session) throw new AppError('unauthenticated', 'You are not signed in, or your session has ended. Sign in again.');
  const stateChanging = options.csrf ?? !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
  if (stateChanging) checkCsrf(request, session, options.form);
  if (session.user.mustChangePassword && !new URL(request.url).pathname.startsWith('/api/auth/')) {
    throw new AppError('forbidden', 'Choose a new password first (you signed in with a one-time password).');
  }
  // `anySite`: open to whoever has the role at some site, for routes whose action checks the role at
  // its own site (the approval gate does, for every actuation). Otherwise the global role counts.
  if (options.role && !atLeast(options.anySite ? highestRole(session.user) : session.user.role, options.role)) {
    throw new AppError('forbidden', `This needs the ${options.role} role or above; you are signed in as ${session.user.role}.`);
  }
  return session;
}

export function sessionActor(session: Session): Actor {
  const { siteRoles } = session.user;
  return {
    kind: 'user',
    id: session.user.id,
    name: `${session.user.displayName} (${session.user.username})`,
    role: session.user.role,
    ...(siteRoles ? { siteRoles } : {}),
  };
}

/** Set-Cookie value for a session token. Secure unless the app is reached over plain HTTP on a non-local host. */
export function sessionCookie(request: Request, token: string, maxAgeMs = SESSION_LIFETIME_MS): string {
  const origin = requestOrigin(request);
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);
  const secure = origin.startsWith('https://') || local;
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(maxAgeMs / 1000)}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
