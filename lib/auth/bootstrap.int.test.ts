import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDb } from '../db';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { ensureInitialUsers, formatInitialUsers, renewUnusedInitialPasswords } from './bootstrap';
import { createSession } from './sessions';
import { createUser, verifyLogin } from './users';

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

  it('prints new one-time passwords at each later start until each first-start user has signed in', async () => {
    const first = await renewUnusedInitialPasswords(db);
    expect(first.map((c) => c.user.username)).toEqual(['operator', 'supervisor', 'admin']);
    expect(formatInitialUsers(first, true)).toMatch(/have not signed in yet/);
    for (const { user, oneTimePassword } of first) {
      await expect(verifyLogin(db, user.username, oneTimePassword)).resolves.toMatchObject({ mustChangePassword: true });
    }
    const second = await renewUnusedInitialPasswords(db);
    // The passwords printed before stop working: only the newest console is right.
    await expect(verifyLogin(db, 'operator', first[0]!.oneTimePassword)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(verifyLogin(db, 'operator', second[0]!.oneTimePassword)).resolves.toMatchObject({ username: 'operator' });

    // The operator signs in; a person an admin added later is not a first-start user.
    const operator = await verifyLogin(db, 'operator', second[0]!.oneTimePassword);
    await createSession(db, operator);
    await createUser(db, { username: 'olga', role: 'operator' }, { kind: 'system', id: 'test', name: 'test' });
    const third = await renewUnusedInitialPasswords(db);
    expect(third.map((c) => c.user.username)).toEqual(['supervisor', 'admin']);
  });
});
