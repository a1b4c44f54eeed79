import { describe, expect, it } from 'vitest';
import type { TagValue, ValueUpdate } from '@/connectors/opcua/plant-connection';
import { MetricCache } from './metric-cache';

const AT = new Date('2026-03-02T08:00:00Z');
const good = (value: number): TagValue => ({
  value,
  unit: 'bar',
  sourceTimestamp: AT,
  serverTimestamp: AT,
  quality: 'good',
  statusCode: 0,
  statusText: 'Good',
});
const ASSET = { id: 'UT-AIR', name: 'Compressed air station', tags: [{ id: 'PressureBar', nodeId: 'x', unit: 'bar', writable: false }], methods: [] };

describe('Sparkplug metric cache', () => {
  it('is Bad after a death, keeps the last value, ignores data until the next birth, and is Good after it', () => {
    const cache = new MetricCache();
    const updates: ValueUpdate[] = [];
    cache.subscribe((update) => updates.push(update));
    cache.birth(ASSET, new Map([['PressureBar', good(6.8)]]));
    expect(cache.getValue('UT-AIR', 'PressureBar')).toMatchObject({ value: 6.8, quality: 'good' });

    cache.markDead('UT-AIR', AT, 'device UT-AIR went offline (DDEATH)');
    expect(cache.getValue('UT-AIR', 'PressureBar')).toMatchObject({
      value: 6.8,
      quality: 'bad',
      statusText: expect.stringMatching(/^BadNotConnected: device UT-AIR went offline/),
    });
    cache.apply('UT-AIR', 'PressureBar', good(6.1));
    expect(cache.getValue('UT-AIR', 'PressureBar').quality).toBe('bad');

    cache.birth(ASSET, new Map([['PressureBar', good(6.5)]]));
    expect(cache.getValue('UT-AIR', 'PressureBar')).toMatchObject({ value: 6.5, quality: 'good' });
    expect(updates.map((update) => [update.value.value, update.value.quality])).toEqual([
      [6.8, 'good'],
      [6.8, 'bad'],
      [6.5, 'good'],
    ]);
  });

  it('shows a metric born without a value as waiting for data, and names the known assets for an unknown one', () => {
    const cache = new MetricCache();
    cache.birth(ASSET, new Map());
    expect(cache.getValue('UT-AIR', 'PressureBar')).toMatchObject({
      value: null,
      quality: 'bad',
      statusText: expect.stringMatching(/^BadWaitingForInitialData/),
    });
    expect(() => cache.getValue('UT-CHL', 'x')).toThrow(/Unknown asset UT-CHL\. Known assets: UT-AIR/);
    expect(() => cache.getValue('UT-AIR', 'x')).toThrow(/Asset UT-AIR has no tag x\. Its tags are: PressureBar/);
  });
});
