import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { GET } from './route';

const REASON =
  'embedded PGlite (/srv/plantpilot/.plantpilot/db), query round trip 1 ms; newest backup 2 h ago, one every 24 h in /srv/plantpilot/.plantpilot/backups';

describe('GET /api/health and server paths', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    const health = {
      db: async () => ({ status: 'ok' as const, reason: REASON }),
      plant: async () => ({ status: 'ok' as const, reason: 'connected to opc.tcp://127.0.0.1:4840/UA/Plant, 120 tags' }),
    };
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health, services: {} });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await db?.close();
  });

  it('tells someone not signed in whether the app is up, without its absolute paths', async () => {
    const body = await (await GET(new Request('http://127.0.0.1:3000/api/health'))).json();
    expect(body.parts.db.status).toBe('ok');
    expect(body.parts.db.reason).not.toMatch(/\/srv\//);
    expect(body.parts.db.reason).toMatch(/^embedded PGlite \(\(a path on the server\)\), query round trip 1 ms/);
    // URLs are not file paths: the plant endpoint stays readable.
    expect(body.parts.plant.reason).toBe('connected to opc.tcp://127.0.0.1:4840/UA/Plant, 120 tags');
  });

  it('shows the paths to someone signed in', async () => {
    const viewer = await signedInUser(db, 'vera', 'viewer');
    const body = await (await GET(new Request('http://127.0.0.1:3000/api/health', { headers: { cookie: viewer.cookie } }))).json();
    expect(body.parts.db.reason).toBe(REASON);
  });
});
