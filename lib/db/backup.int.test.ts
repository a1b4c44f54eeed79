import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbHealthCheck } from '../health';
import { silentLogger } from '../log';
import { startBackupService } from './backup-service';
import { backupDir, backupName, listBackups } from './backups';
import type { Db } from './db';
import { migrate } from './migrate';
import { openEmbeddedDb } from './pglite';
import { restoreBackup } from './restore';

const rowsIn = async (db: Db) => (await db.query<{ note: string }>('SELECT note FROM backup_probe ORDER BY id')).rows.map((r) => r.note);

describe('embedded database backups', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-backup-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('restores exactly what was committed at backup time and keeps the replaced database aside', async () => {
    const db = await openEmbeddedDb({ dataDir });
    const file = path.join(dataDir, 'backups', backupName(new Date('2026-11-25T04:30:00Z')));
    fs.mkdirSync(path.dirname(file));
    try {
      await migrate(db);
      await db.query('CREATE TABLE backup_probe (id serial PRIMARY KEY, note text NOT NULL)');
      await db.query("INSERT INTO backup_probe (note) VALUES ('before the backup')");
      const { bytes } = await db.backup!(file);
      expect(bytes).toBe(fs.statSync(file).size);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
      await db.query("INSERT INTO backup_probe (note) VALUES ('after the backup')");
    } finally {
      await db.close();
    }
    expect(listBackups(backupDir(dataDir)).map((b) => b.takenAt.toISOString())).toEqual(['2026-11-25T04:30:00.000Z']);

    const result = await restoreBackup(dataDir, file, new Date('2026-11-25T05:00:00Z'));
    expect(result.migrations).toBeGreaterThan(10);
    expect(result.previous).toBe(path.join(dataDir, 'db.before-restore-20261125T050000Z'));
    const restored = await openEmbeddedDb({ dataDir });
    try {
      expect(await rowsIn(restored)).toEqual(['before the backup']);
    } finally {
      await restored.close();
    }
    // The replaced database is intact where the message says it is.
    fs.renameSync(path.join(dataDir, 'db'), path.join(dataDir, 'db.restored'));
    fs.renameSync(result.previous!, path.join(dataDir, 'db'));
    const previous = await openEmbeddedDb({ dataDir });
    try {
      expect(await rowsIn(previous)).toEqual(['before the backup', 'after the backup']);
    } finally {
      await previous.close();
    }
  });

  it('refuses a damaged or foreign archive, and a running database, without touching the current one', async () => {
    const db = await openEmbeddedDb({ dataDir });
    await migrate(db);
    await db.query('CREATE TABLE backup_probe (id serial PRIMARY KEY, note text NOT NULL)');
    await db.query("INSERT INTO backup_probe (note) VALUES ('current')");
    const good = path.join(dataDir, 'good.tar.gz');
    await db.backup!(good);
    await db.close();
    // Another live process (our parent stands in for a running app) holds the data dir.
    const lockFile = path.join(dataDir, 'plantpilot.lock');
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, command: 'plantpilot start (port 3000)', startedAt: new Date().toISOString() }));
    await expect(restoreBackup(dataDir, good)).rejects.toMatchObject({ code: 'data_dir_locked', message: expect.stringContaining('plantpilot start') });
    fs.rmSync(lockFile);

    const notGzip = path.join(dataDir, 'notes.tar.gz');
    fs.writeFileSync(notGzip, 'shift notes');
    await expect(restoreBackup(dataDir, notGzip)).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringContaining('not a gzip archive') });
    const foreign = path.join(dataDir, 'foreign.tar.gz');
    fs.writeFileSync(foreign, gzipSync(Buffer.alloc(4096, 7)));
    await expect(restoreBackup(dataDir, foreign)).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringContaining('was not touched') });
    // A well-formed archive of something else: it unpacks, but is no Plantpilot database.
    const otherDir = path.join(dataDir, 'other');
    fs.mkdirSync(otherDir);
    fs.writeFileSync(path.join(otherDir, 'shift-notes.txt'), 'Line 2 stopped at 14:05 for a feeder jam.');
    const other = path.join(dataDir, 'other.tar.gz');
    await tar.c({ gzip: true, file: other, cwd: otherDir }, ['.']);
    await expect(restoreBackup(dataDir, other)).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('does not open as a Plantpilot database'),
    });
    await expect(restoreBackup(dataDir, path.join(dataDir, 'missing.tar.gz'))).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.existsSync(path.join(dataDir, 'db.restoring'))).toBe(false);

    const reopened = await openEmbeddedDb({ dataDir });
    try {
      expect(await rowsIn(reopened)).toEqual(['current']);
    } finally {
      await reopened.close();
    }
  });

  it('takes scheduled backups, keeps the newest ones, and reports them in the health check', async () => {
    const db = await openEmbeddedDb({ dataDir });
    let now = new Date('2026-11-25T00:00:00Z');
    const service = startBackupService({ db, dataDir, everyHours: 24, keep: 2, log: silentLogger, clock: () => now, firstDelayMs: 3_600_000 })!;
    try {
      await migrate(db);
      for (let day = 0; day < 3; day++) {
        await service.backupNow();
        now = new Date(now.getTime() + 24 * 3_600_000);
      }
      expect(listBackups(backupDir(dataDir)).map((b) => b.name)).toEqual(['plantpilot-db-20261127T000000Z.tar.gz', 'plantpilot-db-20261126T000000Z.tar.gz']);
      const health = await dbHealthCheck(db, service.status, () => new Date('2026-11-27T03:00:00Z'))();
      expect(health).toMatchObject({ status: 'ok', reason: expect.stringContaining('newest backup 3 h ago, one every 24 h') });
    } finally {
      await service.stop();
      await db.close();
    }
    expect(startBackupService({ db, dataDir, everyHours: 0, keep: 2, log: silentLogger })).toBeUndefined();
  });

  it('shows a failed backup as degraded health and keeps the app running', async () => {
    const db = await openEmbeddedDb({ dataDir });
    // A database whose backups fail (a full disk, say): the real one, with backup replaced.
    const failing: Db = { ...db, query: db.query, backup: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const service = startBackupService({ db: failing, dataDir, everyHours: 24, keep: 2, log: silentLogger, firstDelayMs: 0 })!;
    try {
      await expect.poll(() => service.status().failure?.message).toContain('ENOSPC');
      const health = await dbHealthCheck(failing, service.status)();
      expect(health).toMatchObject({ status: 'degraded', reason: expect.stringContaining('the last backup failed (ENOSPC') });
      expect(await db.query('SELECT 1 AS one')).toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      await service.stop();
      await db.close();
    }
  });
});
