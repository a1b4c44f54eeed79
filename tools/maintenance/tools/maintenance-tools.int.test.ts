import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import type { ToolCallContext } from '../../tool';
import { rankByRisk, type AssetForecast } from '../engine/asset-forecast';
import { maintenanceWindows } from '../service/work-orders';
import { createWorkOrderTool } from './create-work-order';
import { createListWorkOrdersTool } from './list-work-orders';
import { createMaintenanceForecastTool } from './maintenance-forecast';
import { nextNightShift } from '../service/next-night-shift';

const context: ToolCallContext = { actor: { kind: 'user', id: 'u-sam', name: 'Sam Supervisor (sam)', role: 'supervisor' } };
const NOW = new Date('2025-03-04T09:15:00Z');

function forecast(assetId: string, rulHours: number | null, lowerHours: number | null): AssetForecast {
  return {
    assetId,
    computedAt: NOW.toISOString(),
    status: rulHours === null ? 'insufficient_history' : 'ok',
    rulHours,
    lowerHours,
    upperHours: rulHours === null ? null : rulHours + 10,
    topSignals: rulHours === null ? [] : [{ signal: 'SpindleVibrationMmS', contributionHours: -12 }],
    modelVersion: 'twin-r2-s1-d60',
    cyclesObserved: rulHours === null ? 2 : 40,
    detail: rulHours === null ? 'Only 2 operating hour(s)…' : null,
  };
}

describe('maintenance_forecast', () => {
  const forecasts = { latest: async () => rankByRisk([forecast('L2-PNP2', 50, 40), forecast('L1-PNP2', 20, 12), forecast('UT-AIR', null, null)]) };

  it('ranks a line by lower bound and places a window before it from the schedule, with the procedure', async () => {
    const asked: unknown[] = [];
    const tool = createMaintenanceForecastTool({
      forecasts,
      now: () => NOW,
      findIdleWindow: async (assetId, before, durationH) => {
        asked.push({ assetId, before: before.toISOString(), durationH });
        return { from: new Date('2025-03-04T13:00:00Z'), to: new Date('2025-03-04T15:00:00Z') };
      },
      searchManuals: async (query, assetId) => [
        { id: 'c1', title: 'PNP manual § 7.3 Spindle bearing replacement', snippet: `for ${assetId}: ${query}`, href: '/manuals/pnp.md#7-3' },
      ],
    });
    const result = await tool.run({ line: 'L1' }, context);
    expect(result.assets.map((a) => a.assetId)).toEqual(['L1-PNP2']);
    const [pnp] = result.assets;
    expect(pnp).toMatchObject({ riskRank: 1, rulHours: 20, lowerHours: 12, status: 'ok' });
    expect(pnp.recommendedWindow).toMatchObject({ from: '2025-03-04T13:00:00.000Z', beforeLowerBound: true, basis: 'idle time in the schedule' });
    expect(asked).toEqual([{ assetId: 'L1-PNP2', before: '2025-03-04T21:15:00.000Z', durationH: 2 }]);
    expect(pnp.procedure[0].title).toMatch(/Spindle bearing/);
    expect(result.sources.find((s) => s.kind === 'forecast')).toMatchObject({ href: '/maintenance?asset=L1-PNP2' });
    expect(result.sources.some((s) => s.kind === 'manual')).toBe(true);
    expect(result.note).toMatch(/L1-PNP1/);
  });

  it('covers the whole plant, keeps insufficient history last, and falls back to the next night shift', async () => {
    const tool = createMaintenanceForecastTool({ forecasts, now: () => NOW });
    const result = await tool.run({}, context);
    expect(result.assets.map((a) => [a.assetId, a.riskRank])).toEqual([
      ['L1-PNP2', 1],
      ['L2-PNP2', 2],
      ['UT-AIR', 3],
    ]);
    expect(result.assets[2]).toMatchObject({ status: 'insufficient_history', rulHours: null, recommendedWindow: null });
    // 22:00 in Berlin on 4 March is 21:00 UTC.
    expect(result.assets[0].recommendedWindow).toMatchObject({ from: '2025-03-04T21:00:00.000Z', to: '2025-03-04T23:00:00.000Z', beforeLowerBound: false });
    expect(nextNightShift(new Date('2025-07-01T12:00:00Z'), 3).from.toISOString()).toBe('2025-07-01T20:00:00.000Z');
  });

  it('refuses an unknown asset or line in words a model can act on', async () => {
    const tool = createMaintenanceForecastTool({ forecasts });
    await expect(tool.run({ asset: 'L9-XYZ' }, context)).rejects.toMatchObject({ code: 'not_found' });
    await expect(tool.run({ line: 'Line 7' }, context)).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(tool.input.safeParse({ asset: 'L1-PNP1', extra: 1 }).success).toBe(false);
  });
});

