/**
 * Outage benchmark, each with its baseline in the same run:
 *   (a) history across a database block (default 30 s) on PostgreSQL behind a TCP proxy: samples the
 *       plant reported vs stored, duplicates, gap events — this build vs the earlier policy (record
 *       only while holding the lease, no spill file);
 *   (b) failover between two instances when the holder dies with unwritten rows: lost and duplicated
 *       samples — with the standby's backfill vs without (snapshot only);
 *   (c) readiness under 20 concurrent chats (PGlite): non-200 answers and parts reported down out of
 *       200 health calls — cached background checks vs checking per request with a 3 s deadline.
 * Prints a table and writes evals/out/outages.json.
 *
 *   npx tsx evals/bench/outages.ts [--block-s 30] [--chats 20] [--health-calls 200]
 *                                  [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHistorian } from '../../connectors/historian/historian';
import { recordPlantHistory } from '../../connectors/historian/plant-recorder';
import { parseAssetMapping } from '../../connectors/opcua/asset-mapping';
import { startConnectorLease, type ConnectorLease } from '../../connectors/opcua/lease';
import { connectPlant } from '../../connectors/opcua/plant-connection';
import { startTestPlantServer, testPlantMapping, type TestPlantServer } from '../../connectors/opcua/testing/test-plant-server';
import { startAgentService } from '../../agent/agent-service';
import { createOfflineModel, OFFLINE_MODEL_NAME } from '../../agent/models/offline/offline-model';
import { PLANT_TEST_TOOLS, TEST_ASSETS } from '../../agent/testing/plant-test-tools';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { openPostgresDb } from '../../lib/db/postgres';
import { createFreshDatabase } from '../../lib/db/testing';
import { checkHealth, dbHealthCheck, startHealthMonitor, type HealthCheck } from '../../lib/health';
import { silentLogger } from '../../lib/log';
import { ToolRegistry } from '../../tools/registry';
import { startTcpProxy } from '../../test/tcp-proxy';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    'block-s': { type: 'string', default: '30' },
    chats: { type: 'string', default: '20' },
    'health-calls': { type: 'string', default: '200' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    out: { type: 'string', default: join(projectRoot, 'evals/out/outages.json') },
  },
});
const blockMs = Number(values['block-s']) * 1000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const work = mkdtempSync(join(tmpdir(), 'plantpilot-bench-outages-'));

type HistoryResult = {
  reported: number;
  stored: number;
  lost: number;
  /** Lost among the samples the surviving (recording) instance itself received: a hole in its record. */
  lostOfSurvivor: number;
  duplicated: number;
  gapEvents: number;
  samplesInGaps: number;
};

/** The lease as the earlier recorder saw it: record only while held, whatever the reason for not holding it. */
const heldOnly = (lease: ConnectorLease): ConnectorLease => ({
  get held() {
    return lease.held;
  },
  standby: true,
  onChange: (listener) => lease.onChange(listener),
  close: () => lease.close(),
});

