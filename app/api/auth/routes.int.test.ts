// Sign-in, password change and the Origin check, through the route handlers as Next calls them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_MAX_FAILURES, MAX_FAILURES } from '@/lib/auth/login-throttle';
import { createSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { signedInUser } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { CLIENT_ADDRESS_HEADER, sanitiseForwarding } from '@/lib/forwarding';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { POST as login } from './login/route';
import { POST as changePassword } from './password/route';
import { GET as session } from './session/route';

const BASE = 'http://127.0.0.1:3000';
const OLD_PASSWORD = 'first-password-2026';

describe('auth routes', () => {
  let db: Db;

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: {} });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await db?.close();
  });

  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    login(
      new Request(`${BASE}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, ...headers },
        body: JSON.stringify({ username, password }),
      }),
    );
  const whoAmI = (cookie: string) => session(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }));
  const change = (who: { cookie: string; csrfToken: string }, currentPassword: string, newPassword: string) =>
    changePassword(
      new Request(`${BASE}/api/auth/password`, {
        method: 'POST',
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: '10.0.0.9' },
        body: JSON.stringify({ currentPassword, newPassword }),
      }),
    );

  async function personWithPassword(username: string) {
    const signed = await signedInUser(db, username, 'operator');
    const { hashPassword } = await import('@/lib/auth/password');
    await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [signed.user.id, await hashPassword(OLD_PASSWORD)]);
    return signed;
  }

  it('ends the other sessions of a person who changes their password, and keeps the one that changed it', async () => {
    const here = await personWithPassword('paula');
    const elsewhere = await createSession(db, here.user);
    const elsewhereCookie = `${SESSION_COOKIE}=${encodeURIComponent(elsewhere.token)}`;
    expect((await whoAmI(elsewhereCookie)).status).toBe(200);

    const changed = await change(here, OLD_PASSWORD, 'second-password-2026');
    expect(changed.status).toBe(200);
    await expect(changed.json()).resolves.toMatchObject({ endedOtherSessions: 1 });
    expect((await whoAmI(elsewhereCookie)).status).toBe(401);
    expect((await whoAmI(here.cookie)).status).toBe(200);
  });

  it('throttles wrong current passwords on the change-password form', async () => {
    const person = await personWithPassword('quentin');
    for (let i = 0; i < MAX_FAILURES; i++) expect((await change(person, `wrong-guess-${i}`, 'another-password-2026')).status).toBe(400);
    const paused = await change(person, OLD_PASSWORD, 'another-password-2026');
    expect(paused.status).toBe(429);
    expect((await paused.json()).error.message).toMatch(/Too many wrong passwords/);
  });

  it('pauses sign-in from a client that guesses across many made-up names, and only that client', async () => {
    const attacker = { [CLIENT_ADDRESS_HEADER]: '10.6.6.6' };
    for (let i = 0; i < CLIENT_MAX_FAILURES; i++) expect((await signIn(`made-up-${i}`, 'guess-password', attacker)).status).toBe(401);
    const paused = await signIn('made-up-new', 'guess-password', attacker);
    expect(paused.status).toBe(429);
    expect((await paused.json()).error.message).toMatch(/from this computer/);
    expect((await signIn('made-up-new', 'guess-password', { [CLIENT_ADDRESS_HEADER]: '10.0.0.7' })).status).toBe(401);
  });

  it('refuses a cross-site request that claims this host in X-Forwarded-Host, unless a configured proxy sent it', async () => {
    const forged = { origin: 'http://evil.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
    expect((await signIn('nobody', 'whatever-password', forged)).status).toBe(403);

    // As the server process handles it: from an unlisted peer the forwarded headers are dropped.
    const direct = { headers: { ...forged } as Record<string, string | string[] | undefined>, socket: { remoteAddress: '10.6.6.6' } };
    sanitiseForwarding(direct as never, ['10.0.0.2']);
    expect(direct.headers['x-forwarded-host']).toBeUndefined();
    expect(direct.headers[CLIENT_ADDRESS_HEADER]).toBe('10.6.6.6');
    // From the configured proxy they are believed, and the client is the address the proxy saw.
    const proxied = {
      headers: { host: 'app:3000', 'x-forwarded-host': 'plant.example', 'x-forwarded-for': '10.9.9.9, 10.1.2.3' } as Record<
        string,
        string | string[] | undefined
      >,
      socket: { remoteAddress: '::ffff:10.0.0.2' },
    };
    sanitiseForwarding(proxied as never, ['10.0.0.2']);
    expect(proxied.headers).toMatchObject({ 'x-forwarded-host': 'plant.example', [CLIENT_ADDRESS_HEADER]: '10.1.2.3', 'x-plantpilot-forwarded-trusted': '1' });
    const viaProxy = { ...(proxied.headers as Record<string, string>), origin: 'http://plant.example' };
    expect((await signIn('nobody', 'whatever-password', viaProxy)).status).toBe(401);
  });
});
