import { describe, expect, it } from 'vitest';
import { INTENTS } from './models/offline/intents';
import { understand } from './models/offline/understand';
import { plantAssets } from './plant-assets';

// A mapping file's assets as a real server's connection lists them.
const mapped = [
  {
    id: 'OVEN-1',
    name: 'Reflow oven',
    line: 'L1',
    lineName: 'SMT Line 1',
    type: 'reflow-oven',
    tags: [
      { id: 'ZoneTemp', description: 'Zone temperature', unit: '°C' },
      { id: 'ZoneSetpoint', description: 'Zone temperature setpoint', unit: '°C', writable: true, range: { low: 180, high: 260 } },
    ],
  },
  { id: 'AIR-1', name: 'Compressor', type: 'compressor', tags: [{ id: 'Pressure', description: 'Header pressure', unit: 'bar' }] },
];

describe('assets of a real plant', () => {
  it('lists its lines and carries tag descriptions, units and writability', () => {
    const assets = plantAssets(mapped);
    expect(assets.find((asset) => asset.type === 'line')).toMatchObject({ id: 'L1', name: 'SMT Line 1' });
    expect(assets.find((asset) => asset.id === 'OVEN-1')?.tags).toContainEqual({
      id: 'ZoneSetpoint',
      name: 'Zone temperature setpoint',
      unit: '°C',
      writable: true,
      range: { low: 180, high: 260 },
    });
  });

  it('lets the offline model understand the plant and file a setpoint change from chat', async () => {
    const assets = plantAssets(mapped);
    const tools = new Set(Object.values(INTENTS).map((intent) => intent.tool));
    const base = { assets, availableTools: tools, now: new Date('2026-03-04T12:00:00Z'), timeZone: 'Europe/Berlin' };
    expect(await understand({ ...base, text: 'state of line 1' })).toMatchObject({ tool: 'asset_state', args: { asset: 'L1' } });
    expect(await understand({ ...base, text: 'wie ist der Netzdruck' })).toMatchObject({ tool: 'asset_state', args: { asset: 'AIR-1' } });
    expect(await understand({ ...base, text: 'set the zone setpoint of the oven on line 1 to 240' })).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'OVEN-1', tag: 'ZoneSetpoint', value: 240 },
    });
  });

  it('asks back a setpoint value outside the range the mapping gives, with the reading that fits', async () => {
    const assets = plantAssets(mapped);
    const tools = new Set(Object.values(INTENTS).map((intent) => intent.tool));
    const base = { assets, availableTools: tools, now: new Date('2026-03-04T12:00:00Z'), timeZone: 'Europe/Berlin' };
    const plan = await understand({ ...base, text: 'set the zone setpoint of the oven on line 1 to 2.4' });
    expect(plan.kind).toBe('reply');
    expect(plan.kind === 'reply' ? plan.text : '').toMatch(/outside the range .*180–260 °C.*Did you mean 240 °C\?/);
  });
});
