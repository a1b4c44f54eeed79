/**
 * Plant scale benchmark (issue 20): one app instance on a plant of many sources — by default 20 OPC UA
 * servers × 1,000 tags and a Sparkplug B edge node with 5,000 metrics on the real MQTT broker — wired
 * the way the app wires a plant configuration file (startPlantSources: one composite plant over all
 * sources, a lease per source, the historian recording every change into the database). While values
 * change at a given rate across the plant, it measures this process (the app): resident memory (peak
 * and end), CPU, change → cache latency p50/p95/max from the plant's live updates, and historian rows/s
 * written. Targets: change → cache p95 ≤ 2× the publishing interval, peak RSS ≤ 1.5 GiB.
 * Prints a markdown table and writes evals/out/plant-scale.json.
 *
 *   npx tsx evals/bench/plant-scale.ts [--servers 20] [--tags 1000] [--sparkplug-metrics 5000]
 *        [--publishing-ms 500] [--duration-s 60] [--changes-per-s 2000] [--server-processes 4]
 *        [--database-url postgres://postgres@127.0.0.1:5432/postgres | --database-url pglite]
 *        [--broker mqtt://127.0.0.1:1883]
 *
 * The servers and the edge node run in child processes (this same file, forked with --role): the RSS
 * and CPU reported are the app's own, which in-process servers (node-opcua address spaces of 1,000
 * variables each, and the encoding of every change) would inflate, and on a small machine their work
 * would also sit on the app's event loop and distort its latency. The database is PostgreSQL in its
 * own server by default (not counted in the app's RSS/CPU); with --database-url pglite it is the
 * embedded one, which runs in a worker thread of the app and so is counted, as it would be in the app.
 *
 * How latency is measured: each change writes the time it was made into the value itself
 * (MARK + milliseconds since a shared epoch), so the app needs no side channel: when the update for
 * that value arrives through plant.subscribe (after the source's cache took it), now − change time is
 * the change → cache latency. Both sides read the same machine clock. Tags are changed round-robin,
 * so a tag changes again only after every other tag of its server did, and no change is superseded
 * inside one publishing interval: changes made − changes seen are changes lost.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const thisFile = fileURLToPath(import.meta.url);
const projectRoot = resolve(dirname(thisFile), '../..');
const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '20' },
    tags: { type: 'string', default: '1000' },
    'sparkplug-metrics': { type: 'string', default: '5000' },
    'publishing-ms': { type: 'string', default: '500' },
    'duration-s': { type: 'string', default: '60' },
    'changes-per-s': { type: 'string', default: '2000' },
    'server-processes': { type: 'string', default: '4' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    broker: { type: 'string', default: process.env.PLANTPILOT_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883' },
    out: { type: 'string', default: join(projectRoot, 'evals/out/plant-scale.json') },
    // Internal: what a forked child is.
    role: { type: 'string' },
    count: { type: 'string' },
    group: { type: 'string' },
    node: { type: 'string' },
  },
});

/** Changed values are MARK + ms since the epoch: far above every initial value (sensors start at 20 + index, metrics at 0). */
const MARK = 1e9;
const TAGS_PER_ASSET = 100;
const METRICS_PER_DEVICE = 500;
const TICK_MS = 20;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

type ToChild = { type: 'go'; epochMs: number; ratePerS: number } | { type: 'stop' } | { type: 'close' };
type FromChild =
  { type: 'ready'; servers?: { endpointUrl: string; namespaceIndex: number }[] } | { type: 'stopped'; made: number } | { type: 'error'; message: string };

/** Makes `ratePerS` changes a second, spread over TICK_MS ticks, until stopped; `change(k)` makes the k-th one. */
function changeDriver(change: (count: number, epochMs: number) => void | Promise<void>) {
  let made = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  return {
    go(epochMs: number, ratePerS: number) {
      const startedMs = Date.now();
      timer = setInterval(() => {
        const due = Math.floor(((Date.now() - startedMs) / 1000) * ratePerS) - made;
        if (due <= 0) return;
        made += due;
        running = running.then(() => change(due, epochMs)).catch((error: unknown) => console.error(error));
      }, TICK_MS);
    },
    async stop() {
      clearInterval(timer);
      await running;
      return made;
    },
  };
}

