/**
 * OPC UA connector and historian benchmark, with its baselines in the same run:
 *   (a) batch read of 1,000 tags through the connector vs a raw node-opcua client on the same server
 *       (target: connector ≤ 1.2× raw, medians);
 *   (b) twin value change → connector cache update latency, p50/p95 (target: p95 ≤ 2× publishing interval);
 *   (c) historian ingest rows/s into PGlite and PostgreSQL (target: ≥ 20,000 rows/s into PostgreSQL).
 * Prints a table and writes evals/out/opcua.json.
 *
 *   npx tsx evals/bench/opcua.ts [--reads 200] [--changes 40] [--rows 200000] [--publishing-ms 250]
 *                                [--database-url postgres://postgres@127.0.0.1:5432/postgres | --database-url none]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AttributeIds, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy } from 'node-opcua';
import pg from 'pg';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { openPostgresDb } from '../../lib/db/postgres';
import { createHistorian } from '../../connectors/historian/historian';
import { parseAssetMapping } from '../../connectors/opcua/asset-mapping';
import { withPlantConnection, type TagRef } from '../../connectors/opcua/plant-connection';
import { startTestPlantServer, testPlantMapping } from '../../connectors/opcua/testing/test-plant-server';
import { startTwinServer } from '../../connectors/twin/server';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    // 50 reads left the p50 ratio at the mercy of one busy moment on a loaded 2-core machine.
    reads: { type: 'string', default: '200' },
    changes: { type: 'string', default: '40' },
    rows: { type: 'string', default: '200000' },
    'publishing-ms': { type: 'string', default: '250' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    out: { type: 'string', default: join(projectRoot, 'evals/out/opcua.json') },
  },
});
const reads = Number(values.reads);
const changes = Number(values.changes);
const rowCount = Number(values.rows);
const publishingIntervalMs = Number(values['publishing-ms']);
const TAG_COUNT = 1000;

const pkiDir = mkdtempSync(join(tmpdir(), 'plantpilot-bench-opcua-'));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const summarise = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length };
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** (a) The same 1,000-node read, alternating connector and raw client so drift hits both alike. */
async function batchRead() {
  const server = await startTestPlantServer({ sensorCount: TAG_COUNT });
  const certificateManager = new OPCUACertificateManager({ rootFolder: join(pkiDir, 'raw-pki'), automaticallyAcceptUnknownCertificate: true });
  const raw = OPCUAClient.create({
    endpointMustExist: false,
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    clientCertificateManager: certificateManager,
    connectionStrategy: { maxRetry: 0 },
  });
  try {
    const mapping = parseAssetMapping(testPlantMapping(server.namespaceIndex, TAG_COUNT));
    const refs: TagRef[] = mapping.assets[1]!.tags.map((tag) => ({ assetId: 'SENSORS', tagId: tag.id }));
    const nodesToRead = mapping.assets[1]!.tags.map((tag) => ({ nodeId: tag.nodeId, attributeId: AttributeIds.Value }));
    await raw.connect(server.endpointUrl);
    const session = await raw.createSession();
    try {
      return await withPlantConnection(
        { endpointUrl: server.endpointUrl, certificateDir: join(pkiDir, 'pki'), tags: { kind: 'mapping', mapping } },
        async (plant) => {
          const connectorMs: number[] = [];
          const rawMs: number[] = [];
          for (let round = -5; round < reads; round++) {
            let start = performance.now();
            const viaConnector = await plant.readNow(refs);
            const connectorTime = performance.now() - start;
            start = performance.now();
            const viaRaw = await session.read(nodesToRead);
            const rawTime = performance.now() - start;
            if (viaConnector.length !== TAG_COUNT || viaRaw.length !== TAG_COUNT) throw new Error('short read');
            if (round >= 0) {
              connectorMs.push(connectorTime);
              rawMs.push(rawTime);
            }
          }
          return { connector: summarise(connectorMs), raw: summarise(rawMs) };
        },
      );
    } finally {
      await session.close();
    }
  } finally {
    await raw.disconnect();
    await certificateManager.dispose();
    await server.close();
  }
}

/** (b) A setpoint changed inside the twin until the connector's cache shows it. */
async function changeLatency() {
  const twin = await startTwinServer({ port: 0, seed: 1, speed: 1, tickMs: 1000 });
  try {
    return await withPlantConnection(
      { endpointUrl: twin.endpointUrl, certificateDir: join(pkiDir, 'pki'), publishingIntervalMs, samplingIntervalMs: 100, tags: { kind: 'browse' } },
      async (plant) => {
        const tag = plant
          .listAssets()
          .find((asset) => asset.id === 'L1-RFL')!
          .tags.find((candidate) => candidate.id === 'Zone4.SetpointC')!;
        const [low, high] = [tag.range!.low, tag.range!.high];
        const latenciesMs: number[] = [];
        let missed = 0;
        for (let index = 0; index < changes; index++) {
          const target = low + ((index * 7) % Math.max(1, Math.floor(high - low)));
          const seen = new Promise<number | null>((resolveSeen) => {
            const timer = setTimeout(() => {
              unsubscribe();
              resolveSeen(null);
            }, 5000);
            const unsubscribe = plant.subscribe((update) => {
              if (update.assetId === 'L1-RFL' && update.tagId === 'Zone4.SetpointC' && update.value.value === target) {
                clearTimeout(timer);
                unsubscribe();
                resolveSeen(performance.now());
              }
            });
          });
          if (plant.getValue('L1-RFL', 'Zone4.SetpointC').value === target) continue;
          const start = performance.now();
          twin.twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', target);
          const at = await seen;
          if (at === null) missed += 1;
          else latenciesMs.push(at - start);
          // Decorrelate the next change from the publishing cycle.
          await new Promise((pause) => setTimeout(pause, 50 + ((index * 37) % publishingIntervalMs)));
        }
        return { ...summarise(latenciesMs), missed };
      },
    );
  } finally {
    await twin.close();
  }
}

