/**
 * Scheduled backups of the embedded database while the app runs: one every `everyHours` (the
 * first a few minutes after start when the newest backup is older than that), the newest `keep`
 * kept. A failed backup is logged, shown on the health page and tried again an hour later; it
 * never stops the app.
 */
import fs from 'node:fs';
import type { Logger } from '../log';
import { backupDir, listBackups, writeBackup, type BackupFile } from './backups';
import type { Db } from './db';

const HOUR_MS = 3_600_000;
const RETRY_AFTER_FAILURE_MS = HOUR_MS;

export type BackupServiceOptions = {
  db: Db;
  dataDir: string;
  everyHours: number;
  keep: number;
  log: Logger;
  clock?: () => Date;
  /** Wait after start before a due backup, so it does not compete with start-up work. */
  firstDelayMs?: number;
};

export type BackupStatus = { dir: string; everyHours: number; keep: number; newest?: BackupFile; failure?: { at: string; message: string } };

export type BackupService = { status(): BackupStatus; backupNow(): Promise<BackupFile>; stop(): Promise<void> };

/** Undefined when there is nothing to do: PostgreSQL, an in-memory database, or backups turned off. */
export function startBackupService(options: BackupServiceOptions): BackupService | undefined {
  const { db, everyHours, keep, log } = options;
  if (!db.backup || everyHours <= 0 || db.location === 'in-memory PGlite') return undefined;
  const clock = options.clock ?? (() => new Date());
  const dir = backupDir(options.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let newest = listBackups(dir)[0];
  let failure: BackupStatus['failure'];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = run().finally(() => (running = undefined));
      },
      Math.max(0, delayMs),
    );
    timer.unref();
  };

  const backupNow = async (): Promise<BackupFile> => {
    const { backup, pruned } = await writeBackup(db, dir, keep, clock());
    newest = backup;
    failure = undefined;
    log.info(
      { file: backup.file, bytes: backup.bytes, pruned: pruned.map((b) => b.name) },
      `Database backup written: ${backup.name} (${(backup.bytes / 1024 / 1024).toFixed(1)} MB)`,
    );
    return backup;
  };

  const run = async () => {
    try {
      await backupNow();
      schedule(everyHours * HOUR_MS);
    } catch (error) {
      failure = { at: clock().toISOString(), message: (error as Error).message };
      log.error({ err: error }, 'Database backup failed; trying again in an hour');
      schedule(RETRY_AFTER_FAILURE_MS);
    }
  };

  const firstDelayMs = options.firstDelayMs ?? 5 * 60_000;
  const dueInMs = newest ? newest.takenAt.getTime() + everyHours * HOUR_MS - clock().getTime() : 0;
  schedule(Math.max(firstDelayMs, dueInMs));

  return {
    status: () => ({ dir, everyHours, keep, newest, failure }),
    backupNow,
    /** Cancels the next backup and waits for one in progress, so the database closes after it. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