/** A child's side of the conversation: go, stop (answers with the changes made), close. */
function childMain(driver: ReturnType<typeof changeDriver>, close: () => Promise<void>) {
  process.on('message', (message: ToChild) => {
    if (message.type === 'go') driver.go(message.epochMs, message.ratePerS);
    if (message.type === 'stop') void driver.stop().then((made) => process.send!({ type: 'stopped', made } satisfies FromChild));
    if (message.type === 'close') void close().finally(() => process.exit(0));
  });
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
}

/** Child: `count` test plant servers with `tags` sensors each, changed round-robin on request. */
async function runServers(count: number, tags: number) {
  const { startTestPlantServer } = await import('../../connectors/opcua/testing/test-plant-server');
  const servers = await Promise.all(Array.from({ length: count }, () => startTestPlantServer({ sensorCount: tags })));
  let next = 0;
  const driver = changeDriver((due, epochMs) => {
    const value = MARK + (Date.now() - epochMs);
    for (let index = 0; index < due; index++, next++) {
      // Server by server, sensor by sensor: consecutive changes go to different servers.
      servers[next % count]!.setSensor(Math.floor(next / count) % tags, value);
    }
  });
  childMain(driver, async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  process.send!({
    type: 'ready',
    servers: servers.map((server) => ({ endpointUrl: server.endpointUrl, namespaceIndex: server.namespaceIndex })),
  } satisfies FromChild);
}

/** Child: one Sparkplug B edge node with `metrics` Double metrics in devices of METRICS_PER_DEVICE, data by alias. */
async function runEdgeNode(brokerUrl: string, groupId: string, edgeNodeId: string, metrics: number) {
  const { default: mqtt } = await import('mqtt');
  const codec = await import('../../connectors/sparkplug/sparkplug-codec');
  const { BD_SEQ_METRIC, REBIRTH_METRIC, encode, decode, formatTopic, nextSeq } = codec;
  const deviceCount = Math.ceil(metrics / METRICS_PER_DEVICE);
  const deviceId = (device: number) => `${edgeNodeId}-D${String(device).padStart(2, '0')}`;
  const metricName = (index: number) => `Line/Sensor${String(index).padStart(5, '0')}`;
  const current = Array.from({ length: metrics }, () => 0);
  const bdSeq = 0;
  const will = {
    topic: formatTopic({ groupId, type: 'NDEATH', edgeNodeId }),
    payload: encode({ timestamp: Date.now(), metrics: [{ name: BD_SEQ_METRIC, type: 'UInt64', value: bdSeq }] }),
    qos: 1 as const,
    retain: false,
  };
  const client = await mqtt.connectAsync(brokerUrl, { clientId: `bench-edge-${process.pid}`, will, reconnectPeriod: 0 });
  let seq = 0;
  // Publishing is serialised so sequence numbers reach the broker in order.
  let queue: Promise<unknown> = Promise.resolve();
  const send = (type: 'NBIRTH' | 'DBIRTH' | 'DDATA', device: number | undefined, payload: Parameters<typeof encode>[0]) => {
    const topic = formatTopic({ groupId, type, edgeNodeId, ...(device === undefined ? {} : { deviceId: deviceId(device) }) });
    queue = queue.then(() => client.publishAsync(topic, encode({ timestamp: Date.now(), ...payload }), { qos: 0 }));
    return queue;
  };
  const births = async () => {
    seq = 0;
    await send('NBIRTH', undefined, {
      seq: 0,
      metrics: [
        { name: BD_SEQ_METRIC, type: 'UInt64', value: bdSeq },
        { name: 'Node Info/Name', type: 'String', value: 'Scale bench edge node' },
        { name: REBIRTH_METRIC, type: 'Boolean', value: false },
      ],
    });
    for (let device = 0; device < deviceCount; device++) {
      const first = device * METRICS_PER_DEVICE;
      const last = Math.min(metrics, first + METRICS_PER_DEVICE);
      seq = nextSeq(seq);
      await send('DBIRTH', device, {
        seq,
        metrics: Array.from({ length: last - first }, (_, offset) => ({
          name: metricName(first + offset),
          alias: first + offset,
          type: 'Double' as const,
          value: current[first + offset]!,
          timestamp: Date.now(),
          properties: { engUnit: { type: 'String' as const, value: '°C' } },
        })),
      });
    }
  };
  client.on('message', (_topic, bytes) => {
    const payload = decode(bytes);
    if (payload.metrics?.some((metric) => metric.name === REBIRTH_METRIC && metric.value === true)) void births();
  });
  await client.subscribeAsync(formatTopic({ groupId, type: 'NCMD', edgeNodeId }));
  await births();
  let next = 0;
  const driver = changeDriver(async (due, epochMs) => {
    const nowMs = Date.now();
    const value = MARK + (nowMs - epochMs);
    const byDevice = new Map<number, { alias: number; type: 'Double'; value: number; timestamp: number }[]>();
    for (let index = 0; index < due; index++, next++) {
      const metric = next % metrics;
      current[metric] = value;
      const device = Math.floor(metric / METRICS_PER_DEVICE);
      const changed = byDevice.get(device) ?? [];
      changed.push({ alias: metric, type: 'Double', value, timestamp: nowMs });
      byDevice.set(device, changed);
    }
    for (const [device, changed] of byDevice) {
      seq = nextSeq(seq);
      await send('DDATA', device, { seq, metrics: changed });
    }
  });
  childMain(driver, async () => {
    await client.endAsync(true);
  });
  process.send!({ type: 'ready' } satisfies FromChild);
}

/** Forks this file in a role and waits for its ready message. */
async function startChild(args: string[]): Promise<{ child: ChildProcess; ready: Extract<FromChild, { type: 'ready' }> }> {
  const child = fork(thisFile, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Extract<FromChild, { type: 'ready' }>>((resolveReady, reject) => {
    child.once('message', (message: FromChild) => (message.type === 'ready' ? resolveReady(message) : reject(new Error(JSON.stringify(message)))));
    child.once('exit', (code) => reject(new Error(`child ${args.join(' ')} exited with ${code} before it was ready`)));
  });
  return { child, ready };
}

function stopChild(child: ChildProcess): Promise<number> {
  return new Promise((resolveMade, reject) => {
    const timer = setTimeout(() => reject(new Error('a child did not stop within 30 s')), 30_000);
    child.once('message', (message: FromChild) => {
      clearTimeout(timer);
      if (message.type === 'stopped') resolveMade(message.made);
      else reject(new Error(JSON.stringify(message)));
    });
    child.send({ type: 'stop' } satisfies ToChild);
  });
}

async function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.send({ type: 'close' } satisfies ToChild);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const mib = (bytes: number) => round(bytes / 2 ** 20, 0);

async function benchmark() {
  const serverCount = Number(values.servers);
  const tagsPerServer = Number(values.tags);
  const sparkplugMetrics = Number(values['sparkplug-metrics']);
  const publishingIntervalMs = Number(values['publishing-ms']);
  const durationS = Number(values['duration-s']);
  const changesPerS = Number(values['changes-per-s']);
  const processCount = Math.max(1, Math.min(serverCount, Number(values['server-processes'])));
  const databaseUrl = values['database-url']!;
  const brokerUrl = values.broker!;
  const targetRssMiB = 1536;
  const targetP95Ms = 2 * publishingIntervalMs;

  // The app's modules, loaded here only so the children stay free of them.
  const { parsePlantConfig } = await import('../../connectors/plant/plant-config');
  const { startPlantSources } = await import('../../connectors/plant/start-plant-sources');
  const { migrate } = await import('../../lib/db/migrate');
  const { openEmbeddedDb } = await import('../../lib/db/pglite');
  const { openPostgresDb } = await import('../../lib/db/postgres');
  const { createFreshDatabase } = await import('../../lib/db/testing');

  console.log(
    `Plant scale benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mib(totalmem())} MiB, Node ${process.version}, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${serverCount} OPC UA servers × ${tagsPerServer} tags (in ${processCount} child processes) + Sparkplug node with ${sparkplugMetrics} metrics; ` +
      `publishing ${publishingIntervalMs} ms; ${changesPerS} changes/s for ${durationS} s; database ${databaseUrl === 'pglite' ? 'PGlite (in process)' : 'PostgreSQL'}`,
  );

  const work = mkdtempSync(join(tmpdir(), 'plantpilot-bench-scale-'));
  const children: ChildProcess[] = [];
  let rssPeak = process.memoryUsage.rss();
  const rssSampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 200);
  let dropDb: (() => Promise<void>) | undefined;
  const db =
    databaseUrl === 'pglite'
      ? await openEmbeddedDb({})
      : await createFreshDatabase(databaseUrl).then(async (fresh) => {
          dropDb = fresh.drop;
          return openPostgresDb({ url: fresh.url });
        });
  let services: Awaited<ReturnType<typeof startPlantSources>> | undefined;
  try {
    await migrate(db);
    // The sources' processes: servers split as evenly as the count allows.
    const started = await Promise.all(
      Array.from({ length: processCount }, (_, index) => {
        const count = Math.floor(serverCount / processCount) + (index < serverCount % processCount ? 1 : 0);
        return startChild(['--role', 'servers', '--count', String(count), '--tags', String(tagsPerServer)]);
      }),
    );
    const groupId = `ScaleBench-${process.pid}-${Date.now().toString(36)}`;
    const edgeNodeId = 'Edge1';
    const edge =
      sparkplugMetrics > 0
        ? await startChild(['--role', 'edge', '--broker', brokerUrl, '--group', groupId, '--node', edgeNodeId, '--sparkplug-metrics', String(sparkplugMetrics)])
        : undefined;
    children.push(...started.map((entry) => entry.child), ...(edge ? [edge.child] : []));
    const endpoints = started.flatMap((entry) => entry.ready.servers!);

    // A mapping file per server, as a plant would have: assets of TAGS_PER_ASSET tags, ids unique across the plant.
    const sources: unknown[] = endpoints.map((server, serverIndex) => {
      const prefix = `S${String(serverIndex + 1).padStart(2, '0')}`;
      const assets = Array.from({ length: Math.ceil(tagsPerServer / TAGS_PER_ASSET) }, (_, assetIndex) => ({
        id: `${prefix}-M${String(assetIndex + 1).padStart(2, '0')}`,
        name: `Server ${serverIndex + 1} machine ${assetIndex + 1}`,
        line: prefix,
        tags: Array.from({ length: Math.min(TAGS_PER_ASSET, tagsPerServer - assetIndex * TAGS_PER_ASSET) }, (_, offset) => {
          const sensor = assetIndex * TAGS_PER_ASSET + offset;
          return { id: `TT${String(sensor).padStart(4, '0')}`, nodeId: `ns=${server.namespaceIndex};i=${100_000 + sensor}`, unit: '°C' };
        }),
      }));
      const mappingFile = join(work, `${prefix}.json`);
      writeFileSync(mappingFile, JSON.stringify({ assets }));
      return { id: prefix.toLowerCase(), opcua: { endpoint: server.endpointUrl, mappingFile, publishingIntervalMs } };
    });
    if (edge) sources.push({ id: 'sparkplug', sparkplug: { broker: brokerUrl, groupId, edgeNodeId } });
    const config = parsePlantConfig({ site: { id: `SCALE${process.pid}` }, sources }, 'The benchmark plant', work);

    const connectStartedMs = Date.now();
    services = await startPlantSources({ db, dataDir: work, config, retryMs: 2000 });
    const plant = services.plant;
    const expectedTags = serverCount * tagsPerServer + sparkplugMetrics;
    const tagCount = () => plant.listAssets().reduce((sum, asset) => sum + asset.tags.length, 0);
    for (let waited = 0; (tagCount() < expectedTags || plant.state !== 'connected') && waited < 180_000; waited += 250) await sleep(250);
    const connectS = (Date.now() - connectStartedMs) / 1000;
    const statuses = plant.sources();
    const connected = statuses.filter((source) => source.state === 'connected').length;
    for (const source of statuses.filter((candidate) => candidate.state !== 'connected' || candidate.problem))
      console.log(`  source ${source.id}: ${source.state}${source.problem ? ` — ${source.problem}` : ''}`);

    // Change → cache latency, from the plant's own live updates.
    let epochMs = 0;
    const latencies: number[] = [];
    const lastSeen = new Map<string, number>();
    const latencyByKind = { opcua: [] as number[], sparkplug: [] as number[] };
    plant.subscribe((update) => {
      const value = update.value.value;
      if (update.value.quality !== 'good' || typeof value !== 'number' || value < MARK || epochMs === 0) return;
      const key = `${update.assetId}\u0000${update.tagId}`;
      if ((lastSeen.get(key) ?? 0) >= value) return; // a repeat (a reconnect's read), not a new change
      lastSeen.set(key, value);
      const latencyMs = Date.now() - (epochMs + value - MARK);
      latencies.push(latencyMs);
      (update.assetId.startsWith(edgeNodeId) ? latencyByKind.sparkplug : latencyByKind.opcua).push(latencyMs);
    });

    // Warm-up: the connect snapshot written, the event loop settled.
    const historian = services.historian;
    for (let waited = 0; historian.stats().pending > 0 && waited < 30_000; waited += 250) await sleep(250);
    await sleep(2000);

    const opcuaShare = expectedTags === 0 ? 0 : (serverCount * tagsPerServer) / expectedTags;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const written0 = historian.stats().written;
    const cpu0 = process.cpuUsage();
    const window0 = performance.now();
    epochMs = Date.now();
    loopDelay.enable();
    for (const entry of started) {
      const servers = entry.ready.servers!.length;
      entry.child.send({ type: 'go', epochMs, ratePerS: (changesPerS * opcuaShare * servers) / Math.max(1, serverCount) } satisfies ToChild);
    }
    edge?.child.send({ type: 'go', epochMs, ratePerS: changesPerS * (1 - opcuaShare) } satisfies ToChild);
    await sleep(durationS * 1000);
    const made = await Promise.all(children.map((child) => stopChild(child)));
    const windowS = (performance.now() - window0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    loopDelay.disable();
    const stats1 = historian.stats();
    const rssEnd = process.memoryUsage.rss();
    // Let the last changes arrive before counting what was lost.
    await sleep(2 * publishingIntervalMs + 2000);
    const drainStartedMs = Date.now();
    await historian.flush();
    const drainS = (Date.now() - drainStartedMs) / 1000;
    const stats2 = historian.stats();
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);

    const changesMade = made.reduce((sum, n) => sum + n, 0);
    const summary = (samples: number[]) => {
      const sorted = Float64Array.from(samples).sort();
      return { n: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN };
    };
    const latency = summary(latencies);
    const rowsPerS = (stats1.written - written0) / windowS;
    const cpuPct = ((cpu.user + cpu.system) / 1000 / (windowS * 1000)) * 100;
    const monitored = statuses.reduce((sum, source) => sum + source.monitoredItems, 0);
    const lost = changesMade - latency.n;
    const latencyHolds = latency.n > 0 && latency.p95 <= targetP95Ms && lost === 0;
    const rssHolds = rssPeak <= targetRssMiB * 2 ** 20;

    const result = {
      machine: { cpu: cpus()[0]?.model ?? null, cores: cpus().length, memoryMiB: mib(totalmem()), node: process.version, loadAverageAtEnd: loadavg() },
      parameters: { servers: serverCount, tagsPerServer, sparkplugMetrics, publishingIntervalMs, durationS, changesPerS, serverProcesses: processCount },
      database: databaseUrl === 'pglite' ? 'pglite' : 'postgresql',
      sources: { configured: statuses.length, connected, connectSeconds: round(connectS, 1) },
      tags: { inAssetModel: tagCount(), expected: expectedTags, monitoredItems: monitored },
      rssMiB: { peak: mib(rssPeak), end: mib(rssEnd), target: targetRssMiB, holds: rssHolds },
      cpu: { percentOfOneCore: round(cpuPct), percentOfMachine: round(cpuPct / cpus().length), windowSeconds: round(windowS, 1) },
      // A 10 ms timer's intervals: the smallest reading is about 10 ms.
      eventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
      changes: { made: changesMade, seen: latency.n, lost, offeredPerS: round(changesMade / windowS, 0) },
      latencyMs: {
        all: latency,
        opcua: summary(latencyByKind.opcua),
        sparkplug: summary(latencyByKind.sparkplug),
        targetP95: targetP95Ms,
        holds: latencyHolds,
      },
      historian: {
        rowsPerSecond: round(rowsPerS, 0),
        writtenInWindow: stats1.written - written0,
        pendingAtWindowEnd: stats1.pending,
        drainSeconds: round(drainS, 1),
        writtenTotal: stats2.written,
        dropped: stats2.dropped,
        spilled: stats2.spilled,
        failures: stats2.failures,
      },
    };

    const verdict = (holds: boolean, target: string) => (holds ? `meets ${target}` : `MISSES ${target}`);
    const rows: [string, string, string][] = [
      ['sources connected', `${connected} of ${statuses.length} (in ${round(connectS, 1)} s)`, connected === statuses.length ? '' : 'MISSING SOURCES'],
      [
        'tags in the asset model / OPC UA monitored items',
        `${tagCount().toLocaleString('en')} / ${monitored.toLocaleString('en')}`,
        tagCount() === expectedTags ? '' : `expected ${expectedTags}`,
      ],
      ['RSS of the app process, peak / end', `${mib(rssPeak)} / ${mib(rssEnd)} MiB`, verdict(rssHolds, `≤ ${targetRssMiB} MiB`)],
      ['CPU of the app process (window)', `${round(cpuPct)} % of one core (${round(cpuPct / cpus().length)} % of ${cpus().length} cores)`, ''],
      ['event loop delay p99 / max (10 ms timer included)', `${result.eventLoopDelayMs.p99} / ${result.eventLoopDelayMs.max} ms`, ''],
      [
        'changes made / seen in the cache',
        `${changesMade.toLocaleString('en')} / ${latency.n.toLocaleString('en')} (${round(changesMade / windowS, 0)}/s)`,
        lost === 0 ? '' : `${lost} LOST`,
      ],
      [
        'change → cache p50 / p95 / max, all',
        `${round(latency.p50, 0)} / ${round(latency.p95, 0)} / ${round(latency.max, 0)} ms`,
        verdict(latencyHolds, `p95 ≤ ${targetP95Ms} ms`),
      ],
      [
        '  OPC UA',
        `${round(result.latencyMs.opcua.p50, 0)} / ${round(result.latencyMs.opcua.p95, 0)} / ${round(result.latencyMs.opcua.max, 0)} ms (n=${result.latencyMs.opcua.n})`,
        '',
      ],
      [
        '  Sparkplug',
        `${round(result.latencyMs.sparkplug.p50, 0)} / ${round(result.latencyMs.sparkplug.p95, 0)} / ${round(result.latencyMs.sparkplug.max, 0)} ms (n=${result.latencyMs.sparkplug.n})`,
        '',
      ],
      [
        'historian rows/s written (window)',
        `${round(rowsPerS, 0).toLocaleString('en')} (pending ${stats1.pending} at the end, drained in ${round(drainS, 1)} s)`,
        stats2.dropped > 0 || stats2.failures > 0 ? `${stats2.dropped} dropped, ${stats2.failures} failures` : '',
      ],
    ];
    console.log('\n| measure | result | target |');
    console.log('| --- | --- | --- |');
    for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
    console.log(`\nTargets ${latencyHolds && rssHolds ? 'hold' : 'DO NOT all hold'}.`);

    mkdirSync(dirname(values.out!), { recursive: true });
    writeFileSync(values.out!, JSON.stringify(result, null, 2));
    console.log(`wrote ${values.out}`);
  } finally {
    clearInterval(rssSampler);
    await services?.close().catch((error: unknown) => console.error('closing the plant:', error));
    await Promise.all(children.map((child) => closeChild(child)));
    await db.close();
    await dropDb?.();
    rmSync(work, { recursive: true, force: true });
  }
}

if (values.role === 'servers') await runServers(Number(values.count), Number(values.tags));
else if (values.role === 'edge') await runEdgeNode(values.broker!, values.group!, values.node!, Number(values['sparkplug-metrics']));
else {
  await benchmark();
  process.exit(0);
}