/** (c) Samples through the historian's batching writer until the last batch is committed. */
async function ingest(db: Db, rows: number) {
  await migrate(db);
  const historian = createHistorian(db, { flushIntervalMs: 200, maxBatchRows: 5000 });
  const start0 = Date.UTC(2025, 2, 3);
  const started = performance.now();
  for (let index = 0; index < rows; index++) {
    historian.record({
      time: new Date(start0 + index * 10),
      assetId: `M${index % 20}`,
      tagId: `T${index % 50}`,
      value: index * 0.5,
      quality: 'good',
      statusCode: 0,
    });
  }
  await historian.flush();
  const seconds = (performance.now() - started) / 1000;
  await historian.close();
  const { rows: counted } = await db.query<{ n: string }>('SELECT count(*) AS n FROM historian_samples');
  if (Number(counted[0]!.n) !== rows) throw new Error(`expected ${rows} rows, found ${counted[0]!.n}`);
  return { rows, seconds: round(seconds, 3), rowsPerSecond: Math.round(rows / seconds) };
}

async function ingestPostgres(adminUrl: string, rows: number) {
  const name = `plantpilot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openPostgresDb({ url: url.toString() });
    try {
      return await ingest(db, rows);
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

console.log(`OPC UA connector and historian benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
try {
  const read = await batchRead();
  const latency = await changeLatency();
  const pgliteDb = await openEmbeddedDb({});
  const pgliteIngest = await ingest(pgliteDb, Math.min(rowCount, 100_000)).finally(() => pgliteDb.close());
  const postgresIngest = values['database-url'] === 'none' ? null : await ingestPostgres(values['database-url']!, rowCount);

  const readRatio = read.connector.p50 / read.raw.p50;
  const rows = [
    ['(a) read 1,000 tags, connector p50 / p95', `${round(read.connector.p50)} / ${round(read.connector.p95)} ms`, ''],
    ['(a) read 1,000 tags, raw client p50 / p95', `${round(read.raw.p50)} / ${round(read.raw.p95)} ms`, ''],
    ['(a) connector / raw (p50)', `${round(readRatio)}×`, readRatio <= 1.2 ? 'meets ≤ 1.2×' : 'MISSES ≤ 1.2×'],
    [
      `(b) twin change → cache p50 / p95 (publishing ${publishingIntervalMs} ms)`,
      `${round(latency.p50, 0)} / ${round(latency.p95, 0)} ms (n=${latency.n}, missed ${latency.missed})`,
      latency.p95 <= 2 * publishingIntervalMs && latency.missed === 0 ? `meets ≤ ${2 * publishingIntervalMs} ms` : `MISSES ≤ ${2 * publishingIntervalMs} ms`,
    ],
    ['(c) historian ingest, PGlite', `${pgliteIngest.rowsPerSecond.toLocaleString('en')} rows/s (${pgliteIngest.rows.toLocaleString('en')} rows)`, ''],
    [
      '(c) historian ingest, PostgreSQL',
      postgresIngest ? `${postgresIngest.rowsPerSecond.toLocaleString('en')} rows/s (${postgresIngest.rows.toLocaleString('en')} rows)` : 'skipped',
      postgresIngest ? (postgresIngest.rowsPerSecond >= 20_000 ? 'meets ≥ 20,000' : 'MISSES ≥ 20,000') : '',
    ],
  ];
  const width = [Math.max(...rows.map((row) => row[0]!.length)), Math.max(...rows.map((row) => row[1]!.length))];
  for (const [what, result, verdict] of rows) console.log(`${what!.padEnd(width[0]!)}  ${result!.padEnd(width[1]!)}  ${verdict}`);

  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(
    values.out!,
    JSON.stringify(
      {
        cpu: cpus()[0]?.model ?? null,
        cores: cpus().length,
        node: process.version,
        batchRead: { tags: TAG_COUNT, reads, connectorMs: read.connector, rawMs: read.raw, ratioP50: round(readRatio, 3), target: 1.2 },
        changeLatency: { publishingIntervalMs, samplingIntervalMs: 100, latencyMs: latency, targetP95Ms: 2 * publishingIntervalMs },
        ingest: { pglite: pgliteIngest, postgres: postgresIngest, targetPostgresRowsPerSecond: 20_000 },
      },
      null,
      2,
    ),
  );
  console.log(`\nwrote ${values.out}`);
} finally {
  rmSync(pkiDir, { recursive: true, force: true });
}
