import { describe, expect, it } from 'vitest';
import type { PlantEvent, Sample } from '../historian/historian-types';
import { PlantTwin } from './simulation';
import { warmUpTwin } from './warm-up';

const HOUR_MS = 3_600_000;

describe('twin warm-up', () => {
  it('runs the twin up to now and records samples every minute, state changes and alarms on the way', () => {
    const untilMs = Date.parse('2026-03-02T06:00:00Z');
    const twin = new PlantTwin({ seed: 4, startTime: new Date(untilMs - 3 * HOUR_MS) });
    const samples: Sample[] = [];
    const events: PlantEvent[] = [];
    const counts = warmUpTwin(twin, untilMs, { record: (s) => samples.push(s), recordEvent: (e) => events.push(e) });

    expect(twin.now().getTime()).toBe(untilMs);
    expect(counts).toEqual({ samples: samples.length, events: events.length });
    // Every numeric tag of every machine once a minute, start and end included.
    const temperature = samples.filter((s) => s.assetId === 'L1-RFL' && s.tagId === 'Zone4.TemperatureC');
    expect(temperature).toHaveLength(3 * 60 + 1);
    expect(temperature[0]!.time.getTime()).toBe(untilMs - 3 * HOUR_MS);
    expect(temperature.at(-1)!).toMatchObject({ time: new Date(untilMs), value: twin.readValue('L1-RFL', 'Zone4.TemperatureC'), quality: 'good' });
    // Text tags only when they change: the last State sample is the live state.
    const states = samples.filter((s) => s.assetId === 'L1-RFL' && s.tagId === 'State');
    expect(states.at(-1)!.textValue).toBe(twin.machineState('L1-RFL'));
    expect(states.length).toBeLessThan(temperature.length);
    // The lines start up by themselves in the first hour: those transitions are recorded as the connector would.
    expect(events.some((e) => e.kind === 'state_change' && e.assetId === 'L1-RFL' && /→ Execute$/.test(e.message))).toBe(true);
    for (const event of events) {
      expect(event.time.getTime()).toBeGreaterThanOrEqual(untilMs - 3 * HOUR_MS);
      expect(event.time.getTime()).toBeLessThanOrEqual(untilMs);
    }
  });

  it('records alarms like the OPC UA alarm recorder, and the crew brings a repaired machine back', () => {
    const untilMs = Date.parse('2026-03-02T06:00:00Z');
    const twin = new PlantTwin({ seed: 4, startTime: new Date(untilMs - HOUR_MS) });
    const events: PlantEvent[] = [];
    twin.step(10 * 60_000);
    // A fault injected before the warm-up continues is cleared during it (repaired after 5 min).
    const sinkEvents = (e: PlantEvent) => events.push(e);
    twin.injectFault('L1-RFL', 'E-260', 5 * 60_000);
    warmUpTwin(twin, untilMs, { record: () => undefined, recordEvent: sinkEvents });
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'alarm',
        assetId: 'L1-RFL',
        code: 'E-260',
        message: expect.stringMatching(/^E-260 cleared: /),
        payload: expect.objectContaining({ active: false }),
      }),
    );
    // The fault latched the oven (Aborted); once repaired, the simulated crew cleared and restarted it.
    const oven = events.filter((e) => e.kind === 'state_change' && e.assetId === 'L1-RFL').map((e) => e.code);
    expect(oven).toEqual(expect.arrayContaining(['Clearing', 'Execute']));
    expect(oven.lastIndexOf('Execute')).toBeGreaterThan(oven.indexOf('Clearing'));
    expect(twin.machineState('L1-RFL')).toBe('Execute');
  });
});
