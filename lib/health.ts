/**
 * Health of each part the copilot depends on, as `ok` / `degraded` / `down` with a reason a
 * person can act on. Each check has a deadline so one hung dependency cannot hang the page.
 */
import type { BackupStatus } from './db/backup-service';
import type { Db } from './db/db';

export const HEALTH_PARTS = ['db', 'plant', 'model', 'embeddings'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
export type PartStatus = 'ok' | 'degraded' | 'down';
export type PartHealth = { status: PartStatus; reason: string };
export type HealthCheck = () => Promise<PartHealth>;
export type HealthReport = { status: PartStatus; checkedAt: string; parts: Record<HealthPart, PartHealth> };

const CHECK_DEADLINE_MS = 3000;

function withDeadline(check: HealthCheck, part: HealthPart): Promise<PartHealth> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'down', reason: `The ${part} check did not answer within ${CHECK_DEADLINE_MS} ms.` }), CHECK_DEADLINE_MS);
    check().then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ status: 'down', reason: error instanceof Error ? error.message : String(error) });
      },
    );
  });
}

export async function checkHealth(checks: Partial<Record<HealthPart, HealthCheck>>, now: () => Date = () => new Date()): Promise<HealthReport> {
  const entries = await Promise.all(
    HEALTH_PARTS.map(async (part) => {
      const check = checks[part];
      const result: PartHealth = check ? await withDeadline(check, part) : { status: 'down', reason: `No ${part} part is installed in this build.` };
      return [part, result] as const;
    }),
  );
  const parts = Object.fromEntries(entries) as Record<HealthPart, PartHealth>;
  const statuses = Object.values(parts).map((p) => p.status);
  const status: PartStatus = statuses.every((s) => s === 'ok') ? 'ok' : parts.db.status === 'down' ? 'down' : 'degraded';
  return { status, checkedAt: now().toISOString(), parts };
}

function ageText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/** The embedded database's backups, for the health reason: a failed last backup degrades it. */
function backupHealth(status: BackupStatus, now: Date): { degraded: boolean; text: string } {
  const newest = status.newest ? `newest backup ${ageText(now.getTime() - status.newest.takenAt.getTime())}` : 'no backup yet';
  if (status.failure) return { degraded: true, text: `the last backup failed (${status.failure.message}); ${newest}` };
  return { degraded: false, text: `${newest}, one every ${status.everyHours} h in ${status.dir}` };
}

export function dbHealthCheck(db: Db, backups?: () => BackupStatus, now: () => Date = () => new Date()): HealthCheck {
  return async () => {
    const started = performance.now();
    await db.query('SELECT 1');
    const roundTripMs = Math.round(performance.now() - started);
    const what = db.kind === 'pglite' ? `embedded PGlite (${db.location})` : `PostgreSQL ${db.location}`;
    const backup = backups ? backupHealth(backups(), now()) : undefined;
    return {
      status: backup?.degraded ? 'degraded' : 'ok',
      reason: `${what}, query round trip ${roundTripMs} ms${backup ? `; ${backup.text}` : ''}`,
    };
  };
}
