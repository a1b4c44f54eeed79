/** For route tests and the safety suite: people who have chosen their password, signed in. */
import type { Db } from '../db/db';
import type { Role } from './roles';
import { createSession, SESSION_COOKIE } from './sessions';
import { createUser, type User } from './users';

export type SignedIn = { user: User; token: string; cookie: string; csrfToken: string };

const TEST_ACTOR = { kind: 'system', id: 'test', name: 'test' } as const;

export async function signedInUser(db: Db, username: string, role: Role, displayName?: string): Promise<SignedIn> {
  const { user } = await createUser(db, { username, role, displayName }, TEST_ACTOR);
  // A person past their first sign-in: the one-time password is not needed.
  await db.query('UPDATE users SET must_change_password = false WHERE id = $1', [user.id]);
  const session = await createSession(db, { ...user, mustChangePassword: false });
  return {
    user: { ...user, mustChangePassword: false },
    token: session.token,
    cookie: `${SESSION_COOKIE}=${encodeURIComponent(session.token)}`,
    csrfToken: session.csrfToken,
  };
}

/** `{ olga: 'operator', sam: 'supervisor' }` → each of them signed in, by name. */
export async function signedInUsers<Name extends string>(db: Db, roles: Record<Name, Role>): Promise<Record<Name, SignedIn>> {
  const signedIn = {} as Record<Name, SignedIn>;
  for (const [username, role] of Object.entries(roles) as [Name, Role][]) signedIn[username] = await signedInUser(db, username, role);
  return signedIn;
}
