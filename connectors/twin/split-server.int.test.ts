/**
 * A twin server that serves one line of a split plant: only that line's machines are in its address
 * space, and only their alarms are published, while the whole plant is still simulated behind it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@/test/eventually';
import { subscribeAlarmEvents, type AlarmEvent } from '@/connectors/opcua/alarm-events';
import { connectPlant, type PlantConnection } from '@/connectors/opcua/plant-connection';
import { startTwinServer, type TwinServer } from './server';

describe('twin server for one line', () => {
  let server: TwinServer;
  let plant: PlantConnection;
  let pkiDir: string;

  beforeAll(async () => {
    pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-split-server-'));
    server = await startTwinServer({ port: 0, areas: ['Line1'], speed: 60, tickMs: 100 });
    plant = await connectPlant({ endpointUrl: server.endpointUrl, certificateDir: pkiDir, tags: { kind: 'browse' } });
  });
  afterAll(async () => {
    await plant?.close();
    await server?.close();
    await rm(pkiDir, { recursive: true, force: true });
  });

  it('serves only its line, without the plant clock unless asked', () => {
    const assets = plant.listAssets();
    expect(new Set(assets.map((asset) => asset.line))).toEqual(new Set(['Line1']));
    expect(assets.map((asset) => asset.id)).not.toContain('Plant');
  });

  it('publishes alarms of its own machines only', async () => {
    const received: AlarmEvent[] = [];
    const subscription = await subscribeAlarmEvents(plant, (event) => received.push(event));
    try {
      server.twin.injectFault('L2-RFL', 'E-260', 600_000);
      server.twin.injectFault('L1-RFL', 'E-260', 600_000);
      await eventually(() => received.find((event) => event.assetId === 'L1-RFL' && event.code === 'E-260'), 15_000, 'the Line1 alarm');
      expect(received.some((event) => event.assetId === 'L2-RFL')).toBe(false);
    } finally {
      await subscription.close();
    }
  });
});
