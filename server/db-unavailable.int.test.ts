// A database outage as people and clients meet it: a real PostgreSQL taken away behind a TCP proxy
// (connections dropped, new ones refused) and a real database that stops accepting connections
// (SQLSTATE 57P01 for the sessions it ends, 55000 for new ones). Every face says the same thing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as sessionRoute } from '@/app/api/auth/session/route';
import { GET as healthRoute } from '@/app/api/health/route';
import { GET as liveRoute } from '@/app/api/health/live/route';
import { eventually } from '@/test/eventually';
import { startTcpProxy, type TcpProxy } from '@/test/tcp-proxy';
import { signedInUser, type SignedIn } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { dbHealthCheck, startHealthMonitor, type HealthMonitor } from '@/lib/health';
import { errorResponse } from '@/lib/http';
import { silentLogger } from '@/lib/log';
import { setRuntime } from './runtime';
import { answerDbUnavailable, needsDatabase } from './db-gate';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { openPostgresDb } from '@/lib/db/postgres';
import { createFreshDatabase } from '@/lib/db/testing';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const WORDS = /the database is unavailable, retrying/i;

describe.runIf(TEST_DATABASE_URL)('a database outage on PostgreSQL', () => {
  let fresh: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let db: Db;
  let readiness: HealthMonitor;
  let person: SignedIn;
  let gate: http.Server;
  let gateUrl: string;

  beforeAll(async () => {
    fresh = await createFreshDatabase(TEST_DATABASE_URL!);
    const target = new URL(fresh.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    db = await openPostgresDb({ url: proxy.urlFor(fresh.url), connectTimeoutMs: 1000 });
    await migrate(db);
    person = await signedInUser(db, 'olga', 'operator');
    readiness = startHealthMonitor({ db: dbHealthCheck(db) }, { intervalMs: 100 });
    await readiness.refresh();
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: { db: dbHealthCheck(db) }, readiness, services: {} });
    // The app server's front door, with nothing behind it but "200 served".
    gate = http.createServer((req, res) => {
      if (readiness.dbDown() && needsDatabase((req.url ?? '/').split('?')[0]!)) return answerDbUnavailable(req, res, readiness.report().parts.db.reason);
      res.writeHead(200).end('served');
    });
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    setRuntime(undefined);
    readiness?.stop();
    await new Promise((resolve) => gate?.close(resolve));
    await db?.close();
    await proxy?.close();
    await fresh?.drop();
  });

  const sessionRequest = () => new Request('http://app/api/auth/session', { headers: { cookie: person.cookie } });

  it('answers 503 with Retry-After and the same words on routes, pages and health while blocked, and recovers by itself', async () => {
    expect((await sessionRoute(sessionRequest())).status).toBe(200);

    proxy.block();
    const thrown = await db.query('SELECT 1').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('db_unavailable');
    expect((thrown as AppError).message).toMatch(WORDS);

    const route = await sessionRoute(sessionRequest());
    expect(route.status).toBe(503);
    expect(route.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await route.json()).error).toMatchObject({ code: 'db_unavailable', message: expect.stringMatching(WORDS) });

    await eventually(() => readiness.dbDown(), 10_000, 'readiness to see the database down');
    const health = await healthRoute();
    expect(health.status).toBe(503);
    expect((await health.json()).parts.db.status).toBe('down');
    expect((await liveRoute()).status).toBe(200);

    // The sign-in page and every other page: one outage page, not a 500.
    for (const path of ['/login', '/chat', '/plant']) {
      const page = await fetch(`${gateUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await page.text()).toMatch(WORDS);
    }
    const api = await fetch(`${gateUrl}/api/chat`, { method: 'POST', body: '{}' });
    expect(api.status).toBe(503);
    expect((await api.json()).error.message).toMatch(WORDS);
    expect((await fetch(`${gateUrl}/api/health/live`)).status).toBe(200);

    proxy.restore();
    await eventually(() => !readiness.dbDown(), 10_000, 'readiness to see the database back');
    expect((await sessionRoute(sessionRequest())).status).toBe(200);
    expect((await fetch(`${gateUrl}/login`)).status).toBe(200);
  });

  it('maps a database that stops accepting connections (57P01, then 55000) to db_unavailable', async () => {
    const name = new URL(fresh.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      const codes = new Set<string>();
      for (let attempt = 0; attempt < 3; attempt++) {
        const error = await db.query('SELECT 1').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('db_unavailable');
        const cause = (error as AppError).cause as { code?: string };
        if (cause?.code) codes.add(cause.code);
      }
      expect(codes.has('55000') || codes.has('57P01')).toBe(true);
      const response = errorResponse(await db.query('SELECT 1').catch((caught: unknown) => caught));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await eventually(
      async () =>
        (await db.query('SELECT 1').then(
          () => true,
          () => false,
        )) || undefined,
      10_000,
      'the database to accept connections again',
    );
  });
});