async function historyRun(server: TestPlantServer, options: { baseline: boolean; failover: boolean }): Promise<HistoryResult> {
  const fresh = await createFreshDatabase(values['database-url']!);
  const check = await openPostgresDb({ url: fresh.url });
  await migrate(check);
  const target = new URL(fresh.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const start = async (url: string, flushIntervalMs: number) => {
    const db = await openPostgresDb({ url, connectTimeoutMs: 1000 });
    const realLease = await startConnectorLease(db, { retryMs: 500 });
    const lease = options.baseline ? heldOnly(realLease) : realLease;
    const historian = createHistorian(db, {
      flushIntervalMs,
      maxBatchRows: flushIntervalMs > 1000 ? 1_000_000 : 5000,
      spillDir: options.baseline ? undefined : join(work, `spill-${Date.now()}`),
    });
    const plant = await connectPlant({
      endpointUrl: server.endpointUrl,
      certificateDir: join(work, 'pki'),
      samplingIntervalMs: 0,
      publishingIntervalMs: 100,
      tags: { kind: 'mapping', mapping: parseAssetMapping(testPlantMapping(server.namespaceIndex, 1)) },
    });
    const recorder = recordPlantHistory({ plant, historian, lease, standbyWindowMs: options.baseline ? 0 : 120_000 });
    const seen = new Set<number>();
    plant.subscribe((update) => {
      if (update.tagId === 'TT0000' && update.value.quality === 'good' && typeof update.value.value === 'number') seen.add(update.value.value);
    });
    const stop = async () => {
      await recorder.stop().catch(() => undefined);
      await plant.close();
      await historian.close();
      await lease.close();
      await db.close();
    };
    return { db, lease, historian, plant, seen, stop };
  };
  let next = options.baseline ? 1 : 1_000_000;
  const sent: number[] = [];
  const timer = setInterval(() => {
    server.setSensor(0, next);
    sent.push(next++);
  }, 40);
  const instances: Awaited<ReturnType<typeof start>>[] = [];
  if (!options.failover) {
    const one = await start(proxy.urlFor(fresh.url), 1000);
    instances.push(one);
    await sleep(2000);
    proxy.block();
    await sleep(blockMs);
    proxy.restore();
    await sleep(5000);
  } else {
    const first = await start(proxy.urlFor(fresh.url), 60_000); // dies with unwritten rows
    const second = await start(fresh.url, 1000);
    instances.push(first, second);
    await sleep(2000);
    await first.historian.flush();
    await sleep(2500);
    proxy.block();
    await first.plant.close();
    for (let waited = 0; !second.lease.held && waited < 30_000; waited += 100) await sleep(100);
    await sleep(3000);
  }
  clearInterval(timer);
  await sleep(500);
  const live = instances.at(-1)!;
  for (let waited = 0; live.historian.stats().pending > 0 && waited < 60_000; waited += 200) await sleep(200);
  await live.historian.flush();
  const reported = sent.filter((value) => instances.some((instance) => instance.seen.has(value)));
  const { rows } = await check.query<{ value: number; n: string }>(
    "SELECT value, count(*) AS n FROM historian_samples WHERE asset_id = 'SENSORS' AND tag_id = 'TT0000' AND quality = 'good' AND value = ANY($1::float8[]) GROUP BY value",
    [reported],
  );
  const counts = new Map(rows.map((row) => [row.value, Number(row.n)]));
  const gaps = await check.query<{ samples: string }>("SELECT payload->>'samples' AS samples FROM historian_events WHERE kind = 'gap'");
  for (const instance of instances) await instance.stop().catch(() => undefined);
  await proxy.close();
  await check.close();
  await fresh.drop();
  return {
    reported: reported.length,
    stored: counts.size,
    lost: reported.filter((value) => !counts.has(value)).length,
    // Each instance samples the sensor on its own (40 ms changes, 100 ms publishing): a value only the
    // dead holder received is not a hole in the survivor's record, a value the survivor had and did not store is.
    lostOfSurvivor: reported.filter((value) => live.seen.has(value) && !counts.has(value)).length,
    duplicated: [...counts.values()].reduce((sum, n) => sum + n - 1, 0),
    gapEvents: gaps.rows.length,
    samplesInGaps: gaps.rows.reduce((sum, row) => sum + Number(row.samples), 0),
  };
}

async function healthRun(): Promise<Record<string, { non200: number; partsDown: number; calls: number }>> {
  const db: Db = await openEmbeddedDb({});
  await migrate(db);
  const agent = await startAgentService({
    db,
    log: silentLogger,
    registry: new ToolRegistry(PLANT_TEST_TOOLS),
    listAssets: async () => TEST_ASSETS,
    model: { name: OFFLINE_MODEL_NAME, kind: 'offline', chat: createOfflineModel({ listAssets: async () => TEST_ASSETS }) },
    sweepIntervalMs: 60_000,
  });
  // Parts like the app's: the database, and embeddings whose check reads the database too.
  const checks: Record<string, HealthCheck> = {
    db: dbHealthCheck(db),
    embeddings: async () => {
      await db.query('SELECT count(*) FROM schema_migrations');
      return { status: 'ok', reason: 'counted' };
    },
    plant: async () => ({ status: 'ok', reason: 'bench' }),
    material: async () => ({ status: 'ok', reason: 'bench' }),
    model: async () => ({ status: 'ok', reason: 'bench' }),
  };
  const monitor = startHealthMonitor(checks);
  await monitor.refresh();
  let chatting = true;
  const chats = Array.from({ length: Number(values.chats) }, async (_, index) => {
    const actor = { kind: 'user' as const, id: `u-${index}`, name: `User ${index}`, role: 'operator' as const };
    while (chatting) for await (const event of agent.send({ message: 'what is the state of line 1', actor })) void event;
  });
  await sleep(2000);
  const results: Record<string, { non200: number; partsDown: number; calls: number }> = {};
  for (const [label, report] of [
    ['per request, 3 s deadline (before)', () => checkHealth(checks)],
    ['cached background checks (now)', async () => monitor.report()],
  ] as const) {
    const result = { non200: 0, partsDown: 0, calls: 0 };
    for (let call = 0; call < Number(values['health-calls']); call++) {
      const answer = await report();
      result.calls++;
      if (answer.parts.db.status === 'down') result.non200++;
      result.partsDown += Object.values(answer.parts).filter((part) => part.status === 'down').length;
      await sleep(50);
    }
    results[label] = result;
  }
  chatting = false;
  await Promise.allSettled(chats);
  monitor.stop();
  await agent.close();
  await db.close();
  return results;
}

const server = await startTestPlantServer({ sensorCount: 1 });
try {
  const history = {
    block: { now: await historyRun(server, { baseline: false, failover: false }), before: await historyRun(server, { baseline: true, failover: false }) },
    failover: { now: await historyRun(server, { baseline: false, failover: true }), before: await historyRun(server, { baseline: true, failover: true }) },
  };
  const health = await healthRun();
  console.log(`\nHistory across a ${blockMs / 1000} s database block and a failover (PostgreSQL, one sensor counting every 40 ms)`);
  console.log('| scenario | build | reported | stored | lost | lost of the survivor’s own | duplicated | gap events (samples) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [scenario, pair] of Object.entries(history))
    for (const [build, row] of Object.entries(pair))
      console.log(
        `| ${scenario} | ${build} | ${row.reported} | ${row.stored} | ${row.lost} | ${row.lostOfSurvivor} | ${row.duplicated} | ${row.gapEvents} (${row.samplesInGaps}) |`,
      );
  console.log(`\nReadiness under ${values.chats} concurrent chats (PGlite)`);
  console.log('| health | calls | 503 | parts reported down |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, row] of Object.entries(health)) console.log(`| ${label} | ${row.calls} | ${row.non200} | ${row.partsDown} |`);
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, JSON.stringify({ blockSeconds: blockMs / 1000, chats: Number(values.chats), history, health }, null, 2));
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
