// History across outages, on a real PostgreSQL behind a TCP proxy that the test blocks, and with two
// instances sharing it: every value the plant sent is stored exactly once, or lies inside a gap the
// historian recorded. A sensor counts up (1, 2, 3, …) so a missing or doubled value shows.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openPostgresDb } from '../../lib/db/postgres';
import { createFreshDatabase } from '../../lib/db/testing';
import { eventually } from '../../test/eventually';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy';
import { parseAssetMapping } from '../opcua/asset-mapping';
import { startConnectorLease, type ConnectorLease } from '../opcua/lease';
import { connectPlant, type PlantConnection } from '../opcua/plant-connection';
import { startTestPlantServer, testPlantMapping, type TestPlantServer } from '../opcua/testing/test-plant-server';
import { createHistorian, type Historian, type HistorianOptions } from './historian';
import { recordPlantHistory, type PlantRecorder } from './plant-recorder';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Instance = { db: Db; lease: ConnectorLease; historian: Historian; plant: PlantConnection; recorder: PlantRecorder };

describe.runIf(TEST_DATABASE_URL)('plant history across database outages and failover (PostgreSQL)', () => {
  let fresh: { url: string; drop(): Promise<void> };
  let server: TestPlantServer;
  let workDir: string;
  let check: Db;
  const instances: Instance[] = [];
  const proxies: TcpProxy[] = [];

  const startInstance = async (url: string, historianOptions: HistorianOptions = {}): Promise<Instance> => {
    const db = await openPostgresDb({ url, connectTimeoutMs: 1000 });
    const lease = await startConnectorLease(db, { retryMs: 200 });
    const historian = createHistorian(db, { flushIntervalMs: 50, ...historianOptions });
    const plant = await connectPlant({
      endpointUrl: server.endpointUrl,
      certificateDir: path.join(workDir, 'pki'),
      samplingIntervalMs: 0, // every change is reported, so each value sent is one the recorder sees
      publishingIntervalMs: 50,
      tags: { kind: 'mapping', mapping: parseAssetMapping(testPlantMapping(server.namespaceIndex, 1)) },
    });
    const instance = { db, lease, historian, plant, recorder: recordPlantHistory({ plant, historian, lease }) };
    instances.push(instance);
    return instance;
  };
  const stopInstance = async (instance: Instance) => {
    instances.splice(instances.indexOf(instance), 1);
    await instance.recorder.stop().catch(() => undefined);
    await instance.plant.close();
    await instance.historian.close();
    await instance.lease.close();
    await instance.db.close();
  };
  const proxied = async () => {
    const target = new URL(fresh.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    proxies.push(proxy);
    return proxy;
  };

  /** Counts start, start + 1, … on the sensor every `everyMs` until stopped; returns the values it set. */
  const countUp = (start: number, everyMs = 40) => {
    let next = start;
    const sent: number[] = [];
    let lastSetMs = 0;
    const timer = setInterval(() => {
      // A loaded machine can run two late ticks in the same millisecond; the history keeps one value
      // per tag and source time (to the millisecond), so the second would rightly not be stored. The
      // test server stamps each value with the wall clock, so distinct milliseconds here are distinct there.
      if (Date.now() <= lastSetMs) return;
      lastSetMs = Date.now();
      server.setSensor(0, next);
      sent.push(next++);
    }, everyMs);
    return {
      sent,
      stop: async () => {
        clearInterval(timer);
        await sleep(300); // the last notifications reach the client
        return sent;
      },
    };
  };
  /** The values the plant actually reported to an instance (the server may merge two quick changes into one). */
  const observe = (...watched: Instance[]) => {
    const seen = new Set<number>();
    for (const instance of watched)
      instance.plant.subscribe((update) => {
        if (update.tagId === 'TT0000' && update.value.quality === 'good' && typeof update.value.value === 'number') seen.add(update.value.value);
      });
    return (sent: number[]) => sent.filter((value) => seen.has(value));
  };
  const storedCounts = async (values: number[]) => {
    const { rows } = await check.query<{ value: number; n: string }>(
      "SELECT value, count(*) AS n FROM historian_samples WHERE asset_id = 'SENSORS' AND tag_id = 'TT0000' AND quality = 'good' AND value = ANY($1::float8[]) GROUP BY value",
      [values],
    );
    return new Map(rows.map((row) => [row.value, Number(row.n)]));
  };
  const gapEvents = async () =>
    (await check.query<{ payload: { from: string; to: string; samples: number } }>("SELECT payload FROM historian_events WHERE kind = 'gap'")).rows.map(
      (row) => row.payload,
    );

  beforeAll(async () => {
    fresh = await createFreshDatabase(TEST_DATABASE_URL!);
    check = await openPostgresDb({ url: fresh.url });
    await migrate(check);
    workDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-history-outage-'));
    server = await startTestPlantServer({ sensorCount: 1 });
  });
  afterEach(async () => {
    for (const instance of [...instances]) await stopInstance(instance).catch(() => undefined);
    for (const proxy of proxies.splice(0)) await proxy.close();
    await check.query('TRUNCATE historian_samples, historian_events');
  });
  afterAll(async () => {
    await server?.close();
    await check?.close();
    await fresh?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('keeps every sample through a database block — memory, then the spill file — and stores none twice', async () => {
    const proxy = await proxied();
    const spillDir = path.join(workDir, 'spill-a');
    const instance = await startInstance(proxy.urlFor(fresh.url), { spillDir, maxBufferedRows: 20 });
    const reported = observe(instance);
    // From 100: the test server's sensor starts at 20, and that first value is the server's, not the counter's.
    const counter = countUp(100);
    await sleep(500);
    proxy.block();
    await eventually(() => instance.historian.stats().spilled > 0, 20_000, 'rows to spill to disk once memory is full');
    await sleep(3000);
    expect((await readdir(spillDir)).length).toBeGreaterThan(0);
    proxy.restore();
    await sleep(1000);
    const sent = reported(await counter.stop());
    await eventually(() => instance.historian.stats().pending === 0, 20_000, 'the backlog to be written');

    const stored = await storedCounts(sent);
    // Each value with how often it was stored, so a failure says hole (0) or duplicate (2).
    expect(sent.filter((value) => stored.get(value) !== 1).map((value) => [value, stored.get(value) ?? 0])).toEqual([]);
    expect(await gapEvents()).toEqual([]);
    expect(instance.historian.stats().dropped).toBe(0);
    expect(await readdir(spillDir)).toEqual([]);
  });

  it('writes what does not fit in memory and spill as a marked gap, and everything else once', async () => {
    const proxy = await proxied();
    const instance = await startInstance(proxy.urlFor(fresh.url), { spillDir: path.join(workDir, 'spill-b'), maxBufferedRows: 10, maxSpilledRows: 10 });
    const reported = observe(instance);
    const counter = countUp(1000);
    await sleep(400);
    proxy.block();
    await eventually(() => instance.historian.stats().dropped > 0, 20_000, 'the buffers to fill up');
    await sleep(500);
    proxy.restore();
    await sleep(500);
    const sent = reported(await counter.stop());
    await eventually(() => instance.historian.stats().pending === 0, 20_000, 'the backlog to be written');
    await instance.historian.flush();

    const gaps = await gapEvents();
    expect(gaps.length).toBeGreaterThan(0);
    const stored = await storedCounts(sent);
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
    const missing = sent.filter((value) => !stored.has(value));
    expect(missing.length).toBeGreaterThan(0);
    // Every missing sample is counted in a gap, and no stored sample lies inside one: no unmarked hole.
    expect(gaps.reduce((sum, gap) => sum + gap.samples, 0)).toBe(instance.historian.stats().dropped);
    expect(missing.length).toBeLessThanOrEqual(instance.historian.stats().dropped);
    const { rows } = await check.query<{ n: string }>(
      `SELECT count(*) AS n FROM historian_samples s, historian_events g
       WHERE g.kind = 'gap' AND s.asset_id = 'SENSORS' AND s.tag_id = 'TT0000'
         AND s.time > (g.payload->>'from')::timestamptz AND s.time < (g.payload->>'to')::timestamptz`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('fails over without a hole or a duplicate: the new holder backfills what the dead one never wrote', async () => {
    const firstProxy = await proxied();
    // The first holder buffers for a long time before it writes, so it dies with unwritten rows.
    const first = await startInstance(firstProxy.urlFor(fresh.url), { flushIntervalMs: 60_000, maxBatchRows: 100_000 });
    const second = await startInstance(fresh.url);
    expect([first.lease.held, second.lease.held]).toEqual([true, false]);
    // What the survivor saw is what it can backfill. The server samples each subscription on its own,
    // so under load two quick changes can merge into one for one instance and not the other; a value
    // only the dead instance saw, and never wrote, is lost with it.
    const survivorSaw = observe(second);
    const eitherSaw = observe(first, second);
    const counter = countUp(5000);
    await sleep(800);
    await first.historian.flush(); // some history is written …
    await sleep(600); // … and some is not, when the process dies
    expect(first.historian.stats().pending).toBeGreaterThan(0);
    // Death: its connections to the database go and it does nothing more.
    firstProxy.block();
    await first.plant.close();
    await eventually(() => second.lease.held, 20_000, 'the standby to take over the lease');
    await sleep(800);
    const values = await counter.stop();
    await second.historian.flush();

    const sent = survivorSaw(values);
    const stored = await storedCounts(eitherSaw(values));
    expect(sent.length).toBeGreaterThan(20);
    // Each value with how often it was stored, so a failure says hole (0) or duplicate (2).
    expect(sent.filter((value) => stored.get(value) !== 1).map((value) => [value, stored.get(value) ?? 0])).toEqual([]);
    expect([...stored].filter(([, count]) => count > 1)).toEqual([]);
    expect(await gapEvents()).toEqual([]);
  });
});
