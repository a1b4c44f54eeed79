/**
 * Password guessing is slowed per user name: after MAX_FAILURES wrong passwords within
 * FAILURE_WINDOW_MS, that name cannot sign in for LOCK_MS. Counted in the database, so every
 * instance behind a load balancer sees the same count. Names that do not exist are counted too,
 * so the throttle does not tell which names are real. An administrator ends a lock early with
 * `plantpilot users reset-password <name>`.
 *
 * Guessing across many names from one place is slowed per client address too: after
 * CLIENT_MAX_FAILURES failures within the window, that address cannot sign in for LOCK_MS. The
 * address is the one the server saw (lib/forwarding.ts), never one the client claims. Wrong
 * current passwords on the change-password form count as failures of that name and address.
 */
import type { Queryable } from '../db/db';
import { AppError } from '../errors';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** Failures from one address within the window, over any names, before that address is paused. */
export const CLIENT_MAX_FAILURES = 20;

const normalised = (username: string) => username.trim().toLowerCase();
/** User names cannot contain ':', so client keys never collide with a name. */
const clientKey = (address: string) => `client:${address}`;

async function lockedUntil(db: Queryable, key: string, now: Date): Promise<Date | undefined> {
  const { rows } = await db.query<{ locked_until: Date | null }>('SELECT locked_until FROM login_failures WHERE username = $1', [key]);
  const until = rows[0]?.locked_until;
  return until && until > now ? until : undefined;
}

const minutesLeft = (until: Date, now: Date) => Math.ceil((until.getTime() - now.getTime()) / 60_000);

/** Throws too_many_attempts while the name, or the client address when given, is locked. */
export async function assertLoginAllowed(db: Queryable, username: string, now = new Date(), client?: string): Promise<void> {
  const nameLock = await lockedUntil(db, normalised(username), now);
  if (nameLock) {
    const minutes = minutesLeft(nameLock, now);
    throw new AppError(
      'too_many_attempts',
      `Too many wrong passwords for this user name: sign-in is paused for ${minutes} more minute${minutes === 1 ? '' : 's'}. ` +
        'Wait, or ask an administrator to run `plantpilot users reset-password <name>`.',
      { details: { lockedUntil: nameLock.toISOString() } },
    );
  }
  const clientLock = client ? await lockedUntil(db, clientKey(client), now) : undefined;
  if (clientLock) {
    const minutes = minutesLeft(clientLock, now);
    throw new AppError(
      'too_many_attempts',
      `Too many wrong passwords from this computer: sign-in from here is paused for ${minutes} more minute${minutes === 1 ? '' : 's'}. Wait, then try again.`,
      { details: { lockedUntil: clientLock.toISOString() } },
    );
  }
}

/** Counts a wrong password against the name (and the client address when given); reaching the limit locks it. */
export async function recordLoginFailure(db: Queryable, username: string, now = new Date(), client?: string): Promise<void> {
  await recordFailure(db, normalised(username), now, MAX_FAILURES);
  if (client) await recordFailure(db, clientKey(client), now, CLIENT_MAX_FAILURES);
}

async function recordFailure(db: Queryable, key: string, now: Date, maxFailures: number): Promise<void> {
  await db.query(
    `INSERT INTO login_failures AS f (username, failures, first_failed_at) VALUES ($1, 1, $2)
     ON CONFLICT (username) DO UPDATE SET
       failures = CASE WHEN f.first_failed_at < $2::timestamptz - $3 * interval '1 millisecond' THEN 1 ELSE f.failures + 1 END,
       first_failed_at = CASE WHEN f.first_failed_at < $2::timestamptz - $3 * interval '1 millisecond' THEN $2 ELSE f.first_failed_at END`,
    [key, now, FAILURE_WINDOW_MS],
  );
  await db.query(
    `UPDATE login_failures SET locked_until = $2::timestamptz + $3 * interval '1 millisecond', failures = 0, first_failed_at = $2
     WHERE username = $1 AND failures >= $4`,
    [key, now, LOCK_MS, maxFailures],
  );
}

/** Forgets the failures of a name (a successful sign-in, a password reset). */
export async function clearLoginFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE username = $1', [normalised(username)]);
}
