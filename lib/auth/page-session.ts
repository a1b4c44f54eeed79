/**
 * Sessions for server components (pages and layouts), which read cookies through next/headers.
 * Pages call `requirePageSession()`; it redirects to the sign-in page when there is none.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getRuntime } from '../runtime';
import { atLeast, highestRole, type Role } from './roles';
import { getSession, SESSION_COOKIE, type Session } from './sessions';

export async function pageSession(): Promise<Session | undefined> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSession(getRuntime().db, token);
}

/** `anySite`: the role may be a per-site grant at any site (for pages whose actions check their site). */
export async function requirePageSession(options: { role?: Role; anySite?: boolean } = {}): Promise<Session> {
  const session = await pageSession();
  if (!session) {
    const path = (await headers()).get('x-plantpilot-path') ?? '/';
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  if (session.user.mustChangePassword) redirect('/account/password');
  if (options.role && !atLeast(options.anySite ? highestRole(session.user) : session.user.role, options.role)) redirect('/?denied=' + options.role);
  return session;
}
