import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwinConnection, type TwinConnection } from '@/connectors/opcua/testing/twin-connection';
import { createHistorian, type Historian } from '@/connectors/historian/historian';
import { recordPlantHistory, type PlantRecorder } from '@/connectors/historian/plant-recorder';
import { recordAlarmEvents, type AlarmEventRecorder } from '@/connectors/opcua/alarm-events';
import { startConnectorLease, type ConnectorLease } from '@/connectors/opcua/lease';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import type { TwinServer } from '@/connectors/twin/server';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { openEmbeddedDb } from '@/lib/db/pglite';
import { testDatabases } from '@/lib/db/testing';
import type { ToolCallContext } from '../../tool';
import { alarmsTool } from './alarms';
import { assetStateTool } from './asset-state';
import { plantOverviewTool } from './plant-overview';
import { productionStatusTool } from './production-status';
import { createRegistry } from '../../registry';
import { tagHistoryTool } from './tag-history';
import { eventually } from '@/test/eventually';

const CONTEXT: ToolCallContext = { actor: { kind: 'system', id: 'test', name: 'test', role: 'viewer' } };

const FAULTS = {
  pglite: { assetId: 'L2-RFL', name: 'reflow line 2', code: 'E-260', priority: 1, text: 'Board drop in conveyor', action: /conveyor width/ },
  // Faults with a long MTBF, so the twin does not raise them by itself during the test.
  postgres: { assetId: 'L2-ICT', name: 'ICT on line 2', code: 'E-630', priority: 2, text: 'Test program error', action: /matching test program/ },
} as const;

let fixture: TwinConnection;
let twin: TwinServer;
let plant: PlantConnection;

beforeAll(async () => {
  fixture = await startTwinConnection({ seed: 11 }, { samplingIntervalMs: 100, publishingIntervalMs: 200 });
  ({ twin, plant } = fixture);
});

afterAll(async () => {
  await fixture?.close();
});

