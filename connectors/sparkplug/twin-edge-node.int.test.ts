/**
 * The twin published as a Sparkplug B edge node, read by the Sparkplug source over the real broker:
 * the utilities appear as assets with the same tag ids and units as over OPC UA, a setpoint write
 * through the write path reaches the twin and is read back, a PackML command moves the machine, and
 * a host that joins late gets everything by asking for a rebirth.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@/test/eventually';
import { callMethod, waitForValue, writeValue } from '@/connectors/opcua/write-path';
import { PlantTwin } from '@/connectors/twin/simulation';
import { startTwinClock } from '@/connectors/twin/twin-clock';
import { startTwinEdgeNodes } from '@/connectors/twin/sparkplug-edge-node';
import { connectSparkplug } from './sparkplug-source';
import { TEST_BROKER_URL, requireBroker, uniqueId } from './testing/broker';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeAll(requireBroker);

async function utilitiesOnSparkplug() {
  const groupId = uniqueId('Plant');
  const twin = new PlantTwin({ seed: 1, startTime: new Date() });
  cleanups.push(startTwinClock(twin, { tickMs: 100, speed: 10 }));
  const nodes = await startTwinEdgeNodes({ brokerUrl: TEST_BROKER_URL, groupId, areas: ['Utilities'], twin, publishIntervalMs: 200 });
  cleanups.push(() => nodes.close());
  const plant = await connectSparkplug({ brokerUrl: TEST_BROKER_URL, groupId, edgeNodeId: 'Utilities' });
  cleanups.push(() => plant.close());
  await eventually(() => plant.listAssets().length === 2, 15_000, 'both utility machines to be born');
  return { twin, plant, groupId };
}

describe('the twin as a Sparkplug B edge node', () => {
  it('publishes the utilities with units, ranges and setpoints, and keeps their values current', async () => {
    const { twin, plant } = await utilitiesOnSparkplug();
    const air = plant.getAsset('UT-AIR');
    expect(air).toMatchObject({ name: 'Compressed air station', line: 'Utilities', lineName: 'Plant utilities', type: 'compressed-air' });
    expect(air.tags.find((tag) => tag.id === 'PressureSetpointBar')).toMatchObject({ unit: 'bar', writable: true, range: { low: 5.5, high: 7.5 } });
    expect(air.tags.find((tag) => tag.id === 'PressureBar')).toMatchObject({ unit: 'bar', writable: false });
    expect(air.methods.map((method) => method.id)).toEqual(expect.arrayContaining(['Start', 'Stop', 'SetSpeed']));
    expect(air.values.PressureBar).toMatchObject({ quality: 'good', unit: 'bar' });
    await eventually(() => plant.getValue('UT-AIR', 'EnergyKwh').value === twin.readValue('UT-AIR', 'EnergyKwh'), 15_000, 'a value to follow the twin');
  });

  it('writes a setpoint through the write path with read-back, and refuses one out of range before sending', async () => {
    const { twin, plant } = await utilitiesOnSparkplug();
    const result = await writeValue(plant, 'UT-AIR', 'PressureSetpointBar', 6.9);
    expect(result.readBack).toMatchObject({ value: 6.9, quality: 'good', unit: 'bar' });
    expect(twin.readValue('UT-AIR', 'PressureSetpointBar')).toBe(6.9);
    await expect(writeValue(plant, 'UT-AIR', 'PressureSetpointBar', 9)).rejects.toThrow(/outside the allowed range/);
    expect(twin.readValue('UT-AIR', 'PressureSetpointBar')).toBe(6.9);
  });

  it('gives a PackML command as DCMD and sees the state move', async () => {
    const { twin, plant } = await utilitiesOnSparkplug();
    expect(twin.machineState('UT-CHL')).toBe('Execute');
    await callMethod(plant, 'UT-CHL', 'Hold');
    const held = await waitForValue(plant, 'UT-CHL', 'State', (value) => value.value === 'Held' || value.value === 'Holding', 15_000);
    expect(held.ok).toBe(true);
  });

  it('publishes its births when its Sparkplug 3.0 primary host comes online', async () => {
    const groupId = uniqueId('Plant');
    const hostId = uniqueId('host');
    const twin = new PlantTwin({ seed: 1, startTime: new Date() });
    cleanups.push(startTwinClock(twin, { tickMs: 100, speed: 10 }));
    const nodes = await startTwinEdgeNodes({ brokerUrl: TEST_BROKER_URL, groupId, areas: ['Utilities'], twin, publishIntervalMs: 200, primaryHostId: hostId });
    cleanups.push(() => nodes.close());
    // No edge node id: this host never asks for a rebirth, and the edge node sends no data before its
    // births, so only the host's STATE message can bring them.
    const plant = await connectSparkplug({ brokerUrl: TEST_BROKER_URL, groupId, hostId });
    cleanups.push(() => plant.close());
    await eventually(() => plant.listAssets().length === 2, 15_000, 'births after the host came online');
    expect(plant.getValue('UT-AIR', 'PressureBar').quality).toBe('good');
  });

  it('gives a late host every asset by rebirth', async () => {
    const { plant, groupId } = await utilitiesOnSparkplug();
    const late = await connectSparkplug({ brokerUrl: TEST_BROKER_URL, groupId });
    cleanups.push(() => late.close());
    await eventually(() => late.listAssets().length === plant.listAssets().length, 15_000, 'the late host to see every asset');
    expect(late.getValue('UT-AIR', 'PressureBar').quality).toBe('good');
  });
});
