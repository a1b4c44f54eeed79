/**
 * The material part as the server starts it, on the real twin and the real Mosquitto broker: with a
 * broker the fleet comes online and health says how many vehicles; with an address where no broker
 * listens the app still starts, stock is served, health names the broker and a transport order is
 * refused rather than queued.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwinServer, type TwinServer } from '../connectors/twin/server';
import { loadConfig } from '../lib/config';
import { silentLogger } from '../lib/log';
import { startMaterialPart, type MaterialPart } from './material-part';

const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('material part of the server', () => {
  let twin: TwinServer;
  beforeAll(async () => {
    twin = await startTwinServer({ port: 0, seed: 2, speed: 60, tickMs: 200, hostname: '127.0.0.1', startTime: '2026-03-02T06:00:00Z' });
  }, 120_000);
  afterAll(async () => {
    await twin?.close();
  });

  it('with the broker: stock from the twin and the whole fleet online in health', async () => {
    const config = loadConfig({ PLANTPILOT_MQTT_URL: MQTT_URL, PLANTPILOT_VDA5050_INTERFACE: `pp-part-${randomUUID().slice(0, 8)}` });
    const part: MaterialPart = await startMaterialPart({ config, log: silentLogger, twin });
    try {
      expect((await part.service!.snapshot()).lineQueues.length).toBeGreaterThan(0);
      const health = await eventually(
        async () => {
          const h = await part.health();
          return h.status === 'ok' && /(\d+) of \1 vehicles online/.test(h.reason) && !/ 0 of/.test(h.reason) ? h : undefined;
        },
        20_000,
        'the fleet online',
      );
      expect(health.reason).toMatch(/twin’s material service/);
    } finally {
      await part.stop();
    }
  }, 60_000);

  it('without a broker: starts anyway, health names the broker, a transport order is refused', async () => {
    const config = loadConfig({ PLANTPILOT_MQTT_URL: 'mqtt://127.0.0.1:9', PLANTPILOT_VDA5050_INTERFACE: `pp-part-${randomUUID().slice(0, 8)}` });
    const part = await startMaterialPart({ config, log: silentLogger, twin });
    try {
      expect((await part.service!.snapshot()).deliveries.length).toBeGreaterThan(0);
      const health = await part.health();
      expect(health).toMatchObject({ status: 'degraded', reason: expect.stringMatching(/mqtt:\/\/127\.0\.0\.1:9 is not reachable.*PLANTPILOT_MQTT_URL/) });
      await expect(
        part.service!.fleetClient!.sendOrder({ orderId: 'o-1', orderUpdateId: 0, manufacturer: 'x', serialNumber: 'y', nodes: [], edges: [] }),
      ).rejects.toMatchObject({ code: 'plant_unreachable', message: expect.stringMatching(/nothing was sent/) });
    } finally {
      await part.stop();
    }
  }, 60_000);

  it('with neither a twin nor PLANTPILOT_MATERIAL_URL: no material service, and health says how to get one', async () => {
    const part = await startMaterialPart({ config: loadConfig({}), log: silentLogger });
    expect(part.service).toBeUndefined();
    expect((await part.health()).reason).toMatch(/PLANTPILOT_MATERIAL_URL/);
    await part.stop();
  });
});
