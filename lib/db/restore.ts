/**
 * Restores the embedded database from a backup archive (backups.ts). Nothing is deleted: the
 * current database is moved aside, and the archive is opened and checked before it takes the
 * current one's place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import * as tar from 'tar';
import { AppError } from '../errors';
import { utcStamp } from './backups';
import { acquireDataDirLock } from './data-dir-lock';

export type RestoreResult = { restored: string; previous?: string; migrations: number };

/**
 * Replaces the embedded database in `dataDir` with the archive `file`. The app must be stopped
 * (this takes the data dir's lock). Steps: unpack into `db.restoring` (streamed), open it and read its
 * migration table (a damaged or foreign archive stops here, nothing moved), move the current
 * `db` to `db.before-restore-<time>`, move the restored copy to `db`.
 */
export async function restoreBackup(dataDir: string, file: string, now: Date = new Date()): Promise<RestoreResult> {
  const head = Buffer.alloc(2);
  try {
    const handle = fs.openSync(file, 'r');
    try {
      fs.readSync(handle, head, 0, 2, 0);
    } finally {
      fs.closeSync(handle);
    }
  } catch (error) {
    throw new AppError('not_found', `${file}: cannot read the backup (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path.`, {
      cause: error,
    });
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    throw new AppError('invalid_file', `${file}: not a gzip archive, so not a Plantpilot database backup. Pick a plantpilot-db-*.tar.gz file.`);
  }
  const lock = acquireDataDirLock(dataDir, `plantpilot db restore ${path.basename(file)}`);
  const current = path.join(dataDir, 'db');
  const restoring = path.join(dataDir, 'db.restoring');
  try {
    fs.rmSync(restoring, { recursive: true, force: true });
    let migrations: number;
    try {
      fs.mkdirSync(restoring);
      await tar.x({ file, cwd: restoring, strict: true });
      const db = await PGlite.create(restoring, { extensions: { vector } });
      try {
        const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM schema_migrations');
        migrations = result.rows[0]!.count;
      } finally {
        await db.close();
      }
    } catch (error) {
      fs.rmSync(restoring, { recursive: true, force: true });
      throw new AppError(
        'invalid_file',
        `${file}: the archive does not open as a Plantpilot database (${(error as Error).message}). The current database was not touched.`,
        { cause: error },
      );
    }
    let previous: string | undefined;
    if (fs.existsSync(current)) {
      previous = path.join(dataDir, `db.before-restore-${utcStamp(now)}`);
      fs.renameSync(current, previous);
    }
    fs.renameSync(restoring, current);
    return { restored: current, previous, migrations };
  } finally {
    lock.release();
  }
}
