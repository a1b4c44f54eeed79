import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { standInPlant } from '../_testing/stand-in-plant';
import { GET } from './route';

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp, timeoutMs = 5000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(text)) {
    if (Date.now() > deadline) throw new Error(`Stream did not send ${pattern} in time; got: ${text}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('GET /api/plant/stream', () => {
  let db: Db;
  let cookie: string;
  const fake = standInPlant();

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: { plant: fake.plant } });
    ({ cookie } = await signedInUser(db, 'vera', 'viewer'));
  });

  afterAll(async () => {
    setRuntime(undefined);
    await db.close();
  });

  it('refuses a request without a session', async () => {
    const response = await GET(new Request('http://127.0.0.1:3000/api/plant/stream'));
    expect(response.status).toBe(401);
  });

  it('streams the snapshot, then updates with quality, and lets go of its listeners on abort', async () => {
    const abort = new AbortController();
    const response = await GET(new Request('http://127.0.0.1:3000/api/plant/stream', { headers: { cookie }, signal: abort.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const first = await readUntil(reader, /event: snapshot\ndata: .*\n\n/);
    const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(first)![1]!);
    expect(snapshot.machines[0]).toMatchObject({ id: 'L1-RFL', line: 'Line1', values: { State: { value: 'Execute', quality: 'good' } } });
    expect(fake.listeners()).toBe(2);

    fake.push({ value: 'Held', quality: 'uncertain', statusText: 'UncertainLastUsableValue: no message from the plant' });
    const next = await readUntil(reader, /event: update\ndata: .*\n\n/);
    const update = JSON.parse(/event: update\ndata: (.*)\n/.exec(next)![1]!);
    expect(update).toEqual([
      {
        assetId: 'L1-RFL',
        tagId: 'State',
        value: { value: 'Held', unit: null, sourceTimestamp: '2025-03-03T06:00:00.000Z', quality: 'uncertain', status: expect.stringMatching(/^Uncertain/) },
      },
    ]);

    abort.abort();
    expect(fake.listeners()).toBe(0);
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });

  it('also lets go when the reader cancels', async () => {
    const response = await GET(new Request('http://127.0.0.1:3000/api/plant/stream', { headers: { cookie } }));
    const reader = response.body!.getReader();
    await readUntil(reader, /event: snapshot/);
    expect(fake.listeners()).toBe(2);
    await reader.cancel();
    expect(fake.listeners()).toBe(0);
  });
});
