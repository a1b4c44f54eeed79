import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, signedInUsers } from '@/lib/auth/testing';
import { listAudit } from '@/lib/audit/audit-log';
import { createSession, getSession } from '@/lib/auth/sessions';
import { createUser, setUserDisabled, verifyLogin } from '@/lib/auth/users';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { POST as resetPassword } from './[username]/password-reset/route';
import { PATCH } from './[username]/route';
import { GET, POST } from './route';

const BASE = 'http://127.0.0.1:3000';

describe('people routes', () => {
  let db: Db;
  const sessions: Record<string, { cookie: string; csrfToken: string; token: string }> = {};

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: {} });
    Object.assign(sessions, await signedInUsers(db, { sam: 'supervisor', ada: 'admin' }));
  });
  afterAll(async () => {
    setRuntime(undefined);
    await db?.close();
  });

  const send = (method: string, path: string, who: string, body?: unknown) =>
    new Request(`${BASE}${path}`, {
      method,
      headers: { cookie: sessions[who]!.cookie, 'x-csrf-token': sessions[who]!.csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const user = (username: string) => ({ params: Promise.resolve({ username }) });

  it('adds a person whose one-time password works once, audited, and lists them', async () => {
    const created = await POST(send('POST', '/api/admin/users', 'ada', { username: 'Olga.K', displayName: 'Olga Krause', role: 'operator' }));
    expect(created.status).toBe(201);
    const { user: olga, oneTimePassword } = await created.json();
    expect(olga).toMatchObject({ username: 'olga.k', displayName: 'Olga Krause', role: 'operator', mustChangePassword: true });
    await expect(verifyLogin(db, 'olga.k', oneTimePassword)).resolves.toMatchObject({ username: 'olga.k' });
    const [entry] = await listAudit(db, { action: 'user.created', limit: 1 });
    expect(entry).toMatchObject({ actor: { name: 'ada (ada)' }, detail: { username: 'olga.k', role: 'operator' } });
    const { users } = await (await GET(send('GET', '/api/admin/users', 'ada'))).json();
    expect(users.map((u: { username: string }) => u.username)).toEqual(['ada', 'olga.k', 'sam']);

    const duplicate = await POST(send('POST', '/api/admin/users', 'ada', { username: 'olga.k', role: 'viewer' }));
    expect(duplicate.status).toBe(409);
    const badRole = await POST(send('POST', '/api/admin/users', 'ada', { username: 'root', role: 'superuser' }));
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).error.message).toMatch(/role/);
  });

  it('disables a person (ending their sessions) and re-enables them; a new one-time password replaces the old', async () => {
    const { user: victor } = await createUser(db, { username: 'victor', role: 'viewer' }, { kind: 'system', id: 'test', name: 'test' });
    const session = await createSession(db, { ...victor, mustChangePassword: false });
    const disabled = await PATCH(send('PATCH', '/api/admin/users/victor', 'ada', { disabled: true }), user('victor'));
    expect(disabled.status).toBe(200);
    expect((await disabled.json()).user).toMatchObject({ disabled: true });
    await expect(getSession(db, session.token)).resolves.toBeUndefined();
    expect((await PATCH(send('PATCH', '/api/admin/users/victor', 'ada', { disabled: false }), user('victor'))).status).toBe(200);

    const first = await (await resetPassword(send('POST', '/api/admin/users/victor/password-reset', 'ada'), user('victor'))).json();
    const second = await (await resetPassword(send('POST', '/api/admin/users/victor/password-reset', 'ada'), user('victor'))).json();
    await expect(verifyLogin(db, 'victor', first.oneTimePassword)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(verifyLogin(db, 'victor', second.oneTimePassword)).resolves.toMatchObject({ username: 'victor', mustChangePassword: true });
  });

  it('keeps people management to admins, and never leaves the plant without an enabled admin', async () => {
    expect((await GET(send('GET', '/api/admin/users', 'sam'))).status).toBe(403);
    expect((await POST(send('POST', '/api/admin/users', 'sam', { username: 'mallory', role: 'admin' }))).status).toBe(403);
    const noToken = new Request(`${BASE}/api/admin/users`, {
      method: 'POST',
      headers: { cookie: sessions.ada!.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mallory', role: 'admin' }),
    });
    expect((await POST(noToken)).status).toBe(403);

    const self = await PATCH(send('PATCH', '/api/admin/users/ada', 'ada', { disabled: true }), user('ada'));
    expect(self.status).toBe(409);
    expect((await self.json()).error.message).toMatch(/your own account/);
    // Another admin may disable ada (two were enabled); the last enabled admin cannot be disabled,
    // which through the CLI (no self-check there) is the guard that matters.
    sessions.bob = await signedInUser(db, 'bob', 'admin');
    expect((await PATCH(send('PATCH', '/api/admin/users/ada', 'bob', { disabled: true }), user('ada'))).status).toBe(200);
    await expect(setUserDisabled(db, 'bob', true, { kind: 'system', id: 'cli', name: 'plantpilot users disable' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('last enabled admin'),
    });
  });
});
