/**
 * The supervisor's "stop all actuation" switch. While engaged, every new request and every
 * execution fails with a clear message — including requests approved before it was engaged.
 */
import { appendAuditIn, type AuditActor } from '../../lib/audit/audit-log';
import { atLeast, type Role } from '../../lib/auth/roles';
import type { Db, Queryable } from '../../lib/db/db';
import { AppError } from '../../lib/errors';

const KEY = 'actuation_kill_switch';

export type KillSwitchState = { engaged: boolean; by?: string; at?: string; reason?: string };

export async function readKillSwitch(db: Queryable): Promise<KillSwitchState> {
  const { rows } = await db.query<{ value: KillSwitchState }>('SELECT value FROM app_settings WHERE key = $1', [KEY]);
  return rows[0]?.value ?? { engaged: false };
}

export async function setKillSwitch(db: Db, input: { engaged: boolean; reason?: string; by: AuditActor; role: Role }): Promise<KillSwitchState> {
  if (!atLeast(input.role, 'supervisor')) throw new AppError('forbidden', 'Only a supervisor or admin may engage or release the actuation kill switch.');
  if (input.engaged && !input.reason?.trim()) throw new AppError('invalid_argument', 'Say why actuation is being stopped, so the next shift knows.');
  const state: KillSwitchState = { engaged: input.engaged, by: input.by.name, at: new Date().toISOString(), reason: input.reason?.trim() };
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [KEY, JSON.stringify(state)],
    );
    await appendAuditIn(tx, {
      actor: input.by,
      action: input.engaged ? 'actuation.kill_switch_engaged' : 'actuation.kill_switch_released',
      detail: { reason: state.reason ?? null },
    });
  });
  return state;
}

export function killSwitchError(state: KillSwitchState): AppError {
  return new AppError(
    'actuation_disabled',
    `All actuation is stopped by the kill switch (engaged by ${state.by ?? 'a supervisor'}${state.at ? ` at ${state.at}` : ''}${state.reason ? `: ${state.reason}` : ''}). ` +
      'Nothing will be written to the plant until a supervisor releases it on the Approvals page.',
  );
}
