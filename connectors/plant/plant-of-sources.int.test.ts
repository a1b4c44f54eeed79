/**
 * One plant over three real sources, the way the issue's example splits it: Line1 and Line2 each
 * from their own OPC UA twin server, the utilities from a twin Sparkplug B edge node on the real
 * broker. Every asset is found with its source, writes reach both kinds of source through the
 * write path, a dead source's values turn Bad while the others stay Good and come back with it,
 * a source down at start is retried on its own, and duplicate asset ids are refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@/test/eventually';
import { isAppError } from '@/lib/errors';
import { connectPlant } from '@/connectors/opcua/plant-connection';
import { waitForValue, writeValue } from '@/connectors/opcua/write-path';
import { connectSparkplug } from '@/connectors/sparkplug/sparkplug-source';
import { TEST_BROKER_URL, requireBroker, uniqueId } from '@/connectors/sparkplug/testing/broker';
import { startTwinServer, type TwinServer } from '@/connectors/twin/server';
import { PlantTwin } from '@/connectors/twin/simulation';
import { startTwinClock } from '@/connectors/twin/twin-clock';
import { startTwinEdgeNodes } from '@/connectors/twin/sparkplug-edge-node';
import type { ValueUpdate } from '@/connectors/opcua/plant-connection';
import { openPlantOfSources, type PlantOfSources, type SourceSpec } from './plant-of-sources';

const OPERATOR = { type: 'username', username: 'operator', password: 'plantpilot' } as const;
let pkiDir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  await requireBroker();
  pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-sources-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => rm(pkiDir, { recursive: true, force: true }));

function opcuaSpec(id: string, endpointUrl: string): SourceSpec {
  return {
    id,
    kind: 'opcua',
    address: endpointUrl,
    connect: () =>
      connectPlant({
        endpointUrl,
        certificateDir: path.join(pkiDir, id),
        identity: OPERATOR,
        tags: { kind: 'browse' },
        staleWindowMs: 2_000,
        publishingIntervalMs: 100,
        connectTimeoutMs: 5_000,
        reconnectInitialDelayMs: 100,
        reconnectMaxDelayMs: 500,
      }),
  };
}

async function lineServer(area: 'Line1' | 'Line2', port = 0): Promise<TwinServer> {
  const server = await startTwinServer({ port, areas: [area], plantItems: area === 'Line1', speed: 10, tickMs: 100 });
  cleanups.push(() => server.close());
  return server;
}

async function utilities(): Promise<SourceSpec> {
  const groupId = uniqueId('Plant');
  const twin = new PlantTwin({ seed: 1, startTime: new Date() });
  cleanups.push(startTwinClock(twin, { tickMs: 100, speed: 10 }));
  const nodes = await startTwinEdgeNodes({ brokerUrl: TEST_BROKER_URL, groupId, areas: ['Utilities'], twin, publishIntervalMs: 200 });
  cleanups.push(() => nodes.close());
  return {
    id: 'utilities',
    kind: 'sparkplug',
    address: TEST_BROKER_URL,
    connect: () => connectSparkplug({ brokerUrl: TEST_BROKER_URL, groupId, edgeNodeId: 'Utilities' }),
  };
}

async function open(specs: SourceSpec[], retryMs?: number): Promise<PlantOfSources> {
  const plant = await openPlantOfSources(specs, { name: 'site TEST', retryMs });
  cleanups.push(() => plant.close());
  return plant;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a plant of several sources', () => {
  it('shows the assets of every source with their source, and writes to both kinds with read-back', async () => {
    const [line1, line2] = [await lineServer('Line1'), await lineServer('Line2')];
    const plant = await open([opcuaSpec('line1', line1.endpointUrl), opcuaSpec('line2', line2.endpointUrl), await utilities()]);
    await eventually(() => plant.listAssets().some((asset) => asset.id === 'UT-CHL'), 15_000, 'the utilities to be born');

    const sourceOf = new Map(plant.listAssets().map((asset) => [asset.id, asset.source]));
    expect(sourceOf.get('Plant')).toBe('line1');
    expect(sourceOf.get('L1-RFL')).toBe('line1');
    expect(sourceOf.get('L2-RFL')).toBe('line2');
    expect(sourceOf.get('UT-AIR')).toBe('utilities');
    expect(plant.getAsset('L2-RFL').source).toBe('line2');
    expect(plant.getValue('UT-AIR', 'PressureBar')).toMatchObject({ unit: 'bar', quality: 'good' });
    expect(plant.getValue('L1-RFL', 'Zone4.TemperatureC')).toMatchObject({ unit: '°C', quality: 'good' });
    expect(plant.state).toBe('connected');
    expect(plant.sources().map((source) => [source.id, source.state])).toEqual([
      ['line1', 'connected'],
      ['line2', 'connected'],
      ['utilities', 'connected'],
    ]);

    const opcuaWrite = await writeValue(plant, 'L2-RFL', 'Zone4.SetpointC', 241);
    expect(opcuaWrite.readBack).toMatchObject({ value: 241, quality: 'good' });
    expect(line2.twin.readValue('L2-RFL', 'Zone4.SetpointC')).toBe(241);
    const sparkplugWrite = await writeValue(plant, 'UT-CHL', 'SupplyTempSetpointC', 15);
    expect(sparkplugWrite.readBack).toMatchObject({ value: 15, quality: 'good', unit: '°C' });
    const [read] = await plant.readNow([{ assetId: 'L1-RFL', tagId: 'Zone4.SetpointC' }]);
    expect(read!.value.quality).toBe('good');
    expect(() => plant.getValue('NOPE', 'x')).toThrow(/Unknown asset NOPE/);
  });

  it('marks a dead source Bad while the others stay Good, and Good again when it returns', async () => {
    const line1 = await lineServer('Line1');
    let line2 = await lineServer('Line2');
    const port = line2.port;
    const plant = await open([opcuaSpec('line1', line1.endpointUrl), opcuaSpec('line2', line2.endpointUrl), await utilities()]);
    await eventually(() => plant.listAssets().some((asset) => asset.id === 'UT-AIR'), 15_000, 'the utilities to be born');
    const updates: ValueUpdate[] = [];
    cleanups.push(plant.subscribe((update) => updates.push(update)));

    await line2.close();
    await eventually(() => plant.getValue('L2-RFL', 'Zone4.TemperatureC').quality === 'bad', 15_000, 'Line2 values to turn Bad');
    expect(plant.getValue('L1-RFL', 'Zone4.TemperatureC').quality).toBe('good');
    expect(plant.getValue('UT-AIR', 'PressureBar').quality).toBe('good');
    expect(plant.state).toBe('reconnecting');
    expect(plant.sources().find((source) => source.id === 'line2')!.state).toBe('reconnecting');
    expect(updates.some((update) => update.assetId === 'L2-RFL' && update.value.quality === 'bad')).toBe(true);
    const refused = await writeValue(plant, 'L2-RFL', 'Zone4.SetpointC', 240).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('plant_unreachable');

    line2 = await lineServer('Line2', port);
    await eventually(() => plant.getValue('L2-RFL', 'Zone4.TemperatureC').quality === 'good', 30_000, 'Line2 values to be Good again');
    await eventually(() => plant.state === 'connected', 15_000, 'the plant to be connected again');
  });

  it('serves the sources it can reach and retries one that is down at start on its own', async () => {
    const line1 = await lineServer('Line1');
    const port = await freePort();
    const plant = await open([opcuaSpec('line1', line1.endpointUrl), opcuaSpec('line2', `opc.tcp://localhost:${port}`)], 300);
    expect(plant.sources()[1]).toMatchObject({
      id: 'line2',
      state: 'connecting',
      problem: expect.stringMatching(/Cannot reach the plant at opc\.tcp:\/\/localhost/),
    });
    expect(plant.getValue('L1-RFL', 'Zone4.TemperatureC').quality).toBe('good');
    expect(() => plant.getAsset('L2-RFL')).toThrow(/Not connected yet: source line2/);

    const seen: ValueUpdate[] = [];
    cleanups.push(plant.subscribe((update) => seen.push(update)));
    await lineServer('Line2', port);
    await eventually(() => plant.sources()[1]!.state === 'connected', 30_000, 'line2 to connect on retry');
    expect(plant.getValue('L2-RFL', 'Zone4.TemperatureC').quality).toBe('good');
    const result = await waitForValue(plant, 'L2-RFL', 'Zone4.TemperatureC', (value) => value.quality === 'good', 5_000);
    expect(result.ok).toBe(true);
    expect(seen.some((update) => update.assetId === 'L2-RFL')).toBe(true);
  });

  it('refuses two sources that serve the same asset id', async () => {
    const first = await lineServer('Line1');
    const second = await lineServer('Line1');
    const error = await openPlantOfSources([opcuaSpec('a', first.endpointUrl), opcuaSpec('b', second.endpointUrl)], { name: 'site TEST' }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.code).toBe('config_invalid');
    expect((error as Error).message).toMatch(
      /Asset ids must be unique across the plant's sources, but source b \(opc\.tcp:\/\/[^)]+\) serves Plant \(also in a\), L1-PRN \(also in a\)/,
    );
  });
});
