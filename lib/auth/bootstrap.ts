/**
 * First start: a plant with nobody able to log in is useless, so when there are no users yet we
 * create an operator, a supervisor and an admin (who adds everyone else on the People page while
 * the app runs) with one-time passwords and print them once. Each must choose their own password
 * at first login.
 */
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/db';
import { createUserIn, type CreatedUser } from './users';

const BOOTSTRAP_LOCK_KEY = 0x75736572;
const SYSTEM: AuditActor = { kind: 'system', id: 'bootstrap', name: 'Plantpilot first start' };

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

export function formatInitialUsers(created: CreatedUser[]): string {
  const lines = created.map(({ user, oneTimePassword }) => `  ${user.username.padEnd(12)} ${oneTimePassword}   (${user.role})`);
  return [
    'First start: created these users with one-time passwords. Each must choose a new password at first login.',
    ...lines,
    'The admin adds everyone else on the People page (or: `plantpilot users add <name> --role <role>`).',
  ].join('\n');
}
