import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from './route';
import { loadConfig } from '@/lib/config';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { assertLoginAllowed, FAILURE_WINDOW_MS, LOCK_MS, MAX_FAILURES, recordLoginFailure } from '@/lib/auth/login-throttle';
import { createUser, resetPassword } from '@/lib/auth/users';

const admin = { kind: 'system', id: 'test', name: 'test' };
const minutes = (n: number) => n * 60_000;

for (const database of testDatabases()) {
  describe(`login throttle on ${database.kind}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await database.open();
      await migrate(db);
    });
    afterAll(async () => {
      setRuntime(undefined);
      await db.close();
    });

    it(`locks a name after ${MAX_FAILURES} failures within the window and lets it in again after the lock`, async () => {
      const start = new Date('2026-03-02T06:00:00Z');
      for (let i = 0; i < MAX_FAILURES - 1; i++) await recordLoginFailure(db, 'Olga', new Date(start.getTime() + minutes(i)));
      await expect(assertLoginAllowed(db, 'olga', new Date(start.getTime() + minutes(5)))).resolves.toBeUndefined();
      await recordLoginFailure(db, 'olga ', new Date(start.getTime() + minutes(5)));
      await expect(assertLoginAllowed(db, 'OLGA', new Date(start.getTime() + minutes(6)))).rejects.toMatchObject({
        code: 'too_many_attempts',
        message: expect.stringMatching(/paused for 14 more minutes.*reset-password/),
      });
      await expect(assertLoginAllowed(db, 'olga', new Date(start.getTime() + minutes(5) + LOCK_MS))).resolves.toBeUndefined();
    });

    it('forgets failures older than the window', async () => {
      const start = new Date('2026-03-02T06:00:00Z');
      for (let i = 0; i < MAX_FAILURES - 1; i++) await recordLoginFailure(db, 'sam', start);
      await recordLoginFailure(db, 'sam', new Date(start.getTime() + FAILURE_WINDOW_MS + 1000));
      await expect(assertLoginAllowed(db, 'sam', new Date(start.getTime() + FAILURE_WINDOW_MS + 2000))).resolves.toBeUndefined();
    });

    it('refuses even the right password while locked, audits it, and a password reset ends the lock', async () => {
      setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: {} });
      const { oneTimePassword } = await createUser(db, { username: 'erik', role: 'operator' }, admin);
      const login = (password: string) =>
        POST(
          new Request('http://localhost:3000/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
            body: JSON.stringify({ username: 'erik', password }),
          }),
        );
      for (let i = 0; i < MAX_FAILURES; i++) expect((await login('wrong-guess')).status).toBe(401);
      const locked = await login(oneTimePassword);
      expect(locked.status).toBe(429);
      expect((await locked.json()).error.message).toMatch(/Too many wrong passwords/);
      const { rows } = await db.query("SELECT detail FROM audit_log WHERE action = 'user.login_failed' ORDER BY seq DESC LIMIT 1");
      expect(rows[0]!.detail).toMatchObject({ username: 'erik', reason: 'too_many_attempts' });

      const reset = await resetPassword(db, 'erik', admin);
      expect((await login(reset.oneTimePassword)).status).toBe(200);
    });
  });
}
