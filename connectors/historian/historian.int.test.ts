import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { testDatabases } from '../../lib/db/testing';
import { autoBucketSeconds, createHistorian, type Historian } from './historian';

const T0 = new Date('2025-03-03T06:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(testDatabases())('historian on $kind', ({ open }) => {
  let db: Db;
  let historian: Historian;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    historian = createHistorian(db, { flushIntervalMs: 50, maxBatchRows: 100, retentionDays: 30 });
  });
  afterAll(async () => {
    await historian?.close();
    await db?.close();
  });

  it('writes samples in batches and returns raw points in time order', async () => {
    for (let second = 0; second < 600; second++) {
      historian.record({
        time: at(second),
        assetId: 'L1-RFL',
        tagId: 'Zone4.TemperatureC',
        value: 200 + (second % 60),
        quality: second === 30 ? 'bad' : 'good',
      });
    }
    historian.record({ time: at(5), assetId: 'L1-RFL', tagId: 'State', value: null, textValue: 'Execute', quality: 'good' });
    await historian.flush();
    expect(historian.stats()).toMatchObject({ pending: 0, dropped: 0, failures: 0 });

    const raw = await historian.history({ assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', from: at(0), to: at(10), resolution: 'raw' });
    expect(raw.resolution).toBe('raw');
    if (raw.resolution !== 'raw') return;
    expect(raw.points.map((point) => point.value)).toEqual([200, 201, 202, 203, 204, 205, 206, 207, 208, 209]);
    expect(raw.points[0]!.time).toEqual(at(0));
    expect(raw.truncated).toBe(false);

    const cut = await historian.history({ assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', from: at(0), to: at(600), resolution: 'raw', maxPoints: 50 });
    expect(cut).toMatchObject({ resolution: 'raw', truncated: true });

    const state = await historian.history({ assetId: 'L1-RFL', tagId: 'State', from: at(0), to: at(60), resolution: 'raw' });
    expect(state.resolution === 'raw' && state.points[0]).toMatchObject({ value: null, textValue: 'Execute' });
  });

  it('downsamples into buckets with min, max, avg, last and counts, leaving bad samples out', async () => {
    const result = await historian.history({ assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', from: at(0), to: at(600), resolution: 60 });
    expect(result.resolution).toBe('buckets');
    if (result.resolution !== 'buckets') return;
    expect(result.buckets).toHaveLength(10);
    const [first, second] = result.buckets;
    expect(first).toMatchObject({ start: at(0), min: 200, max: 259, last: 259, count: 60, badCount: 1 });
    expect(first!.avg).toBeCloseTo((59 * 60) / 2 / 59 + 200 - 30 / 59, 6);
    expect(second).toMatchObject({ start: at(60), min: 200, max: 259, avg: 229.5, last: 259, count: 60, badCount: 0 });

    expect(autoBucketSeconds(10 * 60_000)).toBe('raw');
    expect(autoBucketSeconds(86_400_000)).toBe(300);
    expect(autoBucketSeconds(7 * 86_400_000)).toBe(1800);
    const week = await historian.history({ assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', from: at(-7 * 86_400), to: at(600) });
    expect(week).toMatchObject({ resolution: 'buckets', bucketSeconds: 1800 });
  });

  it('stores events and filters them by window, asset, kind and priority', async () => {
    historian.recordEvent({
      time: at(10),
      kind: 'alarm',
      assetId: 'L1-RFL',
      code: 'E-214',
      priority: 1,
      severity: 900,
      message: 'Zone 4 over-temperature',
      payload: { zone: 4 },
    });
    historian.recordEvent({ time: at(20), kind: 'state_change', assetId: 'L1-RFL', code: 'Held', message: 'L1-RFL Execute → Held' });
    historian.recordEvent({ time: at(30), kind: 'alarm', assetId: 'L1-SPI', code: 'W-101', priority: 3, message: 'Paste volume low' });
    historian.recordEvent({
      time: at(40),
      kind: 'order_progress',
      assetId: 'L1-PCK',
      message: 'Order 4711: 120 of 500 packed',
      payload: { orderId: '4711', done: 120 },
    });
    await historian.flush();

    const all = await historian.events({ from: at(0), to: at(60) });
    expect(all.map((event) => event.code ?? event.kind)).toEqual(['E-214', 'Held', 'W-101', 'order_progress']);
    expect(all[0]).toMatchObject({ kind: 'alarm', priority: 1, severity: 900, payload: { zone: 4 } });
    expect((await historian.events({ from: at(0), to: at(60), assetId: 'L1-RFL' })).map((event) => event.code)).toEqual(['E-214', 'Held']);
    expect((await historian.events({ from: at(0), to: at(60), kinds: ['alarm'], priorities: [1, 2] })).map((event) => event.code)).toEqual(['E-214']);
    expect(await historian.events({ from: at(50), to: at(60) })).toEqual([]);
    await expect(historian.events({ from: at(0), to: at(60), kinds: ['nonsense' as 'alarm'] })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(historian.history({ assetId: 'A', tagId: 'B', from: at(10), to: at(0) })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('deletes rows older than the retention window', async () => {
    historian.record({ time: at(-40 * 86_400), assetId: 'OLD', tagId: 'T', value: 1, quality: 'good' });
    historian.recordEvent({ time: at(-40 * 86_400), kind: 'other', message: 'ancient' });
    await historian.flush();
    const deleted = await historian.applyRetention(at(0));
    expect(deleted).toEqual({ samples: 1, events: 1 });
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM historian_samples');
    expect(Number(rows[0]!.n)).toBe(601);
  });

  it('keeps each site’s history apart: two sites may serve the same asset ids', async () => {
    const erlangen = createHistorian(db, { flushIntervalMs: 50, siteKey: 'ERL' });
    try {
      const time = new Date('2025-02-01T06:00:00Z');
      historian.record({ time, assetId: 'L9-X', tagId: 'Speed', value: 1, quality: 'good' });
      erlangen.record({ time, assetId: 'L9-X', tagId: 'Speed', value: 2, quality: 'good' });
      erlangen.recordEvent({ time, kind: 'alarm', assetId: 'L9-X', code: 'E-1', message: 'only at ERL' });
      await Promise.all([historian.flush(), erlangen.flush()]);
      const window = { assetId: 'L9-X', tagId: 'Speed', from: time, to: new Date(time.getTime() + 1000), resolution: 'raw' as const };
      const values = async (of: Historian) => {
        const result = await of.history(window);
        return result.resolution === 'raw' ? result.points.map((point) => point.value) : [];
      };
      expect(await values(historian)).toEqual([1]);
      expect(await values(erlangen)).toEqual([2]);
      const events = { from: time, to: window.to, assetId: 'L9-X' };
      expect((await erlangen.events(events)).map((event) => event.message)).toEqual(['only at ERL']);
      expect(await historian.events(events)).toEqual([]);
    } finally {
      await erlangen.close();
    }
  });
});
