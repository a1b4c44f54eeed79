import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUsers } from '@/lib/auth/testing';
import { listAudit } from '@/lib/audit/audit-log';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import { startBackupService, type BackupService } from '@/lib/db/backup-service';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { GET, POST } from './route';

const BASE = 'http://127.0.0.1:3000';

describe('admin backup route', () => {
  let db: Db;
  let dataDir: string;
  let backups: BackupService;
  const sessions: Record<string, { cookie: string; csrfToken: string }> = {};

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-backup-route-'));
    db = await openEmbeddedDb({ dataDir });
    await migrate(db);
    // Scheduled backups far in the future: this test takes them by hand.
    backups = startBackupService({ db, dataDir, everyHours: 24, keep: 3, log: silentLogger, firstDelayMs: 3_600_000 })!;
    const config = loadConfig({ PLANTPILOT_DATA_DIR: dataDir });
    setRuntime({ config, log: silentLogger, db, startedAt: new Date(), health: {}, services: { backups } });
    Object.assign(sessions, await signedInUsers(db, { sam: 'supervisor', ada: 'admin' }));
  });
  afterAll(async () => {
    setRuntime(undefined);
    await backups?.stop();
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (who: string, headers: Record<string, string> = {}) =>
    new Request(`${BASE}/api/admin/backups`, {
      method: 'POST',
      headers: { cookie: sessions[who]!.cookie, 'x-csrf-token': sessions[who]!.csrfToken, ...headers },
    });

  it('lets an admin take a backup now, audited, and lists it', async () => {
    const response = await POST(post('ada'));
    expect(response.status).toBe(201);
    const { backup } = await response.json();
    expect(backup.name).toMatch(/^plantpilot-db-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(fs.statSync(path.join(dataDir, 'backups', backup.name)).size).toBe(backup.bytes);
    const [entry] = await listAudit(db, { action: 'db.backup', limit: 1 });
    expect(entry).toMatchObject({ actor: { kind: 'user', name: 'ada (ada)' }, subject: { kind: 'backup', id: backup.name } });

    const listed = await (await GET(new Request(`${BASE}/api/admin/backups`, { headers: { cookie: sessions.ada!.cookie } }))).json();
    expect(listed).toMatchObject({ everyHours: 24, keep: 3, backups: [{ name: backup.name, bytes: backup.bytes }] });
  });

  it('refuses supervisors and forms without the CSRF token; a browser form gets redirected with the outcome', async () => {
    expect((await POST(post('sam'))).status).toBe(403);
    expect((await GET(new Request(`${BASE}/api/admin/backups`, { headers: { cookie: sessions.sam!.cookie } }))).status).toBe(403);
    const forged = new FormData();
    forged.set('csrf', 'not-the-token');
    const refused = await POST(
      new Request(`${BASE}/api/admin/backups`, { method: 'POST', headers: { cookie: sessions.ada!.cookie, accept: 'text/html' }, body: forged }),
    );
    expect(refused.status).toBe(303);
    expect(decodeURIComponent(refused.headers.get('location')!)).toMatch(/^\/health\?backupError=The form was stale or forged/);
    const form = new FormData();
    form.set('csrf', sessions.ada!.csrfToken);
    const done = await POST(
      new Request(`${BASE}/api/admin/backups`, { method: 'POST', headers: { cookie: sessions.ada!.cookie, accept: 'text/html' }, body: form }),
    );
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toMatch(/^\/health\?backup=plantpilot-db-/);
  });

  it('says what to do where there is no backup service (PostgreSQL)', async () => {
    setRuntime({ config: loadConfig({ PLANTPILOT_DATA_DIR: dataDir }), log: silentLogger, db, startedAt: new Date(), health: {}, services: {} });
    const response = await GET(new Request(`${BASE}/api/admin/backups`, { headers: { cookie: sessions.ada!.cookie } }));
    expect(response.status).toBe(503);
    expect((await response.json()).error.message).toContain('pg_dump');
  });
});
