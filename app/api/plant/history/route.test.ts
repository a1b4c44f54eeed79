import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistorian, type Historian } from '@/connectors/historian/historian';
import { signedInUser } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { createRegistry } from '@/tools/registry';
import { standInPlant } from '../_testing/stand-in-plant';
import { GET } from './route';

const T0 = Date.parse('2025-03-03T06:00:00Z');

describe('GET /api/plant/history', () => {
  let db: Db;
  let historian: Historian;
  let cookie: string;

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    historian = createHistorian(db, { flushIntervalMs: 50 });
    for (let second = 0; second < 120; second++) {
      historian.record({ time: new Date(T0 + second * 1000), assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', value: 230 + (second % 10), quality: 'good' });
    }
    await historian.flush();
    setRuntime({
      config: loadConfig({}),
      log: silentLogger,
      db,
      startedAt: new Date(),
      health: {},
      services: { registry: createRegistry({ plant: standInPlant().plant, historian }) },
    });
    ({ cookie } = await signedInUser(db, 'vera', 'viewer'));
  });

  afterAll(async () => {
    setRuntime(undefined);
    await historian.close();
    await db.close();
  });

  const get = (query: Record<string, string>, headers: Record<string, string> = { cookie }) =>
    GET(new Request(`http://127.0.0.1:3000/api/plant/history?${new URLSearchParams(query)}`, { headers }));

  it('returns buckets with the unit for a loosely named asset', async () => {
    const response = await get({ asset: 'oven line 1', tag: 'Zone4.TemperatureC', from: '2025-03-03T06:00:00Z', to: '2025-03-03T06:02:00Z', resolution: '1m' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ assetId: 'L1-RFL', unit: '°C', resolution: { bucketSeconds: 60 } });
    expect(body.buckets).toHaveLength(2);
    expect(body.buckets[0]).toMatchObject({ min: 230, max: 239, count: 60, badCount: 0 });
  });

  it('answers bad requests with a clear 4xx and no session with 401', async () => {
    const reversed = await get({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', from: '2025-03-03T07:00:00Z', to: '2025-03-03T06:00:00Z' });
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error.message).toMatch(/must be before/);
    const unknownTag = await get({ asset: 'L1-RFL', tag: 'Nope' });
    expect(unknownTag.status).toBe(404);
    const badResolution = await get({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', resolution: 'weekly' });
    expect(badResolution.status).toBe(400);
    expect((await get({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC' }, {})).status).toBe(401);
  });
});
