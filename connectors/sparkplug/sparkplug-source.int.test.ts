/**
 * The Sparkplug B source against the real Mosquitto broker and a scripted edge node: births become
 * assets with units, aliases resolve, sequence gaps and early data bring rebirth requests, deaths
 * (stale ones excepted) and broker loss make values Bad and the next birth Good, and writes go out
 * as DCMD through the write path with read-back from the next DDATA.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import { writeValue } from '@/connectors/opcua/write-path';
import { connectSparkplug } from './sparkplug-source';
import { eventually } from '@/test/eventually';
import { TEST_BROKER_URL, requireBroker, uniqueId } from './testing/broker';
import { ScriptedEdgeNode } from './testing/scripted-edge-node';
import { startTcpProxy, type TcpProxy } from '@/test/tcp-proxy';
import type { UMetric } from './sparkplug-codec';

const COMPRESSOR_METRICS: UMetric[] = [
  { name: 'Device Info/Name', type: 'String', value: 'Compressed air station' },
  { name: 'Outlet/PressureBar', alias: 1, type: 'Double', value: 6.8, properties: { engUnit: { type: 'String', value: 'bar' } } },
  {
    name: 'PressureSetpointBar',
    alias: 2,
    type: 'Double',
    value: 7,
    properties: {
      engUnit: { type: 'String', value: 'bar' },
      engLow: { type: 'Double', value: 5 },
      engHigh: { type: 'Double', value: 8 },
      writable: { type: 'Boolean', value: true },
    },
  },
  { name: 'RunHours', alias: 3, type: 'UInt32', value: 1200, properties: { engUnit: { type: 'String', value: 'h' } } },
];

const open: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(item: T): T => {
  open.push(item);
  return item;
};

afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close().catch(() => undefined);
});

beforeAll(requireBroker);

async function bornPlant(options: { brokerUrl?: string } = {}): Promise<{ edge: ScriptedEdgeNode; plant: PlantConnection; groupId: string }> {
  const groupId = uniqueId('G');
  const edge = track(await ScriptedEdgeNode.start(groupId, 'Utilities'));
  const plant = track(
    await connectSparkplug({ brokerUrl: options.brokerUrl ?? TEST_BROKER_URL, groupId, edgeNodeId: 'Utilities', birthWaitMs: 0, rebirthIntervalMs: 0 }),
  );
  // Births answer the source's rebirth request, as a real edge node's would.
  await eventually(() => edge.rebirthRequests() > 0, 15_000, 'the rebirth request a new host sends');
  await edge.nbirth([{ name: 'Node Info/Name', type: 'String', value: 'Plant utilities' }]);
  await edge.dbirth('UT-AIR', COMPRESSOR_METRICS);
  await eventually(() => plant.listAssets().some((asset) => asset.id === 'UT-AIR'), 15_000, 'the device birth');
  return { edge, plant, groupId };
}

describe('Sparkplug B source', () => {
  it('turns a device birth into an asset with units, ranges and writable setpoints', async () => {
    const { plant } = await bornPlant();
    const asset = plant.getAsset('UT-AIR');
    expect(asset).toMatchObject({ id: 'UT-AIR', name: 'Compressed air station', line: 'Utilities', lineName: 'Plant utilities' });
    expect(asset.tags.find((tag) => tag.id === 'Outlet.PressureBar')).toMatchObject({ unit: 'bar', writable: false });
    expect(asset.tags.find((tag) => tag.id === 'PressureSetpointBar')).toMatchObject({ unit: 'bar', writable: true, range: { low: 5, high: 8 } });
    expect(asset.values['Outlet.PressureBar']).toMatchObject({ value: 6.8, unit: 'bar', quality: 'good' });
    expect(asset.values.RunHours).toMatchObject({ value: 1200, unit: 'h', quality: 'good' });
    expect(plant.state).toBe('connected');
  });

  it('applies DDATA sent by alias only, and never shows a historical metric as current', async () => {
    const { edge, plant } = await bornPlant();
    const seen: unknown[] = [];
    const unsubscribe = plant.subscribe((update) => seen.push(update.value.value));
    await edge.ddata('UT-AIR', [{ alias: 1, type: 'Double', value: 5.1, isHistorical: true }]);
    await edge.ddata('UT-AIR', [{ alias: 1, type: 'Double', value: 6.2 }]);
    await eventually(() => plant.getValue('UT-AIR', 'Outlet.PressureBar').value === 6.2, 15_000, 'the aliased value');
    // The historical value before it (store and forward) never showed as current.
    unsubscribe();
    expect(seen).not.toContain(5.1);
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar')).toMatchObject({ quality: 'good', unit: 'bar' });
  });

  it('asks for a rebirth on a sequence gap and on data from a device never born', async () => {
    const { edge, plant } = await bornPlant();
    const before = edge.rebirthRequests();
    await edge.ddata('UT-AIR', [{ alias: 1, type: 'Double', value: 6.1 }], (edge.seq + 2) % 256);
    await eventually(() => edge.rebirthRequests() > before, 15_000, 'a rebirth request after the gap');
    const afterGap = edge.rebirthRequests();
    await edge.ddata('UT-CHL', [{ name: 'SupplyTempC', type: 'Double', value: 12 }]);
    await eventually(() => edge.rebirthRequests() > afterGap, 15_000, 'a rebirth request for the unknown device');
    expect(() => plant.getAsset('UT-CHL')).toThrow(/Unknown asset UT-CHL/);
  });

  it('wraps the sequence number after 255 without asking for a rebirth', async () => {
    const { edge, plant } = await bornPlant();
    const before = edge.rebirthRequests();
    for (let index = 0; index < 260; index++) await edge.ddata('UT-AIR', [{ alias: 3, type: 'UInt32', value: 1200 + index }]);
    await eventually(() => plant.getValue('UT-AIR', 'RunHours').value === 1459, 15_000, 'the last value after wrapping');
    expect(edge.rebirthRequests()).toBe(before);
  });

  it('marks a dead device Bad, ignores a stale NDEATH, and is Good again after the next birth', async () => {
    const { edge, plant } = await bornPlant();
    await edge.ddeath('UT-AIR');
    await eventually(() => plant.getValue('UT-AIR', 'Outlet.PressureBar').quality === 'bad', 15_000, 'Bad after DDEATH');
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar')).toMatchObject({ value: 6.8, statusText: expect.stringMatching(/DDEATH/) });
    await edge.dbirth('UT-AIR', COMPRESSOR_METRICS);
    await eventually(() => plant.getValue('UT-AIR', 'Outlet.PressureBar').quality === 'good', 15_000, 'Good after DBIRTH');

    await edge.ndeath(edge.bdSeq + 7); // the will of some older session
    await edge.ddata('UT-AIR', [{ alias: 1, type: 'Double', value: 6.4 }]);
    await eventually(() => plant.getValue('UT-AIR', 'Outlet.PressureBar').value === 6.4, 15_000, 'data after the stale death');
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar').quality).toBe('good');

    await edge.crash(); // the broker publishes the will: NDEATH with the current bdSeq
    await eventually(() => plant.getValue('UT-AIR', 'Outlet.PressureBar').quality === 'bad', 15_000, 'Bad after the will');
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar').statusText).toMatch(/NDEATH/);
  });

  it('marks a device Bad that is not born again when its edge node is', async () => {
    const { edge, plant } = await bornPlant();
    await edge.dbirth('UT-CHL', [{ name: 'SupplyTempC', alias: 20, type: 'Double', value: 16 }]);
    await eventually(() => plant.listAssets().some((asset) => asset.id === 'UT-CHL'), 15_000, 'the chiller birth');
    await edge.nbirth();
    await edge.dbirth('UT-AIR', COMPRESSOR_METRICS);
    await edge.ddata('UT-AIR', [{ alias: 1, type: 'Double', value: 6.3 }]);
    await eventually(() => plant.getValue('UT-CHL', 'SupplyTempC').quality === 'bad', 15_000, 'the chiller to turn Bad');
    expect(plant.getValue('UT-CHL', 'SupplyTempC').statusText).toMatch(/UT-CHL was not born again when edge node Utilities was/);
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar')).toMatchObject({ value: 6.3, quality: 'good' });
  });

  it('writes a setpoint as DCMD and reads it back from the next DDATA', async () => {
    const { edge, plant } = await bornPlant();
    const echo = setInterval(() => {
      const command = edge.commands.find((candidate) => candidate.deviceId === 'UT-AIR');
      if (!command) return;
      edge.commands.splice(edge.commands.indexOf(command), 1);
      void edge.ddata('UT-AIR', command.metrics);
    }, 10);
    try {
      const result = await writeValue(plant, 'UT-AIR', 'PressureSetpointBar', 7.5);
      expect(result).toMatchObject({ assetId: 'UT-AIR', tagId: 'PressureSetpointBar', written: 7.5, readBack: { value: 7.5, quality: 'good', unit: 'bar' } });
      expect(result.nodeId).toMatch(/UT-AIR\/PressureSetpointBar$/);
    } finally {
      clearInterval(echo);
    }
    await expect(writeValue(plant, 'UT-AIR', 'PressureSetpointBar', 9)).rejects.toThrow(/outside the allowed range \(allowed 5–8 bar\)/);
    await expect(writeValue(plant, 'UT-AIR', 'Outlet.PressureBar', 6)).rejects.toThrow(/read-only/);
  });

  it('makes an edge node with metrics of its own an asset, written by NCMD with read-back from NDATA', async () => {
    const groupId = uniqueId('G');
    const edge = track(await ScriptedEdgeNode.start(groupId, 'Boiler'));
    const plant = track(await connectSparkplug({ brokerUrl: TEST_BROKER_URL, groupId, edgeNodeId: 'Boiler', birthWaitMs: 0, rebirthIntervalMs: 0 }));
    await eventually(() => edge.rebirthRequests() > 0, 15_000, 'the rebirth request');
    const setpoint: UMetric = {
      name: 'SteamSetpointBar',
      alias: 9,
      type: 'Float',
      value: 10,
      properties: { engUnit: { type: 'String', value: 'bar' }, writable: { type: 'Boolean', value: true } },
    };
    await edge.nbirth([setpoint]);
    await eventually(() => plant.listAssets().some((asset) => asset.id === 'Boiler'), 15_000, 'the node asset');
    const sent = edge.commands.length;
    const echo = setInterval(() => {
      const command = edge.commands.slice(sent).find((candidate) => candidate.metrics.some((metric) => metric.name !== 'Node Control/Rebirth'));
      if (!command) return;
      edge.commands.splice(edge.commands.indexOf(command), 1);
      void edge.ndata(command.metrics);
    }, 10);
    try {
      const result = await writeValue(plant, 'Boiler', 'SteamSetpointBar', 11);
      expect(result.readBack).toMatchObject({ value: 11, quality: 'good', unit: 'bar' });
    } finally {
      clearInterval(echo);
    }
  });

  it('refuses a write to a dead device without sending anything', async () => {
    const { edge, plant } = await bornPlant();
    await edge.ddeath('UT-AIR');
    await eventually(() => plant.getValue('UT-AIR', 'PressureSetpointBar').quality === 'bad', 15_000, 'Bad after DDEATH');
    const sent = edge.commands.length;
    const error = await writeValue(plant, 'UT-AIR', 'PressureSetpointBar', 7.5).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('plant_unreachable');
    expect(edge.commands.length).toBe(sent);
  });

  it('marks every value Bad when the broker link is lost and Good after reconnect and rebirth', async () => {
    const proxy: TcpProxy = track(await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_BROKER_URL).port || 1883) }));
    const { edge, plant } = await bornPlant({ brokerUrl: proxy.urlFor(TEST_BROKER_URL) });
    proxy.block();
    await eventually(() => plant.state === 'reconnecting', 15_000, 'the source to notice the lost broker');
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar')).toMatchObject({
      quality: 'bad',
      statusText: expect.stringMatching(/lost the connection to the MQTT broker/),
    });
    const before = edge.rebirthRequests();
    proxy.restore();
    await eventually(() => edge.rebirthRequests() > before, 15_000, 'a rebirth request after reconnecting');
    expect(plant.getValue('UT-AIR', 'Outlet.PressureBar').quality).toBe('bad');
    await edge.nbirth();
    await edge.dbirth('UT-AIR', COMPRESSOR_METRICS);
    await eventually(() => plant.getValue('UT-AIR', 'Outlet.PressureBar').quality === 'good', 15_000, 'Good after the rebirth');
    expect(plant.state).toBe('connected');
  });

  it('names the broker when it cannot be reached', async () => {
    const error = await connectSparkplug({ brokerUrl: 'mqtt://127.0.0.1:1', groupId: uniqueId('G'), connectTimeoutMs: 3_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.code).toBe('plant_unreachable');
    expect((error as Error).message).toMatch(/Cannot reach the MQTT broker at mqtt:\/\/127\.0\.0\.1:1 \(connection refused\)/);
  });
});
