import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDb } from '../db';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { ensureInitialUsers, formatInitialUsers } from './bootstrap';
import { verifyLogin } from './users';

describe('first start', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
  });
  afterAll(async () => db?.close());

  it('creates an operator, a supervisor and an admin once, each with a working one-time password', async () => {
    const created = await ensureInitialUsers(db);
    expect(created.map((c) => [c.user.username, c.user.role])).toEqual([
      ['operator', 'operator'],
      ['supervisor', 'supervisor'],
      ['admin', 'admin'],
    ]);
    for (const { user, oneTimePassword } of created) {
      await expect(verifyLogin(db, user.username, oneTimePassword)).resolves.toMatchObject({ mustChangePassword: true });
    }
    expect(formatInitialUsers(created)).toContain('People page');
    await expect(ensureInitialUsers(db)).resolves.toEqual([]);
  });
});
