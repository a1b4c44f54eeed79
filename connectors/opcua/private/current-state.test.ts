import { describe, expect, it } from 'vitest';
import type { TagValue, ValueUpdate } from '../plant-connection';
import { CurrentState } from './current-state';

const good = (value: number, at: number): TagValue => ({
  value,
  unit: '°C',
  sourceTimestamp: new Date(at),
  serverTimestamp: new Date(at),
  quality: 'good',
  statusCode: 0,
  statusText: 'Good',
});

function cache() {
  const state = new CurrentState([{ id: 'OVEN', name: 'Oven', tags: [{ id: 'TempC', nodeId: 'ns=2;i=1', unit: '°C', writable: false }], methods: [] }]);
  const updates: ValueUpdate[] = [];
  state.subscribe((update) => updates.push(update));
  return { state, updates };
}

describe('current-state cache', () => {
  it('starts Bad until the first value and then shows values as received', () => {
    const { state, updates } = cache();
    expect(state.getValue('OVEN', 'TempC')).toMatchObject({ quality: 'bad', value: null, unit: '°C' });
    state.apply('OVEN', 'TempC', good(200, 1000));
    expect(state.getValue('OVEN', 'TempC')).toMatchObject({ quality: 'good', value: 200 });
    state.apply('OVEN', 'TempC', good(200, 1000));
    expect(updates).toHaveLength(1);
  });

  it('turns Good values Uncertain after the stale window and back when the server is heard again', () => {
    const { state, updates } = cache();
    state.apply('OVEN', 'TempC', good(200, 1000));
    state.checkStale(1000, 5000, 10_000);
    expect(state.getValue('OVEN', 'TempC').quality).toBe('good');
    state.checkStale(1000, 11_001, 10_000);
    expect(state.getValue('OVEN', 'TempC')).toMatchObject({ quality: 'uncertain', value: 200, statusText: expect.stringMatching(/UncertainLastUsableValue/) });
    state.checkStale(12_000, 12_000, 10_000);
    expect(state.getValue('OVEN', 'TempC')).toMatchObject({ quality: 'good', value: 200 });
    expect(updates.map((update) => update.value.quality)).toEqual(['good', 'uncertain', 'good']);
  });

  it('marks everything Bad on disconnection, keeping the last value, until new data arrives', () => {
    const { state } = cache();
    state.apply('OVEN', 'TempC', good(200, 1000));
    state.markDisconnected(new Date(2000));
    expect(state.getValue('OVEN', 'TempC')).toMatchObject({ quality: 'bad', value: 200, statusText: expect.stringMatching(/BadNotConnected/) });
    state.apply('OVEN', 'TempC', good(201, 3000));
    expect(state.getValue('OVEN', 'TempC')).toMatchObject({ quality: 'good', value: 201 });
  });

  it('passes on a sample stamped before the value held (the historian records it)', () => {
    const { state, updates } = cache();
    state.apply('OVEN', 'TempC', good(237, 2000)); // read right after a write
    state.apply('OVEN', 'TempC', good(241, 1500)); // a notification sampled before that write
    expect(updates.map((update) => update.value.value)).toEqual([237, 241]);
  });

  it('names the known assets and tags when asked for unknown ones', () => {
    const { state } = cache();
    expect(() => state.getAsset('PRESS')).toThrow(/Unknown asset PRESS. Known assets: OVEN/);
    expect(() => state.getValue('OVEN', 'Speed')).toThrow(/Its tags are: TempC/);
  });
});
