/**
 * Small stand-ins for the plant tools, with the names and argument shapes the real ones will have,
 * over a fixed in-memory plant. Tests (and the eval runner's own tests) register these; the product
 * registers the real tools.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { defineTool, type AnyTool } from '../../tools/tool';
import type { AssetRef } from '../assets';
import { twinAssets } from '../twin-assets';

const AT = '2025-03-04T10:00:00.000Z';

export const TEST_ASSETS: AssetRef[] = [
  { id: 'Line1', name: 'SMT Line 1', type: 'line', aliases: ['Line 1'] },
  { id: 'Line2', name: 'SMT Line 2', type: 'line', aliases: ['Line 2'] },
  ...[1, 2].flatMap((line): AssetRef[] => [
    {
      id: `L${line}-RFL`,
      name: `Reflow oven L${line}`,
      line: `Line${line}`,
      type: 'reflow-oven',
      aliases: ['reflow', 'oven', 'reflow oven'],
      tags: [
        { id: 'Zone4.TemperatureC', name: 'Zone 4 temperature', unit: '°C', writable: false },
        { id: 'Zone4.SetpointC', name: 'Zone 4 setpoint', unit: '°C', writable: true },
        { id: 'ConveyorSpeedMmS', name: 'Conveyor speed', unit: 'mm/s', writable: false },
      ],
    },
    { id: `L${line}-PNP1`, name: `Pick-and-place 1 L${line}`, line: `Line${line}`, type: 'pick-and-place', aliases: ['P&P 1', 'PnP 1', 'placer 1'] },
    { id: `L${line}-PRN`, name: `Stencil printer L${line}`, line: `Line${line}`, type: 'stencil-printer', aliases: ['printer', 'stencil printer'] },
  ]),
];

// The twin's catalogue too, so scenario suites written for the plant run against these doubles.
const assetIds = [...new Set([...TEST_ASSETS, ...twinAssets()].map((asset) => asset.id))];

function known(asset: string): string {
  if (!assetIds.includes(asset)) throw new AppError('not_found', `There is no asset "${asset}". Known assets: ${assetIds.join(', ')}.`);
  return asset;
}

const Value = z.object({ tag: z.string(), value: z.number(), unit: z.string(), quality: z.string(), timestamp: z.string() });

export const plantOverviewTool = defineTool({
  name: 'plant_overview',
  title: 'Plant overview',
  description: 'State of every line and machine.',
  input: z.object({}),
  output: z.object({ lines: z.array(z.object({ id: z.string(), state: z.string(), goodUnits: z.number() })), sources: z.array(z.any()) }),
  effect: 'read',
  run: async () => ({
    lines: [
      { id: 'Line1', state: 'Execute', goodUnits: 412 },
      { id: 'Line2', state: 'Held', goodUnits: 96 },
    ],
    sources: [{ kind: 'event', id: 'overview', title: 'Plant overview at 10:00' }],
  }),
});

export const assetStateTool = defineTool({
  name: 'asset_state',
  title: 'Asset state',
  description: 'Live state and values of one machine or line.',
  input: z.object({ asset: z.string() }),
  output: z.object({ asset: z.string(), state: z.string(), values: z.array(Value), sources: z.array(z.any()) }),
  effect: 'read',
  run: async ({ asset }) => ({
    asset: known(asset),
    state: 'Execute',
    values: [
      { tag: 'Zone4.TemperatureC', value: 244.6, unit: '°C', quality: 'Good', timestamp: AT },
      { tag: 'ConveyorSpeedMmS', value: 14.2, unit: 'mm/s', quality: 'UncertainLastUsableValue', timestamp: AT },
    ],
    sources: [{ kind: 'tag', id: `${asset}/Zone4.TemperatureC`, title: `${asset} Zone4.TemperatureC`, href: `/plant/${asset}?tag=Zone4.TemperatureC` }],
  }),
});

export const alarmsTool = defineTool({
  name: 'alarms',
  title: 'Alarms',
  description: 'Active alarms, or alarm history with from/to.',
  input: z.object({
    asset: z.string().optional(),
    line: z.string().optional(),
    state: z.enum(['active', 'all']).default('active'),
    code: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  }),
  output: z.object({
    alarms: z.array(z.object({ code: z.string(), asset: z.string(), text: z.string(), priority: z.number(), raisedAt: z.string() })),
    /** As the real tool: alarms active now, apart from the raised events, so answers can tell them apart. */
    activeNow: z.array(z.object({ assetId: z.string(), code: z.string(), text: z.string(), priority: z.number() })),
    sources: z.array(z.any()),
  }),
  effect: 'read',
  run: async () => ({
    alarms: [{ code: 'E-214', asset: 'L1-RFL', text: 'Zone 4 temperature deviation', priority: 2, raisedAt: AT }],
    activeNow: [{ assetId: 'L1-RFL', code: 'E-214', text: 'Zone 4 temperature deviation', priority: 2 }],
    sources: [{ kind: 'alarm', id: 'alarm-1', title: 'E-214 on L1-RFL', href: '/plant/alarms/alarm-1' }],
  }),
});

export const tagHistoryTool = defineTool({
  name: 'tag_history',
  title: 'Tag history',
  description: 'Trend of one tag between from and to.',
  input: z.object({ asset: z.string(), tag: z.string(), from: z.string(), to: z.string(), resolution: z.string().optional() }),
  output: z.object({
    asset: z.string(),
    tag: z.string(),
    unit: z.string(),
    min: z.number(),
    max: z.number(),
    mean: z.number(),
    points: z.number(),
    quality: z.string(),
  }),
  effect: 'read',
  run: async ({ asset, tag }) => ({ asset: known(asset), tag, unit: '°C', min: 241.2, max: 247.9, mean: 244.8, points: 120, quality: 'Good' }),
});

export const productionStatusTool = defineTool({
  name: 'production_status',
  title: 'Production status',
  description: 'Orders, output and scrap per line.',
  input: z.object({ line: z.string().optional() }),
  output: z.object({ orders: z.array(z.object({ order: z.string(), line: z.string(), good: z.number(), scrap: z.number(), status: z.string() })) }),
  effect: 'read',
  run: async () => ({ orders: [{ order: 'PO-1003', line: 'Line1', good: 412, scrap: 3, status: 'running' }] }),
});

function actuate<I extends z.ZodType>(name: string, title: string, input: I): AnyTool {
  return defineTool({
    name,
    title,
    description: `${title}.`,
    input,
    output: z.object({ ok: z.boolean() }),
    effect: 'actuate',
    run: async () => ({ ok: true }),
    preview: async (args) => ({ summary: `${title} ${JSON.stringify(args)}`, changes: [], expectedEffect: 'as requested', safetyNotes: [], risk: 'medium' }),
    readBack: async () => ({ ok: true, observed: 'confirmed' }),
  });
}

export const setSetpointTool = actuate('set_setpoint', 'Set setpoint', z.object({ asset: z.string(), tag: z.string(), value: z.number() }));
export const machineCommandTool = actuate(
  'machine_command',
  'Machine command',
  z.object({ asset: z.string(), command: z.enum(['start', 'stop', 'hold', 'unhold', 'reset', 'abort', 'clear']) }),
);

export const PLANT_TEST_TOOLS: AnyTool[] = [
  plantOverviewTool,
  assetStateTool,
  alarmsTool,
  tagHistoryTool,
  productionStatusTool,
  setSetpointTool,
  machineCommandTool,
];