describe.each(testDatabases())('work orders on $kind', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('previews, stores, reads back, lists and blocks the window in the scheduler', async () => {
    const create = createWorkOrderTool({ db, scheduledWorkOverlapping: async () => ['PO-24117 on Line1'] });
    const list = createListWorkOrdersTool({ db });
    expect(create.effect).toBe('actuate');
    const input = create.input.parse({
      asset: 'L1-PNP2',
      task: 'Replace placement spindle bearings',
      from: '2025-03-04T21:00:00Z',
      to: '2025-03-04T23:00:00Z',
      parts: [{ partNumber: 'SPB-6204', quantity: 2 }],
    });
    const first = await create.preview!(input, context);
    expect(first).toMatchObject({ risk: 'medium', asset: { id: 'L1-PNP2', line: 'Line1' } });
    expect(first.changes.map((c) => c.proposed)).toContain('2 × SPB-6204');
    expect(first.safetyNotes.map((n) => n.text).join(' ')).toMatch(/PO-24117/);

    const output = await create.run(input, context);
    expect(output).toMatchObject({ workOrderId: 'WO-00001', status: 'planned', asset: 'L1-PNP2' });
    expect(await create.readBack!(input, output, context)).toMatchObject({ ok: true });

    const overlapping = await create.preview!({ ...input, from: '2025-03-04T22:00:00Z', to: '2025-03-05T01:00:00Z' }, context);
    expect(overlapping.safetyNotes[0].text).toMatch(/WO-00001/);

    await create.run({ ...input, asset: 'UT-AIR', task: 'Compressor bearing inspection', parts: undefined }, context);
    const all = await list.run({}, context);
    expect(all.workOrders.map((o) => o.id).sort()).toEqual(['WO-00001', 'WO-00002']);
    const one = await list.run({ asset: 'UT-AIR', status: 'planned' }, context);
    expect(one.workOrders).toHaveLength(1);
    expect(one.workOrders[0]).toMatchObject({ parts: [], createdBy: { id: 'u-sam' } });
    expect(one.sources[0]).toMatchObject({ kind: 'work_order', href: '/maintenance?workOrder=WO-00002' });
    expect(await list.run({ status: 'done' }, context)).toMatchObject({ workOrders: [] });
    // A line's orders are its machines' (from the plant's asset model, the line in any form people type).
    const assets = [
      { id: 'L1-PNP2', name: 'Placer 2', line: 'Line1', tags: [], methods: [] },
      { id: 'UT-AIR', name: 'Compressor', tags: [], methods: [] },
    ];
    const byLine = createListWorkOrdersTool({ db, listAssets: () => assets });
    expect((await byLine.run({ line: 'L1' }, context)).workOrders.map((o) => o.id)).toEqual(['WO-00001']);
    expect((await byLine.run({ line: 'line 1', status: 'done' }, context)).workOrders).toEqual([]);
    await expect(byLine.run({ line: 'Line 7' }, context)).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/Line1/) });
    await expect(list.run({ line: 'Line1' }, context)).rejects.toMatchObject({ code: 'unsupported' });
    // One order by id, however it is typed; an id that does not exist is a clear 404, not an empty list.
    const byId = await list.run(list.input.parse({ id: 'wo 2' }), context);
    expect(byId.workOrders.map((o) => o.id)).toEqual(['WO-00002']);
    await expect(list.run({ id: 'WO-00099' }, context)).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/WO-00099/) });

    expect(await maintenanceWindows(db)).toContainEqual({
      assetId: 'L1-PNP2',
      from: '2025-03-04T21:00:00.000Z',
      to: '2025-03-04T23:00:00.000Z',
      reason: 'WO-00001: Replace placement spindle bearings',
    });
  });

  it('refuses an unknown asset and an empty or overlong window', async () => {
    const create = createWorkOrderTool({ db });
    const base = { asset: 'L1-PNP2', task: 'Replace bearings', from: '2025-03-04T21:00:00Z', to: '2025-03-04T23:00:00Z' };
    await expect(create.preview!({ ...base, asset: 'L1-NOPE' }, context)).rejects.toMatchObject({ code: 'not_found' });
    await expect(create.preview!({ ...base, to: base.from }, context)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(create.preview!({ ...base, to: '2025-03-09T23:00:00Z' }, context)).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
