/**
 * Login sessions. The cookie holds a random 256-bit token; the database holds only its SHA-256,
 * plus a per-session CSRF token that every state-changing request must echo back.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../canonical-json';
import type { Queryable } from '../db/db';
import type { Role } from './roles';
import { siteRolesColumn, siteRolesOf } from './site-roles';
import type { User } from './users';

export const SESSION_COOKIE = 'pp_session';
/** A shift plus handover margin: people log in once per shift. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export type Session = { user: User; csrfToken: string; expiresAt: string };

export async function createSession(db: Queryable, user: User, now: Date = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.query('INSERT INTO sessions (token_sha256, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
    sha256Hex(token),
    user.id,
    csrfToken,
    expiresAt,
  ]);
  return { token, csrfToken, expiresAt };
}

type SessionRow = {
  csrf_token: string;
  expires_at: Date;
  id: string;
  username: string;
  display_name: string;
  role: Role;
  site_roles: unknown;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Date;
};

/** The live session for a cookie token, or undefined if unknown, expired or its user is disabled. */
export async function getSession(db: Queryable, token: string | undefined, now: Date = new Date()): Promise<Session | undefined> {
  if (!token || token.length > 200) return undefined;
  const { rows } = await db.query<SessionRow>(
    `SELECT s.csrf_token, s.expires_at, u.id, u.username, u.display_name, u.role, ${siteRolesColumn('u.id')} AS site_roles,
            u.must_change_password, u.disabled, u.created_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_sha256 = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [sha256Hex(token), now],
  );
  const row = rows[0];
  if (!row) return undefined;
  const siteRoles = siteRolesOf(row.site_roles);
  return {
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at.toISOString(),
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      ...(siteRoles ? { siteRoles } : {}),
      mustChangePassword: row.must_change_password,
      disabled: row.disabled,
      createdAt: row.created_at.toISOString(),
    },
  };
}

export async function destroySession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_sha256 = $1', [sha256Hex(token)]);
}

/** Ends every session of a person except the one with `keepToken` (after a password change). Returns how many ended. */
export async function destroyOtherSessions(db: Queryable, userId: string, keepToken: string): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_sha256 <> $2', [userId, sha256Hex(keepToken)]);
  return result.rowCount ?? 0;
}

export async function deleteExpiredSessions(db: Queryable, now: Date = new Date()): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  return result.rowCount ?? 0;
}
