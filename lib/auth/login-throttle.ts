/**
 * Password guessing is slowed per user name: after MAX_FAILURES wrong passwords within
 * FAILURE_WINDOW_MS, that name cannot sign in for LOCK_MS. Counted in the database, so every
 * instance behind a load balancer sees the same count. Names that do not exist are counted too,
 * so the throttle does not tell which names are real. An administrator ends a lock early with
 * `plantpilot users reset-password <name>`.
 */
import type { Queryable } from '../db/db';
import { AppError } from '../errors';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

const normalised = (username: string) => username.trim().toLowerCase();

/** Throws too_many_attempts while the name is locked. */
export async function assertLoginAllowed(db: Queryable, username: string, now = new Date()): Promise<void> {
  const { rows } = await db.query<{ locked_until: Date | null }>('SELECT locked_until FROM login_failures WHERE username = $1', [normalised(username)]);
  const lockedUntil = rows[0]?.locked_until;
  if (!lockedUntil || lockedUntil <= now) return;
  const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
  throw new AppError(
    'too_many_attempts',
    `Too many wrong passwords for this user name: sign-in is paused for ${minutes} more minute${minutes === 1 ? '' : 's'}. ` +
      'Wait, or ask an administrator to run `plantpilot users reset-password <name>`.',
    { details: { lockedUntil: lockedUntil.toISOString() } },
  );
}

/** Counts a wrong password; the MAX_FAILURES-th within the window locks the name. */
export async function recordLoginFailure(db: Queryable, username: string, now = new Date()): Promise<void> {
  await db.query(
    `INSERT INTO login_failures AS f (username, failures, first_failed_at) VALUES ($1, 1, $2)
     ON CONFLICT (username) DO UPDATE SET
       failures = CASE WHEN f.first_failed_at < $2::timestamptz - $3 * interval '1 millisecond' THEN 1 ELSE f.failures + 1 END,
       first_failed_at = CASE WHEN f.first_failed_at < $2::timestamptz - $3 * interval '1 millisecond' THEN $2 ELSE f.first_failed_at END`,
    [normalised(username), now, FAILURE_WINDOW_MS],
  );
  await db.query(
    `UPDATE login_failures SET locked_until = $2::timestamptz + $3 * interval '1 millisecond', failures = 0, first_failed_at = $2
     WHERE username = $1 AND failures >= $4`,
    [normalised(username), now, LOCK_MS, MAX_FAILURES],
  );
}

/** Forgets the failures of a name (a successful sign-in, a password reset). */
export async function clearLoginFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE username = $1', [normalised(username)]);
}