describe.each(testDatabases())('read-only plant tools on the twin, history on $kind', ({ kind, open }) => {
  let db: Db;
  let historian: Historian;
  let lease: ConnectorLease;
  let recorder: PlantRecorder;
  let alarmRecorder: AlarmEventRecorder;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    historian = createHistorian(db, { flushIntervalMs: 100 });
    lease = await startConnectorLease(db);
    recorder = recordPlantHistory({ plant, historian, lease });
    alarmRecorder = await recordAlarmEvents({ plant, historian, lease });
    // A little history: a few seconds are minutes of simulated production at speed 60.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await historian.flush();
  });

  afterAll(async () => {
    await alarmRecorder?.stop();
    await recorder?.stop();
    await historian?.close();
    await lease?.close();
    await db?.close();
  });

  it('lists five read tools with strict inputs', () => {
    const tools = createRegistry({ plant, historian })
      .list()
      .filter((tool) => tool.effect === 'read');
    expect(tools.map((tool) => [tool.name, tool.effect])).toEqual([
      ['plant_overview', 'read'],
      ['asset_state', 'read'],
      ['tag_history', 'read'],
      ['alarms', 'read'],
      ['production_status', 'read'],
    ]);
    expect(tools[1]!.input.safeParse({ asset: 'L1-RFL', extra: 1 }).success).toBe(false);
  });

  it('asset_state resolves a loose name and returns every tag with unit, timestamp and quality', async () => {
    const tool = assetStateTool({ plant, historian });
    const result = tool.output.parse(await tool.run(tool.input.parse({ asset: 'reflow oven on line 2' }), CONTEXT));
    expect(result.asset).toMatchObject({ id: 'L2-RFL', line: 'Line2' });
    const zone = result.tags.find((tag) => tag.tagId === 'Zone4.TemperatureC')!;
    expect(zone).toMatchObject({ unit: '°C', quality: 'good', current: true });
    expect(typeof zone.value).toBe('number');
    expect(Date.parse(zone.sourceTimestamp!)).toBeGreaterThan(0);
    expect(result.tags.find((tag) => tag.tagId === 'GoodCount')).toMatchObject({ unit: 'count' });
    expect(result.dataQuality.worst).toBe('good');
    expect(result.sources[0]).toMatchObject({ kind: 'tag', href: '/plant?asset=L2-RFL' });
    const filtered = await tool.run(tool.input.parse({ asset: 'L2-RFL', tags: ['zone4'] }), CONTEXT);
    expect(filtered.tags.map((tag) => tag.tagId)).toEqual(['Zone4.SetpointC', 'Zone4.TemperatureC', 'Zone4.HeaterOutputPct']);
    const line = tool.output.parse(await tool.run(tool.input.parse({ asset: 'Line1' }), CONTEXT));
    expect(line.asset).toMatchObject({ id: 'Line1', type: 'line' });
    expect(line.machines!.map((machine) => machine.id)).toContain('L1-RFL');
    expect(line.machines![0]!.state).toMatchObject({ quality: 'good', current: true });
    await expect(tool.run(tool.input.parse({ asset: 'oven' }), CONTEXT)).rejects.toMatchObject({ code: 'invalid_argument', message: /L1-RFL.*L2-RFL/ });
    await expect(tool.run(tool.input.parse({ asset: 'coffee machine' }), CONTEXT)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('tag_history returns raw points and buckets with unit and quality counts, and checks the window', async () => {
    const tool = tagHistoryTool({ plant, historian });
    const now = new Date();
    const from = new Date(now.getTime() - 10 * 60_000).toISOString();
    const raw = tool.output.parse(await tool.run(tool.input.parse({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', from, resolution: 'raw' }), CONTEXT));
    expect(raw).toMatchObject({ assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', unit: '°C', resolution: 'raw' });
    expect(raw.points!.length).toBeGreaterThan(0);
    expect(raw.qualityCounts.good + raw.qualityCounts.uncertain + raw.qualityCounts.bad).toBe(raw.points!.length);
    expect(raw.qualityCounts.good).toBeGreaterThan(0);
    expect(raw.sources[0]!.href).toBe('/plant?asset=L1-RFL&tag=Zone4.TemperatureC');
    const buckets = await tool.run(tool.input.parse({ asset: 'oven line 1', tag: 'zone4.temperaturec', from, resolution: 10 }), CONTEXT);
    expect(buckets.resolution).toEqual({ bucketSeconds: 10 });
    const minutes = await tool.run(tool.input.parse({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', from, resolution: '1m' }), CONTEXT);
    expect(minutes.resolution).toEqual({ bucketSeconds: 60 });
    expect(tool.input.safeParse({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', resolution: '1 minute' }).success).toBe(false);
    expect(buckets.buckets!.length).toBeGreaterThan(0);
    expect(buckets.buckets![0]!.max!).toBeGreaterThanOrEqual(buckets.buckets![0]!.min!);
    await expect(tool.run(tool.input.parse({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', from: now.toISOString(), to: from }), CONTEXT)).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(
      tool.run(tool.input.parse({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', from: '2025-01-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }), CONTEXT),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: /31 days/ });
    await expect(tool.run(tool.input.parse({ asset: 'L1-RFL', tag: 'Zone9.Nope' }), CONTEXT)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('plant_overview gives per line and machine state, speed, shift counts, plan, OEE and alarms', async () => {
    const tool = plantOverviewTool({ plant, historian, historianDb: db });
    const result = tool.output.parse(await tool.run(tool.input.parse({}), CONTEXT));
    expect(result.lines.map((line) => line.id)).toEqual(['Line1', 'Line2', 'Utilities']);
    const line1 = result.lines[0]!;
    expect(line1.machines.map((machine) => machine.id)).toEqual(['L1-PRN', 'L1-SPI', 'L1-PNP1', 'L1-PNP2', 'L1-RFL', 'L1-AOI', 'L1-ICT', 'L1-PCK']);
    expect(line1.outputMachineId).toBe('L1-PCK');
    const packer = line1.machines.at(-1)!;
    expect(packer.state).toMatchObject({ quality: 'good', current: true });
    expect(packer.speed).toMatchObject({ unit: '%' });
    expect(packer.countsThisShift).toMatchObject({ unit: 'boards' });
    expect(packer.countsThisShift!.good).toBeGreaterThanOrEqual(0);
    expect(packer.availabilityPct).toBeGreaterThanOrEqual(0);
    expect(packer.availabilityPct).toBeLessThanOrEqual(100);
    // The line's figures name their window and how they were computed, and agree with the machine rows.
    expect(line1.figures).toMatchObject({ lineId: 'Line1', outputMachineId: 'L1-PCK', window: { timeZone: 'Europe/Berlin' } });
    expect(line1.goodThisShift).toBe(packer.countsThisShift!.good);
    expect(line1.figures!.href).toMatch(/^\/kpis\?line=Line1&from=/);
    expect(line1.figures!.computation.join(' ')).toMatch(/Availability .* run ÷ .* planned/);
    expect(result.lines[2]!.machines.map((machine) => machine.id)).toEqual(['UT-AIR', 'UT-CHL']);
    expect(result.lines[2]!.machines[0]!.countsThisShift).toBeNull();
    expect(result.definitions).toMatch(/availability/);
    expect(result.shift.timeZone).toBe('Europe/Berlin');
    const only = await tool.run(tool.input.parse({ line: 'line two' }), CONTEXT);
    expect(only.lines.map((line) => line.id)).toEqual(['Line2']);
  });

  it('alarms shows active alarms with causes, recorded events, and the minutes before a line stopped', async () => {
    // A fault that stops a Line 2 machine, repaired after 30 simulated minutes; another machine per
    // database pass, because the twin (and the first fault) outlive the first pass.
    const fault = FAULTS[kind];
    twin.twin.injectFault(fault.assetId, fault.code, 30 * 60_000);
    const tool = alarmsTool({ plant, historian });
    await eventually(
      async () => {
        await historian.flush();
        const window = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 1000), assetId: fault.assetId };
        const stops = await historian.events({ ...window, kinds: ['state_change'] });
        const alarms = (await historian.events({ ...window, kinds: ['alarm'] })).filter((event) => event.payload?.active === true);
        const activeInCache = String(plant.getValue(fault.assetId, 'ActiveAlarms').value).includes(fault.code);
        const stopped = stops.some((event) => event.code === 'Aborted' || event.code === 'Aborting');
        return activeInCache && stopped && alarms.some((event) => event.code === fault.code) ? true : undefined;
      },
      15_000,
      'the stop and the alarm in the historian and the live cache',
    );
    const before = tool.output.parse(await tool.run(tool.input.parse({ before: { line: 'Line 2', minutes: 10 } }), CONTEXT));
    expect(before.stop!.assetId).toMatch(/^L2-/);
    const raised = before.events.find((event) => event.code === fault.code)!;
    expect(raised).toMatchObject({ assetId: fault.assetId, line: 'Line2', priority: fault.priority, state: 'active', text: fault.text });
    expect(raised.advice!.operatorAction).toMatch(fault.action);
    expect(raised.source.href).toBe(`/plant?asset=${fault.assetId}#alarms`);
    expect(before.events.every((event) => event.line === 'Line2')).toBe(true);

    const current = await tool.run(tool.input.parse({ asset: fault.name }), CONTEXT);
    const byCode = await tool.run(tool.input.parse({ line: 'line 2', state: 'active', code: fault.code.toLowerCase() }), CONTEXT);
    expect(byCode.events.map((event) => event.code)).toEqual([fault.code]);
    expect(current.activeNow.find((alarm) => alarm.code === fault.code)).toMatchObject({ assetId: fault.assetId, priority: fault.priority, quality: 'good' });
    const others = [1, 2, 3, 4].filter((priority) => priority !== fault.priority);
    const otherPriorities = await tool.run(tool.input.parse({ asset: fault.assetId, priorities: others }), CONTEXT);
    expect(otherPriorities.events.map((event) => event.code)).not.toContain(fault.code);
    expect(otherPriorities.activeNow.map((alarm) => alarm.code)).not.toContain(fault.code);
    const clearedOnly = await tool.run(tool.input.parse({ line: 'Line2', state: 'cleared' }), CONTEXT);
    expect(clearedOnly.events.every((event) => event.state === 'cleared')).toBe(true);
    expect(clearedOnly.activeNow).toEqual([]);
    await expect(tool.run(tool.input.parse({ before: { asset: 'UT-AIR', minutes: 10 } }), CONTEXT)).rejects.toMatchObject({ code: 'not_found' });
    await expect(tool.run(tool.input.parse({ before: { minutes: 10 } }), CONTEXT)).rejects.toMatchObject({ code: 'invalid_argument' });
    const overview = await plantOverviewTool({ plant, historian, historianDb: db }).run({ line: 'Line2' }, CONTEXT);
    expect(overview.lines[0]!.activeAlarms[`p${fault.priority}`]).toBeGreaterThanOrEqual(1);
  });

  it('production_status lists running, finished and planned orders and says what it is based on', async () => {
    const tool = productionStatusTool({ plant, historian });
    const result = tool.output.parse(await tool.run(tool.input.parse({}), CONTEXT));
    expect(result.lines.map((line) => line.line)).toEqual(['Line1', 'Line2']);
    const line1 = result.lines[0]!;
    expect(line1.outputMachineId).toBe('L1-PCK');
    expect(line1.orders.map((order) => order.orderId)).toEqual(expect.arrayContaining(['PO-24118', 'PO-24121']));
    for (const order of line1.orders) expect(order.basis.length).toBeGreaterThan(10);
    const running = line1.orders.find((order) => order.status === 'running');
    if (running) expect(running.plannedQuantity).toBeGreaterThan(0);
    expect(result.basedOn).toMatch(/OrderId/);
    expect(result.sources.some((source) => source.href === '/plant?asset=L1-PCK&tag=OrderId')).toBe(true);
  });
  it('production_status gives a planned order its start, end and due time from the current plan, and stands without it', async () => {
    const times = { startAt: '2026-03-05T01:15:00.000Z', endAt: '2026-03-05T04:20:00.000Z', dueAt: '2026-03-05T08:00:00.000Z' };
    const withPlan = productionStatusTool({ plant, historian, plannedTimes: async () => new Map([['PO-24121', times]]) });
    const planned = (await withPlan.run(withPlan.input.parse({ line: 'Line1' }), CONTEXT)).lines[0]!.orders.find((order) => order.orderId === 'PO-24121')!;
    expect(planned).toMatchObject({ status: 'planned', plannedStart: times.startAt, plannedEnd: times.endAt, dueAt: times.dueAt });
    expect(planned.basis).toMatch(/current plan/);
    // A scheduler that fails takes nothing away from the lines' status.
    const failing = productionStatusTool({ plant, historian, plannedTimes: () => Promise.reject(new Error('solver down')) });
    const without = (await failing.run(failing.input.parse({ line: 'Line1' }), CONTEXT)).lines[0]!.orders.find((order) => order.orderId === 'PO-24121')!;
    expect(without).toMatchObject({ status: 'planned', plannedStart: null, plannedEnd: null });
  });

  it('production_status counts an order from its start in history and gives an ETA from the rate', async () => {
    // History as if the line had switched from an earlier order to the running one 10 minutes ago.
    // The first board reaches packing a few seconds after the twin starts.
    const orderId = await eventually(() => (plant.getValue('L1-PCK', 'OrderId').value as string) || undefined, 15_000, 'an order at L1-PCK');
    const now = Date.now();
    const goodNow = Number(plant.getValue('L1-PCK', 'GoodCount').value);
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
    historian.record({ time: at(20), assetId: 'L1-PCK', tagId: 'OrderId', value: null, textValue: 'PO-09999', quality: 'good' });
    historian.record({ time: at(10.5), assetId: 'L1-PCK', tagId: 'GoodCount', value: goodNow - 30, quality: 'good' });
    historian.record({ time: at(10), assetId: 'L1-PCK', tagId: 'OrderId', value: null, textValue: orderId, quality: 'good' });
    await historian.flush();
    const tool = productionStatusTool({ plant, historian });
    const result = tool.output.parse(await tool.run(tool.input.parse({ line: 'Line1' }), CONTEXT));
    const running = result.lines[0]!.orders.find((order) => order.status === 'running')!;
    expect(running.orderId).toBe(orderId);
    expect(running.startedAt).toBe(at(10).toISOString());
    expect(running.goodSoFar).toBeGreaterThanOrEqual(30);
    expect(running.goodPerHour).toBeGreaterThanOrEqual(180);
    expect(Date.parse(running.eta!)).toBeGreaterThan(now);
    expect(running.progressPct).toBeCloseTo((running.goodSoFar! / running.plannedQuantity!) * 100, 0);
    expect(running.basis).toMatch(/ETA = remaining/);
    expect(result.lines[0]!.orders.find((order) => order.orderId === 'PO-09999')).toMatchObject({ status: 'finished' });
  });
});

describe('when the plant goes away', () => {
  it('marks every value bad and not current instead of presenting it as current', async () => {
    // asset_state reads only the live cache; the historian is there because the tool needs one.
    const db = await openEmbeddedDb({});
    const historian = createHistorian(db);
    try {
      await twin.close();
      const tool = assetStateTool({ plant, historian });
      const result = await eventually(
        async () => {
          const state = await tool.run({ asset: 'L1-RFL' }, CONTEXT);
          return state.dataQuality.worst === 'bad' ? state : undefined;
        },
        20_000,
        'the values to turn bad',
      );
      expect(result.tags.every((tag) => !tag.current)).toBe(true);
      expect(result.tags.find((tag) => tag.tagId === 'State')!.status).toMatch(/^Bad/);
      expect(result.dataQuality.note).toMatch(/not the current state/);
    } finally {
      await historian.close();
      await db.close();
    }
  });
});
