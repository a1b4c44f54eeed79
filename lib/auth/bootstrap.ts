/**
 * First start: a plant with nobody able to log in is useless, so when there are no users yet we
 * create an operator, a supervisor and an admin (who adds everyone else on the People page while
 * the app runs) with one-time passwords and print them. Each must choose their own password at
 * first login. Until one of them has signed in, every later start prints a new one-time password
 * for them: a first start stopped before its console was read (a SIGTERM, a lost terminal) must not
 * leave a plant nobody can sign in to.
 */
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/db';
import { createUserIn, resetPassword, type CreatedUser } from './users';

const BOOTSTRAP_LOCK_KEY = 0x75736572;
const SYSTEM: AuditActor = { kind: 'system', id: 'bootstrap', name: 'Plantpilot first start' };
const RENEW: AuditActor = { kind: 'system', id: 'bootstrap', name: 'Plantpilot start (first-start password not used yet)' };
const INITIAL_USERNAMES = ['operator', 'supervisor', 'admin'];

export async function ensureInitialUsers(db: Db): Promise<CreatedUser[]> {
  // The check and the creation share one transaction under a lock, so two instances starting
  // together on one PostgreSQL create the users once.
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    const { rows } = await tx.query<{ n: string }>('SELECT count(*) AS n FROM users');
    if (Number(rows[0]?.n) > 0) return [];
    return [
      await createUserIn(tx, { username: 'operator', displayName: 'Shift Operator', role: 'operator' }, SYSTEM),
      await createUserIn(tx, { username: 'supervisor', displayName: 'Shift Supervisor', role: 'supervisor' }, SYSTEM),
      await createUserIn(tx, { username: 'admin', displayName: 'Plant IT Admin', role: 'admin' }, SYSTEM),
    ];
  });
}

/**
 * The first-start users (created together, before anyone else) who have never signed in, with new
 * one-time passwords; the earlier ones stop working. Empty once each has signed in or been
 * disabled.
 */
export async function renewUnusedInitialPasswords(db: Db): Promise<CreatedUser[]> {
  const { rows } = await db.query<{ username: string }>(
    `SELECT username FROM users u
     WHERE must_change_password AND NOT disabled AND username = ANY($1::text[])
       AND created_at = (SELECT min(created_at) FROM users)
       AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id)
     ORDER BY array_position($1::text[], username)`,
    [INITIAL_USERNAMES],
  );
  const renewed: CreatedUser[] = [];
  for (const row of rows) renewed.push(await resetPassword(db, row.username, RENEW));
  return renewed;
}

export function formatInitialUsers(created: CreatedUser[], renewed = false): string {
  const lines = created.map(({ user, oneTimePassword }) => `  ${user.username.padEnd(12)} ${oneTimePassword}   (${user.role})`);
  return [
    renewed
      ? 'These first-start users have not signed in yet; their one-time passwords are new at this start (earlier ones no longer work). Each must choose a new password at first login.'
      : 'First start: created these users with one-time passwords. Each must choose a new password at first login.',
    ...lines,
    'The admin adds everyone else on the People page (or: `plantpilot users add <name> --role <role>`).',
  ].join('\n');
}
