import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssetMapping, parseAssetMapping } from './asset-mapping';
import { connectPlant, type PlantConnection, type PlantConnectionOptions, type Quality } from './plant-connection';
import { startTestPlantServer, testPlantMapping, type TestPlantServer } from './testing/test-plant-server';
import { callMethod, waitForValue, writeValue } from './write-path';
import { eventually } from '../../test/eventually';

const OPERATOR = { username: 'operator', password: 'secret' };

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

describe('plant connection on a server with its own address space and a mapping file', () => {
  let server: TestPlantServer;
  let pkiDir: string;
  let mappingFile: string;
  let baseOptions: Omit<PlantConnectionOptions, 'tags'>;

  beforeAll(async () => {
    pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-opcua-client-'));
    server = await startTestPlantServer({ sensorCount: 4, users: [OPERATOR] });
    mappingFile = path.join(pkiDir, 'plant-mapping.yaml');
    await writeFile(mappingFile, YAML.stringify(testPlantMapping(server.namespaceIndex, 4)));
    baseOptions = {
      endpointUrl: server.endpointUrl,
      certificateDir: path.join(pkiDir, 'pki'),
      identity: { type: 'username', ...OPERATOR },
      staleWindowMs: 1500,
      samplingIntervalMs: 50,
      publishingIntervalMs: 100,
      reconnectInitialDelayMs: 100,
      reconnectMaxDelayMs: 500,
    };
  });

  afterAll(async () => {
    await server?.close();
    await rm(pkiDir, { recursive: true, force: true });
  });

  it('reads and follows mapped tags with unit, timestamps and quality', async () => {
    const plant = await connectPlant({ ...baseOptions, tags: { kind: 'mapping', mapping: await loadAssetMapping(mappingFile) } });
    try {
      expect(plant.listAssets().map((asset) => asset.id)).toEqual(['OVEN-1', 'SENSORS']);
      const setpoint = plant.getValue('OVEN-1', 'SetpointC');
      expect(setpoint).toMatchObject({ value: 240, unit: '°C', quality: 'good', statusCode: 0 });
      expect(setpoint.sourceTimestamp).toBeInstanceOf(Date);
      expect(setpoint.serverTimestamp).toBeInstanceOf(Date);
      expect(plant.getAsset('OVEN-1').values.Recipe!.value).toBe('PCB-A');
      expect(plant.stats().monitoredItems).toBe(6);
      expect(server.monitoredItemCount()).toBe(6);

      server.setSensor(2, 123.5);
      const seen = await waitForValue(plant, 'SENSORS', 'TT0002', (value) => value.value === 123.5, 5000);
      expect(seen.ok).toBe(true);
      expect(seen.observed.quality).toBe('good');

      expect(() => plant.getValue('OVEN-9', 'SetpointC')).toThrow(/Unknown asset OVEN-9/);
      expect(() => plant.getValue('OVEN-1', 'Nope')).toThrow(/has no tag Nope/);
    } finally {
      await plant.close();
    }
  });

  it('writes through the write path with read-back, and refuses with clear errors', async () => {
    const mapping = parseAssetMapping(testPlantMapping(server.namespaceIndex, 4));
    mapping.assets[0]!.tags.push({ id: 'Ghost', nodeId: `ns=${server.namespaceIndex};i=9999`, writable: true });
    const plant = await connectPlant({ ...baseOptions, tags: { kind: 'mapping', mapping } });
    try {
      const result = await writeValue(plant, 'OVEN-1', 'SetpointC', 250);
      expect(result.readBack).toMatchObject({ value: 250, quality: 'good' });
      expect(server.setpointC).toBe(250);
      const settled = await waitForValue(plant, 'OVEN-1', 'SetpointC', (value) => value.value === 250, 5000);
      expect(settled.ok).toBe(true);

      await expect(writeValue(plant, 'OVEN-1', 'SetpointC', 300)).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(/150–260 °C/),
      });
      await expect(writeValue(plant, 'OVEN-1', 'Recipe', 'PCB-B')).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(/read-only/),
      });
      await expect(writeValue(plant, 'OVEN-1', 'Ghost', 1)).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/i=9999/) });
      expect(plant.getValue('OVEN-1', 'Ghost').quality).toBe('bad');

      const ramp = await callMethod(plant, 'OVEN-1', 'Ramp', [200]);
      expect(ramp.outputs).toEqual([200]);
      expect(server.setpointC).toBe(200);
      await expect(callMethod(plant, 'OVEN-1', 'Ramp', [900])).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(/BadOutOfRange/),
      });
      await expect(callMethod(plant, 'OVEN-1', 'Ramp', [])).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/TargetC/) });
      await expect(callMethod(plant, 'OVEN-1', 'Explode', [])).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await plant.close();
    }
  });

  it('gives a clear error naming a bad endpoint URL', async () => {
    const endpointUrl = 'opc.tcp://127.0.0.1:1';
    const error = await connectPlant({ ...baseOptions, endpointUrl, tags: { kind: 'mapping', mapping: parseAssetMapping(testPlantMapping(2)) } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'plant_unreachable', message: expect.stringContaining(endpointUrl) });
    expect((error as Error).message).toMatch(/connection refused/);
  });

  it('leaves no session, subscription or timer behind after close', async () => {
    const before = handleCounts();
    const plant = await connectPlant({ ...baseOptions, tags: { kind: 'mapping', mapping: parseAssetMapping(testPlantMapping(server.namespaceIndex, 4)) } });
    expect(server.sessionCount()).toBe(1);
    await plant.close();
    await plant.close();
    expect(plant.state).toBe('closed');
    await eventually(() => server.sessionCount() === 0 && server.monitoredItemCount() === 0, 5000, 'the server to drop the session');
    await eventually(
      () => {
        const after = handleCounts();
        return (after.Timeout ?? 0) <= (before.Timeout ?? 0) && (after.TCPSocketWrap ?? 0) <= (before.TCPSocketWrap ?? 0);
      },
      5000,
      `timers and sockets to be released (before ${JSON.stringify(before)}, now ${JSON.stringify(handleCounts())})`,
    );
  });
});

describe('plant connection across a server stop and restart', () => {
  it('turns values Bad while down, Good after reconnect, without duplicating monitored items', async () => {
    const pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-opcua-restart-'));
    let server = await startTestPlantServer({ sensorCount: 3 });
    const mapping = parseAssetMapping(testPlantMapping(server.namespaceIndex, 3));
    let plant: PlantConnection | undefined;
    try {
      plant = await connectPlant({
        endpointUrl: server.endpointUrl,
        certificateDir: path.join(pkiDir, 'pki'),
        staleWindowMs: 1500,
        samplingIntervalMs: 50,
        publishingIntervalMs: 100,
        reconnectInitialDelayMs: 100,
        reconnectMaxDelayMs: 500,
        tags: { kind: 'mapping', mapping },
      });
      const connected = plant;
      const qualities = () =>
        new Set<Quality>(connected.listAssets().flatMap((asset) => Object.values(connected.getAsset(asset.id).values).map((value) => value.quality)));
      expect([...qualities()]).toEqual(['good']);
      expect(server.monitoredItemCount()).toBe(5);

      const port = server.port;
      await server.close();
      await eventually(() => qualities().size === 1 && qualities().has('bad'), 1500 + 2000, 'every value to turn Bad');
      expect(connected.state).toBe('reconnecting');
      expect(connected.getValue('SENSORS', 'TT0001')).toMatchObject({ value: 21, quality: 'bad', statusText: expect.stringMatching(/BadNotConnected/) });

      server = await startTestPlantServer({ port, sensorCount: 3 });
      await eventually(() => connected.state === 'connected' && qualities().size === 1 && qualities().has('good'), 20_000, 'values to come back Good');
      expect(connected.stats().reconnects).toBeGreaterThanOrEqual(1);
      await eventually(() => server.monitoredItemCount() === 5, 5000, 'monitored items to be re-created');
      // Give a duplicate re-creation time to show up before counting again.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(server.monitoredItemCount()).toBe(5);
      expect(connected.stats().monitoredItems).toBe(5);

      server.setSensor(0, 77);
      expect((await waitForValue(connected, 'SENSORS', 'TT0000', (value) => value.value === 77, 5000)).ok).toBe(true);
    } finally {
      await plant?.close();
      await server.close();
      await rm(pkiDir, { recursive: true, force: true });
    }
  });
});
